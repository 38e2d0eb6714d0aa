import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import { LOCALES } from '../../src/core/knowledge/types.js';
import { topicLocales } from '../../src/core/knowledge/topic-text.js';
import { tFor } from '../helpers/i18n.js';
import { loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { QUIET_MS } from '../../src/ui/contexts/InputContext.js';
import { afterRecordingStarts, paneWatcher } from '../helpers/tmux-pane.js';

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

/** The pane 'app', its output recorded (pipe-pane): set when it is opened. */
let appPane: ReturnType<typeof paneWatcher>;
/** Polls the pane until the check passes (captured again when it wrote something, see paneWatcher), and returns the screen it passed on. */
const screenWhere = (check: (screen: string) => boolean, what: string): Promise<string> => appPane.where(check, what);
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
    kb = loadKnowledgeBase(path.resolve(path.dirname(cli), '..'));
    writeFileSync(path.join(dir, 'error.txt'), ERROR);
    // The pane runs a shell that records the terminal modes before and after, and the exit code.
    const script = [
      `${afterRecordingStarts(dir)}stty -g > '${dir}/stty-before'`,
      `node '${cli}'`,
      `echo $? > '${dir}/exit-code'`,
      `stty -g > '${dir}/stty-after'`,
    ].join('; ');
    tmux('new-session', '-d', '-s', 'app', '-x', '80', '-y', '24', '-e', 'LANG=en_US.UTF-8', '-e', 'LC_ALL=', '-e', 'LANGUAGE=', '-e', `WCDOCTOR_CONFIG_DIR=${dir}`, 'sh', '-c', script, ';', 'set-option', '-t', 'app', 'remain-on-exit', 'on');
    tmux('pipe-pane', '-t', 'app', '-o', `cat > '${dir}/output'`);
    appPane = paneWatcher(capture, path.join(dir, 'output'));
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('pastes a multi-line error, opens the best match, switches its language, goes back and quits', async () => {
    // Home.
    // The whole screen, key hints included (a capture can land before the hints line is drawn).
    await screenWhere((x) => x.includes(en('home.menu.diagnose')) && x.includes(`q ${en('keys.quit')}`), 'Home with its key hints');

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
    // Every topic reads in all four languages: in English, our translation of the source, marked as such.
    const available = topicLocales(kb, topic!);
    expect(available).toEqual([...LOCALES]);
    const detail = await screenWith(en('topic.languages', { languages: available.map((l) => en(`language.${l}`)).join(en('list.separator')) }));
    expect(detail).toContain(`› ${topic!.id}`);
    expect(detail).not.toContain(en('topic.fallback', { requested: en('language.text.en'), shown: en('language.text.zh-CN') }));
    expect(detail).toContain(en('topic.summary'));
    expect(detail).toContain(en('topic.showing', { language: en('language.text.en') }));

    // Switch its language in place: the next one is the Chinese source text.
    tmux('send-keys', '-t', 'app', 'l');
    await screenWith(en('topic.showing', { language: en('language.text.zh-CN') }));

    // Back to the same results.
    tmux('send-keys', '-t', 'app', 'Escape');
    // The whole screen, its key hints too: a capture can land while the hints line is still being drawn (a fresh-clone
    // CI run on Node 22 caught the breadcrumb before the hints).
    const back = await screenWhere((x) => x.includes(`› ${en('diagnose.title')}`) && x.includes(`q ${en('keys.quit')}`), 'the results again with their key hints');
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
    // WCDOCTOR_DEBUG names the bundle the launcher loaded (on stderr, kept in a file): `wcdoctor` alone in a
    // terminal opens the app from the diagnose bundle, without commander.
    const script = `${afterRecordingStarts(dir)}stty -g > '${dir}/stty-before'; WCDOCTOR_DEBUG=1 node '${cli}' 2> '${dir}/debug'; stty -g > '${dir}/stty-after'`;
    tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-e', `WCDOCTOR_CONFIG_DIR=${dir}`, '-e', 'LANG=en_US.UTF-8', 'sh', '-c', script, ';', 'set-option', '-t', name, 'remain-on-exit', 'on');
    tmux('pipe-pane', '-t', name, '-o', `cat > '${dir}/output'`);
    try {
      const pane = paneWatcher(() => tmux('capture-pane', '-p', '-t', name), path.join(dir, 'output'));
      const screenWith = (text: string, timeout: number) => pane.where((s) => s.includes(text), JSON.stringify(text), { timeout });
      await screenWith(en('home.menu.diagnose'), 15000);
      tmux('send-keys', '-t', name, 'Enter');
      await screenWith(en('diagnose.input.placeholder'), 10000);
      tmux('send-keys', '-t', name, 'C-c');
      await vi.waitFor(() => expect(paneDead(name)).toBe(true), { timeout: 10000, interval: 100 });
      await expectTerminalRestored(dir);
      expect(readFileSync(path.join(dir, 'debug'), 'utf8')).toContain('(diagnose.js)');
      expect(readFileSync(path.join(dir, 'debug'), 'utf8')).not.toContain('(main.js)');
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-session', '-t', name]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skipReason !== undefined)('stopped and continued by signals from outside (an attacker helper: after fg the keys were echoed and never read)', () => {
  it('gives the terminal back while stopped, and takes it again with the frame redrawn when continued', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-e2e-'));
    const name = 'tstp';
    // Under a shell, as a user runs it: tmux continues a pane's own process as soon as it stops.
    tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-e', `WCDOCTOR_CONFIG_DIR=${dir}`, '-e', 'LANG=en_US.UTF-8', 'sh', '-c', `node '${cli}' diagnose; true`, ';', 'set-option', '-t', name, 'remain-on-exit', 'on');
    tmux('pipe-pane', '-t', name, '-o', `cat > '${dir}/output'`);
    const shell = tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim();
    let pid = 0;
    await vi.waitFor(() => {
      pid = Number(readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/)[0]);
      expect(pid).toBeGreaterThan(0);
    }, { timeout: 10000, interval: 50 });
    const tty = tmux('display-message', '-p', '-t', name, '#{pane_tty}').trim();
    const state = () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    const stty = () => execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' });
    const pane = paneWatcher(() => tmux('capture-pane', '-p', '-t', name), path.join(dir, 'output'));
    const screenWith = (text: string, timeout: number) => pane.where((s) => s.includes(text), JSON.stringify(text), { timeout });
    try {
      await screenWith(en('diagnose.input.placeholder'), 15000);
      tmux('send-keys', '-t', name, '-l', '0x800705B4');
      await screenWith('0x800705B4', 10000);
      process.kill(pid, 'SIGTSTP');
      await vi.waitFor(() => expect(state()).toBe('T'), { timeout: 10000, interval: 50 });
      await vi.waitFor(() => {
        const output = readFileSync(path.join(dir, 'output'), 'latin1');
        expect(lastMode(output, '\u001B[?25h', '\u001B[?25l')).toBe('on');
        expect(lastMode(output, '\u001B[?2004h', '\u001B[?2004l')).toBe('off');
      }, { timeout: 5000, interval: 100 });
      expect(stty()).toMatch(/(?<!-)icanon/);
      // What a shell's `fg` does: its own modes back on the terminal (cooked), then SIGCONT.
      execFileSync('stty', ['-F', tty, 'icanon', 'echo']);
      process.kill(pid, 'SIGCONT');
      await vi.waitFor(() => expect(stty()).toMatch(/-icanon/), { timeout: 10000, interval: 50 });
      tmux('send-keys', '-t', name, '-l', ' hello');
      const screen = await screenWith('0x800705B4 hello', 10000);
      // Typed into the field once, not echoed by the terminal beside it.
      expect(screen.split('hello').length - 1).toBe(1);
      const output = readFileSync(path.join(dir, 'output'), 'latin1');
      expect(lastMode(output, '\u001B[?2004h', '\u001B[?2004l')).toBe('on');
      expect(lastMode(output, '\u001B[?25h', '\u001B[?25l')).toBe('off');
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-session', '-t', name]);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.skipIf(skipReason !== undefined)('a command with nothing to read, in a terminal', () => {
  it.each([
    ['wcdoctor compat opens the version check, as diagnose and troubleshoot open their screens (a new-user helper got "--host is missing")', 'compat', 'compat.title', 'C-c', 'exit 130'],
    ['wcdoctor network opens the network wizard (a new-user helper got the help), and q leaves it with exit 0', 'network', 'wizard.title', 'q', 'exit 0'],
  ] as const)('%s', async (_title, command, titleKey, key, exit) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-e2e-'));
    const name = command;
    tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-e', `WCDOCTOR_CONFIG_DIR=${dir}`, '-e', 'LANG=en_US.UTF-8', 'sh', '-c', `node '${cli}' ${command}; echo "exit $?" > '${dir}/code'`, ';', 'set-option', '-t', name, 'remain-on-exit', 'on');
    tmux('pipe-pane', '-t', name, '-o', `cat > '${dir}/output'`);
    try {
      const title = `wcdoctor › ${en(titleKey)}`;
      await paneWatcher(() => tmux('capture-pane', '-p', '-t', name), path.join(dir, 'output')).where((s) => s.includes(title), JSON.stringify(title));
      tmux('send-keys', '-t', name, key);
      await vi.waitFor(() => expect(paneDead(name)).toBe(true), { timeout: 10000, interval: 100 });
      expect(readFileSync(path.join(dir, 'code'), 'utf8').trim()).toBe(exit);
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-session', '-t', name]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skipReason !== undefined)('a terminal that cannot move the cursor (TERM=dumb)', () => {
  it('gets a clear refusal of the app with exit 2, and no cursor movement (found by an attacker helper: the app drew itself there with 62 sequences)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-e2e-'));
    const name = 'dumb';
    tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-e', `WCDOCTOR_CONFIG_DIR=${dir}`, '-e', 'LANG=en_US.UTF-8', 'sh', '-c', `TERM=dumb node '${cli}' 2> '${dir}/err'; echo "exit $?" > '${dir}/code'`, ';', 'set-option', '-t', name, 'remain-on-exit', 'on');
    try {
      await vi.waitFor(() => expect(paneDead(name)).toBe(true), { timeout: 15000, interval: 100 });
      expect(readFileSync(path.join(dir, 'code'), 'utf8').trim()).toBe('exit 2');
      expect(readFileSync(path.join(dir, 'err'), 'utf8')).toContain('wcdoctor: this terminal (TERM=dumb) cannot move the cursor');
      expect(tmux('capture-pane', '-p', '-t', name)).not.toContain(`wcdoctor › `);
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-session', '-t', name]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Opens the app in a tmux server of its own (a new session on the shared socket races the server that the tests above
 * leave exiting, and fails with "server exited unexpectedly") with a fake docker first on PATH (`fakeDocker`, the body
 * of its shell script: no real command may run), and goes Home → Docs → the Compose topic → its first fix, `docker
 * network ls --filter driver=nat`, which has nothing to fill in and goes straight to the question. PATH is set in the
 * pane's script (tmux gives a new session the PATH of the client, whatever -e says), and the script writes where docker
 * resolves, so the test stops before any answer if it is not the fake; the script then says how node exited.
 */
async function openComposeFix(name: string, fakeDocker: (dir: string) => string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-e2e-'));
  const own = `${socket}-${name}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', own, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  const fake = path.join(bin, 'docker');
  writeFileSync(fake, `#!/bin/sh\n${fakeDocker(dir)}\n`);
  chmodSync(fake, 0o755);
  // docker pointed at a Windows host, as a docker fix off Windows needs (the fake does not read it).
  const script = [`PATH='${bin}':"$PATH"`, 'export PATH', 'DOCKER_HOST=tcp://windows-host.invalid:2376', 'export DOCKER_HOST', `command -v docker > '${dir}/docker-path'`, `node '${cli}'`, 'echo "node exited $?"'].join('; ');
  tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', '-e', 'LANG=en_US.UTF-8', '-e', 'LC_ALL=', '-e', 'LANGUAGE=', '-e', `WCDOCTOR_CONFIG_DIR=${dir}`, '-e', `WCDOCTOR_DATA_DIR=${dir}/data`, 'sh', '-c', script, ';', 'set-option', '-t', name, 'remain-on-exit', 'on');
  const output = path.join(dir, 'output');
  tmux('pipe-pane', '-t', name, '-o', `cat > '${output}'`);
  const screen = () => tmux('capture-pane', '-p', '-t', name);
  const pane = paneWatcher(screen, output);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const waitFor = (text: string) => pane.where((s) => flat(s).includes(flat(text)), JSON.stringify(text));
  const close = () => {
    spawnSync('tmux', ['-L', own, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(en('home.menu.diagnose'));
    expect(readFileSync(path.join(dir, 'docker-path'), 'utf8').trim(), 'docker is the fake').toBe(fake);
    for (let i = 0; i < 5; i++) tmux('send-keys', '-t', name, 'Down');
    await waitFor(`❯ ${en('home.menu.docs')}`);
    tmux('send-keys', '-t', name, 'Enter');
    await waitFor(`/ ${en('keys.search')}`);
    tmux('send-keys', '-t', name, '/');
    await waitFor(en('docs.search.placeholder'));
    tmux('send-keys', '-t', name, '-l', 'compose networks');
    await waitFor('Define container networks for Windows containers in Docker Compose');
    tmux('send-keys', '-t', name, 'Enter');
    await waitFor('docker network ls --filter driver=nat');
    tmux('send-keys', '-t', name, 'Enter');
    const question = await waitFor(en('fix.confirm.question'));
    return { dir, tmux, pane, flat, waitFor, close, question };
  } catch (e) {
    close();
    throw e;
  }
}

describe.skipIf(skipReason !== undefined)('a confirmation in a real terminal', () => {
  it('is not answered by a burst of keys with a y in it (tmux send-keys -l), only by a lone y', async () => {
    const name = 'confirm';
    const { dir, tmux, pane, flat, waitFor, close, question } = await openComposeFix(name, (d) => `echo "fake docker ran: $*"\necho "$*" >> '${d}/docker-ran'`);
    try {
      expect(question).toContain(`❯ ${en('fix.confirm.no')}`);

      // A paste that arrives as keystrokes: one send-keys -l is one burst. Each step waits until the app
      // has read what was sent (a note shows, or the selection moves), so a lone key is never sent while a
      // burst is still unread (they would arrive together, as one burst).
      const burstNote = flat(en('fix.confirm.burst'));
      const ran = 'fake docker ran';
      const readBurst = () => screenOf(pane, (s) => flat(s).includes(burstNote) || s.includes(ran));
      tmux('send-keys', '-t', name, '-l', 'System');
      const first = await readBurst();
      expect(first).not.toContain(ran);
      expect(first).toContain(`❯ ${en('fix.confirm.no')}`);
      // A lone arrow, after a quiet moment (a key right after others answers nothing), moves to Yes (and clears the
      // note); then a burst with a y and Enter in it.
      await new Promise((r) => setTimeout(r, QUIET_MS + 100));
      tmux('send-keys', '-t', name, 'Right');
      await screenOf(pane, (s) => s.includes(`❯ ${en('fix.confirm.yes')}`) && !flat(s).includes(burstNote));
      tmux('send-keys', '-t', name, '-l', 'Ysystem\r');
      const second = await readBurst();
      expect(second).not.toContain(ran);
      expect(second).toContain(en('fix.confirm.question'));
      expect(second).not.toContain(en('fix.declined'));
      expect(existsSync(path.join(dir, 'docker-ran')), 'the fix did not run').toBe(false);

      // The prompt is still live: a lone y, after a quiet moment, runs the (fake) fix.
      await new Promise((r) => setTimeout(r, QUIET_MS + 100));
      tmux('send-keys', '-t', name, 'y');
      await waitFor('fake docker ran: network ls --filter driver=nat');
      expect(readFileSync(path.join(dir, 'docker-ran'), 'utf8')).toBe('network ls --filter driver=nat\n');
    } finally {
      close();
    }
  });

  it('records a running fix as cancelled when wcdoctor is told to end (SIGTERM), and exits 143 (found by an attacker helper: the run was in no audit log)', async () => {
    const name = 'signal';
    // The fake docker starts, says so, and waits until it is stopped.
    const { dir, tmux, waitFor, close } = await openComposeFix(name, (d) => `echo started > '${d}/docker-started'\necho "fake docker waiting"\nexec sleep 30`);
    try {
      await new Promise((r) => setTimeout(r, QUIET_MS + 100));
      tmux('send-keys', '-t', name, 'y');
      await waitFor('fake docker waiting');
      // The app is the pane's shell's only child (its node).
      const shell = tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim();
      const node = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim();
      process.kill(Number(node), 'SIGTERM');
      const last = await waitFor('node exited 143');
      // The last frame says the command was being stopped, not "Running…".
      expect(last.replace(/\s+/g, ' ')).toContain(en('fix.run.ending', { signal: 'SIGTERM' }));
      expect(last).not.toContain('Running…');
      const audit = readFileSync(path.join(dir, 'data', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; command: string });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ outcome: 'cancelled', command: 'docker network ls --filter driver=nat' });
    } finally {
      close();
    }
  });
});

/** Polls the screen until the check passes (captured again when the pane wrote something, see paneWatcher). */
const screenOf = (pane: ReturnType<typeof paneWatcher>, check: (s: string) => boolean): Promise<string> => pane.where(check, 'the screen');

describe.skipIf(skipReason !== undefined)('every screen in a real terminal, with resizes and bursts of keys (issue 17)', () => {
  it('walks each screen from home, redraws whole on resize, reads a burst key by key, and Ctrl+C exits 130', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-e2e-'));
    const name = 'walk';
    const own = `${socket}-walk`;
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', own, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    const script = [`node '${cli}'`, `echo $? > '${dir}/exit-code'`].join('; ');
    tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', '-e', 'LANG=en_US.UTF-8', '-e', 'LC_ALL=', '-e', 'LANGUAGE=', '-e', `WCDOCTOR_CONFIG_DIR=${dir}`, '-e', `WCDOCTOR_DATA_DIR=${dir}/data`, 'sh', '-c', script, ';', 'set-option', '-t', name, 'remain-on-exit', 'on');
    const output = path.join(dir, 'output');
    tmux('pipe-pane', '-t', name, '-o', `cat > '${output}'`);
    const pane = paneWatcher(() => tmux('capture-pane', '-p', '-t', name), output);
    const until = (check: (s: string) => boolean, what: string) => screenOf(pane, check).catch((e: unknown) => {
      throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}`);
    });
    const waitFor = (text: string) => until((s) => s.includes(text), JSON.stringify(text));
    const keys = (...k: string[]) => tmux('send-keys', '-t', name, ...k);
    /** One frame on the screen: the header once, the foot's help line once, nothing of another size. */
    const oneFrame = (s: string, title: string) => s.split('\n').filter((l) => l.includes(`wcdoctor › ${title}`)).length === 1 && s.split('\n').filter((l) => l.includes(`?/F1 ${en('keys.help')}`)).length <= 1;
    const resize = async (x: number, y: number, title: string) => {
      tmux('resize-window', '-t', name, '-x', String(x), '-y', String(y));
      // tmux lays the old frame out again at once: capture the screen at the next poll.
      pane.forget();
      // Laid out for the new width: the header's status ends at the last column.
      const header = (s: string) => s.split('\n').find((l) => l.includes(`wcdoctor › ${title}`))?.trimEnd() ?? '';
      const s = await until((s) => oneFrame(s, title) && [...header(s)].length === x && s.split('\n').every((l) => [...l].length <= x), `one whole frame at ${x}×${y}`);
      // Nothing of the old frame is left at the bottom (the lines under the frame are empty).
      const lines = s.split('\n');
      const last = lines.map((l, i) => (l.trim() ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
      expect(last, s).toBeLessThan(y);
      return s;
    };
    /** Goes home in one key (Ctrl+G, which works in a text field too) and opens the menu entry `down` rows below the first. */
    const open = async (down: number, label: string, expectText: string) => {
      keys('C-g');
      await waitFor(en('home.prompt'));
      // Home keeps the entry chosen last; g goes to the first.
      keys('g');
      await waitFor(`❯ ${en('home.menu.diagnose')}`);
      for (let i = 0; i < down; i++) keys('Down');
      await waitFor(`❯ ${label}`);
      keys('Enter');
      return waitFor(expectText);
    };
    try {
      await waitFor(en('home.menu.diagnose'));
      // Resizes: narrower and shorter, then larger; each leaves one whole frame.
      await resize(80, 24, en('home.title'));
      await resize(120, 40, en('home.title'));
      await resize(80, 24, en('home.title'));

      // Diagnose: `hello`, Tab and Enter in one write; the field holds hello, no tab or return, the box stays closed.
      keys('Enter');
      await waitFor(en('diagnose.input.placeholder'));
      keys('-l', 'hello\t\r');
      const closed = (s: string) => s.split('\n').filter((l) => l.startsWith('│')).every((row) => row.trimEnd().endsWith('│'));
      const typed = await until((s) => s.includes('│ hello') && closed(s) && s.includes(en('diagnose.input.lines', { count: 2 })), 'hello and a new line in a closed box');
      expect(typed).not.toMatch(/hello\s{2,}[^\s│]/);
      await resize(100, 30, en('diagnose.title'));

      await open(1, en('tree.menu'), en('tree.pick'));
      await open(2, en('wizard.menu'), en('wizard.q.scope'));
      await open(3, en('compat.menu'), en('compat.host.label'));
      // The host field takes a build and Enter in one write, and moves on to the image.
      keys('-l', '10.0.20348.1\r');
      await waitFor('10.0.20348.1');
      await open(4, en('check.menu'), en('check.app.prompt'));
      await open(5, en('home.menu.docs'), `› ${en('docs.title')}`);
      await open(6, en('history.menu'), en('history.empty'));
      await open(7, en('home.menu.settings'), `› ${en('settings.title')}`);
      keys('?');
      await waitFor(en('help.global'));
      keys('Escape');
      await waitFor(`› ${en('settings.title')}`);

      keys('C-c');
      await vi.waitFor(() => expect(tmux('display-message', '-p', '-t', name, '#{pane_dead}').trim()).toBe('1'), { timeout: 10000, interval: 100 });
      expect(readFileSync(path.join(dir, 'exit-code'), 'utf8').trim()).toBe('130');
    } finally {
      spawnSync('tmux', ['-L', own, 'kill-server']);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
