import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import LongFilesFirst from './test/setup/sequencer.js';

export default defineConfig({
  // JSX compiled for React's production build (NODE_ENV below): the development transform calls jsxDEV, which only
  // React's development build has.
  oxc: { jsx: { runtime: 'automatic', development: false } },
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
    // Vitest's default is one worker fewer than the machine's cores: one worker on a 2-core machine. Many
    // files mostly wait on a child process (the built CLI, pwsh, tmux), so more workers keep both cores busy
    // (the whole suite went from 112 s to 64 s on 2 cores with four). Three do it with less CPU: each worker
    // imports src/ and its libraries once, and a fourth import cost more than it overlapped (measured back to
    // back on 2026-12-03: three workers 58.2, 59.6, 59.8 s and 102-104 s of CPU; four 61.9, 64.5 s and
    // 112-116 s; two 65.3 s).
    maxWorkers: 3,
    // npm test runs vitest as `node --max-semi-space-size=64 node_modules/vitest/vitest.mjs run` (package.json): V8's
    // young generation, which the worker threads share the setting of, may grow to 64 MB per semi-space, so that the
    // workers' many short-lived objects are collected less often. It matters on Node 22.12, the oldest line (a reviewer
    // counted 92 scavenges against 31 in one run), less on Node 24, whose young generation grows further by itself
    // (28 against 29; side by side on 2026-12-06 the whole suite took 124 and 119 s of user CPU against 146 and 125,
    // within this machine's variation). A flag set from this file (v8.setFlagsFromString) does not reach the workers.
    // For the .NET runtime of the pwsh processes the PowerShell tests start (those tests were half of the suite's
    // CPU): without profile-guided re-compilation a short-lived pwsh spends about a quarter less CPU; without call
    // counting, methods stay at their first compilation instead of being compiled again, optimised, in the
    // background, which a pwsh that lives 5 to 15 s never earns back (the Pester run and the two harness runs took
    // 15-25 % less CPU; a bare start is the same).
    // XDG_CACHE_HOME: the user's cache folder of the code under test (the pattern verdicts `kb check` keeps, a code
    // cache the launcher writes when asked) is a folder of this checkout's, not the developer's own.
    // NODE_ENV: React and its reconciler as the product runs them (scripts/build.mjs defines it "production" in the
    // bundles): the screens' tests rendered React's development build, which checks and warns as it renders, and took
    // a fifth more CPU (test/ui: 32.5 s of CPU against 26.2 s, measured 2026-12-06), and with the development JSX
    // transform (oxc, above), more (27 s against 15.6 s). What only the development build checks (keys, hooks, updates of
    // unmounted components) test/ui/react-development.test.ts checks on every screen, in a process of its own.
    env: { NODE_ENV: 'production', DOTNET_TieredPGO: '0', DOTNET_TC_CallCounting: '0', XDG_CACHE_HOME: fileURLToPath(new URL('./node_modules/.cache/wcdoctor-test-user-cache', import.meta.url)) },
    // The real knowledge base, assembled once per run for every file that needs it (test/helpers/real-kb.ts).
    globalSetup: ['test/setup/knowledge-base.ts'],
    // … and the regex-safety verdicts it reached, handed to every test file (test/setup/pattern-verdicts.ts).
    setupFiles: ['test/setup/pattern-verdicts.ts'],
    // The files that take longest on their own start first (test/setup/sequencer.ts).
    sequence: { sequencer: LongFilesFirst },
    // Transformed modules kept in node_modules/.experimental-vitest-cache, keyed by each file's content and the
    // run's configuration: a developer's rerun does not transform src/ and test/ again (the transform phase went
    // from about 10 s to 2.6-3.7 s of the run; measured 2026-12-04). The two runs of .ci/run (other Node, other
    // reporters) do not share it: 14 s each there.
    experimental: { fsModuleCache: true },
  },
});
