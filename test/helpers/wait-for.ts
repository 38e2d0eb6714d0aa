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

/**
 * Polls until the last frame has stayed the same for `quietMs` (what a resize or a key set off has been drawn,
 * however slow the machine), then returns it. A fixed sleep passed on an idle machine and failed on a loaded one.
 */
export async function waitForSettledFrame(lastFrame: () => string | undefined, opts: { quietMs?: number; timeout?: number } = {}): Promise<string> {
  const quietMs = opts.quietMs ?? 250;
  const deadline = Date.now() + (opts.timeout ?? 10000);
  let last = plain(lastFrame());
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    const now = plain(lastFrame());
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return now;
    if (Date.now() > deadline) throw new Error(`the frame did not settle within ${opts.timeout ?? 10000} ms`);
  }
}
