// Bundles wcdoctor with esbuild. An ES-module entry costs more to start than a CommonJS one (the
// ESM loader itself has to load), and compiling the bundle is most of the rest, so the headless
// commands are CommonJS, compiled once at build time:
//  - dist/cli.js: the launcher (src/cli/launcher.ts), which runs dist/main.js or dist/diagnose.js
//    through V8's code cache (dist/*.js.cache, written by scripts/code-cache.mjs after the knowledge base);
//  - dist/main.js: the CLI and every headless command in one CommonJS file;
//  - dist/diagnose.js: the same CLI without commander and the other commands, which the launcher
//    loads for a plain `wcdoctor diagnose` (a third of the code; anything else it hands to main.js);
//  - dist/esm/*.mjs: what must stay ES modules or is heavy and rarely needed (the Ink app, whose
//    yoga layout uses top-level await; marked and marked-terminal; conf; `kb build/check/stats`
//    with yaml and zod), split into chunks and imported on first use;
//  - dist/esm/check-worker.mjs: the worker thread in which the app reads, parses and evaluates a large
//    collected file (src/platform/facts-file-worker.ts), loaded by its path, not imported, and sharing the
//    app's chunks; the executable unpacks it with the rest of dist/esm/;
//  - dist/sea.js: the entry of the single executable (src/cli/sea-launcher.ts), which runs the same
//    bundle from the executable's assets (scripts/release.mjs embeds it; the npm package leaves it out).
// The parts share no state: the CLI passes plain data and the platform object to the app, and
// errors are recognised by brand, not by class identity (src/core/errors.ts).
// WCDOCTOR_BUILD_NO_MINIFY=1 keeps names readable, for profiling.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  jsx: 'automatic',
  minify: process.env.WCDOCTOR_BUILD_NO_MINIFY !== '1',
  sourcemap: false,
  legalComments: 'linked',
  logLevel: 'warning',
  define: {
    'process.env.NODE_ENV': '"production"',
    // What the pattern verdicts kept between runs of kb build/check are valid for (src/platform/pattern-verdict-cache.ts).
    __WCD_REGEX_CHECKER__: JSON.stringify(createHash('sha256').update(readFileSync('src/core/text/regex-safety.ts')).digest('hex').slice(0, 32)),
  },
};

/** The ES-module parts: entry name → what it bundles (a source file or a package). */
const esmParts = {
  run: 'src/ui/run.ts',
  kb: 'src/cli/commands/kb-actions.ts',
  marked: 'marked',
  'marked-terminal': 'src/ui/markdown/terminal-part.ts',
  conf: 'conf',
};
/** ES-module parts that are the entry of a worker thread: started by path, never imported by the CLI bundles. */
const workerParts = {
  'check-worker': 'src/platform/facts-file-worker.ts',
};
const isPackage = (p) => !p.startsWith('src/');
/** Packages are bundled through a one-line re-export (an entry point must be a file). */
const entryOf = (name, what) => (isPackage(what) ? `scripts/entries/${name}.mjs` : what);

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
// dist/*.js are CommonJS although the package is "type": "module".
writeFileSync('dist/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
// The host collector of `wcdoctor check` ships as the script itself (check --script prints it; check runs it).
copyFileSync('src/platform/collector/collect.ps1', 'dist/collect.ps1');

await build({
  ...common,
  entryPoints: { ...Object.fromEntries(Object.entries(esmParts).map(([name, what]) => [name, entryOf(name, what)])), ...workerParts },
  splitting: true,
  format: 'esm',
  outdir: 'dist/esm',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.js' },
  banner: {
    js: "import { createRequire as __wcdCreateRequire } from 'node:module'; const require = __wcdCreateRequire(import.meta.url);",
  },
});

/**
 * `import path from 'node:path'` in a CommonJS bundle becomes esbuild's interop copy of the module
 * (__toESM: a getter defined for each of its functions), made once per importing file: nine copies
 * of node:path and one of node:os, 1.4 ms of every start spent on names only `.default` ever reads
 * (and node:vm in the launchers).
 * The CLI's builtin imports go through a module of our own instead, which exports the builtin as its
 * default and its functions by name, bound once.
 */
const builtinImports = {
  name: 'builtin-imports',
  setup(b) {
    b.onResolve({ filter: /^node:(?:path|os|vm)$/ }, (args) =>
      args.namespace !== 'wcdoctor-builtin' && /[\\/]src[\\/]/.test(args.importer) ? { path: args.path, namespace: 'wcdoctor-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'wcdoctor-builtin' }, (args) => {
      const names = Object.keys(process.getBuiltinModule(args.path)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      return { contents: `const m = require(${JSON.stringify(args.path)});\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`, loader: 'js' };
    });
  },
};

/** What the launcher expects on the second line of a CLI bundle (the same as in src/cli/run-bundle.ts, which a test checks). */
const BUNDLE_WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';

/**
 * The bundle with every character outside ASCII written as a \\u escape. esbuild escapes them in
 * strings but leaves them in patterns (/[?？]/, 系统错误); one such character made V8 hold the whole
 * source as a two-byte string, twice the memory of a one-byte one, a cost paid at every start in
 * garbage collection. The escapes stand in regex literals, strings and identifiers for the same
 * character; in a String.raw template they would stay six characters, so one there is allowed only
 * in a pattern given straight to new RegExp (which reads the escape as the character).
 */
function asciiOnly(code, file) {
  const escaped = code.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, c) => {
    // `\。` (an identity escape) becomes `\u3002`, not `\\u3002` (a backslash and "u3002").
    const kept = slashes.length % 2 ? slashes.slice(0, -1) : slashes;
    return `${kept}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  for (let at = code.indexOf('String.raw`'); at >= 0; at = code.indexOf('String.raw`', at + 1)) {
    const end = code.indexOf('`', at + 11);
    if (/[\u0080-\uffff]/.test(code.slice(at, end)) && code.slice(at - 11, at) !== 'new RegExp(') {
      throw new Error(`build: ${file} has a String.raw template with a character outside ASCII that is not a pattern for new RegExp: ${code.slice(at, at + 80)}`);
    }
  }
  if (/[^\x00-\x7f]/.test(escaped)) throw new Error(`build: ${file} is not ASCII after escaping`);
  return escaped;
}

/** An import of ./program.js (commander and every command) from src/cli/main.ts, for the diagnose bundle: it hands the run to the full bundle. */
const toMainBundle = {
  name: 'program-from-main-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\/program\.js$/ }, (args) => (/[\\/]src[\\/]cli[\\/]main\.ts$/.test(args.importer) ? { path: 'program', namespace: 'wcdoctor-main-bundle' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'wcdoctor-main-bundle' }, () => ({
      contents: "module.exports = { parseWithCommander: (argv, io) => globalThis[Symbol.for('wcdoctor.mainBundle')]().parseWithCommander(argv, io) };",
      loader: 'js',
    }));
  },
};

/**
 * A CommonJS bundle of the CLI from src/cli/main.ts, loaded by the launcher (dist/cli.js) through
 * V8's code cache: dist/main.js, the CLI and every command; dist/diagnose.js, the same without
 * commander and the other commands, for a plain `wcdoctor diagnose` (src/cli/diagnose-args.ts), a
 * third of the code to load. Returns the ES-module parts it imports.
 */
async function buildCli(name, plugins = []) {
  const file = `dist/${name}.js`;
  const { metafile } = await build({
    ...common,
    metafile: true,
    entryPoints: { [name]: 'src/cli/main.ts' },
    format: 'cjs',
    outdir: 'dist',
    // import.meta.url (only package-root.ts's fallback reads it) is worked out when read, not at every start.
    define: { ...common.define, 'import.meta.url': '__wcdModule.url' },
    banner: {
      js: [
        "const __wcdModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };",
        "const __wcdImportEsm = globalThis[Symbol.for('wcdoctor.importEsm')] ?? ((s) => import(s));",
      ].join('\n'),
    },
    plugins: [
      ...plugins,
      builtinImports,
      {
        // commander requires node:child_process at load time, for executable subcommands that
        // wcdoctor does not have; loading it (with node:net, node:stream and node:dgram) costs a few
        // milliseconds of every start. Commander gets a stand-in that loads the module on first use.
        name: 'lazy-child-process',
        setup(b) {
          b.onResolve({ filter: /^node:child_process$/ }, (args) =>
            /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'wcdoctor-lazy' } : undefined,
          );
          b.onLoad({ filter: /.*/, namespace: 'wcdoctor-lazy' }, () => ({
            contents: "module.exports = new Proxy({}, { get: (_, key) => process.getBuiltinModule('node:child_process')[key] });",
            loader: 'js',
          }));
        },
      },
      {
        // fuse.js (a quarter of the diagnose bundle) serves only a spelling fallback of diagnosis and
        // the docs search; compiled and initialised at load, it cost every start about a millisecond.
        // The bundles get a stand-in constructor that loads it (bundled, as a CommonJS module
        // esbuild initialises on first require) when the first index is made.
        name: 'lazy-fuse',
        setup(b) {
          b.onResolve({ filter: /^fuse\.js$/ }, (args) => (args.namespace === 'wcdoctor-lazy-fuse' ? undefined : { path: 'lazy-fuse', namespace: 'wcdoctor-lazy-fuse' }));
          b.onLoad({ filter: /.*/, namespace: 'wcdoctor-lazy-fuse' }, () => ({
            contents: [
              'let Fuse;',
              "function LazyFuse(...args) { Fuse ??= require('fuse.js'); return new Fuse(...args); }",
              'module.exports = LazyFuse;',
            ].join('\n'),
            resolveDir: process.cwd(),
            loader: 'js',
          }));
        },
      },
      {
        // An import of an ES-module part (by package name, or by the resolved source file) stays
        // an import of its file in dist/esm/.
        name: 'leave-to-esm',
        setup(b) {
          const byTarget = new Map(Object.entries(esmParts).map(([part, what]) => [isPackage(what) ? what : path.resolve(what), `./esm/${part}.mjs`]));
          b.onResolve({ filter: /.*/ }, (args) => {
            const target = args.path.startsWith('.') ? path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts') : args.path;
            const esm = byTarget.get(target);
            return esm ? { path: esm, external: true } : undefined;
          });
        },
      },
    ],
  });
  // The launcher runs the bundle through vm.Script, where import() needs an experimental flag:
  // send the bundle's imports of its ES-module parts to the loader the launcher registers.
  const bundle = readFileSync(file, 'utf8');
  const imported = new Set(bundle.match(/\bimport\("\.\/esm\/[\w-]+\.mjs"\)/g) ?? []);
  const parts = new Set(Object.keys(esmParts).map((part) => `import("./esm/${part}.mjs")`));
  const rewritten = bundle.replace(/\bimport\("(\.\/esm\/[\w-]+\.mjs)"\)/g, '__wcdImportEsm("$1")');
  const stray = rewritten.replace('((s) => import(s))', '').match(/\bimport\([^)]*\)/g);
  if (!imported.size || [...imported].some((i) => !parts.has(i)) || stray) {
    throw new Error(`build: ${file} should import only ES-module parts; found ${[...imported].join(', ') || 'none'}${stray ? `, and ${stray.join(', ')}` : ''}`);
  }
  const ascii = asciiOnly(rewritten, file);
  // The first line names this build by its content, so that the launcher takes only a code cache made
  // from this very bundle (see src/cli/launcher.ts). The rest is the bundle already wrapped as a
  // CommonJS module (BUNDLE_WRAPPER in src/cli/run-bundle.ts), which the launcher compiles as it is
  // instead of building a second copy of the text with node:module's wrap().
  const buildId = createHash('sha256').update(ascii).digest('hex').slice(0, 32);
  writeFileSync(file, `// wcdoctor-build: ${buildId}\n${BUNDLE_WRAPPER}${ascii}\n});`);
  return { imported, inputs: Object.keys(metafile.inputs) };
}

const main = await buildCli('main');
const missing = Object.keys(esmParts).filter((part) => !main.imported.has(`import("./esm/${part}.mjs")`));
if (missing.length) throw new Error(`build: dist/main.js should import every ES-module part; ${missing.join(', ')} missing`);
const diagnose = await buildCli('diagnose', [toMainBundle]);
const heavy = diagnose.inputs.filter((f) => /node_modules[\\/]commander[\\/]|src[\\/]cli[\\/](?:program|commands[\\/](?!diagnose\.ts|ui\.ts))/.test(f));
if (heavy.length) throw new Error(`build: dist/diagnose.js should hold no commander and no command but diagnose; it has ${heavy.join(', ')}`);

await build({
  ...common,
  entryPoints: { cli: 'src/cli/launcher.ts' },
  format: 'cjs',
  outdir: 'dist',
  plugins: [builtinImports],
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync('dist/cli.js', 0o755);

await build({
  ...common,
  entryPoints: { sea: 'src/cli/sea-launcher.ts' },
  format: 'cjs',
  outdir: 'dist',
  plugins: [builtinImports],
});
