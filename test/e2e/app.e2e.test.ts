import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import { LOCALES } from '../../src/core/knowledge/types.js';
import { tFor } from '../helpers/i18n.js';

// The built CLI in the repo (CI builds it first). WCDOCTOR_E2E_CLI may point at another build.
const root = path.resolve(import.meta.dirname, '../..');
const cli = process.env.WCDOCTOR_E2E_CLI ?? path.join(root, 'dist/cli.js');
const kbFile = path.join(path.dirname(cli), 'kb.json');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const skipReason = !hasTmux ? 'tmux is not installed' : !existsSync(cli) ? `${cli} is missing (npm run build)` : !existsSync(kbFile) ? `${kbFile} is missing (npm run build)` : undefined;
if (skipReason) console.warn(`test/e2e/app.e2e.test.ts: SKIPPED, ${skipReason}`);

const en = tFor('en');
const socket = `wcdoctor-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
const capture = () => tmux('capture-pane', '-p', '-t', 'app');
const paneDead = (target: string) => tmux('display-message', '-p', '-t', target, '#{pane_dead}').trim() === '1';

/** Polls the pane until the check passes, and returns the screen it passed on. */
async function screenWhere(check: (screen: string) => boolean, what: string): Promise<string> {
  let last = '';
  await vi.waitFor(
    () => {
      last = capture();
      if (!check(last)) throw new Error(`waiting for ${what}; the pane shows:\n${last}`);
    },
    { timeout: 15000, interval: 100 },
  );
  return last;
}
const screenWith = (text: string) => screenWhere((s) => s.includes(text), JSON.stringify(text));

/** The last of some terminal mode sequences the app wrote (from the pane's recorded output). */
function lastMode(output: string, on: string, off: string): 'on' | 'off' | undefined {
  const a = output.lastIndexOf(on);
  const b = output.lastIndexOf(off);
  return a < 0 && b < 0 ? undefined : a > b ? 'on' : 'off';
}

/** Checks that the terminal was left as found: modes restored, cursor shown, bracketed paste off again. */
async function expectTerminalRestored(dir: string): Promise<void> {
  expect(readFileSync(path.join(dir, 'stty-after'), 'utf8')).toBe(readFileSync(path.join(dir, 'stty-before'), 'utf8'));
  await vi.waitFor(
    () => {
      const output = readFileSync(path.join(dir, 'output'), 'latin1');
      expect(output, 'the app asked for bracketed paste').toContain('\u001B[?2004h');
      expect(lastMode(output, '\u001B[?2004h', '\u001B[?2004l')).toBe('off');
      expect(lastMode(output, '\u001B[?25h', '\u001B[?25l')).toBe('on');
    },
    { timeout: 5000, interval: 100 },
  );
}

const ERROR = [
  "PS C:\\> Start-Container test2",
  "Start-Container : 'test2' failed to start.",
  "'test2' failed to start: This operation returned because the timeout period expired. (0x800705B4).",
  'At line:1 char:1',
  '+ Start-Container test2',
].join('\n');

describe.skipIf(skipReason !== undefined)('the interactive app in a real terminal (tmux 80x24)', () => {
  let dir: string;
  let kb: KnowledgeBase;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-e2e-'));
    kb = JSON.parse(readFileSync(kbFile, 'utf8')) as KnowledgeBase;
    writeFileSync(path.join(dir, 'error.txt'), ERROR);
    // The pane runs a shell that records the terminal modes before and after, and the exit code.
    const script = [
      `stty -g > '${dir}/stty-before'`,
      `node '${cli}'`,
      `echo $? > '${dir}/exit-code'`,
      `stty -g > '${dir}/stty-after'`,
    ].join('; ');
    tmux('new-session', '-d', '-s', 'app', '-x', '80', '-y', '24', '-e', 'LANG=en_US.UTF-8', '-e', 'LC_ALL=', '-e', 'LANGUAGE=', '-e', `WCDOCTOR_CONFIG_DIR=${dir}`, 'sh', '-c', script, ';', 'set-option', '-t', 'app', 'remain-on-exit', 'on');
    tmux('pipe-pane', '-t', 'app', '-o', `cat > '${dir}/output'`);
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('pastes a multi-line error, opens the best match, switches its language, goes back and quits', async () => {
    // Home.
    const home = await screenWith(en('home.menu.diagnose'));
    expect(home).toContain(`q ${en('keys.quit')}`);

    // Diagnose: paste the whole error with bracketed paste.
    tmux('send-keys', '-t', 'app', 'Enter');
    await screenWith(en('diagnose.input.placeholder'));
    tmux('load-buffer', '-b', 'err', path.join(dir, 'error.txt'));
    tmux('paste-buffer', '-p', '-d', '-b', 'err', '-t', 'app');
    const results = await screenWith(en('diagnose.input.lines', { count: 5 }));
    expect(results).toContain("Start-Container : 'test2' failed to start.");
    expect(results).toContain('+ Start-Container test2');
    const best = await screenWhere((s) => /✔ high|! medium|· low/.test(s), 'a ranked match');
    const topic = kb.topics.find((t) => best.includes(t.title.en.slice(0, 40)));
    expect(topic, 'the best match is a topic of the knowledge base').toBeDefined();
    expect(best).toContain(en('diagnose.evidence.code', { value: '0x800705B4' }).split(' ')[0]!);

    // Open the best match.
    tmux('send-keys', '-t', 'app', 'Tab');
    await screenWith(`Enter ${en('keys.open')}`);
    tmux('send-keys', '-t', 'app', 'Enter');
    const available = LOCALES.filter((l) => topic!.sectionIds.some((i) => kb.sections[i]?.locale === l));
    expect(available.length).toBeGreaterThan(1);
    const [first, second] = available as [typeof available[0], typeof available[0]];
    const detail = await screenWith(en('topic.languages', { languages: available.map((l) => en(`language.${l}`)).join(en('list.separator')) }));
    expect(detail).toContain(`› ${topic!.id}`);
    expect(detail).toContain(en('topic.fallback', { requested: en('language.en'), shown: en(`language.${first}`) }));
    expect(detail).toContain(en('topic.summaryEnglish'));

    // Switch its language in place.
    tmux('send-keys', '-t', 'app', 'l');
    const switched = await screenWith(en('topic.showing', { language: en(`language.${second}`) }));
    expect(switched).not.toContain(en('topic.fallback', { requested: en('language.en'), shown: en(`language.${first}`) }));

    // Back to the same results.
    tmux('send-keys', '-t', 'app', 'Escape');
    const back = await screenWith(`› ${en('diagnose.title')}`);
    expect(back).toContain(`q ${en('keys.quit')}`);
    expect(back).toContain('+ Start-Container test2');

    // Quit: the process ends with 0 and the terminal modes are as they were.
    tmux('send-keys', '-t', 'app', 'q');
    await vi.waitFor(() => expect(paneDead('app')).toBe(true), { timeout: 10000, interval: 100 });
    expect(readFileSync(path.join(dir, 'exit-code'), 'utf8').trim()).toBe('0');
    await expectTerminalRestored(dir);
  });
});

describe.skipIf(skipReason !== undefined)('Ctrl+C in a real terminal', () => {
  it('exits at once and leaves the terminal as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-e2e-'));
    const name = 'ctrlc';
    const script = `stty -g > '${dir}/stty-before'; node '${cli}'; stty -g > '${dir}/stty-after'`;
    tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-e', `WCDOCTOR_CONFIG_DIR=${dir}`, '-e', 'LANG=en_US.UTF-8', 'sh', '-c', script, ';', 'set-option', '-t', name, 'remain-on-exit', 'on');
    tmux('pipe-pane', '-t', name, '-o', `cat > '${dir}/output'`);
    try {
      await vi.waitFor(() => expect(tmux('capture-pane', '-p', '-t', name)).toContain(en('home.menu.diagnose')), { timeout: 15000, interval: 100 });
      tmux('send-keys', '-t', name, 'Enter');
      await vi.waitFor(() => expect(tmux('capture-pane', '-p', '-t', name)).toContain(en('diagnose.input.placeholder')), { timeout: 10000, interval: 100 });
      tmux('send-keys', '-t', name, 'C-c');
      await vi.waitFor(() => expect(paneDead(name)).toBe(true), { timeout: 10000, interval: 100 });
      await expectTerminalRestored(dir);
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-session', '-t', name]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
