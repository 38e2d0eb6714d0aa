import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { fakeDiagnose } from '../helpers/kb-fixture.js';
import { realKb } from '../helpers/real-kb.js';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { plain, waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';
import { truncateWidth } from '../../src/core/text/wrap-ansi.js';

afterEach(() => cleanup());

const ERROR = [
  "Start-Container : 'test2' failed to start.",
  "'test2' failed to start: This operation returned because the timeout period expired. (0x800705B4).",
  'At line:1 char:1',
  '+ Start-Container test2',
].join('\r');

const open = (diagnose = fakeDiagnose(), onQuit?: () => void) => ({ ...renderApp({ initial: [{ screen: 'diagnose', text: '' }], diagnose: diagnose.fn, ...(onQuit ? { onQuit } : {}) }), engine: diagnose });

describe('DiagnoseScreen', () => {
  it('keeps the paste and its matches for the session: Esc to Home and Enter again (a new-user helper found the box empty)', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'home' }], diagnose: fakeDiagnose().fn });
    await waitForFrame(lastFrame, `❯ ${t('home.menu.diagnose')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste(ERROR));
    await waitForFrame(lastFrame, t('diagnose.results.count', { count: 1 }));
    stdin.write(KEYS.tab);
    await waitForFrame(lastFrame, `${t('keys.showFull')}`);
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, `❯ ${t('home.menu.diagnose')}`);
    stdin.write(KEYS.enter);
    const back = await waitForFrame(lastFrame, t('diagnose.results.count', { count: 1 }));
    expect(back).toContain("Start-Container : 'test2' failed to start.");
    expect(back).toMatch(/❯ .*Container start times out/);
    // Home (h) then Enter: the same.
    stdin.write('h');
    await waitForFrame(lastFrame, `❯ ${t('home.menu.diagnose')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, "Start-Container : 'test2' failed to start.");
  });

  it('opens a new paste (pasted on Home) instead of the one kept', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'home' }], diagnose: fakeDiagnose().fn });
    await waitForFrame(lastFrame, `❯ ${t('home.menu.diagnose')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('first paste'));
    await waitForFrame(lastFrame, 'first paste');
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write(bracketedPaste(ERROR));
    const frame = await waitForFrame(lastFrame, t('diagnose.results.count', { count: 1 }));
    expect(frame).not.toContain('first paste');
  });

  it('starts empty with a placeholder and its keys', async () => {
    const { lastFrame, t } = open();
    const frame = await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    expect(frame).toContain(t('diagnose.results.empty'));
    expect(frame).toContain(`Tab ${t('keys.focus')}`);
  });

  it('wraps a long one-line paste over the box\'s rows, so all of it can be read (it was cut at the border)', async () => {
    const { lastFrame, stdin, t } = open();
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    const line = `FIRSTWORD ${'docker: Error response from daemon: hcsshim::CreateComputeSystem web: '.repeat(2)}LASTWORD`;
    stdin.write(bracketedPaste(line));
    const frame = await waitForFrame(lastFrame, 'LASTWORD');
    expect(frame).toContain('FIRSTWORD');
    const rows = frame.split('\n').filter((l) => l.startsWith('│'));
    // Every character of the line is on a row of the box, in order, and no row is cut with an ellipsis.
    expect(rows.map((r) => r.slice(2).replace(/ *│$/, '')).join('').replace(/█/g, '').replace(/ /g, '')).toContain(line.replace(/ /g, ''));
    expect(rows.some((r) => r.includes('…'))).toBe(false);
  });

  it('draws an empty line of the paste as an empty row (found by a tester: ink gave it no height, and the rows after moved up)', async () => {
    const { lastFrame, stdin, t } = open();
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('alpha\r\rbeta\r\r\rgamma'));
    const frame = await waitForFrame(lastFrame, 'gamma');
    const rows = frame.split('\n').filter((l) => l.startsWith('│')).map((l) => l.slice(2).replace(/ *│$/, '').replace(/█/, ''));
    expect(rows.slice(0, 6)).toEqual(['alpha', '', 'beta', '', '', 'gamma']);
  });

  it('↓ in a wrapped line goes to its next row, not out of the field (found by a tester)', async () => {
    const { lastFrame, stdin, t } = open();
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('a'.repeat(150)));
    await waitForFrame(lastFrame, t('diagnose.input.lines', { count: 1 }));
    // Home (CSI H): the start of the line.
    stdin.write('\u001b[H');
    stdin.write(KEYS.down);
    stdin.write('Z');
    const frame = await waitForFrame(lastFrame, 'Z');
    const rows = frame.split('\n').filter((l) => l.startsWith('│'));
    // The box is 80 columns: rows of 75, and the Z typed where ↓ put the cursor, at the start of the second row.
    expect(rows[0]).toContain('a'.repeat(75));
    expect(rows[1]!.slice(2)).toMatch(/^Z/);
  });

  it('takes a multi-line bracketed paste whole: letters in it are text, not keys', async () => {
    const onQuit = vi.fn();
    const { lastFrame, stdin, t, engine } = open(fakeDiagnose(), onQuit);
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste(`${ERROR}\rquit?`));
    const frame = await waitForFrame(lastFrame, t('diagnose.results.count', { count: 1 }));
    expect(frame).toContain("Start-Container : 'test2' failed to start.");
    expect(frame).toContain('+ Start-Container test2');
    expect(frame).toContain(t('diagnose.input.lines', { count: 5 }));
    expect(frame).toMatch(/✔ high\s+Container start times out/);
    expect(frame).toContain(t('diagnose.evidence.code', { value: '0x800705B4' }));
    expect(onQuit).not.toHaveBeenCalled();
    expect(engine.calls.at(-1)).toBe(`${ERROR.replace(/\r/g, '\n')}\nquit?`);
  });

  it('reassembles a paste that arrives in several chunks', async () => {
    const { lastFrame, stdin, t, engine } = open();
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i} of the dump`);
    const body = `${lines.join('\r')}\r(0x800705B4)`;
    stdin.write(KEYS.pasteStart + body.slice(0, 3000));
    stdin.write(body.slice(3000, 9000));
    stdin.write(body.slice(9000) + KEYS.pasteEnd);
    const frame = await waitForFrame(lastFrame, t('diagnose.input.lines', { count: 501 }));
    expect(frame).toContain(t('diagnose.input.hidden', { count: 501 - 7 }));
    await vi.waitFor(() => expect(engine.calls.at(-1)?.split('\n')).toHaveLength(501));
    expect(engine.calls.every((c) => c.length === body.length)).toBe(true);
  });

  it('says so when a paste is too long to keep whole, and keeps its last lines (the error at the end of a long log)', async () => {
    const { lastFrame, stdin, t, engine } = open();
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    // 2.4 MB of warnings with other numbers each time, then the failure.
    const lines = Array.from({ length: 30000 }, (_, i) => `2024-05-01T10:00:${i} level=warning msg="retrying layer ${i}, connection timeout" padding ${'x'.repeat(40)}`);
    const body = `${lines.join('\r')}\rfailed: The requested operation timed out (0x800705B4)`;
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
    stdin.write(bracketedPaste(body));
    const kept = await vi.waitFor(() => {
      const call = engine.calls.at(-1);
      expect(call?.endsWith('(0x800705B4)')).toBe(true);
      return call!.split('\n').length;
    });
    const frame = await waitForFrame(lastFrame, t('diagnose.input.reduced', { lines: t('diagnose.input.lines', { count: 30001 }), kept: t('diagnose.input.lines', { count: kept }) }).slice(0, 40));
    expect(frame).toContain(t('diagnose.input.lines', { count: kept }));
    expect(frame).toContain('(0x800705B4)');
  });

  it('counts one line as one line when a single line is too long to keep (it said "1 lines")', async () => {
    const { lastFrame, stdin, t } = open();
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste(`${'layer data '.repeat(250_000)}failed: The requested operation timed out (0x800705B4)`));
    const notice = t('diagnose.input.reduced', { lines: t('diagnose.input.lines', { count: 1 }), kept: t('diagnose.input.lines', { count: 1 }) });
    expect(notice).toContain('had 1 line,');
    expect(notice).toContain('(1 line)');
    expect(plain(await waitForFrame(lastFrame, notice.slice(0, 30))).replace(/[│\s]+/g, ' ')).toContain('(1 line).');
  });

  it('moves between the lines of the paste with ↑ and ↓, at the same column (found by a helper: there was no way up)', async () => {
    const { lastFrame, stdin, t } = open();
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    for (const key of ['aaa', KEYS.enter, 'bbbbbb', KEYS.enter, 'cc']) stdin.write(key);
    await waitForFrame(lastFrame, 'cc█');
    stdin.write(KEYS.up);
    stdin.write(KEYS.up);
    stdin.write('X');
    const frame = await waitForFrame(lastFrame, 'aaX');
    expect(frame).toContain('aaXa');
    stdin.write(KEYS.down);
    stdin.write('Y');
    await waitForFrame(lastFrame, 'bbbYbbb');
  });

  it.each([15, 12, 10])('keeps its title on screen at %i rows, with the full text of a result open (found by a helper at 15)', async (rows) => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'diagnose', text: '' }], diagnose: fakeDiagnose().fn, rows, columns: 100 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste(ERROR));
    await waitForFrame(lastFrame, t('diagnose.results.count', { count: 1 }));
    stdin.write(KEYS.tab);
    stdin.write('i');
    await new Promise((r) => setTimeout(r, 50));
    const frame = lastFrame() ?? '';
    expect(frame.split('\n')[0]).toContain(`› ${t('diagnose.title')}`);
    // Down to 12 rows the frame is a line shorter than the terminal (Ink repaints all of a frame that fills it).
    if (rows >= 12) expect(frame.split('\n').length).toBeLessThan(rows);
  });

  it('"i" shows every piece of evidence whole, where the row cuts each at 40 characters (found by a helper)', async () => {
    const engine = { fn: (kb: KnowledgeBase, text: string) => diagnose(kb, text) };
    const { lastFrame, stdin, t } = renderApp({ platform: fakePlatform({ kb: realKb() }), initial: [{ screen: 'diagnose', text: '' }], diagnose: engine.fn, rows: 30, columns: 100 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('The container operating system does not match the host operating system.'));
    const results = (frame: string) => frame.slice(frame.indexOf(t('diagnose.results.title')));
    // A code found by its message is named with the code it stands for (a new-user helper read "code Element not found.").
    const row = results(await waitForFrame(lastFrame, /code 0x80370101 “The container operating system does not…”/));
    expect(row).not.toMatch(/code 0x80370101 “The container operating system does not\s+match/);
    stdin.write(KEYS.tab);
    stdin.write('i');
    await vi.waitFor(() => expect(results(lastFrame() ?? '')).toMatch(/code 0x80370101 “The container operating system does not\s+match\s+the\s+host\s+operating\s+system\.”/));
  });

  it('Enter with the full text open opens the row, as it would without it (a new-user helper: it only closed the panel)', async () => {
    const engine = { fn: (kb: KnowledgeBase, text: string) => diagnose(kb, text) };
    const { lastFrame, stdin, t } = renderApp({ platform: fakePlatform({ kb: realKb() }), initial: [{ screen: 'diagnose', text: '' }], diagnose: engine.fn, rows: 30, columns: 100 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('The container operating system does not match the host operating system.'));
    await waitForFrame(lastFrame, /code 0x80370101 “The container operating system does not…/);
    stdin.write(KEYS.tab);
    stdin.write('i');
    await vi.waitFor(() => expect(lastFrame() ?? '').toMatch(/does not\s+match\s+the\s+host\s+operating\s+system\.”/));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, /wcdoctor › [a-z0-9-]+-[a-z0-9-]+/);
    expect(lastFrame()).not.toContain(t('diagnose.results.title'));
  });

  it('when nothing matches, names the known issues that print the paste\'s code, as leads', async () => {
    const engine = { fn: (kb: KnowledgeBase, text: string) => diagnose(kb, text) };
    const { lastFrame, stdin, t } = renderApp({ platform: fakePlatform({ kb: realKb() }), initial: [{ screen: 'diagnose', text: '' }], diagnose: engine.fn, rows: 30, columns: 80 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('Failed to create endpoint: hnsCall failed in Win32: Element not found. (0x490)'));
    const frame = plain(await waitForFrame(lastFrame, t('diagnose.results.none').slice(0, 30)));
    expect(frame).toContain(`${t('diagnose.results.leadsTitle', { count: 1 })}\n  0x80070490: hns-requires-ipv6, hns-store-corrupted-cleanup\n`);
  });

  it('lists the codes the paste writes, not also the code its message names when that is the same condition', async () => {
    const engine = { fn: (kb: KnowledgeBase, text: string) => diagnose(kb, text) };
    const { lastFrame, stdin, t } = renderApp({ platform: fakePlatform({ kb: realKb() }), initial: [{ screen: 'diagnose', text: '' }], diagnose: engine.fn, rows: 30, columns: 80 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('hcs::System::Start: failure in a Windows system call: The virtual machine or container exited unexpectedly. (0xc0370106)'));
    const frame = plain(await waitForFrame(lastFrame, t('diagnose.results.codes', { codes: '' }).trim()));
    expect(frame).toContain(t('diagnose.results.codes', { codes: '0xC0370106' }));
    expect(frame).not.toContain('0x80370106');
  });

  it('when nothing matches, Tab goes to the leads: a list of the known issues and trees to open, and Esc comes back to it (found by a new-user helper: they could not be opened)', async () => {
    const engine = { fn: (kb: KnowledgeBase, text: string) => diagnose(kb, text) };
    const kb = realKb();
    const { lastFrame, stdin, t } = renderApp({ platform: fakePlatform({ kb }), initial: [{ screen: 'diagnose', text: '' }], diagnose: engine.fn, rows: 30, columns: 100 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('Failed to create endpoint: hnsCall failed in Win32: Element not found. (0x490)'));
    await waitForFrame(lastFrame, t('diagnose.results.none').slice(0, 30));
    stdin.write(KEYS.tab);
    const second = kb.topics.find((x) => x.id === 'hns-store-corrupted-cleanup')!.title.en;
    const list = plain(await waitForFrame(lastFrame, t('diagnose.leads.topicDetail', { id: 'hns-requires-ipv6', code: '0x80070490' })));
    expect(list).toContain(`❯ ${kb.topics.find((x) => x.id === 'hns-requires-ipv6')!.title.en}`.slice(0, 60));
    expect(list).toContain(second.slice(0, 50));
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, `❯ ${second}`.slice(0, 50));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'wcdoctor › hns-store-corrupted-cleanup');
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, `❯ ${second}`.slice(0, 50));
    // The trees the failure leads to are in the list too; Enter opens one.
    const tree = kb.trees.find((x) => x.id === 'container-wont-start')!;
    for (let i = 0; i < 4 && !plain(lastFrame()).includes(`❯ ${tree.title.en}`); i++) {
      stdin.write(KEYS.down);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await waitForFrame(lastFrame, `❯ ${tree.title.en}`);
    stdin.write(KEYS.enter);
    const opened = await waitForFrameWithout(lastFrame, `❯ ${tree.title.en}`);
    expect(opened.split('\n')[0]).toContain('›');
    expect(opened).not.toContain(t('diagnose.title'));
  });

  it('when nothing matches, names the troubleshooting tree whose question quotes the failure', async () => {
    const engine = { fn: (kb: KnowledgeBase, text: string) => diagnose(kb, text) };
    const { lastFrame, stdin, t } = renderApp({ locale: 'sv-SE', platform: fakePlatform({ kb: realKb(), settings: { language: 'sv-SE' } }), initial: [{ screen: 'diagnose', text: '' }], diagnose: engine.fn, rows: 30, columns: 100 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('Error response from daemon: container abc encountered an error during hcs::System::Start: context deadline exceeded'));
    const tree = realKb().trees.find((x) => x.id === 'container-wont-start')!;
    const frame = plain(await waitForFrame(lastFrame, t('diagnose.results.none').slice(0, 30))).replace(/\s+/g, ' ');
    expect(frame).toContain(t('diagnose.results.treeLead', { quoted: 'hcs::System::Start: context deadline exceeded', title: tree.title['sv-SE'], menu: t('tree.menu') }));
  });

  it.each(['en', 'zh-CN', 'ko-KR', 'sv-SE'] as const)('%s: at 80 × 24, every lead of four codes is shown whole, one code a line, the field shrinking for them (the last was cut)', async (locale) => {
    const engine = { fn: (kb: KnowledgeBase, text: string) => diagnose(kb, text) };
    const { lastFrame, stdin, t } = renderApp({ locale, platform: fakePlatform({ kb: realKb(), settings: { language: locale } }), initial: [{ screen: 'diagnose', text: '' }], diagnose: engine.fn, rows: 24, columns: 80 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('hnsCall failed in Win32: Element not found. (0x490) then 0x80070020, 0xC0000135 and 0x80070001'));
    const frame = plain(await waitForFrame(lastFrame, t('diagnose.results.leadsTitle', { count: 4 }).slice(0, 20)));
    const lines = frame.split('\n');
    expect(lines[0]).toContain(`› ${t('diagnose.title')}`);
    expect(lines.length).toBeLessThan(24);
    const leads: [string, string][] = [
      ['0x80070490', 'hns-requires-ipv6, hns-store-corrupted-cleanup'],
      ['0x80070020', 'container-remove-file-in-use, host-port-reserved-or-in-use, k8s-pod-stuck-terminating-windows'],
      ['0xC0000135', 'container-program-dll-missing, vcredist-dedup-filter'],
      ['0x80070001', 'layer-import-path-not-found, prepare-layer-filter-driver'],
    ];
    // Each code's line starts with it; what wraps goes on, indented further, on the next line.
    const shown = frame.slice(frame.indexOf(t('diagnose.results.leadsTitle', { count: 4 }).slice(0, 20))).replace(/\s+/g, ' ');
    for (const [code, topics] of leads) {
      expect(lines.some((l) => l.startsWith(`  ${code}`))).toBe(true);
      expect(lines.filter((l) => /^ {2}\S/.test(l) && !/^ {2}0x/.test(l))).toEqual([]);
      expect(shown).toContain(t('diagnose.results.lead', { code, topics }).replace(/\s+/g, ' '));
    }
    expect(frame).toContain(t('keys.focus'));
  });

  it.each([
    ['en', 60, 20],
    ['zh-CN', 60, 20],
    ['sv-SE', 45, 16],
  ] as const)('%s: at %i × %i, leads that do not fit end with a line that says how many more there are (found by a reviewer: they were dropped without a word)', async (locale, columns, rows) => {
    const engine = { fn: (kb: KnowledgeBase, text: string) => diagnose(kb, text) };
    const { lastFrame, stdin, t } = renderApp({ locale, platform: fakePlatform({ kb: realKb(), settings: { language: locale } }), initial: [{ screen: 'diagnose', text: '' }], diagnose: engine.fn, rows, columns });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder').slice(0, 10));
    stdin.write(bracketedPaste('hnsCall failed in Win32: Element not found. (0x490) and 0x80070020 and 0x80370101 and 0xC0370101 and 0x80070005 and 0x800705B4 and 0xC0370106'));
    const more = t('diagnose.results.leadsMore', { count: 2 }).split('2')[1]!.trim().slice(0, 8);
    const frame = plain(await waitForFrame(lastFrame, more));
    const lines = frame.split('\n');
    expect(lines[0]).toContain(t('diagnose.title'));
    expect(lines.length).toBeLessThan(rows);
    const last = lines.findLast((l) => l.includes(more))!;
    const hidden = Number(/\d+/.exec(last)?.[0]);
    expect(hidden).toBeGreaterThan(0);
    expect(last.trimEnd()).toBe(truncateWidth(t('diagnose.results.leadsMore', { count: hidden }), columns));
  });

  it('does not ask for more of a paste of many lines that matches nothing (found by a new-user helper, after a kubectl describe pod)', async () => {
    const { lastFrame, stdin, t } = open();
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste(Array.from({ length: 12 }, (_, i) => `line ${i}: nothing failed here`).join('\r')));
    const frame = plain(await waitForFrame(lastFrame, t('diagnose.results.noneLong').slice(0, 30)));
    expect(frame).not.toContain(t('diagnose.results.none').slice(0, 60));
  });

  it('updates the results as the user types, and Backspace and Ctrl+U edit the text', async () => {
    const { lastFrame, stdin, t } = open();
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    for (const ch of 'Element not found') stdin.write(ch);
    await waitForFrame(lastFrame, /! medium\s+CreateContainer fails/);
    stdin.write(KEYS.backspace);
    await waitForFrame(lastFrame, t('diagnose.results.none').slice(0, 30));
    stdin.write(KEYS.ctrlU);
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
  });

  it('opens the selected match with the entities of the paste, and Esc returns to the same results', async () => {
    const { lastFrame, stdin, t } = open();
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste(`${ERROR}\rElement not found`));
    await waitForFrame(lastFrame, t('diagnose.results.count', { count: 2 }));
    stdin.write(KEYS.tab);
    await waitForFrame(lastFrame, `${t('keys.open')}`);
    stdin.write('j');
    await waitForFrame(lastFrame, /❯ ! medium/);
    stdin.write('k');
    await waitForFrame(lastFrame, /❯ ✔ high/);
    stdin.write(KEYS.enter);
    const topic = await waitForFrame(lastFrame, t('topic.entities'));
    expect(topic).toContain('container: test2');
    expect(topic).toContain('Set-ContainerProcessor -ContainerName test2 -Maximum {{count}}');
    stdin.write(KEYS.esc);
    const back = await waitForFrame(lastFrame, /❯ ✔ high/);
    expect(back).toContain('+ Start-Container test2');
    expect(back).toContain(`q ${t('keys.quit')}`);
  });

  it.each([
    [{ kind: 'unrelated', signals: [], program: 'Python' }, 'diagnose.results.otherProgram'],
    [{ kind: 'unrelated', signals: [] }, 'diagnose.results.unrelated'],
  ] as const)('out of scope with no topic: says why (%o)', async (scope, key) => {
    const { lastFrame, stdin, t } = open({ fn: () => ({ matches: [], entities: {}, codes: [], structures: [], scope: { ...scope, signals: [] } }), calls: [] });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('OSError: [WinError 1455] The paging file is too small'));
    // The status line wraps at the frame's width: its first words, whatever the spaces between them.
    const said = t(key, { program: 'Python' });
    const words = said.split(/\s+/).slice(0, 7);
    const frame = await waitForFrame(lastFrame, new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')));
    // The program is named in the words, not left as a slot.
    expect(said).not.toMatch(/[{}]/);
    if ('program' in scope) expect(frame).toContain('(Python)');
  });

  it('shows an engine failure in an error panel instead of crashing', async () => {
    const { lastFrame, stdin, t } = open({
      fn: () => {
        throw new Error('index is broken');
      },
      calls: [],
    });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write('x');
    const frame = await waitForFrame(lastFrame, 'index is broken');
    expect(frame).toContain(t('error.title'));
  });
});
