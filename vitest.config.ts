import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20000,
    hookTimeout: 60000,
    // Worker threads that keep their module cache from one test file to the next: importing src/ (and
    // ink, React, fuse.js, TypeScript for the regex scan) once per worker instead of once per file took the
    // import phase from 43 s to about 5 s of the run. Test files must therefore leave no state behind:
    // each restores what it changes (process.env, the cwd) and unmounts what it renders (cleanup()).
    pool: 'threads',
    isolate: false,
    // The real knowledge base, assembled once per run for every file that needs it (test/helpers/real-kb.ts).
    globalSetup: ['test/setup/knowledge-base.ts'],
  },
});
