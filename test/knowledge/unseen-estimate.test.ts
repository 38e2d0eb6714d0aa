// The estimates of unseen performance that `npm run eval` prints (scripts/lib/unseen-estimate.mjs): which texts
// each leaves out. Until the twenty-fourth session the cases carried no thread, every training paste counted as
// one thread, and the 'thread' estimate silently measured something else; these cases fail on that.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the evaluation scripts, without types
import { unseenEstimate, unseenEstimatesUnderBands } from '../../scripts/lib/unseen-estimate.mjs';
import { buildOfTag, resolveName } from '../../src/core/compat/versions.js';
import { diagnosisIndexOf } from '../../src/core/diagnosis/diagnose.js';
import { readFeatures } from '../../src/core/diagnosis/features.js';
import { scoreTopics } from '../../src/core/diagnosis/rank.js';
import { judgeMatches } from '../../src/core/diagnosis/verdict.js';
import { WEIGHTS } from '../../src/core/diagnosis/weights.js';
import { realKb } from '../helpers/real-kb.js';

type Case = { set: string; split: string; id: string; thread?: string; text: string; expected: string[] };
type Verdict = { case: Case; matches: { id: string; score: number; confidence: string }[] };

const engine = { kb: realKb(), WEIGHTS, diagnosisIndexOf, readFeatures, scoreTopics, buildOfTag, resolveName, judgeMatches };
const estimate = (cases: Case[], mode?: string): Verdict[] => unseenEstimate(engine, cases, mode) as Verdict[];

// A message of one topic that the topic's phrase (not only its words) matches.
const TOPIC = 'linux-image-on-windows-engine';
const TEXT = 'Error response from daemon: cannot load linux image on windows';
const train = (id: string, thread: string, text = TEXT): Case => ({ set: 'real', split: 'train', id, thread, text, expected: [TOPIC] });
const ours = (id: string, text = TEXT): Case => ({ set: 'ours', split: 'all', id, text, expected: [TOPIC] });
const scoreOf = (v: Verdict | undefined) => v?.matches.find((m) => m.id === TOPIC)?.score ?? 0;

describe('the unseen estimates', () => {
  it('the engine itself finds the topic by its phrase (what the estimates take away)', () => {
    const full = estimate([train('a1', 'https://example.test/a'), train('b1', 'https://example.test/b')]);
    expect(full[0]?.matches[0]?.id).toBe(TOPIC);
  });

  it("'thread' keeps a text that pastes of two threads match, and leaves out one that only the paste's own thread matches", () => {
    const two = estimate([train('a1', 'https://example.test/a'), train('b1', 'https://example.test/b')], 'thread');
    const alone = estimate([train('a1', 'https://example.test/a'), train('b1', 'https://example.test/b', 'an unrelated line')], 'thread');
    expect(scoreOf(alone[0])).toBeLessThan(scoreOf(two[0]));
    // Two pastes of one thread are still one thread.
    const sameThread = estimate([train('a1', 'https://example.test/a'), train('a2', 'https://example.test/a')], 'thread');
    expect(scoreOf(sameThread[0])).toBe(scoreOf(alone[0]));
  });

  it("'ours' leaves out a text however many training threads match it, unless our pastes match it too", () => {
    const threads = [train('a1', 'https://example.test/a'), train('b1', 'https://example.test/b'), train('c1', 'https://example.test/c')];
    const kept = estimate([...threads, ours('o1')], 'ours');
    const dropped = estimate(threads, 'ours');
    expect(scoreOf(dropped[0])).toBeLessThan(scoreOf(kept[0]));
    expect(scoreOf(kept[0])).toBe(scoreOf(estimate(threads, 'thread')[0]));
  });

  it('judges the same pastes again under other confidence bands, scores unchanged (what npm run calibrate chooses them on)', () => {
    const cases = [train('a1', 'https://example.test/a'), train('b1', 'https://example.test/b')];
    const [own, strict, loose] = unseenEstimatesUnderBands(engine, cases, ['thread'], [{}, { high: 1000, medium: 1000 }, { high: 0, highMargin: 1.01, medium: 0 }]) as Record<string, Verdict[]>[];
    expect(own!.thread).toEqual(estimate(cases, 'thread'));
    const top = (r: Record<string, Verdict[]>) => r.thread![0]!.matches[0]!;
    expect(top(strict!).confidence).toBe('low');
    expect(top(strict!).score).toBe(top(own!).score);
    expect(top(loose!).confidence).not.toBe('low');
  });

  it('refuses training cases without a thread and an unknown mode', () => {
    expect(() => estimate([{ ...train('a1', 'x'), thread: undefined }])).toThrow(/name no thread/);
    expect(() => estimate([train('a1', 'x')], 'words')).toThrow(/unknown mode/);
  });
});
