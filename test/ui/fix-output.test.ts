import { describe, expect, it } from 'vitest';
import { appendOutput, emptyOutput } from '../../src/ui/screens/fix/output.js';
import { runnerReducer, type RunnerState } from '../../src/ui/screens/fix/runner-state.js';
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

  it('strips colours and control characters that would move the cursor', () => {
    expect(feed([['\u001B[31mred\u001B[0m\tx\u0007\n', 'stdout']]).lines).toEqual(['red  x']);
  });

  it('drops the oldest lines beyond the limit and counts them', () => {
    const b = feed([['1\n2\n3\n4', 'stdout'], ['5\n', 'stdout']], 3);
    expect(b.lines).toEqual(['2', '3', '45']);
    expect(b.dropped).toBe(1);
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
    const out = runnerReducer(running, { type: 'output', chunk: 'x\n', stream: 'stdout' });
    expect(out.phase === 'running' && out.output.lines).toEqual(['x']);
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
