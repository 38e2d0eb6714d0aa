import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { CollectorScript } from '../core/check/collect.js';
import { FileTooLarge, readRegularFile } from './read-regular-file.js';
import path from 'node:path';
import { findPackageRoot, launcherCopy } from './package-root.js';

/** Where the collector is: copied to dist/ by the build, beside its source in a checkout. */
const CANDIDATES = ['dist/collect.ps1', 'src/platform/collector/collect.ps1'];

/**
 * The host collector of `wcdoctor check` (a read-only PowerShell script), as text. Throws when the package has
 * neither the built copy nor the source.
 */
export function readCollectorScript(root: string = findPackageRoot()): string {
  // The executable's own copy, when it runs as one (sea-launcher.ts): its unpacked folder may have changed since the start.
  const own = launcherCopy(root, CANDIDATES[0]!);
  if (own !== undefined) return own.toString('utf8');
  for (const rel of CANDIDATES) {
    const file = path.join(root, rel);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`the collector script is missing (looked for ${CANDIDATES.join(' and ')} in ${root}); run: npm run build`);
}

/** The collector as PowerShell is given it, with the SHA-256 of its UTF-8 bytes (what the audit log records). */
export function readCollector(root?: string): CollectorScript {
  const text = readCollectorScript(root);
  return { text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

export { MAX_FACTS_FILE_BYTES } from '../core/check/read-input.js';
import { MAX_FACTS_FILE_BYTES } from '../core/check/read-input.js';

/**
 * Reads a --from file as bytes; refuses what is not a regular file or is larger than MAX_FACTS_FILE_BYTES. Never more
 * than its size said when opened (readRegularFile): a file that says 0 bytes and gives without end (/proc/self/pagemap)
 * was read to 4 GB and hung the CLI and the app (an attacker helper). `onRead` hears the bytes read so far and the size.
 */
export function readFactsFile(file: string, onRead?: (done: number, size: number) => void): Uint8Array {
  try {
    return readRegularFile(file, MAX_FACTS_FILE_BYTES, onRead);
  } catch (err) {
    // With a code, so that the app says why in its own language.
    if (err instanceof FileTooLarge) throw Object.assign(new Error(`${file} is ${Math.ceil(err.size / 1048576)} MiB, more than the ${MAX_FACTS_FILE_BYTES / 1048576} MiB wcdoctor reads`), { code: 'EFBIG' });
    if ((err as NodeJS.ErrnoException).code === 'ENOTREG') throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREG' });
    throw err;
  }
}
