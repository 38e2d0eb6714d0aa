import { afterEach, describe, expect, it, vi } from 'vitest';
import { noticeSlowStdin, STDIN_WAIT_NOTICE_MS } from '../../src/cli/stdin-limit.js';

afterEach(() => vi.useRealTimers());

describe('noticeSlowStdin (an attacker helper: `sleep 30 | wcdoctor check --from -` waited silently)', () => {
  it('says once that it waits when standard input is still open after a while, and passes the text on', async () => {
    vi.useFakeTimers();
    const said: string[] = [];
    let end!: (text: string) => void;
    const reading = noticeSlowStdin(new Promise<string>((r) => (end = r)), (l) => said.push(l));
    vi.advanceTimersByTime(STDIN_WAIT_NOTICE_MS - 1);
    expect(said).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(said).toEqual(['wcdoctor: waiting for standard input to end (it is read whole; Ctrl+C stops)\n']);
    vi.advanceTimersByTime(10 * STDIN_WAIT_NOTICE_MS);
    expect(said).toHaveLength(1);
    end('0x800705B4');
    await expect(reading).resolves.toBe('0x800705B4');
  });

  it('says nothing when the input ends in time, or fails', async () => {
    vi.useFakeTimers();
    const said: string[] = [];
    await expect(noticeSlowStdin(Promise.resolve('x'), (l) => said.push(l))).resolves.toBe('x');
    const failed = noticeSlowStdin(Promise.reject(new Error('EBADF')), (l) => said.push(l));
    await expect(failed).rejects.toThrow('EBADF');
    vi.advanceTimersByTime(5 * STDIN_WAIT_NOTICE_MS);
    expect(said).toEqual([]);
  });
});
