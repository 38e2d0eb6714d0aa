// The host collector runs from PowerShell's input, not from a file (src/core/check/collector-plan.ts): a script written
// to the temporary folder for -File could be changed there by any program of the user's before PowerShell read it, and
// on Windows an elevated check would then run what an unelevated program wrote. These run the plan's own command line
// in PowerShell 7 (pwsh for powershell.exe) with the script on its input, as runFix gives it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCollectorRun } from '../../src/core/check/collector-plan.js';
import { PWSH, SKIP_NOTE, spawnPwshSync } from './pwsh.js';

const root = path.resolve(import.meta.dirname, '../..');
const [, ...args] = planCollectorRun().argv;
const run = (script: string) => spawnPwshSync(args, { input: script, timeout: 60000, env: { ...process.env, NO_COLOR: '1' } });

describe.skipIf(!PWSH)(`the collector's command line runs the script on its input${SKIP_NOTE}`, () => {
  it('whole: a param block, statements and strings over several lines, functions, and its exit code, as -File runs them', () => {
    // `-Command -` would read this line by line, as typed: the `else` on its own line and the here-string break there.
    const script = [
      'param()',
      "$ErrorActionPreference = 'Stop'",
      'function Get-Two {',
      '  param([int] $n)',
      '  $n * 2',
      '}',
      'if ((Get-Two 2) -eq 5) {',
      "  Write-Output 'wrong'",
      '}',
      'else {',
      "  Write-Output 'four'",
      '}',
      "$text = @'",
      'a here-string',
      "'@",
      'Write-Output $text',
      'Write-Output $args.Count',
      'exit 3',
    ].join('\r\n');
    const r = run(script);
    expect(r.stderr).toBe('');
    expect(r.stdout.split(/\r?\n/).filter(Boolean)).toEqual(['four', 'a here-string', '0']);
    expect(r.status).toBe(3);
  });

  it('the real collector: read and started (off Windows it stops at its first Windows-only call, as with -File)', () => {
    const r = run(readFileSync(path.join(root, 'src/platform/collector/collect.ps1'), 'utf8'));
    expect(r.stderr).toContain('Windows Principal functionality is not supported on this platform');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
  });
});
