// Run by react-development.test.ts in a process of its own, with NODE_ENV=development: the suite renders React's
// production build (vitest.config.ts), which does not check what its development build warns about (a list without
// keys, an update of an unmounted component, a hook called out of order). This walks the screens in the development
// build and prints, as JSON, every warning or error React wrote and the screens it reached.
import path from 'node:path';
import type { Route } from '../../src/ui/navigation.js';
import { loadCompatData } from '../core/compat/load-compat.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { fixtureKb } from '../helpers/kb-fixture.js';
import { bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { tFor } from '../helpers/i18n.js';
import { loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import type { DiagnoseFn } from '../../src/ui/contexts/PlatformContext.js';

const printed: string[] = [];
for (const level of ['error', 'warn'] as const) console[level] = (...args: unknown[]) => void printed.push(`${level}: ${args.map(String).join(' ').slice(0, 400)}`);

/** The built knowledge base (dist/, as `npm install` builds it): the leads need the real catalogue of codes. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const t = tFor('en');
const PASTE = "docker: Error response from daemon: 'web' failed to start: This operation returned because the timeout period expired. (0x800705B4)";
// A paste that matches no known issue but has codes: the leads' list (one line per code, and its "more" line).
const LEADS = 'hnsCall failed in Win32: Element not found. (0x490) and 0x80070020 and 0x80370101 and 0xC0370101 and 0x80070005';
/** Each walk: where it starts, the keys, and what only the screen it should reach shows (its title in the breadcrumb …). */
const WALKS: { name: string; initial: Route[]; keys: string[]; ready: string; diagnose?: DiagnoseFn; kb?: KnowledgeBase }[] = [
  { name: 'home, help', initial: [{ screen: 'home' }], keys: ['?'], ready: t('help.title') },
  { name: 'diagnose a paste, open the first result', initial: [{ screen: 'diagnose', text: '' }], keys: [bracketedPaste(PASTE), '\t', '\r'], ready: 'processor' },
  { name: 'diagnose: no match, the leads', initial: [{ screen: 'diagnose', text: '' }], keys: [bracketedPaste(LEADS)], ready: t('diagnose.results.leadsTitle', { count: 5 }).slice(0, 30), diagnose: (kb, text) => diagnose(kb, text), kb: loadKnowledgeBase(ROOT) },
  { name: 'topic', initial: [{ screen: 'topic', topicId: 'processor-count-start-timeout' }], keys: ['j', 'j'], ready: 'processor' },
  { name: 'docs, search', initial: [{ screen: 'docs' }], keys: ['/', 'n', 'a', 't', '\r'], ready: `› ${t('docs.title')}` },
  { name: 'trees, first tree', initial: [{ screen: 'tree' }], keys: ['\r', '\r'], ready: `› ${t('tree.title')}` },
  { name: 'network wizard', initial: [{ screen: 'network' }], keys: ['\r', '\r'], ready: `› ${t('wizard.title')}` },
  { name: 'compat', initial: [{ screen: 'compat' }], keys: ['1', '7', '7', '6', '3', '\r'], ready: `› ${t('compat.title')}`, kb: { ...fixtureKb(), compat: loadCompatData() } },
  { name: 'check, collected output', initial: [{ screen: 'check' }], keys: ['j', '\r'], ready: `› ${t('check.app.paste')}` },
  { name: 'settings', initial: [{ screen: 'settings' }], keys: ['j', '\r'], ready: `› ${t('settings.title')}` },
  { name: 'fix history', initial: [{ screen: 'history' }], keys: ['j'], ready: `› ${t('history.title')}` },
];

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const reached: string[] = [];
for (const walk of WALKS) {
  // The compatibility check reads the knowledge's compatibility data, which the small fixture does not have; the leads
  // need the real catalogue of codes.
  const platform = walk.kb ? fakePlatform({ kb: walk.kb }) : undefined;
  const { lastFrame, stdin, unmount } = renderApp({ initial: walk.initial, columns: 80, rows: 24, ...(platform ? { platform } : {}), ...(walk.diagnose ? { diagnose: walk.diagnose } : {}) });
  await settle();
  for (const k of walk.keys) {
    stdin.write(k);
    await settle();
  }
  // The screen it should reach, within two seconds (a diagnosis waits for typing to pause).
  for (let waited = 0; waited < 2000 && !(lastFrame() ?? '').includes(walk.ready); waited += 30) await settle();
  if ((lastFrame() ?? '').includes(walk.ready)) reached.push(walk.name);
  else if (process.env.WCDOCTOR_TEST_SHOW) process.stderr.write(`${walk.name}:\n${lastFrame()}\n`);
  unmount();
  await settle();
}
process.stdout.write(JSON.stringify({ development: process.env.NODE_ENV, printed, reached, walks: WALKS.length }));
process.exit(0);
