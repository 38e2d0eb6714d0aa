import type { RawFile } from '../../../src/core/knowledge/problem.js';
import { topicSchema } from '../../../src/core/knowledge/topic-schema.js';
import type { Topic } from '../../../src/core/knowledge/types.js';

/** Same text in every language, tagged so tests can tell them apart. */
export const t = (s: string) => ({ en: s, 'zh-CN': `${s} (zh)`, 'ko-KR': `${s} (ko)`, 'sv-SE': `${s} (sv)` });

const collect = (s: string) => t(`${s}; paste it into \`wcdoctor diagnose\``);

/** A topic fixture, through the real topic schema so its defaults stay current. */
export function topic(id: string, kind: Topic['kind'] = 'issue', fixes: string[] = []): Topic {
  return topicSchema.parse({
    id,
    category: 'general',
    title: { en: `Title of ${id}`, 'ko-KR': `${id} 제목` },
    summary: { en: `Summary of ${id}` },
    kind,
    sections: [{ doc: '000', heading: id }],
    fixes: fixes.map((f) => ({ id: f, title: f, shell: 'powershell', command: 'Get-Thing', changes: 'nothing', risk: 'low', admin: false })),
  }) as Topic;
}

export const TOPICS: Topic[] = [topic('slow-start', 'issue', ['check-av']), topic('memory-low', 'issue'), topic('ws2016-rule', 'issue'), topic('about-builds', 'reference')];

/** A valid tree: a symptom question, a build question answerable from the `build` entity, and leaves. */
export function validTreeData(): Record<string, unknown> {
  return {
    id: 'sample',
    title: t('Sample tree'),
    summary: t('A tree for tests'),
    start: 'symptom',
    nodes: {
      symptom: {
        kind: 'question',
        text: t('What happens?'),
        answerFrom: { entity: 'code', map: [{ match: '^0x800705B4$', answer: 'slow' }] },
        answers: [
          { id: 'slow', label: t('It is slow'), next: 'slow-leaf' },
          { id: 'fails', label: t('It fails'), next: 'build' },
          { id: 'other', label: t('Something else'), next: 'unknown' },
        ],
      },
      build: {
        kind: 'question',
        text: t('Which build?'),
        answerFrom: { entity: 'build', map: [{ match: '^14393', answer: 'ws2016' }, { match: '^\\d{5}', answer: 'later' }] },
        answers: [
          { id: 'ws2016', label: t('2016'), next: 'ws2016-leaf' },
          { id: 'later', label: t('Later'), next: 'memory-leaf' },
        ],
      },
      'slow-leaf': { kind: 'topic', topic: 'slow-start', fix: 'check-av' },
      'ws2016-leaf': { kind: 'topic', topic: 'ws2016-rule' },
      'memory-leaf': { kind: 'topic', topic: 'memory-low', note: t('Raise the limit') },
      unknown: { kind: 'unknown', collect: collect('Collect the error'), commands: ['docker version'] },
    },
  };
}

/** Wraps tree data as the raw file the loader would give. */
export const file = (data: unknown, name = 'sample'): RawFile => ({ file: `knowledge/trees/${name}.yaml`, data });

/**
 * A tree of `depth` questions in a chain, each with `width` answers that all lead to the next question (a diamond at
 * each step: no cycle, every node reached), the last question's answers to a topic leaf. An attacker helper's shape.
 */
export function chainTreeData(depth: number, width: number): Record<string, unknown> {
  const nodes: Record<string, unknown> = { leaf: { kind: 'topic', topic: 'slow-start' } };
  for (let i = 0; i < depth; i++)
    nodes[`q${i}`] = {
      kind: 'question',
      text: t(`Question ${i}?`),
      answers: Array.from({ length: width }, (_, j) => ({ id: `a${j}`, label: t(`Answer ${j}`), next: i + 1 < depth ? `q${i + 1}` : 'leaf' })),
    };
  return { id: 'sample', title: t('A chain'), summary: t('Questions whose answers all lead to the next one'), start: 'q0', nodes };
}
