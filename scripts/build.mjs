// Bundles the CLI with esbuild: one small entry for the headless commands and lazily
// loaded chunks for the Ink UI and Markdown rendering, so that start-up stays light.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  jsx: 'automatic',
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.js' },
  banner: {
    js: "import { createRequire as __wcdCreateRequire } from 'node:module'; const require = __wcdCreateRequire(import.meta.url);",
  },
});
