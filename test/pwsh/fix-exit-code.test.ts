import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePowerShellCommand } from '../../src/core/fixes/quote.js';
import { planFix, powerShellScript } from '../../src/core/fixes/plan-fix.js';
import { loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { PWSH, SKIP_NOTE, pwshEnv, spawnPwshSync } from './pwsh.js';

// A fix's script is its command inside try, the console's code page put back in finally. A native program that fails
// (exit code not 0) stops nothing under 'Stop'; powershell.exe -EncodedCommand exits 1 only when the script's last
// statement failed, and the finally's assignment is the last one: a failed calicoctl or netsh was "Fix applied" (a
// regression tester). Real programs here: stubs on PATH that exit with the code they are named for.

const bin = mkdtempSync(path.join(os.tmpdir(), 'wcd-exit-'));
const windows = process.platform === 'win32';
function program(name: string, code: number, out = ''): void {
  if (windows) writeFileSync(path.join(bin, `${name}.cmd`), `@echo off\r\n${out ? `echo ${out}\r\n` : ''}exit /b ${code}\r\n`);
  else writeFileSync(path.join(bin, name), `#!/bin/sh\n${out ? `echo '${out}'\n` : ''}exit ${code}\n`, { mode: 0o755 });
}
program('wcdfails', 3);
program('wcdworks', 0);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

/** Runs a script as wcdoctor does (-EncodedCommand) with the stubs (and `more`, a folder of others) first on PATH. */
function exitOf(script: string, more?: string): number | null {
  const env = pwshEnv();
  env.PATH = [more, bin, env.PATH].filter(Boolean).join(path.delimiter);
  const r = spawnPwshSync(['-NoProfile', '-NonInteractive', '-EncodedCommand', encodePowerShellCommand(script)], { env, timeout: 120_000 });
  return r.status;
}

describe.skipIf(!PWSH)(`a PowerShell fix's exit code, run as wcdoctor runs it${SKIP_NOTE}`, () => {
  it('is the command\'s own: a failed native program last is a failure, an exit N is N', { timeout: 300_000 }, () => {
    // Each case is a pwsh start (about a second of CPU): the ones that tell the wrapper's exit code apart, no more.
    expect(exitOf(powerShellScript('wcdworks; wcdfails'))).toBe(1);
    expect(exitOf(powerShellScript('wcdfails; wcdworks; exit 4'))).toBe(4);
  });

  it("is a failure when a knowledge fix's program fails inside its own try (netsh under code page 437, switched back)", { timeout: 300_000 }, () => {
    const kb = loadKnowledgeBase();
    const script = (topic: string, fix: string): string => {
      const t = kb.topics.find((x) => x.id === topic);
      const p = t && planFix(t, fix, {});
      if (!p?.ok || p.value.script === undefined) throw new Error(`${topic}/${fix} is gone or no longer PowerShell: update this test`);
      return p.value.script;
    };
    const stubs = mkdtempSync(path.join(os.tmpdir(), 'wcd-exit-'));
    try {
      // chcp as a program that succeeds (Linux has none); netsh that fails, then one that works.
      const own = (name: string, code: number): void => {
        if (windows) writeFileSync(path.join(stubs, `${name}.cmd`), `@exit /b ${code}\r\n`);
        else writeFileSync(path.join(stubs, name), `#!/bin/sh\nexit ${code}\n`, { mode: 0o755 });
      };
      own('netsh', 1);
      if (!windows) own('chcp', 0);
      expect(exitOf(script('flannel-netsh-localized-output', 'show-netsh-addresses-cp437'), stubs)).toBe(1);
      own('netsh', 0);
      expect(exitOf(script('flannel-netsh-localized-output', 'show-netsh-addresses-cp437'), stubs)).toBe(0);
    } finally {
      rmSync(stubs, { recursive: true, force: true });
    }
  });
});
