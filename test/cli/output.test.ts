import { describe, expect, it } from 'vitest';
import { createSyncWriter, type OutputTarget } from '../../src/cli/output.js';

/** A fake descriptor: takes at most `chunk` bytes a call, or throws the given code on call `failAt`. */
function fakeTarget(opts: { chunk?: number; failAt?: number; code?: string } = {}) {
  const written: Buffer[] = [];
  const streamed: (string | Uint8Array)[] = [];
  let calls = 0;
  let closed = false;
  const failed: string[] = [];
  const target: OutputTarget = {
    writeSync: (_fd, data) => {
      calls++;
      if (opts.failAt !== undefined && calls >= opts.failAt) throw Object.assign(new Error(opts.code), { code: opts.code });
      const n = Math.min(opts.chunk ?? data.length, data.length);
      written.push(Buffer.from(data.subarray(0, n)));
      return n;
    },
    stream: () => ({ write: (d: string | Uint8Array) => streamed.push(d) }) as unknown as NodeJS.WritableStream,
    onClosed: () => {
      closed = true;
    },
    onFailed: (e) => {
      failed.push(e.code ?? '');
    },
  };
  return { target, written, streamed, isClosed: () => closed, failed };
}

describe('createSyncWriter', () => {
  it('writes everything, in order, even when the descriptor takes a little at a time', () => {
    const f = fakeTarget({ chunk: 3 });
    const write = createSyncWriter(1, f.target);
    write('héllo ');
    write('wörld\n');
    expect(Buffer.concat(f.written).toString('utf8')).toBe('héllo wörld\n');
    expect(f.streamed).toEqual([]);
  });

  it('hands the rest to the stream on EAGAIN, and keeps using it', () => {
    const f = fakeTarget({ chunk: 4, failAt: 2, code: 'EAGAIN' });
    const write = createSyncWriter(1, f.target);
    write('abcdefgh');
    write('ij');
    expect(Buffer.concat(f.written).toString()).toBe('abcd');
    expect(f.streamed.map((d) => Buffer.from(d).toString())).toEqual(['efgh', 'ij']);
  });

  it('ends quietly when the reader has gone away, and hands any other write error to the target (no throw)', () => {
    // ECONNRESET: the reader of a socket closed it with data unread (a child's stdio is a socket pair; seen in CI).
    for (const code of ['EPIPE', 'ECONNRESET']) {
      const gone = fakeTarget({ failAt: 1, code });
      createSyncWriter(1, gone.target)('x');
      expect(gone.isClosed(), code).toBe(true);
      expect(gone.failed).toEqual([]);
    }
    for (const code of ['EIO', 'ENOSPC']) {
      const broken = fakeTarget({ failAt: 1, code });
      expect(() => createSyncWriter(1, broken.target)('x')).not.toThrow();
      expect(broken.failed).toEqual([code]);
      expect(broken.isClosed()).toBe(false);
    }
  });
});

describe('formatTable', () => {
  it('measures each cell as the terminal shows it, so a control character in one keeps the columns in line', async () => {
    const { formatTable } = await import('../../src/cli/print.js');
    const lines = formatTable(['a', 'b'], [['x\u001b[2J', 'end'], ['plain', 'end']]).split('\n');
    expect(lines[2]).toBe('x␛[2J  end');
    expect(lines[2]!.indexOf('end')).toBe(lines[3]!.indexOf('end'));
  });
});
