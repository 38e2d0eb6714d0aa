// The process's shared read buffer (src/platform/read-regular-file.ts): the launcher reads the bundle and its code cache
// through it, the knowledge loader kb.json and kb-terms.bin, so that each read reuses the pages the one before touched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readIntoSharedBuffer, readIntoSharedBufferToKeep, readRangeToKeep, readTextFile } from '../../src/platform/read-regular-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wcd-shared-read-'));
/** The process's shared buffer, kept on globalThis (read-regular-file.ts). */
const SHARED_BUFFER = Symbol.for('wcdoctor.readBuffer');
const globals = globalThis as Record<symbol, unknown>;
// Each test starts with no shared buffer, as a process does: the test files of a worker share globalThis, and a buffer
// that another file's reads left larger than 1 MiB made room where a test expected none (seen once in a whole run).
beforeEach(() => {
  delete globals[SHARED_BUFFER];
});
afterAll(() => {
  delete globals[SHARED_BUFFER];
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string, data: string | Buffer) => {
  const f = path.join(dir, name);
  writeFileSync(f, data);
  return f;
};

describe('readIntoSharedBuffer', () => {
  it('reads each file into the same memory, exactly its bytes', () => {
    const a = readIntoSharedBuffer(file('a.bin', Buffer.alloc(300_000, 1)), 1 << 20);
    expect(a.length).toBe(300_000);
    expect(a.every((b) => b === 1)).toBe(true);
    const b = readIntoSharedBuffer(file('b.bin', Buffer.alloc(10, 2)), 1 << 20);
    expect([...b]).toEqual(Array(10).fill(2));
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(a.byteOffset);
  });

  it('refuses what readRegularFile refuses: a folder, a file over the size, a missing file', () => {
    expect(() => readIntoSharedBuffer(dir, 1 << 20)).toThrow(/is not a regular file/);
    expect(() => readIntoSharedBuffer(file('big.bin', Buffer.alloc(100)), 99)).toThrow(expect.objectContaining({ code: 'EFBIG' }));
    expect(() => readIntoSharedBuffer(path.join(dir, 'nothere'), 1 << 20)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('gives a file larger than the buffer it keeps a buffer of its own', () => {
    const kept = readIntoSharedBuffer(file('small.bin', 'x'), 1 << 30);
    const large = readIntoSharedBuffer(file('large.bin', Buffer.alloc(5 * 1024 * 1024, 3)), 1 << 30);
    expect(large.length).toBe(5 * 1024 * 1024);
    expect(large.buffer).not.toBe(kept.buffer);
    expect(readIntoSharedBuffer(file('small2.bin', 'y'), 1 << 30).buffer).toBe(kept.buffer);
  });
});

describe('readIntoSharedBufferToKeep and readRangeToKeep', () => {
  it('keep their bytes: later reads go after them, into memory earlier reads touched', () => {
    const touched = readIntoSharedBuffer(file('first.bin', Buffer.alloc(200_000, 9)), 1 << 20);
    const kept = readIntoSharedBufferToKeep(file('terms.bin', Buffer.alloc(1001, 5)), 1 << 20);
    expect(kept.buffer).toBe(touched.buffer);
    const range = readRangeToKeep(file('display.json', Buffer.from('0123456789abcdef')), 4, 12);
    expect(range?.toString()).toBe('456789ab');
    expect(range!.buffer).toBe(kept.buffer);
    expect(range!.byteOffset).toBeGreaterThanOrEqual(kept.byteOffset + kept.length);
    expect(range!.byteOffset % 8).toBe(0);
    const next = readIntoSharedBuffer(file('next.bin', Buffer.alloc(1000, 6)), 1 << 20);
    expect(next.byteOffset).toBeGreaterThanOrEqual(range!.byteOffset + range!.length);
    expect(kept.every((b) => b === 5)).toBe(true);
    expect(range?.toString()).toBe('456789ab');
    expect(next.every((b) => b === 6)).toBe(true);
  });

  it('reads no range past the end of the file, and throws when the file cannot be opened', () => {
    expect(readRangeToKeep(file('short.json', '0123'), 2, 10)).toBeUndefined();
    expect(() => readRangeToKeep(path.join(dir, 'nothere.json'), 0, 1)).toThrow(expect.objectContaining({ code: 'ENOENT', syscall: 'open' }));
  });

  it('start a new buffer when what is kept leaves too little room', () => {
    const kept = readIntoSharedBufferToKeep(file('most.bin', Buffer.alloc(900_000, 1)), 1 << 20);
    const next = readIntoSharedBuffer(file('after.bin', Buffer.alloc(300_000, 2)), 1 << 20);
    expect(next.buffer).not.toBe(kept.buffer);
    expect(kept.every((b) => b === 1)).toBe(true);
  });
});

describe('readTextFile', () => {
  it('reads ASCII as it is and anything else as UTF-8, a copy the next read does not change', () => {
    const ascii = readTextFile(file('ascii.json', '{"a":"b"}'), 1 << 20);
    expect(ascii).toBe('{"a":"b"}');
    const utf8 = readTextFile(file('utf8.json', '{"a":"\u00e9\u4e2d\ud83d\ude00"}'), 1 << 20);
    expect(utf8).toBe('{"a":"\u00e9\u4e2d\ud83d\ude00"}');
    readIntoSharedBuffer(file('other.bin', Buffer.alloc(64, 0)), 1 << 20);
    expect(ascii).toBe('{"a":"b"}');
    expect(utf8).toBe('{"a":"\u00e9\u4e2d\ud83d\ude00"}');
  });
});
