import fc from 'fast-check';

/**
 * Strings of any Unicode code points, lone surrogates included: what `fc.string({ unit: 'binary' })` draws, made
 * from integers instead. fast-check's 'binary' unit builds a table of every code point and its reverse once per
 * worker and keeps it for the worker's life: about 95 MB of live heap (and a second of CPU) in each of the test
 * workers, which every later garbage collection there then had to walk.
 */
export const anyCodePoints = (opts: { maxLength?: number } = {}): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 0x10ffff }), opts.maxLength === undefined ? {} : { maxLength: opts.maxLength }).map((cps) => String.fromCodePoint(...cps));

/**
 * Long runs a paste may hold, for tests of a pattern or a reader on adversarial input (each test adds the runs that its
 * own pattern repeats: quotes, separators, its parameter): as [name, text] rows for `it.each`.
 */
export function adversarialRuns(...extra: (readonly [string, string])[]): (readonly [string, string])[] {
  return [['spaces', ' '.repeat(100_000)], ['tabs', '\t'.repeat(100_000)], ['newlines', '\n'.repeat(100_000)], ...extra, ['control characters', '\u0000\u001b[2J\u0085\u2028'.repeat(20_000)]];
}
