// Which CLI bundle the launchers load for a command line (src/cli/run-bundle.ts): the diagnose bundle
// for what it answers without commander, the full one for everything else.
import { describe, expect, it } from 'vitest';
import { BUNDLE_WRAPPER, bundleNameFor, cacheDataFor, cacheHeaderOf, wrappedSource } from '../../src/cli/run-bundle.js';
import { answeredByRun } from '../../src/cli/main.js';

const terminals = (...fds: number[]) => {
  const asked: number[] = [];
  return { isTerminal: (fd: number) => (asked.push(fd), fds.includes(fd)), asked };
};

describe('bundleNameFor', () => {
  it.each([
    ['a plain diagnosis', ['diagnose', '--json', '0x800705B4'], [], 'diagnose.js'],
    ['a diagnosis from a pipe', ['diagnose'], [1], 'diagnose.js'],
    ['diagnose alone in a terminal (the diagnose screen, through commander)', ['diagnose'], [0, 1], 'main.js'],
    ['--version', ['--version'], [], 'diagnose.js'],
    ['wcdoctor alone in a terminal (the app)', [], [0, 1], 'diagnose.js'],
    ['wcdoctor alone, output to a pipe (the help)', [], [0], 'main.js'],
    ['wcdoctor alone, input from a pipe (diagnosed, through commander)', [], [1], 'main.js'],
    ['--lang before the app (commander reads it)', ['--lang', 'sv-SE'], [0, 1], 'main.js'],
    ['another command', ['docs'], [0, 1], 'main.js'],
  ] as const)('%s → %s', (_name, argv, ttys, bundle) => {
    expect(bundleNameFor(argv, terminals(...ttys).isTerminal)).toBe(bundle);
  });

  it('asks whether a stream is a terminal only when the answer depends on it', () => {
    const t = terminals();
    bundleNameFor(['diagnose', '--json', 'text'], t.isTerminal);
    bundleNameFor(['--version'], t.isTerminal);
    expect(t.asked).toEqual([0]);
  });
});

describe('wrappedSource', () => {
  it('leaves a bundle the build wrapped as it is, and wraps any other CommonJS text as node:module does', async () => {
    const { wrap } = await import('node:module');
    const { readFileSync } = await import('node:fs');
    const built = `// wcdoctor-build: 0123\n${BUNDLE_WRAPPER}module.exports = 1;\n});`;
    expect(wrappedSource(built)).toBe(built);
    const plain = '// wcdoctor-build: 0123\nmodule.exports = 1;';
    expect(wrappedSource(plain)).toBe(wrap(plain));
    // The build writes the same wrapper (scripts/build.mjs keeps its own copy of the text).
    expect(readFileSync(new URL('../../scripts/build.mjs', import.meta.url), 'utf8')).toContain(`const BUNDLE_WRAPPER = '${BUNDLE_WRAPPER}';`);
  });
});

describe('answeredByRun', () => {
  it.each([
    ['a plain diagnosis', ['diagnose', '--json', '0x800705B4'], false, true],
    ['a plain diagnosis of standard input', ['diagnose', '-'], false, true],
    ['diagnose alone, input from a pipe', ['diagnose'], false, true],
    ['--version', ['--version'], true, true],
    ['-V', ['-V'], false, true],
    ['diagnose alone in a terminal (the diagnose screen, through commander)', ['diagnose'], true, false],
    ['wcdoctor alone (the app, or the help)', [], true, false],
    ['another command', ['explain', '0x800705B4'], false, false],
    ['a diagnosis read by commander', ['diagnose', '--json', '--', 'text'], false, false],
  ] as const)('%s → %s', (_name, argv, stdinIsTerminal, expected) => {
    expect(answeredByRun(argv, stdinIsTerminal)).toBe(expected);
  });
});

describe('cacheHeaderOf', () => {
  it('names the build and this V8, padded so that the V8 data after it starts 8-byte aligned (V8 copies data that does not)', () => {
    for (const id of ['0123', 'a'.repeat(32), 'unknown-build-name-of-odd-length']) {
      const header = cacheHeaderOf(`// wcdoctor-build: ${id}\n${BUNDLE_WRAPPER}});`);
      expect(header.length % 8).toBe(0);
      expect(header.toString()).toMatch(new RegExp(`^wcdoctor-code-cache ${id.replace(/-.*/, '')} v8 ${process.versions.v8.replace(/\./g, '\\.')} *\n$`));
    }
  });

  it('keeps a cache apart from another build and from another V8', () => {
    const data = Buffer.from('V8 data');
    const source = `// wcdoctor-build: 0123\n${BUNDLE_WRAPPER}});`;
    const cache = Buffer.concat([cacheHeaderOf(source), data]);
    const got = cacheDataFor(source, cache);
    expect(got?.equals(data)).toBe(true);
    expect(got!.byteOffset % 8).toBe(cache.byteOffset % 8);
    expect(cacheDataFor(`// wcdoctor-build: 4567\n${BUNDLE_WRAPPER}});`, cache)).toBeUndefined();
    expect(cacheDataFor(source, Buffer.concat([Buffer.from(cacheHeaderOf(source).toString().replace(/ v8 \S+/, ' v8 1.2.3.4')), data]))).toBeUndefined();
  });
});
