// The command wcdoctor hands over for a host where it cannot run a PowerShell fix (printed, and copied with --copy)
// behaves as wcdoctor's own run of it: it stops at its first error (found by a helper: without that, a mistyped folder
// for Push-Location went on to run `compact /s` and `cipher /s` in the console's own folder), and the setting that makes
// it stop ends with it (found by a reviewer: pasted bare, it stayed set in the user's console).
import { describe, expect, it } from 'vitest';
import { commandToPaste } from '../../src/core/fixes/plan-fix.js';
import { PWSH, SKIP_NOTE, spawnPwshSync } from './pwsh.js';

/**
 * Runs each script in turn at the top level of one pwsh session (as lines pasted one after another into one console),
 * each from the console's default error setting: what each printed, in order.
 */
function runInOneConsole(scripts: string[]): string[] {
  const marker = (i: number) => `=== wcd case ${i} ===`;
  const r = spawnPwshSync(['-NoProfile', '-NonInteractive', '-Command', scripts.map((s, i) => `$ErrorActionPreference = 'Continue'\n'${marker(i)}'\n${s}`).join('\n')], { timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return scripts.map((_, i) => {
    const start = r.stdout.indexOf(marker(i));
    expect(start, `case ${i} ran`).toBeGreaterThanOrEqual(0);
    const end = i + 1 < scripts.length ? r.stdout.indexOf(marker(i + 1)) : r.stdout.length;
    return r.stdout.slice(start + marker(i).length, end);
  });
}

describe.skipIf(!PWSH)(`the command to paste elsewhere, in PowerShell 7${SKIP_NOTE}`, () => {
  it('stops at its first error, and leaves the console\'s own setting as it was', () => {
    const pasted = ["Push-Location -LiteralPath '/nonexistent/wcdoctor'; 'went on'; Pop-Location", "Push-Location -LiteralPath '/nonexistent/wcdoctor'\n'went on'\nPop-Location"].map((command) => commandToPaste({ command, script: 'the script' }));
    const out = runInOneConsole([
      ...pasted.map((p) => `try { ${p} } catch { 'stopped' }; "console: $ErrorActionPreference"`),
      // Bare, as it was, the same line goes on past the failed step.
      `Push-Location -LiteralPath '/nonexistent/wcdoctor'; 'went on'`,
    ]);
    pasted.forEach((p, i) => {
      expect(out[i], p).not.toContain('went on');
      expect(out[i]).toContain('stopped');
      expect(out[i]).toContain('console: Continue');
    });
    expect(out[2]).toContain('went on');
  }, 60_000);
});
