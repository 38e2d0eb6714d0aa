import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { isTerminal, stdinIsPipeOrFile, type StdinProbe } from '../../src/cli/terminal.js';

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

// What fstat's st_mode says of each kind of standard input (POSIX's numbers; libuv uses them on Windows too).
const MODE = { fifo: 0o010644, file: 0o100644, socket: 0o140777, charDevice: 0o020666 };
/** A probe of standard input that answers as told, and records whether Node's stdin stream was asked for. */
function probe(platform: NodeJS.Platform, mode: number | 'EBADF', nodeReadsAFile = false) {
  const asked = { stream: false };
  const p: StdinProbe = {
    platform,
    mode: () => {
      if (mode === 'EBADF') throw Object.assign(new Error('EBADF: bad file descriptor, fstat'), { code: 'EBADF' });
      return mode;
    },
    nodeReadsAFile: () => ((asked.stream = true), nodeReadsAFile),
  };
  return { p, asked };
}

describe('stdinIsPipeOrFile: standard input that wcdoctor with no command diagnoses', () => {
  it('a pipe and a redirected file are input, on Linux as on Windows', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(stdinIsPipeOrFile(probe(platform, MODE.fifo).p)).toBe(true);
      expect(stdinIsPipeOrFile(probe(platform, MODE.file).p)).toBe(true);
    }
  });

  it('a pipe on Windows is input, though Node\'s Stats.isFIFO() says no to every mode there (`echo 0x800705B4 | wcdoctor.exe` printed the help)', () => {
    const { p, asked } = probe('win32', MODE.fifo);
    expect(stdinIsPipeOrFile(p)).toBe(true);
    expect(asked.stream).toBe(false);
  });

  it('a terminal or console, /dev/null or NUL, and a parent\'s socket are not', () => {
    for (const platform of ['linux', 'win32'] as const) expect(stdinIsPipeOrFile(probe(platform, MODE.charDevice).p)).toBe(false);
    expect(stdinIsPipeOrFile(probe('linux', MODE.socket).p)).toBe(false);
  });

  it('on Windows, when fstat fails (Wine\'s handle for `wcdoctor.exe < file`: EBADF), a file Node reads as one is input', () => {
    expect(stdinIsPipeOrFile(probe('win32', 'EBADF', true).p)).toBe(true);
    // No handle at all, or anything Node does not read as a file: the help, as before.
    expect(stdinIsPipeOrFile(probe('win32', 'EBADF', false).p)).toBe(false);
  });

  it('elsewhere a failing fstat (a closed descriptor) is no input, and Node\'s stdin stream is never built', () => {
    const { p, asked } = probe('linux', 'EBADF', true);
    expect(stdinIsPipeOrFile(p)).toBe(false);
    expect(asked.stream).toBe(false);
  });

  it('asks the real descriptor 0 by default (this worker\'s stdin: whatever it is, a boolean)', () => {
    expect(typeof stdinIsPipeOrFile()).toBe('boolean');
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

  it('with no command, diagnoses a file given as stdin, and gives a parent\'s socket (Node\'s stdio pipe on Linux) the help', () => {
    const input = path.join(dir, 'paste.txt');
    writeFileSync(input, '0x800705B4\n');
    const fd = openSync(input, 'r');
    const fromFile = spawnSync(process.execPath, [path.join(DIST, 'cli.js')], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    closeSync(fd);
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toContain('[processor-count-start-timeout]');
    const fromSocket = spawnSync(process.execPath, [path.join(DIST, 'cli.js')], { input: '0x800705B4\n', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(fromSocket.status).toBe(0);
    expect(fromSocket.stdout).toMatch(/^Usage:/);
  });

  it.skipIf(process.platform !== 'linux')('says a folder given as standard input is a folder, not an empty paste (found by a helper)', () => {
    for (const args of [['diagnose', '-'], ['check', '--from', '-']]) {
      const fd = openSync('/', 'r');
      const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
      closeSync(fd);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('standard input cannot be read (EISDIR)');
    }
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
