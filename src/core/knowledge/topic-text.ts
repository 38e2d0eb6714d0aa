import type { KnowledgeBase, ResolvedTopic } from './kb.js';
import { LOCALES, type Locale, type Section } from './types.js';

/** A topic's text chosen for one language, with what it falls back to when that language is missing. */
export interface TopicText {
  topic: ResolvedTopic;
  requested: Locale;
  /** Language of the source sections shown; undefined when the topic has no source text at all. */
  shown: Locale | undefined;
  /** True when the requested language has no source text and another one is shown. */
  fallback: boolean;
  /** Languages the topic has source text in, in LOCALES order. */
  available: Locale[];
  sections: Section[];
  /** Our title in the requested language when we wrote one, else in English. */
  title: string;
  /** Our summary in the requested language, when we wrote one and it is not English. */
  localSummary?: string;
  /** Our English summary, always present. */
  summary: string;
}

/** Languages a topic has source text in, in LOCALES order. */
export function topicLocales(kb: KnowledgeBase, topic: ResolvedTopic): Locale[] {
  const have = new Set(topic.sectionIds.map((i) => kb.sections[i]?.locale));
  return LOCALES.filter((l) => have.has(l));
}

/**
 * Picks the source sections of a topic for a language. When the language has none, the first of
 * `preferences`, then of LOCALES, that does is shown instead and `fallback` says so.
 */
export function resolveTopicText(kb: KnowledgeBase, topic: ResolvedTopic, requested: Locale, preferences: readonly Locale[] = []): TopicText {
  const available = topicLocales(kb, topic);
  const shown = [requested, ...preferences, ...LOCALES].find((l) => available.includes(l));
  const sections = topic.sectionIds.map((i) => kb.sections[i]).filter((s): s is Section => s !== undefined && s.locale === shown);
  const local = requested === 'en' ? undefined : topic.summary[requested];
  return {
    topic,
    requested,
    shown,
    fallback: shown !== undefined && shown !== requested,
    available,
    sections,
    title: topic.title[requested] ?? topic.title.en,
    ...(local ? { localSummary: local } : {}),
    summary: topic.summary.en,
  };
}

/** The source sections as one Markdown document, each under its own heading. */
export function sectionsMarkdown(sections: readonly Section[]): string {
  return sections.map((s) => `### ${s.heading}\n\n${s.body.trim()}`).join('\n\n');
}

/** Finds a topic by id. */
export function findTopic(kb: KnowledgeBase, id: string): ResolvedTopic | undefined {
  return kb.topics.find((t) => t.id === id);
}
