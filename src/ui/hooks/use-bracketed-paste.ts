import { useStdout } from 'ink';
import { useEffect } from 'react';

/** Terminal sequences that turn bracketed paste on and off. */
export const BRACKETED_PASTE = { on: '\u001B[?2004h', off: '\u001B[?2004l' } as const;

/**
 * Asks the terminal to mark pastes with ESC[200~ … ESC[201~ while the app is mounted, so a
 * paste arrives whole instead of as keystrokes. Only on a real terminal.
 */
export function useBracketedPaste(): void {
  const { stdout } = useStdout();
  useEffect(() => {
    if (!stdout.isTTY) return;
    stdout.write(BRACKETED_PASTE.on);
    return () => {
      stdout.write(BRACKETED_PASTE.off);
    };
  }, [stdout]);
}
