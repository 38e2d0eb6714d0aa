import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsKey } from './knowledge-base.js';

// The global setup keeps the assembled knowledge base between runs under a key of what it is made from: the key
// must change with any of it, and only with it.
describe('the key of the test knowledge base cache', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'wcdoctor-kb-key-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  write('knowledge/topics/a.yaml', 'id: a\n');
  write('src/core/x.ts', 'export const x = 1;\n');
  write('package-lock.json', '{}\n');
  write('test/other.test.ts', '// not an input\n');

  it('is the same for the same inputs, and changes with a knowledge file, a source file, the lock file or a new file', () => {
    const first = inputsKey(root);
    expect(inputsKey(root)).toBe(first);
    write('test/other.test.ts', '// still not an input\n');
    expect(inputsKey(root)).toBe(first);
    const changes: [string, string][] = [
      ['knowledge/topics/a.yaml', 'id: b\n'],
      ['src/core/x.ts', 'export const x = 2;\n'],
      ['package-lock.json', '{"lockfileVersion": 3}\n'],
      ['knowledge/codes/new.yaml', '[]\n'],
    ];
    const seen = new Set([first]);
    for (const [rel, text] of changes) {
      write(rel, text);
      const key = inputsKey(root);
      expect(seen.has(key), rel).toBe(false);
      seen.add(key);
    }
  });

  it('tells a file moved to another name from the same bytes under the old one', () => {
    const before = inputsKey(root);
    rmSync(path.join(root, 'src/core/x.ts'));
    write('src/core/y.ts', 'export const x = 2;\n');
    expect(inputsKey(root)).not.toBe(before);
  });
});
