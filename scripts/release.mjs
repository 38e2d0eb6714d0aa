// `npm run release`: builds every release artefact into release/<version>/ from one build of dist/:
//   wcdoctor-<version>-win-x64.zip   wcdoctor.exe, a Node single executable (SEA) for Windows x64,
//                                    and NOTICES.txt (the licence of the vendored documents, and
//                                    the legal comments of the bundled libraries)
//   wcdoctor-<version>.tgz           the npm package (`npm pack`)
//   wcdoctor-<version>-SHA256SUMS    the hashes of both, and of wcdoctor.exe as unzipped
// and, for tests and the benchmark, release/<version>/unpublished/: wcdoctor.exe as zipped, and
// wcdoctor, the same blob in the Linux binary of the same Node version (the "Linux twin").
//
// Node binaries come from scripts/fetch-node.mjs (checked against pinned sha512). The npm package is
// built by the current LTS (NODE_LINES.lts: its code cache fits that version). The executables use
// NODE_LINES.exe throughout: its Linux binary generates the SEA blob (a blob from another version
// makes the executable crash) and the Windows binary of that same version receives it. Each
// executable carries a code cache made by its own binary (the Windows one under Wine, when Wine is
// installed; V8 rejects a cache made on Linux there, which costs start-up time but nothing else).
// Steps: npm run build → npm pack (of a staging copy whose package.json has no scripts or devDependencies)
// → code caches → blobs (node --experimental-sea-config) → Linux twin → Windows: remove the Authenticode
// signature (osslsigncode), stamp wcdoctor's name and version in the version information (resedit),
// inject (postject), sign again when a certificate is given → zip → SHA256SUMS.
//
// Signing (optional; skipped with a message when none is set):
//   WCDOCTOR_SIGN_PFX=path.pfx [WCDOCTOR_SIGN_PASSWORD=…]            a PKCS#12 file, or
//   WCDOCTOR_SIGN_CERT=cert.pem WCDOCTOR_SIGN_KEY=key.pem [WCDOCTOR_SIGN_PASSWORD=…]
//   WCDOCTOR_SIGN_TIMESTAMP=URL  a timestamp server (needs the network)
// Usage: npm run release [-- --no-win] [-- --out DIR]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, openSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ResEdit from 'resedit';
import { fetchNode, NODE_LINES } from './fetch-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = process.argv.slice(2);
const withWin = !args.includes('--no-win');
const outArg = args.indexOf('--out');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const version = pkg.version;
const out = path.resolve(outArg >= 0 ? args[outArg + 1] : path.join('release', version));
const stage = path.join(root, '.tmp', 'release-stage');
const say = (msg) => process.stderr.write(`release: ${msg}\n`);
const fail = (msg) => {
  say(`FAILED: ${msg}`);
  process.exit(1);
};
/** Runs a command; fails the release with its output when it fails. */
function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  if (r.status !== 0) fail(`${path.basename(cmd)} ${argv.join(' ')} exited ${r.status ?? r.signal}:\n${(r.stderr || '') + (r.stdout || '')}`.trim());
  return r.stdout;
}
const has = (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).error === undefined;
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const mib = (file) => `${(statSync(file).size / 1048576).toFixed(1)} MiB`;
/**
 * The node flags wcdoctor.exe (and its Linux twin) start with (the SEA's `execArgv`): a young
 * generation of 4 MB from the start. Loading the knowledge base allocates about 2 MB, which from
 * V8's default 1 MB start took two scavenges (about 3 ms of a 50 ms diagnosis) copying the whole
 * knowledge base; peak memory is unchanged. The npm launcher cannot pass flags portably
 * (`#!/usr/bin/env -S` fails on BusyBox), so only the executable has them.
 */
const SEA_NODE_FLAGS = ['--min-semi-space-size=4'];
/**
 * The fields of package.json an installed package needs, kept in the tarball's package.json; the rest
 * (scripts, devDependencies, allowScripts) is the repository's. npm 11 warned at `npm install -g` of the
 * tarball about its `prepare` script (found by a helper), and a user's npm could run the others.
 */
const PACKAGE_FIELDS = new Set([
  'name', 'version', 'description', 'keywords', 'homepage', 'bugs', 'license', 'author', 'contributors', 'funding', 'repository',
  'type', 'main', 'exports', 'bin', 'man', 'engines', 'os', 'cpu', 'files',
  'dependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta', 'bundleDependencies',
]);
const SENTINEL = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const postject = path.join(root, 'node_modules', '.bin', 'postject');

if (!existsSync(postject)) fail('postject is missing: run npm ci first');
if (withWin && !has('osslsigncode')) fail('osslsigncode is needed to remove the signature of node.exe (Debian: apt-get install osslsigncode), or pass --no-win');
if (withWin && !has('zip')) fail('zip is needed for the Windows archive (Debian: apt-get install zip), or pass --no-win');

// 1. The Node binaries.
const nodeLts = fetchNode('linux', 'lts');
const nodeLinux = fetchNode('linux', 'exe');
const nodeWin = withWin ? fetchNode('win', 'exe') : undefined;
say(`npm package built on Node ${NODE_LINES.lts}; executables on Node ${NODE_LINES.exe}`);
const envWith = (node) => {
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` };
  delete env.NODE_OPTIONS;
  return env;
};
const withNode = envWith(nodeLts);

// 2. dist/ (bundle, knowledge base, code cache) built by the LTS, then the npm package made from it.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
say(`npm run build (Node ${NODE_LINES.lts})`);
run('npm', ['run', 'build'], { env: withNode });
// The knowledge base of a release is built with every pattern timed: the verdicts kept in a cache folder between
// builds switch the timing off, and a line added to them let a catastrophic pattern through (an attacker helper).
say('kb build --no-cache (every pattern timed)');
run('node', ['dist/cli.js', 'kb', 'build', '--no-cache'], { env: withNode });
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
say('npm pack');
const tarball = packNpm();
const BUNDLES = ['main.js', 'diagnose.js'];
for (const f of ['dist/sea.js', ...BUNDLES.flatMap((b) => [`dist/${b}`, `dist/${b}.cache`]), 'dist/kb.json']) if (!existsSync(f)) fail(`${f} is missing after the build`);

// 3. The assets: what is unpacked on first run, and the bundles with their code caches (read in memory).
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const unpacked = [
  'dist/package.json',
  // The host collector: `check` runs it and `check --script` prints it (found by a helper: without it both were an
  // internal error from the exe).
  'dist/collect.ps1',
  'dist/kb.json',
  'dist/kb-text.json',
  'dist/kb-display.json',
  'dist/kb-terms.bin',
  ...walk('dist/esm'),
  ...readdirSync('locales').filter((f) => f.endsWith('.json')).map((f) => `locales/${f}`),
].map((f) => f.split(path.sep).join('/')).sort();
// The unpacked folder is a package root to the CLI (src/platform/package-root.ts looks for this name).
const rootPackage = path.join(stage, 'package.json');
writeFileSync(rootPackage, `${JSON.stringify({ name: pkg.name, version, type: 'module', private: true }, null, 2)}\n`);
const content = createHash('sha256');
for (const f of [...unpacked, ...BUNDLES.map((b) => `dist/${b}`)]) content.update(f).update('\0').update(readFileSync(f));
const name = `${version}-${content.digest('hex').slice(0, 16)}`;
writeFileSync(path.join(stage, 'manifest.json'), JSON.stringify({ name, files: ['package.json', ...unpacked] }));
// The code caches: a package copy in which each executable's own Node runs the warm-up run.
const pkgCopy = path.join(stage, 'pkg');
mkdirSync(pkgCopy, { recursive: true });
copyFileSync(rootPackage, path.join(pkgCopy, 'package.json'));
for (const f of [...unpacked, ...BUNDLES.map((b) => `dist/${b}`), 'dist/cli.js']) {
  mkdirSync(path.dirname(path.join(pkgCopy, f)), { recursive: true });
  copyFileSync(f, path.join(pkgCopy, f));
}
/** Each platform's code cache of each bundle: stage/<bundle>.cache.<platform>. */
const caches = Object.fromEntries(['linux', 'win'].map((p) => [p, Object.fromEntries(BUNDLES.map((b) => [b, path.join(stage, `${b}.cache.${p}`)]))]));
// The caches are made with the executable's node flags: V8 rejects a cache made under other flags.
run(nodeLinux, [...SEA_NODE_FLAGS, path.join(root, 'scripts', 'code-cache.mjs')], { cwd: pkgCopy, env: envWith(nodeLinux) });
for (const b of BUNDLES) copyFileSync(path.join(pkgCopy, 'dist', `${b}.cache`), caches.linux[b]);
/** The Windows code caches made by node.exe under Wine (undefined without Wine). */
let windowsCaches;
if (withWin) {
  const made = windowsCodeCache(nodeWin, pkgCopy);
  windowsCaches = made;
  for (const b of BUNDLES) copyFileSync(made?.[b] ?? caches.linux[b], caches.win[b]);
  if (!made) say("wcdoctor.exe carries the Linux code caches: Windows will likely reject them and compile the bundles (slower start, same behaviour)");
}

/** The blob for one platform: the same entry and files, with that platform's code cache. */
function blobFor(platform) {
  const seaConfig = {
    main: 'dist/sea.js',
    output: path.join(stage, `sea-${platform}.blob`),
    disableExperimentalSEAWarning: true,
    // A snapshot made on Linux is refused on Windows. Each bundle carries its own cache (dist/*.js.cache), used by
    // src/cli/run-bundle.ts. The entry is compiled with SEA's code cache: without one, Node compiles it through the
    // folder NODE_COMPILE_CACHE names and runs whatever compiled code it finds there (an attacker's, found by a
    // helper); with one, it never looks there for the entry, and the entry itself starts again without the variable.
    // (On Node 20 SEA's code cache broke import() in the entry; 22.23.3 imports the ES-module chunks with it.)
    useSnapshot: false,
    useCodeCache: true,
    // NODE_OPTIONS is ignored: wcdoctor.exe is a tool, not a Node runtime (see README).
    execArgvExtension: 'none',
    execArgv: SEA_NODE_FLAGS,
    assets: {
      'wcdoctor-manifest.json': path.join(stage, 'manifest.json'),
      'package.json': rootPackage,
      ...Object.fromEntries(unpacked.map((f) => [f, f])),
      ...Object.fromEntries(BUNDLES.flatMap((b) => [[`dist/${b}`, `dist/${b}`], [`dist/${b}.cache`, caches[platform][b]]])),
    },
  };
  // The entry's code cache is made by the executable's own Node, with the flags it runs with: V8 refuses one made by
  // another platform's Node or under other flags, and Node then warned at every start. Without Wine, the Windows
  // blob has none (and the entry is compiled at each start, through NODE_COMPILE_CACHE's folder if that is set).
  const byWine = platform === 'win' && windowsCaches !== undefined;
  if (platform === 'win' && !byWine) {
    seaConfig.useCodeCache = false;
    say("wcdoctor.exe's entry has no code cache (no Wine): NODE_COMPILE_CACHE can give it compiled code from elsewhere");
  }
  const config = path.join(stage, `sea-config-${platform}.json`);
  writeFileSync(config, JSON.stringify(seaConfig, null, 2));
  if (byWine) {
    const r = spawnSync('wine', [nodeWin, ...SEA_NODE_FLAGS, '--experimental-sea-config', config], { env: wineEnv(path.join(stage, 'wineprefix')), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120000 });
    spawnSync('wineserver', ['-k'], { env: wineEnv(path.join(stage, 'wineprefix')), stdio: 'ignore' });
    if (r.status !== 0 || !existsSync(seaConfig.output)) fail(`node.exe under Wine could not make the Windows blob (exit ${r.status ?? r.signal}): ${String(r.stderr).trim().slice(0, 300)}`);
  } else run(nodeLinux, [...SEA_NODE_FLAGS, '--experimental-sea-config', config], { env: envWith(nodeLinux) });
  return seaConfig.output;
}
say(`SEA blobs (${unpacked.length + 1} files unpacked on first run to …/wcdoctor/app/${name})`);

// 4. The Linux twin (tests and benchmark).
const linuxDir = path.join(out, 'unpublished');
mkdirSync(linuxDir, { recursive: true });
const linuxExe = path.join(linuxDir, 'wcdoctor');
copyFileSync(nodeLinux, linuxExe);
chmodSync(linuxExe, 0o755);
run(postject, [linuxExe, 'NODE_SEA_BLOB', blobFor('linux'), '--sentinel-fuse', SENTINEL, '--overwrite']);
const linuxVersion = run(linuxExe, ['--version'], { env: { PATH: process.env.PATH ?? '' } }).trim();
if (linuxVersion !== version) fail(`the Linux twin says its version is "${linuxVersion}", not ${version}`);
say(`unpublished/wcdoctor (Linux twin) ${mib(linuxExe)}`);

// 5. The Windows executable.
const sums = [[sha256(tarball), path.basename(tarball)]];
if (withWin) {
  const winDir = path.join(stage, 'win');
  mkdirSync(winDir, { recursive: true });
  const exe = path.join(winDir, 'wcdoctor.exe');
  const unsigned = path.join(stage, 'node-unsigned.exe');
  rmSync(unsigned, { force: true });
  run('osslsigncode', ['remove-signature', '-in', nodeWin, '-out', unsigned]);
  stampVersion(unsigned, exe);
  run(postject, [exe, 'NODE_SEA_BLOB', blobFor('win'), '--sentinel-fuse', SENTINEL, '--overwrite']);
  sign(exe);
  const zipFile = path.join(out, `wcdoctor-${version}-win-x64.zip`);
  // -X: no extra file attributes; a fixed time makes the archive depend on the exe's bytes only.
  const when = new Date('2026-01-01T00:00:00Z');
  spawnSync('touch', ['-d', when.toISOString(), exe]);
  const notices = path.join(winDir, 'NOTICES.txt');
  const legal = walk('dist').filter((f) => f.endsWith('.LEGAL.txt')).sort();
  writeFileSync(
    notices,
    [
      `wcdoctor ${version}`,
      '',
      'The documentation text inside wcdoctor.exe comes from MicrosoftDocs/Virtualization-Documentation:',
      '',
      readFileSync('knowledge/sources/LICENSE', 'utf8').trim(),
      ...legal.map((f) => `\n----- ${path.basename(f, '.LEGAL.txt')}: legal comments of the bundled libraries -----\n\n${readFileSync(f, 'utf8').trim()}`),
      '',
    ].join('\n').replace(/\n/g, '\r\n'),
  );
  spawnSync('touch', ['-d', when.toISOString(), notices]);
  run('zip', ['-X', '-9', '-j', '-q', zipFile, exe, notices]);
  sums.push([sha256(zipFile), path.basename(zipFile)], [sha256(exe), 'wcdoctor.exe']);
  copyFileSync(exe, path.join(out, 'unpublished', 'wcdoctor.exe'));
  say(`wcdoctor.exe ${mib(exe)}, zipped ${mib(zipFile)}`);
}
writeFileSync(path.join(out, `wcdoctor-${version}-SHA256SUMS`), `${sums.map(([h, f]) => `${h}  ${f}`).join('\n')}\n`);
say(`npm package ${path.basename(tarball)} ${(statSync(tarball).size / 1024).toFixed(0)} KiB`);
say(`done: ${path.relative(root, out)}/ (${readdirSync(out).join(', ')})`);

/**
 * Packs the npm package into `out` and returns the tarball's path. npm lists what it would pack from
 * the repository (`files`, README.md, package.json); that list is copied to a staging folder with a
 * package.json of PACKAGE_FIELDS only, and packed from there: the repository's own package.json (its
 * scripts for `npm install`, `npm test`, `npm run …`) stays as it is. The tarball must hold the same files.
 */
function packNpm() {
  const packJson = (argv, opts) => JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', ...argv], { env: withNode, ...opts }).replace(/^[^[]*/, ''))[0];
  const listed = packJson(['--dry-run']).files.map((f) => f.path).sort();
  const npmStage = path.join(stage, 'npm');
  for (const f of listed) {
    if (f === 'package.json') continue;
    mkdirSync(path.dirname(path.join(npmStage, f)), { recursive: true });
    copyFileSync(f, path.join(npmStage, f));
  }
  const forUsers = Object.fromEntries(Object.entries(pkg).filter(([k]) => PACKAGE_FIELDS.has(k)));
  writeFileSync(path.join(npmStage, 'package.json'), `${JSON.stringify(forUsers, null, 2)}\n`);
  const packed = packJson(['--pack-destination', out], { cwd: npmStage });
  const files = packed.files.map((f) => f.path).sort();
  if (files.join('\n') !== listed.join('\n')) fail(`the npm package from the staging folder holds other files than npm lists for the repository:\n${files.join(' ')}\nnot\n${listed.join(' ')}`);
  return path.join(out, packed.filename);
}

/**
 * Writes node.exe to `to` with wcdoctor's name and version in its version information (what
 * Explorer's Details tab and Get-Item's VersionInfo show), saying which Node.js it contains.
 */
function stampVersion(from, to) {
  const exe = ResEdit.NtExecutable.from(readFileSync(from), { ignoreCert: true });
  const resources = ResEdit.NtExecutableResource.from(exe);
  const [info] = ResEdit.Resource.VersionInfo.fromEntries(resources.entries);
  if (!info) fail('node.exe has no version information to stamp');
  const [major = 0, minor = 0, patch = 0] = version.split(/[.+-]/).map(Number);
  info.setFileVersion(major, minor, patch, 0);
  info.setProductVersion(major, minor, patch, 0);
  for (const lang of info.getAllLanguagesForStringValues()) {
    info.setStringValues(lang, {
      CompanyName: 'wcdoctor',
      ProductName: 'wcdoctor',
      FileDescription: 'wcdoctor, the Windows Container Doctor',
      FileVersion: version,
      ProductVersion: version,
      OriginalFilename: 'wcdoctor.exe',
      InternalName: 'wcdoctor',
      LegalCopyright: 'MIT License. Contains Node.js (MIT License, Node.js contributors).',
      Comments: `A Node.js ${NODE_LINES.exe} single executable application.`,
    });
  }
  info.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  writeFileSync(to, Buffer.from(exe.generate()));
}

/**
 * The code caches made by the Windows node.exe itself, under Wine (a fresh prefix set to Windows 10;
 * files for every stream, since pipes fail under Wine), as scripts/code-cache.mjs makes them: one
 * warm-up run per bundle. Returns each bundle's cache file, or undefined when Wine is missing or fails.
 */
function windowsCodeCache(nodeExe, pkgDir) {
  if (spawnSync('wine', ['--version'], { stdio: 'ignore' }).status !== 0) {
    say('Wine is not installed: no Windows code cache');
    return undefined;
  }
  const prefix = path.join(stage, 'wineprefix');
  const env = { ...wineEnv(prefix), WCDOCTOR_WRITE_CODE_CACHE: '1' };
  spawnSync('wine', ['winecfg', '-v', 'win10'], { env, stdio: 'ignore' });
  const sample = 'failed to create endpoint web on network nat: hnsCall failed in Win32: The remote procedure call failed. (0x6be)';
  // A plain diagnosis loads the diagnose bundle; after `--`, commander reads it, in the full bundle.
  const runs = { 'diagnose.js': ['diagnose', '--json', sample], 'main.js': ['diagnose', '--json', '--', sample] };
  const made = {};
  for (const [bundle, args] of Object.entries(runs)) {
    const cache = path.join(pkgDir, 'dist', `${bundle}.cache`);
    rmSync(cache, { force: true });
    const io = ['in', 'out', 'err'].map((n) => path.join(stage, `wine-${n}`));
    writeFileSync(io[0], '');
    const fds = [openSync(io[0], 'r'), openSync(io[1], 'w'), openSync(io[2], 'w')];
    const r = spawnSync('wine', [nodeExe, ...SEA_NODE_FLAGS, path.join(pkgDir, 'dist', 'cli.js'), ...args], { env, stdio: fds, timeout: 120000 });
    fds.forEach((fd) => closeSync(fd));
    // 0: a match, 1: none; either way the run compiled the diagnosis path.
    if ((r.status !== 0 && r.status !== 1) || !existsSync(cache)) {
      spawnSync('wineserver', ['-k'], { env, stdio: 'ignore' });
      say(`the Windows code cache of ${bundle} could not be made under Wine (exit ${r.status ?? r.signal}): ${readFileSync(io[2], 'utf8').trim().slice(0, 300)}`);
      return undefined;
    }
    made[bundle] = path.join(stage, `${bundle}.cache.wine`);
    copyFileSync(cache, made[bundle]);
  }
  spawnSync('wineserver', ['-k'], { env, stdio: 'ignore' });
  say('Windows code caches made by node.exe under Wine');
  return made;
}

/** The environment for a quiet, headless Wine with its own prefix. */
function wineEnv(prefix) {
  return { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=;winemenubuilder.exe=d', DISPLAY: '' };
}

/** Signs the executable with osslsigncode when a certificate is given; says why not otherwise. */
function sign(exe) {
  const { WCDOCTOR_SIGN_PFX: pfx, WCDOCTOR_SIGN_CERT: cert, WCDOCTOR_SIGN_KEY: key, WCDOCTOR_SIGN_PASSWORD: password, WCDOCTOR_SIGN_TIMESTAMP: ts } = process.env;
  if (!pfx && !(cert && key)) {
    say('not signed: no certificate given (set WCDOCTOR_SIGN_PFX, or WCDOCTOR_SIGN_CERT and WCDOCTOR_SIGN_KEY)');
    return;
  }
  const signed = `${exe}.signed`;
  const argv = ['sign', ...(pfx ? ['-pkcs12', pfx] : ['-certs', cert, '-key', key]), '-n', 'wcdoctor', '-h', 'sha256', '-in', exe, '-out', signed];
  let passFile;
  if (password) {
    // The password goes through a file readable by us only, never on a command line.
    passFile = path.join(stage, 'sign-pass');
    writeFileSync(passFile, password, { mode: 0o600 });
    argv.splice(1, 0, '-readpass', passFile);
  }
  if (ts) argv.splice(1, 0, '-ts', ts);
  const signing = spawnSync('osslsigncode', argv, { encoding: 'utf8' });
  if (passFile) rmSync(passFile, { force: true });
  if (signing.status !== 0) fail(`osslsigncode sign exited ${signing.status}: ${(signing.stderr || signing.stdout).trim()}`);
  // The digest in the signature must be the file's. A chain this machine does not trust (a private CA,
  // a self-signed test certificate) fails osslsigncode's own verdict but is still a sound signature.
  const check = spawnSync('osslsigncode', ['verify', '-in', signed], { encoding: 'utf8' });
  const text = `${check.stdout}${check.stderr}`;
  const current = /Current message digest\s*:\s*([0-9A-F]+)/.exec(text)?.[1];
  const calculated = /Calculated message digest\s*:\s*([0-9A-F]+)/.exec(text)?.[1];
  if (!current || current !== calculated) fail(`the signature of wcdoctor.exe does not verify:\n${text.trim()}`);
  if (check.status !== 0) say('signed; osslsigncode does not trust the certificate chain on this machine (a private or self-signed certificate?)');
  copyFileSync(signed, exe);
  rmSync(signed);
  say('signed with osslsigncode');
}
