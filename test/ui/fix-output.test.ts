import { describe, expect, it } from 'vitest';
import { appendOutput, appendOutputs, emptyOutput, MAX_LINE_CHARS } from '../../src/ui/screens/fix/output.js';
import { runnerReducer, type RunnerState } from '../../src/ui/screens/fix/runner-state.js';
import { linesNote } from '../../src/ui/screens/fix/FixRunView.js';
import { tFor } from '../helpers/i18n.js';
import { planFix } from '../../src/core/fixes/plan-fix.js';
import { makeTopic } from '../core/fixes/fix-fixtures.js';

const feed = (chunks: [string, 'stdout' | 'stderr'][], max?: number) => chunks.reduce((b, [c, s]) => appendOutput(b, c, s, max), emptyOutput());

describe('appendOutput', () => {
  it('joins chunks into lines and keeps each stream\'s unfinished line apart', () => {
    const b = feed([
      ['one\ntw', 'stdout'],
      ['warn', 'stderr'],
      ['o\n', 'stdout'],
      ['ing\n', 'stderr'],
    ]);
    expect(b.lines).toEqual(['one', 'two', 'warning']);
    expect(b.open).toEqual({});
  });

  it('keeps blank lines, turns CRLF into lines and lets a carriage return rewrite the line', () => {
    expect(feed([['a\r\n\r\nb\n', 'stdout']]).lines).toEqual(['a', '', 'b']);
    expect(feed([['10%\r', 'stdout'], ['50%\r100%\n', 'stdout']]).lines).toEqual(['100%']);
  });

  it('shows colours and control characters as the CLI does, so that nothing moves the screen or hides that it was sent (the README says so)', () => {
    expect(feed([['\u001B[31mred\u001B[0m\tx\u0007\n', 'stdout']]).lines).toEqual(['␛[31mred␛[0m  x␇']);
    // A sequence cut between two chunks is shown the same.
    expect(feed([['a\u001B]0;pw', 'stdout'], ['ned\u0007b\n', 'stdout']]).lines).toEqual(['a␛]0;pwned␇b']);
  });

  it('cuts a line without end and reads only each new piece of it: 20 MB on one line in 4 KB chunks is quick (found by an attacker helper: quadratic, 8 MB took 9 s)', () => {
    let b = emptyOutput();
    const piece = 'x'.repeat(4096);
    // No timing asserted: a quadratic join of 20 MB would run into the test's time limit, this takes milliseconds.
    for (let i = 0; i < 5000; i++) b = appendOutput(b, piece, 'stdout');
    expect(b.lines).toHaveLength(1);
    expect(b.lines[0]).toBe(`${'x'.repeat(MAX_LINE_CHARS)}…`);
    // A carriage return still rewrites a cut line.
    b = appendOutput(b, '\rdone\n', 'stdout');
    expect(b.lines).toEqual(['done']);
  });

  it('drops the oldest lines beyond the limit and counts them', () => {
    const b = feed([['1\n2\n3\n4', 'stdout'], ['5\n', 'stdout']], 3);
    expect(b.lines).toEqual(['2', '3', '45']);
    expect(b.dropped).toBe(1);
  });
});

describe('appendOutputs', () => {
  it('adds many chunks at once as one after the other would, within the bound (an attacker helper: a copy per chunk)', () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => ({ chunk: i % 7 === 0 ? `part ${i} ` : `line ${i}\n`, stream: (i % 3 === 0 ? 'stderr' : 'stdout') as 'stdout' | 'stderr' }));
    const oneByOne = pieces.reduce((buf, p) => appendOutput(buf, p.chunk, p.stream, 300), emptyOutput());
    const atOnce = appendOutputs(emptyOutput(), pieces, 300);
    expect(atOnce).toEqual(oneByOne);
    expect(atOnce.lines).toHaveLength(300);
    expect(atOnce.dropped + atOnce.lines.length).toBe(oneByOne.dropped + oneByOne.lines.length);
  });
});

describe('runnerReducer', () => {
  const plan = (() => {
    const r = planFix(makeTopic(), 'list-networks', {});
    if (!r.ok) throw new Error('fixture');
    return r.value;
  })();

  it('starts a run only from the question, and only a running fix takes output and cancel', () => {
    const idle: RunnerState = { phase: 'idle' };
    expect(runnerReducer(idle, { type: 'start', startedAt: 1 })).toBe(idle);
    const checking = runnerReducer(idle, { type: 'check', plan });
    expect(runnerReducer(checking, { type: 'start', startedAt: 1 })).toBe(checking);
    const confirm = runnerReducer(checking, { type: 'ask' });
    expect(confirm.phase).toBe('confirm');
    const running = runnerReducer(confirm, { type: 'start', startedAt: 1 });
    expect(running.phase).toBe('running');
    expect(runnerReducer(running, { type: 'reset' })).toBe(running);
    expect(runnerReducer(running, { type: 'check', plan })).toBe(running);
    const out = runnerReducer(running, { type: 'output', pieces: [{ chunk: 'x\n', stream: 'stdout' }, { chunk: 'y', stream: 'stderr' }, { chunk: 'z\n', stream: 'stderr' }] });
    expect(out.phase === 'running' && out.output.lines).toEqual(['x', 'yz']);
    expect(runnerReducer(confirm, { type: 'cancel' })).toBe(confirm);
  });

  it('records a refusal only while checking, and a decline only at the question', () => {
    const checking = runnerReducer({ phase: 'idle' }, { type: 'check', plan });
    expect(runnerReducer(checking, { type: 'decline' })).toBe(checking);
    expect(runnerReducer(checking, { type: 'refuse', refusal: 'cannot-run', reason: 'r' })).toMatchObject({ phase: 'refused', reason: 'r' });
    const confirm = runnerReducer(checking, { type: 'ask' });
    expect(runnerReducer(confirm, { type: 'refuse', refusal: 'cannot-run', reason: 'r' })).toBe(confirm);
    expect(runnerReducer(confirm, { type: 'decline' }).phase).toBe('declined');
  });
});

describe('linesNote', () => {
  it('numbers the lines on screen as the program printed them, and says when the first ones were not kept (a tester read "1–23 of 2000" for the last 2,000 of 100,000)', () => {
    const t = tFor('en');
    expect(linesNote(98_000, 2000, 1977, 23, t)).toBe(` · ${t('fix.run.linesKept', { from: 99_978, to: 100_000, total: 100_000, kept: 2000 })}`);
    expect(linesNote(98_000, 2000, 1977, 23, t)).toContain('only the last 2000 are kept here');
    expect(linesNote(0, 100, 10, 23, t)).toBe(` · ${t('fix.run.lines', { from: 11, to: 33, total: 100 })}`);
    expect(linesNote(0, 10, 0, 23, t)).toBe('');
  });
});
