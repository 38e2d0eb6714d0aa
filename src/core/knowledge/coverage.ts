import type { KnowledgeBase } from './kb.js';
import { OUR_DOC } from './our-doc.js';
import { topicGaps } from './topic-text.js';
import { LOCALES, type Locale } from './types.js';

/** How much of the knowledge one language has: source sections shown as they are, our translations, and gaps. */
export interface LocaleCoverage {
  locale: Locale;
  /** Sections of topics read in the vendored source text of this language. */
  source: number;
  /** Sections read in our translation. */
  translated: number;
  /** Sections of topics of our own, written by us in this language. */
  ours: number;
  /** Sections with neither: the goal is 0. */
  missing: number;
}

/**
 * Per language, what a reader gets for every section a topic shows. A section counts once per
 * language: for the parts of a topic with source text in the language, the translation-source
 * sections count as source text; otherwise each is our translation or missing.
 */
export function localeCoverage(kb: Pick<KnowledgeBase, 'docs' | 'sections' | 'topics'>): LocaleCoverage[] {
  const out = LOCALES.map((locale) => ({ locale, source: 0, translated: 0, ours: 0, missing: 0 }));
  for (const t of kb.topics)
    for (const g of topicGaps(kb, t)) {
      const row = out.find((r) => r.locale === g.locale);
      if (!row) continue;
      if (g.section.doc === OUR_DOC) row[g.state === 'source' ? 'ours' : 'missing']++;
      else row[g.state]++;
    }
  return out;
}

/** Every section a topic lacks in some language: what `kb check` warns about. */
export function completenessGaps(kb: Pick<KnowledgeBase, 'docs' | 'sections' | 'topics'>): { topic: string; locale: Locale; doc: string; heading: string }[] {
  return kb.topics.flatMap((t) => topicGaps(kb, t).filter((g) => g.state === 'missing').map((g) => ({ topic: t.id, locale: g.locale, doc: g.section.doc, heading: g.section.heading })));
}
