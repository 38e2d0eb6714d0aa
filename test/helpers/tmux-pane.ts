import { statSync } from 'node:fs';

/**
 * A shell command that waits (at most 10 s) until `pipe-pane` has begun recording the pane into `<dir>/output`, to go
 * before the program in a pane's script: tmux starts the pane's command at once, and a program that started before the
 * recording was set up had its first sequences (bracketed paste on, `\e[?2004h`) missed (a fresh-clone CI on Node 22.12).
 */
export const afterRecordingStarts = (dir: string): string => `i=0; while [ ! -e '${dir}/output' ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; `;
import { vi } from 'vitest';

/**
 * Watches a tmux pane whose output is recorded (`pipe-pane` into the file `output`), and waits for its screen.
 *
 * Capturing the screen costs a tmux client (a process start, some 15-20 ms of CPU on a loaded machine); looking at the
 * size of the recorded output costs a stat. What the pane shows changes when the program in it writes, so the screen is
 * captured again only when the file grew since the last capture (the tmux server parses what it reads from the pane
 * before it hands it to the pipe, so a capture after the file grew sees at least that output), and at the latest
 * `recapture` ms after the last capture whatever the file says, in case. The size is read before the capture: output
 * that arrives during a capture is captured again on the next poll. The last capture is kept from one wait to the next
 * (a wait right after a key sees the screen the key was sent to until the program answers); call `forget()` after
 * changing the screen without the program writing (a resize of the window).
 */
export function paneWatcher(capture: () => string, output: string) {
  let last = '';
  let seen = -2;
  let at = 0;
  return {
    /** Polls the pane until `check` passes on its screen, and returns the screen it passed on. */
    async where(check: (screen: string) => boolean, what: string, { timeout = 15000, interval = 100, recapture = 1000 }: { timeout?: number; interval?: number; recapture?: number } = {}): Promise<string> {
      await vi.waitFor(
        () => {
          const size = statSync(output, { throwIfNoEntry: false })?.size ?? -1;
          const now = Date.now();
          if (size !== seen || now - at >= recapture) {
            seen = size;
            at = now;
            last = capture();
          }
          if (!check(last)) throw new Error(`waiting for ${what}; the pane shows:\n${last}`);
        },
        { timeout, interval },
      );
      return last;
    },
    /** The next wait captures the screen at once. */
    forget() {
      seen = -2;
    },
  };
}
