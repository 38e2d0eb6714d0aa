import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../../src/core/text/decode-text.js';

/** test/fixtures/check: collector documents (hosts/), single-command output (paste/), a fleet. */
export const CHECK_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/check');

/** A fixture's text, decoded as wcdoctor reads files (UTF-16LE with a BOM as PowerShell 5.1 writes it, or UTF-8). */
export function fixture(rel: string): string {
  return decodeText(readFileSync(path.join(CHECK_FIXTURES, rel)));
}

/** The fixture files of one folder, as `folder/name`. */
export function fixtureFiles(folder: 'hosts' | 'paste'): string[] {
  return readdirSync(path.join(CHECK_FIXTURES, folder)).filter((f) => !f.endsWith('.md')).sort().map((f) => `${folder}/${f}`);
}
