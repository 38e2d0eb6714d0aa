import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedDurations, isLongFile, longestFirst, LONG_FILES } from './sequencer.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the test sequencer (long files first)', () => {
  it.each([
    ['test/pwsh/copy-lines.test.ts', true],
    ['test/pwsh/collector-pester.test.ts', true],
    ['test/e2e/app.e2e.test.ts', true],
    ['test/security/regex-safety.test.ts', true],
    ['test/cli/launcher.test.ts', false],
    ['test/security/regex-safety.test.tsx', false],
    ['test/cli/launcher.test.ts.bak', false],
    ['test/pwshx/a.test.ts', false],
    ['test/core/errors.test.ts', false],
  ])('%s → %s', (rel, long) => {
    expect(isLongFile(ROOT, path.join(ROOT, rel))).toBe(long);
  });

  it('names only files and folders that exist (a renamed file must be renamed here too)', () => {
    for (const p of LONG_FILES) expect(existsSync(path.join(ROOT, p)), p).toBe(true);
  });

  it('puts the long files first, then the others by their committed duration, new files last in vitest\'s order', () => {
    const f = (rel: string) => ({ moduleId: path.join(ROOT, rel) });
    const files = [f('test/core/a.test.ts'), f('test/new/x.test.ts'), f('test/core/b.test.ts'), f('test/pwsh/p.test.ts'), f('test/new/y.test.ts')];
    const durations = new Map([['test/core/a.test.ts', 100], ['test/core/b.test.ts', 900]]);
    expect(longestFirst(files, ROOT, durations).map((x) => path.relative(ROOT, x.moduleId).split(path.sep).join('/'))).toEqual([
      'test/pwsh/p.test.ts',
      'test/core/b.test.ts',
      'test/core/a.test.ts',
      'test/new/x.test.ts',
      'test/new/y.test.ts',
    ]);
  });

  it('has committed durations for most test files (refresh them with npm run test:durations)', () => {
    const durations = committedDurations();
    expect(durations.size).toBeGreaterThan(100);
    const known = [...durations.keys()].filter((rel) => existsSync(path.join(ROOT, rel)));
    expect(known.length / durations.size).toBeGreaterThan(0.8);
  });
});
