import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Locale } from '../knowledge/types.js';
import { buildDiagnosisIndex, type DiagnosisIndex } from './build-index.js';
import { flattenForMatching, focusLines, normalisePaste, reduceLargePaste } from './normalise.js';
import { extractCodes } from './parse-error-code.js';
import { scoreTopics, type Scored } from './rank.js';
import { buildOfTag } from '../compat/versions.js';
import { readPasteBuilds } from './builds.js';
import { failureText } from './reasons.js';
import { recognise } from './recognise.js';
import { readScope } from './scope.js';
import type { DiagnoseResult, Match } from './types.js';

const indexes = new WeakMap<KnowledgeBase, DiagnosisIndex>();

/** The diagnosis index of a knowledge base, built once and cached. */
export function diagnosisIndexOf(kb: KnowledgeBase): DiagnosisIndex {
  let index = indexes.get(kb);
  if (!index) indexes.set(kb, (index = buildDiagnosisIndex(kb)));
  return index;
}

export interface DiagnoseOptions {
  locale?: Locale;
  /** At most this many matches (default 5). */
  limit?: number;
}

/** The score a topic needs to be shown at all; below it the answer is "no known issue". */
export const MIN_SCORE = 3.5;
/**
 * Words alone (no code, phrase or pattern) must say more before they count as a match: more still
 * when the paste states a failure, whose own vocabulary (error, failed, network, start) overlaps
 * many topics; less in a question or description, which is short and names its subject.
 */
export const MIN_WORDS_ONLY_SCORE = { failure: 5.5, calm: 4.5 } as const;

function confidenceOf(s: Scored): Match['confidence'] {
  if (s.specific && s.score >= 8) return 'high';
  if (s.score >= 5.5) return 'medium';
  return 'low';
}

/**
 * Diagnoses a paste: finds its codes and structure, scores every known issue and returns the
 * ones that explain it, best first, each with its evidence. Returns no match rather than a weak one.
 * @example diagnose(kb, '0x800705B4').matches[0]?.id // 'processor-count-start-timeout'
 */
export function diagnose(kb: KnowledgeBase, paste: string, opts: DiagnoseOptions = {}): DiagnoseResult {
  const index = diagnosisIndexOf(kb);
  const locale = opts.locale ?? 'en';
  const text = normalisePaste(reduceLargePaste(paste));
  const focus = focusLines(text);
  const flat = flattenForMatching(focus);
  // Codes come from the lines kept for matching, like everything else: a paste of any size costs the same.
  const codes = extractCodes(focus, index.codeIndex);
  const rec = recognise(focus);
  const failure = failureText(focus);
  const reason = flattenForMatching(failure);
  // The first failure line as the paste has it, to quote when a topic does not explain it.
  const shown = failure.split('\n').find((l) => l.trim())?.trim().slice(0, 100) ?? '';
  const builds = readPasteBuilds(focus, rec.entities, (tag) => (kb.compat ? buildOfTag(kb.compat, tag) : undefined));
  if (builds.host) rec.entities.hostBuild = String(builds.host.build);
  if (builds.image) rec.entities.imageBuild = String(builds.image.build);
  // A paste that is only codes (`0x5b4`, `1460 0x6be`) asks what they mean: every topic that lists
  // one is an answer, a specialised one (Kubernetes, Swarm) just below the general one.
  const bare = codes.length > 0 && text.length <= 200 && codes.reduce((t, c) => t.split(c.raw).join(' '), text).replace(/[\s,;()]+/g, '') === '';
  const scored = scoreTopics(index, focus, flat, codes, rec, reason, builds, shown, bare)
    .filter((s) => s.score >= (s.specific ? MIN_SCORE : reason ? MIN_WORDS_ONLY_SCORE.failure : MIN_WORDS_ONLY_SCORE.calm))
    .sort((a, b) => b.score - a.score || a.topic - b.topic);
  // A paste from a Linux host or runtime is out of scope: say so rather than match a Windows topic.
  const scope = readScope(flat);
  if (scope.kind === 'linux') scored.length = 0;
  const top = scored[0]?.score ?? 0;
  const matches: Match[] = scored
    .filter((s) => s.score >= top * 0.3)
    .slice(0, opts.limit ?? 5)
    .map((s) => {
      const t = index.matchers[s.topic]!.topic;
      return {
        id: t.id,
        title: t.title[locale] ?? t.title.en,
        score: Math.round(s.score * 100) / 100,
        confidence: confidenceOf(s),
        evidence: s.evidence.sort((a, b) => b.weight - a.weight),
        sources: t.sectionIds.flatMap((id) => {
          const sec = kb.sections[id];
          return sec ? [{ locale: sec.locale, doc: sec.doc, heading: sec.heading }] : [];
        }),
        fixes: t.fixes,
      };
    });
  return { matches, entities: rec.entities, codes, structures: rec.structures, scope };
}
