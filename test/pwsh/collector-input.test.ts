// The host collector runs from PowerShell's input, not from a file (src/core/check/collector-plan.ts): a script written
// to the temporary folder for -File could be changed there by any program of the user's before PowerShell read it, and
// on Windows an elevated check would then run what an unelevated program wrote. These run the plan's own command line
// in PowerShell 7 (pwsh for powershell.exe) with the script on its input, as runFix gives it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it("loads cmdlets only from PowerShell's own modules: one planted in the user's module folder never runs (a regression tester: its Get-NetNat ran in the collector)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-collector-modules-'));
    try {
      // The user's module folder, first in PSModulePath as on Windows, holding a module that exports a cmdlet the collector calls.
      const modules = path.join(dir, 'Modules');
      mkdirSync(path.join(modules, 'NetNatPlanted'), { recursive: true });
      const marker = path.join(dir, 'planted-ran');
      writeFileSync(path.join(modules, 'NetNatPlanted', 'NetNatPlanted.psm1'), `function Get-NetNat { Set-Content -LiteralPath '${marker}' -Value ran }\nExport-ModuleMember -Function Get-NetNat\n`);
      // The collector as shipped, with its elevation answered (it needs Windows) and nothing else changed.
      const script = readFileSync(path.join(root, 'src/platform/collector/collect.ps1'), 'utf8');
      const answered = script.replace('$elevated = [bool](Test-Elevated)', '$elevated = $true');
      expect(answered).not.toBe(script);
      const r = spawnPwshSync(args, { input: answered, timeout: 120000, env: { ...process.env, NO_COLOR: '1', PSModulePath: `${modules}${path.delimiter}${process.env.PSModulePath ?? ''}` } });
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(marker)).toBe(false);
      // The read was made, and failed as a cmdlet this host does not have.
      const facts = JSON.parse(r.stdout) as { reads: Record<string, { error?: string }> };
      expect(facts.reads.netNat?.error).toMatch(/Get-NetNat/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("elevated, runs no program from a folder of the user's profile (any program of the user's can put a docker.exe in WindowsApps, which is on PATH); unelevated, the same program runs", () => {
    const home = mkdtempSync(path.join(tmpdir(), 'wcdoctor-collector-home-'));
    try {
      const bin = path.join(home, 'AppData', 'Local', 'Microsoft', 'WindowsApps');
      mkdirSync(bin, { recursive: true });
      const marker = path.join(home, 'planted-ran');
      writeFileSync(path.join(bin, 'docker'), `#!/bin/sh\necho ran >> '${marker}'\necho '{}'\n`, { mode: 0o755 });
      const script = readFileSync(path.join(root, 'src/platform/collector/collect.ps1'), 'utf8');
      // PATH holds only that folder: a docker elsewhere on this machine would be found instead (as it should be).
      const env = { ...process.env, NO_COLOR: '1', HOME: home, PATH: bin };
      const facts = (elevated: boolean) => {
        const answered = script.replace('$elevated = [bool](Test-Elevated)', `$elevated = $${elevated}`);
        expect(answered).not.toBe(script);
        const r = spawnPwshSync(args, { input: answered, timeout: 120000, env });
        expect(r.status, r.stderr).toBe(0);
        return JSON.parse(r.stdout) as { reads: Record<string, { error?: string; output?: string }> };
      };
      const elevated = facts(true);
      expect(existsSync(marker)).toBe(false);
      expect(elevated.reads.dockerInfo?.error).toBe(`docker was found only in the user's profile (${path.join(bin, 'docker')}), which an elevated check does not run`);
      const unelevated = facts(false);
      expect(unelevated.reads.dockerInfo?.output).toBe('{}');
      expect(existsSync(marker)).toBe(true);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('the real collector: read and started (off Windows it stops at its first Windows-only call, as with -File)', () => {
    const r = run(readFileSync(path.join(root, 'src/platform/collector/collect.ps1'), 'utf8'));
    expect(r.stderr).toContain('Windows Principal functionality is not supported on this platform');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
  });
});
