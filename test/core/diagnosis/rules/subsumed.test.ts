import { describe, expect, it } from 'vitest';
import { endsInside, leadsUpTo, overlapAtEnd } from '../../../../src/core/diagnosis/rules/subsumed.js';
import { WEIGHTS } from '../../../../src/core/diagnosis/weights.js';
import { scoredFor, verdictOf } from './helpers.js';

describe('leadsUpTo: a longer match read as the same failure with what comes before', () => {
  const whole = 'latest: pulling from library/nginx no matching manifest for windows';
  it.each([
    // [texts of the other topic, expected]
    [['no matching manifest for windows'], true], // ends with it
    [['no matching manifest for windows/amd64 10.0.17763'], true], // runs on past the match's end
    [['pulling from library/nginx', 'no matching manifest for windows'], true], // one inside, one at the end
    [['pulling from library/nginx'], false], // passed on the way: the match does not end in it
    [['library/nginx no matching manifest for windows/amd64', 'something else entirely'], false], // one text elsewhere
    [[whole], false], // the same text: nothing read before it
    [['windows/amd64 10.0.17763'], false], // overlaps the end by less than a phrase ("windows")
  ])('%j → %s', (texts, expected) => {
    expect(leadsUpTo(whole, texts)).toBe(expected);
  });

  it('endsInside needs a real overlap, or the whole text', () => {
    expect(endsInside('abc failed', 'failed')).toBe(true);
    expect(endsInside('the operation failed to start', 'start the engine')).toBe(false);
    expect(endsInside('x: the system cannot find the path', 'the system cannot find the path specified')).toBe(true);
  });
});

describe('overlapAtEnd on repetitive text (a paste is only read)', () => {
  it('finds the longest beginning of a text that a match ends with, on runs of one character, spaces and separators', () => {
    const n = 200_000;
    expect(overlapAtEnd('a'.repeat(n), `${'a'.repeat(n - 1)}b`)).toBe(n - 1);
    expect(overlapAtEnd(' '.repeat(n), `${' '.repeat(n)}x`)).toBe(n);
    expect(overlapAtEnd('\t\n'.repeat(n), `\n${'\t\n'.repeat(n)}`)).toBe(2 * n - 1);
    expect(overlapAtEnd(`${'ab'.repeat(n)}a`, 'ab'.repeat(n))).toBe(2 * n - 1);
    expect(overlapAtEnd('::'.repeat(n), `${'::'.repeat(n)}\u0000`)).toBe(2 * n);
    expect(endsInside('x'.repeat(n), `${'x'.repeat(11)}y`)).toBe(false); // 11 characters: less than a phrase
    expect(leadsUpTo(`${' '.repeat(n)}failed`, [' '.repeat(n - 10), 'failed'])).toBe(true);
  });

  it('is the overlap the definition gives, on random short texts', () => {
    const letters = 'ab ';
    const random = (len: number) => Array.from({ length: len }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
    for (let i = 0; i < 500; i++) {
      const whole = random(1 + (i % 17));
      const t = random(1 + ((i * 7) % 13));
      let expected = 0;
      for (let k = Math.min(whole.length, t.length); k > 0; k--) if (whole.endsWith(t.slice(0, k))) { expected = k; break; }
      expect(overlapAtEnd(whole, t), JSON.stringify([whole, t])).toBe(expected);
    }
  });
});

describe('the subsumed rule on the knowledge', () => {
  it('ranks the longer reading exactly the margin above the topic whose evidence it holds', () => {
    const paste = 'docker pull nginx\nUsing default tag: latest\nlatest: Pulling from library/nginx\nno matching manifest for windows/amd64 10.0.17763 in the manifest list entries';
    const scored = scoredFor(paste);
    const linux = scored.get('linux-image-on-windows-engine')!;
    const tag = scored.get('choose-image-tag')!;
    expect(linux.evidence.some((e) => e.rule === 'subsumed')).toBe(true);
    expect(linux.score - tag.score).toBeCloseTo(WEIGHTS.subsumed.margin, 5);
    expect(verdictOf(paste)[0]).toMatch(/^linux-image-on-windows-engine /);
  });

  it('does not lift a loose pattern that only passes the other topic on its way', () => {
    // The image named is a Windows one: the Linux-image pattern does not match at all, and the tag topic stays first.
    const paste = 'ltsc2025: Pulling from windows/servercore\nno matching manifest for windows/amd64 10.0.17763 in the manifest list entries';
    expect(scoredFor(paste).get('linux-image-on-windows-engine')?.evidence.some((e) => e.rule === 'subsumed') ?? false).toBe(false);
    expect(verdictOf(paste)[0]).toMatch(/^choose-image-tag /);
  });

  it("does not lift a topic whose bug the paste's version rules out (Compose before 2.35.1 and after)", () => {
    const run = (version: string) =>
      `PS C:\\app> docker compose version\nDocker Compose version v${version}\nPS C:\\app> docker compose up -d\nError response from daemon: hcs::CreateComputeSystem 20c9b6d58dbc: The request is not supported.`;
    expect(verdictOf(run('2.29.3'))[0]).toMatch(/^compose-windows-volume-request-not-supported /);
    const fixed = scoredFor(run('2.36.0')).get('compose-windows-volume-request-not-supported')!;
    expect(fixed.evidence.some((e) => e.rule === 'version' && e.kind === 'against')).toBe(true);
    expect(fixed.evidence.some((e) => e.rule === 'subsumed')).toBe(false);
    expect(verdictOf(run('2.36.0'))[0]).toMatch(/^desktop-windows-containers-switch /);
  });
});
