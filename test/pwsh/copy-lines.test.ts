import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fillArgvTemplate } from '../../src/core/fixes/fill-template.js';
import { commandToPaste, planFix } from '../../src/core/fixes/plan-fix.js';
import { formatArgv, tokenizeTemplate } from '../../src/core/fixes/quote.js';
import type { Fix, Topic } from '../../src/core/knowledge/types.js';
import { planNetwork, type NetworkPlanInput } from '../../src/core/network/plan-network.js';
import { checkHnsName, checkInterfaceNames } from '../../src/core/network/validators.js';
import { isPowerShellNumberChanged, isShellNeutral } from '../../src/core/text/shell-safe.js';
import { fillPlaceholders, placeholderNames } from '../../src/core/text/placeholder.js';
import { loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { acceptedValues, candidateGroups, referenceValues } from './hostile-values.js';
import { nativeArgs, PWSH, runHarness, SKIP_NOTE, type HarnessResult } from './pwsh.js';

// Issue 18: the command lines wcdoctor shows for copying (the network plan, a fix's command as shown on Windows,
// the compat actions and the `wcdoctor compat` line of a diagnosis), pasted into PowerShell 7 with the program
// stubbed: the program must receive exactly the arguments the line stands for, each as one string.

interface LineCase {
  id: string;
  line: string;
  /** The program and the arguments it must receive, one call per statement. */
  expect: string[][];
}

const kb = loadKnowledgeBase();
const cases: LineCase[] = [];
const seen = new Set<string>();
/** Adds a line once (fixes share templates, so the same line comes up many times). */
const add = (id: string, line: string, ...expect: string[][]) => {
  if (seen.has(line)) return;
  seen.add(line);
  cases.push({ id: `${id}#${cases.length}`, line, expect });
};

/** The first value of each hostile group that a check accepts (see candidateGroups). */
const acceptedBy = (ok: (v: string) => boolean): string[] => [...new Set(candidateGroups().map((g) => g.find(ok)).filter((v): v is string => v !== undefined))];

// 1. The network plan: its docker network create line and its run example, for hostile adapter and HNS names too.
const interfaces = acceptedBy((v) => !v.includes(',') && checkInterfaceNames(v).ok);
const hnsNames = acceptedBy((v) => checkHnsName(v).ok);
const networkInputs: NetworkPlanInput[] = [
  { driver: 'nat', name: 'wcd-nat' },
  { driver: 'nat', name: 'wcd-nat', subnet: '172.20.0.0/16', gateway: '172.20.0.1', dnsServers: '4.4.4.4,8.8.8.8', dnsSuffix: 'corp.example.com', image: 'mcr.microsoft.com/windows/servercore:ltsc2022' },
  { driver: 'transparent', name: 'wcd.t_1', subnet: '10.1.0.0/24', gateway: '10.1.0.1', ip: '10.1.0.7', vlan: '42', interfaces: 'Ethernet 2, Ethernet 3', hnsName: 'HNS (team) 1' },
  { driver: 'l2bridge', name: 'l2', subnet: '10.2.0.0/24', gateway: '10.2.0.1', dnsServers: ['10.0.0.10', '10.0.0.11', '10.0.0.12'] },
  { driver: 'overlay', name: 'ov', subnet: '10.3.0.0/24', gateway: '10.3.0.1', image: 'localhost:5000/team/app@sha256:' + 'c'.repeat(64) },
  ...interfaces.map((i): NetworkPlanInput => ({ driver: 'transparent', name: 'wcdt', interfaces: [i, 'Ethernet 9'] })),
  ...interfaces.map((i): NetworkPlanInput => ({ driver: 'l2bridge', name: 'wcdl2', subnet: '10.9.0.0/24', gateway: '10.9.0.1', interfaces: i })),
  ...hnsNames.map((h): NetworkPlanInput => ({ driver: 'nat', name: 'wcdh', hnsName: h })),
];
let networkPlans = 0;
const composeChecks: { compose: string; argv: string[]; name: string }[] = [];
for (const input of networkInputs) {
  const r = planNetwork(input);
  if (!r.ok) continue;
  networkPlans++;
  add('network', r.value.command, r.value.argv);
  add('network-run', r.value.runExample, r.value.runArgv);
  composeChecks.push({ compose: r.value.compose, argv: r.value.argv, name: r.value.name });
}

// 2. The command a fix shows on Windows (every fix that is not PowerShell), with reference and hostile values.
// Quoting is decided per argument: a hostile value in a placeholder is quoted by what the word around it holds (the
// template word with the placeholder, its place in the line) and the fix's shell, not by the fix. Every fix is planned
// with every accepted value here, in-process; pwsh runs one line per distinct word shape and value (the other fixes
// with the same shape would run the same quoting again: of 6,974 fix lines, about a quarter run).
let fixLines = 0;
let notPasteable = 0;
let sameShape = 0;
const shapesSeen = new Set<string>();
/** The shape of a placeholder's words in a template: shell, each word holding it (other placeholders filled), first / last. */
const shapeOf = (fix: Fix, name: string, refs: Record<string, string>): string => {
  const { tokens } = tokenizeTemplate(fix.command);
  return JSON.stringify([
    fix.shell,
    tokens.flatMap((t, i) => (placeholderNames(t.text).includes(name) ? [[fillPlaceholders(t.text, (n) => (n === name ? undefined : refs[n])), t.quoted, i === 0, i === tokens.length - 1]] : [])),
  ]);
};
const nonPs: { topic: Topic; fix: Fix }[] = kb.topics.flatMap((topic) => topic.fixes.filter((f) => f.shell !== 'powershell').map((fix) => ({ topic, fix })));
for (const { topic, fix } of nonPs) {
  const refs = referenceValues(fix.params);
  const sets: { values: Record<string, string>; shape?: string }[] = [{ values: refs }];
  for (const [name, p] of Object.entries(fix.params)) {
    const shape = shapeOf(fix, name, refs);
    for (const v of acceptedValues(p, Object.values(refs)).accepted) sets.push({ values: { ...refs, [name]: v }, shape: JSON.stringify([shape, v]) });
  }
  for (const { values, shape } of sets) {
    const r = planFix(topic, fix.id, values, {}, { quoting: 'windows' });
    // Planned off Windows, the line handed out for the host (printed, copied) is this same Windows line, refused alike
    // (an attacker helper: the POSIX line was handed out, and ' or ’ in it ended PowerShell's string).
    const offWindows = planFix(topic, fix.id, values, {}, { quoting: 'posix' });
    if (offWindows.ok !== r.ok || (r.ok && offWindows.ok && commandToPaste(offWindows.value) !== r.value.command)) throw new Error(`${topic.id}/${fix.id} ${JSON.stringify(values)}: the line handed out off Windows is not the Windows line`);
    if (!r.ok) {
      // Refused because no quoting would make PowerShell (or cmd, for %NAME%, or Windows PowerShell 5.1, for a space and a
      // final backslash, or the shell a command starts in a container) read the value as it runs: that is the point of
      // the refusal.
      if (r.error.every((p) => p.id === 'notPasteable' || p.id === 'cmdVariable' || p.id === 'trailingBackslash' || p.id === 'nestedShell' || p.id === 'optionLike')) notPasteable++;
      else throw new Error(`${topic.id}/${fix.id} ${JSON.stringify(values)}: ${r.error.map((p) => p.message).join('; ')}`);
      continue;
    }
    fixLines++;
    if (shape !== undefined && shapesSeen.has(shape)) {
      sameShape++;
      continue;
    }
    if (shape !== undefined) shapesSeen.add(shape);
    add(`fix ${topic.id}/${fix.id}`, r.value.command, r.value.argv);
  }
}

// 2b. A fix's template as the docs and topic screens show it, filled with plain values (fillFixCommand fills only
// such values): what it stands for is the argv wcdoctor would run. A template that starts with a quoted program
// path is a cmd line (shown in a cmd block); PowerShell needs `&` before it, which a template cannot hold.
let templateLines = 0;
for (const { fix } of nonPs) {
  if (fix.command.startsWith('"')) continue;
  const refs = referenceValues(fix.params);
  const filled = fillArgvTemplate(fix.command, fix.shell as Exclude<Fix['shell'], 'powershell'>, new Map(Object.entries(refs)));
  if (!filled.ok) throw new Error(`${fix.id}: ${filled.error}`);
  templateLines++;
  add(`template ${fix.id}`, fillPlaceholders(fix.command, (name) => refs[name]), filled.value.argv);
}

// 3. Compat actions and the diagnosis's `wcdoctor compat` line: filled only with shell-neutral values.
// A shell-neutral word PowerShell reads as a number of another spelling (1e3) is checked with a real program below.
const neutral = acceptedBy((v) => isShellNeutral(v) && !isPowerShellNumberChanged(v));
const numberWords = acceptedBy((v) => isShellNeutral(v) && isPowerShellNumberChanged(v));
for (const v of neutral) add('wcdoctor compat', `wcdoctor compat --host 10.0.17763.1234 --image ${v} --node ${v} --service ${v}`, ['wcdoctor', 'compat', '--host', '10.0.17763.1234', '--image', v, '--node', v, '--service', v]);
let compatLines = 0;
for (const [id, action] of Object.entries(kb.compat.actions)) {
  if (!action.command) continue;
  const values = ['node', 'image', 'service', 'build', 'os_version'];
  for (const v of [...neutral, 'mcr.microsoft.com/windows/servercore:ltsc2022']) {
    const line = fillPlaceholders(action.command, (name) => (values.includes(name) ? v : undefined));
    if (line.includes('{{') && !line.includes('{{.')) continue;
    compatLines++;
    // What the line stands for, read the way cmd and the C runtime read it: statements split at ';', quotes grouping words.
    const statements = line.split(/;[ ]/).map((s) => tokenizeTemplate(s).tokens.map((t) => t.text));
    add(`compat ${id}`, line, ...statements);
  }
}

describe.skipIf(!PWSH)(`command lines shown for copying, pasted into PowerShell 7${SKIP_NOTE}`, () => {
  let results: Map<string, HarnessResult>;
  let seconds = 0;
  // The number words go to a real program (a function stub gets the number, 1000; a program gets the text), in the same
  // pwsh run as the lines above: a case of its own that the harness runs as it is, nothing stubbed.
  let native = '';
  const NUMBERS = 'native: number words';
  const DASH_DOT = 'native: parameter-like words with a dot';
  const dashDotWords = ['-m1.5g', '-lapp.kubernetes.io/name=web', '-a=1.5', '-f=a.yaml', '-a_b.c', '--x=a.b', '-a:b.c', '-1.5'];
  afterAll(() => {
    if (native) rmSync(native, { recursive: true, force: true });
  });
  beforeAll(() => {
    native = mkdtempSync(path.join(os.tmpdir(), 'wcd-native-'));
    const rec = path.join(native, 'rec');
    writeFileSync(rec, `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done > "${path.join(native, 'args')}"\n`);
    chmodSync(rec, 0o755);
    const rec2 = path.join(native, 'rec2');
    writeFileSync(rec2, `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done > "${path.join(native, 'args2')}"\n`);
    chmodSync(rec2, 0o755);
    const t = performance.now();
    results = runHarness([
      ...cases.map(({ id, line }) => ({ id, line })),
      { id: NUMBERS, line: `& '${rec}' compat --image ${numberWords.join(' ')}`, native: true },
      { id: DASH_DOT, line: `& '${rec2}' ${formatArgv(['run', ...dashDotWords])}`, native: true },
    ]);
    seconds = (performance.now() - t) / 1000;
  }, 600_000);

  it('gives every program exactly the arguments the line stands for, each one string', () => {
    console.info(
      `pwsh copy lines: ${networkPlans} network plans (${interfaces.length} hostile adapter names, ${hnsNames.length} HNS names), ${fixLines} fix commands of ${nonPs.length} fixes (${notPasteable} value sets refused as not pasteable or option-like, ${sameShape} quoted as another fix's word of the same shape and not run again), ${templateLines} fix templates as shown, ` +
        `${compatLines} compat action lines, ${neutral.length} shell-neutral values; ${cases.length} lines run by pwsh in ${seconds.toFixed(1)} s`,
    );
    const failures: string[] = [];
    for (const c of cases) {
      const r = results.get(c.id);
      const show = `${c.id}: ${c.line}`;
      if (!r) {
        failures.push(`${show}: no result`);
        continue;
      }
      if (r.parseErrors.length) {
        failures.push(`${show}: ${r.parseErrors[0]}`);
        continue;
      }
      if (r.error) failures.push(`${show}: ${r.error}`);
      const got = r.calls.map((call) => {
        const a = nativeArgs(call);
        return 'error' in a ? [call.name, a.error] : [call.name, ...a.argv];
      });
      const want = c.expect;
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${show}\n    PowerShell passed ${JSON.stringify(got)}\n    meant          ${JSON.stringify(want)}`);
    }
    expect(failures.slice(0, 15).join('\n'), `${failures.length} of ${cases.length} lines`).toBe('');
  });

  it('passes a shell-neutral word that PowerShell reads as a number (1e3, 0x10, 07) to a program as written', () => {
    // A function stub gets the number (1000); a program gets the text. wcdoctor, docker and kubectl are programs.
    expect(numberWords.length).toBeGreaterThan(3);
    const r = results.get(NUMBERS);
    expect(r?.error ?? null, r?.script).toBeNull();
    expect(r?.exit).toBe(0);
    expect(readFileSync(path.join(native, 'args'), 'utf8').split('\0').slice(0, -1)).toEqual(['compat', '--image', ...numberWords]);
  });

  it('passes a parameter-like word with a dot to a program whole (an attacker helper: -m1.5g reached it as -m1 and .5g)', () => {
    const r = results.get(DASH_DOT);
    expect(r?.error ?? null, r?.script).toBeNull();
    expect(readFileSync(path.join(native, 'args2'), 'utf8').split('\0').slice(0, -1)).toEqual(['run', ...dashDotWords]);
  });

  it("keeps each network option's value the same in the compose snippet as in the command", () => {
    for (const { compose, argv, name } of composeChecks) {
      const net = (parseYaml(compose) as { networks: Record<string, { driver: string; driver_opts?: Record<string, string> }> }).networks[name];
      const opts = Object.fromEntries(argv.flatMap((a, i) => (argv[i - 1] === '-o' ? [a.split(/=(.*)/s).slice(0, 2)] : [])));
      expect(net?.driver_opts ?? {}, compose).toEqual(opts);
    }
  });
});
