import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompatData } from '../core/compat/types.js';
import type { TableTermIndex, TermIndexData } from '../core/diagnosis/build-index.js';
import { DamagedTermTable, encodeTermTable, TermTable } from '../core/diagnosis/term-table.js';
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
 * Its third file: each topic's display fields (titles, summaries, fixes, sources in every language),
 * one JSON text per topic at the byte range kb.json gives (`display`), read and parsed only for the
 * topics a run shows. Building those objects for every topic, and decoding their Chinese and Korean
 * text, was a good part of each start, when a run shows a few topics at most.
 */
export const KB_DISPLAY_ARTEFACT = 'dist/kb-display.json';

/**
 * Its fourth file: the word index of diagnosis (terms and postings) as a binary table
 * (src/core/diagnosis/term-table.ts), looked up where it lies instead of parsed; kb.json keeps the
 * index's vocabulary. As JSON it was a third of kb.json and most of the time taken to parse it.
 */
export const KB_TERMS_ARTEFACT = 'dist/kb-terms.bin';

const DISPLAY_FIELDS = ['title', 'summary', 'fixes', 'sources'] as const;
type DisplayField = (typeof DISPLAY_FIELDS)[number];
type StoredTopic = Omit<KnowledgeBase['topics'][number], DisplayField | 'body'> & { display: [number, number] };

/** The knowledge base as stored: kb.json without what kb-text.json, kb-display.json and kb-terms.bin hold. */
type StoredKnowledgeBase = Omit<KnowledgeBase, 'sections' | 'trees' | 'compat' | 'topics' | 'diagnosis'> & {
  sections: Omit<Section, 'body'>[];
  topics: StoredTopic[];
  diagnosis?: Omit<NonNullable<KnowledgeBase['diagnosis']>, 'terms'> & { terms: { vocabulary: string[] } };
};

/**
 * JSON text with every character outside ASCII written as a \u escape: the same value, read back as a
 * one-byte string (a plain copy of the file) instead of decoding UTF-8 into a two-byte string.
 */
export const asciiJson = (value: unknown): string => JSON.stringify(value).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const NON_ASCII = /[\u0080-\uffff]/g;

/** Splits a knowledge base into the four files' contents (kb-display.json as its text: the byte ranges are into it). */
export function splitKnowledgeBase(kb: KnowledgeBase): { main: StoredKnowledgeBase; text: KnowledgeText; display: string; terms: Uint8Array } {
  const { trees, compat, sections, topics, diagnosis, ...rest } = kb;
  // What `kb build` computes (assembleKnowledgeBase): the word index as lists, encoded here.
  if (!diagnosis || !('terms' in diagnosis.terms)) throw new Error('splitKnowledgeBase: the knowledge base has no computed word index (assemble it with assembleKnowledgeBase)');
  const { terms: words, ...diagnosisRest } = diagnosis;
  const { vocabulary, ...lists } = words as TermIndexData;
  const parts: string[] = [];
  let at = 1; // after the opening bracket
  const stored = topics.map(({ body: _body, title, summary, fixes, sources, ...t }): StoredTopic => {
    const json = JSON.stringify({ title, summary, fixes, sources });
    const start = at + (parts.length ? 1 : 0); // after the comma
    const end = start + Buffer.byteLength(json, 'utf8');
    parts.push(json);
    at = end;
    return { ...t, display: [start, end] };
  });
  return {
    // A topic of our own keeps its body as sections (in kb-text.json); the copy in the topic is not read at run time.
    main: { ...rest, topics: stored, sections: sections.map(({ body: _body, ...s }) => s), diagnosis: { ...diagnosisRest, terms: { vocabulary } } },
    text: { bodies: sections.map((s) => s.body), trees, compat },
    display: `[${parts.join(',')}]`,
    terms: encodeTermTable(lists),
  };
}

const damaged = (file: string) => new UserError(`the knowledge base ${file} is damaged`, ['run: npm run build']);

function readJson(file: string, rel: string): unknown {
  let text: string;
  try {
    const bytes = readFileSync(file);
    // kb.json is written in ASCII (asciiJson): read as such it is a plain copy, not a UTF-8 decode.
    text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  } catch {
    throw new UserError(`the knowledge base is not built (${rel} is missing)`, ['run: npm run build']);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw damaged(rel);
  }
}

/** The word index's table (dist/kb-terms.bin); missing or damaged (when it loads or at a lookup), a UserError with the fix. */
function readTermTable(root: string): Pick<TermTable, 'postingsOf' | 'toLists'> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(root, KB_TERMS_ARTEFACT));
  } catch {
    throw new UserError(`the knowledge base is not built (${KB_TERMS_ARTEFACT} is missing)`, ['run: npm run build']);
  }
  const checked = <R>(read: () => R): R => {
    try {
      return read();
    } catch (e) {
      throw e instanceof DamagedTermTable ? damaged(KB_TERMS_ARTEFACT) : e;
    }
  };
  const table = checked(() => new TermTable(bytes));
  return { postingsOf: (term) => checked(() => table.postingsOf(term)), toLists: () => checked(() => table.toLists()) };
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
  let displayBytes: Buffer | undefined;
  const readDisplay = (): Buffer => {
    if (displayBytes) return displayBytes;
    try {
      return (displayBytes = readFileSync(path.join(root, KB_DISPLAY_ARTEFACT)));
    } catch {
      throw new UserError(`the knowledge base is not built (${KB_DISPLAY_ARTEFACT} is missing)`, ['run: npm run build']);
    }
  };
  for (const topic of stored.topics) {
    const range = topic.display as unknown;
    if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0) || range[0] > range[1]) throw damaged(KB_ARTEFACT);
    const [start, end] = range as [number, number];
    const target = topic as unknown as Record<string, unknown>;
    delete target.display;
    const open = (): Record<DisplayField, unknown> => {
      let fields: Record<DisplayField, unknown>;
      const bytes = readDisplay();
      try {
        if (end > bytes.length) throw new Error('out of range');
        fields = JSON.parse(bytes.toString('utf8', start, end)) as Record<DisplayField, unknown>;
        if (!fields || typeof fields !== 'object') throw new Error('not an object');
      } catch {
        throw damaged(KB_DISPLAY_ARTEFACT);
      }
      for (const f of DISPLAY_FIELDS) Object.defineProperty(target, f, { value: fields[f], enumerable: true, writable: true, configurable: true });
      return fields;
    };
    for (const f of DISPLAY_FIELDS) lazy(target, f, () => open()[f]);
  }
  if (stored.diagnosis) {
    const vocabulary = stored.diagnosis.terms?.vocabulary;
    if (!Array.isArray(vocabulary)) throw damaged(KB_ARTEFACT);
    let table: ReturnType<typeof readTermTable> | undefined;
    const tableOf = () => (table ??= readTermTable(root));
    const words: TableTermIndex = {
      vocabulary,
      get table() {
        return tableOf();
      },
    };
    // Written out (a test, a debugging dump), the index reads as the lists kb build computed.
    Object.defineProperty(words, 'toJSON', { value: (): TermIndexData => ({ ...tableOf().toLists(), vocabulary }), enumerable: false });
    (stored.diagnosis as { terms: unknown }).terms = words;
  }
  const kb = stored as unknown as KnowledgeBase;
  cache.set(root, kb);
  return kb;
}
