import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { isTerminal } from '../../src/cli/terminal.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-term-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isTerminal', () => {
  it('says no for a regular file, /dev/null and a closed descriptor', () => {
    const fd = openSync(path.join(dir, 'f'), 'w');
    expect(isTerminal(fd)).toBe(false);
    closeSync(fd);
    expect(isTerminal(fd)).toBe(false);
    if (process.platform !== 'win32') {
      const n = openSync('/dev/null', 'r');
      expect(isTerminal(n)).toBe(false);
      closeSync(n);
    }
  });

});

const DIST = path.resolve('dist');
const built = existsSync(path.join(DIST, 'cli.js')) && existsSync(path.join(DIST, 'kb.json'));

describe.skipIf(!built)('a headless run of the built CLI', () => {
  it('loads neither node:tty nor node:child_process (nor node:net) when its streams are pipes', () => {
    // A preload prints the built-in modules the process loaded, at exit.
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => require('fs').writeSync(2, '\\nLOADED ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).join(',')));");
    const r = spawnSync(process.execPath, ['--require', probe, path.join(DIST, 'cli.js'), 'diagnose', '--json', '0x800705B4'], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = /LOADED (.*)$/.exec(r.stderr)?.[1]?.split(',') ?? [];
    expect(loaded).toContain('NativeModule fs');
    for (const m of ['tty', 'net', 'child_process']) expect(loaded).not.toContain(`NativeModule ${m}`);
  });

  it.skipIf(process.platform !== 'linux')('loads no node:tty for output sent to /dev/null either (a script\'s 2>/dev/null)', () => {
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => require('fs').writeSync(3, 'LOADED ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).join(',')));");
    const out = path.join(dir, 'loaded');
    const fd = openSync(out, 'w');
    const r = spawnSync(process.execPath, ['--require', probe, path.join(DIST, 'cli.js'), 'diagnose', '--json', '0x800705B4'], { stdio: ['pipe', 'ignore', 'ignore', fd] });
    closeSync(fd);
    expect(r.status).toBe(0);
    const loaded = /LOADED (.*)$/.exec(readFileSync(out, 'utf8'))?.[1]?.split(',') ?? [];
    expect(loaded).toContain('NativeModule fs');
    expect(loaded).not.toContain('NativeModule tty');
  });
});
