// The order test files start in: longest first, so that no long file starts late and ends the run alone. Vitest
// orders by the durations of the last run on this machine (its results cache), else by file size; a fresh clone
// (CI) has no cache, and there the suite took 74 s instead of 56 s on this 2-core machine. So the durations are
// also kept in the repository (test/setup/durations.json, refreshed with `npm run test:durations` after a run),
// and the files below, small but each 10-25 s on its own, start first whatever either says. The order changes
// when files run, never what they do.
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that spend 10-25 s waiting on a child process (pwsh, tmux) or timing patterns. Not test/cli/launcher.test.ts
 * (about 10 s): its `kb stats` child times every knowledge pattern against a budget, and started at the busiest
 * moment of the run on a machine loaded by other work it once found one over budget in all three rounds.
 */
export const LONG_FILES = ['test/pwsh/', 'test/e2e/', 'test/security/regex-safety.test.ts'];

/** A test file's path from the root, with forward slashes. */
const relativeTo = (root: string, moduleId: string): string =>
  (moduleId.startsWith(root) ? moduleId.slice(root.length) : moduleId).replace(/^[\\/]+/, '').split('\\').join('/');

export function isLongFile(root: string, moduleId: string): boolean {
  const rel = relativeTo(root, moduleId);
  return LONG_FILES.some((p) => rel === p || (p.endsWith('/') && rel.startsWith(p)));
}

/** The duration (ms) of each test file in a run on the development machine, by its path from the root. */
export function committedDurations(file = new URL('./durations.json', import.meta.url)): Map<string, number> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>));
  } catch {
    return new Map();
  }
}

/** `files` (in vitest's order) with the long files first, then the others by their committed duration, longest first. */
export function longestFirst<T extends { moduleId: string }>(files: T[], root: string, durations: Map<string, number>): T[] {
  const rank = (f: T) => (isLongFile(root, f.moduleId) ? Number.MAX_SAFE_INTEGER : (durations.get(relativeTo(root, f.moduleId)) ?? -1));
  // Stable: files of equal rank (new files without a duration) keep vitest's order.
  return files.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => b.r - a.r || a.i - b.i).map((x) => x.f);
}

export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return longestFirst(await super.sort(files), this.ctx.config.root, committedDurations());
  }
}
