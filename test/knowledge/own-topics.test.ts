// Topics of our own: no vendored section, public sources and a body we wrote in every language.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assembleKnowledgeBase } from '../../src/core/knowledge/assemble-kb.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { realKnowledgeInput } from '../helpers/real-kb.js';
import { runCli } from '../helpers/cli-io.js';
import { tFor } from '../helpers/i18n.js';
import { resolveTopicText } from '../../src/core/knowledge/topic-text.js';
import { topicMarkdown } from '../../src/cli/commands/docs.js';
import { buildTopicLines } from '../../src/ui/screens/topic/lines.js';
import { LANGUAGE_IN_TEXT } from '../../src/ui/i18n.js';

const input = realKnowledgeInput();
const sample = parse(readFileSync(new URL('../fixtures/own-topic/sample-own-topic.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const SAMPLE_FILE = 'knowledge/topics/sample-own-topic.yaml';
const withTopic = (data: unknown) => ({ ...input, topics: [...input.topics, { file: SAMPLE_FILE, data }] });
/**
 * The sample alone: without the other topics, the trees, code catalogues, translations and fix texts, as
 * test/knowledge/content-rules.test.ts judges a topic. A case looks for the sample's own problem (only the sample's are
 * read), and assembling all of the knowledge for each case took most of this file's CPU.
 */
const alone = (data: unknown) => ({ ...input, topics: [{ file: SAMPLE_FILE, data }], trees: [], codes: [], translations: [], fixText: [] });
// A reference topic needs no tree; an issue topic must be reachable from one (checked elsewhere).
const asReference = { ...sample, kind: 'reference' };
/**
 * The knowledge with the reference topic added, assembled once for the tests that read it (none changes it): it was
 * assembled again for each of three.
 */
let assembled: ReturnType<typeof assembleKnowledgeBase> | undefined;
const withReference = () => (assembled ??= assembleKnowledgeBase(withTopic(asReference)));

describe('a topic of our own', () => {
  it('assembles: its body in each language becomes a section of the document "ours", and diagnosis finds it', () => {
    const { kb, problems } = withReference();
    expect(problems).toEqual([]);
    const t = kb.topics.find((x) => x.id === 'sample-own-topic')!;
    expect(t.sectionIds.map((i) => [kb.sections[i]?.doc, kb.sections[i]?.locale])).toEqual([['ours', 'en'], ['ours', 'zh-CN'], ['ours', 'ko-KR'], ['ours', 'sv-SE']]);
    expect(t.sources).toEqual([{ url: 'https://example.com/zorblax-issue', title: 'Zorblax issue thread' }]);
    expect(diagnose(kb, 'deploy failed: zorblax is off').matches[0]?.id).toBe('sample-own-topic');
  });

  it.each([
    ['without sources or sections', { ...asReference, sources: [] }, /needs source sections, or sources/],
    ['with both', { ...asReference, sections: [{ doc: '000', heading: 'x' }] }, /not both/],
    ['without its body in Korean', { ...asReference, body: { ...(sample.body as object), 'ko-KR': undefined } }, /body in ko-KR/],
    ['with a source that is no https URL', { ...asReference, sources: [{ url: 'ftp://x', title: 'Some thread' }] }, /https URL/],
  ])('is refused by kb check %s', (_name, data, message) => {
    const { problems } = assembleKnowledgeBase(alone(JSON.parse(JSON.stringify(data))));
    expect(problems.filter((p) => p.file === SAMPLE_FILE).map((p) => p.message).join('\n')).toMatch(message);
  });

  const root = mkdtempSync(path.join(tmpdir(), 'wcd-own-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('kb build --root takes it', async () => {
    cpSync(path.resolve(import.meta.dirname, '../../knowledge'), path.join(root, 'knowledge'), { recursive: true });
    writeFileSync(path.join(root, 'knowledge/topics/sample-own-topic.yaml'), readFileSync(new URL('../fixtures/own-topic/sample-own-topic.yaml', import.meta.url), 'utf8').replace('kind: issue', 'kind: reference'));
    const r = await runCli(['kb', 'check', '--root', root]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it.each(['en', 'sv-SE'] as const)('docs and the topic screen show it as ours, with its sources (%s)', (locale) => {
    const { kb } = withReference();
    const t = kb.topics.find((x) => x.id === 'sample-own-topic')!;
    const view = resolveTopicText(kb, t, locale);
    const tr = tFor(locale);
    const md = topicMarkdown(view, tr);
    expect(md).toContain(tr('topic.ours', { language: tr(LANGUAGE_IN_TEXT[locale]) }));
    expect(md).toContain('zorblax');
    expect(md).toContain('- Zorblax issue thread: https://example.com/zorblax-issue');
    const lines = buildTopicLines(view, ['(rendered body)'], undefined, tr, 80).lines.map((l) => (typeof l === 'string' ? l : l.text)).join('\n');
    expect(lines).toContain(tr('topic.oursSources'));
    expect(lines).toContain('https://example.com/zorblax-issue');
  });
});
