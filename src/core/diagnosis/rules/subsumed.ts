import { foldForMatching } from '../../text/normalise.js';
import type { RuleId } from '../types.js';
import type { EvidenceRule, RuleEvidence, Scored } from './types.js';

/** Characters that close a message (a full stop, a quote) rather than belong to its words. */
const CLOSING = new Set([' ', '\t', '\n', '\r', '.', ':', ';', ',', '!', ')', ']', '"', "'"]);

/** The text a piece of signature evidence stands on, folded for comparison (a pattern's whole match), without closing punctuation. */
function textOf(e: RuleEvidence): string {
  const t = foldForMatching(e.whole ?? e.matched);
  let end = t.length;
  while (end > 0 && CLOSING.has(t[end - 1]!)) end--;
  return t.slice(0, end);
}

/** Shortest overlap of a match's end with the start of another text that counts as the same words. */
const MIN_OVERLAP = 12;

/**
 * The length of the longest beginning of `t` that `whole` ends with: t's prefix function run over the
 * last t.length characters of `whole` (Knuth–Morris–Pratt), linear in both, whatever they repeat.
 */
export function overlapAtEnd(whole: string, t: string): number {
  if (!t) return 0;
  const border = new Int32Array(t.length);
  for (let i = 1, k = 0; i < t.length; i++) {
    while (k > 0 && t[i] !== t[k]) k = border[k - 1]!;
    if (t[i] === t[k]) k++;
    border[i] = k;
  }
  let q = 0;
  for (let i = Math.max(0, whole.length - t.length); i < whole.length; i++) {
    if (q === t.length) q = border[q - 1]!;
    while (q > 0 && whole[i] !== t[q]) q = border[q - 1]!;
    if (whole[i] === t[q]) q++;
  }
  return q;
}

/** Whether `whole` ends inside `t`: it ends with t, or with a beginning of t at least MIN_OVERLAP long. */
export const endsInside = (whole: string, t: string): boolean => !t || overlapAtEnd(whole, t) >= Math.min(MIN_OVERLAP, t.length);

/**
 * Whether a pattern's match `whole` is another topic's evidence `texts` read with what comes before: every
 * text lies in it or runs on past its end, and the match ends inside one of them (it leads up to that
 * failure, rather than passing it on the way to something else), and it reads more than any of them.
 */
export function leadsUpTo(whole: string, texts: readonly string[]): boolean {
  return texts.every((t) => t.length < whole.length && (whole.includes(t) || endsInside(whole, t))) && texts.some((t) => endsInside(whole, t));
}

/** Evidence that names the failure itself: a code, a phrase, a pattern. */
const SIGNATURE_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['code', 'phrase', 'regex']);

/**
 * A topic whose pattern matched a longer stretch of the paste that leads up to another topic's failure
 * (it holds or runs into every code, phrase and pattern that topic matched, and ends in one of them) is
 * the more specific reading of the same text: the other topic's evidence says what failed, the longer
 * pattern also says which case of it this is (the image that was pulled, the step before). Such a
 * pattern was written to tell the two apart, so it ranks just above the other topic.
 * A topic with evidence against it (an `against` text found, or a version the paste shows outside the releases of
 * its bug) is not lifted. Reads scores after every gate but the kind factor.
 */
export const subsumedRule: EvidenceRule = {
  id: 'subsumed',
  describe: "a topic whose pattern's match leads up to all of another topic's code, phrase and pattern evidence ranks just above it",
  apply(_f, index, acc, w) {
    const margin = w.subsumed.margin;
    // Per topic, the folded texts of its signature evidence, and those of its patterns (what may lift it), read once.
    const read = new Map<Scored, { texts: string[]; wholes: string[] }>();
    for (const s of acc.values()) {
      const texts: string[] = [];
      const wholes: string[] = [];
      for (const e of s.evidence) {
        if (!SIGNATURE_RULES.has(e.rule)) continue;
        const t = textOf(e);
        if (e.rule === 'regex') wholes.push(t);
        if (e.weight > 0 && t.length > 0) texts.push(t);
      }
      if (texts.length || wholes.length) read.set(s, { texts, wholes });
    }
    for (const [a, { wholes }] of read) {
      if (!wholes.length || a.score <= 0 || a.evidence.some((e) => e.rule === 'against' || (e.rule === 'version' && e.weight < 0))) continue;
      let held: Scored | undefined;
      for (const [b, { texts }] of read) {
        if (b === a || !texts.length || b.score < a.score || (held && b.score <= held.score)) continue;
        if (wholes.some((whole) => leadsUpTo(whole, texts))) held = b;
      }
      if (!held) continue;
      acc.add(a.topic, {
        kind: 'structure',
        matched: '',
        signature: `a longer match of the same text than ${index.matchers[held.topic]?.topic.id ?? ''}`,
        weight: held.score - a.score + margin,
        rule: 'subsumed',
      });
    }
  },
};
