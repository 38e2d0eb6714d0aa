import { describe, expect, it } from 'vitest';
import { attachFixText, fixTextGaps, localizeFix } from '../../src/core/knowledge/fix-text.js';
import type { ResolvedTopic } from '../../src/core/knowledge/kb.js';
import type { Fix } from '../../src/core/knowledge/types.js';
import { KB_ARTEFACT, loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findPackageRoot } from '../../src/platform/package-root.js';

const fix = (): Fix => ({
  id: 'raise', title: 'Give the container more processors', shell: 'powershell', command: 'Set-ContainerProcessor -ContainerName {{container}}',
  params: { container: { kind: 'container-name', description: 'name of the container' } }, changes: 'Raises the limit.', risk: 'low', admin: true,
});
const topic = (): ResolvedTopic => ({
  id: 't', category: 'general', title: { en: 'T' }, summary: { en: 'S' }, kind: 'issue', sections: [], sectionIds: [],
  signatures: { codes: [], phrases: [], regexes: [], keywords: {}, operations: [], against: [], context: [] }, fixes: [fix()], related: [],
});

describe('fix words in other languages', () => {
  it('attaches them and localizeFix reads them, English where none was written', () => {
    const topics = [topic()];
    const problems = attachFixText([{ file: 'knowledge/fix-text/sv-SE.yaml', data: { t: { raise: { title: 'Ge containern fler processorer', changes: 'Höjer gränsen.', params: { container: 'containerns namn' } } } } }], topics);
    expect(problems).toEqual([]);
    const sv = localizeFix(topics[0]!.fixes[0]!, 'sv-SE');
    expect(sv).toMatchObject({ title: 'Ge containern fler processorer', changes: 'Höjer gränsen.', command: 'Set-ContainerProcessor -ContainerName {{container}}', risk: 'low' });
    expect(sv.params.container).toEqual({ kind: 'container-name', description: 'containerns namn' });
    expect(localizeFix(topics[0]!.fixes[0]!, 'zh-CN').title).toBe('Give the container more processors');
    expect(fixTextGaps(topics).map((p) => p.field)).toEqual(['t.raise', 't.raise']);
  });

  it.each([
    ['an unknown topic', { nope: {} }, 'nope', 'no topic'],
    ['an unknown fix', { t: { other: { title: 'x', changes: 'y' } } }, 't.other', 'has no fix'],
    ['an unknown placeholder', { t: { raise: { title: 'x', changes: 'y', params: { port: 'z' } } } }, 't.raise.params.port', 'no placeholder'],
    ['a missing changes text', { t: { raise: { title: 'x' } } }, 't.raise', 'needs a title and a changes text'],
  ])('names %s', (_name, data, field, message) => {
    const problems = attachFixText([{ file: 'knowledge/fix-text/ko-KR.yaml', data }], [topic()]);
    expect(problems.some((p) => p.field === field && p.message.includes(message)), JSON.stringify(problems)).toBe(true);
  });

  it('refuses a file for English, whose words are in the topic files', () => {
    expect(attachFixText([{ file: 'knowledge/fix-text/en.yaml', data: {} }], [topic()])[0]?.message).toContain('other than en');
  });

  it.runIf(existsSync(path.join(findPackageRoot(), KB_ARTEFACT)))('the shipped knowledge has every fix in every language', () => {
    const kb = loadKnowledgeBase();
    expect(fixTextGaps(kb.topics)).toEqual([]);
    for (const t of kb.topics) for (const f of t.fixes) for (const l of ['zh-CN', 'ko-KR', 'sv-SE'] as const) expect(localizeFix(f, l).title, `${t.id}/${f.id} ${l}`).not.toBe(f.title);
  });
});
