// The order test files start in. Vitest's own order runs the files that took longest in the last run first (from
// its results cache), else the larger files first; a fresh clone (CI) has no cache, and there the files below,
// small in size but each 10-25 s on its own, started after a hundred others and ended the run alone. They start
// first here, in vitest's order among themselves; every other file follows in vitest's order. The order changes
// when files run, never what they do.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that spend 10-25 s waiting on a child process (pwsh, tmux) or timing patterns. Not test/cli/launcher.test.ts
 * (about 10 s): its `kb stats` child times every knowledge pattern against a budget, and started at the busiest
 * moment of the run on a machine loaded by other work it once found one over budget in all three rounds.
 */
export const LONG_FILES = ['test/pwsh/', 'test/e2e/', 'test/security/regex-safety.test.ts'];

export function isLongFile(root: string, moduleId: string): boolean {
  const rel = moduleId.startsWith(root) ? moduleId.slice(root.length).replace(/^[\\/]+/, '').split('\\').join('/') : moduleId;
  return LONG_FILES.some((p) => rel === p || (p.endsWith('/') && rel.startsWith(p)));
}

export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const long = sorted.filter((f) => isLongFile(root, f.moduleId));
    return [...long, ...sorted.filter((f) => !long.includes(f))];
  }
}
