import { describe, expect, it } from 'vitest';
import { localizeFix } from '../../src/core/knowledge/fix-text.js';
import { fixHarness, runFixCommand, type FixHarness } from '../helpers/fix-cli.js';
import { realKb } from '../helpers/real-kb.js';

// Issue 14: `wcdoctor fix` speaks the user's language (--lang or the environment): the fix's own words from the
// knowledge, the preview, prompts, refusals and results from the UI catalogue (the fix screens' keys where they
// say the same). Commands, argument vectors, flags, ids and values stay as they are; so do --json and the audit log.

const kb = realKb();
const TOPIC = 'hyperv-isolation-no-hypervisor';
const FIX = 'expose-virtualization-extensions';
const HIGH = [TOPIC, FIX, '--set', 'vm_name=Web01'];
const fixOf = (id: string) => kb.topics.find((t) => t.id === TOPIC)?.fixes.find((f) => f.id === id);

/** The real knowledge base with this machine faked: Windows, elevated, and a node child in place of PowerShell. */
const harness = (o: { answer?: string; child?: string; interrupt?: boolean } = {}) =>
  fixHarness({ loadKb: () => kb, noClipboardTool: true, ...(o.answer !== undefined ? { answer: o.answer } : {}), ...(o.child !== undefined ? { child: o.child } : {}), ...(o.interrupt ? { onStart: (interrupt: () => void) => setImmediate(interrupt) } : {}) });

/** Runs `wcdoctor fix ARGS` with the global --lang option main.ts defines. */
const fix = (args: string[], h: FixHarness, o: { tty?: boolean; env?: Record<string, string> } = {}) => runFixCommand(args, h.deps, { ...o, lang: true });

/** What a user copies or checks against what runs: the command and argument-vector lines of a preview. */
const exactLines = (out: string) => out.split('\n').filter((l) => /^ {2}(?:Set-VMProcessor|\[\d+\] |\$|\[Console\])/.test(l));

const LANGS = [
  {
    lang: 'zh-CN',
    env: 'zh_CN.UTF-8',
    preview: ['命令（与实际运行的完全一致）：', 'PowerShell 脚本（通过 -EncodedCommand 传入）：', '参数向量（不经 shell 运行）：', '管理员权限：需要', `风险：高——输入“${FIX}”以确认`],
    needsWord: `wcdoctor fix: ${FIX} 是高风险修复：需要 --yes=${FIX}；仅有 --yes 不够`,
    prompt: `输入“${FIX}”以运行（输入其他内容则取消）： `,
    declined: 'wcdoctor fix: 未运行：您选择了否。未做任何更改。',
    cancelled: ['正在取消：正在停止命令…', '✖ 已取消：命令在完成之前被停止。', '→ 它可能已完成部分更改'],
    running: ['正在运行：Set-VMProcessor', '（按 Ctrl+C 取消；时间限制'],
    missing: /^wcdoctor fix: “vm_name”没有值：.+（vm-name）\nwcdoctor fix: 请用 --set NAME=VALUE 给出值（参见：wcdoctor fix hyperv-isolation-no-hypervisor）\n$/,
    list: [`${TOPIC} 的修复：`, '低风险', '需要管理员权限', `高风险（确认词：${FIX}）`, `运行其中一个：wcdoctor fix ${TOPIC} FIX --set NAME=VALUE ...（加上 --dry-run 则只显示命令）`],
  },
  {
    lang: 'ko-KR',
    env: 'ko_KR.UTF-8',
    preview: ['명령(실제로 실행되는 그대로):', 'PowerShell 스크립트(-EncodedCommand로 전달):', '인수 벡터(셸 없이 실행):', '관리자 권한: 필요', `위험: 높음 — 확인하려면 "${FIX}"을(를) 입력하세요`],
    needsWord: `wcdoctor fix: ${FIX}은(는) 위험이 높은 해결 방법입니다. --yes=${FIX}이(가) 필요하며 --yes만으로는 부족합니다`,
    prompt: `실행하려면 "${FIX}"을(를) 입력하세요(다른 입력은 취소): `,
    declined: 'wcdoctor fix: 실행하지 않음: 아니요를 선택했습니다. 아무것도 바뀌지 않았습니다.',
    cancelled: ['취소 중: 명령을 멈추는 중…', '✖ 취소됨: 명령이 끝나기 전에 중지되었습니다.', '→ 변경의 일부만 적용되었을 수 있습니다'],
    running: ['실행 중: Set-VMProcessor', '(Ctrl+C로 취소, 제한 시간'],
    missing: /^wcdoctor fix: "vm_name"에 값이 없습니다: .+ \(vm-name\)\nwcdoctor fix: --set NAME=VALUE로 값을 지정하세요\(참고: wcdoctor fix hyperv-isolation-no-hypervisor\)\n$/,
    list: [`${TOPIC}의 해결 방법:`, '낮은 위험', '관리자 권한 필요', `높은 위험(확인 단어: ${FIX})`, `하나 실행하기: wcdoctor fix ${TOPIC} FIX --set NAME=VALUE ... (명령만 보려면 --dry-run 추가)`],
  },
  {
    lang: 'sv-SE',
    env: 'sv_SE.UTF-8',
    preview: ['Kommando (exakt som det körs):', 'PowerShell-skript (skickas med -EncodedCommand):', 'Argumentvektor (körs utan skal):', 'Administratörsbehörighet: krävs', `Risk: HÖG — skriv "${FIX}" för att bekräfta`],
    needsWord: `wcdoctor fix: ${FIX} är en åtgärd med hög risk: kräver --yes=${FIX}; bara --yes räcker inte`,
    prompt: `Skriv "${FIX}" för att köra det (allt annat avbryter): `,
    declined: 'wcdoctor fix: Inte körd: du svarade nej. Inget ändrades.',
    cancelled: ['Avbryter: stoppar kommandot…', '✖ Avbrutet: kommandot stoppades innan det var klart.', '→ Kommandot kan ha gjort en del av ändringen'],
    running: ['Kör: Set-VMProcessor', '(Ctrl+C avbryter; tidsgräns'],
    missing: /^wcdoctor fix: "vm_name" saknar värde: .+ \(vm-name\)\nwcdoctor fix: ange värden med --set NAME=VALUE \(se: wcdoctor fix hyperv-isolation-no-hypervisor\)\n$/,
    list: [`Åtgärder för ${TOPIC}: `, 'låg risk', 'kräver administratör', `HÖG risk (bekräftelseord: ${FIX})`, `Kör en av dem: wcdoctor fix ${TOPIC} FIX --set NAME=VALUE ... (lägg till --dry-run för att bara se kommandot)`],
  },
] as const;

describe('wcdoctor fix in the user language', () => {
  it.each(LANGS)('$lang: the preview (--dry-run) with the fix’s own words, every command and argv line as in English', async (x) => {
    const en = await fix([...HIGH, '--dry-run'], harness());
    const r = await fix([...HIGH, '--dry-run', '--lang', x.lang], harness());
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const own = localizeFix(fixOf(FIX), x.lang);
    expect(own?.title).not.toBe(fixOf(FIX)?.title);
    expect(lines[0]).toContain(`${own?.title} (${TOPIC}/${FIX})`);
    for (const h of x.preview) expect(lines).toContain(h);
    expect(r.stdout).toContain(own?.changes);
    for (const english of ['Command:', 'Argument vector', 'Changes:', 'Administrator rights', 'HIGH']) expect(r.stdout).not.toContain(english);
    expect(exactLines(r.stdout)).toEqual(exactLines(en.stdout));
    expect(exactLines(r.stdout)).toContain("  Set-VMProcessor -VMName 'Web01' -ExposeVirtualizationExtensions $true");
    expect(lines).toHaveLength(en.stdout.split('\n').length);
  });

  it.each(LANGS)('$lang: the list of a topic’s fixes, ids, commands and placeholders as in English', async (x) => {
    const en = await fix([TOPIC], harness());
    const r = await fix([TOPIC, '--lang', x.lang], harness());
    expect(r.code).toBe(0);
    for (const want of x.list) expect(r.stdout).toContain(want);
    // Fix ids, commands and placeholders (name and kind) are the same lines in every language.
    const ids = (out: string) => out.split('\n').filter((l) => /^ {2}[\w-]+: /.test(l)).map((l) => l.split(': ')[0]);
    const commands = (out: string) => out.split('\n').filter((l) => /^ {4}(?:Set-VMProcessor|docker [a-z]|Get-)/.test(l));
    const placeholders = (out: string) => out.split('\n').filter((l) => /^ {4}\{\{\w+\}\} /.test(l)).map((l) => l.split(': ')[0]);
    const fixed = (out: string) => [...ids(out), ...commands(out), ...placeholders(out)];
    expect(commands(en.stdout)).toHaveLength(4);
    expect(placeholders(en.stdout)).toEqual(['    {{image}} image-ref', '    {{vm_name}} vm-name']);
    expect(fixed(r.stdout)).toEqual(fixed(en.stdout));
    expect(r.stdout.split('\n')).toHaveLength(en.stdout.split('\n').length);
  });

  it.each(LANGS)('$lang: a plain --yes on a high-risk fix is refused, naming --yes=WORD (exit 2, recorded in English)', async (x) => {
    const h = harness();
    const r = await fix([...HIGH, '--yes', '--lang', x.lang], h);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${x.needsWord}\n`);
    expect(h.ran).toEqual([]);
    expect(h.audit).toMatchObject([{ outcome: 'refused', reason: `${FIX} is a high-risk fix: needs --yes=${FIX}; plain --yes is not enough` }]);
  });

  it.each(LANGS)('$lang (from LANG): a run cancelled at the prompt asks for the word in that language (exit 1)', async (x) => {
    const h = harness({ answer: 'yes' });
    const r = await fix(HIGH, h, { tty: true, env: { LANG: x.env } });
    expect(r.code).toBe(1);
    expect(h.asked).toEqual([x.prompt]);
    expect(r.stderr).toContain(x.preview[0]);
    expect(r.stderr).toContain("  Set-VMProcessor -VMName 'Web01' -ExposeVirtualizationExtensions $true");
    expect(r.stderr.endsWith(`${x.declined}\n`)).toBe(true);
    expect(r.stdout).toBe('');
    expect(h.ran).toEqual([]);
    expect(h.audit).toMatchObject([{ outcome: 'refused', reason: 'declined at the confirmation prompt' }]);
  });

  it.each(LANGS)('$lang: a run cancelled with Ctrl+C says so, and what to check, in that language (exit 130)', async (x) => {
    const h = harness({ child: 'console.log("working"); setInterval(() => {}, 1000)', interrupt: true });
    const r = await fix([...HIGH, `--yes=${FIX}`, '--timeout', '1.5', '--lang', x.lang], h);
    expect(r.code).toBe(130);
    for (const want of [...x.running, ...x.cancelled]) expect(r.stderr).toContain(want);
    expect(r.stderr).toContain("Set-VMProcessor -VMName 'Web01' -ExposeVirtualizationExtensions $true\n");
    expect(r.stderr).not.toMatch(/Running:|Cancelling|Cancelled:/);
    // The time limit as the language writes its decimals (found by a helper: "0.1 s" in Swedish too).
    expect(r.stderr).toContain(x.lang === 'sv-SE' ? ' 1,5 s' : ' 1.5 s');
    expect(h.audit).toMatchObject([{ outcome: 'cancelled' }]);
  });

  it.each(LANGS)('$lang: a missing value and a bad --set are input errors in that language (exit 2)', async (x) => {
    const missing = await fix([TOPIC, FIX, '--lang', x.lang], harness());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(x.missing);
    const bad = await fix([TOPIC, FIX, '--set', 'vm_name', '--lang', x.lang], harness());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^wcdoctor fix: --set "vm_name"[:：]/);
    expect(bad.stderr).toContain('--set port=8080');
    expect(bad.stderr).not.toContain('expected NAME=VALUE');
  });

  it.each([
    ['zh-CN', '未复制到剪贴板：'],
    ['ko-KR', '클립보드에 복사하지 못함: '],
    ['sv-SE', 'Inte kopierat till urklipp: '],
  ])('%s: a fix that cannot run here is refused in that language, its command printed to run as wcdoctor runs it (exit 3)', async (lang, notCopied) => {
    const h = harness();
    h.deps.host = { platform: 'linux', hasProgram: () => true };
    const r = await fix([...HIGH, `--yes=${FIX}`, '--copy', '--lang', lang], h);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("& { $ErrorActionPreference = 'Stop'; Set-VMProcessor -VMName 'Web01' -ExposeVirtualizationExtensions $true }\n");
    expect(r.stderr).toContain('Linux');
    expect(r.stderr).toContain(notCopied);
    expect(r.stderr).not.toMatch(/cannot run here|no clipboard tool|Not copied/);
    expect(h.audit).toMatchObject([{ outcome: 'refused', reason: expect.stringMatching(/^cannot run here: /) }]);
  });

  it('keeps --json and English as they were', async () => {
    const en = await fix([...HIGH, '--dry-run', '--json'], harness());
    expect((await fix([...HIGH, '--dry-run', '--json', '--lang', 'ko-KR'], harness())).stdout).toBe(en.stdout);
    expect((await fix([TOPIC, '--json', '--lang', 'sv-SE'], harness())).stdout).toBe((await fix([TOPIC, '--json'], harness())).stdout);
    const refused = await fix([...HIGH, '--yes', '--json', '--lang', 'zh-CN'], harness());
    expect(JSON.parse(refused.stdout)).toMatchObject({ outcome: 'refused', reason: `${FIX} is a high-risk fix: needs --yes=${FIX}; plain --yes is not enough` });
    expect((await fix([...HIGH, '--dry-run', '--lang', 'en'], harness())).stdout).toBe((await fix([...HIGH, '--dry-run'], harness(), { env: { LANG: 'C' } })).stdout);
  });
});
