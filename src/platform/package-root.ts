import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Finds the wcdoctor package root (the folder with its package.json), from dist/ or src/. */
export function findPackageRoot(start = path.dirname(fileURLToPath(import.meta.url))): string {
  if (cached) return cached;
  let dir = start;
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
