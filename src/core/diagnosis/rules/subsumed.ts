import { foldForMatching } from '../../text/normalise.js';
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

/** Whether `whole` ends inside `t`: it ends with t, or with a beginning of t at least MIN_OVERLAP long. */
export function endsInside(whole: string, t: string): boolean {
  for (let k = t.length; k >= Math.min(MIN_OVERLAP, t.length); k--) if (whole.endsWith(t.slice(0, k))) return true;
  return false;
}

/**
 * Whether a pattern's match `whole` is another topic's evidence `texts` read with what comes before: every
 * text lies in it or runs on past its end, and the match ends inside one of them (it leads up to that
 * failure, rather than passing it on the way to something else), and it reads more than any of them.
 */
export function leadsUpTo(whole: string, texts: readonly string[]): boolean {
  return texts.every((t) => t.length < whole.length && (whole.includes(t) || endsInside(whole, t))) && texts.some((t) => endsInside(whole, t));
}

/** Evidence that names the failure itself: a code, a phrase, a pattern. */
const SIGNATURE_RULES = new Set(['code', 'phrase', 'regex']);

/**
 * A topic whose pattern matched a longer stretch of the paste that leads up to another topic's failure
 * (it holds or runs into every code, phrase and pattern that topic matched, and ends in one of them) is
 * the more specific reading of the same text: the other topic's evidence says what failed, the longer
 * pattern also says which case of it this is (the image that was pulled, the step before). Such a
 * pattern was written to tell the two apart, so it ranks just above the other topic.
 * A topic with an `against` text found is not lifted. Reads scores after every gate but the kind factor.
 */
export const subsumedRule: EvidenceRule = {
  id: 'subsumed',
  describe: "a topic whose pattern's match leads up to all of another topic's code, phrase and pattern evidence ranks just above it",
  apply(_f, index, acc, w) {
    const margin = w.subsumed.margin;
    const all = [...acc.values()];
    const signatureTexts = new Map<Scored, string[]>();
    for (const s of all) {
      const texts = s.evidence.filter((e) => SIGNATURE_RULES.has(e.rule) && e.weight > 0).map(textOf).filter((t) => t.length > 0);
      if (texts.length) signatureTexts.set(s, texts);
    }
    for (const a of all) {
      if (a.score <= 0 || a.evidence.some((e) => e.rule === 'against')) continue;
      const wholes = a.evidence.filter((e) => e.rule === 'regex').map(textOf);
      if (!wholes.length) continue;
      let held: Scored | undefined;
      for (const [b, texts] of signatureTexts) {
        if (b === a || b.score < a.score || (held && b.score <= held.score)) continue;
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
