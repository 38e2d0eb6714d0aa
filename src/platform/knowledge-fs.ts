import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompatData } from '../core/compat/types.js';
import type { KnowledgeBase } from '../core/knowledge/kb.js';
import type { Section } from '../core/knowledge/types.js';
import type { Tree } from '../core/trees/types.js';
import { UserError } from '../core/errors.js';
import { findPackageRoot } from './package-root.js';

/** Where the built knowledge base lives, relative to the package root. */
export const KB_ARTEFACT = 'dist/kb.json';
/**
 * Its second file: the section bodies, trees and compatibility data. Diagnosis reads none of
 * them (the codes its sections print are precomputed), so they load on first use.
 */
export const KB_TEXT_ARTEFACT = 'dist/kb-text.json';

/** What kb-text.json holds. */
export interface KnowledgeText {
  bodies: string[];
  trees: Tree[];
  compat: CompatData;
}

/**
 * A topic's fields that only its display reads (what diagnosis prints for a match, the docs, the
 * fix screens): kb.json keeps them as one JSON text per topic, parsed the first time one of them
 * is read. Building their objects (titles and summaries in four languages, fixes with their texts)
 * for every topic was a good part of each start, when a run shows a few topics at most.
 */
const DISPLAY_FIELDS = ['title', 'summary', 'fixes', 'sources'] as const;
type DisplayField = (typeof DISPLAY_FIELDS)[number];
type StoredTopic = Omit<KnowledgeBase['topics'][number], DisplayField | 'body'> & { display: string };

/** The knowledge base as stored: kb.json without what kb-text.json holds. */
type StoredKnowledgeBase = Omit<KnowledgeBase, 'sections' | 'trees' | 'compat' | 'topics'> & { sections: Omit<Section, 'body'>[]; topics: StoredTopic[] };

/** Splits a knowledge base into the two files' contents. */
export function splitKnowledgeBase(kb: KnowledgeBase): { main: StoredKnowledgeBase; text: KnowledgeText } {
  const { trees, compat, sections, topics, ...rest } = kb;
  return {
    // A topic of our own keeps its body as sections (in kb-text.json); the copy in the topic is not read at run time.
    main: {
      ...rest,
      topics: topics.map(({ body: _body, title, summary, fixes, sources, ...t }) => ({ ...t, display: JSON.stringify({ title, summary, fixes, sources }) })),
      sections: sections.map(({ body: _body, ...s }) => s),
    },
    text: { bodies: sections.map((s) => s.body), trees, compat },
  };
}

const damaged = (file: string) => new UserError(`the knowledge base ${file} is damaged`, ['run: npm run build']);

function readJson(file: string, rel: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`the knowledge base is not built (${rel} is missing)`, ['run: npm run build']);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw damaged(rel);
  }
}

/** One loaded knowledge base per package root, for the life of the process. */
const cache = new Map<string, KnowledgeBase>();

/**
 * Loads the built knowledge base (dist/kb.json, and dist/kb-text.json when a section body, a tree
 * or the compatibility data is first read); a missing or damaged file is a UserError with the fix.
 */
export function loadKnowledgeBase(root = findPackageRoot()): KnowledgeBase {
  const cached = cache.get(root);
  if (cached) return cached;
  const stored = readJson(path.join(root, KB_ARTEFACT), KB_ARTEFACT) as StoredKnowledgeBase | null;
  if (stored?.schema !== 1 || !Array.isArray(stored.sections) || !Array.isArray(stored.topics)) throw damaged(KB_ARTEFACT);
  let text: KnowledgeText | undefined;
  const loadText = (): KnowledgeText => {
    if (text) return text;
    const t = readJson(path.join(root, KB_TEXT_ARTEFACT), KB_TEXT_ARTEFACT) as KnowledgeText | null;
    if (!Array.isArray(t?.bodies) || t.bodies.length !== stored.sections.length || !Array.isArray(t.trees) || typeof t.compat !== 'object' || t.compat === null) {
      throw damaged(KB_TEXT_ARTEFACT);
    }
    return (text = t);
  };
  const lazy = (target: object, key: string, get: () => unknown) => Object.defineProperty(target, key, { get, enumerable: true, configurable: true });
  stored.sections.forEach((s, i) => lazy(s, 'body', () => loadText().bodies[i]));
  lazy(stored, 'trees', () => loadText().trees);
  lazy(stored, 'compat', () => loadText().compat);
  for (const topic of stored.topics) {
    if (typeof topic.display !== 'string') throw damaged(KB_ARTEFACT);
    const target = topic as unknown as Record<string, unknown>;
    const display = topic.display;
    delete target.display;
    const open = (): Record<DisplayField, unknown> => {
      let fields: Record<DisplayField, unknown>;
      try {
        fields = JSON.parse(display) as Record<DisplayField, unknown>;
      } catch {
        throw damaged(KB_ARTEFACT);
      }
      for (const f of DISPLAY_FIELDS) Object.defineProperty(target, f, { value: fields[f], enumerable: true, writable: true, configurable: true });
      return fields;
    };
    for (const f of DISPLAY_FIELDS) lazy(target, f, () => open()[f]);
  }
  const kb = stored as unknown as KnowledgeBase;
  cache.set(root, kb);
  return kb;
}
