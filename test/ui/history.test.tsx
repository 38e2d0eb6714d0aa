// Issue 17, defect 9: a screen for the fix history, and a way from an entry to its topic's fixes.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/fixes/types.js';
import { makeKb } from '../core/fixes/fix-fixtures.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame } from '../helpers/wait-for.js';
import { historyItem } from '../../src/ui/screens/history/HistoryScreen.js';
import { tFor } from '../helpers/i18n.js';
import { AuditLogError } from '../../src/platform/audit-log.js';

afterEach(() => cleanup());

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  time: '2026-12-01T10:00:00.000Z',
  topic: 'demo-topic',
  fix: 'list-networks',
  outcome: 'ran',
  command: 'docker network ls',
  argv: ['docker', 'network', 'ls'],
  exitCode: 0,
  durationMs: 120,
  ...over,
});

describe('historyItem', () => {
  it('keeps an entry on its line: a line feed or tab in the log is shown (found by a regression tester)', () => {
    const item = historyItem(entry({ fix: 'a\nforged row', command: 'x\ty', reason: 'r\nnext' }), 0, tFor('en'));
    expect(item.label).toContain('a␊forged row');
    expect(item.detail).toBe('x␉y · r␊next');
  });

  it("names a collector run's script by the digest the log recorded (its command line does not name it)", () => {
    const sha256 = 'ab'.repeat(32);
    expect(historyItem(entry({ command: 'powershell.exe -Command …', inputSha256: sha256 }), 0, tFor('en')).detail).toBe(`powershell.exe -Command … · input SHA-256 ${sha256}`);
    expect(historyItem(entry({ command: 'c', reason: 'spawn x ENOENT', inputSha256: sha256 }), 0, tFor('sv-SE')).detail).toBe(`c · spawn x ENOENT · indata SHA-256 ${sha256}`);
  });
});

describe('HistoryScreen', () => {
  it('is on the home menu and says when there is nothing yet', async () => {
    const { lastFrame, stdin, t } = renderApp({ rows: 30 });
    await waitForFrame(lastFrame, t('history.menu'));
    for (let i = 0; i < 6; i++) stdin.write(KEYS.down);
    await waitForFrame(lastFrame, `❯ ${t('history.menu')}`);
    stdin.write(KEYS.enter);
    const empty = await waitForFrame(lastFrame, t('history.empty'));
    // Nothing to open or show in full: those keys are not offered (a new-user helper).
    expect(empty).not.toContain(t('history.keys.topic'));
    expect(empty).not.toContain(t('keys.showFull'));
    expect(empty).toContain(t('keys.back'));
  });

  // A regression tester: a log in a folder another user can change is refused (attack45), and the screen said "This is a
  // bug in wcdoctor" beside the reason.
  it('says why the log cannot be read, as something to put right, not as a bug', async () => {
    const platform = fakePlatform({ kb: makeKb() });
    const reason = '/home/u/.local/share/wcdoctor can be changed by another user (mode 777): the audit log is neither written nor read there (set WCDOCTOR_DATA_DIR to a folder of your own)';
    const refusing = { ...platform, audit: { ...platform.audit, read: () => { throw new AuditLogError(reason); } } };
    const { lastFrame, t } = renderApp({ platform: refusing, initial: [{ screen: 'history' }], rows: 30, columns: 120 });
    const frame = (await waitForFrame(lastFrame, 'neither written')).replace(/\s+/g, ' ');
    expect(frame).toContain('WCDOCTOR_DATA_DIR');
    expect(frame).not.toContain(t('error.bug').slice(0, 20));
  });

  it('does not say no fix was run when the part of the log it read holds no whole entry (a regression tester: a last line of 9 MiB)', async () => {
    const platform = fakePlatform({ kb: makeKb() });
    platform.audit.read = () => ({ file: platform.audit.path, entries: [], warnings: [], notes: [], skipped: 0, unreadBytes: 9 * 1024 * 1024 });
    const { lastFrame, t } = renderApp({ platform, initial: [{ screen: 'history' }], columns: 100, rows: 24 });
    const frame = await waitForFrame(lastFrame, t('history.noneRead').slice(0, 40));
    expect(frame).not.toContain(t('history.empty'));
  });

  it("shows the log's path with its control characters made visible (an attacker hid text through WCDOCTOR_DATA_DIR)", async () => {
    const platform = fakePlatform({ kb: makeKb() });
    (platform.audit as { path: string }).path = '/tmp/nd\u001b[8mHIDDEN\u001b[28m/audit.jsonl';
    const { lastFrame, t } = renderApp({ platform, initial: [{ screen: 'history' }], columns: 100, rows: 24 });
    const frame = await waitForFrame(lastFrame, t('history.title'));
    expect(frame).toContain('/tmp/nd␛[8mHIDDEN␛[28m/audit.jsonl');
    expect(frame).not.toContain('\u001b[8m');
  });

  it('lists the log newest first, shows an entry in full, and opens its topic at the fixes', async () => {
    const platform = fakePlatform({ kb: makeKb() });
    platform.audit.entries.push(entry({}), entry({ time: '2026-12-02T09:30:00.000Z', fix: 'restart-hns', outcome: 'refused', command: 'Restart-Service hns', reason: 'declined at the prompt' }));
    const { lastFrame, stdin, t } = renderApp({ platform, initial: [{ screen: 'history' }], columns: 80, rows: 24 });
    const frame = await waitForFrame(lastFrame, t('history.count', { count: 2 }));
    const newest = frame.indexOf('2026-12-02 09:30:00');
    expect(newest).toBeGreaterThan(-1);
    expect(frame.indexOf('2026-12-01 10:00:00')).toBeGreaterThan(newest);
    expect(frame).toContain(t('history.outcome.refused'));
    stdin.write('i');
    await waitForFrame(lastFrame, 'Restart-Service hns · declined at the prompt');
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('history.title'));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'demo-topic');
    stdin.write('f');
    await waitForFrame(lastFrame, '❯ ');
  });

  it("says so when an entry's topic is not in this version's knowledge, instead of doing nothing (found by an attacker helper)", async () => {
    const platform = fakePlatform({ kb: makeKb() });
    platform.audit.entries.push(entry({}), entry({ time: '2026-12-02T09:30:00.000Z', topic: '__proto__' }));
    const { lastFrame, stdin, t } = renderApp({ platform, initial: [{ screen: 'history' }], columns: 100, rows: 24 });
    await waitForFrame(lastFrame, t('history.count', { count: 2 }));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('history.noTopic', { topic: '__proto__' }));
    stdin.write(KEYS.down);
    const frame = await waitForFrame(lastFrame, '❯ ✔ ran  2026-12-01');
    expect(frame).not.toContain(t('history.noTopic', { topic: '__proto__' }));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'demo-topic');
  });

  it('keeps its title on screen with an entry open in full beside the warnings of a damaged log (found by a helper at 100×30)', async () => {
    const platform = fakePlatform({ kb: makeKb() });
    const long = `Set-Thing ${'-Name value '.repeat(120)}`;
    platform.audit.entries.push(entry({ command: long, reason: 'declined at the prompt '.repeat(20) }));
    platform.audit.read = () => ({ file: '/tmp/wcdoctor-test/audit.jsonl', entries: [...platform.audit.entries], warnings: ['audit log line 3 is damaged and was skipped', 'audit log line 5 is damaged and was skipped'], notes: [{ id: 'damaged', line: 3 }, { id: 'damaged', line: 5 }], skipped: 2, unreadBytes: 0 });
    const { lastFrame, stdin, t } = renderApp({ platform, initial: [{ screen: 'history' }], columns: 100, rows: 20 });
    await waitForFrame(lastFrame, t('history.count', { count: 1 }));
    stdin.write('i');
    const frame = await waitForFrame(lastFrame, 'Set-Thing -Name value');
    expect(frame.split('\n')[0]).toContain(`› ${t('history.title')}`);
    expect(frame.split('\n').length).toBeLessThan(20);
  });

  it('shows a recorded reason that is one of its own messages in the interface language', async () => {
    const platform = fakePlatform({ kb: makeKb(), settings: { language: 'ko-KR' } });
    platform.audit.entries.push(entry({ outcome: 'refused', command: 'Restart-Service hns', reason: 'declined at the confirmation prompt' }));
    const { lastFrame, stdin, t } = renderApp({ platform, initial: [{ screen: 'history' }], columns: 100, rows: 24, locale: 'ko-KR' });
    await waitForFrame(lastFrame, t('history.count', { count: 1 }));
    stdin.write('i');
    const frame = await waitForFrame(lastFrame, `Restart-Service hns · ${t('history.reason.declined')}`);
    expect(frame).not.toContain('declined at the confirmation prompt');
  });
});
