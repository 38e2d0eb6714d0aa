// Writes dist/main.js.cache, V8's code cache for the CLI bundle, from one warm-up run of
// `wcdoctor diagnose --json` (so that the cache holds the diagnosis path's compiled functions as
// well as the top level). Runs after the knowledge base is built; see src/cli/launcher.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';

const cache = 'dist/main.js.cache';
rmSync(cache, { force: true });
const sample = [
  'docker: Error response from daemon: container 3f2a9c: hcsshim::CreateComputeSystem web: The requested operation timed out (0x800705B4).',
  'failed to create endpoint web on network nat: hnsCall failed in Win32: The remote procedure call failed. (0x6be)',
].join('\n');
const r = spawnSync(process.execPath, ['dist/cli.js', 'diagnose', '--json', sample], {
  env: { ...process.env, WCDOCTOR_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (r.status !== 0 || !existsSync(cache)) {
  console.error(`code-cache: the warm-up run exited ${r.status ?? r.signal}; no cache written (wcdoctor still works, it just starts slower)`);
  process.exit(1);
}
console.error(`code-cache: ${cache} (${Math.round(statSync(cache).size / 1024)} KiB)`);
