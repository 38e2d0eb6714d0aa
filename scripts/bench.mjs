// Benchmarks for wcdoctor, reported in one run (figures, not assertions):
//  - cold start of `diagnose --json 0x800705B4` beside bare `node -e ''` of the same Node version:
//    the npm install and the exe's Linux twin from release/<version>/, or dist/cli.js without one;
//    and the exe's size, raw and zipped
//  - warm diagnose latency on the real knowledge base: a one-line and a 1 MB paste
//  - warm diagnose latency on a synthetic knowledge base of 10,000 topics
//  - (when tmux is present) time from process start to the first frame of the app, and the
//    peak RSS of a session that diagnoses a 1 MB paste
// Usage: npm run bench [-- --runs N]
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importFromSource } from './lib/eval-sets.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 21;
if (!existsSync('dist/cli.js') || !existsSync('dist/kb.json')) {
  console.error('bench: dist/ is not built; run "npm run build" first');
  process.exit(2);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const results = {};
const progress = (msg) => process.stderr.write(`bench: ${msg}\n`);
// Users do not have NODE_EXTRA_CA_CERTS (some build machines set it; it adds ~35 ms to every Node 20
// start): every process this benchmark starts runs without it, bare node and wcdoctor alike.
const childEnv = { ...process.env };
delete childEnv.NODE_EXTRA_CA_CERTS;

// 1. Cold start, interleaved so that machine noise hits both sides alike: each way wcdoctor ships
// beside bare `node -e ''` of the Node version it runs on. From the release (npm run release):
// the npm package installed into a prefix, run on the current LTS, and the Linux twin of
// wcdoctor.exe (the same SEA blob, same Node version as the exe). Without a release: dist/cli.js
// on the Node running this script.
const ARGS = ['diagnose', '--json', '0x800705B4'];
// A whole failure line as well: its words go through the index and the spelling search, which a bare code skips.
const oneLine = "docker: Error response from daemon: failed to create endpoint web on network nat: hnsCall failed in Win32: The remote procedure call failed. (0x6be).";
const LINE_ARGS = ['diagnose', '--json', oneLine];
const time = (cmd, args) => {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', input: '', env: childEnv });
  const t = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return t;
};
/**
 * The cold start of a bare code and of a whole failure line beside bare node, in one interleaved loop
 * (bare, code, line, bare, …): both ratios share one measure of bare node, taken in the same moments.
 * Measured in two loops, each with its own bare node, the two baselines differed by a fifth on a noisy
 * hour, and the ratios with them.
 */
function coldPairs(what, bareNode, cmd, lead = []) {
  const bare = [];
  const code = [];
  const line = [];
  const codeArgs = [...lead, ...ARGS];
  const lineArgs = [...lead, ...LINE_ARGS];
  for (let i = 0; i < 3; i++) time(bareNode, ['-e', '']), time(cmd, codeArgs), time(cmd, lineArgs);
  for (let i = 0; i < RUNS; i++) {
    bare.push(time(bareNode, ['-e', '']));
    code.push(time(cmd, codeArgs));
    line.push(time(cmd, lineArgs));
  }
  const bareMs = median(bare);
  return [
    { what, bareMs, appMs: median(code), ratio: median(code) / bareMs },
    { what, line: true, bareMs, appMs: median(line), ratio: median(line) / bareMs },
  ];
}
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const releaseDir = path.join(root, 'release', version);
const pairs = [];
if (existsSync(path.join(releaseDir, `wcdoctor-${version}.tgz`))) {
  const { fetchNode, NODE_LINES } = await import('./fetch-node.mjs');
  const nodeLts = fetchNode('linux', 'lts');
  const prefix = path.join(root, '.tmp', 'bench-npm-prefix');
  rmSync(prefix, { recursive: true, force: true });
  progress(`installing release/${version}/wcdoctor-${version}.tgz into .tmp/bench-npm-prefix`);
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(releaseDir, `wcdoctor-${version}.tgz`)], {
    env: { ...childEnv, PATH: `${path.dirname(nodeLts)}${path.delimiter}${process.env.PATH}` },
    stdio: 'ignore',
  });
  // The bin script finds node on PATH, as it does for a user.
  childEnv.PATH = `${path.dirname(nodeLts)}${path.delimiter}${process.env.PATH}`;
  progress(`cold start of the npm install on Node ${NODE_LINES.lts}, ${RUNS} runs each`);
  pairs.push(...coldPairs(`npm install, Node ${NODE_LINES.lts}`, nodeLts, path.join(prefix, 'bin', 'wcdoctor')));
  const twin = path.join(releaseDir, 'unpublished', 'wcdoctor');
  if (existsSync(twin)) {
    const nodeExe = fetchNode('linux', 'exe');
    childEnv.XDG_CACHE_HOME = path.join(root, '.tmp', 'bench-sea-cache');
    progress(`cold start of the exe's Linux twin on Node ${NODE_LINES.exe}, ${RUNS} runs each`);
    pairs.push(...coldPairs(`exe's Linux twin, Node ${NODE_LINES.exe}`, nodeExe, twin));
    delete childEnv.XDG_CACHE_HOME;
    results.twinMiB = statSync(twin).size / 1048576;
  }
  const exe = path.join(releaseDir, 'unpublished', 'wcdoctor.exe');
  const zip = path.join(releaseDir, `wcdoctor-${version}-win-x64.zip`);
  if (existsSync(exe) && existsSync(zip)) {
    results.exeMiB = statSync(exe).size / 1048576;
    results.exeZipMiB = statSync(zip).size / 1048576;
  }
  results.npmTarballKiB = statSync(path.join(releaseDir, `wcdoctor-${version}.tgz`)).size / 1024;
  childEnv.PATH = process.env.PATH;
  rmSync(prefix, { recursive: true, force: true });
} else {
  progress(`no release/${version}/ (npm run release): measuring dist/cli.js on this Node (${process.version}), ${RUNS} runs each`);
  pairs.push(...coldPairs(`dist/cli.js, Node ${process.version.slice(1)}`, process.execPath, process.execPath, ['dist/cli.js']));
}
results.coldStart = pairs;

// 2. Warm latency: bundle the pure engine and call it in-process.
mkdirSync('.tmp', { recursive: true });
const { diagnose, computeDiagnosisData, loadKnowledgeBase } = await importFromSource([
  "export { diagnose } from './src/core/diagnosis/diagnose.ts';",
  "export { computeDiagnosisData } from './src/core/diagnosis/build-index.ts';",
  "export { loadKnowledgeBase } from './src/platform/knowledge-fs.ts';",
]);
const kb = loadKnowledgeBase(root);

function measure(kbase, text, runs) {
  diagnose(kbase, text); // warms the index and the JIT
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    diagnose(kbase, text);
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

function megabytePaste() {
  const block = readFileSync('knowledge/sources/zh-CN/003_07a008495d68cca4.txt', 'utf8').split('\n').slice(240, 300).join('\n');
  const parts = [];
  let size = 0;
  for (let i = 0; size < 1024 * 1024; i++) {
    const chunk = `${block.replace(/rqv6p/g, `p${i}`)}\nI1122 13:0${i % 10}:00.000 kubelet.go:${1000 + i}] pod worker ${i}: sync ok\n`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}
const mb = megabytePaste();
progress('warm diagnose on the real knowledge base');
results.warmOneLineMs = measure(kb, oneLine, 200);
results.warm1MBMs = measure(kb, mb, 9);
results.pasteBytes = mb.length;

// Adversarial pastes (issue 11): each once made wcdoctor backtrack for seconds or forever. The
// worst of them, warm, beside the one-line figure; and a 5 MB paste from a cold start.
const adversarial = {
  'docker run + 28 short options': `docker run${' --a'.repeat(28)} !`,
  'docker run, 26 --opt=value, capital image': `docker run ${Array.from({ length: 26 }, (_, i) => `--opt${i}=value${i}`).join(' ')} MyRegistry.io/Team/Image:Latest`,
  'error + 64,000 newlines': `error${'\n'.repeat(64000)}`,
  'blank lines under docker service ps': `docker service ps web\n${' \n'.repeat(50000)}x`,
  '200,000 spaces': `error${' '.repeat(200000)}!`,
  '5 MB of distinct codes': Array.from({ length: 450000 }, (_, i) => `0x${(0x80070000 + i).toString(16)}`).join(' '),
};
progress('adversarial pastes, warm');
results.adversarialMs = {};
for (const [name, text] of Object.entries(adversarial)) results.adversarialMs[name] = measure(kb, text, 3);
const [worstName, worstMs] = Object.entries(results.adversarialMs).sort((a, b) => b[1] - a[1])[0];
results.adversarialWorst = worstName;
results.adversarialWorstMs = worstMs;
const fiveMb = path.join(root, '.tmp/bench-5mb.txt');
writeFileSync(fiveMb, Array.from({ length: 60000 }, (_, i) => `time="2024-01-0${(i % 9) + 1}T10:00:00Z" level=info msg="container ${i.toString(16).padStart(12, '0')} started" module=libcontainerd\n`).join('') + 'Error response from daemon: hcsshim::CreateComputeSystem: The container operating system does not match the host operating system. (0xc0370101)\n');
const cold5 = [];
for (let i = 0; i < 5; i++) {
  const t1 = performance.now();
  spawnSync(process.execPath, ['dist/cli.js', 'diagnose', '--json', '-'], { input: readFileSync(fiveMb), env: childEnv });
  cold5.push(performance.now() - t1);
}
results.cold5MBMs = median(cold5);
rmSync(fiveMb, { force: true });

// 3. Synthetic knowledge base of 10,000 topics built from the real ones with new ids and words.
progress('building a synthetic knowledge base of 10,000 topics');
const words = [...new Set(kb.topics.flatMap((t) => Object.values(t.signatures.keywords).flat().join(' ').split(/\s+/)))].filter(Boolean);
let seed = 42;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
const topics = [];
for (let i = 0; i < 10000; i++) {
  const base = kb.topics[i % kb.topics.length];
  const extra = Array.from({ length: 4 }, () => `${words[rand(words.length)]}${rand(50)}`);
  topics.push({
    ...base,
    id: `${base.id}-${i}`,
    title: { ...base.title, en: `${base.title.en} ${extra[0]}` },
    signatures: {
      ...base.signatures,
      phrases: base.signatures.phrases.map((p) => `${p} ${extra[1]}`),
      keywords: { ...base.signatures.keywords, en: [...(base.signatures.keywords.en ?? []), ...extra] },
      regexes: i < kb.topics.length ? base.signatures.regexes : [],
    },
  });
}
// What `kb build` would precompute for it, then the index a cold start builds from that.
const big = { ...kb, topics, diagnosis: undefined };
let t0 = performance.now();
big.diagnosis = computeDiagnosisData(big);
results.synthetic10kPrecomputeMs = performance.now() - t0;
t0 = performance.now();
diagnose(big, 'x');
results.synthetic10kIndexBuildMs = performance.now() - t0;
results.synthetic10kOneLineMs = measure(big, oneLine, 50);

// 4. The app: first frame and peak RSS, in a real terminal (tmux).
function hasTmux() {
  return spawnSync('tmux', ['-V']).status === 0;
}
if (hasTmux() && process.env.WCDOCTOR_BENCH_UI !== '0') {
  progress('first frame of the app in tmux');
  const sock = `wcd-bench-${process.pid}`;
  const tmux = (...a) => spawnSync('tmux', ['-L', sock, ...a], { encoding: 'utf8', env: childEnv });
  const frames = [];
  const bareUi = [];
  for (let i = 0; i < 7; i++) {
    for (const [list, cmd, needle] of [
      [frames, `node ${root}/dist/cli.js`, /wcdoctor/i],
      [bareUi, `node -e "process.stdout.write('ready')" && sleep 5`, /ready/],
    ]) {
      tmux('kill-server');
      const start = performance.now();
      tmux('new-session', '-d', '-x', '80', '-y', '24', '-e', 'WCDOCTOR_CONFIG_DIR=/tmp/wcd-bench-conf', cmd);
      let seen = 0;
      while (performance.now() - start < 10000) {
        const pane = tmux('capture-pane', '-p').stdout ?? '';
        if (needle.test(pane)) {
          seen = performance.now() - start;
          break;
        }
      }
      if (seen) list.push(seen);
    }
  }
  tmux('kill-server');
  if (frames.length && bareUi.length) {
    results.firstFrameMs = median(frames);
    results.firstFrameBareNodeMs = median(bareUi);
    results.firstFrameRatio = results.firstFrameMs / results.firstFrameBareNodeMs;
  }
  // Peak RSS of an interactive session that diagnoses a 1 MB paste (bracketed paste in tmux).
  progress('peak memory of an app session diagnosing a 1 MB paste');
  const pasteFile = path.join(root, '.tmp/bench-1mb.txt');
  writeFileSync(pasteFile, mb);
  tmux('kill-server');
  tmux('new-session', '-d', '-x', '100', '-y', '30', '-e', 'WCDOCTOR_CONFIG_DIR=/tmp/wcd-bench-conf', `node ${root}/dist/cli.js`);
  const pid = (tmux('list-panes', '-F', '#{pane_pid}').stdout ?? '').trim();
  const waitFor = (re, ms) => {
    const start = performance.now();
    while (performance.now() - start < ms) if (re.test(tmux('capture-pane', '-p').stdout ?? '')) return true;
    return false;
  };
  if (pid && waitFor(/Diagnose/, 10000)) {
    tmux('send-keys', 'Enter');
    waitFor(/Matches|Paste/i, 5000);
    tmux('load-buffer', pasteFile);
    const pasted = performance.now();
    tmux('paste-buffer', '-p');
    const done = waitFor(/high|medium|low/, 30000);
    // From the paste to its diagnosis on screen: the paste is read, kept whole and diagnosed (a reader that
    // searched all it had read on every read would grow with the square of the paste; see the README on ink).
    if (done) results.session1MBPasteToResultMs = performance.now() - pasted;
    const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    if (done && hwm) results.peakRssSession1MBMiB = Number(hwm[1]) / 1024;
  }
  tmux('kill-server');
  rmSync(pasteFile, { force: true });
}
const rss = spawnSync('/usr/bin/time', ['-v', process.execPath, 'dist/cli.js', 'diagnose', '--json', '-'], { input: mb, encoding: 'utf8', env: childEnv });
const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(rss.stderr ?? '');
if (peak) results.peakRssHeadless1MBMiB = Number(peak[1]) / 1024;

console.log('\nwcdoctor benchmark (medians)');
for (const p of results.coldStart) console.log(`  cold start, diagnose --json ${p.line ? 'a failure line' : '0x800705B4'} ${fmt(p.appMs)}  beside bare node ${fmt(p.bareMs)}: ${p.ratio.toFixed(2)}x (target <= 1.5x)  [${p.what}]`);
if (results.exeMiB) console.log(`  wcdoctor.exe                           ${results.exeMiB.toFixed(1)} MiB, zipped ${results.exeZipMiB.toFixed(1)} MiB (Linux twin ${results.twinMiB?.toFixed(1)} MiB)`);
if (results.npmTarballKiB) console.log(`  npm package                            ${results.npmTarballKiB.toFixed(0)} KiB`);
console.log(`  warm diagnose, one line                ${fmt(results.warmOneLineMs)}  (target < 5 ms)`);
console.log(`  warm diagnose, ${(results.pasteBytes / 1048576).toFixed(1)} MB paste            ${fmt(results.warm1MBMs)}`);
console.log(`  warm diagnose, worst adversarial paste ${fmt(results.adversarialWorstMs)}  (${results.adversarialWorst}; beside ${fmt(results.warmOneLineMs)} for one line; target well under 100 ms)`);
console.log(`  cold diagnose - of a 5 MB log          ${fmt(results.cold5MBMs)}  (target < 2 s)`);
console.log(`  10,000 topics: kb build precompute     ${fmt(results.synthetic10kPrecomputeMs)}`);
console.log(`  10,000 topics: index build at start    ${fmt(results.synthetic10kIndexBuildMs)}`);
console.log(`  10,000 topics: warm diagnose, one line ${fmt(results.synthetic10kOneLineMs)}  (target < 50 ms)`);
if (results.firstFrameMs) console.log(`  first frame of the app (tmux)          ${fmt(results.firstFrameMs)}  vs bare node ${fmt(results.firstFrameBareNodeMs)} (${results.firstFrameRatio.toFixed(2)}x; target <= 3.5x)`);
if (results.peakRssSession1MBMiB) console.log(`  peak RSS, app session, 1 MB paste      ${results.peakRssSession1MBMiB.toFixed(0)} MiB = ${(results.peakRssSession1MBMiB * 1.048576).toFixed(0)} MB (target < 120 MB)`);
if (results.session1MBPasteToResultMs) console.log(`  app session, 1 MB paste to its result  ${results.session1MBPasteToResultMs.toFixed(0)} ms`);
if (results.peakRssHeadless1MBMiB) console.log(`  peak RSS, diagnose - of a 1 MB paste   ${results.peakRssHeadless1MBMiB.toFixed(0)} MiB`);
console.log(`\n${JSON.stringify(results)}`);
