/**
 * The `wcdoctor` executable (built to dist/cli.js, CommonJS). It loads the CLI bundle
 * (dist/main.js) through V8's code cache when the build left one beside it (dist/main.js.cache):
 * on Node 20 there is no built-in compile cache, and compiling the bundle from source is most of
 * what wcdoctor spends before it can diagnose. A cache made by another Node or V8 version, or
 * damaged, is rejected by V8 and the bundle is compiled as usual; nothing is written at run time
 * unless WCDOCTOR_WRITE_CODE_CACHE=1 (the build sets it for one warm-up run).
 *
 * Code compiled by vm.Script cannot use import() without an experimental flag, so the bundle
 * loads its ES-module parts (dist/esm/) through the function registered here under
 * Symbol.for('wcdoctor.importEsm'); the build points those imports at it.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

interface CliBundle {
  startFromProcess(): void;
}

/**
 * The cache's header names the bundle it was made from (the content hash the build writes on the
 * bundle's first line): V8 itself checks only its own version, flags and the source's length, so a
 * cache from another build of the same length would otherwise be taken.
 */
const headerOf = (source: string): Buffer => Buffer.from(`wcdoctor-code-cache ${/^\/\/ wcdoctor-build: (\w+)/.exec(source)?.[1] ?? 'unknown'}\n`);

/** The V8 data of the cache file, when there is one and it was made from this bundle. */
function readCache(file: string, header: Buffer): Buffer | undefined {
  try {
    const data = readFileSync(file);
    return data.subarray(0, header.length).equals(header) ? data.subarray(header.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Compiles and evaluates the bundle as a CommonJS module, with the code cache when it fits. */
function loadBundle(file: string): CliBundle {
  const cacheFile = `${file}.cache`;
  const writeCache = process.env.WCDOCTOR_WRITE_CODE_CACHE === '1';
  const source = readFileSync(file, 'utf8');
  const header = headerOf(source);
  const cachedData = writeCache ? undefined : readCache(cacheFile, header);
  const script = new vm.Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (process.env.WCDOCTOR_DEBUG) process.stderr.write(`wcdoctor: code cache ${!cachedData ? 'not used' : script.cachedDataRejected ? 'rejected by V8' : 'used'}\n`);
  if (writeCache) {
    // After the run, so that the functions the run compiled are in the cache too.
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
      renameSync(tmp, cacheFile);
    });
  }
  const mod = { exports: {} as CliBundle };
  const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  fn(mod.exports, createRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}

const importEsm = (specifier: string): Promise<unknown> => import(pathToFileURL(path.join(__dirname, specifier)).href);
(globalThis as Record<symbol, unknown>)[Symbol.for('wcdoctor.importEsm')] = importEsm;
loadBundle(path.join(__dirname, 'main.js')).startFromProcess();
