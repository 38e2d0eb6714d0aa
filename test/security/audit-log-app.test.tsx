import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../src/core/knowledge/types.js';
import { makeKb } from '../core/fixes/fix-fixtures.js';
import { fakePlatform, type FakePlatformOptions } from '../helpers/fake-platform.js';
import { renderApp } from '../helpers/render.js';
import { plain, waitForFrame } from '../helpers/wait-for.js';

// Issue 11, item 5, in the app: a fix whose run cannot be recorded (the audit log is a directory, read-only, a link…)
// is not offered and never runs; the reason is shown in the interface language.

afterEach(() => cleanup());

const REASON = 'the audit log /data/audit.jsonl is a directory, not a regular file; wcdoctor only uses a regular file there (move it away)';

/** list-networks takes no values: the app goes straight to the checks and the question. */
function openListNetworks(opts: FakePlatformOptions & { locale?: Locale } = {}) {
  const { locale, ...platformOpts } = opts;
  const platform = fakePlatform({ kb: makeKb(), ...platformOpts, ...(locale ? { settings: { language: locale } } : {}) });
  const r = renderApp({ platform, initial: [{ screen: 'topic', topicId: 'demo-topic' }, { screen: 'fix', topicId: 'demo-topic', fixId: 'list-networks' }], ...(locale ? { locale } : {}) });
  return { ...r, platform };
}

async function waitForWrapped(lastFrame: () => string | undefined, text: string): Promise<string> {
  const flat = (s: string) => s.replace(/\s+/g, '');
  await vi.waitFor(() => expect(flat(plain(lastFrame()))).toContain(flat(text)), { timeout: 5000, interval: 10 });
  return plain(lastFrame());
}

describe('the app runs a fix only when its run can be recorded', () => {
  it.each<Locale>(['en', 'sv-SE', 'zh-CN', 'ko-KR'])('an unwritable audit log: refused before the question, in %s', async (locale) => {
    const { lastFrame, t, platform } = openListNetworks({ auditUnwritable: REASON, locale });
    const frame = await waitForWrapped(lastFrame, t('fix.refusal.auditUnwritable', { reason: REASON }));
    await waitForWrapped(lastFrame, t('fix.refused.auditHint'));
    expect(frame).not.toContain(t('fix.confirm.question'));
    expect(platform.shell.runs).toEqual([]);
    expect(platform.audit.entries).toEqual([]);
  });

  it('checked again when the user says Yes: a log that broke meanwhile stops the run', async () => {
    const { lastFrame, stdin, t, platform } = openListNetworks();
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    platform.audit.probe = () => {
      throw new Error(REASON);
    };
    stdin.write('y');
    await waitForWrapped(lastFrame, t('fix.refusal.auditUnwritable', { reason: REASON }));
    await new Promise((r) => setTimeout(r, 50));
    expect(platform.shell.runs).toEqual([]);
    expect(platform.audit.entries).toEqual([]);
  });

  it('a writable log: the question, then the run (unchanged)', async () => {
    const { lastFrame, stdin, t, platform } = openListNetworks();
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    stdin.write('y');
    await vi.waitFor(() => expect(platform.shell.runs).toHaveLength(1), { timeout: 5000, interval: 10 });
  });
});
