import { wrapAnsiText } from '../core/text/wrap-ansi.js';
import type { CliIO } from './io.js';

/** The terminal width the CLI lays text out for: `COLUMNS` when set, else the terminal's own, else 80; never under 20. */
export const terminalWidth = (io: Pick<CliIO, 'env' | 'columns'>): number => Math.max(20, Number(io.env.COLUMNS) || io.columns || 80);

/**
 * Markdown rendered for a terminal (headings, emphasis and code blocks styled, no raw markup) and
 * wrapped to the width by display width at word boundaries (Han text between characters), each line
 * prefixed with `indent`. marked-terminal loads on first use.
 */
export async function renderTerminalMarkdown(markdown: string, opts: { width: number; color: boolean; indent?: string }): Promise<string[]> {
  const indent = opts.indent ?? '';
  const width = Math.max(20, opts.width - indent.length);
  const { createMarkdownRenderer } = await import('../ui/markdown/create-markdown-renderer.js');
  const renderer = await createMarkdownRenderer({ width, color: opts.color });
  return wrapAnsiText(renderer.render(markdown), width).map((l) => (l ? indent + l : l));
}

/**
 * The first `maxLines` lines of a Markdown text, with a code block left open at the cut closed, so
 * that an excerpt renders (and reads as plain Markdown) correctly.
 */
export function markdownExcerpt(markdown: string, maxLines: number): { text: string; cut: boolean } {
  const lines = markdown.split('\n');
  if (lines.length <= maxLines) return { text: markdown, cut: false };
  const kept = lines.slice(0, maxLines);
  let fence = '';
  for (const l of kept) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(l);
    if (!m?.[1]) continue;
    if (!fence) fence = m[1];
    else if (m[1][0] === fence[0] && m[1].length >= fence.length) fence = '';
  }
  if (fence) kept.push(fence);
  return { text: kept.join('\n'), cut: true };
}
