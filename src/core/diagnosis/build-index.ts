import type { KnowledgeBase, ResolvedTopic } from '../knowledge/kb.js';
import { buildCodeIndex, computeCodeTexts, type CodeIndex } from './parse-error-code.js';
import { foldForMatching as flat } from '../text/normalise.js';
import { operationKey } from './recognise.js';
import { OUR_DOC } from '../knowledge/our-doc.js';
import { literalScanner, requiredAllOf, signatureFlags } from './regex-literal.js';
import { stem, termsOf } from './terms.js';
import type { CodeEntry } from './code-catalog.js';
import { messageKeysOfEntry, type MessageKeys } from './message-key.js';
import { nearestWordSearch } from './nearest-word.js';

/** How many spelling lookups an index keeps (a word and its nearest vocabulary word, a few dozen bytes each). */
const NEAREST_KEPT = 20_000;
/** How many terms' decoded postings an index keeps (a term of the word index has at most a few dozen postings). */
const TERMS_KEPT = 5_000;

/** A topic's signatures compiled for matching. */
export interface TopicMatcher {
  topic: ResolvedTopic;
  codes: Set<string>;
  /** The codes that the topic's own source sections print (the others are related evidence). */
  documentedCodes: Set<string>;
  phrases: string[];
  /** The topic's patterns, each compiled on first use, with the text a match must contain (if known). */
  patterns: { literals: readonly (readonly string[])[] | undefined; regex: () => RegExp }[];
  /** Phrases of the setting (commands, tool output), normalised: weak evidence, never an explanation. */
  setting: string[];
  /** The words of those phrases: they do not explain a failure either. */
  settingTerms: Set<string>;
  against: string[];
  operations: Set<string>;
  context: string[];
  /** Words of which the paste must show one (signatures.needs), normalised; showing one is no evidence. */
  needs: string[];
}

/**
 * The word index of the topics: `terms` sorted (UTF-16 order, so a lookup is a binary search and
 * loading it builds no map); the postings of terms[i] are (topic index, field weight × 100) pairs
 * in postings[offsets[i] .. offsets[i + 1]).
 */
export interface TermIndexData {
  terms: string[];
  offsets: number[];
  postings: number[];
  /** Title, keyword and heading words of five letters or more, for typo-tolerant lookup. */
  vocabulary: string[];
}

/** A word index that looks terms up: the postings of a term, as TermIndexData.postings has them. */
export interface TermLookup {
  postingsOf(term: string): readonly number[];
}

/**
 * The word index as the knowledge base's loader gives it: the vocabulary (in kb.json) and the
 * terms with their postings in a table (dist/kb-terms.bin, see term-table.ts), read on first lookup.
 */
export interface TableTermIndex {
  vocabulary: string[];
  readonly table: TermLookup;
}

/**
 * What diagnosis derives from the knowledge base without looking at a paste. `kb build` stores it
 * in kb.json so that a cold start does no tokenising, message normalising or regex analysis;
 * when absent (a knowledge base assembled in memory) it is computed on the fly.
 */
export interface DiagnosisData {
  /** As `kb build` computes it, or as the loader gives it (the same words, postings and vocabulary). */
  terms: TermIndexData | TableTermIndex;
  /** Per topic (same order as kb.topics): its codes printed by its own source sections. */
  documentedCodes: string[][];
  /** Per topic: for each of its regexes, clauses of texts of which a match contains one of each (requiredAllOf; null when none is known). */
  regexLiterals: (string[][] | null)[][];
  /** The catalogue's message texts, normalised, with their canonical codes. */
  codeTexts: [string, string][];
  /**
   * The phrases, setting phrases and multi-word Latin keywords of all topics grouped by their anchor word
   * (see AnchorGroup): stored grouped, the loader's parse makes the lookup itself, where building maps
   * from per-topic lists at every start allocated enough to cost a cold start a second scavenge.
   */
  anchors: { phrases: AnchorGroup; setting: AnchorGroup; keywords: AnchorGroup };
  /** Per topic: its signature texts in the form matching compares (flattenPhrase), and its setting's words. */
  flat: FlatSignatures[];
  /** Per catalogue entry (same order as kb.codes): the keys of its messages and variants (messageKeysOfEntry). */
  codeMessageKeys?: MessageKeys[];
}

/**
 * Phrases of one kind grouped by anchor word. `words` holds the anchor words, sorted (by UTF-16 code units) and
 * joined by spaces; the word at position i has the (topic index, position) pairs `pairs[starts[i]]` up to
 * `pairs[starts[i + 1]]`, flat, for the phrases that contain it; `loose` the pairs of phrases without a Latin word to
 * anchor them (checked directly). A position indexes the topic's FlatSignatures list of that kind (phrases,
 * setting, keywords). Three flat lists rather than an object keyed by word: parsing an object of a thousand
 * keys, each with a list of its own, took a cold start four times as long and allocated three times as much.
 */
export interface AnchorGroup {
  words: string;
  starts: number[];
  pairs: number[];
  loose: number[];
}

/** The anchor words of a group, in their stored (sorted) order. */
export const anchorWords = (group: AnchorGroup): string[] => (group.words ? group.words.split(' ') : []);

/** The pairs of the word at position `at` of a group (see AnchorGroup). */
export const anchorPairs = (group: AnchorGroup, at: number): number[] => group.pairs.slice(group.starts[at], group.starts[at + 1]);

/** Phrases of one kind looked up by a word of the paste: the same list for the same word (hits dedupe by identity). */
export interface AnchorLookup {
  get(word: string): readonly AnchoredPhrase[] | undefined;
}

/** A topic's signature texts, normalised for matching. */
export interface FlatSignatures {
  phrases: string[];
  /** Its multi-word Latin keywords of every language (isLatinPhrase), normalised. */
  keywords: string[];
  setting: string[];
  settingTerms: string[];
  against: string[];
  context: string[];
  needs?: string[];
}

function flatSignaturesOf(sig: KnowledgeBase['topics'][number]['signatures']): FlatSignatures {
  return {
    phrases: sig.phrases.map(flat),
    keywords: Object.values(sig.keywords)
      .flatMap((list) => list ?? [])
      .filter(isLatinPhrase)
      .map(flat),
    setting: (sig.setting ?? []).map(flat),
    settingTerms: [...new Set((sig.setting ?? []).flatMap((p) => termsOf(p)))],
    against: sig.against.map(flat),
    context: (sig.context ?? []).map(flat),
    ...(sig.needs?.length ? { needs: sig.needs.map(flat) } : {}),
  };
}

/** A Latin word of three or more characters: phrases are anchored on one, and a paste's are looked up. */
export const ANCHOR_WORD = /[a-z0-9_]{3,}/g;

/**
 * Where matching a normalised phrase starts: of its Latin words of three or more characters, the one fewest phrases of
 * its kind share (`phrasesWith`), the longer on a tie. A paste's word looks up the phrases anchored on it, and reading
 * each of them reads its topic's signatures: anchored on their longest word, the phrases of 48 of the 134 topics were
 * read for one line of `docker run` output ("response", "procedure", "endpoint"), some 100 KB of a cold start's garbage.
 */
function anchorWord(phrase: string, phrasesWith: ReadonlyMap<string, number>): string | null {
  const words = phrase.match(ANCHOR_WORD) ?? [];
  const shared = (w: string) => phrasesWith.get(w) ?? 0;
  return words.sort((a, b) => shared(a) - shared(b) || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))[0] ?? null;
}

/** A phrase of a topic (normalised), found in a paste through its anchor word. */
export interface AnchoredPhrase {
  topic: number;
  phrase: string;
}

/** The longest text patternTextsIn searches literal by literal instead of through the scanner (literalScanner). */
const SHORT_SCAN = 1024;
/** How many short texts patternTextsIn searches literal by literal before it builds the scanner for every text. */
const SHORT_READS_BEFORE_SCANNER = 8;

/** Everything diagnosis precomputes from a knowledge base, once per process. */
export interface DiagnosisIndex {
  matchers: TopicMatcher[];
  byCode: Map<string, number[]>;
  /** Latin anchor word → phrases containing it (topic index, phrase). */
  phraseAnchors: AnchorLookup;
  /** The same for setting phrases. */
  settingAnchors: AnchorLookup;
  unanchoredSetting: AnchoredPhrase[];
  /** Phrases with no Latin word to anchor them (CJK, Hangul): checked directly. */
  unanchoredPhrases: AnchoredPhrase[];
  /** Multi-word keywords (any language), anchored the same way: a whole one in the paste is evidence. */
  keywordAnchors: AnchorLookup;
  unanchoredKeywords: AnchoredPhrase[];
  /** Which of the texts the topics' patterns need (their literals' clauses, lower-cased) a lower-cased text contains. */
  patternTextsIn(lower: string): ReadonlySet<string>;
  /** Topics that contain a term, with the weight of the field it came from. */
  postingsOf(term: string): readonly { readonly topic: number; readonly weight: number }[];
  /** Inverse document frequency of a term over the topics (0 for unknown terms). */
  idfOf(term: string): number;
  /** Fuzzy lookup of a word in the vocabulary (built on first use). */
  nearestWord(word: string): { word: string; score: number } | undefined;
  readonly codeIndex: CodeIndex;
  /** The message keys of a catalogue entry (precomputed by `kb build` for the entries of kb.codes). */
  messageKeysOf(entry: CodeEntry): MessageKeys;
  /** Failure sites (knowledge/vocabulary.yaml, `site: true`), as operation keys. */
  failureSites: ReadonlySet<string>;
  /** The words that say a paste is about containers (knowledge/vocabulary.yaml, context `containers`), normalised. */
  containerWords: readonly string[];
  /**
   * Whether a topic's context is Kubernetes's: its context list holds every word of the vocabulary's `kubernetes` context
   * (assembly expands a context's name into its words). Judged once per topic, on first asking.
   */
  kubernetesContext(topic: number): boolean;
  /** Windows builds that only client releases ship (19045, 22631: Windows 10 and 11), from the compatibility data. */
  clientBuilds: ReadonlySet<number>;
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
    // The heading of a topic of our own is its title, already counted: only a source's own heading adds words.
    if (s.doc !== OUR_DOC) fields.push([s.heading, FIELD.heading]);
    fields.push([stripCode(s.body), FIELD.body]);
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
  const byTerm = new Map<string, number[]>();
  const vocab = new Set<string>();
  kb.topics.forEach((t, i) => {
    const best = new Map<string, number>();
    for (const [text, weight] of topicFields(kb, t))
      for (const term of termsOf(text)) {
        if ((best.get(term) ?? 0) < weight) best.set(term, weight);
        if (weight >= STRONG_FIELD && term.length >= 5 && /^[a-z]+$/.test(term)) vocab.add(term);
      }
    for (const [term, weight] of best) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(i, Math.round(weight * 100));
    }
  });
  const terms = [...byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const offsets = [0];
  const postings: number[] = [];
  for (const term of terms) {
    postings.push(...byTerm.get(term)!);
    offsets.push(postings.length);
  }
  return { terms, offsets, postings, vocabulary: [...vocab].sort() };
}

/** Position of a term in the sorted term list, or -1. */
function findTerm(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = terms[mid]!;
    if (t === term) return mid;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Looks terms up in the lists `kb build` computes. */
function listLookup({ terms, offsets, postings }: TermIndexData): TermLookup {
  return {
    postingsOf(term) {
      const at = findTerm(terms, term);
      return at < 0 ? [] : postings.slice(offsets[at], offsets[at + 1]);
    },
  };
}

/** Groups each kind of phrase of every topic by its anchor word (see AnchorGroup). */
function groupAnchors(flats: readonly FlatSignatures[]): DiagnosisData['anchors'] {
  const group = (kind: 'phrases' | 'setting' | 'keywords'): AnchorGroup => {
    const anchored = new Map<string, number[]>();
    const loose: number[] = [];
    const phrasesWith = new Map<string, number>();
    for (const f of flats) for (const phrase of f[kind]) for (const w of new Set(phrase.match(ANCHOR_WORD) ?? [])) phrasesWith.set(w, (phrasesWith.get(w) ?? 0) + 1);
    flats.forEach((f, topic) =>
      f[kind].forEach((phrase, at) => {
        const key = anchorWord(phrase, phrasesWith);
        if (!key) loose.push(topic, at);
        else {
          const list = anchored.get(key);
          if (list) list.push(topic, at);
          else anchored.set(key, [topic, at]);
        }
      }),
    );
    const words = [...anchored.keys()].sort();
    const starts: number[] = [];
    const pairs: number[] = [];
    for (const w of words) {
      starts.push(pairs.length);
      pairs.push(...anchored.get(w)!);
    }
    starts.push(pairs.length);
    return { words: words.join(' '), starts, pairs, loose };
  };
  return { phrases: group('phrases'), setting: group('setting'), keywords: group('keywords') };
}

/** Computes what `kb build` stores as `kb.diagnosis` (see DiagnosisData). */
export function computeDiagnosisData(kb: Pick<KnowledgeBase, 'sections' | 'topics' | 'codes'>): DiagnosisData & { terms: TermIndexData } {
  const flats = kb.topics.map((t) => flatSignaturesOf(t.signatures));
  return {
    terms: computeTermIndex(kb),
    documentedCodes: kb.topics.map((t) => [...documentedCodesOf(kb, t)]),
    regexLiterals: kb.topics.map((t) => t.signatures.regexes.map((source) => requiredAllOf(source) ?? null)),
    codeTexts: computeCodeTexts(kb.codes),
    anchors: groupAnchors(flats),
    flat: flats,
    codeMessageKeys: kb.codes.map(messageKeysOfEntry),
  };
}

const NO_NEEDS: string[] = [];

/**
 * A topic's matcher. Its sets are made the first time a rule asks (most ask only of the topics a
 * paste has evidence for): making four sets for each of the topics was a good part of building the
 * index at every start. Its normalised texts (FlatSignatures) are fetched the same way: the loader keeps
 * each topic's as JSON text until it is first read (platform/knowledge-fs.ts), and a paste reads those of
 * the few topics it has evidence for.
 */
class Matcher implements TopicMatcher {
  #flat: FlatSignatures | undefined;
  #codes: Set<string> | undefined;
  #documentedCodes: Set<string> | undefined;
  #settingTerms: Set<string> | undefined;
  #operations: Set<string> | undefined;
  readonly #documented: readonly string[];
  readonly #flatOf: () => FlatSignatures;

  constructor(
    readonly topic: ResolvedTopic,
    documented: readonly string[],
    flatOf: () => FlatSignatures,
    readonly patterns: TopicMatcher['patterns'],
  ) {
    this.#documented = documented;
    this.#flatOf = flatOf;
  }
  get #f(): FlatSignatures {
    return (this.#flat ??= this.#flatOf());
  }
  get phrases(): string[] {
    return this.#f.phrases;
  }
  get setting(): string[] {
    return this.#f.setting;
  }
  get against(): string[] {
    return this.#f.against;
  }
  get context(): string[] {
    return this.#f.context;
  }
  get needs(): string[] {
    return this.#f.needs ?? NO_NEEDS;
  }
  get codes(): Set<string> {
    return (this.#codes ??= new Set(this.topic.signatures.codes));
  }
  get documentedCodes(): Set<string> {
    return (this.#documentedCodes ??= new Set(this.#documented));
  }
  get settingTerms(): Set<string> {
    return (this.#settingTerms ??= new Set(this.#f.settingTerms));
  }
  get operations(): Set<string> {
    return (this.#operations ??= new Set(this.topic.signatures.operations.map(operationKey)));
  }
}

/** A topic's pattern: the signatures whose regexes hold its source, its position there, and its regex once compiled. */
interface StoredPattern {
  literals: readonly (readonly string[])[] | undefined;
  signatures: { readonly regexes: readonly string[] };
  at: number;
  compiled: RegExp | undefined;
  regex(this: StoredPattern): RegExp;
}

/** Compiles a pattern on first use: one function for all of them, where a closure per pattern made three objects of each. */
function patternRegex(this: StoredPattern): RegExp {
  const source = this.signatures.regexes[this.at]!;
  return (this.compiled ??= new RegExp(source, signatureFlags(source)));
}

/**
 * Calls `each` with every text of every clause of every pattern, in order, repeats included. Counted loops: nested flatMaps
 * made a list per pattern and per topic (some 600 lists) at a cold start.
 */
function forEachPatternText(matchers: readonly TopicMatcher[], each: (text: string) => void): void {
  for (let i = 0; i < matchers.length; i++) {
    const patterns = matchers[i]!.patterns;
    for (let k = 0; k < patterns.length; k++) {
      const clauses = patterns[k]!.literals;
      if (clauses) for (let c = 0; c < clauses.length; c++) for (let t = 0; t < clauses[c]!.length; t++) each(clauses[c]![t]!);
    }
  }
}

/** Builds the diagnosis index for a knowledge base, reusing its precomputed word index. */
export function buildDiagnosisIndex(kb: KnowledgeBase): DiagnosisIndex {
  const matchers: TopicMatcher[] = [];
  const byCode = new Map<string, number[]>();
  const data = kb.diagnosis ?? computeDiagnosisData(kb);
  kb.topics.forEach((t, i) => {
    const sig = t.signatures;
    const m = new Matcher(
      t,
      data.documentedCodes[i] ?? [],
      () => data.flat[i]!,
      // Compiled on first use, and only for pastes that hold the pattern's required text; its source is read only
      // then too (the stored knowledge keeps the sources apart, platform/knowledge-fs.ts): regexLiterals has an
      // entry per pattern of the topic.
      (data.regexLiterals[i] ?? []).map((literals, k): StoredPattern => ({ literals: literals ?? undefined, signatures: sig, at: k, compiled: undefined, regex: patternRegex })),
    );
    matchers.push(m);
    for (const c of sig.codes) {
      const list = byCode.get(c);
      if (!list) byCode.set(c, [i]);
      // A code listed twice by a topic names it once.
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  // The phrases of each kind by anchor word, as stored: a word's list is made when a paste first shows the word.
  const flats = data.flat;
  const pairsToPhrases = (pairs: readonly number[], kind: 'phrases' | 'setting' | 'keywords'): AnchoredPhrase[] => {
    const out: AnchoredPhrase[] = [];
    for (let k = 0; k + 1 < pairs.length; k += 2) {
      const topic = pairs[k]!;
      const phrase = flats[topic]?.[kind][pairs[k + 1]!];
      if (phrase !== undefined) out.push({ topic, phrase });
    }
    return out;
  };
  const anchorLookup = (group: AnchorGroup, kind: 'phrases' | 'setting' | 'keywords'): AnchorLookup => {
    const made = new Map<string, readonly AnchoredPhrase[] | undefined>();
    let sorted: string[] | undefined;
    /** The position of a word among the group's sorted words, or -1. */
    const positionOf = (word: string): number => {
      sorted ??= anchorWords(group);
      let lo = 0;
      let hi = sorted.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const w = sorted[mid]!;
        if (w === word) return mid;
        if (w < word) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    };
    return {
      get(word) {
        if (made.has(word)) return made.get(word);
        const at = positionOf(word);
        const list = at >= 0 ? pairsToPhrases(anchorPairs(group, at), kind) : undefined;
        made.set(word, list);
        return list;
      },
    };
  };
  const phraseAnchors = anchorLookup(data.anchors.phrases, 'phrases');
  const settingAnchors = anchorLookup(data.anchors.setting, 'setting');
  const keywordAnchors = anchorLookup(data.anchors.keywords, 'keywords');
  const unanchoredPhrases = pairsToPhrases(data.anchors.phrases.loose, 'phrases');
  const unanchoredSetting = pairsToPhrases(data.anchors.setting.loose, 'setting');
  const unanchoredKeywords = pairsToPhrases(data.anchors.keywords.loose, 'keywords');

  const words = data.terms;
  // The table is read on the first lookup, not here: a paste of bare codes may never look a word up.
  let lookup: TermLookup | undefined;
  const lookupOf = (): TermLookup => (lookup ??= 'table' in words ? words.table : listLookup(words));
  const n = kb.topics.length || 1;
  // Each term's postings and idf, decoded once: the words rule asks a term's idf and postings more than once per
  // paste, and the same terms come back paste after paste; kept up to a bound, as the spelling answers are.
  const decoded = new Map<string, { postings: { topic: number; weight: number }[]; idf: number }>();
  const entryOf = (term: string) => {
    const kept = decoded.get(term);
    if (kept) return kept;
    const p = lookupOf().postingsOf(term);
    const postings: { topic: number; weight: number }[] = [];
    for (let i = 0; i + 1 < p.length; i += 2) postings.push({ topic: p[i]!, weight: p[i + 1]! / 100 });
    const df = postings.length;
    const entry = { postings, idf: df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0 };
    // A word the index lacks (most words of a long log) is not kept: its lookup allocates nothing, and keeping
    // every word of a megabyte paste grew the app's peak memory by megabytes.
    if (!df) return entry;
    if (decoded.size >= TERMS_KEPT) decoded.clear();
    decoded.set(term, entry);
    return entry;
  };
  const postingsOf = (term: string): readonly { readonly topic: number; readonly weight: number }[] => entryOf(term).postings;
  const idfOf = (term: string) => entryOf(term).idf;
  // Built on the first paste that reaches a pattern's prefilter, from every clause's texts.
  let scanner: ((text: string) => Set<string>) | undefined;
  let patternTexts: string[] | undefined;
  const allPatternTexts = (): string[] => {
    if (patternTexts) return patternTexts;
    const texts = new Set<string>();
    forEachPatternText(matchers, (text) => texts.add(text));
    return (patternTexts = [...texts]);
  };
  // A short text (a code, a line: most pastes of a cold start) is searched for each text as it is: building the
  // scanner's tables cost a cold start some 3 ms (and a garbage collection) to look through a few dozen characters.
  // Straight from the patterns' clauses (a text met again is looked for again, a few hundred `includes`): a list of the
  // distinct texts (a set of a thousand) was garbage the cold start's second collection then had to copy.
  // A process that reads many texts (the app as one types, an evaluation, the test suite) builds the scanner once its
  // cost is earned: after a few short texts, as after the first long one. The two find the same texts.
  let shortReads = 0;
  const patternTextsIn = (lower: string): ReadonlySet<string> => {
    if (!scanner && lower.length <= SHORT_SCAN && ++shortReads <= SHORT_READS_BEFORE_SCANNER) {
      // forEachPatternText's loops written out, without a call per text, and a text longer than the paste (most, for a
      // bare code) not looked for: this runs before anything is compiled, a step per text of every clause.
      const found = new Set<string>();
      const n = lower.length;
      for (let i = 0; i < matchers.length; i++) {
        const patterns = matchers[i]!.patterns;
        for (let k = 0; k < patterns.length; k++) {
          const clauses = patterns[k]!.literals;
          if (clauses)
            for (let c = 0; c < clauses.length; c++) {
              const texts = clauses[c]!;
              for (let t = 0; t < texts.length; t++) {
                const text = texts[t]!;
                if (text.length <= n && lower.includes(text)) found.add(text);
              }
            }
        }
      }
      return found;
    }
    return (scanner ??= literalScanner(allPatternTexts()))(lower);
  };
  let search: ReturnType<typeof nearestWordSearch> | undefined;
  // The same misspelt or unknown words come back paste after paste (an edited paste, a log's repeated lines, the
  // app diagnosing as one types), so each answer is kept, up to a bound.
  const nearest = new Map<string, { word: string; score: number } | undefined>();
  const nearestWord = (word: string) => {
    if (nearest.has(word)) return nearest.get(word);
    const found = (search ??= nearestWordSearch(words.vocabulary))(word);
    if (nearest.size >= NEAREST_KEPT) nearest.clear();
    nearest.set(word, found);
    return found;
  };
  let codeIndex: CodeIndex | undefined;
  let clientBuilds: Set<number> | undefined;
  let failureSites: Set<string> | undefined;
  let containerWords: string[] | undefined;
  let kubernetesWords: Set<string> | undefined;
  const kubernetesContexts = new Map<number, boolean>();
  let stored: Map<CodeEntry, MessageKeys> | undefined;
  const messageKeysOf = (entry: CodeEntry): MessageKeys => {
    stored ??= new Map(data.codeMessageKeys ? kb.codes.map((c, i) => [c, data.codeMessageKeys![i]!] as const) : []);
    return stored.get(entry) ?? messageKeysOfEntry(entry);
  };
  return {
    matchers,
    byCode,
    phraseAnchors,
    unanchoredPhrases,
    settingAnchors,
    unanchoredSetting,
    keywordAnchors,
    unanchoredKeywords,
    patternTextsIn,
    postingsOf,
    idfOf,
    nearestWord,
    // Asked only of a paste that names an operation.
    get failureSites() {
      return (failureSites ??= new Set((kb.vocabulary?.operations ?? []).filter((o) => o.site).map((o) => operationKey(o.name))));
    },
    // Asked only when a code alone carries a verdict.
    get containerWords() {
      return (containerWords ??= (kb.vocabulary?.contexts.containers ?? []).map(flat));
    },
    // Asked only of a topic whose context a paste shows.
    kubernetesContext(topic) {
      let known = kubernetesContexts.get(topic);
      if (known === undefined) {
        kubernetesWords ??= new Set((kb.vocabulary?.contexts.kubernetes ?? []).map(flat));
        const context = new Set(matchers[topic]?.context ?? []);
        known = kubernetesWords.size > 0 && [...kubernetesWords].every((k) => context.has(k));
        kubernetesContexts.set(topic, known);
      }
      return known;
    },
    // From the compatibility data (kb-text.json, read on first use): only a paste that shows a build asks.
    get clientBuilds() {
      return (clientBuilds ??= new Set((kb.compat?.builds ?? []).filter((b) => b.releases.length > 0 && b.releases.every((r) => r.family === 'client')).map((b) => b.build)));
    },
    get codeIndex() {
      return (codeIndex ??= buildCodeIndex(kb.codes, data.codeTexts));
    },
    messageKeysOf,
  };
}

/** Stems a raw query word the same way topic terms are stemmed. */
export const queryTerm = (word: string): string => stem(word.toLowerCase());
