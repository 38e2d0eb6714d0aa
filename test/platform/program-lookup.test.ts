import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProgram, isProgramOnPath, programToStart } from '../../src/platform/program-lookup.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wcd-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('program lookup', () => {
  it('finds node, the program running the tests', () => {
    expect(isProgramOnPath(path.basename(process.execPath), { PATH: path.dirname(process.execPath) })).toBe(true);
  });

  it.runIf(process.platform !== 'win32')('finds only executable files on PATH', () => {
    writeFileSync(path.join(dir, 'runme'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'runme'), 0o755);
    writeFileSync(path.join(dir, 'plain'), 'x');
    const env = { PATH: `/nonexistent:${dir}` };
    expect(findProgram('runme', env)).toBe(path.join(dir, 'runme'));
    expect(isProgramOnPath('plain', env)).toBe(false);
    expect(isProgramOnPath('kubectl-not-here', env)).toBe(false);
    expect(isProgramOnPath('', env)).toBe(false);
  });

  it('tries PATHEXT extensions on Windows', () => {
    writeFileSync(path.join(dir, 'tool.EXE'), '');
    expect(findProgram('tool', { PATH: dir, PATHEXT: '.COM;.EXE' }, 'win32')).toBe(path.join(dir, 'tool.EXE'));
  });

  it('starts a bare name on Windows by its full path on PATH, never from the current folder or a relative PATH entry (an attacker helper, from the code)', () => {
    const bin = mkdtempSync(path.join(dir, 'bin-'));
    const here = mkdtempSync(path.join(dir, 'here-'));
    writeFileSync(path.join(bin, 'powershell.exe'), '');
    writeFileSync(path.join(here, 'docker.exe'), '');
    expect(programToStart('powershell.exe', { PATH: bin }, 'win32')).toBe(path.join(bin, 'powershell.exe'));
    // docker.exe is only in a folder PATH names relatively (as "." names the current folder): not started. It is there:
    // looked up by a relative name it would be found.
    const relative = path.relative(process.cwd(), here);
    expect(findProgram(path.join(relative, 'docker.exe'), { PATH: '' }, 'win32')).toBeDefined();
    expect(programToStart('docker', { PATH: `.;${relative};${bin}`, PATHEXT: '.EXE' }, 'win32')).toBeUndefined();
    // A path is started as given; POSIX looks in PATH itself.
    expect(programToStart('C:\\Windows\\System32\\whoami.exe', { PATH: '' }, 'win32')).toBe('C:\\Windows\\System32\\whoami.exe');
    expect(programToStart('docker', { PATH: '' }, 'linux')).toBe('docker');
  });
});
