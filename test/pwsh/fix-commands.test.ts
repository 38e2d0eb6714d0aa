import { beforeAll, describe, expect, it } from 'vitest';
import { planFix } from '../../src/core/fixes/plan-fix.js';
import type { FixPlan } from '../../src/core/fixes/types.js';
import type { Fix, Topic } from '../../src/core/knowledge/types.js';
import { loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { acceptedValues, candidateGroups, referenceValues } from './hostile-values.js';
import { PWSH, runHarness, SKIP_NOTE, substitute, type HarnessCase, type HarnessResult, type StubCall } from './pwsh.js';

// Issue 18: every PowerShell fix in the knowledge, filled with hostile values its validators accept, run as the exact
// -EncodedCommand wcdoctor builds, by PowerShell 7, with each command it calls replaced by a recording stub.

interface FixCase {
  key: string;
  topic: Topic;
  fix: Fix;
  refs: Record<string, string>;
  /** Placeholder → the accepted hostile values. */
  hostile: Map<string, string[]>;
  refused: number;
}

const kb = loadKnowledgeBase();
const GROUPS = candidateGroups().length;
const FIXES: FixCase[] = kb.topics.flatMap((topic) =>
  topic.fixes
    .filter((f) => f.shell === 'powershell')
    .map((fix) => {
      const refs = referenceValues(fix.params);
      const hostile = new Map<string, string[]>();
      let refused = 0;
      for (const [name, p] of Object.entries(fix.params)) {
        const r = acceptedValues(p, Object.values(refs));
        hostile.set(name, r.accepted);
        refused += r.refused;
      }
      return { key: `${topic.id}/${fix.id}`, topic, fix, refs, hostile, refused };
    }),
);

function plan(c: FixCase, values: Record<string, string>): FixPlan | undefined {
  const r = planFix(c.topic, c.fix.id, values);
  return r.ok ? r.value : undefined;
}

/** The parameter a placeholder stands after in the template (`-Name {{x}}` or `-Name:{{x}}`), if any. */
function parameterOf(fix: Fix, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(-[A-Za-z][\\w-]{0,60})(:|[ \\t]{1,10})\\{\\{\\s{0,5}${name}\\s{0,5}\\}\\}`).exec(fix.command);
  return m ? `${m[1]}${m[2] === ':' ? ':' : ''}` : undefined;
}

/** True when some stub got `param` followed by exactly `value` as one string. */
function passedAs(calls: StubCall[], param: string, value: string): boolean {
  return calls.some((c) => c.args.some((a, i) => 'param' in a && a.param.toLowerCase() === param.toLowerCase() && JSON.stringify(c.args[i + 1]) === JSON.stringify({ s: value })));
}

/**
 * Where a placeholder stands in a template: for each use, the kind of word right before it (a parameter name `-Name:` or `-Name`, else its last character: `(`, `=`) and
 * the character after it. A value becomes one single-quoted literal whatever the fix (quotePowerShellLiteral), so
 * PowerShell reads a hostile value in one place of this shape as it reads it in any other: pwsh runs each value once
 * per shape (every fix still runs with its reference values, and every hostile plan is still built here).
 */
function shapeOf(fix: Fix, name: string): string {
  const uses = [...fix.command.matchAll(new RegExp(`(\\S{0,40})(\\s{0,10})\\{\\{\\s{0,5}${name}\\s{0,5}\\}\\}(.?)`, 'gs'))];
  // The word before counts by its kind: a parameter name (with or without a colon), else its last character.
  const before = (w: string): string => (/(?<![\w-])-[A-Za-z][\w-]*:$/.test(w) ? '-P:' : /^-[A-Za-z][\w-]*$/.test(w) ? '-P' : w.slice(-1));
  return JSON.stringify(uses.map((m) => [before(m[1] ?? ''), m[2] === '' ? '' : ' ', m[3]]));
}

const hostileCases: { id: string; c: FixCase; name: string; value: string; plan: FixPlan }[] = [];
const references = new Map<string, FixPlan>();
let planRefused = 0;
let sameShape = 0;
const shapesRun = new Set<string>();
for (const c of FIXES) {
  const ref = plan(c, c.refs);
  if (!ref) throw new Error(`the reference values of ${c.key} do not make a plan`);
  references.set(c.key, ref);
  for (const [name, values] of c.hostile) {
    const shape = shapeOf(c.fix, name);
    for (const value of values) {
      const p = plan(c, { ...c.refs, [name]: value });
      if (!p) {
        planRefused++;
        continue;
      }
      const key = JSON.stringify([shape, value]);
      if (shapesRun.has(key)) {
        sameShape++;
        continue;
      }
      shapesRun.add(key);
      hostileCases.push({ id: `${c.key}#${hostileCases.length}`, c, name, value, plan: p });
    }
  }
}

const CODE_PAGE_OK = 'code-page:netsh-ok';
const CODE_PAGE_NETSH_FAILS = 'code-page:netsh-fails';
/** The code-page fix's script with chcp and netsh as functions; the case's exit code is the page the console is left at. */
function codePageCases(): HarnessCase[] {
  const script = references.get('flannel-netsh-localized-output/show-netsh-addresses-cp437')?.script;
  if (!script) throw new Error('the flannel code-page fix is gone: update this test');
  const chcp = "function chcp { param($p) if ($p) { $global:wcdCodePage = [int]$p } else { \"Active code page: $global:wcdCodePage\" } }";
  const netsh = (fail: boolean) => `function netsh { if ($global:wcdCodePage -ne 437) { throw 'netsh ran under another page' }; ${fail ? "throw 'netsh failed under 437'" : "'Configuration for interface'"} }`;
  // The console's input page at the start is chcp's; the exit code is 0 when chcp is left there (else the page it was
  // left at), and a failure's message says the same (a thrown error leaves no exit code).
  // The output page starts as Latin-1, which wcdoctor's prelude switches to UTF-8 for the fix and must put back (-1 if not).
  const left = '$(if ([Console]::OutputEncoding.CodePage -ne 28591) { -1 } elseif ($global:wcdCodePage -eq $global:wcdStart) { 0 } else { $global:wcdCodePage })';
  const run = (fail: boolean) =>
    `$global:wcdHarnessOut = [Console]::OutputEncoding; [Console]::OutputEncoding = [Text.Encoding]::Latin1; ` +
    `$global:wcdStart = [Console]::InputEncoding.CodePage; $global:wcdCodePage = $global:wcdStart; ${chcp}; ${netsh(fail)}; ` +
    `try { ${script}; $global:wcdLeft = ${left} } catch { $global:wcdLeft = ${left}; throw "$($_.Exception.Message); left $global:wcdLeft" } ` +
    `finally { [Console]::OutputEncoding = $global:wcdHarnessOut }; $global:LASTEXITCODE = $global:wcdLeft`;
  return [
    { id: CODE_PAGE_OK, line: run(false), native: true },
    { id: CODE_PAGE_NETSH_FAILS, line: run(true), native: true },
  ];
}

describe.skipIf(!PWSH)(`PowerShell fixes run by PowerShell 7 with stubbed commands${SKIP_NOTE}`, () => {
  let results: Map<string, HarnessResult>;
  let seconds = 0;

  beforeAll(() => {
    const cases: HarnessCase[] = [
      ...[...references].map(([key, p]) => ({ id: `ref:${key}`, argv: p.argv })),
      ...hostileCases.map((h) => ({ id: h.id, argv: h.plan.argv })),
      ...codePageCases(),
    ];
    const t = performance.now();
    results = runHarness(cases);
    seconds = (performance.now() - t) / 1000;
  }, 600_000);

  it('covers every PowerShell fix of the knowledge and a hostile value for each placeholder that takes one', () => {
    const placeholders = FIXES.reduce((n, c) => n + c.hostile.size, 0);
    const accepted = FIXES.reduce((n, c) => n + [...c.hostile.values()].reduce((m, v) => m + v.length, 0), 0);
    const refused = FIXES.reduce((n, c) => n + c.refused, 0);
    console.info(
      `pwsh fix commands: ${FIXES.length} PowerShell fixes, ${placeholders} placeholders, ${accepted} hostile values accepted by the validators ` +
        `(the first accepted form of each of ${GROUPS} kinds of hostile text; ${refused} placeholder × kind pairs refused whole, ${planRefused} values refused by the plan, ${sameShape} in a place of the same shape as another fix's and not run again), ` +
        `${hostileCases.length + references.size} scripts run by pwsh in ${seconds.toFixed(1)} s`,
    );
    expect(FIXES.length).toBeGreaterThan(40);
    for (const c of FIXES) for (const [name, values] of c.hostile) expect(values.length, `${c.key} {{${name}}}`).toBeGreaterThan(0);
    // No validator lets a line break through, so no fix value can start a second PowerShell statement that way.
    for (const c of FIXES) for (const values of c.hostile.values()) for (const v of values) expect(v).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
  });

  it("leaves the console's code page as it found it when a fix switches it for one command", () => {
    // flannel's netsh fix runs netsh under code page 437; chcp changes the console wcdoctor itself runs in, so the
    // fix must switch back, also when netsh fails: chcp to the input page (chcp sets both) and the output page as it was.
    // chcp and netsh are functions here that keep the page in a variable; the output page is .NET's own.
    for (const id of [CODE_PAGE_OK, CODE_PAGE_NETSH_FAILS]) {
      const r = results.get(id);
      expect(r, id).toBeDefined();
      if (id === CODE_PAGE_OK) expect([r?.error ?? null, r?.exit], id).toEqual([null, 0]);
      else expect(r?.error, id).toMatch(/: netsh failed under 437; left 0$/);
    }
  });

  it('runs each fix with its reference values: it parses, only commands the script names run, and nothing fails', () => {
    for (const [key, p] of references) {
      const r = results.get(`ref:${key}`);
      expect(r, key).toBeDefined();
      if (!r) continue;
      expect(p.argv.slice(0, 4), key).toEqual(['powershell.exe', '-NoProfile', '-NonInteractive', '-EncodedCommand']);
      expect(r.script, `${key}: what PowerShell decodes from -EncodedCommand`).toBe(p.script);
      expect(r.parseErrors, key).toEqual([]);
      expect(r.error, key).toBeNull();
      // A command no stub was made for is one whose name the script builds at run time: a program path.
      for (const call of r.calls.filter((x) => x.how === 'not-found')) expect(call.name, `${key} ran ${call.name}`).toMatch(/^C:\\Program Files\\/);
      const fix = FIXES.find((c) => c.key === key);
      for (const [name, value] of Object.entries(fix?.refs ?? {})) {
        const param = fix ? parameterOf(fix.fix, name) : undefined;
        if (param) expect(passedAs(r.calls, param, value), `${key}: {{${name}}} reaches ${param}`).toBe(true);
      }
    }
  });

  it('passes every accepted hostile value byte for byte to the parameter it was meant for, and changes nothing else', () => {
    const failures: string[] = [];
    for (const h of hostileCases) {
      const r = results.get(h.id);
      const ref = results.get(`ref:${h.c.key}`);
      const refValue = h.c.refs[h.name] ?? '';
      const show = `${h.c.key} {{${h.name}}}=${JSON.stringify(h.value)}`;
      if (!r || !ref) {
        failures.push(`${show}: no result`);
        continue;
      }
      if (r.script !== h.plan.script) failures.push(`${show}: decoded script differs`);
      if (r.parseErrors.length) failures.push(`${show}: parse errors ${r.parseErrors.join('; ')}`);
      if (r.error !== null) failures.push(`${show}: ${r.error}`);
      // The parsed script is the reference script with the one literal changed: same nodes, same order.
      if (JSON.stringify(r.ast) !== JSON.stringify(substitute(ref.ast, refValue, h.value))) failures.push(`${show}: PowerShell parsed a different script`);
      const literals = r.ast.filter((n) => n.t === 'StringConstantExpressionAst' && n.kind === 'SingleQuoted' && n.v === h.value).length;
      const uses = h.c.fix.command.split(new RegExp(`\\{\\{\\s{0,5}${h.name}\\s{0,5}\\}\\}`)).length - 1;
      if (literals < uses) failures.push(`${show}: ${literals} single-quoted literals hold the value, the template uses it ${uses} times`);
      // The same commands ran with the same arguments, the value in place of the reference value.
      if (JSON.stringify(r.calls) !== JSON.stringify(substitute(ref.calls, refValue, h.value))) failures.push(`${show}: the commands run differ: ${JSON.stringify(r.calls).slice(0, 400)}`);
      const param = parameterOf(h.c.fix, h.name);
      if (param && !passedAs(r.calls, param, h.value)) failures.push(`${show}: did not reach ${param} as one string`);
    }
    expect(failures.slice(0, 20), `${failures.length} failures`).toEqual([]);
  });
});
