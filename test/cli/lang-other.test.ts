import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { runCheckCommand, type CheckCommandDeps } from '../../src/cli/commands/check.js';
import { explainCommand, registerExplain } from '../../src/cli/commands/explain.js';
import { registerHistory, type HistoryDeps } from '../../src/cli/commands/history.js';
import { registerTroubleshoot } from '../../src/cli/commands/troubleshoot.js';
import type { AuditEntry, CommandResult, RunCommand } from '../../src/core/fixes/types.js';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import type { Locale } from '../../src/core/knowledge/types.js';
import { parseTrees } from '../../src/core/trees/parse-trees.js';
import { readLocaleCatalogs } from '../../src/platform/platform.js';
import { file, TOPICS, validTreeData } from '../core/trees/tree-fixtures.js';
import { fakeIO, runCli } from '../helpers/cli-io.js';
import { realKb } from '../helpers/real-kb.js';
import { tFor } from '../helpers/i18n.js';

// Issue 14: the other headless commands speak the user's language too (--lang or the environment); what the
// knowledge, the audit log or the user wrote (ids, commands, codes, values) is shown as it is.

/** Runs `wcdoctor ARGS` with one command registered, the global --lang as main.ts defines it. */
async function cli(register: (program: Command, io: ReturnType<typeof fakeIO>['io']) => void, args: string[], env: Record<string, string> = {}, tty = false) {
  const f = fakeIO({ env, tty });
  let code = 0;
  const io = { ...f.io, setExitCode: (c: number) => void (code = c) };
  const program = new Command('wcdoctor').option('--lang <locale>').option('--no-color').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  register(program, io);
  await program.parseAsync(args, { from: 'user' });
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

describe('troubleshoot in the user language', () => {
  const kb = { trees: parseTrees([file(validTreeData())], { topics: TOPICS }).trees, topics: TOPICS } as unknown as KnowledgeBase;
  const run = (args: string[], env?: Record<string, string>) => cli((p, io) => registerTroubleshoot(p, io, { loadKnowledgeBase: () => kb, openApp: async () => false }), args, env);

  it.each([
    ['zh-CN', '排查树', '症状', '运行“wcdoctor troubleshoot TREE”逐步排查其中一个', '（修复：check-av）'],
    ['ko-KR', '트리', '증상', '하나를 단계별로 진행하려면 "wcdoctor troubleshoot TREE"을(를) 실행하세요', '(해결 방법: check-av)'],
    ['sv-SE', 'träd', 'symptom', 'kör "wcdoctor troubleshoot TREE" för att gå igenom ett', '(åtgärd: check-av)'],
  ])('%s: the list and the outline, the tree in that language and the words around it', async (lang, tree, symptom, walk, fix) => {
    const list = await run(['--lang', lang, 'troubleshoot']);
    expect(list.stdout.split('\n')[0]).toMatch(new RegExp(`^${tree}\\s+${symptom}$`));
    expect(list.stdout).toContain(walk);
    const outline = await run(['troubleshoot', 'sample'], { LANG: `${lang.replace('-', '_')}.UTF-8` });
    expect(outline.stdout).toContain(`? What happens? (${lang.slice(0, 2)}) [code]`);
    const title = TOPICS.find((t) => t.id === 'slow-start')?.title;
    expect(outline.stdout).toContain(`✔ [slow-start] ${title?.[lang as 'ko-KR'] ?? title?.en} ${fix}`);
    expect(outline.stdout).not.toContain('(fix:');
  });

  it.each(['zh-CN', 'ko-KR', 'sv-SE'])('%s: an unknown tree is refused in that language, the id as typed (exit 2)', async (lang) => {
    const r = await run(['--lang', lang, 'troubleshoot', 'Nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^wcdoctor troubleshoot: .*Nope.*[:：] ?sample\n$/);
    expect(r.stderr).not.toContain('valid trees');
  });

  it('keeps English as it was, and accepts any spelling of a language it has (--lang ko)', async () => {
    expect((await run(['troubleshoot'], { LANG: 'C' })).stdout).toBe((await run(['--lang', 'en', 'troubleshoot'])).stdout);
    expect((await run(['--lang', 'ko', 'troubleshoot'])).stdout).toContain('증상');
  });
});

describe('history in the user language', () => {
  const entries: AuditEntry[] = [
    { time: '2026-12-03T06:00:00.000Z', topic: 'hns-management', fix: 'restart-hns', outcome: 'refused', command: 'Restart-Service hns', argv: ['powershell.exe'], exitCode: null, durationMs: null, reason: 'declined at the confirmation prompt' },
    { time: '2026-12-03T06:01:00.000Z', topic: 'hns-management', fix: 'restart-hns', outcome: 'ran', command: 'Restart-Service hns', argv: ['powershell.exe'], exitCode: 0, durationMs: 2500 },
  ];
  const deps: HistoryDeps = { readAudit: () => ({ file: '/data/audit.jsonl', entries, warnings: [] }) };
  const run = (args: string[], env?: Record<string, string>) => cli((p, io) => registerHistory(p, io, deps), args, env);

  it.each([
    ['zh-CN', ['时间', '结果', '修复', '退出代码', '耗时', '命令'], '未运行', '已运行', '--limit "0"：应为 1 或更大的整数'],
    ['ko-KR', ['시간', '결과', '해결 방법', '종료 코드', '소요 시간', '명령'], '실행 안 함', '실행됨', '--limit "0": 1 이상의 정수여야 합니다'],
    ['sv-SE', ['tid', 'utfall', 'åtgärd', 'slutkod', 'tog', 'kommando'], 'kördes inte', 'kördes', '--limit "0": ska vara ett heltal, 1 eller större'],
  ])('%s: headings, outcomes and our own reasons translated, the commands as recorded; a bad --limit (exit 2)', async (lang, header, refused, ran, limit) => {
    const en = await run(['history']);
    const r = await run(['--lang', lang, 'history']);
    expect(r.code).toBe(0);
    const [head, , first, second] = r.stdout.split('\n');
    expect(head?.split(/ {2,}/)).toEqual(header);
    expect(first).toContain(refused);
    expect(second).toContain(ran);
    // The fix, exit code and command are the English run's; the duration has the language's decimal separator.
    const recorded = (out: string) => out.split('\n').slice(2).map((l) => l.split(/ {2,}/)).map((c) => [c[0], c[2], c[3], c[5]]);
    expect(recorded(r.stdout)).toEqual(recorded(en.stdout));
    const took = (out: string) => out.split('\n').slice(2, 4).map((l) => l.split(/ {2,}/)[4]);
    expect(took(en.stdout)).toEqual(['-', '2.5 s']);
    expect(took(r.stdout)).toEqual(['-', lang === 'sv-SE' ? '2,5 s' : '2.5 s']);
    expect(en.stdout).toContain('Restart-Service hns  (declined at the confirmation prompt)');
    // The recorded reason is one of wcdoctor's own messages: said in the language.
    expect(r.stdout).toContain(`Restart-Service hns  (${tFor(lang as Locale)('history.reason.declined')})`);
    const bad = await run(['history', '--limit', '0'], { LANG: `${lang.replace('-', '_')}.UTF-8` });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`wcdoctor history: ${limit}\n`);
  });

  it.each([
    ['zh-CN', '审计日志第 7 行已损坏，已跳过', '另有 3 行损坏的行已跳过（共 8 行）'],
    ['ko-KR', '감사 로그 7번째 줄이 손상되어 건너뛰었습니다', '손상된 줄 3개를 더 건너뛰었습니다(모두 8개)'],
    ['sv-SE', 'rad 7 i granskningsloggen är skadad och hoppades över', 'ytterligare 3 skadade rader hoppades över (8 totalt)'],
  ])('%s: the warnings about damaged lines', async (lang, damaged, more) => {
    const warnings = ['audit log line 7 is damaged and was skipped', '3 more damaged lines were skipped (8 in all)'];
    const notes = [{ id: 'damaged', line: 7 } as const, { id: 'moreDamaged', more: 3, total: 8 } as const];
    const r = await cli((p, io) => registerHistory(p, io, { readAudit: () => ({ file: '/data/audit.jsonl', entries, warnings, notes }) }), ['--lang', lang, 'history']);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([expect.stringContaining(damaged), expect.stringContaining(more)]);
    const en = await cli((p, io) => registerHistory(p, io, { readAudit: () => ({ file: '/data/audit.jsonl', entries, warnings, notes }) }), ['history']);
    expect(en.stderr).toBe(`wcdoctor history: warning: ${warnings[0]}\nwcdoctor history: warning: ${warnings[1]}\n`);
  });

  it.each([
    ['ko-KR', '감사 로그 크기가 12 MiB입니다. 최신 8.0 MiB만 읽었으므로', '8.0 MiB보다 긴'],
    ['sv-SE', 'granskningsloggen är 12 MiB; bara de senaste 8,0 MiB lästes', 'längre än 8,0 MiB'],
    ['zh-CN', '审计日志大小为 12 MiB；只读取了最新的 8.0 MiB', '长于 8.0 MiB'],
  ])('%s: the sizes in the warnings about a large log, with the language decimal separator', async (lang, tail, oversized) => {
    const MiB = 1048576;
    const warnings = [`the audit log ends with 1 line(s) longer than 8.0 MiB, which no entry is; skipped, so that the entries before them are read`, `the audit log is 12 MiB; only its newest 8.0 MiB were read (line numbers below count from there), so older entries are not shown`];
    const notes = [{ id: 'oversized', count: 1, limitBytes: 8 * MiB } as const, { id: 'tail', sizeBytes: 12 * MiB, readBytes: 8 * MiB } as const];
    const r = await cli((p, io) => registerHistory(p, io, { readAudit: () => ({ file: '/data/audit.jsonl', entries, warnings, notes }) }), ['--lang', lang, 'history']);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([expect.stringContaining(oversized), expect.stringContaining(tail)]);
  });

  it('keeps the English table and --json as they were', async () => {
    expect((await run(['history'])).stdout.split('\n')[0]).toBe('time                  outcome  fix                         exit  took   command');
    expect((await run(['--lang', 'sv-SE', 'history', '--json'])).stdout).toBe((await run(['history', '--json'])).stdout);
  });
});

describe('explain in the user language', () => {
  const kb = realKb();
  const run = (args: string[], env?: Record<string, string>) => cli((p, io) => registerExplain(p, io), args, env);
  const titleOf = (id: string, lang: 'zh-CN' | 'ko-KR' | 'sv-SE') => kb.topics.find((t) => t.id === id)?.title[lang];

  it.each([
    ['zh-CN', ['类型：', '严重性：', '设施：', '代码：', '名称：', '消息：'], '提到此代码的主题：'],
    ['ko-KR', ['종류:', '심각도:', '기능(Facility):', '코드:', '이름:', '메시지:'], '이 코드를 언급하는 주제:'],
    ['sv-SE', ['Typ:', 'Allvarlighet:', 'Facilitet:', 'Kod:', 'Namn:', 'Meddelande:'], 'Ämnen som nämner koden:'],
  ] as const)('%s: labels, aligned, and the topics by their titles in that language; the code and values as in English', async (lang, labels, topics) => {
    const en = explainCommand(kb, '0x800705B4', {}).stdout;
    const r = await run(['explain', '0x800705B4', '--lang', lang]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(en.split('\n')[0]);
    for (const l of labels) expect(lines.some((x) => x.startsWith(`  ${l}`))).toBe(true);
    // Every value starts in the same column (CJK and Hangul take two).
    const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(c) ? 2 : 1), 0);
    const columns = ['win32', '7 (0x7) WIN32', '0x05B4 (1460)', '1460 (0x5B4)', 'ERROR_TIMEOUT'].map((v) => {
      const line = lines.find((l) => l.endsWith(v)) ?? '';
      return width(line.slice(0, line.length - v.length));
    });
    expect(new Set(columns).size).toBe(1);
    expect(columns[0]).toBeGreaterThan(2);
    expect(r.stdout).toContain('ERROR_TIMEOUT');
    expect(r.stdout).toContain('0x05B4 (1460)');
    expect(r.stdout).toContain(topics);
    expect(r.stdout).toContain(`slow-start-antivirus           ${titleOf('slow-start-antivirus', lang)}`);
    expect(r.stdout).not.toMatch(/Kind:|Severity:|Topics that mention/);
  });

  it.each(['zh-CN', 'ko-KR', 'sv-SE'] as const)('%s: says why an input is not a code in that language (exit 2), quoting the input as typed', async (lang) => {
    const t = tFor(lang);
    for (const [input, key] of [
      ['hello', 'explain.input.notACode'],
      ['4294967296', 'explain.input.outOfRange'],
      ['ERROR_NOT_A_REAL_NAME', 'explain.input.unknownName'],
    ] as const) {
      const r = await run(['explain', input, '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`wcdoctor explain: ${t(key, { input })}\n`);
      expect(r.stderr).not.toMatch(/is not an error code|outside the 32-bit range|catalogue knows/);
    }
    const en = await run(['explain', 'hello']);
    expect(en.stderr).toContain('"hello" is not an error code');
  });

  it('--lang for a Windows message in a language wcdoctor does not speak keeps the words of the environment', async () => {
    const r = await run(['explain', '1460', '--lang', 'de'], { LANG: 'sv_SE.UTF-8' });
    expect(r.stdout).toMatch(/\[de\]\s+Dieser Vorgang/);
    expect(r.stdout).toContain('Allvarlighet:');
    expect((await run(['explain', '1460', '--lang', 'de'])).stdout).toContain('Severity:');
  });

  it('keeps --json (English titles) whatever the language', async () => {
    expect((await run(['explain', '0x800705B4', '--json'], { LANG: 'zh_CN.UTF-8' })).stdout).toBe((await run(['explain', '0x800705B4', '--json'])).stdout);
  });
});

describe('check: input errors and refusals in the user language', () => {
  function deps(o: { result?: Partial<CommandResult> } = {}): CheckCommandDeps & { ran: number; audit: AuditEntry[] } {
    const h = { ran: 0, audit: [] as AuditEntry[] };
    const run: RunCommand = async () => {
      h.ran++;
      return { exitCode: 0, signal: null, stdout: '{}', stderr: '', durationMs: 10, timedOut: false, cancelled: false, ...o.result };
    };
    return Object.assign(h, {
      platform: 'win32' as const,
      readCollector: () => ({ text: '# collector', sha256: '0'.repeat(64) }),
      readFile: (name: string) => {
        if (name === 'junk.txt') return new TextEncoder().encode('hello there');
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
      runCommand: run,
      appendAudit: (e: AuditEntry) => void h.audit.push(e),
      probeAudit: () => undefined,
      checkElevation: async () => ({ kind: 'elevated' as const }),
      ask: async () => ({ kind: 'answer' as const, text: '' }),
      trapInterrupt: () => () => undefined,
      now: () => new Date('2026-12-03T06:00:00Z'),
      catalogs: () => readLocaleCatalogs(),
      topics: () => undefined,
    });
  }
  async function check(opts: Parameters<typeof runCheckCommand>[0], lang: string | undefined, d = deps()) {
    const f = fakeIO();
    let code = 0;
    f.io.setExitCode = (c) => void (code = c);
    await runCheckCommand(opts, lang, f.io, d);
    return { code, stderr: f.stderr() };
  }

  it.each([
    ['zh-CN', '既不是 wcdoctor 收集器文档', '--script 和 --from 不能同时使用', '--timeout "0"：应为 1 到 3600 之间的整秒数', '--from C:\\nope.json：没有这个文件', '未运行：标准输入不是终端', '传入 --yes', '300 秒后已停止（请调高 --timeout）'],
    ['ko-KR', 'wcdoctor 수집기 문서도 아니고', '--script와 --from은 함께 쓸 수 없습니다', '--timeout "0": 1~3600 사이의 정수 초여야 합니다', '--from C:\\nope.json: 그런 파일이 없습니다', '실행하지 않음: 표준 입력이 터미널이 아니어서', '--yes를', '300초 후 중지됨(--timeout을 늘리세요)'],
    ['sv-SE', 'varken ett insamlardokument från wcdoctor', '--script och --from går inte att kombinera', '--timeout "0": ska vara hela sekunder från 1 till 3600', '--from C:\\nope.json: filen finns inte', 'inte körd: standard in är ingen terminal', 'ange --yes', 'stoppades efter 300 s (höj --timeout)'],
  ])('%s', async (lang, unrecognised, both, timeout, missing, noTerminal, passYes, stopped) => {
    const junk = await check({ from: 'junk.txt' }, lang);
    expect(junk.code).toBe(2);
    expect(junk.stderr.startsWith(`wcdoctor check: --from junk.txt: ${unrecognised}`)).toBe(true);
    expect(junk.stderr).not.toContain('not a wcdoctor collector document');
    const a = await check({ script: true, from: 'x.json' }, lang);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`wcdoctor check: ${both}`);
    expect((await check({ timeout: '0' }, lang)).stderr).toBe(`wcdoctor check: ${timeout}\n`);
    expect((await check({ from: 'C:\\nope.json' }, lang)).stderr).toBe(`wcdoctor check: ${missing}\n`);
    const d = deps();
    const refused = await check({}, lang, d);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`wcdoctor check: ${noTerminal}`);
    expect(refused.stderr).toContain(passYes);
    expect(d.ran).toBe(0);
    expect(d.audit).toMatchObject([{ outcome: 'refused', reason: 'not run: stdin is not a terminal, so there is no one to confirm' }]);
    const late = await check({ yes: true }, lang, deps({ result: { timedOut: true, exitCode: null } }));
    expect(late.code).toBe(3);
    expect(late.stderr).toContain(`wcdoctor check: ${stopped}`);
  });

  it('keeps English as it was', async () => {
    expect((await check({ timeout: '0' }, 'en')).stderr).toBe('wcdoctor check: --timeout "0": expected whole seconds from 1 to 3600\n');
    expect((await check({ yes: true }, 'en', deps({ result: { timedOut: true, exitCode: null } }))).stderr).toContain('wcdoctor check: stopped after 300 s (raise --timeout)');
  });
});

it('every headless command follows LANG through the real program', async () => {
  const r = await runCli(['network', 'explain', 'nat'], { env: { LANG: 'sv_SE.UTF-8' } });
  expect(r.stdout).toContain('nat (en värd)');
});
