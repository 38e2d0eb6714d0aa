import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseCompatData } from '../../../src/core/compat/parse-compat-data.js';
import type { CompatData } from '../../../src/core/compat/types.js';
import type { Problem, RawFile } from '../../../src/core/knowledge/problem.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Reads knowledge/compat/*.yaml as the platform layer would. */
export function readCompatFiles(): RawFile[] {
  const dir = path.join(ROOT, 'knowledge/compat');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ file: `knowledge/compat/${f}`, data: parse(readFileSync(path.join(dir, f), 'utf8')) as unknown }));
}

/** The real compatibility data, parsed from the YAML files; throws if they have problems. */
export function loadCompatData(): CompatData {
  const { data, problems } = parseCompatData(readCompatFiles());
  if (problems.length) throw new Error(problems.map((p: Problem) => `${p.file}: ${p.field}: ${p.message}`).join('\n'));
  return data;
}

/** Reads a vendored source document. */
export function readSource(rel: string): string {
  return readFileSync(path.join(ROOT, 'knowledge/sources', rel), 'utf8');
}

/** The text of a source document from the first `start` to the next `end` after it (real pasted output). */
export function sourceBlock(rel: string, start: string, end: string): string {
  const text = readSource(rel);
  const i = text.indexOf(start);
  if (i < 0) throw new Error(`"${start}" not found in ${rel}`);
  const j = text.indexOf(end, i + start.length);
  return text.slice(i, j < 0 ? undefined : j);
}

export const DOC_002 = 'sv-SE/002_95cf66583bec396c.txt';
export const DOC_003 = 'zh-CN/003_07a008495d68cca4.txt';
