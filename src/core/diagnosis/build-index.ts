import Fuse from 'fuse.js';
import type { KnowledgeBase, ResolvedTopic } from '../knowledge/kb.js';
import { buildCodeIndex, type CodeIndex } from './parse-error-code.js';
import { operationKey } from './recognise.js';
import { requiredLiteral } from './regex-literal.js';
import { stem, termsOf } from './terms.js';

/** A topic's signatures compiled for matching. */
export interface TopicMatcher {
  topic: ResolvedTopic;
  codes: Set<string>;
  /** The codes that the topic's own source sections print (the others are related evidence). */
  documentedCodes: Set<string>;
  phrases: string[];
  /** The topic's patterns, each compiled on first use, with the text a match must contain (if known). */
  patterns: { literal: string | undefined; regex: () => RegExp }[];
  against: string[];
  operations: Set<string>;
  context: string[];
}

/**
 * The word index of the topics, precomputed by `kb build` and stored in kb.json so that a
 * cold start does no tokenising: term → flat list of (topic index, field weight × 100) pairs.
 */
export interface TermIndexData {
  postings: Record<string, number[]>;
  /** Title, keyword and heading words of five letters or more, for typo-tolerant lookup. */
  vocabulary: string[];
}

/** Everything diagnosis precomputes from a knowledge base, once per process. */
export interface DiagnosisIndex {
  matchers: TopicMatcher[];
  byCode: Map<string, number[]>;
  /** Latin anchor word → phrases containing it (topic index, phrase). */
  phraseAnchors: Map<string, { topic: number; phrase: string }[]>;
  /** Phrases with no Latin word to anchor them (CJK, Hangul): checked directly. */
  unanchoredPhrases: { topic: number; phrase: string }[];
  /** Multi-word keywords (any language), anchored the same way: a whole one in the paste is evidence. */
  keywordAnchors: Map<string, { topic: number; phrase: string }[]>;
  unanchoredKeywords: { topic: number; phrase: string }[];
  /** Topics that contain a term, with the weight of the field it came from. */
  postingsOf(term: string): { topic: number; weight: number }[];
  /** Inverse document frequency of a term over the topics (0 for unknown terms). */
  idfOf(term: string): number;
  /** Fuzzy lookup of a word in the vocabulary (built on first use). */
  nearestWord(word: string): { word: string; score: number } | undefined;
  readonly codeIndex: CodeIndex;
}

/**
 * How much a word counts by where the topic has it. A single-word keyword is the strongest sign;
 * the words of a multi-word keyword count little alone (the whole phrase is matched separately).
 */
const FIELD = { keyword: 1, title: 0.8, heading: 0.7, keywordPart: 0.5, summary: 0.4, body: 0.2 } as const;

/**
 * A keyword of several Latin-script words ("port already used"): its words are common alone, so
 * the phrase counts as a whole. Han and Hangul keywords are matched word by word (their spacing
 * and endings vary too much for a literal match).
 */
const isLatinPhrase = (k: string) => /\S\s+\S/.test(k.trim()) && !/[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]/.test(k);

/** Words at or above this field weight are "strong": two of them can carry a match on words alone. */
export const STRONG_FIELD = 0.7;

const flat = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const stripCode = (md: string) => md.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');

function topicFields(kb: Pick<KnowledgeBase, 'sections'>, t: ResolvedTopic): [string, number][] {
  const fields: [string, number][] = [];
  for (const v of Object.values(t.title)) if (v) fields.push([v, FIELD.title]);
  for (const list of Object.values(t.signatures.keywords))
    for (const k of list ?? []) fields.push([k, isLatinPhrase(k) ? FIELD.keywordPart : FIELD.keyword]);
  fields.push([t.summary.en, FIELD.summary]);
  for (const id of t.sectionIds) {
    const s = kb.sections[id];
    if (!s) continue;
    fields.push([s.heading, FIELD.heading], [stripCode(s.body), FIELD.body]);
  }
  return fields;
}

/**
 * The topic's codes that appear in its own source sections, in full (0x800706BE) or in the short
 * Win32 form hcsshim prints ((0x6be)).
 */
function documentedCodesOf(kb: Pick<KnowledgeBase, 'sections'>, t: ResolvedTopic): Set<string> {
  const text = t.sectionIds.map((id) => kb.sections[id]?.body ?? '').join('\n').toLowerCase();
  return new Set(
    t.signatures.codes.filter((code) => {
      const value = parseInt(code, 16);
      if (text.includes(code.toLowerCase())) return true;
      if ((value & 0xffff0000) >>> 0 !== 0x80070000) return false;
      return new RegExp(`0x0*${(value & 0xffff).toString(16)}(?![0-9a-f])`).test(text);
    }),
  );
}

/** Tokenises every topic into the word index (run by `kb build`; a fallback at run time). */
export function computeTermIndex(kb: Pick<KnowledgeBase, 'sections' | 'topics'>): TermIndexData {
  const postings: Record<string, number[]> = {};
  const vocab = new Set<string>();
  kb.topics.forEach((t, i) => {
    const best = new Map<string, number>();
    for (const [text, weight] of topicFields(kb, t))
      for (const term of termsOf(text)) {
        if ((best.get(term) ?? 0) < weight) best.set(term, weight);
        if (weight >= STRONG_FIELD && term.length >= 5 && /^[a-z]+$/.test(term)) vocab.add(term);
      }
    for (const [term, weight] of best) {
      if (!Object.hasOwn(postings, term)) postings[term] = [];
      postings[term]!.push(i, Math.round(weight * 100));
    }
  });
  return { postings, vocabulary: [...vocab].sort() };
}

/** Builds the diagnosis index for a knowledge base, reusing its precomputed word index. */
export function buildDiagnosisIndex(kb: KnowledgeBase): DiagnosisIndex {
  const matchers: TopicMatcher[] = [];
  const byCode = new Map<string, number[]>();
  const phraseAnchors = new Map<string, { topic: number; phrase: string }[]>();
  const unanchoredPhrases: { topic: number; phrase: string }[] = [];
  const keywordAnchors = new Map<string, { topic: number; phrase: string }[]>();
  const unanchoredKeywords: { topic: number; phrase: string }[] = [];
  const anchor = (phrase: string, topic: number, anchored: typeof phraseAnchors, loose: typeof unanchoredPhrases) => {
    const words = phrase.match(/[a-z0-9_]{3,}/g) ?? [];
    const key = words.sort((a, b) => b.length - a.length)[0];
    if (key) anchored.set(key, [...(anchored.get(key) ?? []), { topic, phrase }]);
    else loose.push({ topic, phrase });
  };

  kb.topics.forEach((t, i) => {
    const sig = t.signatures;
    for (const list of Object.values(sig.keywords))
      for (const k of list ?? []) if (isLatinPhrase(k)) anchor(flat(k), i, keywordAnchors, unanchoredKeywords);
    const m: TopicMatcher = {
      topic: t,
      codes: new Set(sig.codes),
      documentedCodes: documentedCodesOf(kb, t),
      phrases: sig.phrases.map(flat),
      // Compiled on first use, and only for pastes that hold the pattern's required text.
      patterns: sig.regexes.map((source) => {
        let compiled: RegExp | undefined;
        return { literal: requiredLiteral(source), regex: () => (compiled ??= new RegExp(source, 'iu')) };
      }),
      against: sig.against.map(flat),
      operations: new Set(sig.operations.map(operationKey)),
      context: (sig.context ?? []).map(flat),
    };
    matchers.push(m);
    for (const c of m.codes) byCode.set(c, [...(byCode.get(c) ?? []), i]);
    for (const phrase of m.phrases) anchor(phrase, i, phraseAnchors, unanchoredPhrases);
  });

  const data = kb.termIndex ?? computeTermIndex(kb);
  const n = kb.topics.length || 1;
  const postingsOf = (term: string) => {
    const flatList = Object.hasOwn(data.postings, term) ? (data.postings[term] ?? []) : [];
    const out: { topic: number; weight: number }[] = [];
    for (let i = 0; i + 1 < flatList.length; i += 2) out.push({ topic: flatList[i]!, weight: flatList[i + 1]! / 100 });
    return out;
  };
  const idfOf = (term: string) => {
    const df = Object.hasOwn(data.postings, term) ? (data.postings[term]?.length ?? 0) / 2 : 0;
    return df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0;
  };
  let fuse: Fuse<string> | undefined;
  const nearestWord = (word: string) => {
    fuse ??= new Fuse(data.vocabulary, { threshold: 0.3, includeScore: true, minMatchCharLength: 4 });
    const best = fuse.search(word, { limit: 1 })[0];
    return best ? { word: best.item, score: best.score ?? 1 } : undefined;
  };
  let codeIndex: CodeIndex | undefined;
  return {
    matchers,
    byCode,
    phraseAnchors,
    unanchoredPhrases,
    keywordAnchors,
    unanchoredKeywords,
    postingsOf,
    idfOf,
    nearestWord,
    get codeIndex() {
      return (codeIndex ??= buildCodeIndex(kb.codes));
    },
  };
}

/** Stems a raw query word the same way topic terms are stemmed. */
export const queryTerm = (word: string): string => stem(word.toLowerCase());
