import fc from 'fast-check';

/**
 * Strings of any Unicode code points, lone surrogates included: what `fc.string({ unit: 'binary' })` draws, made
 * from integers instead. fast-check's 'binary' unit builds a table of every code point and its reverse once per
 * worker and keeps it for the worker's life: about 95 MB of live heap (and a second of CPU) in each of the test
 * workers, which every later garbage collection there then had to walk.
 */
export const anyCodePoints = (opts: { maxLength?: number } = {}): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 0x10ffff }), opts.maxLength === undefined ? {} : { maxLength: opts.maxLength }).map((cps) => String.fromCodePoint(...cps));
