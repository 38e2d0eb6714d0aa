import type { Problem, RawFile } from '../knowledge/problem.js';
import { issuePath } from '../knowledge/topic-schema.js';
import { compatFileSchema, compatPartsSchema } from './compat-schema.js';
import { placeholderNames } from './template.js';
import { ACTION_IDS, MESSAGE_IDS, type CompatData } from './types.js';

type Part = keyof typeof compatPartsSchema;
const PARTS = Object.keys(compatPartsSchema) as Part[];

/** Values the checker can fill into messages and action templates. */
const KNOWN_PLACEHOLDERS = new Set([
  'host_build', 'image_build', 'floor', 'host_revision', 'image_revision', 'revision', 'which', 'date', 'tag', 'ref',
  'repository', 'build', 'nodes', 'node', 'image', 'service', 'os_version',
]);

/** Compatibility data with nothing in it: what a knowledge base without knowledge/compat carries. */
export function emptyCompatData(): CompatData {
  const none = { sources: [] };
  return {
    builds: [],
    process: { exactFrom: 20348, ltsc: [], ...none },
    revision: { mustMatch: [], ...none },
    hyperv: none,
    client: { previewImageBuild: 0, ws2025ImageBuild: 0, ws2025MinHostBuild: 0, ...none },
    latest: { retiredOn: '', ...none, legacy: { repositories: [], build: 0, ...none } },
    baseImages: [],
    tables: [],
    messages: {},
    actions: {},
  };
}

/** Cross-checks that no schema can express: unique builds and tags, known references, required ids. */
function checkConsistency(data: CompatData, where: (part: Part) => string): Problem[] {
  const problems: Problem[] = [];
  const add = (part: Part, field: string, message: string) => problems.push({ file: where(part), field, message });
  const builds = new Set<number>();
  const tags = new Map<string, number>();
  const shorts = new Set(data.baseImages.map((b) => b.short));
  data.builds.forEach((b, i) => {
    if (builds.has(b.build)) add('builds', `builds[${i}].build`, `build ${b.build} is listed twice`);
    else if (i > 0 && b.build < (data.builds[i - 1]?.build ?? 0)) add('builds', `builds[${i}].build`, 'builds must be in ascending order');
    builds.add(b.build);
    b.tags.forEach((t, j) => {
      const key = t.name.toLowerCase();
      const prev = tags.get(key);
      if (prev !== undefined && prev !== b.build) add('builds', `builds[${i}].tags[${j}]`, `tag "${t.name}" already names build ${prev}`);
      tags.set(key, b.build);
      for (const s of t.notIn) if (!shorts.has(s)) add('builds', `builds[${i}].tags[${j}].notIn`, `no base image with short name "${s}"`);
    });
  });
  const ltsc = data.process.ltsc;
  ltsc.forEach((b, i) => {
    if (!builds.has(b)) add('process', `process.ltsc[${i}]`, `build ${b} is not in builds`);
    if (i > 0 && b <= (ltsc[i - 1] ?? 0)) add('process', `process.ltsc[${i}]`, 'the LTSC list must be in ascending order');
  });
  if (ltsc[0] !== undefined && ltsc[0] !== data.process.exactFrom)
    add('process', 'process.exactFrom', 'must equal the first LTSC build, where the window rule starts');
  if (!builds.has(data.latest.legacy.build)) add('latest', 'latest.legacy.build', `build ${data.latest.legacy.build} is not in builds`);
  for (const id of MESSAGE_IDS) if (!data.messages[id]) add('messages', `messages.${id}`, 'is required by the checker');
  for (const id of ACTION_IDS) if (!data.actions[id]) add('actions', `actions.${id}`, 'is required by the planner');
  const texts: [Part, string, string][] = [
    ...Object.entries(data.messages).map(([k, v]): [Part, string, string] => ['messages', `messages.${k}`, v]),
    ...Object.entries(data.actions).flatMap(([k, a]): [Part, string, string][] =>
      (['title', 'command', 'snippet'] as const).map((f) => ['actions', `actions.${k}.${f}`, a[f] ?? '']),
    ),
  ];
  for (const [part, field, text] of texts)
    for (const name of placeholderNames(text)) if (!KNOWN_PLACEHOLDERS.has(name)) add(part, field, `unknown placeholder {{${name}}}`);
  return problems;
}

/** Validates knowledge/compat/*.yaml (each file holds some parts; each part lives in one file) into compatibility data. */
export function parseCompatData(files: RawFile[]): { data: CompatData; problems: Problem[] } {
  const problems: Problem[] = [];
  const readable = files.filter((f) => !f.error);
  if (readable.length === 0) return { data: emptyCompatData(), problems };
  const merged: Partial<Record<Part, unknown>> = {};
  const owner = new Map<Part, string>();
  for (const f of readable) {
    const parsed = compatFileSchema.safeParse(f.data ?? {});
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((i) => ({ file: f.file, field: issuePath(i.path), message: i.message })));
      continue;
    }
    for (const part of PARTS) {
      if (parsed.data[part] === undefined) continue;
      const prev = owner.get(part);
      if (prev) problems.push({ file: f.file, field: part, message: `is already given in ${prev}` });
      else {
        owner.set(part, f.file);
        merged[part] = parsed.data[part];
      }
    }
  }
  const missing = PARTS.filter((p) => merged[p] === undefined);
  for (const p of missing) problems.push({ file: 'knowledge/compat', field: p, message: 'is missing: no knowledge/compat/*.yaml file gives it' });
  if (missing.length || problems.length) return { data: { ...emptyCompatData(), ...(merged as Partial<CompatData>) }, problems };
  const data = merged as CompatData;
  problems.push(...checkConsistency(data, (p) => owner.get(p) ?? 'knowledge/compat'));
  return { data, problems };
}
