import type { DiagnosisIndex } from '../build-index.js';
import { MAX_PATTERNS_PER_TOPIC } from '../../knowledge/types.js';
import { hasEvidence, type EvidenceRule } from './types.js';

/**
 * The topic's patterns. Each is tried on the paste (its words cut by console wrapping already joined),
 * then (unless it looks at line ends itself) on the paste with all its lines joined, then with the
 * catalogue messages it gives in another language put in English. Two patterns that matched the same
 * text are one piece of evidence.
 */
export const regexRule: EvidenceRule = {
  id: 'regex',
  describe: 'a pattern of the topic matches the paste (or the paste unwrapped): the first fully, further ones on other text less',
  apply(f, index, acc, w) {
    // The texts every match needs decide first (one of each clause), so a pattern the paste cannot match is never
    // compiled; which of them each reading of the paste holds is found in one pass over it.
    const inFocusText = index.patternTextsIn(f.focus.toLowerCase());
    const inUnwrappedText = f.unwrapped === f.focus ? inFocusText : index.patternTextsIn(f.unwrapped.toLowerCase());
    let inEnglishText: ReadonlySet<string> | undefined;
    const englishTexts = () => (inEnglishText ??= index.patternTextsIn(f.englishFocus.text.toLowerCase()));
    const mayMatch = (clauses: readonly (readonly string[])[] | undefined, present: ReadonlySet<string>) => clauses === undefined || clauses.every((any) => any.some((l) => present.has(l)));
    // Only the patterns one of whose first clause's texts some reading holds can match: those, in the order of the
    // topics and of their patterns (the first pattern of a topic to match weighs more).
    const readings = [inFocusText, ...(f.unwrapped !== f.focus ? [inUnwrappedText] : []), ...(f.englishFocus.swaps.length > 0 ? [englishTexts()] : [])];
    const candidates = FIRST_CLAUSES.has(index) || readings.some((r) => r.size > FEW_TEXTS) ? fromFirstClauses(index, readings) : byEachPattern(index, readings);
    for (const at of [...candidates].sort((a, b) => a - b)) {
      const i = Math.floor(at / PATTERNS_PER_TOPIC);
      const pattern = index.matchers[i]!.patterns[at % PATTERNS_PER_TOPIC]!;
      const inFocus = mayMatch(pattern.literals, inFocusText);
      const inUnwrapped = f.unwrapped !== f.focus && mayMatch(pattern.literals, inUnwrappedText);
      const inEnglish = f.englishFocus.swaps.length > 0 && mayMatch(pattern.literals, englishTexts());
      if (!inFocus && !inUnwrapped && !inEnglish) continue;
      const re = pattern.regex();
      let hit = inFocus ? re.exec(f.focus) : null;
      if (!hit && inUnwrapped && !/\\n|\^|\$/.test(re.source)) hit = re.exec(f.unwrapped);
      // A catalogue message given in another language, read in English; the evidence shows it as written.
      let written: string | undefined;
      if (!hit && inEnglish) {
        hit = re.exec(f.englishFocus.text);
        if (hit) written = f.englishFocus.swaps.reduce((t, [en, raw]) => t.split(en).join(raw), hit[0]);
      }
      if (!hit) continue;
      const shown = written ?? hit[0];
      const s = acc.get(i);
      if (s?.evidence.some((e) => e.rule === 'regex' && (e.matched.includes(shown) || shown.includes(e.matched)))) continue;
      acc.add(i, { kind: 'regex', matched: shown.slice(0, w.display.regexMatched), whole: hit[0], signature: re.source, weight: hasEvidence(s, 'regex') ? w.regex.more : w.regex.first, rule: 'regex' });
    }
  },
};

/** Texts present up to which the candidates are found pattern by pattern (byEachPattern), without firstClauses' table. */
const FEW_TEXTS = 32;

/**
 * The patterns one of whose first clause's texts some reading holds, and those with no clause known: through firstClauses'
 * table (exported for the test that compares it with byEachPattern).
 */
export function fromFirstClauses(index: DiagnosisIndex, readings: readonly ReadonlySet<string>[]): Set<number> {
  const { byText, always } = firstClauses(index);
  const candidates = new Set<number>(always);
  for (const present of readings) for (const text of present) for (const at of byText.get(text) ?? []) candidates.add(at);
  return candidates;
}

/**
 * The same patterns as fromFirstClauses, found by looking at each: for a paste that holds few of the texts (a code, a
 * line), building the table cost a cold start a millisecond to look up a handful of texts.
 */
export function byEachPattern(index: DiagnosisIndex, readings: readonly ReadonlySet<string>[]): Set<number> {
  const candidates = new Set<number>();
  // Counted loops: this runs in most diagnoses of a cold start, before anything is optimised, and a callback made for
  // each topic, pattern and text (some, forEach) was over 100 KB of garbage, enough to cost a code's diagnosis a
  // second garbage collection.
  const matchers = index.matchers;
  for (let i = 0; i < matchers.length; i++) {
    const m = matchers[i]!;
    fitsPlaces(m);
    const patterns = m.patterns;
    for (let k = 0; k < patterns.length; k++) {
      const first = patterns[k]!.literals?.[0];
      if (first === undefined || someReadingHolds(first, readings)) candidates.add(i * PATTERNS_PER_TOPIC + k);
    }
  }
  return candidates;
}

/** Whether some reading holds one of the texts. */
function someReadingHolds(texts: readonly string[], readings: readonly ReadonlySet<string>[]): boolean {
  for (let t = 0; t < texts.length; t++) for (let r = 0; r < readings.length; r++) if (readings[r]!.has(texts[t]!)) return true;
  return false;
}

/** A pattern's place as one number: its topic's index times this, plus its own index in the topic (fewer than this). */
const PATTERNS_PER_TOPIC = MAX_PATTERNS_PER_TOPIC + 1;

/** Throws when a topic has more patterns than a place can number. */
function fitsPlaces(m: DiagnosisIndex['matchers'][number]): void {
  if (m.patterns.length >= PATTERNS_PER_TOPIC) throw new Error(`topic ${m.topic.id} has ${m.patterns.length} patterns: at most ${PATTERNS_PER_TOPIC - 1}`);
}

/**
 * Each pattern (by its place) filed under the texts of its first clause, which every match holds one of; the patterns
 * with no clause known, apart. Built once per index.
 */
const FIRST_CLAUSES = new WeakMap<DiagnosisIndex, { byText: Map<string, number[]>; always: number[] }>();
function firstClauses(index: DiagnosisIndex): { byText: Map<string, number[]>; always: number[] } {
  let found = FIRST_CLAUSES.get(index);
  if (found) return found;
  found = { byText: new Map(), always: [] };
  index.matchers.forEach((m, i) => {
    fitsPlaces(m);
    m.patterns.forEach((p, k) => {
      const at = i * PATTERNS_PER_TOPIC + k;
      const first = p.literals?.[0];
      if (first === undefined) found!.always.push(at);
      else for (const text of new Set(first)) (found!.byText.get(text) ?? found!.byText.set(text, []).get(text)!).push(at);
    });
  });
  FIRST_CLAUSES.set(index, found);
  return found;
}
