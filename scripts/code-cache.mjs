// Writes V8's code caches for the CLI bundles (dist/main.js.cache, dist/diagnose.js.cache), each
// from one warm-up run, so that a cache holds the diagnosis path's compiled functions as well as
// the top level: a plain `wcdoctor diagnose --json` (the diagnose bundle), and the same diagnosis
// read by commander (`--` leaves it to the full bundle, whose cache then also holds the CLI's
// program). Runs after the knowledge base is built, in the current folder's package; see
// src/cli/launcher.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';

const sample = [
  'docker: Error response from daemon: container 3f2a9c: hcsshim::CreateComputeSystem web: The requested operation timed out (0x800705B4).',
  'failed to create endpoint web on network nat: hnsCall failed in Win32: The remote procedure call failed. (0x6be)',
].join('\n');
const runs = [
  ['dist/diagnose.js.cache', ['diagnose', '--json', sample]],
  ['dist/main.js.cache', ['diagnose', '--json', '--', sample]],
];
let failed = false;
for (const [cache, args] of runs) {
  rmSync(cache, { force: true });
  // With this node's flags (the release passes the executable's): V8 takes a cache only under the flags it was made with.
  const r = spawnSync(process.execPath, [...process.execArgv, 'dist/cli.js', ...args], {
    env: { ...process.env, WCDOCTOR_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0 || !existsSync(cache)) {
    console.error(`code-cache: the warm-up run for ${cache} exited ${r.status ?? r.signal}; no cache written (wcdoctor still works, it just starts slower)`);
    failed = true;
    continue;
  }
  console.error(`code-cache: ${cache} (${Math.round(statSync(cache).size / 1024)} KiB)`);
}
if (failed) process.exit(1);
