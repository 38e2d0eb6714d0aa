import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { openTroubleshootInApp } from '../../src/cli/commands/troubleshoot.js';
import type { KnowledgeBase, ResolvedTopic } from '../../src/core/knowledge/kb.js';
import { parseTrees } from '../../src/core/trees/parse-trees.js';
import { routesFor } from '../../src/ui/run.js';
import { file, TOPICS, validTreeData } from '../core/trees/tree-fixtures.js';
import { fakeIO } from '../helpers/cli-io.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { fixtureKb } from '../helpers/kb-fixture.js';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import type { DiagnoseResult } from '../../src/core/diagnosis/types.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';
import type { Route } from '../../src/ui/navigation.js';
import type { Locale } from '../../src/core/knowledge/types.js';

afterEach(() => cleanup());

/** The fixture knowledge base plus the sample tree (from the tree tests) and the topics it ends at. */
function treeKb(): KnowledgeBase {
  const base = fixtureKb();
  const { trees, problems } = parseTrees([file(validTreeData())], { topics: TOPICS });
  if (problems.length) throw new Error(JSON.stringify(problems));
  const topics: ResolvedTopic[] = TOPICS.map((t) => ({ ...t, sectionIds: [] }));
  return { ...base, topics: [...base.topics, ...topics], trees };
}

const open = (initial: Route[], locale: Locale = 'en') =>
  renderApp({ initial, locale, platform: fakePlatform({ kb: treeKb(), settings: { language: locale } }), rows: 30 });

describe('TreeScreen', () => {
  it('is on the home menu and lists the trees in the UI language', async () => {
    const { lastFrame, stdin, t } = renderApp({ platform: fakePlatform({ kb: treeKb(), settings: { language: 'ko-KR' } }), locale: 'ko-KR', rows: 30 });
    await waitForFrame(lastFrame, t('tree.menu'));
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, `❯ ${t('tree.menu')}`);
    stdin.write(KEYS.enter);
    const list = await waitForFrame(lastFrame, 'Sample tree (ko)');
    expect(list).toContain(t('tree.pick'));
    expect(list).toContain('A tree for tests (ko)');
  });

  it('walks a tree to a fix, shows the path as breadcrumbs, and Enter opens the topic', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'tree' }]);
    await waitForFrame(lastFrame, '❯ Sample tree');
    stdin.write(KEYS.enter);
    const first = await waitForFrame(lastFrame, 'What happens?');
    expect(first).toContain('❯ It is slow');
    expect(first).toContain(`r ${t('tree.keys.restart')}`);
    stdin.write(KEYS.enter);
    const leaf = await waitForFrame(lastFrame, t('tree.topic.title'));
    expect(leaf).toContain(t('tree.crumb', { question: 'What happens?', answer: 'It is slow' }));
    expect(leaf).toContain('Title of slow-start');
    expect(leaf).toContain('Summary of slow-start');
    expect(leaf).toContain(t('tree.topic.suggested', { title: 'check-av' }));
    expect(leaf).toContain('Get-Thing');
    expect(leaf).toContain(`Enter ${t('tree.keys.openTopic')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'slow-start');
    await waitForFrameWithout(lastFrame, t('tree.topic.title'));
    stdin.write(KEYS.esc);
    // Back from the topic: the walk is where it was.
    await waitForFrame(lastFrame, t('tree.topic.title'));
  });

  it("lists the leaf's fixes with their titles in the UI language, as the topic screen does (F2)", async () => {
    const kb = treeKb();
    const text = (title: string) => ({ title, changes: 'nothing', params: {} });
    const topics = kb.topics.map((topic) =>
      topic.id === 'slow-start'
        ? {
            ...topic,
            fixes: [
              { ...topic.fixes[0]!, title: 'Check the antivirus', text: { 'ko-KR': text('백신 검사 확인') } },
              { ...topic.fixes[0]!, id: 'list-things', title: 'List the things', command: 'Get-Other', text: { 'ko-KR': text('항목 나열') } },
            ],
          }
        : topic,
    );
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'tree' }], locale: 'ko-KR', platform: fakePlatform({ kb: { ...kb, topics }, settings: { language: 'ko-KR' } }), rows: 30 });
    await waitForFrame(lastFrame, '❯ Sample tree (ko)');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'What happens? (ko)');
    stdin.write(KEYS.enter);
    const leaf = await waitForFrame(lastFrame, t('tree.topic.title'));
    expect(leaf).toContain(`• ${t('tree.topic.suggested', { title: '백신 검사 확인' })}`);
    expect(leaf).toContain('• 항목 나열');
    expect(leaf).toContain('Get-Other');
    expect(leaf).not.toContain('Check the antivirus');
    expect(leaf).not.toContain('List the things');
  });

  it('goes back one step with Esc (and ←), on the answer given, and r starts again', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'tree', treeId: 'sample' }]);
    await waitForFrame(lastFrame, '❯ It is slow');
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, '❯ It fails');
    stdin.write(KEYS.enter);
    const build = await waitForFrame(lastFrame, 'Which build?');
    expect(build).toContain(t('tree.crumb', { question: 'What happens?', answer: 'It fails' }));
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, '❯ Later');
    stdin.write(KEYS.enter);
    const leaf = await waitForFrame(lastFrame, 'Raise the limit');
    expect(leaf).toContain(t('tree.crumb', { question: 'Which build?', answer: 'Later' }));
    stdin.write(KEYS.left);
    await waitForFrame(lastFrame, '❯ Later');
    stdin.write(KEYS.esc);
    const back = await waitForFrame(lastFrame, '❯ It fails');
    expect(back).not.toContain('Which build?');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'Which build?');
    stdin.write('r');
    const restarted = await waitForFrame(lastFrame, '❯ It is slow');
    expect(restarted).not.toContain(t('tree.path'));
  });

  it('answers from the entities of a diagnosis, and Back lets the user override', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'tree', treeId: 'sample', entities: { build: '14393.1715' } }]);
    await waitForFrame(lastFrame, 'What happens?');
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, '❯ It fails');
    stdin.write(KEYS.enter);
    const auto = await waitForFrame(lastFrame, 'Title of ws2016-rule');
    expect(auto).toContain(t('tree.crumb.auto', { question: 'Which build?', answer: '2016' }));
    stdin.write(KEYS.esc);
    const override = await waitForFrame(lastFrame, '❯ 2016');
    expect(override).toMatch(new RegExp(`❯ 2016\\s+· ${t('tree.fromPaste')}`));
    stdin.write(KEYS.down);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'Title of memory-low');
  });

  it('skips straight to the leaf a diagnosed code answers', async () => {
    const { lastFrame, t } = open([{ screen: 'tree', treeId: 'sample', entities: { code: ['0x800705B4'] } }]);
    const frame = await waitForFrame(lastFrame, 'Title of slow-start');
    expect(frame).toContain(t('tree.crumb.auto', { question: 'What happens?', answer: 'It is slow' }));
  });

  it('shows a "not a known issue" leaf with what to collect, and Enter opens Diagnose', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'tree', treeId: 'sample' }], 'sv-SE');
    await waitForFrame(lastFrame, 'What happens? (sv)');
    stdin.write(KEYS.down);
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, '❯ Something else (sv)');
    stdin.write(KEYS.enter);
    const leaf = await waitForFrame(lastFrame, t('tree.unknown.title'));
    expect(leaf).toContain('Collect the error');
    expect(leaf).toContain('docker version');
    expect(leaf).toContain(`Enter ${t('tree.keys.diagnose')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
  });

  it('opens from a topic with t, its questions answered from the topic entities', async () => {
    const { lastFrame, stdin, t } = open([{ screen: 'topic', topicId: 'ws2016-rule', entities: { build: '14393.1715' } }]);
    await waitForFrame(lastFrame, `t ${t('tree.link')}`);
    stdin.write('t');
    await waitForFrame(lastFrame, 'What happens?');
    stdin.write(KEYS.down);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('tree.crumb.auto', { question: 'Which build?', answer: '2016' }));
  });

  it('opens from a diagnosis result with t, answered from the codes the paste had', async () => {
    const diagnose = (): DiagnoseResult => ({
      matches: [{ id: 'slow-start', title: 'Title of slow-start', score: 9, confidence: 'high', evidence: [{ kind: 'code', matched: '0x800705B4', signature: '0x800705B4', weight: 5, rule: 'code' }], sources: [], fixes: [] }],
      entities: {},
      codes: [{ canonical: '0x800705B4', equivalents: [], raw: '0x800705B4', via: 'hex', index: 0, names: [] }],
      structures: [], scope: { kind: 'unknown', signals: [] },
    });
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'diagnose', text: '' }], platform: fakePlatform({ kb: treeKb() }), diagnose, rows: 30 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('Start-Container failed (0x800705B4)'));
    await waitForFrame(lastFrame, t('diagnose.results.count', { count: 1 }));
    stdin.write(KEYS.tab);
    await waitForFrame(lastFrame, `t ${t('tree.link')}`);
    stdin.write('t');
    const frame = await waitForFrame(lastFrame, t('tree.topic.title'));
    expect(frame).toContain(t('tree.crumb.auto', { question: 'What happens?', answer: 'It is slow' }));
  });

  it('says so for an unknown tree', async () => {
    const { lastFrame, t } = open([{ screen: 'tree', treeId: 'nope' }]);
    await waitForFrame(lastFrame, t('tree.notFound', { id: 'nope' }));
  });
});

describe('wcdoctor troubleshoot in the app', () => {
  it('opens the tree list with the named tree on top', () => {
    expect(routesFor({ screen: 'tree', tree: 'sample' })).toEqual([{ screen: 'home' }, { screen: 'tree' }, { screen: 'tree', treeId: 'sample' }]);
    expect(routesFor({ screen: 'tree' })).toEqual([{ screen: 'home' }, { screen: 'tree' }]);
  });

  it('leaves an unknown tree to the outline path (which exits 2) without opening the app', async () => {
    expect(await openTroubleshootInApp({ kb: treeKb(), treeId: 'nope', locale: 'en', io: fakeIO({ tty: true }).io })).toBe(false);
  });
});

describe('TreeScreen: the list remembers the tree you came from (issue 17, defect 6)', () => {
  it('comes back from a walk to the same tree', async () => {
    const kb = treeKb();
    const [first] = kb.trees;
    if (!first) throw new Error('no tree');
    const second = { ...first, id: 'second-tree', title: Object.fromEntries(Object.entries(first.title).map(([l, v]) => [l, `Second ${v}`])) as typeof first.title };
    const platform = fakePlatform({ kb: { ...kb, trees: [first, second] } });
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'tree' }], platform, rows: 30 });
    await waitForFrame(lastFrame, t('tree.pick'));
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, `❯ ${second.title.en}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('tree.steps', { count: 0 }));
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, `❯ ${second.title.en}`);
  });
});
