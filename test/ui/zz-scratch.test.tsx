import { it } from 'vitest';
import { fakePlatform } from '../helpers/fake-platform.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame, plain } from '../helpers/wait-for.js';
import { loadCompatData } from '../core/compat/load-compat.js';
import { fixtureKb } from '../helpers/kb-fixture.js';
import { readFileSync } from 'node:fs';

it('frames', async () => {
  const kb = JSON.parse(readFileSync('dist/kb.json', 'utf8'));
  const show = async (initial: any, keys: string[], wait: string, locale: any = 'en') => {
    const r = renderApp({ initial, platform: fakePlatform({ kb, settings: { language: locale } }), locale, columns: 80, rows: 24 });
    await waitForFrame(r.lastFrame, wait);
    for (const k of keys) { r.stdin.write(k); await new Promise((res) => setTimeout(res, 30)); }
    console.log(`----- ${JSON.stringify(initial)} ${locale}\n` + plain(r.lastFrame()));
    r.unmount();
  };
  await show([{ screen: 'home' }], [], 'wcdoctor');
  await show([{ screen: 'tree' }], [], 'wcdoctor', 'zh-CN');
  await show([{ screen: 'tree', treeId: 'orchestration-version-mismatch', entities: { service: 'web' } }], [KEYS.enter, KEYS.enter], 'wcdoctor');
  await show([{ screen: 'network' }], [KEYS.enter, KEYS.down, KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter, KEYS.down, KEYS.enter, KEYS.enter], 'wcdoctor', 'ko-KR');
  await show([{ screen: 'compat', host: '10.0.17763.1234', image: 'mcr.microsoft.com/windows/servercore:ltsc2016' }], [], 'wcdoctor', 'sv-SE');
  await show([{ screen: 'compat' }], [], 'wcdoctor');
}, 30000);
