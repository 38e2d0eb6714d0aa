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
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREG' });
    if (st.size > maxBytes) throw new FileTooLarge(file, st.size, maxBytes);
    const buf = Buffer.alloc(st.size);
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
