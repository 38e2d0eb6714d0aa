// Bundles the CLI with esbuild in two parts, because on Node 20 an ES-module entry costs about
// 20 ms more to start than a CommonJS one (the ESM loader itself has to load):
//  - dist/cli.js: every headless command in one CommonJS file (no module graph to resolve);
//  - dist/esm/*.mjs: what must stay ESM (Ink and yoga's top-level await, marked, marked-terminal,
//    conf), split into chunks and imported only when the app, Markdown rendering or settings
//    are used.
// The two parts share no state: the CLI passes plain data and the platform object to the app,
// and errors are recognised by brand, not by class identity (see src/core/errors.ts).
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  minify: process.env.WCD_NOMINIFY !== '1',
  sourcemap: false,
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** Imports that the CommonJS part leaves to the ESM part, and the file each one becomes. */
const toEsm = {
  '../../ui/run.js': './esm/run.mjs',
  './kb.js': './esm/kb.mjs',
  marked: './esm/marked.mjs',
  'marked-terminal': './esm/marked-terminal.mjs',
  conf: './esm/conf.mjs',
};

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
// dist/*.js are CommonJS although the package is "type": "module".
writeFileSync('dist/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

await build({
  ...common,
  entryPoints: {
    run: 'src/ui/run.ts',
    kb: 'src/cli/commands/kb.ts',
    marked: 'scripts/entries/marked.mjs',
    'marked-terminal': 'scripts/entries/marked-terminal.mjs',
    conf: 'scripts/entries/conf.mjs',
  },
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

// The CLI bundle, loaded by the launcher (dist/cli.js) through V8's code cache.
await build({
  ...common,
  entryPoints: { main: 'src/cli/main.ts' },
  format: 'cjs',
  outdir: 'dist',
  define: { ...common.define, 'import.meta.url': '__wcdModuleUrl' },
  banner: {
    js: [
      "const __wcdModuleUrl = require('node:url').pathToFileURL(__filename).href;",
      "const __wcdImportEsm = globalThis[Symbol.for('wcdoctor.importEsm')] ?? ((s) => import(s));",
    ].join('\n'),
  },
  plugins: [
    {
      name: 'leave-to-esm',
      setup(b) {
        b.onResolve({ filter: /^(\.\.\/\.\.\/ui\/run\.js|\.\/kb\.js|marked|marked-terminal|conf)$/ }, (args) => ({ path: toEsm[args.path], external: true }));
      },
    },
  ],
});

// The launcher runs the bundle through vm.Script, where import() needs an experimental flag:
// send the bundle's imports of its ES-module parts to the loader the launcher registers.
const bundle = readFileSync('dist/main.js', 'utf8');
const esmImports = bundle.match(/\bimport\("\.\/esm\/[\w-]+\.mjs"\)/g) ?? [];
const rewritten = bundle.replace(/\bimport\("(\.\/esm\/[\w-]+\.mjs)"\)/g, '__wcdImportEsm("$1")');
if (esmImports.length !== Object.keys(toEsm).length + 1 || /\bimport\(/.test(rewritten.replace('((s) => import(s))', ''))) {
  throw new Error(`build: expected one import() per ES-module part in dist/main.js, found ${esmImports.join(', ') || 'none'}`);
}
writeFileSync('dist/main.js', rewritten);

await build({
  ...common,
  entryPoints: { cli: 'src/cli/launcher.ts' },
  format: 'cjs',
  outdir: 'dist',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync('dist/cli.js', 0o755);
