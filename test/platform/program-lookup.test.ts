import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProgram, isProgramOnPath } from '../../src/platform/program-lookup.js';

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
});
