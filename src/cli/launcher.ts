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

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Compiles and evaluates the bundle as a CommonJS module, with the code cache when it fits. */
function loadBundle(file: string): CliBundle {
  const cacheFile = `${file}.cache`;
  const writeCache = process.env.WCDOCTOR_WRITE_CODE_CACHE === '1';
  const cachedData = writeCache ? undefined : readCache(cacheFile);
  const script = new vm.Script(wrap(readFileSync(file, 'utf8')), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (writeCache) {
    // After the run, so that the functions the run compiled are in the cache too.
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
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
