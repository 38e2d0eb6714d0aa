import { closeSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** How long a lock file may stand before it is taken as a crashed copy's and removed. */
const STALE_MS = 5_000;
/** A lock this old, or dated this far in the future (a clock set back after a crash), is a crashed copy's. */
const isStale = (age: number): boolean => Math.abs(age) > STALE_MS;
/** How long a copy waits for another one's lock before it goes on without it (the step it guards takes milliseconds). */
const WAIT_MS = 2_000;
/** Blocks the thread for `ms` (a synchronous wait: the steps that use it are synchronous). */
export const sleepMs = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs a short synchronous step (read a file, merge, write it) while holding `lockPath`, a file made with O_EXCL, so that
 * two copies of wcdoctor saving at the same moment do not write over each other's change (found by an attacker helper:
 * one copy's setting was lost in 3 of 10 rounds). A lock older than STALE_MS is a crashed copy's and is removed; one
 * still held after WAIT_MS is waited for no longer (the step runs without it, as before locks, and is told so: `held`
 * false; a step that must not run unlocked can leave that part out). Returns what `step` returns; the lock is removed
 * whatever happens.
 */
export function withFileLock<T>(lockPath: string, step: (held: boolean) => T, now: () => number = Date.now): T {
  const started = now();
  let fd: number | undefined;
  // Every way round the loop waits or ends within WAIT_MS: a link or a folder at the lock's path (EEXIST to the
  // exclusive open, ENOENT or no file to a stat) once made it spin at full CPU for as long as it was let run (found by
  // a tester).
  for (let wait = 2, removed = false; fd === undefined; wait = Math.min(wait * 2, 50)) {
    try {
      fd = openSync(lockPath, 'wx', 0o600);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') break;
    }
    let age: number | undefined;
    try {
      const st = lstatSync(lockPath);
      age = st.isFile() ? now() - st.mtimeMs : undefined;
    } catch {
      // gone meanwhile: try again at once, once
      if (!removed) {
        removed = true;
        continue;
      }
    }
    if (age !== undefined && isStale(age) && !removed) {
      removed = true;
      // Renamed aside first, and only what was renamed is removed: two copies that both found the crashed copy's lock
      // cannot remove each other's fresh one (a reviewer).
      const aside = `${lockPath}.${process.pid}.stale`;
      try {
        renameSync(lockPath, aside);
        if (isStale(now() - lstatSync(aside).mtimeMs)) rmSync(aside, { force: true });
        else renameSync(aside, lockPath);
      } catch {
        // another copy moved it first
      }
      continue;
    }
    if (now() - started > WAIT_MS) break;
    sleepMs(wait);
  }
  if (fd === undefined) return step(false);
  try {
    // The pid is only for a person looking at the lock: a full disk that refuses it does not stop the step.
    try {
      writeSync(fd, String(process.pid));
    } catch {
      // nothing written
    } finally {
      closeSync(fd);
    }
    return step(true);
  } finally {
    rmSync(lockPath, { force: true });
  }
}
