import type { Evidence, Match } from '../../../core/diagnosis/types.js';
import { evidenceInWords, limitSentence } from '../../diagnose-text.js';
import type { ListItem } from '../../components/SelectList.js';
import type { MessageKey, T } from '../../i18n.js';
import { GLYPH } from '../../theme.js';
import { collapseSpace } from '../../../core/text/normalise.js';


const CONFIDENCE: Readonly<Record<Match['confidence'], { glyph: string; key: MessageKey; role: 'success' | 'warning' | 'info' }>> = {
  high: { glyph: GLYPH.ok, key: 'diagnose.confidence.high', role: 'success' },
  medium: { glyph: GLYPH.warning, key: 'diagnose.confidence.medium', role: 'warning' },
  low: { glyph: GLYPH.info, key: 'diagnose.confidence.low', role: 'info' },
};

const clip = (s: string, n: number): string => {
  const one = collapseSpace(s);
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** The evidence of a match in words: the strongest few, what matched (cut to `clipAt` characters) and how. */
export function describeEvidence(evidence: readonly Evidence[], t: T, limit = 3, clipAt = 40): string {
  return evidence
    .filter((e) => e.weight > 0)
    .slice(0, limit)
    .map((e) => evidenceInWords(t, e, clip(e.matched || e.signature, clipAt)))
    .join(' · ');
}

/** A match as a list row: confidence (glyph and word), title, and its evidence underneath, then why it is no surer. */
export function matchItem(m: Match, t: T): ListItem {
  const c = CONFIDENCE[m.confidence];
  const evidence = describeEvidence(m.evidence, t);
  // In full (the `i` key): every piece of evidence, what matched as long as the engine quotes it (120 characters).
  const all = describeEvidence(m.evidence, t, Number.POSITIVE_INFINITY, 200);
  const limit = m.limitedBy ? ` · ${limitSentence(t, m.limitedBy)}` : '';
  return {
    key: m.id,
    label: m.title,
    prefix: { text: `${c.glyph} ${t(c.key)}`, role: c.role },
    detail: `${evidence}${limit}`,
    fullDetail: `${all}${limit}`,
  };
}
