import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { planFix } from '../../src/core/fixes/plan-fix.js';
import type { Locale } from '../../src/core/knowledge/types.js';
import { translateProblem } from '../../src/ui/fix-text.js';
import { loadCompatData } from '../core/compat/load-compat.js';
import { makeKb, makeTopic } from '../core/fixes/fix-fixtures.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { tFor } from '../helpers/i18n.js';
import { fixtureKb } from '../helpers/kb-fixture.js';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame } from '../helpers/wait-for.js';

afterEach(() => cleanup());

const openCompat = (locale: Locale) =>
  renderApp({ initial: [{ screen: 'compat' }], platform: fakePlatform({ kb: { ...fixtureKb(), compat: loadCompatData() }, settings: { language: locale } }), locale, columns: 100, rows: 40 });

describe('messages from core in the interface language', () => {
  it('shows why a host input cannot be read in Korean, with its values', async () => {
    const { lastFrame, stdin, t } = openCompat('ko-KR');
    await waitForFrame(lastFrame, t('compat.host.placeholder').slice(0, 20));
    stdin.write('hello there');
    const frame = await waitForFrame(lastFrame, `✖ ${t('compat.input.noBuild').slice(0, 20)}`);
    expect(frame).not.toContain('no Windows build found');
    stdin.write(KEYS.ctrlU);
    stdin.write(bracketedPaste('Microsoft Windows [Version 6.3.9600]'));
    const old = await waitForFrame(lastFrame, t('compat.input.oldWindows', { version: '6.3' }).slice(0, 30));
    expect(old).toContain('Windows 6.3');
    expect(old).not.toContain('cannot run Windows containers');
  });

  it('shows why an image input cannot be read in Chinese', async () => {
    const { lastFrame, stdin, t } = openCompat('zh-CN');
    await waitForFrame(lastFrame, t('compat.host.placeholder').slice(0, 20));
    stdin.write('10.0.17763.1234');
    stdin.write(KEYS.tab);
    await waitForFrame(lastFrame, t('compat.image.placeholder').slice(0, 20));
    stdin.write(bracketedPaste('Name: web\nImage:  <none>'));
    const frame = await waitForFrame(lastFrame, `✖ ${t('compat.input.notReference', { ref: '<none>' })}`);
    expect(frame).not.toContain('is not an image reference');
  });

  it('shows a value the program would read as an option in Swedish on the fix form', async () => {
    const platform = fakePlatform({ kb: makeKb(), settings: { language: 'sv-SE' } });
    const { lastFrame, stdin, t } = renderApp({
      platform,
      locale: 'sv-SE',
      columns: 140,
      initial: [{ screen: 'topic', topicId: 'demo-topic' }, { screen: 'fix', topicId: 'demo-topic', fixId: 'kubectl-label', entities: { node: 'n1' } }],
    });
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.tab);
    stdin.write('--all');
    const problem = t('fix.problem.optionLike', { name: 'text', value: '"--all"', first: '-', program: 'kubectl' });
    const frame = await waitForFrame(lastFrame, `✖ ${problem}`);
    expect(problem).toContain('flagga');
    expect(frame).not.toContain('would read it as an option');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('fix.form.blocked'));
    expect(platform.shell.runs).toEqual([]);
  });
});

describe('translateProblem', () => {
  it('puts the translated reason of an invalid value into the problem', () => {
    const t = tFor('ko-KR');
    const r = planFix(makeTopic(), 'net-use', { drive: 'Z', share: '\\\\srv\\s', bogus: '1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const texts = r.error.map((p) => translateProblem(p, t));
    expect(texts[1]).toBe(t('fix.problem.invalid', { name: 'drive', value: '"Z"', reason: t('fix.reason.driveLetter') }));
    expect(texts[0]).toBe(t('fix.problem.unknownName', { fix: 'net-use', name: 'bogus', names: 'drive, share, user, password' }));
    for (const [i, text] of texts.entries()) expect(text).not.toBe(r.error[i]?.message);
  });
});
