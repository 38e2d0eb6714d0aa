import Fuse, { type IFuseOptions } from 'fuse.js';
import { fuzzyParts, mayHoldFuzzy } from '../text/fuzzy-pieces.js';
import type { KnowledgeBase, ResolvedTopic } from './kb.js';

/** A topic's texts as the search reads them. */
export interface TopicDoc {
  id: string;
  titles: string[];
  summaries: string[];
  headings: string[];
  bodies: string[];
}

/**
 * The longest query searched, in characters. fuse.js cuts a longer pattern into 32-character pieces
 * and searches every text for each, so the work grows with the query: a 10,000-character query took
 * 17 s. A topic is found by a few words; the rest of a longer query is not read.
 */
export const MAX_SEARCH_QUERY = 64;

/** The most words of a query searched (each word is a search of every topic's text, ~40 ms). */
export const MAX_SEARCH_WORDS = 6;

/** A query as it is searched: trimmed, at most MAX_SEARCH_QUERY characters (whole code points). */
export const searchableQuery = (query: string): string => Array.from(query.trim()).slice(0, MAX_SEARCH_QUERY).join('').trim();

/** How many patterns' results a topic search keeps (each is a list of at most every topic's id and score). */
const SEARCHES_KEPT = 64;

/** How the topic search runs fuse.js (exported for the test that compares it with one search over every topic). */
export const TOPIC_FUSE_OPTIONS: Readonly<IFuseOptions<TopicDoc>> & { readonly threshold: number } = {
  keys: [
    { name: 'id', weight: 2 },
    { name: 'titles', weight: 3 },
    { name: 'headings', weight: 2 },
    { name: 'summaries', weight: 1.5 },
    { name: 'bodies', weight: 1 },
  ],
  ignoreLocation: true,
  threshold: 0.25,
  minMatchCharLength: 2,
  includeScore: true,
};

/** A column of the edit-distance table long enough for any part fuse.js searches (32 units), and one more. */
const FUSE_COLUMN = 33;

/** Searches topics across every language: titles, summaries, and the source sections' headings and text. */
export interface TopicSearch {
  search(query: string, limit?: number): ResolvedTopic[];
}

/** Builds the search over a knowledge base once; results are best first. */
export function createTopicSearch(kb: KnowledgeBase): TopicSearch {
  const docs: TopicDoc[] = kb.topics.map((t) => {
    const sections = t.sectionIds.map((i) => kb.sections[i]).filter((s) => s !== undefined);
    return {
      id: t.id,
      titles: Object.values(t.title).filter((v): v is string => typeof v === 'string'),
      summaries: Object.values(t.summary).filter((v): v is string => typeof v === 'string'),
      headings: sections.map((s) => s.heading),
      bodies: sections.map((s) => s.body),
    };
  });
  // One fuse.js search per topic, run only where its texts may hold the pattern (fuzzyParts): the same scores as one
  // search over every topic (fuse.js scores each topic on its own), far less text read.
  const searches = docs.map((d) => new Fuse([d], TOPIC_FUSE_OPTIONS));
  const lowered = docs.map((d) => [d.id, ...d.titles, ...d.summaries, ...d.headings, ...d.bodies].map((v) => v.toLowerCase()).join('\u0000'));
  const column = new Int32Array(FUSE_COLUMN);
  const byId = new Map(kb.topics.map((t) => [t.id, t]));
  const indexOf = new Map(docs.map((d, at) => [d.id, at]));
  // The topics that give each error code (0x… in upper case), in the knowledge's order.
  const byCode = new Map<string, string[]>();
  for (const t of kb.topics) for (const code of new Set(t.signatures.codes.map((c) => c.toUpperCase()))) (byCode.get(code) ?? byCode.set(code, []).get(code)!).push(t.id);
  // What fuse.js found for a pattern, best first, kept for the last SEARCHES_KEPT patterns: typing "dns se", "dns ser"…
  // searches "dns" once, not at every key, and a query's words in another order cost nothing. Keyed in lower case,
  // as fuse.js compares (isCaseSensitive is off).
  const kept = new Map<string, readonly (readonly [string, number])[]>();
  const found = (pattern: string): readonly (readonly [string, number])[] => {
    const key = pattern.toLowerCase();
    const hit = kept.get(key);
    if (hit) return hit;
    const parts = fuzzyParts(pattern, TOPIC_FUSE_OPTIONS.threshold);
    const scored: { at: number; id: string; score: number }[] = [];
    docs.forEach((d, at) => {
      if (!mayHoldFuzzy(parts, lowered[at]!, column)) return;
      const best = searches[at]!.search(pattern)[0];
      if (best) scored.push({ at, id: d.id, score: best.score ?? 0 });
    });
    // fuse.js's order: best score first, then the order of the topics.
    const result = scored.sort((a, b) => a.score - b.score || a.at - b.at).map((s) => [s.id, s.score] as const);
    if (kept.size >= SEARCHES_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, result);
    return result;
  };
  return {
    search(query, limit = 50) {
      const q = searchableQuery(query);
      if (!q) return [];
      // Several words: a topic that has every one of them, in any order and any field (searched as one pattern,
      // "server DNS" found half of what "DNS server" found, and "transparent vSwitch" nothing), best by their
      // scores summed; the first MAX_SEARCH_WORDS words (each is one search). One word, or words of one letter only:
      // the query as it is.
      const words = [...new Set(q.split(/\s+/).filter((w) => Array.from(w).length >= 2))].slice(0, MAX_SEARCH_WORDS);
      if (words.length < 2) {
        // An error code first finds the topics that give it (their signatures), then what the text search finds:
        // fuzzily, 0x800705AF is one letter from 0x800705B4, and its topic came first (found by a tester).
        const giving = /^0x[0-9a-f]{8}$/i.test(q) ? (byCode.get(q.toUpperCase()) ?? []) : [];
        // Then only topics whose text holds the code itself: the other codes a letter away (0x800705AF, 0x80070522 for
        // 0x800705B4) are other failures (a new-user helper). A code no topic gives is still searched fuzzily (a typo).
        const exact = q.toLowerCase();
        const textual = found(q).filter(([id]) => !giving.length || lowered[indexOf.get(id) ?? -1]?.includes(exact));
        const ids = [...new Set([...giving, ...textual.map(([id]) => id)])];
        return ids
          .slice(0, limit)
          .map((id) => byId.get(id))
          .filter((t): t is ResolvedTopic => t !== undefined);
      }
      let totals: Map<string, number> | undefined;
      for (const word of words) {
        const scores = new Map(found(word));
        totals = totals === undefined ? scores : new Map([...totals].filter(([id]) => scores.has(id)).map(([id, score]) => [id, score + scores.get(id)!]));
        if (!totals.size) return [];
      }
      return [...(totals ?? new Map<string, number>())]
        .sort((a, b) => a[1] - b[1])
        .slice(0, limit)
        .map(([id]) => byId.get(id))
        .filter((t): t is ResolvedTopic => t !== undefined);
    },
  };
}

/**
 * The ids nearest to a mistyped topic id, for a "did you mean": every word of it (split at dashes,
 * underscores and spaces) found in the id, a typo allowed (fuse.js's extended search: one fuzzy term per
 * word, all required). `proces-count-timout` finds processor-count-start-timeout; a word found only with
 * a quarter of its letters wrong ("nope" in "node") is no suggestion.
 */
export function nearTopicIds(ids: readonly string[], query: string, limit = 3): string[] {
  // Each word as a plain fuzzy term: the extended search's operators (=, ', !, ^, $, |) are dropped.
  const words = searchableQuery(query)
    .split(/[-_\s]+/)
    .map((w) => w.replace(/[='!^$|]/g, ''))
    .filter(Boolean);
  if (!words.length) return [];
  const fuse = new Fuse(ids as string[], { useExtendedSearch: true, ignoreLocation: true, threshold: 0.4, includeScore: true });
  return fuse
    .search(words.join(' '), { limit })
    .filter((r) => (r.score ?? 1) <= NEAR_ID_SCORE)
    .map((r) => r.item);
}
/** The worst fuse.js score a suggested id may have (0 is exact): about one typo in six letters. */
const NEAR_ID_SCORE = 0.2;

/**
 * At most three topics to suggest for a topic id that names none ("did you mean"): the nearest ids
 * (nearTopicIds) first, then what the text search finds for its words; `keep` limits them to some topics
 * (`fix` suggests only topics with fixes).
 */
export function suggestTopicIds(kb: KnowledgeBase, query: string, keep: (t: ResolvedTopic) => boolean = () => true): string[] {
  const ids = kb.topics.filter(keep).map((t) => t.id);
  const kept = new Set(ids);
  const found = createTopicSearch(kb)
    .search(query.replace(/[-_]/g, ' '), 10)
    .map((t) => t.id)
    .filter((id) => kept.has(id));
  return [...new Set([...nearTopicIds(ids, query), ...found])].slice(0, 3);
}
