import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EN from '../../locales/en.json' with { type: 'json' };
import type { DiagnoseResult } from '../../src/core/diagnosis/types.js';
import type { KnowledgeBase, ResolvedTopic } from '../../src/core/knowledge/kb.js';
import type { Locale } from '../../src/core/knowledge/types.js';
import type { Route } from '../../src/ui/navigation.js';
import { DOC_003, loadCompatData, sourceBlock } from '../core/compat/load-compat.js';
import { parseImage } from '../../src/core/compat/parse-image.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { fixtureKb } from '../helpers/kb-fixture.js';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import { actionDigit } from '../../src/ui/screens/compat/CompatScreen.js';
import { realKb } from '../helpers/real-kb.js';
import { renderApp } from '../helpers/render.js';
import { plain, waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';

afterEach(() => cleanup());

const data = loadCompatData();
const PULL_ERROR = 'Error response from daemon: a Windows version 10.0.18362-based image is incompatible with a 10.0.17763 host';
const VER = '\r\nMicrosoft Windows [Version 10.0.17763.1234]\r\n';

const topic = (id: string, fixes: ResolvedTopic['fixes'] = []): ResolvedTopic => ({
  ...fixtureKb().topics[3]!,
  id,
  title: { en: `Title of ${id}` },
  summary: { en: `Summary of ${id}` },
  fixes,
});

/** The fixture knowledge base with the real compatibility data and the topics the links and fixes name. */
function compatKb(): KnowledgeBase {
  const base = fixtureKb();
  const pull: ResolvedTopic['fixes'][number] = {
    id: 'pull-pinned-image',
    title: 'Pull a base image with an explicit tag',
    shell: 'docker',
    command: 'docker pull {{image}}',
    params: { image: { kind: 'image-ref', description: 'image with an explicit tag', entity: 'image' } },
    changes: 'Downloads the image.',
    risk: 'low',
    admin: false,
  };
  // The version topics link to the compatibility check (`links: [compat]` in their files).
  const linked = (t: ResolvedTopic): ResolvedTopic => ({ ...t, links: ['compat'] });
  return { ...base, compat: data, topics: [...base.topics, linked(topic('version-mismatch-error')), linked(topic('swarm-service-wont-start')), topic('choose-image-tag', [pull])] };
}

/** A diagnosis engine that sees an OS-version mismatch in a pull error or a 0xc0370101. */
function mismatchDiagnose(_kb: KnowledgeBase, text: string): DiagnoseResult {
  const hit = /incompatible with|0xc0370101/i.test(text);
  return {
    matches: hit ? [{ id: 'version-mismatch-error', title: 'Image and host Windows versions differ', score: 9, confidence: 'high', evidence: [{ kind: 'phrase', matched: 'incompatible', signature: 'incompatible', weight: 5, rule: 'phrase' }], sources: [], fixes: [] }] : [],
    entities: {},
    codes: [],
    structures: [], scope: { kind: 'unknown', signals: [] },
  };
}

const open = (initial: Route[], locale: Locale = 'en') =>
  renderApp({ initial, platform: fakePlatform({ kb: compatKb(), settings: { language: locale } }), locale, diagnose: mismatchDiagnose, columns: 100, rows: 40 });

/** The host's `ver` pasted into the first field, Tab, and the image typed into the second: the report's first frame with `verdict`. */
async function hostAndImage(r: ReturnType<typeof open>, image: string, verdict: string): Promise<string> {
  const { lastFrame, stdin, t } = r;
  stdin.write(bracketedPaste(VER));
  await waitForFrame(lastFrame, 'Microsoft Windows [Version 10.0.17763.1234]');
  stdin.write(KEYS.tab);
  await waitForFrame(lastFrame, t('compat.image.placeholder').slice(0, 40));
  stdin.write(image);
  return waitForFrame(lastFrame, verdict);
}

/** Diagnose with the pull error pasted, then `v` on its match: the check opened from the paste; its first frame with the verdict. */
async function compatFromPaste(r: ReturnType<typeof open>): Promise<string> {
  const { lastFrame, stdin, t } = r;
  await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
  stdin.write(bracketedPaste(PULL_ERROR));
  await waitForFrame(lastFrame, t('diagnose.results.count', { count: 1 }));
  stdin.write(KEYS.tab);
  await waitForFrame(lastFrame, `v ${t('compat.link')}`);
  stdin.write('v');
  return waitForFrame(lastFrame, `✖ ${t('compat.hyperv', { verdict: t('compat.verdict.no') })}`);
}

describe('CompatScreen', () => {
  it('is on the home menu', async () => {
    const { lastFrame, stdin, t } = renderApp({ platform: fakePlatform({ kb: compatKb() }), rows: 30 });
    await waitForFrame(lastFrame, t('compat.menu'));
    for (let i = 0; i < 3; i++) stdin.write(KEYS.down);
    await waitForFrame(lastFrame, `❯ ${t('compat.menu')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('compat.host.placeholder').slice(0, 40));
  });

  it('keeps both fields and the report for the session: Esc to Home and Enter again (a new-user helper found them empty)', async () => {
    const r = open([{ screen: 'home', selected: 3 }]);
    const { lastFrame, stdin, t } = r;
    await waitForFrame(lastFrame, `❯ ${t('compat.menu')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('compat.host.placeholder').slice(0, 40));
    const verdict = `✖ ${t('compat.process', { verdict: t('compat.verdict.no') })}`;
    await hostAndImage(r, 'mcr.microsoft.com/windows/servercore:ltsc2016', verdict);
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, `❯ ${t('compat.menu')}`);
    stdin.write(KEYS.enter);
    const back = await waitForFrame(lastFrame, verdict);
    expect(back).toContain('10.0.17763.1234');
    expect(back).toContain('mcr.microsoft.com/windows/servercore:ltsc2016');
  });

  it('reads a field edited after a paste filled it as typed when it comes back (the paste\'s reading is kept only while the field holds it)', async () => {
    const r = open([{ screen: 'diagnose', text: '' }]);
    const { lastFrame, stdin, t } = r;
    await compatFromPaste(r);
    // Shift+Tab to the image field, which the paste filled; clear it and type another image.
    stdin.write('\u001b[Z');
    await waitForFrame(lastFrame, t('compat.fromPaste'));
    stdin.write(KEYS.ctrlU);
    stdin.write('mcr.microsoft.com/windows/servercore:ltsc2019');
    await waitForFrame(lastFrame, `✔ ${t('compat.process', { verdict: t('compat.verdict.yes') })}`);
    // Ctrl+G: Home (h is text in a field).
    stdin.write('\u0007');
    await waitForFrame(lastFrame, t('home.prompt'));
    for (let i = 0; i < 3; i++) stdin.write(KEYS.down);
    await waitForFrame(lastFrame, `❯ ${t('compat.menu')}`);
    stdin.write(KEYS.enter);
    const back = await waitForFrame(lastFrame, 'servercore:ltsc2019');
    expect(back).toContain(`✔ ${t('compat.process', { verdict: t('compat.verdict.yes') })}`);
  });

  it('checks a pasted host against an image reference: verdicts with marks, reasons, and the tag that fits', async () => {
    const r = open([{ screen: 'compat' }]);
    const { lastFrame, stdin, t } = r;
    await waitForFrame(lastFrame, t('compat.host.placeholder').slice(0, 40));
    const report = await hostAndImage(r, 'mcr.microsoft.com/windows/servercore:ltsc2016', `✖ ${t('compat.process', { verdict: t('compat.verdict.no') })}`);
    expect(report).toContain(`✔ ${t('compat.hyperv', { verdict: t('compat.verdict.yes') })}`);
    expect(report).toContain(t('compat.report.host', { value: '' }).trim());
    expect(report).toContain(t('compat.build', { build: '17763.1234' }));
    expect(report).toContain('Below build 20348, process isolation needs the image build to equal the host build');
    expect(report).toContain(t('compat.actions'));
    expect(report).toContain('docker pull mcr.microsoft.com/windows/servercore:ltsc2019');
    expect(report).toContain('docker run --isolation=hyperv mcr.microsoft.com/windows/servercore:ltsc2016');
  });

  it('says how much of a report shows when it is cut, as the topic screen does (a new-user helper saw no sign of more at 80 x 24)', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'compat' }], platform: fakePlatform({ kb: compatKb(), settings: { language: 'en' } }), diagnose: mismatchDiagnose, columns: 80, rows: 24 });
    await waitForFrame(lastFrame, t('compat.host.placeholder').slice(0, 30));
    stdin.write(bracketedPaste(VER));
    await waitForFrame(lastFrame, 'Microsoft Windows [Version 10.0.17763.1234]');
    stdin.write(KEYS.tab);
    stdin.write('mcr.microsoft.com/windows/servercore:ltsc2016');
    const report = await waitForFrame(lastFrame, `✖ ${t('compat.process', { verdict: t('compat.verdict.no') })}`);
    expect(report.split('\n')[0]).toMatch(/lines 1–\d+ of \d+/);
  });

  it('judges each image of a pasted docker images table, its actions numbered on from one to the next (found by a tester: only the first was judged)', async () => {
    const images = 'REPOSITORY                             TAG        IMAGE ID       CREATED        SIZE\nmcr.microsoft.com/windows/servercore   ltsc2016   1b4d2d8b2e1c   2 weeks ago    4.9GB\nmcr.microsoft.com/windows/nanoserver   1809       5b2a7a6f0c3e   3 weeks ago    258MB\n';
    const { lastFrame, stdin, t } = open([{ screen: 'compat', host: '10.0.17763.1234' }]);
    await waitForFrame(lastFrame, t('compat.image.placeholder').slice(0, 40));
    stdin.write(bracketedPaste(images));
    await waitForFrame(lastFrame, t('compat.several', { count: 2 }));
    stdin.write(KEYS.tab);
    const first = await waitForFrame(lastFrame, t('compat.imageOf', { n: 1, count: 2 }));
    expect(first).toContain(`✖ ${t('compat.process', { verdict: t('compat.verdict.no') })}`);
    stdin.write('G');
    const last = await waitForFrame(lastFrame, t('compat.imageOf', { n: 2, count: 2 }));
    expect(last).toContain('nanoserver:1809');
    expect(last).toContain(`✔ ${t('compat.process', { verdict: t('compat.verdict.yes') })}`);
  });

  it('shows why an input cannot be read, and nothing is judged until both are given', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'compat' }]);
    await waitForFrame(lastFrame, t('compat.host.placeholder').slice(0, 40));
    stdin.write('hello there');
    await waitForFrame(lastFrame, '✖ no Windows build found in it');
    expect(lastFrame()).toContain(t('compat.empty'));
    // Whole, wrapped: cut to one line it lost what to paste instead (a new-user helper).
    expect(lastFrame()?.replace(/\s+/g, ' ')).toContain('or paste the output of ver, docker info or kubectl describe node');
    stdin.write(KEYS.ctrlU);
    await waitForFrameWithout(lastFrame, 'no Windows build found');
  });

  it('opens a fix of an action in the fix runner with the values filled in (keys 1–9 on the report)', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'compat', host: '10.0.17763.1234', image: 'mcr.microsoft.com/windows/servercore:ltsc2016' }]);
    await waitForFrame(lastFrame, `1–9 ${t('compat.keys.runFix')}`);
    stdin.write('1');
    const form = await waitForFrame(lastFrame, 'Pull a base image with an explicit tag');
    // The tag came from the version check's advice, and the form says so, not "found in your paste" (a new-user helper).
    expect(form).toContain(t('fix.form.fromCompat'));
    expect(form).not.toContain(t('fix.form.fromPaste'));
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('compat.process', { verdict: t('compat.verdict.no') }));
  });
});

describe('a fix of an action that runs the image the paste named (found by an attacker helper: one y ran a pasted image)', () => {
  const image = 'contoso-mirror.example/app:ltsc2016';
  const t0 = (key: keyof typeof EN): string => EN[key];
  /** The check with the real knowledge, its report's action that runs the image (Hyper-V isolation), its form, Enter. */
  async function runAction(route: Route) {
    const r = renderApp({ initial: [route], platform: fakePlatform({ kb: realKb(), settings: { language: 'en' } }), locale: 'en', columns: 100, rows: 60 });
    const { lastFrame, stdin } = r;
    await waitForFrame(lastFrame, `1–9 ${t0('compat.keys.runFix')}`);
    const report = plain(lastFrame()).replace(/\s+/g, ' ');
    const n = /(\d)\. Run [^.]*Hyper-V isolation/i.exec(report)?.[1];
    expect(n, report).toBeDefined();
    stdin.write(n!);
    await waitForFrame(lastFrame, t0('fix.form.prompt'));
    expect(plain(lastFrame())).toContain(image);
    stdin.write(KEYS.enter);
    await vi.waitFor(() => expect(plain(lastFrame()).replace(/\s+/g, ' ')).toMatch(new RegExp(`${t0('fix.confirm.question')}|${t0('fix.typed.promptPastedImage').slice(0, 30)}`)), { timeout: 5000, interval: 10 });
    return plain(lastFrame()).replace(/\s+/g, ' ');
  }

  it('the image as the paste gave it: the typed word; the same image typed in the check: the usual question', async () => {
    const data = realKb().compat;
    const hint = parseImage(image, data);
    expect(hint.ok && hint.value.ref).toBe(image);
    const pasted = await runAction({ screen: 'compat', host: '10.0.17763.1234', hints: { image: hint.ok ? hint.value : (undefined as never) } });
    expect(pasted).toContain(t0('fix.typed.promptPastedImage'));
    expect(pasted).toContain('contoso-mirror.example');
    cleanup();
    const typed = await runAction({ screen: 'compat', host: '10.0.17763.1234', image });
    expect(typed).toContain(t0('fix.confirm.question'));
    expect(typed).not.toContain(t0('fix.typed.promptPastedImage'));
  });

  // An attacker helper: a `docker images` table pasted into the image field, as the field invites, had its image run
  // after a single y; only an image handed over by the Diagnose screen counted as the paste's.
  it('an image pasted into the field: the typed word', async () => {
    const table = `REPOSITORY                         TAG        IMAGE ID       CREATED       SIZE\ncontoso-mirror.example/app         ltsc2016   abcdef123456   3 weeks ago   5.9GB\n`;
    const r = renderApp({ initial: [{ screen: 'compat', host: '10.0.17763.1234' }], platform: fakePlatform({ kb: realKb(), settings: { language: 'en' } }), locale: 'en', columns: 100, rows: 60 });
    await waitForFrame(r.lastFrame, t0('compat.image.placeholder').slice(0, 40));
    r.stdin.write(bracketedPaste(table));
    await waitForFrame(r.lastFrame, 'contoso-mirror.example/app');
    r.stdin.write(KEYS.tab);
    await waitForFrame(r.lastFrame, `1–9 ${t0('compat.keys.runFix')}`);
    const report = plain(r.lastFrame()).replace(/\s+/g, ' ');
    const n = /(\d)\. Run [^.]*Hyper-V isolation/i.exec(report)?.[1];
    r.stdin.write(n!);
    await waitForFrame(r.lastFrame, t0('fix.form.prompt'));
    r.stdin.write(KEYS.enter);
    await waitForFrame(r.lastFrame, t0('fix.typed.promptPastedImage').slice(0, 30));
    expect(plain(r.lastFrame()).replace(/\s+/g, ' ')).toContain('contoso-mirror.example');
  });

  // A regression tester: a terminal that does not mark pastes (an older console, a remote console typing the clipboard)
  // delivers the image in one read, and an image the Diagnose screen handed over counted as typed once a space followed it.
  it('an image pasted without bracketed-paste markers, and one from Diagnose edited: the typed word', async () => {
    const unmarked = renderApp({ initial: [{ screen: 'compat', host: '10.0.17763.1234' }], platform: fakePlatform({ kb: realKb(), settings: { language: 'en' } }), locale: 'en', columns: 100, rows: 60 });
    await waitForFrame(unmarked.lastFrame, t0('compat.image.placeholder').slice(0, 40));
    unmarked.stdin.write(image);
    await waitForFrame(unmarked.lastFrame, 'contoso-mirror.example/app');
    unmarked.stdin.write(KEYS.tab);
    expect(await hyperVPrompt(unmarked)).toContain(t0('fix.typed.promptPastedImage'));
    cleanup();
    const hint = parseImage(image, realKb().compat);
    const edited = renderApp({ initial: [{ screen: 'compat', host: '10.0.17763.1234', hints: { image: hint.ok ? hint.value : (undefined as never) } }], platform: fakePlatform({ kb: realKb(), settings: { language: 'en' } }), locale: 'en', columns: 100, rows: 60 });
    await waitForFrame(edited.lastFrame, `1–9 ${t0('compat.keys.runFix')}`);
    // Shift+Tab to the image field (the report's run key leaves the footer), End, a space.
    edited.stdin.write('\u001B[Z');
    await waitForFrameWithout(edited.lastFrame, `1–9 ${t0('compat.keys.runFix')}`);
    edited.stdin.write('\u001B[F');
    edited.stdin.write(' ');
    await vi.waitFor(() => expect(plain(edited.lastFrame())).toContain(`${image} `), { timeout: 5000, interval: 10 });
    edited.stdin.write(KEYS.tab);
    expect(await hyperVPrompt(edited)).toContain(t0('fix.typed.promptPastedImage'));
  });
});

/** The report's action that runs the image with Hyper-V isolation, opened, its form confirmed: the question then asked. */
async function hyperVPrompt(r: ReturnType<typeof renderApp>): Promise<string> {
  await waitForFrame(r.lastFrame, `1–9 ${EN['compat.keys.runFix']}`);
  const n = /(\d)\. Run [^.]*Hyper-V isolation/i.exec(plain(r.lastFrame()).replace(/\s+/g, ' '))?.[1];
  expect(n).toBeDefined();
  r.stdin.write(n!);
  await waitForFrame(r.lastFrame, EN['fix.form.prompt']);
  r.stdin.write(KEYS.enter);
  await vi.waitFor(() => expect(plain(r.lastFrame()).replace(/\s+/g, ' ')).toMatch(new RegExp(`${EN['fix.confirm.question']}|${EN['fix.typed.promptPastedImage'].slice(0, 30)}`)), { timeout: 5000, interval: 10 });
  return plain(r.lastFrame()).replace(/\s+/g, ' ');
}

describe('actions numbered past 9 (a paste of many images)', () => {
  // Twelve images built on ltsc2016 for a 17763 host: two actions each (rebuild; run with Hyper-V isolation, a fix).
  const rows = Array.from({ length: 12 }, (_, i) => `contoso/app${i}   ltsc2016   ${(0x1b4d2d8b2e10 + i).toString(16)}   2 weeks ago    4.9GB`);
  const table = `REPOSITORY      TAG        IMAGE ID       CREATED        SIZE\n${rows.join('\n')}\n`;
  const report = async () => {
    const r = renderApp({ initial: [{ screen: 'compat', host: '10.0.17763.1234' }], platform: fakePlatform({ kb: realKb() }), locale: 'en', columns: 100, rows: 40 });
    await waitForFrame(r.lastFrame, r.t('compat.image.placeholder').slice(0, 40));
    r.stdin.write(bracketedPaste(table));
    await waitForFrame(r.lastFrame, r.t('compat.several', { count: 12 }));
    r.stdin.write(KEYS.tab);
    // The run key names the 24 numbers there are (a tester: it said 1–9).
    await waitForFrame(r.lastFrame, `1–24 ${r.t('compat.keys.runFix')}`);
    r.stdin.write('G');
    await waitForFrame(r.lastFrame, '24. ');
    return r;
  };

  it('takes a two-digit number: 1 waits (10-19 start with it), 2 then opens action 12, the sixth image\'s fix (found by a tester: only 1-9 could be run)', async () => {
    const { lastFrame, stdin, t } = await report();
    stdin.write('1');
    await waitForFrame(lastFrame, t('compat.app.pendingAction', { n: '1' }));
    expect(lastFrame()).not.toContain('wcdoctor › Fix');
    stdin.write('2');
    // The fix of the sixth image's second action, with that image filled in.
    await waitForFrame(lastFrame, 'contoso/app5:ltsc2016█');
    expect(lastFrame()).not.toContain('24. ');
  });

  it('says an action is advice when its number has no fix, and comes back from a fix where the report was scrolled (found by a new-user helper)', async () => {
    const { lastFrame, stdin, t } = await report();
    // Action 23 is the last image's rebuild advice (odd numbers are advice, even ones the Hyper-V fix).
    stdin.write('2');
    stdin.write('3');
    await waitForFrame(lastFrame, t('compat.app.noFix', { n: '23' }));
    stdin.write('j');
    await waitForFrameWithout(lastFrame, t('compat.app.noFix', { n: '23' }));
    // A number no action has is said too (a tester: 1 then 7 of 16 did nothing).
    stdin.write('2');
    stdin.write('7');
    await waitForFrame(lastFrame, t('compat.app.noAction', { n: '27', count: 24 }));
    stdin.write('j');
    stdin.write('2');
    stdin.write('4');
    await waitForFrame(lastFrame, 'contoso/app11:ltsc2016█');
    stdin.write(KEYS.esc);
    const back = await waitForFrame(lastFrame, '24. ');
    expect(back).not.toContain(t('compat.imageOf', { n: 1, count: 12 }));
  });

  it('runs the number typed so far on Enter, and Esc forgets it without leaving the report', async () => {
    const { lastFrame, stdin, t } = await report();
    stdin.write('2');
    await waitForFrame(lastFrame, t('compat.app.pendingAction', { n: '2' }));
    stdin.write(KEYS.esc);
    await waitForFrameWithout(lastFrame, t('compat.app.pendingAction', { n: '2' }));
    expect(lastFrame()).toContain('24. ');
    stdin.write('2');
    await waitForFrame(lastFrame, t('compat.app.pendingAction', { n: '2' }));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'contoso/app0:ltsc2016█');
  });
});

describe('actionDigit', () => {
  it.each([
    ['', '1', 12, { wait: '1' }],
    ['1', '2', 12, { run: 12 }],
    ['1', '3', 12, { none: true }],
    ['', '2', 12, { run: 2 }],
    ['', '0', 12, { none: true }],
    ['', '5', 3, { none: true }],
    ['', '3', 3, { run: 3 }],
    ['', '1', 9, { run: 1 }],
    ['', '9', 120, { wait: '9' }],
  ] as const)('after %j, %j of %i actions', (pending, digit, count, want) => {
    expect(actionDigit(pending, digit, count)).toEqual(want);
  });

  it('names the one action there is when there is only one (a tester: "numbered 1 to 1")', () => {
    const { t } = open([{ screen: 'compat' }]);
    expect(t('compat.app.noAction', { n: '2', count: 1 })).toBe('There is no action 2: the only action is 1');
    expect(t('compat.app.noAction', { n: '27', count: 24 })).toBe('There is no action 27: the actions are numbered 1 to 24');
  });
});

describe('the report in the UI language', () => {
  /** A frame with its wrapped lines joined again, so long sentences can be matched whole. */
  const flat = (frame: string): string => frame.replace(/\s*\n\s*/g, ' ');

  it('shows the reasons and the action titles in zh-CN, keeping tags and commands as they are', async () => {
    const { lastFrame, t } = open([{ screen: 'compat', host: '10.0.17763.1234', image: 'mcr.microsoft.com/windows/servercore:ltsc2016' }], 'zh-CN');
    const frame = flat(await waitForFrame(lastFrame, t('compat.actions')));
    expect(frame).toContain('在内部版本 20348 之前，进程隔离要求映像的内部版本与主机相同：主机为 17763，映像为 14393。');
    expect(frame).toContain(t('compat.action.run-hyperv'));
    expect(frame).toContain('使用标记为 ltsc2019 的映像，这台主机可以用进程隔离运行它');
    expect(frame).toContain('docker run --isolation=hyperv mcr.microsoft.com/windows/servercore:ltsc2016');
    expect(frame).not.toContain('Below build 20348');
  });

  it('translates the values a reason names in words (ko-KR): the unknown revision and an image without a reference', async () => {
    const first = open([{ screen: 'compat', host: '10.0.14393', image: '10.0.14393' }], 'ko-KR');
    const frame = flat(await waitForFrame(first.lastFrame, first.t('compat.why')));
    expect(frame).toContain('입력에 호스트와 이미지의 리비전이 나와 있지 않습니다');
    expect(frame).not.toContain('host and the image');
    cleanup();
    const { lastFrame, t } = open([{ screen: 'compat', host: '10.0.14393', image: 'latest' }], 'ko-KR');
    expect(flat(await waitForFrame(lastFrame, t('compat.why')))).toContain(`${t('compat.theImage')}은(는) latest 태그를 사용합니다`);
  });

  it('keeps the English messages the same as advice.yaml, the source the CLI prints', () => {
    const en = EN as Record<string, string>;
    for (const [id, text] of Object.entries(data.messages)) expect(en[`compat.reason.${id}`], id).toBe(text);
    for (const [id, a] of Object.entries(data.actions)) expect(en[`compat.action.${id}`], id).toBe(a.title);
  });
});

describe('the link from a diagnosis to the compatibility check', () => {
  it('pre-fills the check with what the paste revealed', async () => {
    const r = open([{ screen: 'diagnose', text: '' }]);
    const { lastFrame, stdin, t } = r;
    const frame = await compatFromPaste(r);
    expect(frame).toContain(`${t('compat.host.label')}  ${t('compat.fromPaste')}`);
    expect(frame).toContain(`${t('compat.image.label')}  ${t('compat.fromPaste')}`);
    expect(frame).toContain('10.0.17763');
    expect(frame).toContain('10.0.18362');
    expect(frame).toContain('The image is build 18362, newer than the host (17763)');
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('diagnose.results.title'));
  });

  it('is on the topic opened from the diagnosis too, with the names of a docker service ps paste', async () => {
    const paste = sourceBlock(DOC_003, 'C:\\Program Files\\Docker>docker service ps --no-trunc angry_liskov', '```');
    const { lastFrame, stdin, t } = open([{ screen: 'topic', topicId: 'swarm-service-wont-start', text: paste }]);
    await waitForFrame(lastFrame, `v ${t('compat.link')}`);
    stdin.write('v');
    const frame = await waitForFrame(lastFrame, t('compat.service', { name: 'angry_liskov' }));
    expect(frame).toContain(t('compat.fromPaste'));
    expect(frame).toContain(t('compat.empty'));
  });

  it('is not offered for a topic about something else', async () => {
    const { lastFrame, t } = open([{ screen: 'topic', topicId: 'hns-requires-ipv6', text: PULL_ERROR }]);
    const frame = await waitForFrame(lastFrame, 'Element not found');
    expect(frame).not.toContain(t('compat.link'));
  });

  it('is in the help only where the link is (found by a new-user helper: `v` was listed on topics where it did nothing)', async () => {
    const other = open([{ screen: 'topic', topicId: 'hns-requires-ipv6', text: PULL_ERROR }]);
    await waitForFrame(other.lastFrame, 'Element not found');
    other.stdin.write('?');
    const help = await waitForFrame(other.lastFrame, other.t('help.global'));
    expect(help).not.toContain(other.t('compat.link'));
    other.unmount();
    const linked = open([{ screen: 'topic', topicId: 'swarm-service-wont-start', text: PULL_ERROR }]);
    await waitForFrame(linked.lastFrame, `v ${linked.t('compat.link')}`);
    linked.stdin.write('?');
    const linkedHelp = await waitForFrame(linked.lastFrame, linked.t('help.global'));
    expect(linkedHelp).toMatch(new RegExp(`v +${linked.t('compat.link')}`));
  });
});

describe('the link to the compatibility check takes the image the diagnosis read from a command line', () => {
  it('docker run IMAGE on one line, the refusal on the next: the check opens with the image filled in', async () => {
    // Found by a helper: the host was filled in, the image (read by the diagnosis from the docker run line) was not.
    const { topicLinks } = await import('../../src/ui/screens/topic/links.js');
    const { Command } = await import('../../src/ui/keys.js');
    const { realKb } = await import('../helpers/real-kb.js');
    const text = [
      'docker run mcr.microsoft.com/windows/servercore:ltsc2022',
      'docker: Error response from daemon: hcs::CreateComputeSystem 4f1e: The container operating system does not match the host operating system. (0xc0370101)',
      'Host: Microsoft Windows [Version 10.0.17763.5458]',
    ].join('\n');
    const route = topicLinks(realKb(), 'version-mismatch-error', { entities: { image: 'mcr.microsoft.com/windows/servercore:ltsc2022' }, text }).routeFor(Command.LinkCompat);
    expect(route).toMatchObject({ screen: 'compat', hints: { image: { ref: 'mcr.microsoft.com/windows/servercore:ltsc2022', build: 20348 }, host: { build: 17763 } } });
  });
});
