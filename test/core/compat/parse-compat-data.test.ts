import { describe, expect, test } from 'vitest';
import { parseCompatData } from '../../../src/core/compat/parse-compat-data.js';
import type { RawFile } from '../../../src/core/knowledge/problem.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { placeholderNames } from '../../../src/core/compat/template.js';
import { readCompatFiles } from './load-compat.js';

const real = readCompatFiles();
/** The real files with one file's data changed by `edit`. */
const withEdit = (name: string, edit: (d: Record<string, unknown>) => void): RawFile[] =>
  real.map((f) => {
    if (!f.file.endsWith(name)) return f;
    const copy = structuredClone(f.data) as Record<string, unknown>;
    edit(copy);
    return { ...f, data: copy };
  });
const messages = (files: RawFile[]) => parseCompatData(files).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);

describe('knowledge/compat', () => {
  test('the real files are valid and complete', () => {
    const { data, problems } = parseCompatData(real);
    expect(problems).toEqual([]);
    expect(data.builds.map((b) => b.build)).toEqual(expect.arrayContaining([14393, 16299, 17763, 20348, 22621, 26100]));
    expect(data.process).toMatchObject({ exactFrom: 20348, ltsc: [20348, 26100] });
    expect(data.revision.mustMatch).toEqual([14393]);
    expect(data.latest.retiredOn).toBe('2019-04-16');
  });

  test('every fact names its source', () => {
    const { data } = parseCompatData(real);
    for (const b of data.builds) expect(b.sources.length, `build ${b.build}`).toBeGreaterThan(0);
    for (const t of data.tables) expect(t.sources.length, t.id).toBeGreaterThan(0);
  });

  test('no files: empty data and no problems (fixtures without compat)', () => {
    expect(parseCompatData([])).toMatchObject({ data: { builds: [] }, problems: [] });
  });

  test.each([
    ['a fact without a source', 'builds.yaml', (d: Record<string, unknown>) => ((d.builds as { sources: unknown[] }[])[0]!.sources = []), /builds\[0\]\.sources: every fact needs a source/],
    ['a tag naming two builds', 'builds.yaml', (d: Record<string, unknown>) => ((d.builds as { tags: unknown[] }[])[1]!.tags = ['ltsc2016']), /tag "ltsc2016" already names build 14393/],
    ['an unknown base image in notIn', 'builds.yaml', (d: Record<string, unknown>) => ((d.builds as { tags: unknown[] }[])[0]!.tags = [{ name: 'ltsc2016', notIn: ['nano'] }]), /no base image with short name "nano"/],
    ['builds out of order', 'builds.yaml', (d: Record<string, unknown>) => (d.builds as unknown[]).reverse(), /ascending order/],
    ['an LTSC build not listed', 'rules.yaml', (d: Record<string, unknown>) => ((d.process as { ltsc: number[] }).ltsc = [20348, 26200]), /process\.ltsc\[1\]: build 26200 is not in builds/],
    ['a missing message', 'advice.yaml', (d: Record<string, unknown>) => delete (d.messages as Record<string, string>)['image-newer'], /messages\.image-newer: is required by the checker/],
    ['an unknown placeholder', 'advice.yaml', (d: Record<string, unknown>) => ((d.messages as Record<string, string>)['hyperv-ok'] = 'runs {{imag_build}}'), /unknown placeholder \{\{imag_build\}\}/],
    ['an unknown key', 'tables.yaml', (d: Record<string, unknown>) => (d.table = []), /\(root\): Unrecognized key: "table"/],
    ['a bad date', 'rules.yaml', (d: Record<string, unknown>) => ((d.latest as { retiredOn: string }).retiredOn = '16 April 2019'), /latest\.retiredOn/],
  ])('reports %s', (_name, file, edit, message) => {
    expect(messages(withEdit(file, edit)).join('\n')).toMatch(message);
  });

  test('reports a part given twice and a part missing', () => {
    const twice = [...real, { file: 'knowledge/compat/extra.yaml', data: { hyperv: { sources: [{ doc: '002', heading: 'x' }] } } }];
    expect(messages(twice)).toEqual(['knowledge/compat/extra.yaml: hyperv: is already given in knowledge/compat/rules.yaml']);
    const missing = real.filter((f) => !f.file.endsWith('tables.yaml'));
    expect(messages(missing)).toEqual(['knowledge/compat: tables: is missing: no knowledge/compat/*.yaml file gives it']);
  });
});

describe('actions and the fix runner', () => {
  const { data } = parseCompatData(real);
  const withFix = Object.entries(data.actions).filter(([, a]) => a.fix);
  test.each(withFix)('%s names a real fix and fills all its parameters', (_id, a) => {
    const topic = parse(readFileSync(new URL(`../../../knowledge/topics/${a.topic}.yaml`, import.meta.url), 'utf8')) as {
      fixes: { id: string; params?: Record<string, unknown> }[];
    };
    const fix = topic.fixes.find((f) => f.id === a.fix);
    expect(fix, `${a.topic} has no fix ${a.fix}`).toBeDefined();
    const filled = new Set([a.title, a.command ?? '', a.snippet ?? ''].flatMap(placeholderNames));
    for (const name of Object.keys(fix?.params ?? {})) expect(filled, `{{${name}}}`).toContain(name);
  });
});
