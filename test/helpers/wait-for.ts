import { expect, vi } from 'vitest';
import { stripEscapeSequences } from '../../src/core/text/normalise.js';

/** The last frame without ANSI styles. */
export const plain = (frame: string | undefined): string => stripEscapeSequences(frame ?? '');

const tick = () => new Promise((r) => setTimeout(r, 0));

/**
 * Polls until the last frame contains the text (or matches the pattern), then lets one macrotask
 * pass so that anything just mounted is listening. No fixed sleeps.
 */
export async function waitForFrame(lastFrame: () => string | undefined, expected: string | RegExp, opts: { timeout?: number } = {}): Promise<string> {
  await vi.waitFor(
    () => {
      const f = plain(lastFrame());
      if (typeof expected === 'string') expect(f).toContain(expected);
      else expect(f).toMatch(expected);
    },
    { timeout: opts.timeout ?? 5000, interval: 10 },
  );
  await tick();
  return plain(lastFrame());
}

/** Polls until the last frame no longer contains the text. */
export async function waitForFrameWithout(lastFrame: () => string | undefined, text: string): Promise<string> {
  await vi.waitFor(() => expect(plain(lastFrame())).not.toContain(text), { timeout: 5000, interval: 10 });
  await tick();
  return plain(lastFrame());
}
