// One-off helper for adding topics: applies relabel proposals ({"paste id": ["topic", …]}) from the
// given JSON files to the real-paste corpus, only to pastes labelled "none" today, and reports each.
//   node scripts/apply-relabels.mjs .tmp/relabel-*.json
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../test/fixtures/eval/real');
const proposals = {};
for (const f of process.argv.slice(2)) Object.assign(proposals, JSON.parse(readFileSync(f, 'utf8')));
let applied = 0;
const skipped = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
  const lines = readFileSync(path.join(dir, f), 'utf8').split('\n');
  const out = lines.map((l) => {
    if (!l.trim()) return l;
    const p = JSON.parse(l);
    const next = proposals[p.id];
    if (!next) return l;
    if (p.topics.length) {
      skipped.push(`${p.id} (already ${p.topics.join(',')})`);
      return l;
    }
    applied++;
    return JSON.stringify({ ...p, topics: next });
  });
  writeFileSync(path.join(dir, f), out.join('\n'));
}
console.log(`applied ${applied} of ${Object.keys(proposals).length}; skipped: ${skipped.join(', ') || 'none'}`);
