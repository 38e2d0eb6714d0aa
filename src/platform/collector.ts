import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findPackageRoot } from './package-root.js';

/** Where the collector is: copied to dist/ by the build, beside its source in a checkout. */
const CANDIDATES = ['dist/collect.ps1', 'src/platform/collector/collect.ps1'];

/**
 * The host collector of `wcdoctor check` (a read-only PowerShell script), as text. Throws when the package has
 * neither the built copy nor the source.
 */
export function readCollectorScript(root: string = findPackageRoot()): string {
  for (const rel of CANDIDATES) {
    const file = path.join(root, rel);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`the collector script is missing (looked for ${CANDIDATES.join(' and ')} in ${root}); run: npm run build`);
}
