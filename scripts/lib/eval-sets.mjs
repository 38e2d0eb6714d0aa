// The labelled sets of pastes and the in-process engine, shared by `npm run eval` and `npm run calibrate`.
//   dev    ../shared/eval/dev.jsonl (when present): {id, text, expected_sections}
//   ours   test/fixtures/eval/pastes.jsonl: written by us, same format
//   real   test/fixtures/eval/real/*.jsonl: real pastes from public threads, labelled by topic id,
//          split into train and held-out by thread (a hash of the thread URL).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/**
 * Bundles the given export lines of src/ (TypeScript, as it is now: no rebuild of dist/) into one
 * throw-away ES module and imports it. Shared by eval, calibrate and bench.
 */
export async function importFromSource(exportLines) {
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const file = path.join(root, `.tmp/engine-${process.pid}-${Date.now()}.mjs`);
  await build({
    stdin: { contents: exportLines.join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outfile: file,
    logLevel: 'error',
    packages: 'external',
  });
  const mod = await import(file);
  rmSync(file, { force: true });
  return mod;
}

/** The engine and a knowledge base assembled straight from knowledge/. */
export async function loadEngine() {
  const engine = await importFromSource([
    "export { diagnose, diagnosisIndexOf } from './src/core/diagnosis/diagnose.ts';",
    "export { readFeatures } from './src/core/diagnosis/features.ts';",
    "export { scoreTopics } from './src/core/diagnosis/rank.ts';",
    "export { judgeMatches } from './src/core/diagnosis/verdict.ts';",
    "export { WEIGHTS } from './src/core/diagnosis/weights.ts';",
    "export { fitLogistic, predict, cutForPrecision } from './src/core/diagnosis/fit-weights.ts';",
    "export { buildOfTag, resolveName } from './src/core/compat/versions.ts';",
    "export { assembleKnowledgeBase } from './src/core/knowledge/assemble-kb.ts';",
    "export { readKnowledgeInput } from './src/platform/knowledge-input.ts';",
  ]);
  const { kb, problems } = engine.assembleKnowledgeBase(engine.readKnowledgeInput(root));
  if (problems.length) console.error(`the knowledge has ${problems.length} problem(s); run "wcdoctor kb check"`);
  return { ...engine, kb };
}

/**
 * The failure family of each topic of our own: the troubleshooting tree that leads to it among the trees
 * of today's failures (engine-and-images, host-networking-today, cluster-nodes-today). Topics from the
 * vendored documents have no family here.
 */
export function familiesOf(kb) {
  const out = new Map();
  for (const tree of kb.trees ?? []) {
    if (!['engine-and-images', 'host-networking-today', 'cluster-nodes-today'].includes(tree.id)) continue;
    for (const node of Object.values(tree.nodes ?? {})) if (node.kind === 'topic' && node.topic) out.set(node.topic, tree.id);
  }
  for (const t of kb.topics) if (!t.sources?.length) out.delete(t.id);
  return out;
}

/** The held-out side of a thread: 40 % of threads, fixed by a hash of its URL. */
export const splitOf = (thread) => (createHash('sha256').update(String(thread)).digest()[0] % 10 < 4 ? 'heldout' : 'train');

/** Headings compared as score.mjs compares them: no emphasis, links, anchors, case or spacing. */
const norm = (h) =>
  String(h ?? '')
    .replace(/<a name="[^"]*"><\/a>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

function readJsonl(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch {
        throw new Error(`${path.relative(root, file)}:${i + 1}: not JSON`);
      }
    });
}

/** Every labelled paste: {set, split, id, lang, shape, retold (a description retold in our words), text, expected: topic ids}. */
export function loadCases(kb) {
  const topicOfHeading = new Map();
  for (const t of kb.topics) for (const id of t.sectionIds) topicOfHeading.set(norm(kb.sections[id]?.heading), t.id);
  const bySections = (c) => [...new Set(c.expected_sections.map((s) => topicOfHeading.get(norm(s.heading))).filter(Boolean))];
  const cases = [];
  const devFile = path.resolve(root, '../shared/eval/dev.jsonl');
  if (existsSync(devFile)) for (const c of readJsonl(devFile)) cases.push({ set: 'dev', split: 'all', id: c.id, lang: c.lang ?? 'en', text: c.text, expected: bySections(c) });
  for (const c of readJsonl(path.join(root, 'test/fixtures/eval/pastes.jsonl'))) cases.push({ set: 'ours', split: 'all', id: c.id, lang: c.lang ?? 'en', text: c.text, expected: bySections(c) });
  // A held-out thread that a topic cites as a source was read when the topic was written: its pastes
  // measure nothing the topic did not see, so they are set apart ("source"), in neither split.
  const cited = new Set(kb.topics.flatMap((t) => (t.sources ?? []).map((s) => s.url)));
  const splitOfCase = (thread) => (splitOf(thread) === 'heldout' && cited.has(thread) ? 'source' : splitOf(thread));
  const realDir = path.join(root, 'test/fixtures/eval/real');
  if (existsSync(realDir))
    for (const f of readdirSync(realDir).filter((f) => f.endsWith('.jsonl')).sort())
      for (const c of readJsonl(path.join(realDir, f))) cases.push({ set: 'real', split: splitOfCase(c.thread), thread: c.thread, file: f.replace(/\.jsonl$/, ''), id: c.id, lang: c.lang ?? 'en', shape: c.shape, retold: c.own_words === true, text: c.text, expected: c.topics ?? [] });
  return cases;
}
