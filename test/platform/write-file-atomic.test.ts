import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/platform/write-file-atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'wcd-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes the file whole and leaves no temporary file', () => {
    const file = path.join(dir, 'sub', 'kb.json');
    writeFileAtomic(file, '{"a":1}\n', { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
    expect(lstatSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(['kb.json']);
  });

  it('never writes through a link planted at a temporary name it could use (an attacker helper: kb build --root overwrote the file a planted kb.json.<pid>.tmp pointed at)', () => {
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const file = path.join(dir, 'kb.json');
    // The old name (pid only), and every name of the old scheme for nearby process ids.
    for (let pid = process.pid - 5; pid <= process.pid + 5; pid++) symlinkSync(victim, `${file}.${pid}.tmp`);
    writeFileAtomic(file, 'built');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(file, 'utf8')).toBe('built');
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    // The planted links are left as they were; nothing of ours stays beside them.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(11);
    expect(existsSync(victim)).toBe(true);
  });
});
