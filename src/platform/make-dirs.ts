import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes a folder and whichever of its parents are missing, one `mkdir` each, parents first, and throws as
 * `mkdirSync` does when one cannot be made (`ENOTDIR` when a file is in the way). `fs.mkdirSync(dir, { recursive:
 * true })` never returns on a file system that answers ENOENT for a new folder whose parent exists: with
 * `XDG_CACHE_HOME=/proc/x` (or a data folder under /proc) it retried the same two calls at full CPU for as long as it
 * was let run (Node 22 and 24). Here that answer is an error like any other, which each caller already handles.
 */
export function makeDirs(dir: string, mode?: number): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; ) {
    let isDir: boolean;
    try {
      isDir = statSync(d).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(d);
      const up = path.dirname(d);
      if (up === d) throw e;
      d = up;
      continue;
    }
    if (!isDir) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${missing.at(-1) ?? d}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: missing.at(-1) ?? d });
    break;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]!, mode === undefined ? undefined : { mode });
    } catch (e) {
      // Another process made it in the meantime.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(missing[i]!).isDirectory()) throw e;
    }
  }
}
