/**
 * The `wcdoctor` executable of the npm package (built to dist/cli.js, CommonJS). It loads a CLI
 * bundle through V8's code cache when the build left one beside it (dist/<bundle>.cache): the
 * diagnose bundle (dist/diagnose.js) for a plain `wcdoctor diagnose`, the full one (dist/main.js)
 * for anything else; see run-bundle.ts. That cache fits only the V8 of the Node the package was
 * built with; on any other Node the bundle is compiled, and its cache is kept for this user in
 * `<user cache>/code-cache/<bundle>.cache` (see userCacheDir) for the next start. Nothing else is
 * written at run time: NODE_DISABLE_COMPILE_CACHE (Node's own switch for its compile cache) turns that
 * off too, and WCDOCTOR_WRITE_CODE_CACHE=1 makes the build's warm-up runs write dist/<bundle>.cache.
 */
import path from 'node:path';
import { readIntoSharedBuffer, readTextFile } from '../platform/read-regular-file.js';
import { privateCacheFolder } from '../platform/user-cache-dir.js';
import { writeFileAtomic } from '../platform/write-file-atomic.js';
import { bundleNameFor, loadBundle, registerEsmImporter, registerMainBundle, registerPackageRoot } from './run-bundle.js';
import { isTerminal } from './terminal.js';

/** The largest code cache read (the bundles' are under 1 MiB; V8's for a bundle is about its size). */
const MAX_CODE_CACHE = 16 * 1024 * 1024;
/** The largest bundle read (they are under 1 MiB). */
const MAX_BUNDLE = 64 * 1024 * 1024;

/**
 * A code cache, when there is a regular file of a sane size at the path: a FIFO, a device (a link to /dev/zero) or a
 * folder there is no cache, never a wait or a read without end (found by a helper: a FIFO in the user's cache folder
 * hung every start on another Node; /dev/zero grew to 2 GB). Its bytes are the process's shared read buffer
 * (readIntoSharedBuffer), valid until the next file read through it: loadBundle uses them at once, to compile.
 */
function readOptional(file: string): Buffer | undefined {
  try {
    return readIntoSharedBuffer(file, MAX_CODE_CACHE);
  } catch {
    return undefined;
  }
}

/** This user's code cache of a bundle, for a Node the package's own caches do not fit (see loadBundle). */
function userCodeCache(name: string) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  // Only from a folder no other user can change, and never on Windows (privateCacheFolder): what is there is run (found
  // by an attacker helper: a cache planted in a user's folder ran as root, with that user's HOME).
  const file = (create: boolean) => {
    const dir = privateCacheFolder('code-cache', { create });
    return dir ? path.join(dir, `${name}.cache`) : undefined;
  };
  return {
    read: () => {
      const f = file(false);
      return f ? readOptional(f) : undefined;
    },
    write: (data: Buffer) => {
      const f = file(true);
      if (!f) return;
      // Windows refuses to replace a file another copy is reading: that copy's cache stays, this one goes.
      writeFileAtomic(f, data, { mode: 0o600, dirMode: 0o700 });
    },
  };
}

const writeCache = process.env.WCDOCTOR_WRITE_CODE_CACHE === '1';
/** Loads dist/<name> with its code cache (or, for the build's warm-up run, to write one). */
const load = (name: string, write: boolean) => {
  const file = path.join(__dirname, name);
  const userCache = userCodeCache(name);
  return loadBundle({
    file,
    // Through the shared buffer too (the bundle is ASCII: its text is a copy of its bytes), before its cache is read into it.
    source: readTextFile(file, MAX_BUNDLE),
    ...(write ? { writeCacheTo: `${file}.cache` } : { cache: readOptional(`${file}.cache`), ...(userCache ? { userCache } : {}) }),
  });
};
registerEsmImporter(__dirname, () => privateCacheFolder('compile-cache', { create: true }));
registerPackageRoot(path.dirname(__dirname));
registerMainBundle(() => load('main.js', false));
load(bundleNameFor(process.argv.slice(2), isTerminal), writeCache).startFromProcess();
