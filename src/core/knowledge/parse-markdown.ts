import { cleanHeading, headingAnchor } from './clean-heading.js';
import { collapseSpace, normaliseFileText } from '../text/normalise.js';

/** A headed section found in a Markdown document, before it is tied to a doc id. */
export interface ParsedSection {
  level: number;
  rawHeading: string;
  heading: string;
  anchor?: string;
  line: number;
  body: string;
}

export interface ParsedMarkdown {
  frontMatter: Record<string, string>;
  preamble: string;
  sections: ParsedSection[];
}

// A fence is taken whole (`{3,}(?!`)), so the rest of the line never competes with it for characters.
const FENCE = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))(.*)$/;
const QUOTED_FENCE = /^ {0,3}>\s?(`{3,}(?!`)|~{3,}(?!~))(.*)$/;
/** A heading; its text is trimmed by the caller (a lazy group before `[ \t]*$` would be quadratic). */
const HEADING = /^ {0,3}(#{1,6})[ \t]+([^ \t].*)?$/;

/** Reads `key: value` pairs of a YAML front matter block (flat, as the sources use it). */
function parseFrontMatter(lines: string[]): { data: Record<string, string>; end: number } {
  if (lines[0]?.trim() !== '---') return { data: {}, end: 0 };
  const data: Record<string, string> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '---') return { data, end: i + 1 };
    const m = /^([\w.-]+):[ \t]*(\S.*)?$/.exec(line);
    if (m?.[1]) data[m[1]] = (m[2] ?? '').replace(/^"(.*)"$/, '$1').trim();
  }
  return { data: {}, end: 0 };
}

/** Turns an HTML `<table>` (as in the older compatibility document) into a Markdown table. */
export function htmlTableToMarkdown(html: string): string {
  const rows: string[][] = [];
  for (const tr of html.matchAll(/<tr>((?:(?!<\/?tr>)[\s\S])*)<\/tr>/gi)) {
    const cells: string[] = [];
    for (const cell of (tr[1] ?? '').matchAll(/<(td|th)\b[^<>]*?(?:\/>|>((?:(?!<\/?t[dh]\b)[\s\S])*)<\/\1>)/gi)) {
      const text = (cell[2] ?? '')
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<b>((?:(?!<\/?b>)[\s\S])*)<\/b>/gi, '**$1**')
        .replace(/<[^<>]+>/g, '')
        .replace(/\|/g, '\\|');
      cells.push(collapseSpace(text));
    }
    if (cells.length) rows.push(cells);
  }
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
  const [head, ...rest] = rows.map(pad);
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(head ?? []), `|${' --- |'.repeat(width)}`, ...rest.map(line)].join('\n');
}

/** Normalises one body: anchors dropped, HTML tables converted, HTML comments removed, blank runs folded. */
function normaliseBody(lines: string[]): string {
  const text = lines
    .join('\n')
    .replace(/<table>(?:(?!<\/?table>)[\s\S])*<\/table>/gi, (t) => `\n${htmlTableToMarkdown(t)}\n`)
    .replace(/<!--(?:(?!<!--|-->)[\s\S])*-->/g, '')
    .replace(/<figure>(?:(?!<\/?figure>)[\s\S])*<\/figure>/gi, '')
    .replace(/<a\s+name="[^"]*"\s*>\s*<\/a>/gi, '');
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Splits a Markdown document into headed sections. Lines that look like headings inside fenced
 * code are code, not headings. A fence opened inside a block quote (`>```) is repaired into a
 * plain fence that ends at the next closing fence, with or without `>`, so that it neither
 * swallows the rest of the document nor leaks its content out as prose.
 */
export function parseMarkdownSections(text: string): ParsedMarkdown {
  const lines = normaliseFileText(text).split('\n');
  const fm = parseFrontMatter(lines);
  const sections: ParsedSection[] = [];
  const bodies: string[][] = [];
  const preamble: string[] = [];
  let body: string[] = preamble;
  let fence: { char: string; len: number; quoted: boolean } | null = null;

  for (let i = fm.end; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence) {
      const close = FENCE.exec(line.replace(/^ {0,3}>\s?/, ''));
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.len && !(close[2] ?? '').trim()) {
        body.push(fence.char.repeat(fence.len));
        fence = null;
      } else {
        body.push(fence.quoted ? line.replace(/^ {0,3}>\s?/, '') : line);
      }
      continue;
    }
    const quoted = QUOTED_FENCE.exec(line);
    const open = quoted ?? FENCE.exec(line);
    if (open?.[1]) {
      fence = { char: open[1][0] ?? '`', len: open[1].length, quoted: Boolean(quoted) };
      body.push(`${open[1]}${(open[2] ?? '').trim()}`);
      continue;
    }
    const h = HEADING.exec(line);
    if (h?.[1]) {
      const raw = (h[2] ?? '').replace(/(?<![ \t])[ \t]+$/, '');
      const anchor = headingAnchor(raw);
      const section: ParsedSection = { level: h[1].length, rawHeading: raw, heading: cleanHeading(raw), line: i + 1, body: '' };
      if (anchor !== undefined) section.anchor = anchor;
      sections.push(section);
      body = [];
      bodies.push(body);
      continue;
    }
    body.push(line);
  }
  if (fence) body.push(fence.char.repeat(3));
  sections.forEach((s, i) => (s.body = normaliseBody(bodies[i] ?? [])));
  return { frontMatter: fm.data, preamble: normaliseBody(preamble), sections };
}
