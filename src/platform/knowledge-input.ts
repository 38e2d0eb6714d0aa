import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../core/errors.js';
import type { KnowledgeInput } from '../core/knowledge/assemble-kb.js';
import type { KnowledgeBase } from '../core/knowledge/kb.js';
import { decodeText } from '../core/text/decode-text.js';
import type { RawFile } from '../core/knowledge/problem.js';
import type { RawText } from '../core/knowledge/translations.js';
import { asciiJson, KB_ARTEFACT, KB_DISPLAY_ARTEFACT, KB_TERMS_ARTEFACT, KB_TEXT_ARTEFACT, splitKnowledgeBase } from './knowledge-fs.js';
import { findPackageRoot } from './package-root.js';
import { fileErrorReason, writeFileAtomic } from './write-file-atomic.js';

/**
 * The data of each YAML text parsed so far in this process, by its text: a process that reads a knowledge folder
 * more than once (the test suite runs `kb check` in-process on a dozen copies of the shipped folder) parses each
 * distinct file once; a caller gets its own copy. Bounded by the text kept: 8 million characters, over six times the
 * shipped YAML (1.2 MB).
 */
const parsedYaml = new Map<string, unknown>();
let parsedYamlChars = 0;
const PARSED_YAML_MAX_CHARS = 8_000_000;

function parseYamlText(text: string): unknown {
  if (parsedYaml.has(text)) return structuredClone(parsedYaml.get(text));
  const data = parseYaml(text) as unknown;
  if (parsedYamlChars + text.length > PARSED_YAML_MAX_CHARS) {
    parsedYaml.clear();
    parsedYamlChars = 0;
  }
  parsedYaml.set(text, structuredClone(data));
  parsedYamlChars += text.length;
  return data;
}

function readYaml(root: string, rel: string): RawFile {
  const file = path.posix.join('knowledge', rel);
  try {
    return { file, data: parseYamlText(decodeText(readFileSync(path.join(root, file)))) };
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { file, data: null, error: msg ?? 'unreadable' };
  }
}

function readYamlDir(root: string, rel: string): RawFile[] {
  const dir = path.join(root, 'knowledge', rel);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => readYaml(root, `${rel}/${f}`));
}

/** Reads every knowledge/ input file the builder needs (sources, structure, topics, codes, compat, trees). */
export function readKnowledgeInput(root = findPackageRoot()): KnowledgeInput {
  const sources = readYaml(root, 'sources.yaml');
  const sourceTexts = new Map<string, string>();
  const docs = (sources.data as { docs?: { file?: unknown }[] } | null)?.docs;
  for (const d of Array.isArray(docs) ? docs : []) {
    if (typeof d.file !== 'string') continue;
    const p = path.join(root, 'knowledge', 'sources', d.file);
    if (existsSync(p)) sourceTexts.set(d.file, decodeText(readFileSync(p)));
  }
  return {
    sources,
    sourceTexts,
    structure: readYaml(root, 'structure.yaml'),
    vocabulary: readYaml(root, 'vocabulary.yaml'),
    topics: readYamlDir(root, 'topics'),
    codes: readYamlDir(root, 'codes'),
    compat: readYamlDir(root, 'compat'),
    trees: readYamlDir(root, 'trees'),
    translations: readTranslations(root),
    fixText: readYamlDir(root, 'fix-text'),
    ...(existsSync(path.join(root, 'knowledge', 'glossary.yaml')) ? { glossary: readYaml(root, 'glossary.yaml') } : {}),
    // A knowledge folder with translations promises every topic in every language.
    requireComplete: existsSync(path.join(root, 'knowledge', 'translations')),
  };
}

/** Our translations: every knowledge/translations/<locale>/<doc>/*.md, as text, in a stable order. */
function readTranslations(root: string): RawText[] {
  const base = path.join(root, 'knowledge', 'translations');
  if (!existsSync(base)) return [];
  const out: RawText[] = [];
  const dirs = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const locale of dirs(base))
    for (const doc of dirs(path.join(base, locale))) {
      const dir = path.join(base, locale, doc);
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const f of names.filter((n) => n.endsWith('.md')).sort()) out.push({ file: path.posix.join('knowledge/translations', locale, doc, f), text: decodeText(readFileSync(path.join(dir, f))) });
    }
  return out;
}

/** Writes the built knowledge base (its four files, each atomically: temp file, then rename); returns kb.json's path. */
export function writeKnowledgeBase(kb: KnowledgeBase, root = findPackageRoot()): string {
  const { main, text, display, terms } = splitKnowledgeBase(kb);
  const write = (rel: string, content: string | Uint8Array) => {
    const out = path.join(root, rel);
    try {
      writeFileAtomic(out, content);
    } catch (e) {
      // A folder that cannot be written (a file named dist, no permission, a full disk) is the user's to fix, not a bug.
      // Exit 3, the kb commands' code for a knowledge base they could not make (src/cli/io.ts EXIT.failure).
      throw new UserError(`cannot write ${out}: ${fileErrorReason(e)}`, [`make ${path.dirname(out)} a folder you can write, or give --root another wcdoctor folder`], 3);
    }
    return out;
  };
  // The others first: a reader that finds the new kb.json also finds what it points into.
  write(KB_TEXT_ARTEFACT, JSON.stringify(text));
  write(KB_DISPLAY_ARTEFACT, display);
  write(KB_TERMS_ARTEFACT, terms);
  return write(KB_ARTEFACT, asciiJson(main));
}
