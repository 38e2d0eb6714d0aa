import type { KnowledgeBase, ResolvedTopic } from './kb.js';
import { OUR_DOC } from './our-doc.js';
import { LOCALES, type Locale, type Section } from './types.js';

/** A topic's text chosen for one language, with what it falls back to when that language is missing. */
export interface TopicText {
  topic: ResolvedTopic;
  requested: Locale;
  /** Language of the sections shown; undefined when the topic has no text at all. */
  shown: Locale | undefined;
  /** True when the requested language has no text (source or ours) and another one is shown. */
  fallback: boolean;
  /** Languages the topic can be read in whole (source text or our translation), in LOCALES order. */
  available: Locale[];
  /** The sections shown: source sections, or our translations (`translatedFrom` set), in the topic's order. */
  sections: Section[];
  /** Set when some of the text shown is our translation: the language of its source. */
  translatedFrom?: Locale;
  /** The source sections our translations shown were made from, in the same order ("show the original"). */
  originals: Section[];
  /** Our title in the requested language when we wrote one, else in English. */
  title: string;
  /** Our summary in the requested language, when we wrote one and it is not English. */
  localSummary?: string;
  /** Our English summary, always present. */
  summary: string;
}

/** One family of documents a topic draws on (translations and revisions of one document share one). */
interface Part {
  /** The topic's sections from this family, source text only. */
  sources: Section[];
  /** The sections our translations are made from: those of the family's translation source. */
  base: Section[];
}

function topicParts(kb: Pick<KnowledgeBase, 'docs' | 'sections'>, topic: ResolvedTopic): { parts: Part[]; translations: Section[] } {
  // A document not listed (a topic of our own, or a small test base) belongs to one family of unlisted documents.
  const family = (doc: string) => kb.docs.find((d) => d.id === doc)?.family ?? (doc === OUR_DOC ? doc : '(unlisted)');
  const byFamily = new Map<string, Section[]>();
  for (const i of topic.sectionIds) {
    const s = kb.sections[i];
    if (!s) continue;
    const f = family(s.doc);
    byFamily.set(f, [...(byFamily.get(f) ?? []), s]);
  }
  const parts = [...byFamily.values()].map((sources) => {
    const baseDoc = sources.find((s) => kb.docs.find((d) => d.id === s.doc)?.translationSource)?.doc ?? sources[0]?.doc;
    // One language of the base document (a topic of our own has its body in each language, all in one doc).
    const baseLocale = sources.find((s) => s.doc === baseDoc)?.locale;
    return { sources, base: sources.filter((s) => s.doc === baseDoc && s.locale === baseLocale) };
  });
  const translations = (topic.translationIds ?? []).map((i) => kb.sections[i]).filter((s): s is Section => s !== undefined);
  return { parts, translations };
}

/** The translation of one source section into a language, if we wrote it. */
function translationOf(kb: Pick<KnowledgeBase, 'sections'>, translations: Section[], source: Section, locale: Locale): Section | undefined {
  return translations.find((t) => t.locale === locale && kb.sections[t.original ?? -1] === source);
}

/**
 * The topic's whole text in one language: for each document family it draws on, the source
 * sections in that language, or else our translations of the family's translation source. Undefined
 * when some part has neither.
 */
export function topicSectionsIn(kb: Pick<KnowledgeBase, 'docs' | 'sections'>, topic: ResolvedTopic, locale: Locale): Section[] | undefined {
  const { parts, translations } = topicParts(kb, topic);
  if (!parts.length) return undefined;
  const out: Section[] = [];
  for (const p of parts) {
    const native = p.sources.filter((s) => s.locale === locale && (s.textLocale ?? s.locale) === locale);
    if (native.length) {
      out.push(...native);
      continue;
    }
    const ours = p.base.map((s) => (s.textLocale === locale ? s : translationOf(kb, translations, s, locale)));
    if (ours.some((s) => s === undefined)) return undefined;
    out.push(...(ours as Section[]));
  }
  return out;
}

/** Where a topic lacks text: for each language, the source sections with neither a source text nor our translation in it. */
export function topicGaps(kb: Pick<KnowledgeBase, 'docs' | 'sections'>, topic: ResolvedTopic): { locale: Locale; section: Section; state: 'source' | 'translated' | 'missing' }[] {
  const { parts, translations } = topicParts(kb, topic);
  const out: { locale: Locale; section: Section; state: 'source' | 'translated' | 'missing' }[] = [];
  for (const locale of LOCALES)
    for (const p of parts) {
      const native = p.sources.some((s) => s.locale === locale && (s.textLocale ?? s.locale) === locale);
      for (const s of p.base) out.push({ locale, section: s, state: native || s.textLocale === locale ? 'source' : translationOf(kb, translations, s, locale) ? 'translated' : 'missing' });
    }
  return out;
}

/** Languages a topic can be read in whole (source text or our translation), in LOCALES order. */
export function topicLocales(kb: Pick<KnowledgeBase, 'docs' | 'sections'>, topic: ResolvedTopic): Locale[] {
  return LOCALES.filter((l) => topicSectionsIn(kb, topic, l) !== undefined);
}

/**
 * Picks the text of a topic for a language: the source sections in it, or our translations. When the
 * language has neither, the first of `preferences`, then of LOCALES, that does is shown instead and
 * `fallback` says so.
 */
export function resolveTopicText(kb: KnowledgeBase, topic: ResolvedTopic, requested: Locale, preferences: readonly Locale[] = []): TopicText {
  const available = topicLocales(kb, topic);
  let shown = [requested, ...preferences, ...LOCALES].find((l) => available.includes(l));
  let sections = shown ? (topicSectionsIn(kb, topic, shown) ?? []) : [];
  if (!shown) {
    // No language is whole: show the source language with the most sections.
    const src = topic.sectionIds.map((i) => kb.sections[i]).filter((s): s is Section => s !== undefined);
    shown = LOCALES.map((l) => [l, src.filter((s) => s.locale === l).length] as const).sort((a, b) => b[1] - a[1]).find((x) => x[1] > 0)?.[0];
    sections = src.filter((s) => s.locale === shown);
  }
  const translatedFrom = sections.find((s) => s.translatedFrom)?.translatedFrom;
  const originals = sections.map((s) => (s.original === undefined ? undefined : kb.sections[s.original])).filter((s): s is Section => s !== undefined);
  const local = requested === 'en' ? undefined : topic.summary[requested];
  return {
    topic,
    requested,
    shown,
    fallback: shown !== undefined && shown !== requested,
    available,
    sections,
    ...(translatedFrom ? { translatedFrom } : {}),
    originals,
    title: topic.title[requested] ?? topic.title.en,
    ...(local ? { localSummary: local } : {}),
    summary: topic.summary.en,
  };
}

/** The sections as one Markdown document, each under its own heading. */
export function sectionsMarkdown(sections: readonly Section[]): string {
  return sections.map((s) => `### ${s.heading}\n\n${s.body.trim()}`).join('\n\n');
}

/** The source section a translation shown in `view` was made from. */
export function originalOf(view: Pick<TopicText, 'originals'>, section: Section): Section | undefined {
  return section.original === undefined ? undefined : view.originals.find((o) => o.doc === section.doc && o.index === section.index);
}

/**
 * The text shown as Markdown with, after each of our translations, the source section it was made
 * from: a heading (`originalHeading` words it, in the UI language) and the source body as a quote.
 */
export function sectionsWithOriginals(view: Pick<TopicText, 'sections' | 'originals'>, originalHeading: (source: Section) => string): string {
  return view.sections
    .map((s) => {
      const own = `### ${s.heading}\n\n${s.body.trim()}`;
      const src = originalOf(view, s);
      if (!src) return own;
      const quoted = src.body.trim().split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
      return `${own}\n\n#### ${originalHeading(src)}\n\n${quoted}`;
    })
    .join('\n\n');
}

/** Finds a topic by id. */
export function findTopic(kb: KnowledgeBase, id: string): ResolvedTopic | undefined {
  // Ids are lower case (kebab-case file names); one typed in other case (`Version-Mismatch-Error`) names the same topic.
  return kb.topics.find((t) => t.id === id) ?? kb.topics.find((t) => t.id === id.toLowerCase());
}
