// Writes test/setup/durations.json from the durations of the last full test run (vitest's results cache in
// node_modules/.vite/vitest/), so that a fresh clone starts the longest files first too (test/setup/sequencer.ts).
//
//   npx vitest run && npm run test:durations
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cacheDir = path.join(root, 'node_modules', '.vite', 'vitest');
const files = existsSync(cacheDir) ? readdirSync(cacheDir).map((d) => path.join(cacheDir, d, 'results.json')).filter(existsSync) : [];
if (!files.length) {
  console.error('test:durations: no vitest results cache yet; run the whole suite first (npx vitest run)');
  process.exit(2);
}
const durations = {};
for (const file of files)
  for (const [key, stats] of JSON.parse(readFileSync(file, 'utf8')).results ?? []) {
    const rel = key.replace(/^:/, '');
    if (rel.startsWith('test/') && typeof stats?.duration === 'number' && existsSync(path.join(root, rel))) durations[rel] = Math.round(stats.duration);
  }
const sorted = Object.fromEntries(Object.entries(durations).sort((a, b) => b[1] - a[1]));
writeFileSync(path.join(root, 'test', 'setup', 'durations.json'), `${JSON.stringify(sorted, null, 1)}\n`);
console.log(`test:durations: ${Object.keys(sorted).length} files → test/setup/durations.json`);
