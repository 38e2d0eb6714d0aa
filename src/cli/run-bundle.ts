/**
 * Runs a CLI bundle (dist/main.js or dist/diagnose.js, CommonJS) through V8's code cache: shared by the npm
 * launcher (dist/cli.js, which reads both from files) and the single executable (dist/sea.js,
 * which reads both from the executable's assets). On Node 22 and 24 compiling the bundle from
 * source is most of what wcdoctor spends before it can diagnose; a cache made by another Node or
 * V8 version, or damaged, is rejected by V8 and the bundle is compiled as usual.
 *
 * Code compiled by vm.Script cannot use import() without an experimental flag, so the bundle
 * loads its ES-module parts (dist/esm/) through the function registered here under
 * Symbol.for('wcdoctor.importEsm'); the build points those imports at it.
 */
import { readdirSync, rmSync } from 'node:fs';
import { createRequire, enableCompileCache, wrap } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { makeDirs } from '../platform/make-dirs.js';
import { writeFileAtomic } from '../platform/write-file-atomic.js';
import { plainDiagnosis } from './diagnose-args.js';
import type { CliIO } from './io.js';

/** What a CLI bundle (dist/main.js, dist/diagnose.js) exports: src/cli/main.ts. */
export interface CliBundle {
  startFromProcess(): void;
  parseWithCommander(argv: string[], io: CliIO): Promise<number | undefined>;
}

/**
 * The bundle a run loads: diagnose.js for a plain diagnosis (see plainDiagnosis), for `--version`
 * alone and for `wcdoctor` alone in a terminal (both of which run() answers without commander, in
 * either bundle: the version, the app), main.js for anything else. `isTerminal` is asked only when
 * the answer depends on it.
 */
export const bundleNameFor = (argv: readonly string[], isTerminal: (fd: number) => boolean): 'diagnose.js' | 'main.js' =>
  (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) || opensAppAlone(argv, isTerminal) || plainDiagnosis(argv, isTerminal(0)) ? 'diagnose.js' : 'main.js';

/** Whether the run is `wcdoctor` alone with a terminal on both sides: the app opens, and nothing else runs. */
export const opensAppAlone = (argv: readonly string[], isTerminal: (fd: number) => boolean): boolean => argv.length === 0 && isTerminal(0) && isTerminal(1);

/**
 * Lets the diagnose bundle hand a run it does not take (commander's) to the full bundle, which
 * `load` loads the first time it is needed. The launchers pick the bundle by the same rule as the
 * CLI's own (bundleNameFor), so this serves only a run whose standard input changes in between.
 */
export function registerMainBundle(load: () => CliBundle): void {
  let loaded: CliBundle | undefined;
  (globalThis as Record<symbol, unknown>)[Symbol.for('wcdoctor.mainBundle')] = () => (loaded ??= load());
}

/**
 * The cache's header names the bundle it was made from (the content hash the build writes on the
 * bundle's first line) and the V8 that made it: V8 itself checks only its own version, flags and the
 * source's length, so a cache from another build of the same length would otherwise be taken, and a
 * cache of another V8 is known for what it is before V8 is asked. The header is padded with spaces to a multiple of
 * 8 bytes, so that V8's data starts 8-byte aligned in the buffer read: V8 copies cached data that does not (a 350 KiB
 * copy, about 90 fresh pages, at every start).
 */
export const cacheHeaderOf = (source: string): Buffer => {
  const text = `wcdoctor-code-cache ${/^\/\/ wcdoctor-build: (\w+)/.exec(source)?.[1] ?? 'unknown'} v8 ${process.versions.v8}`;
  return Buffer.from(`${text.padEnd(Math.ceil((text.length + 1) / 8) * 8 - 1)}\n`);
};

/** The V8 data of a cache, when it was made from this bundle. */
export function cacheDataFor(source: string, cache: Buffer | undefined): Buffer | undefined {
  const header = cacheHeaderOf(source);
  return cache && cache.subarray(0, header.length).equals(header) ? cache.subarray(header.length) : undefined;
}

export interface BundleInput {
  /** Where the bundle lives (or is taken to live): its require() and __dirname resolve from here. */
  file: string;
  source: string;
  /** The cache file's bytes (header included), if any. */
  cache?: Buffer;
  /** Writes a fresh cache here when the process exits (the build's warm-up run). */
  writeCacheTo?: string;
  /**
   * A cache of this user's own, for a Node whose V8 is not the one `cache` was made by (the npm package
   * carries the cache of the Node it was built with): read when `cache` does not fit, and written when the
   * process exits if neither fitted, so that the next start has one. Its errors are only a slower start.
   */
  userCache?: { read(): Buffer | undefined; write(data: Buffer): void };
}

/**
 * How the build wraps a CLI bundle (scripts/build.mjs), on the line after its build name: as
 * node:module's wrap() would, so that the text is compiled as it is read, without a second copy.
 */
export const BUNDLE_WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';

/** The bundle's text as a function expression of the CommonJS wrapper: as the build wrote it, or wrapped here. */
export const wrappedSource = (source: string): string => (source.startsWith(BUNDLE_WRAPPER, source.indexOf('\n') + 1) ? source : wrap(source));

/** Compiles and evaluates the bundle as a CommonJS module, with the code cache when it fits. */
export function loadBundle({ file, source, cache, writeCacheTo, userCache }: BundleInput): CliBundle {
  let cachedData = writeCacheTo ? undefined : cacheDataFor(source, cache);
  let own = false;
  if (!writeCacheTo && !cachedData && userCache) {
    cachedData = cacheDataFor(source, readQuietly(userCache.read));
    own = cachedData !== undefined;
  }
  const script = new vm.Script(wrappedSource(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const fits = cachedData !== undefined && !script.cachedDataRejected;
  if (process.env.WCDOCTOR_DEBUG) process.stderr.write(`wcdoctor: code cache ${!cachedData ? 'not used' : script.cachedDataRejected ? 'rejected by V8' : 'used'} (${path.basename(file)}${own ? ', this user\'s' : ''}); node flags: ${process.execArgv.join(' ') || 'none'}\n`);
  // Written when the package's cache is not this V8's (or missing), or this user's own was refused: not when V8 refused
  // a package cache of its own version (node flags that change V8's, such as --jitless), which would be rewritten every run.
  if (userCache && !writeCacheTo && !fits && (own || cachedData === undefined)) {
    process.once('exit', () => {
      try {
        userCache.write(Buffer.concat([cacheHeaderOf(source), script.createCachedData()]));
      } catch {
        // A folder that cannot be written is only a slower start next time.
      }
    });
  }
  if (writeCacheTo) {
    // After the run, so that the functions the run compiled are in the cache too.
    process.once('exit', () => {
      writeFileAtomic(writeCacheTo, Buffer.concat([cacheHeaderOf(source), script.createCachedData()]));
    });
  }
  const mod = { exports: {} as CliBundle };
  const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  fn(mod.exports, createRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}

function readQuietly(read: () => Buffer | undefined): Buffer | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * Tells the bundles where the package root is (the folder with package.json, dist/ and locales/),
 * which the launcher knows, so that findPackageRoot (src/platform/package-root.ts) walks no folders.
 */
export function registerPackageRoot(root: string): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('wcdoctor.packageRoot')] = root;
}

/**
 * Tells the bundles how to read a file of the package from where the launcher holds it (the executable's assets), as
 * bytes, by its path in the package (`dist/kb.json`, `dist/collect.ps1`), so that launcherCopy and readPackageFile
 * (src/platform/package-root.ts) need not read the unpacked folder, which may change while the
 * program runs. The bytes are the launcher's: read, never written.
 */
export function registerPackageFiles(read: (rel: string) => Uint8Array | undefined): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('wcdoctor.packageFile')] = read;
}

/**
 * Tells the bundles how a worker thread of the package is started so that it, too, imports its ES modules from where the
 * launcher holds them: `source` is a script a worker runs first (eval), given `data` as `workerData.loader`, which then
 * imports `workerData.entry` (see workerLoaderFromLauncher in src/platform/package-root.ts).
 */
export function registerWorkerLoader(loader: { source: string; data: unknown }): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('wcdoctor.workerLoader')] = loader;
}

/**
 * Removes from Node's compile-cache folder (its folders by Node version, and their entries) what Node never writes
 * there: a FIFO, a socket, a device or a link. Node opens each entry it needs and reads it: a FIFO there held every
 * start of the app on a blank screen (found by an attacker helper), as one in the launcher's own cache folder did.
 */
function removeOddEntries(dir: string): void {
  for (const top of readdirSync(dir, { withFileTypes: true })) {
    const at = path.join(dir, top.name);
    if (top.isDirectory()) {
      for (const entry of readdirSync(at, { withFileTypes: true })) if (!entry.isFile() && !entry.isDirectory()) rmSync(path.join(at, entry.name), { force: true });
    } else if (!top.isFile()) rmSync(at, { force: true });
  }
}

/**
 * Lets the bundle import its ES-module parts, as files under `distDir` (dist/esm/…). `compileCacheDir` is where Node
 * keeps their compiled code: this user's own folder, never the shared temporary one (Node's default), since what is
 * there is run (found by a helper: on a host shared by several users, one could plant entries another's app runs).
 * `enable` is node:module's enableCompileCache (a test passes its own).
 */
export function registerEsmImporter(distDir: string, compileCacheDir: () => string | undefined, enable: ((dir: string) => unknown) | undefined = enableCompileCache): void {
  let cacheAsked = false;
  const importEsm = (specifier: string): Promise<unknown> => {
    // The ES-module parts (the app above all) are compiled on every start unless Node keeps their
    // compiled code (off when NODE_DISABLE_COMPILE_CACHE is set, or when there is no folder of this user's to keep
    // it in). The headless commands never get here, and write nothing.
    if (!cacheAsked) {
      cacheAsked = true;
      try {
        const dir = compileCacheDir();
        if (dir && enable) {
          makeDirs(dir, 0o700);
          removeOddEntries(dir);
          enable(dir);
        }
      } catch {
        // A cache that cannot be used is only a slower start.
      }
    }
    return import(pathToFileURL(path.join(distDir, specifier)).href);
  };
  (globalThis as Record<symbol, unknown>)[Symbol.for('wcdoctor.importEsm')] = importEsm;
}
