import { isAscii } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** A file over the size its reader accepts. */
export class FileTooLarge extends Error {
  readonly code = 'EFBIG';
  constructor(
    readonly file: string,
    readonly size: number,
    readonly max: number,
  ) {
    super(`${file} is ${size} bytes, more than the ${max} read here`);
  }
}

/** How much one read takes at most: a progress report per 8 MiB of a large file. */
const CHUNK = 8 * 1024 * 1024;

/**
 * Reads a file that must be a regular one, without ever blocking or reading without end: opened non-blocking (a FIFO
 * at the path opens at once instead of waiting for a writer), then only a regular file is read (a link to one is read
 * as that file; a folder, a FIFO, a device such as /dev/zero is refused with code ENOTREG), and only up to `maxBytes`
 * (FileTooLarge beyond). `onRead` hears the bytes read so far and the size, after each read of at most 8 MiB.
 */
export function readRegularFile(file: string, maxBytes: number, onRead?: (done: number, size: number) => void): Buffer {
  return readInto(file, maxBytes, (size) => Buffer.alloc(size), onRead);
}

/** Where the process keeps its read buffer (readIntoSharedBuffer): on globalThis, so that the launcher and the bundle it loads, each with its own copy of this module, share it. */
const SHARED_BUFFER = Symbol.for('wcdoctor.readBuffer');
/** The smallest shared buffer made: the bundle, its code cache and kb.json each fit (pages never written are never touched). */
const SHARED_MIN = 1024 * 1024;
/** The largest one kept for the next read; a larger file gets a buffer of its own. */
const SHARED_MAX = 4 * 1024 * 1024;

/** The shared buffer, and how much of its start callers keep (readIntoSharedBufferToKeep): reads go after that. */
interface SharedReads {
  buffer: Buffer;
  kept: number;
}

/** Where a read of `size` bytes goes: the shared buffer after what is kept, a new shared buffer, or (a large file) a buffer of its own. */
function sharedSpace(size: number): Buffer {
  const globals = globalThis as Record<symbol, unknown>;
  const held = globals[SHARED_BUFFER] as SharedReads | undefined;
  if (held && held.buffer.length - held.kept >= size) return held.buffer.subarray(held.kept);
  if (size > SHARED_MAX) return Buffer.allocUnsafeSlow(size);
  const made: SharedReads = { buffer: Buffer.allocUnsafeSlow(Math.max(size, SHARED_MIN)), kept: 0 };
  globals[SHARED_BUFFER] = made;
  return made.buffer;
}

/** Keeps `bytes`, just read into the shared buffer: later reads go after them (at an 8-byte boundary). */
function keepShared(bytes: Buffer): void {
  const held = (globalThis as Record<symbol, unknown>)[SHARED_BUFFER] as SharedReads | undefined;
  if (held && bytes.buffer === held.buffer.buffer && bytes.byteOffset === held.buffer.byteOffset + held.kept) held.kept = Math.min(held.buffer.length, held.kept + Math.ceil(bytes.length / 8) * 8);
}

/**
 * Reads a regular file as readRegularFile does, into one buffer the process reuses: the bytes are valid only until the
 * next call, for a caller that keeps only what it makes of them (a string, V8 compiling with a code cache). At start the
 * bundle, its code cache and kb.json are each read whole and then dropped: each into fresh memory costs a page fault
 * per 4 KiB, which this VM charges about 11 µs (about 150 faults at every start).
 */
export function readIntoSharedBuffer(file: string, maxBytes: number): Buffer {
  return readInto(file, maxBytes, sharedSpace);
}

/**
 * Reads a regular file as readIntoSharedBuffer does, for a caller that keeps the bytes: later reads go after them. For
 * files read after the bundle, its code cache and kb.json have touched the buffer's first pages, whose bytes are kept
 * (kb-terms.bin, the signature texts of kb-display.json).
 */
export function readIntoSharedBufferToKeep(file: string, maxBytes: number): Buffer {
  const bytes = readIntoSharedBuffer(file, maxBytes);
  keepShared(bytes);
  return bytes;
}

/**
 * The bytes of a file from `start` to `end`, read into `bytes` (a new buffer unless given, `end - start` long);
 * undefined when the file ends before `end`. Throws as openSync does when the file cannot be opened.
 */
export function readRange(file: string, start: number, end: number, bytes: Buffer = Buffer.allocUnsafe(end - start)): Buffer | undefined {
  const fd = openSync(file, 'r');
  try {
    let got = 0;
    for (let n = 1; got < bytes.length && n > 0; got += n) n = readSync(fd, bytes, got, bytes.length - got, start + got);
    return got === bytes.length ? bytes : undefined;
  } finally {
    closeSync(fd);
  }
}

/** readRange into the shared buffer, the bytes kept there (as readIntoSharedBufferToKeep). */
export function readRangeToKeep(file: string, start: number, end: number): Buffer | undefined {
  const bytes = readRange(file, start, end, sharedSpace(end - start).subarray(0, end - start));
  if (bytes) keepShared(bytes);
  return bytes;
}

/** Bytes as text: a copy when they are ASCII (no UTF-8 decode), else decoded as UTF-8. */
export const textOf = (bytes: Buffer): string => (isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'));

/** A regular file's text (readRegularFile's checks, textOf) read through the shared buffer. */
export function readTextFile(file: string, maxBytes: number): string {
  return textOf(readIntoSharedBuffer(file, maxBytes));
}

function readInto(file: string, maxBytes: number, bufferFor: (size: number) => Buffer, onRead?: (done: number, size: number) => void): Buffer {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREG' });
    if (st.size > maxBytes) throw new FileTooLarge(file, st.size, maxBytes);
    const buf = bufferFor(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, Math.min(CHUNK, st.size - got), got);
      if (n === 0) break;
      got += n;
      onRead?.(got, st.size);
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
