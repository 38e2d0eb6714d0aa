import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckText } from '../../../src/core/check/message.js';
import { createTranslator } from '../../../src/core/i18n/translate.js';
import type { Locale } from '../../../src/core/knowledge/types.js';
import { decodeText } from '../../../src/core/text/decode-text.js';
import { CATALOGS } from '../../helpers/i18n.js';

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

/** The check's words in a language, over the real catalogs (as the CLI's translator looks them up). */
export const checkText = (locale: Locale): CheckText => createTranslator(CATALOGS, locale);

/** The English catalogue, as `--json` renders each finding's `message`. */
export const english = checkText('en');
