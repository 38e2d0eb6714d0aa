import Fuse from 'fuse.js';
import type { KnowledgeBase, ResolvedTopic } from '../knowledge/kb.js';
import { buildCodeIndex, type CodeIndex } from './parse-error-code.js';
import { operationKey } from './recognise.js';
import { stem, termsOf } from './terms.js';

/** A topic's signatures compiled for matching. */
export interface TopicMatcher {
  topic: ResolvedTopic;
  codes: Set<string>;
  phrases: string[];
  regexes: RegExp[];
  against: string[];
  operations: Set<string>;
  context: string[];
}

/** Everything diagnosis precomputes from a knowledge base, once per process. */
export interface DiagnosisIndex {
  matchers: TopicMatcher[];
  byCode: Map<string, number[]>;
  /** Latin anchor word → phrases containing it (topic index, phrase). */
  phraseAnchors: Map<string, { topic: number; phrase: string }[]>;
  /** Phrases with no Latin word to anchor them (CJK, Hangul): checked directly. */
  unanchoredPhrases: { topic: number; phrase: string }[];
  /** term → topics that contain it, with the weight of the field it came from. */
  postings: Map<string, { topic: number; weight: number }[]>;
  idf: Map<string, number>;
  vocabulary: Fuse<string>;
  codeIndex: CodeIndex;
}

const FIELD = { title: 1, keyword: 1, heading: 0.8, summary: 0.5, body: 0.25 } as const;

const flat = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const stripCode = (md: string) => md.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');

function topicFields(kb: KnowledgeBase, t: ResolvedTopic): [string, number][] {
  const fields: [string, number][] = [];
  for (const v of Object.values(t.title)) if (v) fields.push([v, FIELD.title]);
  for (const list of Object.values(t.signatures.keywords)) for (const k of list ?? []) fields.push([k, FIELD.keyword]);
  fields.push([t.summary.en, FIELD.summary]);
  for (const id of t.sectionIds) {
    const s = kb.sections[id];
    if (!s) continue;
    fields.push([s.heading, FIELD.heading], [stripCode(s.body), FIELD.body]);
  }
  return fields;
}

/** Builds the diagnosis index for a knowledge base. */
export function buildDiagnosisIndex(kb: KnowledgeBase): DiagnosisIndex {
  const matchers: TopicMatcher[] = [];
  const byCode = new Map<string, number[]>();
  const phraseAnchors = new Map<string, { topic: number; phrase: string }[]>();
  const unanchoredPhrases: { topic: number; phrase: string }[] = [];
  const postings = new Map<string, { topic: number; weight: number }[]>();
  const vocab = new Set<string>();

  kb.topics.forEach((t, i) => {
    const sig = t.signatures;
    const m: TopicMatcher = {
      topic: t,
      codes: new Set(sig.codes),
      phrases: sig.phrases.map(flat),
      regexes: sig.regexes.map((r) => new RegExp(r, 'iu')),
      against: sig.against.map(flat),
      operations: new Set(sig.operations.map(operationKey)),
      context: (sig.context ?? []).map(flat),
    };
    matchers.push(m);
    for (const c of m.codes) byCode.set(c, [...(byCode.get(c) ?? []), i]);
    for (const phrase of m.phrases) {
      const words = phrase.match(/[a-z0-9_]{3,}/g) ?? [];
      const anchor = words.sort((a, b) => b.length - a.length)[0];
      if (anchor) phraseAnchors.set(anchor, [...(phraseAnchors.get(anchor) ?? []), { topic: i, phrase }]);
      else unanchoredPhrases.push({ topic: i, phrase });
    }
    const best = new Map<string, number>();
    for (const [text, weight] of topicFields(kb, t))
      for (const term of termsOf(text)) {
        if ((best.get(term) ?? 0) < weight) best.set(term, weight);
        if (weight >= FIELD.heading && term.length >= 5 && /^[a-z]/.test(term)) vocab.add(term);
      }
    for (const [term, weight] of best) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ topic: i, weight });
    }
  });

  const n = kb.topics.length || 1;
  const idf = new Map<string, number>();
  for (const [term, list] of postings) idf.set(term, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
  const vocabulary = new Fuse([...vocab], { threshold: 0.3, includeScore: true, minMatchCharLength: 4 });
  return { matchers, byCode, phraseAnchors, unanchoredPhrases, postings, idf, vocabulary, codeIndex: buildCodeIndex(kb.codes) };
}

/** Stems a raw query word the same way topic terms are stemmed. */
export const queryTerm = (word: string): string => stem(word.toLowerCase());
