import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readAll, readStdinOf, run } from '../../src/cli/main.js';
import { fakeIO, runCli } from '../helpers/cli-io.js';
import { tFor } from '../helpers/i18n.js';

// diagnose says its input errors (empty text, a bad --limit, no text at all, standard input over the limit) in the
// language of the run, --lang or the environment's, as history, check and compat say theirs. English reads as it always has.

/** Runs `wcdoctor ARGS` with standard input refused past 1 KiB (as readAll refuses it past 50 MiB). */
async function runOversized(args: string[], env: Record<string, string>) {
  const f = fakeIO({ env });
  const code = await run(args, { ...f.io, stdinPiped: true, readStdin: () => readAll(Readable.from([Buffer.alloc(2048, 0x61)]), 1024) });
  return { code, stderr: f.stderr() };
}

/** Runs `wcdoctor ARGS` with a standard input that cannot be opened, as a pipe under Wine (process.stdin throws EBADF). */
async function runUnreadable(args: string[], env: Record<string, string>) {
  const f = fakeIO({ env });
  const open = () => {
    throw Object.assign(new Error('open EBADF'), { code: 'EBADF' });
  };
  const code = await run(args, { ...f.io, stdinPiped: true, readStdin: () => readStdinOf(open) });
  return { code, stderr: f.stderr() };
}

describe('standard input that cannot be read (found by a helper: `echo x | wine wcdoctor.exe` was an internal error, exit 70)', () => {
  it('is an input error that says why, whether the stream cannot be made or fails while read', async () => {
    const opened = await readStdinOf(() => {
      throw Object.assign(new Error('open EBADF'), { code: 'EBADF' });
    }).catch((e: unknown) => e);
    expect(opened).toBeInstanceOf(UserError);
    expect(opened).toMatchObject({ message: 'standard input cannot be read (EBADF)', exitCode: 2 });
    const failing = new Readable({ read() { this.destroy(Object.assign(new Error('read EIO'), { code: 'EIO' })); } });
    expect(await readStdinOf(() => failing).catch((e: unknown) => e)).toMatchObject({ message: 'standard input cannot be read (EIO)', exitCode: 2 });
    // A code that is not an errno name is not echoed.
    expect(await readStdinOf(() => { throw Object.assign(new Error('x'), { code: '\u001b[2J' }); }).catch((e: unknown) => e)).toMatchObject({ message: 'standard input cannot be read (read error)' });
    expect(await readStdinOf(() => Readable.from([Buffer.from('0x5b4')]))).toBe('0x5b4');
  });
});

describe('check and compat say an unreadable or oversized standard input as their other input errors, with what they take instead (found by a reviewer and a helper: English, with diagnose\'s advice)', () => {
  const unreadable = () => readStdinOf(() => {
    throw Object.assign(new Error('open EBADF'), { code: 'EBADF' });
  });
  const oversized = () => readAll(Readable.from([Buffer.alloc(2048, 0x61)]), 1024);
  const runWith = async (args: string[], readStdin: () => Promise<string>, env: Record<string, string> = { LANG: 'en_US.UTF-8' }) => {
    const f = fakeIO({ env });
    const code = await run(args, { ...f.io, stdinPiped: true, readStdin });
    return { code, stderr: f.stderr() };
  };
  it('check --from -', async () => {
    expect(await runWith(['check', '--from', '-'], unreadable)).toEqual({ code: 2, stderr: 'wcdoctor check: standard input cannot be read (EBADF)\nwcdoctor check: save the output to a file and give it with --from FILE\n' });
    expect(await runWith(['check', '--from', '-'], oversized)).toEqual({ code: 2, stderr: 'wcdoctor check: standard input is larger than 1024 bytes, the most wcdoctor reads\nwcdoctor check: save the output to a file and give it with --from FILE\n' });
    const t = tFor('sv-SE');
    expect(await runWith(['--lang', 'sv-SE', 'check', '--from', '-'], unreadable)).toEqual({ code: 2, stderr: `wcdoctor check: ${t('cli.stdinUnreadable', { reason: 'EBADF' })}\nwcdoctor check: ${t('check.cli.fromFileHint')}\n` });
  });
  it('compat --host -', async () => {
    const r = await runWith(['compat', '--host', '-', '--image', 'ltsc2019'], unreadable);
    expect(r).toEqual({ code: 2, stderr: 'wcdoctor compat: standard input cannot be read (EBADF); give the host version and the image as values (e.g. --host 10.0.17763.1234 --image ltsc2019)\n' });
    expect((await runWith(['compat', '--image', '-', '--host', '17763'], oversized)).stderr).toMatch(/^wcdoctor compat: standard input is larger than 1024 bytes/);
  });
});

const ENGLISH = {
  empty: 'wcdoctor diagnose: the text to diagnose is empty\n  → pass the error text, or "-" to read it from standard input\n',
  limit: 'wcdoctor diagnose: --limit must be a whole number from 1 to 50, not "99"\n',
  nothing: 'wcdoctor diagnose: nothing to diagnose\n  → pass the error text: wcdoctor diagnose "TEXT"\n  → or pipe it in: wcdoctor diagnose - < error.txt\n',
  oversized: 'wcdoctor diagnose: standard input is larger than 1024 bytes, the most wcdoctor reads\n  → pass only the part around the error (the failing command and the lines after it)\n',
  unreadable: 'wcdoctor diagnose: standard input cannot be read (EBADF)\n  → pass the text as arguments instead: wcdoctor diagnose "<the error>"\n',
};

describe('diagnose input errors in English', () => {
  it('read as they always have', async () => {
    const env = { LANG: 'en_US.UTF-8' };
    expect(await runCli(['diagnose', '-'], { env, stdin: ' \n' })).toMatchObject({ code: 2, stderr: ENGLISH.empty });
    expect(await runCli(['diagnose', '--limit', '99', 'foo'], { env })).toMatchObject({ code: 2, stderr: ENGLISH.limit });
    expect(await runCli(['diagnose', '--json'], { env, tty: true })).toMatchObject({ code: 2, stderr: ENGLISH.nothing });
    expect(await runOversized(['diagnose', '-'], env)).toEqual({ code: 2, stderr: ENGLISH.oversized });
    expect(await runOversized([], env)).toEqual({ code: 2, stderr: ENGLISH.oversized.replace('wcdoctor diagnose:', 'wcdoctor:') });
    expect(await runUnreadable([], env)).toEqual({ code: 2, stderr: ENGLISH.unreadable.replace('wcdoctor diagnose:', 'wcdoctor:') });
    expect(await runUnreadable(['diagnose', '-'], env)).toEqual({ code: 2, stderr: ENGLISH.unreadable });
  });
});

describe.each([
  ['zh-CN', 'zh_CN.UTF-8'],
  ['ko-KR', 'ko_KR.UTF-8'],
  ['sv-SE', 'sv_SE.UTF-8'],
] as const)('diagnose input errors in %s', (locale, posix) => {
  const t = tFor(locale);
  const said = {
    empty: `wcdoctor diagnose: ${t('diagnose.cli.empty')}\n  → ${t('diagnose.cli.emptyHint')}\n`,
    limit: (value: string) => `wcdoctor diagnose: ${t('diagnose.cli.badLimit', { value })}\n`,
    nothing: `wcdoctor diagnose: ${t('diagnose.cli.nothing')}\n  → ${t('diagnose.cli.nothingText')}\n  → ${t('diagnose.cli.nothingPipe')}\n`,
    oversized: `wcdoctor diagnose: ${t('cli.stdinTooLarge', { limit: '1024 bytes' })}\n  → ${t('cli.stdinTooLargeHint')}\n`,
    unreadable: `wcdoctor diagnose: ${t('cli.stdinUnreadable', { reason: 'EBADF' })}\n  → ${t('cli.stdinUnreadableHint')}\n`,
  };

  it('follow --lang, before the command or after it, in an English environment', async () => {
    const env = { LANG: 'en_US.UTF-8' };
    expect(await runCli(['--lang', locale, 'diagnose', '-'], { env, stdin: '' })).toMatchObject({ code: 2, stderr: said.empty });
    expect(await runCli(['--lang', locale, 'diagnose', '--limit', '99', 'foo'], { env })).toMatchObject({ code: 2, stderr: said.limit('99') });
    // The commander path (an option diagnose-args.ts leaves to commander) says the same.
    expect(await runCli(['diagnose', '--lang', locale, '--limit', 'x', '--', 'foo'], { env })).toMatchObject({ code: 2, stderr: said.limit('x') });
    expect(await runCli(['--lang', locale, 'diagnose', '--json'], { env, tty: true })).toMatchObject({ code: 2, stderr: said.nothing });
    expect(await runOversized(['--lang', locale, 'diagnose', '-'], env)).toEqual({ code: 2, stderr: said.oversized });
    // `… | wcdoctor`, which diagnoses what the pipe brings.
    expect(await runOversized(['--lang', locale], env)).toEqual({ code: 2, stderr: said.oversized.replace('wcdoctor diagnose:', 'wcdoctor:') });
  });

  it('follow the environment without --lang', async () => {
    const env = { LANG: posix };
    expect(await runCli(['diagnose', '-'], { env, stdin: '' })).toMatchObject({ code: 2, stderr: said.empty });
    expect(await runCli(['diagnose', '--limit=0', 'foo'], { env })).toMatchObject({ code: 2, stderr: said.limit('0') });
    expect(await runOversized(['diagnose'], env)).toEqual({ code: 2, stderr: said.oversized });
    expect(await runUnreadable(['diagnose', '-'], env)).toEqual({ code: 2, stderr: said.unreadable });
    expect(said.empty).not.toContain('empty');
  });
});
