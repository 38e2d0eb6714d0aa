import path from 'node:path';
import type { CompatData } from '../core/compat/types.js';
import type { FlatSignatures, TableTermIndex, TermIndexData } from '../core/diagnosis/build-index.js';
import { DamagedTermTable, encodeTermTable, TermTable } from '../core/diagnosis/term-table.js';
import type { KnowledgeBase } from '../core/knowledge/kb.js';
import type { Section } from '../core/knowledge/types.js';
import type { Tree } from '../core/trees/types.js';
import { UserError } from '../core/errors.js';
import { findPackageRoot, launcherCopy } from './package-root.js';
import { readIntoSharedBufferToKeep, readRange, readRangeToKeep, readTextFile, textOf } from './read-regular-file.js';

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

/**
 * Fields no diagnosis reads (kb.diagnosis holds what it derives from them), stored as the last
 * element of kb-display.json and parsed together the first time one is read: a topic's keywords and
 * its phrases as written (diagnosis compares the normalised ones, kb.diagnosis.flat), and a code's
 * variants, sources and where it was seen (diagnosis uses the precomputed codeTexts and codeMessageKeys).
 * A cold start parsed them into some 3,000 objects and strings it never looked at. Also a topic's settings
 * as written (kb.diagnosis.flat has them normalised), its source sections as its file names them (resolved
 * into sectionIds) and its related topics, which only the topic's own screen shows: another 1,000 objects
 * and strings. (A topic's links stay: the printed diagnosis reads them, to offer the compatibility check.) Its `needs`
 * as written too (kb.diagnosis.flat has them normalised): the same list of container words in 29 topics, some 2,000
 * strings parsed at every start.
 */
const COLD_SIGNATURE_FIELDS = ['keywords', 'phrases', 'against', 'context', 'setting', 'needs'] as const;
const COLD_TOPIC_FIELDS = ['sections', 'related'] as const;
const COLD_CODE_FIELDS = ['messageSources', 'variants', 'seenIn', 'source'] as const;
type Topic = KnowledgeBase['topics'][number];
type Code = KnowledgeBase['codes'][number];
type StoredTopic = Omit<Topic, DisplayField | 'body' | 'signatures' | (typeof COLD_TOPIC_FIELDS)[number]> & {
  signatures: Omit<Topic['signatures'], (typeof COLD_SIGNATURE_FIELDS)[number] | 'regexes'>;
};
/** kb-display.json's last element: per topic, its cold signature fields and its cold fields; per code, its cold fields (in the orders above). */
interface ColdFields {
  signatures: unknown[][];
  topics: unknown[][];
  codes: unknown[][];
}

/** The knowledge base as stored: kb.json without what kb-text.json, kb-display.json and kb-terms.bin hold. */
type StoredKnowledgeBase = Omit<KnowledgeBase, 'sections' | 'trees' | 'compat' | 'topics' | 'codes' | 'diagnosis'> & {
  /** Each section's byte range in kb-display.json, as one flat list: start and end of section 0, then of section 1, … */
  sections: number[];
  topics: StoredTopic[];
  /**
   * Per topic, four numbers: the byte range of its display fields in kb-display.json, then that of its regexes (their
   * sources). Kept beside the topics, not in them: the loader would have to delete them from each topic, and V8 turns an
   * object parsed from JSON that loses a property into a dictionary of its fields (some 70 KB of garbage at every start,
   * and slower reads of every topic after).
   */
  topicRanges: number[];
  codes: Omit<Code, (typeof COLD_CODE_FIELDS)[number]>[];
  /**
   * `flat`: per topic, the byte range of its FlatSignatures in kb-display.json (start and end of topic 0's, then of topic
   * 1's, …, one after the other), parsed the first time it is read (see loadKnowledgeBase).
   */
  diagnosis?: Omit<NonNullable<KnowledgeBase['diagnosis']>, 'terms' | 'flat'> & { terms: { vocabulary: string[] }; flat: number[] };
  /** The byte range of the cold fields (ColdFields) in kb-display.json. */
  cold: [number, number];
};

/** `fields` of `o` as a list, and `o` without them. */
function takeFields<T extends object, K extends keyof T>(o: T, fields: readonly K[]): [unknown[], Omit<T, K>] {
  const rest = { ...o };
  const taken = fields.map((f) => {
    const v = rest[f];
    delete rest[f];
    return v;
  });
  return [taken, rest];
}

/**
 * JSON text with every character outside ASCII written as a \u escape: the same value, read back as a
 * one-byte string (a plain copy of the file) instead of decoding UTF-8 into a two-byte string.
 */
export const asciiJson = (value: unknown): string => JSON.stringify(value).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const NON_ASCII = /[\u0080-\uffff]/g;

/** Splits a knowledge base into the four files' contents (kb-display.json as its text: the byte ranges are into it). */
export function splitKnowledgeBase(kb: KnowledgeBase): { main: StoredKnowledgeBase; text: KnowledgeText; display: string; terms: Uint8Array } {
  const { trees, compat, sections, topics, codes, diagnosis, ...rest } = kb;
  // What `kb build` computes (assembleKnowledgeBase): the word index as lists, encoded here.
  if (!diagnosis || !('terms' in diagnosis.terms)) throw new Error('splitKnowledgeBase: the knowledge base has no computed word index (assemble it with assembleKnowledgeBase)');
  const { terms: words, ...diagnosisRest } = diagnosis;
  const { vocabulary, ...lists } = words as TermIndexData;
  const parts: string[] = [];
  let at = 1; // after the opening bracket
  /** Adds an element to kb-display.json; returns its byte range. */
  const place = (value: unknown): [number, number] => {
    const json = JSON.stringify(value);
    const start = at + (parts.length ? 1 : 0); // after the comma
    const end = start + Buffer.byteLength(json, 'utf8');
    parts.push(json);
    at = end;
    return [start, end];
  };
  const cold: ColdFields = { signatures: [], topics: [], codes: [] };
  const topicRanges: number[] = [];
  const stored = topics.map(({ body: _body, title, summary, fixes, sources, ...whole }): StoredTopic => {
    const [coldTopic, t] = takeFields(whole, COLD_TOPIC_FIELDS);
    const [coldSignature, { regexes, ...signatures }] = takeFields(t.signatures, COLD_SIGNATURE_FIELDS);
    cold.signatures.push(coldSignature);
    cold.topics.push(coldTopic);
    topicRanges.push(...place({ title, summary, fixes, sources }), ...place(regexes));
    return { ...t, signatures };
  });
  // One after the other, so that the loader reads them in one piece (see loadKnowledgeBase).
  const flatRanges = diagnosisRest.flat.flatMap((f) => place(f));
  // One after the other, so that the run of them is itself a JSON list's elements (see loadKnowledgeBase).
  const sectionRanges = sections.flatMap(({ body: _body, ...s }) => place(s));
  const storedCodes = codes.map((c) => {
    const [coldCode, hot] = takeFields(c, COLD_CODE_FIELDS);
    cold.codes.push(coldCode);
    return hot;
  });
  return {
    // A topic of our own keeps its body as sections (in kb-text.json); the copy in the topic is not read at run time.
    // `cold` is last: the loader deletes it, and deleting an object's last property keeps the object's fast layout.
    main: { ...rest, topics: stored, topicRanges, codes: storedCodes, sections: sectionRanges, diagnosis: { ...diagnosisRest, flat: flatRanges, terms: { vocabulary } }, cold: place(cold) },
    text: { bodies: sections.map((s) => s.body), trees, compat },
    display: `[${parts.join(',')}]`,
    terms: encodeTermTable(lists),
  };
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
/** A topic's normalised signature texts as kb build stores them (FlatSignatures). */
const isFlatSignatures = (v: unknown): v is FlatSignatures => {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return FLAT_FIELDS.every((k) => isStringList(f[k])) && (f.needs === undefined || isStringList(f.needs));
};
const FLAT_FIELDS = ['phrases', 'keywords', 'setting', 'settingTerms', 'against', 'context'] as const;

/** The largest kb.json, kb-text.json or kb-terms.bin read (they are about 0.35, 1.2 and 0.5 MB). */
const MAX_KB_JSON = 256 * 1024 * 1024;

const damaged = (file: string) => new UserError(`the knowledge base ${file} is damaged`, ['run: npm run build']);

function readJson(root: string, rel: string): unknown {
  let text: string;
  try {
    // kb.json is written in ASCII (asciiJson): read as such it is a plain copy, not a UTF-8 decode. From the file, through the
    // process's shared read buffer, whose pages the launcher's reads have already touched.
    const own = launcherCopy(root, rel);
    text = own ? textOf(own) : readTextFile(path.join(root, rel), MAX_KB_JSON);
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
    bytes = launcherCopy(root, KB_TERMS_ARTEFACT) ?? readIntoSharedBufferToKeep(path.join(root, KB_TERMS_ARTEFACT), MAX_KB_JSON);
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
  const stored = readJson(root, KB_ARTEFACT) as StoredKnowledgeBase | null;
  if (stored?.schema !== 1 || !Array.isArray(stored.sections) || stored.sections.length % 2 !== 0 || !Array.isArray(stored.topics)) throw damaged(KB_ARTEFACT);
  const sectionRanges = stored.sections;
  const sectionCount = sectionRanges.length / 2;
  let text: KnowledgeText | undefined;
  const loadText = (): KnowledgeText => {
    if (text) return text;
    const t = readJson(root, KB_TEXT_ARTEFACT) as KnowledgeText | null;
    if (!Array.isArray(t?.bodies) || t.bodies.length !== sectionCount || !Array.isArray(t.trees) || typeof t.compat !== 'object' || t.compat === null) {
      throw damaged(KB_TEXT_ARTEFACT);
    }
    return (text = t);
  };
  const lazy = (target: object, key: string, get: () => unknown) => Object.defineProperty(target, key, { get, enumerable: true, configurable: true });
  /**
   * A getter shared by every object of a kind, which finds the object's position when first called.
   * A getter of its own for each of hundreds of objects (a closure over its index) gave each object a
   * layout of its own, and cost a cold start half a millisecond before it read anything.
   */
  const sharedLazy = <T extends object>(list: () => readonly T[], get: (i: number, key: string) => unknown) => {
    let position: Map<T, number> | undefined;
    return (key: string): PropertyDescriptor => ({
      get(this: T) {
        position ??= new Map(list().map((o, i) => [o, i]));
        const i = position.get(this);
        return i === undefined ? undefined : get(i, key);
      },
      enumerable: true,
      configurable: true,
    });
  };
  /**
   * Defines the same getters on every object of a list. Plain counted loops: this runs at every start
   * before anything is optimised, and a `for … of` with destructuring there made an iterator and its
   * results for each of some 4,000 properties (a quarter of a megabyte of garbage per start).
   */
  const defineOnEach = (targets: readonly object[], fields: readonly string[], descriptors: readonly PropertyDescriptor[]) => {
    for (let i = 0; i < targets.length; i++) for (let k = 0; k < fields.length; k++) Object.defineProperty(targets[i]!, fields[k]!, descriptors[k]!);
  };
  lazy(stored, 'trees', () => loadText().trees);
  lazy(stored, 'compat', () => loadText().compat);
  /** The executable's own copy of kb-display.json (null: none, the file is read), asked once. */
  let ownDisplay: Buffer | null | undefined;
  /**
   * The bytes of kb-display.json at a range, read alone: a run shows a few topics, and the whole file
   * (0.6 MB) took longer to read than the elements it needs.
   */
  const readDisplay = ([start, end]: [number, number], keep = false): Buffer | undefined => {
    // The executable's own copy is in memory: the part is a view of it.
    ownDisplay ??= launcherCopy(root, KB_DISPLAY_ARTEFACT) ?? null;
    if (ownDisplay) return end <= ownDisplay.length ? ownDisplay.subarray(start, end) : undefined;
    // A part that is kept (the signature texts, 0.13 MB) goes where the start's reads have already touched the pages.
    const file = path.join(root, KB_DISPLAY_ARTEFACT);
    try {
      return keep ? readRangeToKeep(file, start, end) : readRange(file, start, end);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).syscall === 'open') throw new UserError(`the knowledge base is not built (${KB_DISPLAY_ARTEFACT} is missing)`, ['run: npm run build']);
      return undefined;
    }
  };
  const rangeOf = (range: unknown): [number, number] => {
    if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0) || range[0] > range[1]) throw damaged(KB_ARTEFACT);
    return range as [number, number];
  };
  /** The JSON element at a byte range of kb-display.json, which must be of the shape `valid` accepts. */
  const parseDisplay = <T>(range: [number, number], valid: (v: unknown) => v is T, elements = false): T => {
    const bytes = readDisplay(range);
    try {
      if (!bytes) throw new Error('out of range');
      const value: unknown = JSON.parse(elements ? `[${bytes.toString('utf8')}]` : bytes.toString('utf8'));
      if (!valid(value)) throw new Error('not of its shape');
      return value;
    } catch {
      throw damaged(KB_DISPLAY_ARTEFACT);
    }
  };
  /** Replaces a getter with the value it found (as a plain field, which it then is). */
  const settle = (target: object, key: string, value: unknown) => Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  /** A topic's display fields as kb build writes them: a list where they belong (ranges swapped) was an internal error. */
  const isDisplay = (v: unknown): v is Record<string, unknown> => isObject(v) && isObject(v.title) && typeof v.title.en === 'string' && isObject(v.summary) && Array.isArray(v.fixes);
  // Each topic's sections by their index in the list: anything else ("__proto__", "length") read the list's own
  // properties and broke the docs search (a regression tester, in a damaged build).
  for (let i = 0; i < stored.topics.length; i++) {
    const topic: unknown = stored.topics[i];
    if (typeof topic !== 'object' || topic === null) throw damaged(KB_ARTEFACT);
    const ids: unknown = (topic as { sectionIds?: unknown }).sectionIds;
    if (!Array.isArray(ids)) throw damaged(KB_ARTEFACT);
    for (let k = 0; k < ids.length; k++) if (!Number.isInteger(ids[k]) || (ids[k] as number) < 0 || (ids[k] as number) >= sectionCount) throw damaged(KB_ARTEFACT);
  }
  // The topics' ranges (splitKnowledgeBase), checked here as rangeOf would, in a counted loop that allocates nothing;
  // each range is made into a pair when it is read.
  const topicRanges: unknown = stored.topicRanges;
  if (!Array.isArray(topicRanges) || topicRanges.length !== 4 * stored.topics.length) throw damaged(KB_ARTEFACT);
  for (let k = 0; k < topicRanges.length; k += 2) {
    const start: unknown = topicRanges[k];
    const end: unknown = topicRanges[k + 1];
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (start as number) > (end as number)) throw damaged(KB_ARTEFACT);
  }
  delete (stored as Partial<StoredKnowledgeBase>).topicRanges;
  /** Topic i's range of its display fields (`at` 0) or of its regexes (`at` 2). */
  const topicRange = (i: number, at: 0 | 2): [number, number] => [topicRanges[4 * i + at] as number, topicRanges[4 * i + at + 1] as number];
  const display = sharedLazy(
    () => stored.topics,
    (i, key) => {
      const topic = stored.topics[i]!;
      const fields = parseDisplay(topicRange(i, 0), isDisplay);
      for (const f of DISPLAY_FIELDS) settle(topic, f, fields[f]);
      return fields[key];
    },
  );
  defineOnEach(stored.topics, DISPLAY_FIELDS, DISPLAY_FIELDS.map(display));

  // A topic's regexes (their sources), read the first time the topic's are: diagnosis compiles a pattern only for a
  // paste that holds the text the pattern requires (kb.diagnosis.regexLiterals), so most runs read a few topics'.
  // Parsing all of them at each start was an eighth of kb.json.
  const signatures = stored.topics.map((t) => t.signatures);
  // As many as kb.diagnosis.regexLiterals has entries for the topic: the index goes by those (build-index.ts).
  const regexCount = (i: number) => stored.diagnosis?.regexLiterals[i]?.length;
  const regexes = sharedLazy(
    () => signatures,
    (i, key) => {
      const value = parseDisplay(topicRange(i, 2), (v): v is string[] => isStringList(v) && (regexCount(i) ?? v.length) === v.length);
      settle(signatures[i]!, key, value);
      return value;
    },
  );
  defineOnEach(signatures, ['regexes'], [regexes('regexes')]);

  // The sections (document, heading, language, place; their bodies are in kb-text.json), each read the first time it
  // is: a diagnosis reads the two or three its answers cite, and parsing all of them (some 550 objects and 1,900
  // strings) at each start was another eighth of kb.json and, with the regexes, what made the young generation
  // overflow into a garbage collection during the parse. Whoever reads more than a few (the docs, kb check) gets
  // all of them in one read: they lie one after the other in kb-display.json, a JSON list's elements.
  const isSection = (v: unknown): v is Omit<Section, 'body'> => isObject(v) && typeof v.doc === 'string' && typeof v.heading === 'string' && typeof v.locale === 'string';
  // The sections' list: made ones settle into `sectionList`, as plain elements; the proxy below makes the others when read.
  const sectionList: Section[] = new Array<Section>(sectionCount);
  const made: (Section | undefined)[] = new Array<Section | undefined>(sectionCount);
  const withBody = (s: Omit<Section, 'body'>, i: number): Section =>
    Object.defineProperty(s, 'body', { get: () => loadText().bodies[i], enumerable: true, configurable: true }) as Section;
  const settleSection = (i: number, s: Section) => {
    made[i] = s;
    settle(sectionList, String(i), s);
    return s;
  };
  let readOneByOne = 0;
  const readAllSections = () => {
    if (sectionCount === 0) return;
    const span = rangeOf([sectionRanges[0], sectionRanges[2 * sectionCount - 1]]);
    const all = parseDisplay(span, (v): v is Omit<Section, 'body'>[] => Array.isArray(v) && v.length === sectionCount && v.every(isSection), true);
    for (let i = 0; i < sectionCount; i++) if (!made[i]) settleSection(i, withBody(all[i]!, i));
  };
  // Called by the proxy for index i until the section is made (settleSection puts it in the list).
  const sectionAt = (i: number): Section => {
    if (++readOneByOne > 8) {
      readAllSections();
      return made[i]!;
    }
    return settleSection(i, withBody(parseDisplay(rangeOf([sectionRanges[2 * i], sectionRanges[2 * i + 1]]), isSection), i));
  };
  /** The index a property key names, when it is a section's that is not made yet. */
  const unmade = (key: string | symbol): number | undefined => {
    if (typeof key !== 'string') return undefined;
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < sectionCount && String(i) === key && !made[i] ? i : undefined;
  };
  // A proxy, not a getter defined for each index: those (a closure, its context and a dictionary entry each, for some
  // 600 sections) were 160 KB of garbage at every start, which a diagnosis reads two or three of. The list reads as an
  // array of every section (its length, its elements, Object.keys, JSON) and each element is made when first read.
  (stored as unknown as { sections: Section[] }).sections = new Proxy(sectionList, {
    get: (target, key, receiver) => {
      const i = unmade(key);
      return i === undefined ? Reflect.get(target, key, receiver) : sectionAt(i);
    },
    has: (target, key) => unmade(key) !== undefined || Reflect.has(target, key),
    getOwnPropertyDescriptor: (target, key) => {
      const i = unmade(key);
      if (i !== undefined) sectionAt(i);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    // Every index (made or not) and then the list's other own keys (its length).
    ownKeys: (target) => [...Array.from({ length: sectionCount }, (_, i) => String(i)), ...Reflect.ownKeys(target).filter((k) => typeof k !== 'string' || !/^\d+$/.test(k))],
  });

  // The fields no diagnosis reads (see COLD_SIGNATURE_FIELDS), all parsed the first time one is read. A field a
  // topic or code does not have is stored as null (JSON has no undefined) and read back as undefined.
  if (!Array.isArray(stored.codes)) throw damaged(KB_ARTEFACT);
  const coldRange = rangeOf(stored.cold);
  delete (stored as Partial<StoredKnowledgeBase>).cold;
  let coldRead = false;
  const readCold = () => {
    if (coldRead) return;
    const cold = parseDisplay(
      coldRange,
      (v): v is ColdFields =>
        isObject(v) &&
        Array.isArray(v.signatures) &&
        Array.isArray(v.topics) &&
        Array.isArray(v.codes) &&
        v.signatures.length === stored.topics.length &&
        v.topics.length === stored.topics.length &&
        v.codes.length === stored.codes.length &&
        v.signatures.every((fields) => Array.isArray(fields) && fields.length === COLD_SIGNATURE_FIELDS.length) &&
        v.topics.every((fields) => Array.isArray(fields) && fields.length === COLD_TOPIC_FIELDS.length) &&
        v.codes.every((fields) => Array.isArray(fields) && fields.length === COLD_CODE_FIELDS.length),
    );
    const settleAll = (targets: readonly object[], fields: readonly string[], values: unknown[][]) =>
      targets.forEach((t, i) => fields.forEach((f, k) => settle(t, f, values[i]![k] ?? undefined)));
    settleAll(stored.topics.map((t) => t.signatures), COLD_SIGNATURE_FIELDS, cold.signatures);
    settleAll(stored.topics, COLD_TOPIC_FIELDS, cold.topics);
    settleAll(stored.codes, COLD_CODE_FIELDS, cold.codes);
    coldRead = true;
  };
  const coldOf = <T extends object>(list: () => readonly T[], fields: readonly string[]) => {
    const getter = sharedLazy(list, (i, key) => {
      readCold();
      return (list()[i] as Record<string, unknown> | undefined)?.[key];
    });
    defineOnEach(list(), fields, fields.map(getter));
  };
  coldOf(() => stored.topics.map((t) => t.signatures), COLD_SIGNATURE_FIELDS);
  coldOf(() => stored.topics, COLD_TOPIC_FIELDS);
  coldOf(() => stored.codes, COLD_CODE_FIELDS);
  if (stored.diagnosis) {
    // Each topic's normalised signature texts (kb.diagnosis.flat), parsed the first time they are read: a paste reads
    // those of the few topics it has evidence for (build-index.ts). Parsing all of them at every start was a quarter of
    // kb.json's values, enough to make the young generation overflow into a second collection; kept in kb.json as JSON
    // text, their 140 KB of escaped quotes were still scanned at every start (some 2 million instructions of a bare
    // code's 67 million over bare node). They lie one after the other in kb-display.json, read in one piece when the
    // first is asked: a failure line asks some 30 topics', and a read of each cost three system calls.
    const flatRanges: unknown = stored.diagnosis.flat;
    if (!Array.isArray(flatRanges) || flatRanges.length !== 2 * stored.topics.length) throw damaged(KB_ARTEFACT);
    const flats: FlatSignatures[] = new Array<FlatSignatures>(stored.topics.length);
    let flatBytes: { bytes: Buffer; at: number } | undefined;
    const flatAt = (i: number): FlatSignatures => {
      // Each range is checked (rangeOf) when it is read, as the sections' are, and must lie within the piece.
      const [start, end] = rangeOf([flatRanges[2 * i], flatRanges[2 * i + 1]]);
      if (!flatBytes) {
        const [first, last] = rangeOf([flatRanges[0], flatRanges[flatRanges.length - 1]]);
        const bytes = readDisplay([first, last], true);
        if (!bytes) throw damaged(KB_DISPLAY_ARTEFACT);
        flatBytes = { bytes, at: first };
      }
      const from = start - flatBytes.at;
      const to = end - flatBytes.at;
      let value: unknown;
      try {
        if (from < 0 || to > flatBytes.bytes.length) throw new Error('out of range');
        value = JSON.parse(flatBytes.bytes.toString('utf8', from, to));
      } catch {
        throw damaged(KB_DISPLAY_ARTEFACT);
      }
      if (!isFlatSignatures(value)) throw damaged(KB_DISPLAY_ARTEFACT);
      settle(flats, String(i), value);
      return value;
    };
    for (let i = 0; i < flats.length; i++) Object.defineProperty(flats, i, { get: () => flatAt(i), enumerable: true, configurable: true });
    (stored.diagnosis as unknown as { flat: FlatSignatures[] }).flat = flats;
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
