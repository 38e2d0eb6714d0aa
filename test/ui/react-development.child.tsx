// Run by react-development.test.ts in a process of its own, with NODE_ENV=development: the suite renders React's
// production build (vitest.config.ts), which does not check what its development build warns about (a list without
// keys, an update of an unmounted component, a hook called out of order). This walks the screens in the development
// build and prints, as JSON, every warning or error React wrote and the screens it reached.
import type { Route } from '../../src/ui/navigation.js';
import { loadCompatData } from '../core/compat/load-compat.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { fixtureKb } from '../helpers/kb-fixture.js';
import { bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';

const printed: string[] = [];
for (const level of ['error', 'warn'] as const) console[level] = (...args: unknown[]) => void printed.push(`${level}: ${args.map(String).join(' ').slice(0, 400)}`);

const PASTE = "docker: Error response from daemon: 'web' failed to start: This operation returned because the timeout period expired. (0x800705B4)";
const WALKS: { name: string; initial: Route[]; keys: string[]; ready: RegExp }[] = [
  { name: 'home, help', initial: [{ screen: 'home' }], keys: ['?'], ready: /\?/ },
  { name: 'diagnose a paste, open the first result', initial: [{ screen: 'diagnose', text: '' }], keys: [bracketedPaste(PASTE), '\t', '\r'], ready: /wcdoctor ›/ },
  { name: 'topic', initial: [{ screen: 'topic', topicId: 'processor-count-start-timeout' }], keys: ['j', 'j'], ready: /wcdoctor ›/ },
  { name: 'docs, search', initial: [{ screen: 'docs' }], keys: ['/', 'n', 'a', 't', '\r'], ready: /wcdoctor ›/ },
  { name: 'trees, first tree', initial: [{ screen: 'tree' }], keys: ['\r', '\r'], ready: /wcdoctor ›/ },
  { name: 'network wizard', initial: [{ screen: 'network' }], keys: ['\r', '\r'], ready: /wcdoctor ›/ },
  { name: 'compat', initial: [{ screen: 'compat' }], keys: ['1', '7', '7', '6', '3', '\r'], ready: /wcdoctor ›/ },
  { name: 'check', initial: [{ screen: 'check' }], keys: ['j', '\r'], ready: /wcdoctor ›/ },
  { name: 'settings', initial: [{ screen: 'settings' }], keys: ['j', '\r'], ready: /wcdoctor ›/ },
  { name: 'fix history', initial: [{ screen: 'history' }], keys: ['j'], ready: /wcdoctor ›/ },
];

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const reached: string[] = [];
for (const walk of WALKS) {
  // The compatibility check reads the knowledge's compatibility data, which the small fixture does not have.
  const platform = walk.initial[0]?.screen === 'compat' ? fakePlatform({ kb: { ...fixtureKb(), compat: loadCompatData() } }) : undefined;
  const { lastFrame, stdin, unmount } = renderApp({ initial: walk.initial, columns: 80, rows: 24, ...(platform ? { platform } : {}) });
  await settle();
  for (const k of walk.keys) {
    stdin.write(k);
    await settle();
  }
  if (walk.ready.test(lastFrame() ?? '')) reached.push(walk.name);
  else if (process.env.WCDOCTOR_TEST_SHOW) process.stderr.write(`${walk.name}:\n${lastFrame()}\n`);
  unmount();
  await settle();
}
process.stdout.write(JSON.stringify({ development: process.env.NODE_ENV, printed, reached, walks: WALKS.length }));
process.exit(0);
