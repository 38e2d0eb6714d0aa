import { useEffect, useState } from 'react';
import { createMarkdownRenderer } from '../markdown/create-markdown-renderer.js';
import { wrapAnsiText } from '../../core/text/wrap-ansi.js';

/**
 * Markdown rendered for the terminal and wrapped to the width by display width, as lines;
 * undefined until the renderer (loaded on first use) is ready.
 */
export function useMarkdownLines(markdown: string, width: number, color: boolean): string[] | undefined {
  const [state, setState] = useState<{ key: string; lines: string[] }>();
  const key = `${width}:${color}:${markdown}`;
  useEffect(() => {
    let live = true;
    void createMarkdownRenderer({ width, color }).then((r) => {
      if (live) setState({ key, lines: markdown.trim() ? wrapAnsiText(r.render(markdown), width) : [] });
    });
    return () => {
      live = false;
    };
  }, [key, markdown, width, color]);
  return state?.key === key ? state.lines : undefined;
}
