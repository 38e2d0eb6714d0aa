import type { Entities } from '../diagnosis/types.js';
import type { Fix, FixParam, Topic } from '../knowledge/types.js';
import { isPowerShellNumberChanged, isShellNeutral } from '../text/shell-safe.js';
import { err, ok, type Result } from '../result.js';
import { PLACEHOLDER } from '../text/placeholder.js';
import { fillArgvTemplate, fillPowerShellTemplate, nestedPlaceholdersOf } from './fill-template.js';
import { encodePowerShellCommand, formatArgv, isPowerShellActive } from './quote.js';
import type { FixPlan, FixProblem, FixProblemId, PlanPlaceholder } from './types.js';
import { checkParamValue } from './validate-param.js';
import { echoed, showControls } from '../text/terminal-safe.js';

/**
 * Lines put before every PowerShell fix: stop on the first error (so it shows in the exit code) and print UTF-8. The
 * output code page is the console's, which powershell.exe shares with the shell wcdoctor was started from: the one it
 * found is kept and put back after the fix (powerShellScript), so that the user's shell does not go on with UTF-8.
 */
export const POWERSHELL_PRELUDE = [
  "$ErrorActionPreference = 'Stop'",
  "$ProgressPreference = 'SilentlyContinue'",
  '$wcdOutputEncoding = [Console]::OutputEncoding',
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
].join('\n');

/**
 * The script powershell.exe runs for a fix's command: the prelude, then the command, the code page put back whatever
 * happens. The exit code stays the command's own: -EncodedCommand exits with 1 when the script's last statement failed
 * ($? false, as for a native program such as netsh or calicoctl that exits non-zero, which 'Stop' does not stop), but
 * here the last statement is the finally's assignment, which succeeds; so the command's $? is kept before the finally
 * and a failure ends the script with 1 after it (a regression tester: a failed calicoctl was reported as "Fix applied").
 * An `exit N` in the command keeps its N (finally runs, then PowerShell exits with it).
 */
export const powerShellScript = (command: string): string =>
  `${POWERSHELL_PRELUDE}\ntry {\n${command}\n$wcdSucceeded = $?\n} finally {\n[Console]::OutputEncoding = $wcdOutputEncoding\n}\nif (-not $wcdSucceeded) { exit 1 }`;

/**
 * The command to give the user to run where wcdoctor cannot (printed, copied): a PowerShell fix stops at its first
 * error, as wcdoctor's own run of it does, so that a failed step (a mistyped folder for `Push-Location`) does not go on
 * to the next ones in whatever folder the console is in; inside a script block, so that the setting ends with it and
 * the user's console keeps its own. Other fixes are their command line as the Windows host's cmd and PowerShell read
 * it (a docker fix planned off Windows has a POSIX line for this machine's shell and a Windows one to paste there).
 * @example commandToPaste({ command: 'Stop-Service docker; Start-Service docker', script: '…' }) === "& { $ErrorActionPreference = 'Stop'; Stop-Service docker; Start-Service docker }"
 */
export function commandToPaste(plan: Pick<FixPlan, 'command' | 'script' | 'pasteCommand'>): string {
  if (plan.script === undefined) return plan.pasteCommand ?? plan.command;
  const stop = POWERSHELL_PRELUDE.split('\n')[0]!;
  return plan.command.includes('\n') ? `& {\n${stop}\n${plan.command}\n}` : `& { ${stop}; ${plan.command} }`;
}

/** How a secret value appears in the audit log. */
export const SECRET_MASK = '********';

/** The longest command line Windows accepts. */
const MAX_COMMAND_LINE = 32767;

/** Options for building a plan. */
export interface PlanOptions {
  /** How the display string of docker and kubectl fixes quotes arguments (reg, net, cmd are always Windows style). */
  quoting?: 'windows' | 'posix';
}

/**
 * Shows a value briefly and visibly inside a message: in quotes, its control and invisible characters shown (␛, \u202e),
 * its backslashes as they are (a tester read JSON's "\\\\srv\\CON" as another path than \\srv\CON).
 */
function showValue(v: string): string {
  return `"${showControls(v.length > 60 ? `${v.slice(0, 57)}…` : v)}"`;
}

/** A plan problem: its kind, id, English text and the values it names (and the placeholder, or why a value fails). */
function problem(kind: FixProblem['kind'], id: FixProblemId, message: string, params: FixProblem['params'], more: Pick<FixProblem, 'name' | 'reason'> = {}): FixProblem {
  return { kind, id, params, message, ...more };
}

/**
 * Characters a shell still acts on inside a double-quoted argument, or that end it: `"` and the typographic
 * double quotes PowerShell also reads as quotes, `$` and the backtick (PowerShell), `%` and `!` (cmd), and
 * control characters. A command line with such a value cannot be shown so that it pastes safely everywhere.
 */
const QUOTE_ACTIVE = /["\u201c\u201d\u201e$`%!\u0000-\u001f\u007f-\u009f]/;

/**
 * The value an entity from the diagnosis offers for a placeholder, if any (the first one when it is a list).
 * A value from a paste that carries shell syntax (see QUOTE_ACTIVE) is not offered: the command shown for it,
 * and copied, would not be safe to paste, so the person gives the value instead.
 */
function entityValue(entities: Entities, param: FixParam): string | undefined {
  if (!param.entity) return undefined;
  const own = (key: string) => (Object.hasOwn(entities, key) ? entities[key] : undefined);
  const v = own(param.entity) ?? own(`${param.entity}s`);
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' && first !== '' && !QUOTE_ACTIVE.test(first) ? first : undefined;
}

/**
 * The values the diagnosis entities offer for a fix's placeholders (the same ones planFix falls back to),
 * for a form to start from; placeholders no entity fills are left out.
 */
export function prefillFromEntities(fix: Pick<Fix, 'params'>, entities: Entities = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, param] of Object.entries(fix.params)) {
    const v = entityValue(entities, param);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** Finds a fix of a topic by id, or a problem that lists the valid ids. */
export function findFix(topic: Topic, fixId: string): Result<Fix, FixProblem> {
  const fix = topic.fixes.find((f) => f.id === fixId);
  if (fix) return ok(fix);
  const valid = topic.fixes.map((f) => f.id);
  const params = { topic: topic.id, fix: echoed(fixId), fixes: valid.join(', ') };
  return err(
    valid.length
      ? problem('unknown-fix', 'unknownFix', `topic "${topic.id}" has no fix "${params.fix}"; its fixes are: ${params.fixes}`, params, { name: params.fix })
      : problem('unknown-fix', 'noFixes', `topic "${topic.id}" has no fixes`, params, { name: params.fix }),
  );
}

/** A value that cannot be shown in a Windows command line so that cmd and PowerShell both read it as it runs. */
function notPasteable(name: string, value: string): FixProblem {
  const params = { name, value: showValue(value) };
  return problem('invalid', 'notPasteable', `"${name}" ${params.value} holds $, \`, " or “ ” „, which PowerShell reads as code or as the end of a string, so the command shown could not be pasted safely`, params, { name });
}

/**
 * `%NAME%` in a value of a Windows command line: cmd replaces it with the variable's value, inside double quotes too,
 * so the line pasted into cmd would not be the one that runs (PowerShell leaves it); and `!NAME!`, which cmd replaces
 * the same way where delayed expansion is on (`cmd /V:ON`, or the DelayedExpansion registry value; an attacker helper).
 * Values from a paste never hold `%` or `!`.
 */
const CMD_VARIABLE = /%[^%\r\n]+%|![^!\r\n]+!/;

/**
 * A value with white space that ends in a backslash: Windows PowerShell 5.1, the shell of Server Core, quotes such an
 * argument for the program as "…\", and the C runtime reads that backslash and quote as a quote, joining the next
 * arguments to it (PowerShell issue #1995). The final backslash of a folder is never needed, so the value is refused.
 */
const spaceThenTrailingBackslash = (value: string): boolean => value.endsWith('\\') && /\s/.test(value);

function trailingBackslash(name: string, value: string): FixProblem {
  const params = { name, value: showValue(value) };
  return problem('invalid', 'trailingBackslash', `"${name}" ${params.value} has a space and ends in a backslash, which Windows PowerShell 5.1 passes on as a quote: leave the final backslash out`, params, { name });
}

/**
 * An argument that its values make PowerShell-active or a cmd variable only together with the template's text around
 * them (the values alone are not). Said of the argument's first placeholder that is not secret; a secret's own
 * characters never reach the line shown (it is masked).
 */
function gluedProblems(filled: { argv: readonly string[]; written: readonly string[] }, values: ReadonlyMap<string, string>, fix: Fix): FixProblem[] {
  const out: FixProblem[] = [];
  filled.argv.forEach((arg, idx) => {
    const written = filled.written[idx] ?? '';
    const names = [...written.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => fix.params[n]?.secret !== true);
    if (!names.length) return;
    const neutral = written.replace(PLACEHOLDER, 'v');
    const name = names[0]!;
    const value = values.get(name) ?? '';
    if (isPowerShellActive(arg) && !isPowerShellActive(neutral)) out.push(notPasteable(name, value));
    else if (CMD_VARIABLE.test(arg) && !CMD_VARIABLE.test(neutral)) out.push(cmdVariable(name, value));
  });
  return out;
}

function cmdVariable(name: string, value: string): FixProblem {
  const params = { name, value: showValue(value) };
  return problem('invalid', 'cmdVariable', `"${name}" ${params.value} holds %NAME% or !NAME!, which cmd replaces with a variable's value, so the command shown would not be the one that runs`, params, { name });
}

/**
 * A value that a shell the command starts further on parses again (docker exec web powershell -Command "… {{user}}")
 * is code to that shell unless it is a plain word: letters, digits and . _ : / @ + - (and \\ for cmd and PowerShell),
 * not a number PowerShell reads otherwise (1kb, 0x10). Found by an attacker helper: a contributed read-only fix ran
 * `x; Remove-LocalUser …` inside the container; and by a reviewer in PowerShell fixes (`48MB` as a pod's host name).
 */
function nestedShellProblems(nested: ReadonlyMap<string, 'powershell' | 'cmd' | 'posix'>, values: ReadonlyMap<string, string>): FixProblem[] {
  const out: FixProblem[] = [];
  for (const [name, kind] of nested) {
    const v = values.get(name) ?? '';
    const plain = kind === 'posix' ? isShellNeutral(v) : isShellNeutral(v.replace(/\\/g, '/'));
    // The number check for every kind: a template may start more than one shell, and the first one named decides the kind.
    if (plain && !isPowerShellNumberChanged(v)) continue;
    const params = { name, value: showValue(v) };
    out.push(problem('invalid', 'nestedShell', `"${name}" ${params.value} goes to a shell the command starts, which would read it as code or as a number: only words of letters, digits and . _ : / @ + - are taken there, not numbers such as 1kb or 0x10`, params, { name }));
  }
  return out;
}

function buildCommand(topic: Topic, fix: Fix, values: Map<string, string>, options: PlanOptions): Result<Pick<FixPlan, 'command' | 'program' | 'argv' | 'script' | 'pasteCommand'>, FixProblem[]> {
  const template = (detail: string): FixProblem[] => [
    problem('template', 'template', `the command of fix "${fix.id}" in topic "${topic.id}" ${detail}`, { fix: fix.id, topic: topic.id, detail }),
  ];
  if (fix.shell === 'powershell') {
    // A script passes its values on to programs too (compact.exe, icacls), and Windows PowerShell 5.1 does so as for a
    // pasted line (an attacker helper: `C:\Docker Data\` went to compact).
    const trailing = [...values].filter(([name, v]) => fix.params[name]?.secret !== true && spaceThenTrailingBackslash(v)).map(([name, v]) => trailingBackslash(name, v));
    const nested = nestedShellProblems(nestedPlaceholdersOf(fix.command), values);
    // A value given to a program, quoted or not, reaches it as its text: one that starts with - or / is an option to it
    // (`'-o'`, `'/add'`), and Windows PowerShell 5.1 passes a double quote inside one so that the program splits the
    // argument elsewhere (found by an attacker helper). A cmdlet would take either as a plain value, but which of a
    // script's placeholders reach a program is not read here: no value of a PowerShell fix starts so or holds one.
    const optionLike = [...values]
      .filter(([name, v]) => fix.params[name]?.secret !== true && (/^[-/]/.test(v) || v.includes('"')))
      .map(([name, v]) => (v.includes('"') ? notPasteable(name, v) : problem('invalid', 'optionLikeInScript', `"${name}" ${showValue(v)} starts with ${v[0]}: a program the script runs would read it as an option`, { name, value: showValue(v), first: v[0] ?? '' }, { name })));
    if (trailing.length || nested.length || optionLike.length) return err([...trailing, ...nested, ...optionLike]);
    const filled = fillPowerShellTemplate(fix.command, values);
    if (!filled.ok) return err(template(filled.error));
    const script = powerShellScript(filled.value);
    const argv = ['powershell.exe', '-NoProfile', '-NonInteractive', '-EncodedCommand', encodePowerShellCommand(script)];
    return ok({ command: filled.value, program: 'powershell.exe', argv, script });
  }
  const filled = fillArgvTemplate(fix.command, fix.shell, values);
  if (!filled.ok) return err(template(filled.error));
  const optionPrefix = fix.shell === 'docker' || fix.shell === 'kubectl' ? /^-/ : /^[-/]/;
  const problems: FixProblem[] = [];
  problems.push(...nestedShellProblems(filled.value.nested, values));
  for (const [idx, name] of filled.value.whole) {
    const v = filled.value.argv[idx] ?? '';
    if (!optionPrefix.test(v)) continue;
    const params = { name, value: showValue(v), first: v[0] ?? '', program: filled.value.argv[0] ?? '' };
    problems.push(problem('invalid', 'optionLike', `"${name}" ${params.value} starts with ${params.first}, so ${params.program} would read it as an option`, params, { name }));
  }
  const argv = filled.value.argv;
  const style = fix.shell === 'docker' || fix.shell === 'kubectl' ? options.quoting : 'windows';
  // A Windows command line is shown and copied to be pasted into cmd or PowerShell: a value that PowerShell would
  // expand or end a string at inside double quotes cannot be written so that both read it as what runs. Every fix has
  // that line, a docker fix planned off Windows too (printed and copied for the Windows host: an attacker helper ran
  // code through the POSIX line pasted into PowerShell). A secret is shown masked, so its own characters never reach it.
  for (const [name, v] of values) {
    if (fix.params[name]?.secret === true) continue;
    if (isPowerShellActive(v)) problems.push(notPasteable(name, v));
    else if (CMD_VARIABLE.test(v)) problems.push(cmdVariable(name, v));
    else if (spaceThenTrailingBackslash(v)) problems.push(trailingBackslash(name, v));
  }
  // The same over each argument as filled: `$` and `%` are active with what follows them, which the template may glue
  // to a value (`{{folder}}:{{target}}` with a folder `C:\data$` gives `C:\data$:C:\app`, and PowerShell reads `$:C:`
  // as a variable; found by an attacker helper's machine search over every fix and placeholder).
  if (!problems.length) problems.push(...gluedProblems(filled.value, values, fix));
  if (problems.length) return err(problems);
  const windows = formatArgv(argv, 'windows');
  return ok({ command: style === 'posix' ? formatArgv(argv, 'posix') : windows, program: argv[0] ?? '', argv, ...(style === 'posix' ? { pasteCommand: windows } : {}) });
}

/**
 * Builds a runnable plan for one fix of a topic: fills each placeholder from `values` (given by the user) or,
 * failing that, from the diagnosis `entities`, validates every value, and builds the program and argv.
 * Any missing or invalid value, unknown `values` name or broken template gives problems instead of a plan.
 * @example planFix(topic, 'restart-hns', {}) // {ok: true, value: {program: 'powershell.exe', argv: [...], ...}}
 */
export function planFix(topic: Topic, fixId: string, values: Readonly<Record<string, string>>, entities: Entities = {}, options: PlanOptions = {}): Result<FixPlan, FixProblem[]> {
  const found = findFix(topic, fixId);
  if (!found.ok) return err([found.error]);
  const fix = found.value;
  const problems: FixProblem[] = [];
  const names = Object.keys(fix.params);
  // Own keys only: `constructor`, `toString` or `__proto__` are no placeholder, whatever Object.prototype holds.
  for (const name of Object.keys(values)) {
    if (Object.hasOwn(fix.params, name)) continue;
    const params = { fix: fix.id, name: echoed(name), names: names.join(', ') };
    problems.push(
      names.length
        ? problem('unknown-name', 'unknownName', `fix "${fix.id}" has no placeholder "${params.name}"; its placeholders are: ${params.names}`, params, { name: params.name })
        : problem('unknown-name', 'takesNoValues', `fix "${fix.id}" takes no values, but "${params.name}" was given`, params, { name: params.name }),
    );
  }
  const placeholders: PlanPlaceholder[] = [];
  for (const [name, param] of Object.entries(fix.params)) {
    const given = Object.hasOwn(values, name) ? values[name] : undefined;
    const fromEntity = given === undefined ? entityValue(entities, param) : undefined;
    const value = given ?? fromEntity;
    if (value === undefined) {
      problems.push(problem('missing', 'missing', `"${name}" has no value: ${param.description} (${param.kind})`, { name, description: param.description, kind: param.kind }, { name }));
      continue;
    }
    const checked = checkParamValue(param, value);
    if (!checked.ok) {
      const pasted = given === undefined;
      const source = pasted ? ' (taken from the pasted text)' : '';
      const message = `"${name}" ${showValue(value)}${source} ${checked.error.message}`;
      problems.push(problem('invalid', pasted ? 'invalidFromPaste' : 'invalid', message, { name, value: showValue(value) }, { name, reason: checked.error }));
      continue;
    }
    placeholders.push({ name, kind: param.kind, value, from: given === undefined ? 'entity' : 'set', secret: param.secret === true });
  }
  if (problems.length) return err(problems);
  const real = buildCommand(topic, fix, new Map(placeholders.map((p) => [p.name, p.value])), options);
  if (!real.ok) return err(real.error);
  const masked = new Map(placeholders.map((p) => [p.name, p.secret ? SECRET_MASK : p.value]));
  const redacted = placeholders.some((p) => p.secret) ? buildCommand(topic, fix, masked, options) : real;
  if (!redacted.ok) return err(redacted.error);
  if (real.value.argv.reduce((n, a) => n + a.length + 3, 0) > MAX_COMMAND_LINE)
    return err([problem('invalid', 'commandTooLong', `the filled command would be longer than Windows allows (${MAX_COMMAND_LINE} characters); use shorter values`, { max: MAX_COMMAND_LINE })]);
  const { command, argv, script, pasteCommand } = redacted.value;
  // An image the paste named, in a fix that pulls, runs or deploys it, asks for the typed word whatever the fix's risk:
  // a paste copied from a log or a public thread chose what the host would fetch and start, and one `y` ran it (found
  // by an attacker helper: `docker service update --image contoso-mirror.example/iis:ltsc2019 web` from a pasted line).
  // (Not the tag a build gives what it makes, `docker build -t {{image}} .`: nothing is fetched or started from it; a
  // regression tester.)
  const pastedImage = fix.readOnly === true ? undefined : placeholders.find((p) => p.from === 'entity' && p.kind === 'image-ref' && !namesBuildOutput(fix.command, p.name))?.value;
  return ok({
    topic: topic.id,
    fix: fix.id,
    title: fix.title,
    changes: fix.changes,
    shell: fix.shell,
    ...real.value,
    risk: fix.risk,
    admin: fix.admin,
    readOnly: fix.readOnly === true,
    ...(fix.risk === 'high' || pastedImage !== undefined ? { confirmWord: fix.id } : {}),
    ...(pastedImage !== undefined ? { pastedImage } : {}),
    ...(fix.windowsOnly === true ? { windowsOnly: true as const } : {}),
    ...(fix.anyEngine === true ? { anyEngine: true as const } : {}),
    placeholders,
    redacted: { command, argv, ...(script === undefined ? {} : { script }), ...(pasteCommand === undefined ? {} : { pasteCommand }) },
  });
}

/** Whether the template uses placeholder `name` only as the tag of what a build makes (`-t {{name}}`, `--tag={{name}}`). */
function namesBuildOutput(command: string, name: string): boolean {
  const words = command.split(/\s+/);
  const placeholder = `{{${name}}}`;
  if (!words.includes('build')) return false;
  let uses = 0;
  let asTag = 0;
  words.forEach((w, i) => {
    if (!w.includes(placeholder)) return;
    uses++;
    if (w === `--tag=${placeholder}` || (w === placeholder && (words[i - 1] === '-t' || words[i - 1] === '--tag'))) asTag++;
  });
  return uses > 0 && uses === asTag;
}

/**
 * The registry an image reference pulls from, as docker reads it: a first part with a dot or a colon, or `localhost`,
 * names the registry; any other reference is Docker Hub's (`docker.io`).
 * @example imageRegistry('contoso-mirror.example/iis:ltsc2019') // 'contoso-mirror.example'
 * @example imageRegistry('rnicrosoft/windows-servercore:ltsc2019') // 'docker.io'
 */
export function imageRegistry(image: string): string {
  const slash = image.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = image.slice(0, slash);
  return /[.:]/.test(first) || first === 'localhost' ? first : 'docker.io';
}

/** A fix as the `fix TOPIC` listing shows it: what it does and which placeholders it takes. */
export interface FixSummary {
  id: string;
  title: string;
  shell: Fix['shell'];
  risk: Fix['risk'];
  admin: boolean;
  readOnly: boolean;
  changes: string;
  command: string;
  confirmWord?: string;
  placeholders: { name: string; kind: FixParam['kind']; description: string; entity: string | null; secret: boolean; pattern: string | null }[];
}

/** Lists a topic's fixes with their placeholders (kind, description, which diagnosis entity fills it). */
export function summarizeFixes(topic: Topic): FixSummary[] {
  return topic.fixes.map((f) => ({
    id: f.id,
    title: f.title,
    shell: f.shell,
    risk: f.risk,
    admin: f.admin,
    readOnly: f.readOnly === true,
    changes: f.changes,
    command: f.command,
    ...(f.risk === 'high' ? { confirmWord: f.id } : {}),
    placeholders: Object.entries(f.params).map(([name, p]) => ({
      name,
      kind: p.kind,
      description: p.description,
      entity: p.entity ?? null,
      secret: p.secret === true,
      pattern: p.pattern ?? null,
    })),
  }));
}
