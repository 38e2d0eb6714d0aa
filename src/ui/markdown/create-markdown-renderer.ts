import { countEmphasisMarks, MAX_EMPHASIS_MARKS } from '../../core/text/emphasis-marks.js';
import type { MarkedExtension, Tokens } from 'marked';
import { displayWidth } from '../../core/text/display-width.js';
import { joinSoftBreaks, stripEscapeSequences } from '../../core/text/normalise.js';
import { deepestListNesting, MAX_LIST_NESTING } from '../../core/text/list-nesting.js';

/** Renders Markdown for a terminal of a given width. */
export interface MarkdownRenderer {
  width: number;
  render(markdown: string): string;
}

export interface MarkdownRendererOptions {
  width: number;
  /** False strips every colour and style (no-color theme, NO_COLOR). */
  color?: boolean;
}

// marked ≥13 leaves inline markup in tight list items raw and marked ≥17 doubles task
// checkboxes with marked-terminal 7.3; this shim restores both (see stack notes §5).
const markedTerminalCompat: MarkedExtension = {
  walkTokens(t) {
    if (t.type === 'list_item' && (t as Tokens.ListItem).task) t.tokens = t.tokens?.filter((x) => x.type !== 'checkbox') ?? [];
    // A paragraph's (or a list item's) own line breaks are soft: joined, so that the text wraps at the terminal's width
    // only (a hard break, two spaces or a backslash at a line's end, is a token of its own and stays).
    if (t.type === 'text' && !('tokens' in t && t.tokens)) (t as Tokens.Text).text = joinSoftBreaks((t as Tokens.Text).text);
  },
  renderer: {
    text(tok) {
      return typeof tok === 'object' && 'tokens' in tok && tok.tokens ? this.parser.parseInline(tok.tokens) : false;
    },
    // A block of HTML is printed as written, and a paragraph after it on a line of its own: marked-terminal joined the
    // next paragraph to its last tag (`<div>x</div>Next.`, found by an attacker helper).
    html(tok) {
      return typeof tok === 'object' && tok.block ? `${tok.text.trimEnd()}\n\n` : false;
    },
  },
};

/**
 * Fenced code in a language the highlighter does not know (`kubectl`, `reg`, `net` in the vendored pages) made
 * highlight.js write "Could not find the language …" to stderr once per block when a topic was printed on a terminal.
 * Such a block is highlighted as the language it is written in where there is one, else left plain.
 */
const FENCE_ALIASES: Readonly<Record<string, string>> = { kubectl: 'bash', 'docker-compose': 'yaml', reg: 'ini' };

function knownFences(known: (lang: string) => boolean): MarkedExtension {
  return {
    walkTokens(t) {
      if (t.type !== 'code') return;
      const code = t as Tokens.Code;
      const lang = (code.lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      if (!lang || known(lang)) return;
      const alias = FENCE_ALIASES[lang];
      code.lang = alias && known(alias) ? alias : '';
    },
  };
}

/**
 * A table wider than the terminal as a list of its rows, each cell under its column's name (`Column: value`), rows
 * apart by a blank line: drawn at its natural width, the box was cut into broken lines (the compatibility tables are
 * 92 columns wide, 121 in Swedish). A table that fits is left to marked-terminal.
 */
function tablesThatFit(width: number): MarkedExtension {
  return {
    renderer: {
      table(token) {
        const cell = (c: Tokens.TableCell) => this.parser.parseInline(c.tokens).replace(/\s+/g, ' ').trim();
        const header = token.header.map(cell);
        const rows = token.rows.map((r) => r.map(cell));
        const widths = header.map((h, i) => Math.max(displayWidth(stripEscapeSequences(h)), ...rows.map((r) => displayWidth(stripEscapeSequences(r[i] ?? '')))));
        // cli-table3's box: a border and a space either side of every cell.
        if (widths.reduce((sum, w) => sum + w + 3, 1) <= width) return false;
        return `${rows.map((r) => r.map((value, i) => `${header[i] ?? ''}: ${value}`).join('\n')).join('\n\n')}\n\n`;
      },
    },
  };
}

const cache = new Map<string, Promise<MarkdownRenderer>>();

/**
 * Loads marked-terminal so that it never writes OSC 8 hyperlinks: everything we print to a terminal passes a
 * filter that shows OSC sequences visibly (they can set the title or write the clipboard), so a link is printed
 * as `text (url)` instead. supports-hyperlinks decides once, when it loads, from FORCE_HYPERLINK.
 */
async function importMarkedTerminal(): Promise<typeof import('./terminal-part.js')> {
  const before = process.env.FORCE_HYPERLINK;
  process.env.FORCE_HYPERLINK = '0';
  try {
    return await import('./terminal-part.js');
  } finally {
    if (before === undefined) delete process.env.FORCE_HYPERLINK;
    else process.env.FORCE_HYPERLINK = before;
  }
}

/**
 * One Markdown renderer per width and colour mode, built on a private `new Marked()` with
 * marked-terminal (loaded on first use, since it is the heaviest module we have). Text is not
 * reflowed here: marked-terminal measures UTF-16 length, so wrapping by display width is left to
 * the caller (wrapAnsiText or Ink).
 */
export function createMarkdownRenderer(opts: MarkdownRendererOptions): Promise<MarkdownRenderer> {
  const width = Math.max(20, Math.floor(opts.width));
  const color = opts.color !== false;
  const key = `${width}:${color}`;
  let renderer = cache.get(key);
  if (!renderer) {
    renderer = (async () => {
      const [{ Marked }, { markedTerminal, supportsLanguage }] = await Promise.all([import('marked'), importMarkedTerminal()]);
      const marked = new Marked();
      // A list item's text as it is: marked-terminal's default wraps each in chalk.reset, whose codes chalk doubles inside
      // every enclosing item, so text 8 levels deep carried 256 times its codes (2,000 short paragraphs there: 12 MB of
      // output; a regression tester got 124 MB and 2.5 GB). Without it the same text draws the same, in 84 KB.
      marked.use(markedTerminal({ width, reflowText: false, tab: 2, emoji: false, showSectionPrefix: false, listitem: (text: string) => text }));
      marked.use(markedTerminalCompat);
      marked.use(knownFences(supportsLanguage));
      marked.use(tablesThatFit(width));
      return {
        width,
        render(markdown: string) {
          // Lists nested deeper than can be drawn (kb check refuses them in the knowledge) are shown as written: each level
          // doubled marked-terminal's output, and 24 levels took gigabytes (list-nesting.ts).
          // So is a text too large to be drawn in bounded time: marked's inline reading grows faster than the text on some
          // shapes (runs of `_a`, URLs with open parentheses: 32 KB in one paragraph took 1.5 s, 200 KB 5 s; an attacker
          // helper's contributed topic; runs of emphasis marks, MAX_RENDERED), and a table of thousands of rows takes seconds. The largest topic shown whole,
          // with its original, is about 20 KB, with paragraphs of under 2 KB.
          if (tooLargeToRender(markdown)) return markdown.trimEnd();
          if (deepestListNesting(markdown, (m) => marked.lexer(m)) > MAX_LIST_NESTING) return markdown.trimEnd();
          const out = (marked.parse(markdown, { async: false }) as string).trimEnd();
          return color ? out : stripEscapeSequences(out);
        },
      };
    })();
    cache.set(key, renderer);
  }
  return renderer;
}

/**
 * The most characters a text, and one paragraph of it (lines up to a blank line), may hold to be rendered as Markdown,
 * and the most emphasis marks (MAX_EMPHASIS_MARKS: marked pairs them up in time that grows faster than their number).
 */
export const MAX_RENDERED = { text: 64_000, paragraph: 16_000, emphasisMarks: MAX_EMPHASIS_MARKS } as const;

/** Whether a text is past MAX_RENDERED: in one pass, without building its paragraphs. */
export function tooLargeToRender(markdown: string): boolean {
  if (markdown.length > MAX_RENDERED.text) return true;
  if (countEmphasisMarks(markdown, MAX_RENDERED.emphasisMarks) > MAX_RENDERED.emphasisMarks) return true;
  if (markdown.length <= MAX_RENDERED.paragraph) return false;
  let start = 0;
  for (let i = markdown.indexOf('\n'); ; i = markdown.indexOf('\n', i + 1)) {
    const end = i === -1 ? markdown.length : i;
    // A blank line (spaces only) ends a paragraph: the next one starts after it.
    let blank = true;
    for (let j = end - 1; j >= 0 && markdown[j] !== '\n'; j--) if (markdown[j] !== ' ' && markdown[j] !== '\t' && markdown[j] !== '\r') { blank = false; break; }
    if (blank) start = end + 1;
    else if (end - start > MAX_RENDERED.paragraph) return true;
    if (i === -1) return false;
  }
}
