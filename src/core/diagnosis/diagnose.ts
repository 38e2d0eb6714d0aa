import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Locale } from '../knowledge/types.js';
import { buildDiagnosisIndex, type DiagnosisIndex } from './build-index.js';
import { scoreTopics } from './rank.js';
import { buildOfTag, resolveName } from '../compat/versions.js';
import { readFeatures } from './features.js';
import type { EvidenceRule } from './rules/index.js';
import { judgeMatches } from './verdict.js';
import { WEIGHTS, type Weights } from './weights.js';
import type { DiagnoseResult, Evidence, Match } from './types.js';

const indexes = new WeakMap<KnowledgeBase, DiagnosisIndex>();

/** The diagnosis index of a knowledge base, built once and cached. */
export function diagnosisIndexOf(kb: KnowledgeBase): DiagnosisIndex {
  let index = indexes.get(kb);
  if (!index) indexes.set(kb, (index = buildDiagnosisIndex(kb)));
  return index;
}

export interface DiagnoseOptions {
  locale?: Locale;
  /** At most this many matches (default `WEIGHTS.verdict.limit`). */
  limit?: number;
  /** The evidence rules to run (default: all, `EVIDENCE_RULES`): tests and calibration leave some out. */
  rules?: readonly EvidenceRule[];
  /** The weights table (default `WEIGHTS`): calibration tries others. */
  weights?: Weights;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Diagnoses a paste: reads its features once (codes, structure, failure lines, builds), runs the
 * evidence rules over every known issue and returns the ones that explain it, best first, each with
 * its evidence, whose weights add up to its score. Returns no match rather than a weak one.
 * @example diagnose(kb, '0x800705B4').matches[0]?.id // 'processor-count-start-timeout'
 */
export function diagnose(kb: KnowledgeBase, paste: string, opts: DiagnoseOptions = {}): DiagnoseResult {
  const index = diagnosisIndexOf(kb);
  const locale = opts.locale ?? 'en';
  const w = opts.weights ?? WEIGHTS;
  // The compatibility data lives in kb-text.json, read on first use: only a paste that shows a tag or a
  // release name to resolve pays for it.
  const f = readFeatures(index, paste, (tag) => (kb.compat ? buildOfTag(kb.compat, tag) : undefined), w, (name) => (kb.compat ? resolveName(kb.compat, name)?.build : undefined));
  const scored = scoreTopics(index, f, opts.rules, w);
  const matches: Match[] = judgeMatches(scored, f, w, opts.limit ?? w.verdict.limit).map(({ scored: s, confidence, limitedBy }) => {
    const t = index.matchers[s.topic]!.topic;
    return {
      id: t.id,
      title: t.title[locale] ?? t.title.en,
      score: round2(s.score),
      confidence,
      ...(limitedBy ? { limitedBy } : {}),
      // Shown to two decimals, strongest first; the rule's own fields (a code's spelling) stay inside.
      evidence: s.evidence.map((e): Evidence => ({ kind: e.kind, matched: e.matched, signature: e.signature, weight: round2(e.weight), rule: e.rule })).sort((a, b) => b.weight - a.weight),
      sources: t.sectionIds.flatMap((id) => {
        const sec = kb.sections[id];
        return sec ? [{ locale: sec.locale, doc: sec.doc, heading: sec.heading }] : [];
      }),
      fixes: t.fixes,
    };
  });
  return { matches, entities: f.recognised.entities, codes: f.codes, structures: f.recognised.structures, scope: f.scope };
}
