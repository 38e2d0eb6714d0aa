import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Where a launcher registers the package root it knows (registerPackageRoot in src/cli/run-bundle.ts), so that no folder is walked at start. */
const PACKAGE_ROOT = Symbol.for('wcdoctor.packageRoot');

/** Where a launcher registers how it reads the package's files itself (registerPackageFiles in src/cli/run-bundle.ts). */
const PACKAGE_FILE = Symbol.for('wcdoctor.packageFile');

/**
 * A file of the package at `root`, by its path there (`dist/kb.json`), as the launcher holds it, when `root` is the
 * package it registered and it registered a reader (the executable: its assets, not the unpacked folder, which its
 * user's other programs can change while it runs); undefined otherwise. Read-only bytes.
 */
export function launcherCopy(root: string, rel: string): Buffer | undefined {
  const globals = globalThis as Record<symbol, unknown>;
  const read = globals[PACKAGE_FILE];
  if (root !== globals[PACKAGE_ROOT] || typeof read !== 'function') return undefined;
  const own = (read as (rel: string) => Uint8Array | undefined)(rel);
  return own === undefined ? undefined : Buffer.from(own.buffer, own.byteOffset, own.byteLength);
}

/** A file of the package at `root`: the launcher's copy (launcherCopy), else the file. Throws as readFileSync does when neither is there. */
export function readPackageFile(root: string, rel: string): Buffer {
  return launcherCopy(root, rel) ?? readFileSync(path.join(root, rel));
}

/** Where a launcher registers how a worker thread imports the package's modules (registerWorkerLoader in src/cli/run-bundle.ts). */
const WORKER_LOADER = Symbol.for('wcdoctor.workerLoader');

/**
 * How a worker thread of the package must start, when the launcher registered it (the executable: from its own
 * copy of the modules): a script to run first (`new Worker(source, { eval: true })`) and what it is given as
 * `workerData.loader`; the script then imports `workerData.entry`.
 */
export function workerLoaderFromLauncher(): { source: string; data: unknown } | undefined {
  const loader = (globalThis as Record<symbol, unknown>)[WORKER_LOADER] as { source?: unknown; data?: unknown } | undefined;
  return loader && typeof loader.source === 'string' ? { source: loader.source, data: loader.data } : undefined;
}

/**
 * Finds the wcdoctor package root (the folder with its package.json): the one the launcher
 * registered, else walking up from dist/ or src/ (or `start`).
 */
export function findPackageRoot(start?: string): string {
  if (cached) return cached;
  const registered = (globalThis as Record<symbol, unknown>)[PACKAGE_ROOT];
  if (start === undefined && typeof registered === 'string') return (cached = registered);
  let dir = start ?? path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'wcdoctor') return (cached = dir);
      } catch {
        // not ours; keep walking up
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('wcdoctor package root not found');
    dir = up;
  }
}
