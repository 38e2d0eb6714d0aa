import type { ParsedMarkdown, ParsedSection } from './parse-markdown.js';
import { normaliseFileText } from '../text/normalise.js';

/**
 * Recovers structure from a web page scraped to bare lines (the Swedish compatibility document):
 * headings, prose, bullets, note labels, table rows and code. Headings have no markers there, so
 * a line counts as one when it is short, reads as a title (capitalised, no sentence punctuation,
 * no code characters, not ending in a function word) and opens prose, a table or another heading.
 */

/** Swedish function words: their presence marks a line as running prose. */
const FUNCTION_WORDS = new Set(
  'och att det som en ett för med av är du den till om på inte kan har i vi de så när från eller men sedan här ut under var måste bör ska vill'.split(' '),
);
/** One-word call-out labels of the scraped page ("Note", "Important", "Edit"): never headings. */
const LABELS = new Set(['anteckning', 'anmärkning', 'viktigt', 'tips', 'varning', 'obs!', 'redigera', 'försiktighet']);

const COMMAND_START =
  /^(?:\$ |PS [A-Z]:\\|[A-Z]:\\|docker\b|kubectl\b|FROM\b|RUN\b|Stop-Service\b|Start-Service\b|Restart-Service\b|Get-[A-Z]|Set-[A-Z]|New-[A-Z]|reg\b|net\b|apiVersion:|version:|services:|\{|"[A-Za-z-]+":|\.\.\.$)/;

type Kind = 'blank' | 'heading' | 'label' | 'prose' | 'bullet' | 'table' | 'code';

const words = (line: string) => line.toLowerCase().match(/[\p{L}]+/gu) ?? [];

/** A line that reads as a sentence in Swedish. */
export function isProse(line: string): boolean {
  const t = line.trim();
  if (t.length < 25 || !/^[\p{Lu}\p{Ll}]/u.test(t) || COMMAND_START.test(t)) return false;
  const fw = words(t).filter((w) => FUNCTION_WORDS.has(w)).length;
  return fw >= 2;
}

/** A line that could be a heading, judged on its own. */
export function isHeadingCandidate(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 90) return false;
  if (!/^\p{Lu}/u.test(t)) return false;
  if (/[.:;,!?…]$/.test(t)) return false;
  if (/[[\]{}<>=$\\/|"`@#]|: /.test(t)) return false;
  if (COMMAND_START.test(t)) return false;
  if (LABELS.has(t.toLowerCase())) return false;
  const ws = words(t);
  if (ws.length === 0) return false;
  if (FUNCTION_WORDS.has(ws[ws.length - 1] ?? '')) return false;
  // Column headers of command output are upper-case words (ID NAME MODE ...).
  if (t.split(/\s+/).filter((w) => /^[A-Z]{2,}$/.test(w)).length >= 3) return false;
  return true;
}

const SENTENCE_STARTERS =
  'Lägg|När|Detta|Därefter|Stäng|Kontrollera|Anmärkning|Här|Utdata|Sedan|Den|Det|Om|Nu|Mer|Kör';
/** The end of a command glued to the sentence that follows it. */
export const GLUED_SENTENCE = new RegExp(`([\\p{Ll}\\p{Lu}0-9_)\\]}"'])(?=(?:${SENTENCE_STARTERS})\\b[ ,])`, 'gu');

/**
 * Splits lines where the scrape glued a sentence to a command (`...i stället.docker node update`)
 * or a command to the next sentence (`$ENV:COMPUTERNAMEDärefter kan du`).
 */
export function splitGluedLine(line: string): string[] {
  return line
    .replace(/([.:])(?=(?:docker |kubectl |\$ kubectl|Stop-Service |C:\\|\{ ?"|"Spec"|apiVersion:))/g, '$1\n')
    .replace(GLUED_SENTENCE, '$1\n')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

function classify(lines: string[]): Kind[] {
  const kinds: Kind[] = lines.map((l) => {
    const t = l.trim();
    if (!t) return 'blank';
    if (LABELS.has(t.toLowerCase())) return 'label';
    if (/^\|.*\|$/.test(t)) return 'table';
    if (/^[-*•] /.test(t)) return 'bullet';
    if (isProse(t)) return 'prose';
    return 'code';
  });
  // A heading candidate is a heading when what follows (skipping blanks and further candidates)
  // is prose, a table or a bullet list. One pass from the end: looking ahead from each candidate made a run of
  // thousands of them quadratic (an attacker helper: 8,000 lines added to a contributed source held kb check 40 s).
  let next: Kind | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const candidate = isHeadingCandidate(lines[i] ?? '');
    if (candidate && (next === 'prose' || next === 'table' || next === 'bullet' || next === 'label')) kinds[i] = 'heading';
    if (!candidate && kinds[i] !== 'blank') next = kinds[i];
  }
  return kinds;
}

/** Renders a run of classified body lines as Markdown: code runs fenced, tables kept, notes quoted. */
function toMarkdown(lines: string[], kinds: Kind[]): string {
  const out: string[] = [];
  let inCode = false;
  const closeCode = () => {
    if (inCode) out.push('```', '');
    inCode = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    const k = kinds[i];
    if (k === 'blank') continue;
    if (k === 'code') {
      if (!inCode) out.push('```');
      inCode = true;
      out.push(t);
      continue;
    }
    closeCode();
    if (k === 'label') out.push(`> **${t}**`, '>');
    else if (k === 'table') out.push(t);
    else if (k === 'bullet') out.push(t.replace(/^[•*] /, '- '));
    else out.push(t, '');
  }
  closeCode();
  return out
    .join('\n')
    .replace(/(>\n)(?!>)/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Parses the plain-text scrape into a preamble and headed sections with Markdown bodies. */
export function parsePlainTextSections(text: string): ParsedMarkdown {
  const raw = normaliseFileText(text).split('\n');
  const lines: { text: string; line: number }[] = [];
  raw.forEach((l, i) => {
    for (const part of l.trim() ? splitGluedLine(l) : ['']) lines.push({ text: part, line: i + 1 });
  });
  const kinds = classify(lines.map((l) => l.text));
  const sections: ParsedSection[] = [];
  let start = 0;
  let current: { section: ParsedSection; from: number } | null = null;
  let preamble = '';
  const flush = (end: number) => {
    const slice = lines.slice(current ? current.from : start, end);
    const md = toMarkdown(
      slice.map((l) => l.text),
      kinds.slice(current ? current.from : start, end),
    );
    if (current) current.section.body = md;
    else preamble = md;
  };
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'heading') continue;
    flush(i);
    const entry = lines[i];
    if (!entry) continue;
    const section: ParsedSection = { level: 2, rawHeading: entry.text, heading: entry.text, line: entry.line, body: '' };
    sections.push(section);
    current = { section, from: i + 1 };
    start = i + 1;
  }
  flush(lines.length);
  return { frontMatter: {}, preamble, sections };
}
