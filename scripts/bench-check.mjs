// Benchmark of `wcdoctor check --from` on a fleet file (figures, not assertions): a 200-host file as
// `Invoke-Command … | ConvertTo-Json -Depth 20 > fleet.json` writes it in Windows PowerShell 5.1 (UTF-16LE with a
// BOM, one object per host with its document as text), built from the collector documents in
// test/fixtures/check/hosts (each host renamed), then the wall time of the text and the --json reports.
// Usage: node scripts/bench-check.mjs [--hosts N] [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const HOSTS = arg('--hosts', 200);
const RUNS = arg('--runs', 9);
if (!existsSync('dist/cli.js')) {
  console.error('bench-check: dist/ is not built; run "npm run build" first');
  process.exit(2);
}

const decode = (buf) => (buf[0] === 0xff && buf[1] === 0xfe ? buf.subarray(2).toString('utf16le') : buf.toString('utf8'));
const dir = 'test/fixtures/check/hosts';
const docs = readdirSync(dir).sort().map((f) => JSON.parse(decode(readFileSync(path.join(dir, f)))));
const fleet = Array.from({ length: HOSTS }, (_, i) => {
  const doc = { ...docs[i % docs.length], host: `node${String(i + 1).padStart(4, '0')}` };
  return { schema: doc.schema, host: doc.host, document: JSON.stringify(doc), PSComputerName: `${doc.host}.contoso.com`, RunspaceId: '4f6a2c1e-8b3d-4e5f-a607-1829304a5b6c', PSShowComputerName: true };
});
const tmp = mkdtempSync(path.join(tmpdir(), 'wcd-bench-check-'));
const file = path.join(tmp, 'fleet.json');
const text = JSON.stringify(fleet, null, 4).replace(/\n/g, '\r\n');
writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(args) {
  const times = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = spawnSync(process.execPath, ['dist/cli.js', 'check', '--from', file, ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - t0);
  }
  if (last.status !== 0 && last.status !== 1) throw new Error(`check exited ${last.status}: ${last.stderr}`);
  return { ms: median(times), min: Math.min(...times), bytes: Buffer.byteLength(last.stdout) };
}
const bare = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', ''], { env });
  bare.push(performance.now() - t0);
}
const textRun = time([]);
const jsonRun = time(['--json']);
const size = statSync(file).size;
rmSync(tmp, { recursive: true, force: true });
const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;
console.log(`wcdoctor check --from: ${HOSTS} hosts, fleet file ${mib(size)} (UTF-16LE), median of ${RUNS} runs`);
console.log(`  node -e '' (start-up floor)   ${median(bare).toFixed(0)} ms`);
console.log(`  text report                   ${textRun.ms.toFixed(0)} ms (best ${textRun.min.toFixed(0)} ms, ${mib(textRun.bytes)} printed)`);
console.log(`  --json                        ${jsonRun.ms.toFixed(0)} ms (best ${jsonRun.min.toFixed(0)} ms, ${mib(jsonRun.bytes)} printed)`);
