import { useStdout } from 'ink';
import { useEffect } from 'react';

/** Cursor home, then erase the screen (the scrollback is the user's and stays). */
export const CLEAR_SCREEN = '\u001B[H\u001B[2J';

/**
 * Clears the screen and redraws the app whole on every resize. The terminal reflows what is on the
 * screen when its size changes (a narrower window wraps the old frame onto more rows), and Ink, which
 * erases as many rows as it wrote, then leaves parts of old frames above the new one; it clears only
 * when the width shrinks. Ink's `write` (useStdout) erases its frame, writes our text and draws the
 * last frame again from scratch, so the clear and the redraw come as one. Only on a real terminal.
 */
export function useRedrawOnResize(): void {
  const { stdout, write } = useStdout();
  useEffect(() => {
    if (!stdout.isTTY) return;
    const redraw = () => write(CLEAR_SCREEN);
    stdout.on('resize', redraw);
    return () => {
      stdout.off('resize', redraw);
    };
  }, [stdout, write]);
}
