/**
 * The entry of wcdoctor as a single executable (wcdoctor.exe on Windows, and its Linux twin used to
 * test it): built to dist/sea.js and embedded, with the assets listed in its manifest, by
 * scripts/release.mjs.
 *
 * In memory: the CLI bundles (dist/main.js, and dist/diagnose.js for a plain diagnosis) and their
 * V8 code caches (the part whose compiling costs start-up time).
 * As files, unpacked once per build (src/platform/unpack.ts): what Node or the CLI read by path
 * from the package root — the ES-module chunks (they import one another by path), dist/kb.json,
 * dist/kb-text.json, dist/kb-display.json, dist/kb-terms.bin, locales/*.json and a package.json — so that the executable runs exactly the
 * code paths of the npm package. The knowledge sources (knowledge/) are not embedded: `kb check`
 * and `kb build` work on a folder given with --root.
 */
import { getAsset, getRawAsset } from 'node:sea';
import path from 'node:path';
import { showControls } from '../core/text/terminal-safe.js';
import { unpack, unpackBase } from '../platform/unpack.js';
import { EXIT } from './io.js';
import { bundleNameFor, loadBundle, registerEsmImporter, registerMainBundle, registerPackageFiles, registerPackageRoot, registerWorkerLoader } from './run-bundle.js';
import { isTerminal } from './terminal.js';

/** What the release script writes beside the assets: the folder name and the files to unpack. */
export interface SeaManifest {
  name: string;
  files: string[];
}
export const SEA_MANIFEST_ASSET = 'wcdoctor-manifest.json';

/**
 * Node takes compiled code for the scripts it loads from the folder NODE_COMPILE_CACHE names, checking little more
 * than each script's length (an attacker ran code of their own in place of wcdoctor's through an entry planted
 * there). This entry is compiled with the executable's own code cache, so it is still ours; whatever it loads from
 * disk would not be: a start with that variable runs again without it, as a child whose exit it passes on, with
 * Node's own switch off. Nothing else is loaded before this.
 */
if (process.env.NODE_COMPILE_CACHE !== undefined && process.env.NODE_DISABLE_COMPILE_CACHE === undefined) startAgainWithout();
else start();

/** The executable's own start: unpack the files, then the bundle the command needs. */
function start(): void {
  let dir: string | undefined;
  let manifest: SeaManifest;
  try {
    manifest = JSON.parse(getAsset(SEA_MANIFEST_ASSET, 'utf8')) as SeaManifest;
    dir = unpack(unpackBase(), manifest.name, () => manifest.files.map((p) => ({ path: p, data: new Uint8Array(getRawAsset(p) as ArrayBuffer) })));
  } catch (err) {
    // The message names the folders tried, which come from the environment (XDG_CACHE_HOME, TMPDIR, LOCALAPPDATA,
    // TEMP): their control characters are shown, not sent (found by an attacker helper: an OSC in XDG_CACHE_HOME set
    // the terminal's title and wrote its clipboard).
    process.stderr.write(`wcdoctor: ${showControls(err instanceof Error ? err.message : String(err))}\nwcdoctor: set ${process.platform === 'win32' ? 'LOCALAPPDATA or TEMP' : 'XDG_CACHE_HOME or TMPDIR'} to a folder you can write to, and run it again.\n`);
    process.exit(EXIT.failure);
  }
  const distDir = path.join(dir, 'dist');
  servePackageFromAssets(dir, manifest);
  /** Loads a CLI bundle and its code cache from the executable's assets (see launcher.ts). */
  const load = (name: string) =>
    loadBundle({
      file: path.join(distDir, name),
      source: getAsset(`dist/${name}`, 'utf8'),
      cache: Buffer.from(getRawAsset(`dist/${name}.cache`) as ArrayBuffer),
    });
  // The ES-module parts' compiled code beside the unpacked build: a folder of this user's alone (unpack checks it); not on
  // Windows, where an unelevated program could change what an elevated start runs (see privateCacheFolder).
  registerEsmImporter(distDir, () => (process.platform === 'win32' ? undefined : path.join(dir, 'compile-cache')));
  registerPackageRoot(dir);
  registerMainBundle(() => load('main.js'));
  load(bundleNameFor(process.argv.slice(2), isTerminal)).startFromProcess();
}

/**
 * What the program reads of its package is read from the executable itself, not from the unpacked folder: the ES
 * modules this thread and the check's worker thread import (resolve and load hooks, `module.registerHooks`, in each),
 * the data files (readPackageFile in src/platform/package-root.ts) and the host collector `check` gives PowerShell on
 * its input. The folder is checked at the start, but it is the user's to write while the program runs (on Windows an
 * elevated start shares it with the user's unelevated programs): a regression tester swapped `marked-terminal.mjs`
 * after the check and before its import, and another replaced dist/esm by a link. The folder's files must still be
 * there (Node asks for the worker's file, and a start checks the folder is whole), but nothing in them is used.
 */
function servePackageFromAssets(root: string, manifest: SeaManifest): void {
  const files = new Set(manifest.files);
  // The raw asset, not a copy: the readers only read it (readPackageFile in src/platform/package-root.ts).
  registerPackageFiles((rel) => (files.has(rel) ? new Uint8Array(getRawAsset(rel)) : undefined));
  const { registerHooks } = process.getBuiltinModule('node:module') as typeof import('node:module') & { registerHooks?: (hooks: object) => unknown };
  const { pathToFileURL } = process.getBuiltinModule('node:url');
  if (typeof registerHooks !== 'function') return;
  const prefix = `${pathToFileURL(root).href}/`;
  const modules = manifest.files.filter((f) => f.endsWith('.mjs'));
  serveModulesFromAssets(registerHooks, getAsset, prefix, modules);
  // A worker thread has a module loader of its own, which this thread's hook does not reach (the check's worker, found
  // still reading dist/esm/ from the folder): it runs the same function first, then imports its entry.
  registerWorkerLoader({
    source: [
      "const { workerData } = require('node:worker_threads');",
      `(${serveModulesFromAssets.toString()})(require('node:module').registerHooks, require('node:sea').getAsset, workerData.loader.prefix, workerData.loader.modules);`,
      'import(workerData.entry);',
    ].join('\n'),
    data: { prefix, modules },
  });
}

/**
 * Serves the ES modules `modules` (paths in the package, `dist/esm/run.mjs`) of the folder at the file URL `prefix` from
 * the executable's assets. They are resolved here too, without Node's resolution, which follows links: a module or a
 * folder of the unpacked copy replaced by a link (a junction needs no privilege on Windows) resolved to a file outside
 * the folder, which was then read from there. Self-contained: a worker thread runs its source (Function.prototype.toString).
 */
function serveModulesFromAssets(
  registerHooks: (hooks: object) => unknown,
  asset: (key: string, encoding: string) => string,
  prefix: string,
  modules: string[],
): void {
  const served = new Set(modules);
  const isServed = (url: string) => url.startsWith(prefix) && served.has(decodeURIComponent(url.slice(prefix.length)));
  registerHooks({
    resolve(specifier: string, context: { parentURL?: string }, nextResolve: (specifier: string, context: unknown) => unknown) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      const url = specifier.startsWith('file:') ? new URL(specifier).href : relative && context.parentURL?.startsWith(prefix) ? new URL(specifier, context.parentURL).href : undefined;
      if (url !== undefined && isServed(url)) return { url, format: 'module', shortCircuit: true };
      return nextResolve(specifier, context);
    },
    load(url: string, context: unknown, nextLoad: (url: string, context: unknown) => unknown) {
      if (isServed(url)) return { format: 'module', source: asset(decodeURIComponent(url.slice(prefix.length)), 'utf8'), shortCircuit: true };
      return nextLoad(url, context);
    },
  });
}

/**
 * Runs this executable again without NODE_COMPILE_CACHE, its input and output the child's, and ends as the child does:
 * with its exit code, or 128 + the signal that ended it (found by a tester: `kill PID` was swallowed and the work went
 * on). The child runs with Node's compile cache off, its own per-user one for the app's ES modules too: such a start
 * compiles them each time (slower, and only where the variable is set).
 */
function startAgainWithout(): void {
  const { spawn } = process.getBuiltinModule('node:child_process');
  const { constants } = process.getBuiltinModule('node:os');
  const { NODE_COMPILE_CACHE: _ignored, ...rest } = process.env;
  const child = spawn(process.execPath, process.argv.slice(2), { stdio: 'inherit', env: { ...rest, NODE_DISABLE_COMPILE_CACHE: '1' }, windowsHide: false });
  // On Windows the console sends Ctrl+C, Ctrl+Break and its closing to both processes, and a signal cannot be passed
  // on (kill would end the child at once, or throw for SIGHUP: a reviewer): this process only waits for the child.
  // Elsewhere a signal sent to this process alone (kill PID, timeout) is passed on; Ctrl+C in a terminal reaches the
  // child itself too, and a second one only asks the same cancel again.
  const win = process.platform === 'win32';
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const)
    process.on(signal, () => {
      if (win || signal === 'SIGBREAK') return;
      try {
        child.kill(signal);
      } catch {
        // the child has gone
      }
    });
  child.on('error', (e) => {
    process.stderr.write(`wcdoctor: could not start again without NODE_COMPILE_CACHE: ${showControls(e.message)}\n`);
    process.exit(EXIT.failure);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : EXIT.failure)));
}
