import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLongFile, LONG_FILES } from './sequencer.js';

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
});
