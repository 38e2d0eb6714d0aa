import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLocaleCatalogs } from '../../src/platform/locale-catalogs.js';

const root = mkdtempSync(path.join(tmpdir(), 'wcd-locales-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, 'locales'));
const en = path.join(root, 'locales', 'en.json');

describe('readLocaleCatalogs', () => {
  it('parses a catalog once while its file is unchanged, and again once it changes, even within the same second of its time', () => {
    writeFileSync(en, '{"a":"1"}');
    const first = readLocaleCatalogs(root);
    expect(first.en).toEqual({ a: '1' });
    expect(readLocaleCatalogs(root).en).toBe(first.en);
    expect(Object.isFrozen(first.en)).toBe(true);
    // Same size, and the old modification time put back (a coarse clock): the change of its status time still shows.
    const { atime, mtime } = statSync(en);
    writeFileSync(en, '{"a":"2"}');
    utimesSync(en, atime, mtime);
    expect(readLocaleCatalogs(root).en).toEqual({ a: '2' });
  });

  it('leaves a missing or damaged catalog empty, and reads it once it is mended', () => {
    expect(readLocaleCatalogs(root)['sv-SE']).toEqual({});
    writeFileSync(en, '{"a":');
    expect(readLocaleCatalogs(root).en).toEqual({});
    writeFileSync(en, '["not", "a", "catalog"]');
    expect(readLocaleCatalogs(root).en).toEqual({});
    writeFileSync(en, '{"b":"3"}');
    expect(readLocaleCatalogs(root).en).toEqual({ b: '3' });
  });
});
