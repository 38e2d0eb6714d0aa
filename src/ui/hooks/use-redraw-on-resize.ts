import { useStdout } from 'ink';
import { useEffect, useRef } from 'react';
import { useTerminalSize } from './use-terminal-size.js';

/** Cursor home, then erase the screen (the scrollback is the user's and stays). */
export const CLEAR_SCREEN = '\u001B[H\u001B[2J';

/**
 * Clears the screen and draws the app whole after every resize. The terminal reflows what is on the
 * screen when its size changes (a narrower window wraps the old frame onto more rows), and Ink, which
 * erases as many rows as it wrote, leaves parts of old frames above the new one (it clears only when the
 * width shrinks, and even then draws once at the old layout first). So once the frame for the new size
 * is committed, Ink's own `write` (useStdout) erases, writes our clear, and draws that frame again from
 * the top of a clean screen, as after the process was continued from a stop. Only on a real terminal.
 */
export function useRedrawOnResize(): void {
  const { stdout, write } = useStdout();
  const { columns, rows } = useTerminalSize();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (stdout.isTTY) write(CLEAR_SCREEN);
  }, [columns, rows, stdout, write]);
  // … and after the process was stopped and continued (SIGCONT; src/ui/run.ts restores the terminal's modes): the
  // shell drew its prompt and the user's commands over the frame meanwhile.
  useEffect(() => {
    if (!stdout.isTTY || process.platform === 'win32') return;
    const redraw = () => write(CLEAR_SCREEN);
    process.on('SIGCONT', redraw);
    return () => {
      process.off('SIGCONT', redraw);
    };
  }, [stdout, write]);
}
