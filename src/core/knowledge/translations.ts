import { parseKnowledgeYaml } from './parse-yaml.js';
import { nestingProblem } from './nesting-rule.js';
import { headingKey } from './clean-heading.js';
import type { Problem } from './problem.js';
import { isLocale, type Locale, type Section, type SourceDoc } from './types.js';
import { normaliseFileText } from '../text/normalise.js';

/**
 * Our translations of source sections (knowledge/translations/<locale>/<doc>/<name>.md).
 *
 * A file names the section it translates by `doc` and `heading` (the heading exactly as the source
 * writes it), the language it was translated from (`translatedFrom`, which must be the source
 * document's), and the translated heading (`title`). Its body is our text in the folder's language.
 * The source's code blocks are never retyped: a line `<!-- code N -->` stands for the Nth fenced
 * block of the source section, so commands, flags, codes and output stay byte for byte the source's.
 * Every code block of the source must be used, so a translation cannot silently drop one. A line
 * `<!-- line N -->` stands for the Nth line of the source body, for machine output the source prints
 * as prose (a log line outside any code block).
 */

/** A translation file as read from disk: its path relative to the repository and its text. */
export interface RawText {
  file: string;
  text: string;
  /** Why the file (or the folder at `file`) could not be read; `text` is then empty. */
  error?: string;
}

/** A parsed translation, tied to the source section it translates. */
export interface Translation {
  file: string;
  locale: Locale;
  /** Index of the translated section in the section list. */
  sourceId: number;
  translatedFrom: Locale;
  heading: string;
  body: string;
  /** Glossary terms this translation need not follow, each with the reason (the source misuses the word). */
  exempt: Record<string, string>;
}

const CODE_REF = /^<!--[ \t]*code[ \t]+(\d{1,3})[ \t]*-->[ \t]*$/;
/** A line of machine output the source prints outside a code block (a pasted log line), taken as it is. */
const LINE_REF = /^<!--[ \t]*line[ \t]+(\d{1,4})[ \t]*-->[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** The fenced code blocks of a Markdown body, each with its fences, in order. */
export function codeBlocksOf(body: string): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  let fence = '';
  for (const line of body.split('\n')) {
    if (current) {
      current.push(line);
      const m = FENCE_OPEN.exec(line);
      if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length && !line.slice(m[0].length).trim()) {
        blocks.push(current.join('\n'));
        current = null;
      }
      continue;
    }
    const m = FENCE_OPEN.exec(line);
    if (m?.[1]) {
      fence = m[1];
      current = [line];
    }
  }
  if (current) blocks.push(current.join('\n'));
  return blocks;
}

/** The prose of a body: its lines outside fenced code blocks. */
function proseOf(body: string): string {
  let fenced = false;
  const out: string[] = [];
  for (const line of body.split('\n')) {
    if (FENCE_OPEN.test(line)) fenced = !fenced;
    else if (!fenced) out.push(line);
  }
  return out.join('\n');
}

/**
 * What a translation must carry over unchanged from the source's prose: KB numbers, hex codes,
 * versions and other numbers, `inline code` and --options.
 */
const FACT = /KB\d{6,7}|0x[0-9A-Fa-f]{3,8}|\b\d{1,10}(?:\.\d{1,10}){1,3}\b|\b\d{2,10}\b|`[^`\n]{1,80}`|--[a-z][a-z0-9-]{0,40}/g;

/** The facts of the source's prose that the translation's prose lacks. */
export function missingFacts(source: string, translation: string): string[] {
  const have = proseOf(translation).replace(/`/g, '');
  const facts = new Set([...proseOf(source).matchAll(FACT)].map((m) => m[0].replace(/`/g, '')));
  return [...facts].filter((f) => !have.includes(f));
}

/** Splits `---` front matter from the body; the front matter is YAML. */
function splitFrontMatter(text: string): { data: unknown; body: string } | { error: string } {
  const lines = normaliseFileText(text).split('\n');
  if (lines[0]?.trim() !== '---') return { error: 'no front matter (a first line "---")' };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return { error: 'front matter is not closed by a line "---"' };
  try {
    return { data: parseKnowledgeYaml(lines.slice(1, end).join('\n')), body: lines.slice(end + 1).join('\n').trim() };
  } catch (e) {
    return { error: `front matter is not valid YAML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` };
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v).padStart(3, '0') : undefined);

/**
 * Parses and checks translation files against the parsed sources. Returns the translations that
 * are sound and a problem for each that is not (unknown doc or heading, wrong language, a source
 * code block left out or referenced twice, a reference to a block that does not exist, two files
 * for one section and language).
 */
export function parseTranslations(files: readonly RawText[], docs: readonly SourceDoc[], sections: readonly Section[]): { translations: Translation[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const translations: Translation[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const bad = (field: string, message: string) => problems.push({ file: f.file, field, message });
    if (f.error !== undefined) {
      bad('(file)', `cannot be read: ${f.error}`);
      continue;
    }
    const folder = /(?:^|\/)translations\/([^/]+)\/([^/]+)\/[^/]+\.md$/.exec(f.file);
    const locale = folder?.[1] ?? '';
    if (!isLocale(locale)) {
      bad('(path)', `must be knowledge/translations/<locale>/<doc>/<name>.md with a locale of en, zh-CN, ko-KR, sv-SE (not "${locale}")`);
      continue;
    }
    const split = splitFrontMatter(f.text);
    if ('error' in split) {
      bad('(front matter)', split.error);
      continue;
    }
    const fm = (split.data ?? {}) as Record<string, unknown>;
    const docId = str(fm.doc);
    const heading = str(fm.heading);
    const title = str(fm.title)?.trim();
    const from = str(fm.translatedFrom);
    const known = new Set(['doc', 'heading', 'title', 'translatedFrom', 'glossaryExempt']);
    for (const k of Object.keys(fm)) if (!known.has(k)) bad(k, 'unknown field (doc, heading, title, translatedFrom, glossaryExempt)');
    const exempt: Record<string, string> = {};
    if (fm.glossaryExempt !== undefined) {
      const e = fm.glossaryExempt;
      if (typeof e !== 'object' || e === null || Array.isArray(e)) bad('glossaryExempt', 'a map of glossary term id to the reason the term does not apply here');
      else for (const [k, v] of Object.entries(e)) {
        if (typeof v === 'string' && v.trim()) exempt[k] = v;
        else bad(`glossaryExempt.${k}`, 'give the reason the term does not apply here');
      }
    }
    const doc = docs.find((d) => d.id === docId);
    if (!doc) {
      bad('doc', `no source document "${docId ?? ''}"`);
      continue;
    }
    if (folder?.[2] !== doc.id) bad('(path)', `the folder must be named after the doc: translations/${locale}/${doc.id}/`);
    if (!heading) {
      bad('heading', 'required: the heading of the source section, as the source writes it');
      continue;
    }
    const sourceId = sections.findIndex((s) => s.doc === doc.id && s.translatedFrom === undefined && headingKey(s.heading) === headingKey(heading));
    const source = sections[sourceId];
    if (!source) {
      bad('heading', `no section "${heading}" in doc ${doc.id}`);
      continue;
    }
    if (!title) bad('title', 'required: the heading in the language of the translation');
    const written = source.textLocale ?? doc.locale;
    if (from !== written) bad('translatedFrom', `must be the language the section is written in: ${written}`);
    if (locale === written) bad('(path)', `the section is already in ${locale}: there is nothing to translate`);
    const key = `${locale} ${sourceId}`;
    const prev = seen.get(key);
    if (prev) bad('heading', `section "${heading}" is already translated into ${locale} by ${prev}`);
    seen.set(key, f.file);
    const blocks = codeBlocksOf(source.body);
    const used = new Set<number>();
    const lines: string[] = [];
    let inFence = false;
    let fenceMark = '';
    for (const line of split.body.split('\n')) {
      const fm2 = FENCE_OPEN.exec(line);
      if (fm2?.[1]) {
        if (!inFence) {
          inFence = true;
          fenceMark = fm2[1];
        } else if (fm2[1][0] === fenceMark[0] && fm2[1].length >= fenceMark.length) inFence = false;
      }
      const lineRef = inFence ? null : LINE_REF.exec(line);
      if (lineRef) {
        const n = Number(lineRef[1]);
        const text = source.body.split('\n')[n - 1];
        if (text === undefined || !text.trim()) bad(`<!-- line ${n} -->`, 'the source section has no such line, or it is empty');
        else lines.push(text);
        continue;
      }
      const ref = inFence ? null : CODE_REF.exec(line);
      if (!ref) {
        lines.push(line);
        continue;
      }
      const n = Number(ref[1]);
      const block = blocks[n - 1];
      if (!block) bad(`<!-- code ${n} -->`, `the source section has ${blocks.length} code block(s)`);
      else {
        if (used.has(n)) bad(`<!-- code ${n} -->`, 'used twice');
        used.add(n);
        lines.push(block);
      }
    }
    const body = lines.join('\n').trim();
    // A block retyped verbatim counts as used; one left out or changed does not.
    blocks.forEach((b, i) => {
      if (!used.has(i + 1) && !body.includes(b.split('\n').slice(1, -1).join('\n'))) bad('(body)', `code block ${i + 1} of the source is missing: write <!-- code ${i + 1} --> where it goes`);
    });
    if (!body) bad('(body)', 'empty');
    const nested = nestingProblem(body);
    if (nested) bad('(body)', nested);
    // Commands, options, codes and numbers are never translated: each one in the source's prose is in ours.
    for (const f of missingFacts(source.body, body)) bad('(body)', `the source says "${f}" (a code, number, option or command): keep it unchanged in the translation`);
    if (!title || !body || from !== written || locale === written || prev) continue;
    translations.push({ file: f.file, locale, sourceId, translatedFrom: written, heading: title, body, exempt });
  }
  return { translations, problems };
}
