import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { patternVerdicts, rememberPatternVerdicts } from '../core/text/regex-safety.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { readRegularFile } from './read-regular-file.js';

// `kb build`, `kb check` and `kb stats` time every pattern of the knowledge against adversarial input (about 6 s of
// the 6.5 s a build takes). A contributor who edits one topic and runs them again would wait the same again for
// hundreds of patterns that did not change. The patterns found safe are kept here between runs, in the user's cache
// folder: a pattern is timed again when it changes, when the checker changes (src/core/text/regex-safety.ts, hashed)
// or on another Node version (another regular-expression engine). A pattern over its budget is never kept: a finding
// may come from a moment the machine was busy, and is timed again each run.

/** The folder under the user's cache folder (userCacheDir) where the verdicts are kept. */
export const VERDICT_FOLDER = 'pattern-verdicts';
/** The largest verdict file read: a few thousand patterns are a few hundred KiB. */
const MAX_VERDICT_FILE = 32 * 1024 * 1024;
/** How many files of other checkers or Node versions are left beside the current one. */
const KEEP_OTHERS = 3;

/** A hash of src/core/text/regex-safety.ts, the checker with its budgets and no imports, set by scripts/build.mjs. */
declare const __WCD_REGEX_CHECKER__: string | undefined;

/**
 * What the kept verdicts are valid for: the checker's code (a hash of src/core/text/regex-safety.ts, which imports
 * nothing: its budgets and attacks are all there) and the Node version (its regular-expression engine). A bundle of
 * dist/ has the hash from the build; run from src/ (tsx, vitest) the file is hashed here. Undefined when neither
 * can be had: nothing is then kept.
 */
export function checkerFingerprint(): string | undefined {
  const checker = typeof __WCD_REGEX_CHECKER__ === 'string' ? __WCD_REGEX_CHECKER__ : hashOfCheckerSource();
  return checker ? `${checker}-node${process.versions.node}` : undefined;
}

/** The hash scripts/build.mjs gives the bundles, of the checker's source beside this file in src/. */
export function hashOfCheckerSource(file: string | URL = new URL('../core/text/regex-safety.ts', import.meta.url)): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 32);
  } catch {
    return undefined;
  }
}

/**
 * The file of the verdicts for a fingerprint (checkerFingerprint) under a user's cache folder (userCacheDir);
 * undefined without either.
 */
export function verdictCacheFile(fingerprint: string | undefined, cacheDir: string | undefined): string | undefined {
  return fingerprint && cacheDir ? path.join(cacheDir, VERDICT_FOLDER, `${fingerprint}.json`) : undefined;
}

/**
 * Takes the safe verdicts kept in `file` (rememberPatternVerdicts); returns how many. A missing, unreadable or
 * malformed file is no error: the patterns are then timed.
 */
export function loadPatternVerdicts(file: string | undefined): number {
  if (!file) return 0;
  let data: unknown;
  try {
    // A regular file only, of a sane size: a FIFO or a device there is no cache, not a wait (found by a helper).
    data = JSON.parse(readRegularFile(file, MAX_VERDICT_FILE).toString('utf8'));
  } catch {
    return 0;
  }
  if (!Array.isArray(data)) return 0;
  const keys = data.filter((k): k is string => typeof k === 'string' && k.length > 0 && k.length < 100_000);
  rememberPatternVerdicts(keys.map((k) => [k, null]));
  return keys.length;
}

/**
 * Writes the safe verdicts reached in this process to `file` (writeFileAtomic), and removes the oldest
 * files of other fingerprints beyond KEEP_OTHERS. Returns how many were written; a folder that cannot be written
 * is no error (0).
 */
export function savePatternVerdicts(file: string | undefined): number {
  if (!file) return 0;
  const safe = patternVerdicts()
    .filter(([, finding]) => finding === null)
    .map(([key]) => key)
    .sort();
  if (!safe.length) return 0;
  try {
    writeFileAtomic(file, `${JSON.stringify(safe)}\n`, { mode: 0o600, dirMode: 0o700 });
  } catch {
    return 0;
  }
  pruneOthers(path.dirname(file), path.basename(file));
  return safe.length;
}

/** Removes the files of other fingerprints (and leftover temporary files) beyond the KEEP_OTHERS most recently written. */
function pruneOthers(dir: string, current: string): void {
  try {
    const others = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== current && (e.name.endsWith('.json') || e.name.endsWith('.tmp')))
      .map((e) => path.join(dir, e.name));
    const byAge = others.map((f) => ({ f, t: mtimeOf(f) })).sort((a, b) => b.t - a.t);
    for (const { f } of byAge.slice(KEEP_OTHERS)) rmSync(f, { force: true });
  } catch {
    // a folder that cannot be listed keeps its files
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
