import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where PowerShell 7 is for the tests in test/pwsh: `WCDOCTOR_TEST_PWSH` (a path), else `pwsh` on PATH, else the
 * .NET global tool folder that scripts/install-pwsh.sh installs into. Undefined, with the reason, when none runs.
 */
export function findPwsh(env: NodeJS.ProcessEnv = process.env): { path: string } | { missing: string } {
  const candidates = env.WCDOCTOR_TEST_PWSH
    ? [env.WCDOCTOR_TEST_PWSH]
    : [...(env.PATH ?? '').split(path.delimiter).filter(Boolean).map((d) => path.join(d, 'pwsh')), path.join(os.homedir(), '.dotnet', 'tools', 'pwsh')];
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return { path: c };
    } catch {
      // try the next
    }
  }
  return { missing: env.WCDOCTOR_TEST_PWSH ? `WCDOCTOR_TEST_PWSH=${env.WCDOCTOR_TEST_PWSH} is not executable` : 'pwsh is not installed (run scripts/install-pwsh.sh)' };
}

const found = findPwsh();
/** The pwsh to run, or undefined when the PowerShell tests skip. */
export const PWSH = 'path' in found ? found.path : undefined;

/**
 * The command that starts PowerShell 7 itself, for a pwsh found at `pwsh`: [program, ...its first arguments].
 * The .NET global tool's `pwsh` (what scripts/install-pwsh.sh installs) is a shim, a .NET program of its own that starts
 * `dotnet <tool folder>/unix/pwsh.dll ARGS` as a second process and waits for it (its apphost names the shim's dll,
 * beside which unix/pwsh.dll lies). Started as that same command, it is the same PowerShell with the same arguments,
 * without a second .NET runtime start (about a fifth of the CPU of a bare pwsh start). Any other pwsh is run as it is.
 */
export function pwshCommand(pwsh: string, env: NodeJS.ProcessEnv = process.env): string[] {
  try {
    const apphost = realpathSync(pwsh);
    const shim = /\.store\/[^\0]{1,400}?Microsoft\.PowerShell\.GlobalTool\.Shim\.dll/.exec(readFileSync(apphost).toString('latin1'))?.[0];
    if (!shim) return [pwsh];
    const dll = path.join(path.dirname(path.join(path.dirname(apphost), shim)), 'unix', 'pwsh.dll');
    const dotnet = (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((d) => path.join(d, 'dotnet')).find((c) => {
      try {
        accessSync(c, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
    return dotnet && existsSync(dll) ? [dotnet, dll] : [pwsh];
  } catch {
    return [pwsh];
  }
}

/** How the tests start PowerShell 7: PWSH, or the command its shim would start (see pwshCommand). */
export const PWSH_COMMAND: readonly string[] | undefined = PWSH ? pwshCommand(PWSH) : undefined;

/** The environment a test's pwsh runs in: this process's, without telemetry or an update check. */
export const pwshEnv = (env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => ({ ...env, POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' });

/** Runs PowerShell 7 (PWSH_COMMAND) with `args`, in pwshEnv() unless `options.env` says otherwise. */
export function spawnPwshSync(args: readonly string[], options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {}): SpawnSyncReturns<string> {
  if (!PWSH_COMMAND) throw new Error('pwsh is not available');
  const [program, ...first] = PWSH_COMMAND as [string, ...string[]];
  return spawnSync(program, [...first, ...args], { env: pwshEnv(), ...options, encoding: 'utf8' });
}

/** A describe-block title suffix that says why the PowerShell tests were skipped. */
export const SKIP_NOTE = 'missing' in found ? ` (SKIPPED: ${found.missing})` : '';

/** One argument as a stub saw it (see ConvertTo-WcdArg in harness.ps1). */
export type StubArg =
  | { param: string }
  | { s: string }
  | { array: StubArg[] }
  | { scriptblock: string }
  | { hashtable: { key: string; value: StubArg }[] }
  | { null: true }
  | { type: string; text: string };

/** One command the script called: its name, whether a stub took it or nothing of that name existed, its pipeline input and arguments. */
export interface StubCall {
  name: string;
  how: 'stub' | 'not-found';
  input: number;
  args: StubArg[];
}

/** One AST node of the parsed script, without its position. */
export interface AstNode {
  t: string;
  kind?: string;
  v?: string;
}

/** What the harness found for one case. */
export interface HarnessResult {
  id: string;
  script: string;
  parseErrors: string[];
  ast: AstNode[];
  calls: StubCall[];
  error: string | null;
  /** A native case's exit code ($LASTEXITCODE after the line). */
  exit?: number | null;
}

/**
 * A case: a fix plan's argv (decoded like -EncodedCommand) or a command line shown for copying, each run with every
 * command stubbed; or a line run as it is (`native`), with nothing stubbed and pwsh's own PATH, for a real program.
 */
export type HarnessCase = { id: string; argv: string[] } | { id: string; line: string; native?: true };

const HARNESS = path.join(path.dirname(new URL(import.meta.url).pathname), 'harness.ps1');

/** Runs all cases in one pwsh process (test/pwsh/harness.ps1) in an empty temporary folder; returns results by id. */
export function runHarness(cases: HarnessCase[], timeoutMs = 300_000): Map<string, HarnessResult> {
  if (!PWSH) throw new Error('pwsh is not available');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wcd-pwsh-'));
  try {
    const casesPath = path.join(dir, 'cases.json');
    const outPath = path.join(dir, 'results.json');
    writeFileSync(casesPath, JSON.stringify(cases), 'utf8');
    const r = spawnPwshSync(['-NoLogo', '-NoProfile', '-NonInteractive', '-File', HARNESS, '-CasesPath', casesPath, '-OutPath', outPath], { cwd: dir, timeout: timeoutMs });
    if (r.status !== 0) throw new Error(`harness failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
    const results = JSON.parse(readFileSync(outPath, 'utf8')) as HarnessResult[];
    return new Map(results.map((x) => [x.id, x]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a PowerShell script given as text with `-In` (a JSON file of `input`) and `-Out` (the file it writes JSON to),
 * in a temporary folder: its exit status, its error output, and what it wrote, parsed (undefined when nothing).
 */
export function runPwshScript<T>(script: string, input: unknown, timeoutMs = 120_000): { status: number | null; stderr: string; output: T | undefined } {
  if (!PWSH) throw new Error('pwsh is not available');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wcd-pwsh-script-'));
  try {
    const [scriptPath, inPath, outPath] = ['script.ps1', 'in.json', 'out.json'].map((f) => path.join(dir, f)) as [string, string, string];
    writeFileSync(scriptPath, script, 'utf8');
    writeFileSync(inPath, JSON.stringify(input), 'utf8');
    const r = spawnPwshSync(['-NoLogo', '-NoProfile', '-NonInteractive', '-File', scriptPath, '-In', inPath, '-Out', outPath], { timeout: timeoutMs });
    const output = existsSync(outPath) ? (JSON.parse(readFileSync(outPath, 'utf8').replace(/^\uFEFF/, '')) as T) : undefined;
    return { status: r.status, stderr: r.stderr, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces every string equal to `from` (anywhere inside `value`) with `to`. */
export function substitute<T>(value: T, from: string, to: string): T {
  if (typeof value === 'string') return (value === from ? to : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => substitute(v, from, to)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, from, to)])) as T;
  return value;
}

/**
 * The arguments a native program receives from a stub record: parameter-looking tokens pass as their text, strings
 * as themselves; anything else (an array from a bare comma, a script block from braces) is returned as an error.
 */
export function nativeArgs(call: StubCall): { argv: string[] } | { error: string } {
  const argv: string[] = [];
  for (const a of call.args) {
    if ('param' in a) argv.push(a.param);
    else if ('s' in a) argv.push(a.s);
    // A bare number reaches a program as its text; only one whose text PowerShell keeps (12, not 1e3 or 07) is that.
    else if ('type' in a && /^System\.(?:Int32|Int64|Double|Decimal)$/.test(a.type) && /^(?:0|[1-9]\d{0,8})$/.test(a.text)) argv.push(a.text);
    else return { error: `PowerShell passed ${JSON.stringify(a)}, not one string` };
  }
  return { argv };
}
