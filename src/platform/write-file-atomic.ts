import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeDirs } from './make-dirs.js';

/**
 * Writes a file whole or not at all: its folder made (makeDirs, with `dirMode`), the data written to a temporary file
 * beside it (`<file>.<pid>.<random>.tmp`, with `mode`), then renamed into place, so a reader never sees half a file. The
 * temporary file is created new (`wx`: an existing name, a symbolic link among them, is never opened): a link planted at
 * a predictable temporary name in a folder `kb build --root` writes to overwrote the file it pointed at (an attacker
 * helper). A name met again is replaced by another, a few times. On any failure the temporary file is removed and the
 * error thrown as the file system gave it (see fileErrorReason).
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, opts: { mode?: number; dirMode?: number } = {}): void {
  makeDirs(path.dirname(file), opts.dirMode);
  let tmp = '';
  try {
    for (let attempt = 0; ; attempt++) {
      tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
      try {
        writeFileSync(tmp, data, { flag: 'wx', ...(opts.mode === undefined ? {} : { mode: opts.mode }) });
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        // Not ours: left as it is.
        tmp = '';
        if (attempt >= 4) throw e;
      }
    }
    // On Windows a rename that would replace a file another process is reading fails: that copy stays.
    renameSync(tmp, file);
  } catch (e) {
    try {
      if (tmp) rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
    throw e;
  }
}

/** A file system error that writing or opening a file can meet, in plain words (its message for any other). */
export function fileErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ELOOP' ? 'it is a symbolic link, not a regular file'
    : code === 'EISDIR' ? 'it is a directory, not a regular file'
    : code === 'ENXIO' ? 'it is a FIFO (named pipe) or device, not a regular file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EROFS' ? 'the file system is read-only'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'ENOTDIR' || code === 'EEXIST' ? 'part of its path is a file, not a folder'
    : e instanceof Error ? e.message : String(e);
}
