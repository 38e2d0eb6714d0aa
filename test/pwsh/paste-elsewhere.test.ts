// The command wcdoctor hands over for a host where it cannot run a PowerShell fix (printed, and copied with --copy)
// behaves as wcdoctor's own run of it: it stops at its first error (found by a helper: without that, a mistyped folder
// for Push-Location went on to run `compact /s` and `cipher /s` in the console's own folder), and the setting that makes
// it stop ends with it (found by a reviewer: pasted bare, it stayed set in the user's console).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandToPaste } from '../../src/core/fixes/plan-fix.js';
import { PWSH, SKIP_NOTE } from './pwsh.js';

const run = (script: string) => spawnSync(PWSH!, ['-NoProfile', '-NonInteractive', '-Command', script], { encoding: 'utf8', timeout: 60_000 });

describe.skipIf(!PWSH)(`the command to paste elsewhere, in PowerShell 7${SKIP_NOTE}`, () => {
  it('stops at its first error, and leaves the console\'s own setting as it was', () => {
    for (const command of ["Push-Location -LiteralPath '/nonexistent/wcdoctor'; 'went on'; Pop-Location", "Push-Location -LiteralPath '/nonexistent/wcdoctor'\n'went on'\nPop-Location"]) {
      const pasted = commandToPaste({ command, script: 'the script' });
      const r = run(`try { ${pasted} } catch { 'stopped' }; "console: $ErrorActionPreference"`);
      expect(r.stdout, pasted).not.toContain('went on');
      expect(r.stdout).toContain('stopped');
      expect(r.stdout).toContain('console: Continue');
    }
    // Bare, as it was, the same line goes on past the failed step.
    expect(run(`Push-Location -LiteralPath '/nonexistent/wcdoctor'; 'went on'`).stdout).toContain('went on');
  }, 60_000);
});
