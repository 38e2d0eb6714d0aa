import type { KnowledgeBase, ResolvedTopic } from './kb.js';
import type { Category } from './types.js';

/** The categories in the order the docs list them (the app's browser and `wcdoctor docs`). */
export const CATEGORY_ORDER: readonly Category[] = ['general', 'networking', 'app-compat', 'docker', 'remote', 'identity', 'versions', 'orchestration'];

/** Topics grouped by category, in display order, each group by English title; empty categories left out. */
export function topicsByCategory(kb: KnowledgeBase): { category: Category; topics: ResolvedTopic[] }[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    topics: kb.topics.filter((t) => t.category === category).sort((a, b) => a.title.en.localeCompare(b.title.en, 'en')),
  })).filter((g) => g.topics.length > 0);
}
