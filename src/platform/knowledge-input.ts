import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import type { KnowledgeInput } from '../core/knowledge/assemble-kb.js';
import type { KnowledgeBase } from '../core/knowledge/kb.js';
import { decodeText } from '../core/text/decode-text.js';
import { joinFoldedHan } from '../core/text/normalise.js';
import type { RawFile } from '../core/knowledge/problem.js';
import type { RawText } from '../core/knowledge/translations.js';
import { asciiJson, KB_ARTEFACT, KB_DISPLAY_ARTEFACT, KB_TERMS_ARTEFACT, KB_TEXT_ARTEFACT, splitKnowledgeBase } from './knowledge-fs.js';
import { findPackageRoot } from './package-root.js';
import { readRegularFile } from './read-regular-file.js';
import { fileErrorReason, writeFileAtomic } from './write-file-atomic.js';
import { parseKnowledgeYaml } from '../core/knowledge/parse-yaml.js';
import { isSourceFilePath } from '../core/knowledge/topic-schema.js';

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
  const data = parseKnowledgeYaml(text);
  if (parsedYamlChars + text.length > PARSED_YAML_MAX_CHARS) {
    parsedYaml.clear();
    parsedYamlChars = 0;
  }
  parsedYaml.set(text, structuredClone(data));
  parsedYamlChars += text.length;
  return data;
}

/**
 * The most one knowledge file may hold (16 MiB; the largest shipped one is under 300 KB): a file in the folder that is
 * a link to /dev/zero, or a FIFO, is refused as a problem of that file instead of being read without end.
 */
const MAX_KNOWLEDGE_FILE_BYTES = 16 * 1024 * 1024;

/** The real path of the knowledge folder being read, found once per read of the folder (knowledgeFolderOf). */
type KnowledgeFolder = () => string;

/** The knowledge folder of `root`, its real path asked on first use and kept for the rest of the read. */
function knowledgeFolderOf(root: string): KnowledgeFolder {
  let real: string | undefined;
  return () => (real ??= realpathSync(path.join(root, 'knowledge')));
}

/**
 * A knowledge file's text; throws (with the reason) for a file that is no regular file, is too large, or is a link to a
 * file outside the knowledge folder (`within`): a link in knowledge/sources read any file of the machine into the build
 * (found by a reviewer, after `../` paths were refused).
 */
function readKnowledgeText(file: string, within: KnowledgeFolder): string {
  const knowledge = within();
  const real = realpathSync(file);
  if (!real.startsWith(`${knowledge}${path.sep}`)) throw new Error('it is a link to a file outside the knowledge folder, which is never read: copy the file in');
  return decodeText(readRegularFile(file, MAX_KNOWLEDGE_FILE_BYTES));
}

/** The first line of an error's message: why a file or folder could not be read. */
const reasonOf = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0] : String(e)) || 'unreadable';

/**
 * Why a listed file cannot be read: a name that is not valid UTF-8 comes back from the folder's listing with U+FFFD in
 * place of its bytes, and no file has that name (found by an attacker helper: "no such file or directory" for a file
 * that was there).
 */
const readReasonOf = (e: unknown, name: string): string =>
  name.includes('\ufffd') && (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ? 'its name is not valid UTF-8: rename it' : reasonOf(e);

/**
 * Our Chinese texts without the spaces YAML's folding put between their characters (joinFoldedHan): every string under
 * a `zh-CN` key, and every string of a file that is all Chinese (fix-text/zh-CN.yaml). In place: parseYamlText hands
 * each caller a copy of its own.
 */
function joinChineseFolds(value: unknown, chinese: boolean): unknown {
  if (typeof value === 'string') return chinese ? joinFoldedHan(value) : value;
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = joinChineseFolds(v, chinese || k === 'zh-CN');
  return value;
}

function readYaml(root: string, rel: string, within: KnowledgeFolder): RawFile {
  const file = path.posix.join('knowledge', rel);
  try {
    return { file, data: joinChineseFolds(parseYamlText(readKnowledgeText(path.join(root, file), within)), /(?:^|\/)zh-CN\.ya?ml$/.test(rel)) };
  } catch (e) {
    return { file, data: null, error: readReasonOf(e, rel) };
  }
}

/** The names in a folder of the knowledge, or why it cannot be listed (a file where the folder should be). */
function listFolder(dir: string): { entries: Dirent[] } | { error: string } {
  try {
    if (!statSync(dir).isDirectory()) return { error: 'it is not a folder' };
    return { entries: readdirSync(dir, { withFileTypes: true }) };
  } catch (e) {
    return { error: reasonOf(e) };
  }
}

function readYamlDir(root: string, rel: string, within: KnowledgeFolder): RawFile[] {
  const dir = path.join(root, 'knowledge', rel);
  if (!existsSync(dir)) return [];
  const listed = listFolder(dir);
  if ('error' in listed) return [{ file: path.posix.join('knowledge', rel), data: null, error: listed.error }];
  return listed.entries
    .map((e) => e.name)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => readYaml(root, `${rel}/${f}`, within));
}

/** Reads every knowledge/ input file the builder needs (sources, structure, topics, codes, compat, trees). */
export function readKnowledgeInput(root = findPackageRoot()): KnowledgeInput {
  const within = knowledgeFolderOf(root);
  const sources = readYaml(root, 'sources.yaml', within);
  const sourceTexts = new Map<string, string>();
  const sourceErrors = new Map<string, string>();
  const docs = (sources.data as { docs?: { file?: unknown }[] } | null)?.docs;
  for (const d of Array.isArray(docs) ? docs : []) {
    // A path that leaves knowledge/sources is never read (the schema says why).
    if (typeof d.file !== 'string' || !isSourceFilePath(d.file)) continue;
    const p = path.join(root, 'knowledge', 'sources', d.file);
    if (!existsSync(p)) continue;
    try {
      sourceTexts.set(d.file, readKnowledgeText(p, within));
    } catch (e) {
      sourceErrors.set(d.file, reasonOf(e));
    }
  }
  return {
    sources,
    sourceTexts,
    ...(sourceErrors.size ? { sourceErrors } : {}),
    structure: readYaml(root, 'structure.yaml', within),
    vocabulary: readYaml(root, 'vocabulary.yaml', within),
    topics: readYamlDir(root, 'topics', within),
    codes: readYamlDir(root, 'codes', within),
    compat: readYamlDir(root, 'compat', within),
    trees: readYamlDir(root, 'trees', within),
    translations: readTranslations(root, within),
    fixText: readYamlDir(root, 'fix-text', within),
    ...(existsSync(path.join(root, 'knowledge', 'glossary.yaml')) ? { glossary: readYaml(root, 'glossary.yaml', within) } : {}),
    // A knowledge folder with translations promises every topic in every language.
    requireComplete: existsSync(path.join(root, 'knowledge', 'translations')),
  };
}

/** Our translations: every knowledge/translations/<locale>/<doc>/*.md, as text, in a stable order. */
function readTranslations(root: string, within: KnowledgeFolder): RawText[] {
  const base = path.join(root, 'knowledge', 'translations');
  if (!existsSync(base)) return [];
  const out: RawText[] = [];
  // The folders in a folder; a folder that cannot be listed (a file in its place) is a problem of that path.
  const dirs = (dir: string, rel: string): string[] => {
    const listed = listFolder(dir);
    if ('error' in listed) {
      out.push({ file: rel, text: '', error: listed.error });
      return [];
    }
    return listed.entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  };
  for (const locale of dirs(base, 'knowledge/translations'))
    for (const doc of dirs(path.join(base, locale), path.posix.join('knowledge/translations', locale))) {
      const dir = path.join(base, locale, doc);
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const f of names.filter((n) => n.endsWith('.md')).sort()) {
        const file = path.posix.join('knowledge/translations', locale, doc, f);
        try {
          out.push({ file, text: readKnowledgeText(path.join(dir, f), within) });
        } catch (e) {
          out.push({ file, text: '', error: readReasonOf(e, f) });
        }
      }
    }
  return out;
}

/** Writes the built knowledge base (its four files, each atomically: temp file, then rename); returns kb.json's path. */
export function writeKnowledgeBase(kb: KnowledgeBase, root = findPackageRoot()): string {
  const { main, text, display, terms } = splitKnowledgeBase(kb);
  // The folders under the root that the files go into are the root's own: a `dist` link in a contributed folder led
  // the build's four files wherever it pointed (an attacker helper). The root itself is the user's choice.
  for (const rel of new Set([KB_TEXT_ARTEFACT, KB_DISPLAY_ARTEFACT, KB_TERMS_ARTEFACT, KB_ARTEFACT].map((f) => path.dirname(f)))) {
    const parts = rel.split(/[\\/]/).filter((p) => p && p !== '.');
    for (let i = 1; i <= parts.length; i++) {
      const dir = path.join(root, ...parts.slice(0, i));
      let link = false;
      try {
        link = lstatSync(dir).isSymbolicLink();
      } catch {
        break; // not there yet: made as a folder when written
      }
      if (link) throw new UserError(`cannot write ${dir}: it is a link; kb build writes only into folders of the root itself`, [`remove the link ${dir}, or give --root another wcdoctor folder`], 3);
    }
  }
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
