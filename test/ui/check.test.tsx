import { readFileSync } from 'node:fs';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECKS } from '../../src/core/check/checks/index.js';
import { displayWidth } from '../../src/core/text/display-width.js';
import { CHECK_AUDIT } from '../../src/core/check/collector-plan.js';
import { READS } from '../../src/core/check/reads.js';
import { evaluateHost } from '../../src/core/check/evaluate.js';
import { readCheckInput } from '../../src/core/check/read-input.js';
import { DECLINED_REASON } from '../../src/core/fixes/preflight.js';
import { DRAW_FIRST_MS, startFactsFileCheck } from '../../src/platform/facts-file.js';
import type { Locale } from '../../src/core/knowledge/types.js';
import { helpRows } from '../../src/ui/components/HelpPanel.js';
import { SCREEN_SCOPES } from '../../src/ui/keys.js';
import { checkTitle, findingDetail, findingSentence } from '../../src/ui/screens/check/findings.js';
import { looksLikePath } from '../../src/ui/screens/check/PasteCheck.js';
import { placeholderLines } from '../../src/ui/components/TextArea.js';
import type { Route } from '../../src/ui/navigation.js';
import { CHECK_FIXTURES, fixture } from '../core/check/fixtures.js';
import { fakePlatform, type FakePlatformOptions } from '../helpers/fake-platform.js';
import { tFor } from '../helpers/i18n.js';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import { realKb } from '../helpers/real-kb.js';
import { AFTER_BULK_MS } from '../../src/ui/contexts/InputContext.js';
import { renderApp } from '../helpers/render.js';
import { plain, waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';

afterEach(() => cleanup());

const kb = realKb();
const tEn = tFor('en');
const title = (id: string, locale: Locale = 'en') => kb.topics.find((t) => t.id === id)?.title[locale] ?? '';

function open(initial: Route[], opts: FakePlatformOptions & { locale?: Locale; rows?: number; columns?: number; afterBulkMs?: number } = {}) {
  const { locale = 'en', rows = 30, columns = 100, afterBulkMs, ...platformOpts } = opts;
  const platform = fakePlatform({ kb, ...platformOpts, settings: { language: locale, ...platformOpts.settings } });
  return { ...renderApp({ platform, initial, locale, rows, columns, ...(afterBulkMs !== undefined ? { afterBulkMs } : {}) }), platform };
}

/** Waits for text that the frame may have wrapped over several lines. */
async function waitForWrapped(lastFrame: () => string | undefined, text: string): Promise<string> {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  await vi.waitFor(() => expect(flat(plain(lastFrame()))).toContain(flat(text)), { timeout: 5000, interval: 10 });
  // As waitForFrame: one macrotask, so what was just drawn is listening for keys.
  await new Promise((r) => setTimeout(r, 0));
  return plain(lastFrame());
}

describe('CheckScreen: the two ways', () => {
  it('is on the home menu and offers checking this host and collected output', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'home' }]);
    await waitForFrame(lastFrame, t('check.menu'));
    for (let i = 0; i < 4; i++) stdin.write(KEYS.down);
    await waitForFrame(lastFrame, `❯ ${t('check.menu')}`);
    stdin.write(KEYS.enter);
    const frame = await waitForFrame(lastFrame, t('check.app.prompt'));
    expect(frame).toContain(`❯ ${t('check.app.host')}`);
    expect(frame).toContain(t('check.app.paste'));
    expect(frame).not.toContain(t('check.app.notWindows'));
  });

  it('off Windows, says checking this host needs a Windows host and offers the other way and check --script', async () => {
    const { lastFrame, stdin, t, platform } = open([{ screen: 'check' }], { os: 'linux' });
    const frame = await waitForWrapped(lastFrame, t('check.app.notWindows'));
    expect(frame.replace(/\s+/g, ' ')).toContain('wcdoctor check --script > collect.ps1');
    expect(frame).toContain(t('check.app.hostHintOther'));
    // The way that can run is chosen; Enter on "Check this host" moves to it rather than run anything.
    expect(frame).toContain(`❯ ${t('check.app.paste')}`);
    stdin.write(KEYS.up);
    await waitForFrame(lastFrame, `❯ ${t('check.app.host')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, `❯ ${t('check.app.paste')}`);
    expect(platform.shell.runs).toEqual([]);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('check.app.waiting'));
  });

  it('a paste on the choice opens "Check collected output" with it', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'check' }]);
    await waitForFrame(lastFrame, t('check.app.prompt'));
    stdin.write(bracketedPaste(fixture('paste/ver-en.txt')));
    await waitForFrame(lastFrame, t('check.host.paste', { read: 'ver' }));
  });
});

describe('CheckScreen: collected output', () => {
  it('a pasted collector document lists the findings, failures first, with the value read', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }]);
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write(bracketedPaste(fixture('hosts/ws2019-problems.json')));
    const frame = await waitForFrame(lastFrame, t('check.host.elevated', { host: 'LEGACYHOST02' }));
    expect(frame).toMatch(/✖ fail {2}No local image is newer than the host patch level/);
    expect(frame).toContain(`${t('check.read')} currentVersion: 17763.1000`);
    expect(frame).toContain(t('check.app.opensTopic'));
    const rows = frame.split('\n').filter((l) => /^\s*(?:❯ )?[✔!✖·] /.test(l));
    const order = rows.map((l) => '✖!✔·'.indexOf(l.replace(/^\s*(?:❯ )?/, '')[0] ?? ''));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('a finding opens its known issue, and Esc comes back to the same finding', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }]);
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write(bracketedPaste(fixture('hosts/ws2019-problems.json')));
    await waitForFrame(lastFrame, t('check.host.elevated', { host: 'LEGACYHOST02' }));
    stdin.write(KEYS.tab);
    await waitForFrame(lastFrame, /❯ ✖ fail {2}No local image is newer/);
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, /❯ ✖ fail {2}Local images match the host build/);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, title('version-mismatch-error'));
    // From the topic, its fixes, as the topic screen allows: f chooses the first, Enter opens it in the fix runner.
    const fix = kb.topics.find((x) => x.id === 'version-mismatch-error')!.fixes[0]!;
    stdin.write('f');
    stdin.write(KEYS.enter);
    await waitForWrapped(lastFrame, `› ${t('fix.title', { title: fix.title })}`);
    // It has nothing to fill in, so it asks at once; Esc there answers No, and the next Esc goes back.
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('fix.declined'));
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, title('version-mismatch-error'));
    stdin.write(KEYS.esc);
    const back = await waitForFrame(lastFrame, /❯ ✖ fail {2}Local images match the host build/);
    expect(back).toContain(t('check.host.elevated', { host: 'LEGACYHOST02' }));
  });

  it('i shows the selected finding in full, with the check\'s own words; Enter does so for a finding with no known issue (found by a helper)', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }], { rows: 34, columns: 100 });
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write(bracketedPaste(fixture('hosts/ws2019-problems.json')));
    await waitForFrame(lastFrame, t('check.host.elevated', { host: 'LEGACYHOST02' }));
    const input = readCheckInput(fixture('hosts/ws2019-problems.json'));
    if (!input.ok) throw new Error('fixture');
    const findings = evaluateHost(input.value.docs[0]!).findings.filter((f) => f.status === 'fail');
    const first = findings[0]!;
    const sentence = (f: (typeof findings)[number]) => findingSentence(tEn, f.text).replace(/\s+/g, ' ');
    stdin.write(KEYS.tab);
    await waitForFrame(lastFrame, /❯ ✖ fail {2}No local image is newer/);
    // The row cuts what the finding read; i shows it whole, and the check's message under it.
    expect(plain(lastFrame()).replace(/\s+/g, ' ')).not.toContain(sentence(first));
    stdin.write('i');
    await vi.waitFor(() => expect(plain(lastFrame()).replace(/\s+/g, ' ')).toContain(sentence(first)));
    // Any key closes it; i was not typed into the input.
    stdin.write('i');
    await vi.waitFor(() => expect(plain(lastFrame()).replace(/\s+/g, ' ')).not.toContain(sentence(first)));
    expect(lastFrame()).toMatch(/❯ ✖ fail {2}No local image is newer/);
    // A failing finding with no known issue: Enter shows it in full instead of doing nothing.
    const lone = findings.findIndex((f) => !f.topic);
    expect(lone).toBeGreaterThan(0);
    for (let i = 0; i < lone; i++) stdin.write(KEYS.down);
    await waitForFrame(lastFrame, `❯ ✖ fail  ${checkTitle(t, findings[lone]!.check).slice(0, 30)}`);
    stdin.write(KEYS.enter);
    await vi.waitFor(() => expect(plain(lastFrame()).replace(/\s+/g, ' ')).toContain(sentence(findings[lone]!).slice(0, 60)));
  });

  it('in Korean, a finding says what it found in Korean: in full with i, and why a check could not judge in its row (found: the checks\' words were English in every language)', async () => {
    const tKo = tFor('ko-KR');
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }], { locale: 'ko-KR', rows: 34, columns: 100 });
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write(bracketedPaste(fixture('hosts/ws2019-problems.json')));
    await waitForFrame(lastFrame, t('check.host.elevated', { host: 'LEGACYHOST02' }));
    const input = readCheckInput(fixture('hosts/ws2019-problems.json'));
    if (!input.ok) throw new Error('fixture');
    const first = evaluateHost(input.value.docs[0]!).findings.find((f) => f.status === 'fail')!;
    const korean = findingSentence(tKo, first.text);
    expect(korean).not.toBe(findingSentence(tEn, first.text));
    stdin.write(KEYS.tab);
    await waitForFrame(lastFrame, `❯ ✖ ${tKo('check.status.fail')}  ${checkTitle(tKo, first.check)}`);
    stdin.write('i');
    await vi.waitFor(() => expect(flat(plain(lastFrame()))).toContain(flat(korean)));
    expect(flat(plain(lastFrame()))).not.toContain(flat(findingSentence(tEn, first.text)).slice(0, 30));

    cleanup();
    const paste = open([{ screen: 'check', way: 'paste' }], { locale: 'ko-KR', rows: 30, columns: 100 });
    await waitForFrame(paste.lastFrame, t('check.app.waiting'));
    paste.stdin.write(bracketedPaste(fixture('paste/mppreference-unelevated.txt')));
    const frame = await waitForWrapped(paste.lastFrame, `${tKo('check.reason.needs-admin')} — Get-MpPreference는`);
    expect(frame).not.toContain('hides exclusions');
  });

  it('a long list scrolls within a small terminal', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }], { rows: 20, columns: 80 });
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write(bracketedPaste(fixture('hosts/ws2022-healthy.json')));
    const top = await waitForFrame(lastFrame, t('check.header', { host: t('check.host.elevated', { host: 'CONTAINERHOST01' }) }));
    expect(top).toMatch(/↓ \d+/);
    expect(top.split('\n').length).toBeLessThanOrEqual(20);
    stdin.write(KEYS.tab);
    for (let i = 0; i < CHECKS.length; i++) stdin.write(KEYS.down);
    const bottom = await waitForFrame(lastFrame, /❯ · not evaluated/);
    expect(bottom.split('\n').length).toBeLessThanOrEqual(20);
  });

  it('one command\'s output: only the checks it can judge, and how many need other output', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }]);
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write(bracketedPaste(fixture('paste/excludedports-zh-CN.txt')));
    const frame = await waitForWrapped(lastFrame, t('check.host.paste', { read: 'excludedPorts' }));
    expect(frame).toContain(t('check.pasteOthers', { count: CHECKS.length - 1 }).slice(0, 30));
    expect(frame).toMatch(/✔ pass {2}Excluded port ranges leave ports free\s+read excludedPorts: 18 ranges, 1265 ports/);
  });

  it('a paste without bracketed paste (lines and their Enters in one write) keeps its lines and is recognised; no file is read', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }]);
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write(fixture('paste/docker-info-win10-1809.txt').replace(/\r?\n/g, '\r'));
    const frame = await waitForFrame(lastFrame, t('check.host.paste', { read: 'dockerInfo' }));
    expect(frame).not.toContain(t('check.app.noSuchFile'));
  });

  it('text that is not recognised says so; Ctrl+U clears it', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }]);
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write(bracketedPaste('hello\nworld'));
    await waitForWrapped(lastFrame, t('check.app.inputError', { message: 'not a wcdoctor collector document' }).slice(0, 40));
    stdin.write(KEYS.ctrlU);
    await waitForFrame(lastFrame, t('check.app.waiting'));
  });

  it('a fleet shows hosts × checks; Enter opens a host\'s findings and Esc goes back to the hosts', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'check' }, { screen: 'check', way: 'paste' }], { rows: 34, columns: 200 });
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write(bracketedPaste(fixture('fleet-invoke-command.json')));
    const frame = await waitForFrame(lastFrame, t('check.fleet.header', { count: 3 }));
    const grids = frame.split('\n').filter((l) => /^ {4}[✔!✖·]+ {2}/.test(l));
    expect(grids).toHaveLength(3);
    for (const g of grids) expect(g.trim().split(/ {2}/)[0]).toHaveLength(CHECKS.length);
    expect(frame).toContain('legacyhost02.contoso.com');
    expect(frame).toContain(t('check.app.fleetWorst', { checks: '' }).trim());
    // The app lists no numbered checks: its legend says what the marks are without pointing at one (found by a helper).
    expect(frame).not.toContain(t('check.fleet.legend'));
    expect(frame).toContain(t('check.app.fleetLegend'));
    stdin.write(KEYS.tab);
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, /❯ ✖ {2}legacyhost02/);
    stdin.write(KEYS.enter);
    const host = await waitForFrame(lastFrame, t('check.app.fleetBack'));
    expect(host).toContain(t('check.host.elevated', { host: 'legacyhost02.contoso.com' }));
    expect(host).toMatch(/❯ ✖ fail/);
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, /❯ ✖ {2}legacyhost02/);
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('check.app.prompt'));
  });

  it('a file path and Enter reads the file (UTF-16LE as PowerShell writes it); a missing one says so', async () => {
    const bytes = readFileSync(`${CHECK_FIXTURES}/hosts/win11-desktop-linux-unelevated.json`);
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }], { files: { 'C:\\facts\\host.json': bytes } });
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write('"C:\\facts\\nothere.json"');
    await waitForFrame(lastFrame, 'nothere.json');
    // While a path is typed it is a file Enter will read, not input that was "not recognised" (found by a helper).
    await waitForFrame(lastFrame, t('check.app.pathHint'));
    expect(lastFrame()).not.toContain(t('check.input.unrecognised').slice(0, 30));
    stdin.write(KEYS.enter);
    await waitForWrapped(lastFrame, t('check.app.fileError', { file: 'C:\\facts\\nothere.json', reason: t('check.app.noSuchFile') }));
    // Not "Read from" a file that could not be read (a new-user helper saw both, one above the other).
    expect(lastFrame()).not.toContain(t('check.app.fromFile', { file: 'C:\\facts\\nothere.json' }));
    stdin.write(KEYS.ctrlU);
    stdin.write('C:\\facts\\host.json');
    await waitForFrame(lastFrame, 'host.json');
    stdin.write(KEYS.enter);
    const frame = await waitForFrame(lastFrame, t('check.app.fromFile', { file: 'C:\\facts\\host.json' }));
    expect(frame).toContain('(not elevated)');
    expect(frame).toMatch(/❯ [✖!] /);
  });

  it("shows a host's counts in a narrow terminal: the title goes on a second line instead of being cut (a new-user helper at 60 columns)", async () => {
    const bytes = readFileSync(`${CHECK_FIXTURES}/hosts/ws2019-problems.json`);
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }], { files: { 'C:\\facts\\host.json': bytes }, columns: 60, rows: 20 });
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write('C:\\facts\\host.json');
    await waitForFrame(lastFrame, 'host.json');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('check.app.fromFile', { file: 'C:\\facts\\host.json' }));
    const flat = plain(lastFrame()).replace(/\s+/g, ' ');
    expect(flat).toMatch(/\d+ pass, \d+ warn, \d+ fail, \d+ not evaluated/);
    for (const line of plain(lastFrame()).split('\n')) expect(displayWidth(line.trimEnd()), line).toBeLessThanOrEqual(60);
  });

  it('reads a pasted path on an Enter pressed moments after the paste, with the app\'s own timing (a tester got a line break)', async () => {
    const bytes = readFileSync(`${CHECK_FIXTURES}/hosts/win11-desktop-linux-unelevated.json`);
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }], { files: { 'C:\\facts\\host.json': bytes }, afterBulkMs: AFTER_BULK_MS });
    await waitForFrame(lastFrame, t('check.app.waiting'));
    // Pasted where the terminal marks no pastes: one read of the path, then the Enter in a read of its own.
    stdin.write('C:\\facts\\host.json');
    await waitForFrame(lastFrame, 'host.json');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('check.app.fromFile', { file: 'C:\\facts\\host.json' }));
  });

  it('says it is reading a file before the read, which can take seconds for a large fleet (a tester: the screen stood still)', async () => {
    const bytes = readFileSync(`${CHECK_FIXTURES}/hosts/win11-desktop-linux-unelevated.json`);
    let atRead = '';
    // A small file is read on the app's thread, as the app's platform reads it, noting what the screen showed then.
    const r = open([{ screen: 'check', way: 'paste' }], {
      checkFile: (f, onProgress) =>
        startFactsFileCheck(f, {
          ...(onProgress ? { onProgress } : {}),
          inlineAfterMs: DRAW_FIRST_MS,
          read: () => {
            atRead = r.lastFrame() ?? '';
            return bytes;
          },
        }),
    });
    await waitForFrame(r.lastFrame, r.t('check.app.waiting'));
    r.stdin.write('C:\\facts\\host.json');
    await waitForFrame(r.lastFrame, 'host.json');
    r.stdin.write(KEYS.enter);
    await waitForFrame(r.lastFrame, r.t('check.app.fromFile', { file: 'C:\\facts\\host.json' }));
    expect(atRead).toContain(r.t('check.app.reading', { file: 'C:\\facts\\host.json' }));
    expect(r.lastFrame()).not.toContain(r.t('check.app.reading', { file: 'C:\\facts\\host.json' }));
  });

  it('the input\'s placeholder is wrapped over its rows, so its end (a file path works too) can be read (found by a helper)', async () => {
    const { lastFrame, t } = open([{ screen: 'check', way: 'paste' }], { columns: 100 });
    const frame = await waitForFrame(lastFrame, t('check.app.waiting'));
    expect(frame.replace(/[│\s]+/g, ' ')).toContain('or type a file path and press Enter.');
    expect(placeholderLines('one two three four', 9, 2)).toEqual(['one two', 'three f…']);
    expect(placeholderLines('short', 40, 3)).toEqual(['short']);
  });

  it.each([
    ['/tmp/helperB/h.json', true],
    ['C:\\facts\\h.json', true],
    ['"C:\\Program Files\\facts.json"', true],
    ['.\\host.json', true],
    ['~/host.json', true],
    ['host.json', true],
    ['random words that are no path', false],
    ['{"schema":', false],
    ['/tmp/a\n/tmp/b', false],
  ])('looksLikePath(%j) is %s', (text, path) => {
    expect(looksLikePath(text)).toBe(path);
  });

  it('a size reads with the decimal comma in Swedish (52,0 GB), as the interface language writes it', () => {
    const input = readCheckInput(fixture('hosts/ws2019-problems.json'));
    if (!input.ok) throw new Error('fixture');
    const disk = evaluateHost(input.value.docs[0]!).findings.find((f) => f.check === 'disk-free')!;
    expect(findingSentence(tFor('sv-SE'), disk.text)).toBe('C: har 9,8 GB ledigt, D: har 21,0 GB ledigt: hämtningar och uppackning av lager misslyckas under cirka 15 GB');
    expect(findingSentence(tEn, disk.text)).toBe('C: has 9.8 GB free, D: has 21.0 GB free: pulls and layer extraction fail below about 15 GB');
  });

  it.each([
    ['en', 'not evaluated: run as administrator — features could not be read', /elevat/],
    ['zh-CN', '未评估：请以管理员身份运行 — 无法读取 features', /提升/],
    ['ko-KR', '평가 안 됨: 관리자 권한으로 실행하세요 — features을(를) 읽을 수 없었습니다', /관리자[\s\S]*관리자/],
    ['sv-SE', 'ej bedömd: kör som administratör — features kunde inte läsas', /upphöjd/],
  ] as const)('%s: a read an unelevated session skipped says "run as administrator" once, and what was not read', (locale, line, twice) => {
    const input = readCheckInput(fixture('hosts/win11-engine20-unelevated.json'));
    if (!input.ok) throw new Error('fixture');
    const feature = evaluateHost(input.value.docs[0]!).findings.find((f) => f.check === 'containers-feature')!;
    expect(feature).toMatchObject({ status: 'not-evaluated', reason: 'needs-admin' });
    expect(findingDetail(tFor(locale), feature)).toBe(line);
    expect(line).not.toMatch(twice);
  });

  it('in the interface language', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'check', way: 'paste' }], { locale: 'sv-SE' });
    await waitForFrame(lastFrame, t('check.app.waiting'));
    stdin.write(bracketedPaste(fixture('hosts/ws2019-problems.json')));
    const frame = await waitForFrame(lastFrame, t('check.host.elevated', { host: 'LEGACYHOST02' }));
    expect(frame).toContain(`✖ ${t('check.status.fail')}`);
    expect(frame).toContain(t('check.app.opensTopic'));
    expect(t('check.app.opensTopic')).not.toBe(tEn('check.app.opensTopic'));
  });
});

/** The collector document the fake collector prints: a real one, as the collector writes it (UTF-8 JSON). */
const HOST_DOC = fixture('hosts/ws2019-problems.json');

describe('CheckScreen: this host', () => {
  it('off Windows the route to this host shows the choice and its message; nothing starts', async () => {
    const { lastFrame, t, platform } = open([{ screen: 'check', way: 'host' }], { os: 'darwin' });
    await waitForWrapped(lastFrame, t('check.app.notWindows'));
    expect(platform.shell.runs).toEqual([]);
  });

  it('lists r (check again) in the help overlay once findings are shown', () => {
    const keys = helpRows(SCREEN_SCOPES.checkHostResults).flatMap((r) => ('keys' in r ? [`${r.keys} ${r.label}`] : []));
    expect(keys).toContain('r check.app.keys.again');
  });

  const openHost = (opts: Parameters<typeof open>[1] = {}) => open([{ screen: 'check' }, { screen: 'check', way: 'host' }], opts);

  it('shows the read-only commands and asks once; y runs the collector through the fix runner and lists the findings', async () => {
    const { lastFrame, stdin, t, platform } = openHost({ elevation: { kind: 'not-elevated' } });
    const frame = await waitForFrame(lastFrame, t('check.app.confirm'));
    expect(frame).toContain(t('check.preview.title'));
    expect(frame).toContain(READS.currentVersion.command);
    expect(frame).toContain(`❯ ${t('fix.confirm.no')}`);
    stdin.write(KEYS.pageDown);
    stdin.write(KEYS.pageDown);
    await waitForWrapped(lastFrame, t('check.preview.notElevated'));
    expect(platform.shell.runs).toEqual([]);

    stdin.write('y');
    await vi.waitFor(() => expect(platform.shell.runs).toHaveLength(1), { timeout: 5000, interval: 10 });
    const run = platform.shell.runs[0]!;
    expect(run.file).toBe('powershell.exe');
    // The script on PowerShell's input: no file in the temporary folder that another program of the user's could change.
    expect(run.args).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', '&([scriptblock]::Create([Console]::In.ReadToEnd()))']);
    expect(run.options.input).toBe(platform.collector.read().text);
    await waitForFrame(lastFrame, t('check.app.collecting', { seconds: 0 }));

    run.emit(HOST_DOC);
    run.finish();
    const done = await waitForFrame(lastFrame, t('check.host.elevated', { host: 'LEGACYHOST02' }));
    expect(done).toMatch(/❯ ✖ fail {2}No local image is newer/);
    expect(platform.audit.entries).toMatchObject([{ topic: CHECK_AUDIT.topic, fix: CHECK_AUDIT.fix, outcome: 'ran', exitCode: 0, inputSha256: platform.collector.read().sha256 }]);

    // A finding opens its topic; back, the findings are still there (nothing runs again).
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, title('image-newer-than-host-patch'));
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, /❯ ✖ fail {2}No local image is newer/);
    expect(platform.shell.runs).toHaveLength(1);
  });

  it('shows progress per check while it evaluates', async () => {
    const { lastFrame, frames, stdin, t, platform } = openHost();
    await waitForFrame(lastFrame, t('check.app.confirm'));
    stdin.write('y');
    await vi.waitFor(() => expect(platform.shell.runs).toHaveLength(1), { timeout: 5000, interval: 10 });
    platform.shell.runs[0]!.emit(HOST_DOC);
    platform.shell.runs[0]!.finish();
    await waitForFrame(lastFrame, t('check.host.elevated', { host: 'LEGACYHOST02' }));
    const steps = frames.map(plain).flatMap((f) => /Evaluating check (\d+) of (\d+)/.exec(f)?.slice(1) ?? []);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[1]).toBe(String(CHECKS.length));
  });

  it("shows the script's digest with the commands and runs the script it read then, not one read later", async () => {
    const { lastFrame, stdin, t, platform } = openHost({ rows: 60 });
    const shown = platform.collector.read();
    await waitForFrame(lastFrame, t('check.app.confirm'));
    await waitForWrapped(lastFrame, t('check.preview.digest', { sha256: shown.sha256 }));
    // Changed on disk while the question waits: what runs, and what the log names, is what was shown.
    platform.collector.read = () => ({ text: '# another script', sha256: 'ef'.repeat(32) });
    stdin.write('y');
    await vi.waitFor(() => expect(platform.shell.runs).toHaveLength(1), { timeout: 5000, interval: 10 });
    expect(platform.shell.runs[0]!.options.input).toBe(shown.text);
    platform.shell.runs[0]!.emit(HOST_DOC);
    platform.shell.runs[0]!.finish();
    await vi.waitFor(() => expect(platform.audit.entries).toMatchObject([{ outcome: 'ran', inputSha256: shown.sha256 }]), { timeout: 5000, interval: 10 });
  });

  it('refused: n, Enter on the default No, or a "y" inside a paste runs nothing; each refusal is in the audit log', async () => {
    const { lastFrame, stdin, t, platform } = openHost();
    await waitForFrame(lastFrame, t('check.app.confirm'));
    stdin.write(bracketedPaste('y'));
    stdin.write('y\r');
    await waitForFrame(lastFrame, t('fix.confirm.burst'));
    expect(platform.shell.runs).toEqual([]);
    stdin.write('n');
    await waitForFrame(lastFrame, t('check.app.declined'));
    expect(platform.shell.runs).toEqual([]);
    expect(platform.audit.entries).toMatchObject([{ fix: CHECK_AUDIT.fix, outcome: 'refused', reason: DECLINED_REASON, inputSha256: platform.collector.read().sha256 }]);
    stdin.write('r');
    await waitForFrame(lastFrame, t('check.app.confirm'));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('check.app.declined'));
    expect(platform.shell.runs).toEqual([]);
    expect(platform.audit.entries.map((e) => e.outcome)).toEqual(['refused', 'refused']);
  });

  it('names y and n at the foot only while the question is asked', async () => {
    const yes = `y ${tEn('fix.confirm.yesKey')}`;
    const asked = openHost();
    expect(await waitForFrame(asked.lastFrame, asked.t('check.app.confirm'))).toContain(yes);
    cleanup();
    const blocked = openHost({ auditUnwritable: 'EACCES: permission denied' });
    const frame = await waitForWrapped(blocked.lastFrame, 'EACCES: permission denied');
    expect(frame).not.toContain(yes);
    expect(frame).toContain(`Esc ${tEn('keys.back')}`);
  });

  it('an audit log that cannot be written: the question is not asked and nothing runs', async () => {
    const { lastFrame, stdin, t, platform } = openHost({ auditUnwritable: 'EACCES: permission denied' });
    await waitForWrapped(lastFrame, 'EACCES: permission denied');
    expect(plain(lastFrame())).not.toContain(t('check.app.confirm'));
    stdin.write('y');
    await waitForFrameWithout(lastFrame, t('check.app.elevation'));
    expect(platform.shell.runs).toEqual([]);
  });

  it('Ctrl+C while collecting stops the collector; the run is recorded as cancelled', async () => {
    const { lastFrame, stdin, t, platform } = openHost();
    await waitForFrame(lastFrame, t('check.app.confirm'));
    stdin.write('y');
    await vi.waitFor(() => expect(platform.shell.runs).toHaveLength(1), { timeout: 5000, interval: 10 });
    stdin.write(KEYS.ctrlC);
    await waitForFrame(lastFrame, t('check.app.failed', { reason: t('check.app.problem.cancelled') }));
    expect(platform.shell.runs[0]!.aborted).toBe(true);
    expect(platform.audit.entries).toMatchObject([{ fix: CHECK_AUDIT.fix, outcome: 'cancelled' }]);
  });

  it('a collector that fails says why, with its last error lines', async () => {
    const { lastFrame, stdin, t, platform } = openHost();
    await waitForFrame(lastFrame, t('check.app.confirm'));
    stdin.write('y');
    await vi.waitFor(() => expect(platform.shell.runs).toHaveLength(1), { timeout: 5000, interval: 10 });
    platform.shell.runs[0]!.emit('Get-Thing : something went wrong\n', 'stderr');
    platform.shell.runs[0]!.finish({ exitCode: 1 });
    const frame = await waitForFrame(lastFrame, t('check.app.failed', { reason: t('check.app.problem.failed', { code: 1 }) }));
    expect(frame).toContain('Get-Thing : something went wrong');
    expect(platform.audit.entries).toMatchObject([{ outcome: 'failed', exitCode: 1 }]);
  });
});

describe('CheckScreen: layout', () => {
  const SIZES: [number, number, Locale][] = [
    [80, 24, 'en'],
    [60, 24, 'zh-CN'],
    [60, 20, 'ko-KR'],
    [80, 24, 'sv-SE'],
  ];
  const STATES: { name: string; initial: Route[]; os?: string; paste?: string; ready: (t: ReturnType<typeof tFor>) => string }[] = [
    { name: 'the choice off Windows', initial: [{ screen: 'check' }], os: 'linux', ready: (t) => t('check.app.prompt') },
    { name: 'the commands and the question', initial: [{ screen: 'check', way: 'host' }], ready: (t) => t('fix.confirm.no') },
    { name: 'a host document', initial: [{ screen: 'check', way: 'paste' }], paste: 'hosts/ws2019-problems.json', ready: () => 'LEGACYHOST02' },
    { name: 'a fleet', initial: [{ screen: 'check', way: 'paste' }], paste: 'fleet-invoke-command.json', ready: () => 'legacyhost02' },
  ];
  const CASES = STATES.flatMap((s) => SIZES.map(([columns, rows, locale]) => ({ ...s, columns, rows, locale })));
  it.each(CASES)('$name fits $columns x $rows in $locale', async ({ initial, os, paste, ready, columns, rows, locale }) => {
    const { lastFrame, stdin, t } = open(initial, { columns, rows, locale, ...(os ? { os } : {}) });
    await waitForFrame(lastFrame, /wcdoctor ›/);
    if (paste) stdin.write(bracketedPaste(fixture(paste)));
    const frame = await waitForFrame(lastFrame, ready(t));
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(rows - 1);
    for (const line of lines) expect(displayWidth(line.trimEnd()), line).toBeLessThanOrEqual(columns);
  });
});
