import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPrivateFolder, userCacheDir } from './user-cache-dir.js';
import { sleepMs } from './file-lock.js';
import { makeDirs } from './make-dirs.js';

/**
 * First-run unpacking for the single executable: the parts that Node must read as files (the
 * ES-module chunks, which import one another by path; the knowledge base and the locale catalogs,
 * read from the package root by the same code as in the npm package) are written once to a folder
 * named after the version and the content, then reused by every later start.
 *
 * Several copies may start at once: each writes into its own temporary folder and renames it into
 * place, which is atomic; the first rename wins and the others drop their copy. The marker file is
 * written last, so a folder is never taken half-written. Folders of other builds are removed.
 */

/** A file to unpack: its path relative to the folder (with /), and its bytes. */
export interface PackedFile {
  path: string;
  data: Uint8Array;
}

export const UNPACK_MARKER = '.wcdoctor-complete';
/** The folder names this code writes: `<version>-<content hash>`, and their temporary twins. */
const BUILD_DIR = /^\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[\w.]{1,40})?-[0-9a-f]{12,64}$/;
const TEMP_DIR = /^(\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[\w.]{1,40})?-[0-9a-f]{12,64})\.\d{1,10}\.[0-9a-z]{1,16}\.tmp$/;
/** A temporary folder older than this is a crashed run's and may go. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Where unpacked builds live: `app` in this user's cache folder (userCacheDir: `%LOCALAPPDATA%\wcdoctor\app`
 * on Windows, `%TEMP%\wcdoctor\app` without it; `$XDG_CACHE_HOME/wcdoctor/app` or `~/.cache/wcdoctor/app`
 * elsewhere), then the temporary folder's when that one cannot be written.
 */
export function unpackBase(env: Record<string, string | undefined> = process.env, platform: string = process.platform, home: () => string = () => os.homedir()): string[] {
  const join = platform === 'win32' ? path.win32.join : path.join;
  // Elsewhere than Windows the temporary folder is shared by every user: a folder of this user's own in it (see unpack).
  // On Windows only the user's own %TEMP%: without it the temporary folder is the machine's (C:\Windows\Temp), where
  // another user could change the files between the check and their import (a reviewer).
  const tmp = platform === 'win32' ? (env.TEMP ? join(env.TEMP, 'wcdoctor', 'app') : undefined) : path.join(os.tmpdir(), `wcdoctor-${uid()}`, 'app');
  const own = userCacheDir(env, platform, home);
  const first = own ? join(own, 'app') : undefined;
  return [...new Set([first, tmp].filter((d): d is string => d !== undefined))];
}

/** This user's id where the system has one (0 where it has none: Windows). */
const uid = (): number => (typeof process.getuid === 'function' ? process.getuid() : 0);

/**
 * Makes `base` (0700) and checks that no other user can change what is in it (checkPrivateFolder). Not on Windows,
 * where a folder's owner cannot be told here: there the copy is checked byte for byte instead (unpack).
 */
export function ensurePrivate(base: string, platform: string = process.platform): void {
  if (platform === 'win32' || typeof process.getuid !== 'function') return;
  makeDirs(base, 0o700);
  checkPrivateFolder(base);
}

/** Codes with which Windows refuses a rename for a moment (an anti-virus scan holding a new file). */
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_TRIES = 10;

/** How unpackInto renames its finished temporary folder and waits between tries (replaced in tests). */
export interface UnpackIO {
  rename: (from: string, to: string) => void;
  sleep: (ms: number) => void;
}

const REAL_IO: UnpackIO = { rename: renameSync, sleep: sleepMs };

/**
 * Whether a build's folder holds every file its marker lists, each of the size written: a file deleted or cut short
 * later (a cleanup tool in %TEMP%) makes the folder incomplete, and it is written again, instead of every command
 * failing on it from then on (found by a helper). A marker that lists no files (an older build's) is incomplete too.
 * One read and a stat per file (about twenty): a fraction of a millisecond at each start.
 */
function isComplete(target: string, expected?: () => PackedFile[]): boolean {
  try {
    const lines = readFileSync(path.join(target, UNPACK_MARKER), 'utf8').split('\n').slice(1).filter(Boolean);
    if (!lines.length) return false;
    for (const line of lines) {
      const space = line.indexOf(' ');
      if (statSync(path.join(target, ...line.slice(space + 1).split('/'))).size !== Number(line.slice(0, space))) return false;
    }
    // Byte for byte, where asked: every file this build would write, and no other.
    if (expected) {
      const want = expected();
      if (want.length !== lines.length) return false;
      for (const f of want) if (!Buffer.from(f.data).equals(readFileSync(path.join(target, ...f.path.split('/'))))) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the files into `<base>/<name>` unless a complete copy is there; returns the folder. `io` is fs.renameSync and
 * a sleep, replaceable in tests. `verify`: take an existing folder only when its files are byte for byte the ones this build would write. For the
 * temporary folder (unpack's last base), which other users of the machine can write (`C:\Windows\Temp` when TEMP is
 * unset, `/tmp`): files planted there with the right sizes would otherwise be imported and run as whoever starts the
 * exe (found by an attacker helper). The user's own cache folder is checked by size only (a fraction of a millisecond).
 */
export function unpackInto(base: string, name: string, files: () => PackedFile[], io: UnpackIO = REAL_IO, verify = false): string {
  const { rename, sleep } = io;
  if (!BUILD_DIR.test(name)) throw new Error(`unpack: "${name}" is not a build folder name`);
  const target = path.join(base, name);
  let packed: PackedFile[] | undefined;
  const expected = verify ? () => (packed ??= files()) : undefined;
  if (isComplete(target, expected)) return target;
  makeDirs(base);
  const temp = path.join(base, `${name}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    const written: string[] = [];
    for (const f of expected ? expected() : files()) {
      const out = path.join(temp, ...f.path.split('/'));
      if (path.relative(temp, out).startsWith('..')) throw new Error(`unpack: "${f.path}" leaves the folder`);
      makeDirs(path.dirname(out));
      writeFileSync(out, f.data);
      written.push(`${f.data.length} ${f.path}`);
    }
    // The marker lists each file with its size, so that a start can tell the folder is still whole (isComplete).
    writeFileSync(path.join(temp, UNPACK_MARKER), `${name}\n${written.join('\n')}\n`);
    for (let attempt = 1; ; attempt++) {
      try {
        rename(temp, target);
        break;
      } catch (err) {
        // Another copy got there first (EEXIST/ENOTEMPTY; EPERM on Windows): take its folder.
        if (isComplete(target, expected)) return target;
        // An incomplete folder in the way (someone deleted files from it): replace it.
        if (existsSync(target)) rmSync(target, { recursive: true, force: true });
        else if (!TRANSIENT.has((err as NodeJS.ErrnoException).code ?? '') || attempt >= RENAME_TRIES) throw err;
        else sleep(50 * attempt);
        if (attempt >= RENAME_TRIES) throw err;
      }
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  removeOtherBuilds(base, name);
  return target;
}

/** Removes the folders of other builds, and temporary folders left by crashed runs (best effort). */
export function removeOtherBuilds(base: string, keep: string, now = Date.now()): void {
  let entries: string[];
  try {
    entries = readdirSync(base);
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(base, entry);
    try {
      if (BUILD_DIR.test(entry) && entry !== keep) rmSync(full, { recursive: true, force: true });
      else if (TEMP_DIR.test(entry) && now - statSync(full).mtimeMs > STALE_TEMP_MS) rmSync(full, { recursive: true, force: true });
    } catch {
      // in use or not ours to remove: leave it
    }
  }
}

/**
 * Unpacks into the first base folder that can be written; throws with every reason when none can. A folder planted in
 * the temporary one that cannot be replaced (another user's) is a reason too: nothing from it is run.
 */
export function unpack(bases: string[], name: string, files: () => PackedFile[]): string {
  if (!bases.length) throw new Error("could not unpack wcdoctor's files: no folder of this user's to unpack them into (LOCALAPPDATA and TEMP are not set)");
  const reasons: string[] = [];
  for (const [i, base] of bases.entries()) {
    try {
      // Every base must be this user's alone (ensurePrivate; found by an attacker helper: root run with another user's
      // HOME took that user's unpacked build). The last base is the temporary folder's (unpackBase), which others may
      // write, and on Windows no folder's owner can be told (an unelevated program may change what an elevated start
      // runs: found by the same helper, a same-size edit of a module was taken): there the copy is checked byte for byte.
      ensurePrivate(base);
      return unpackInto(base, name, files, REAL_IO, i === bases.length - 1 || process.platform === 'win32');
    } catch (err) {
      reasons.push(`${base}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new Error(`could not unpack wcdoctor's files (${reasons.join('; ')})`);
}
