import { cleanup } from 'ink-testing-library';
import { displayWidth } from '../../src/core/text/display-width.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entities } from '../../src/core/diagnosis/types.js';
import type { Locale } from '../../src/core/knowledge/types.js';
import type { MessageKey } from '../../src/ui/message-keys.js';
import { DECLINED_REASON, NOT_ELEVATED_REASON } from '../../src/core/fixes/preflight.js';
import { AFTER_ANSWER_MS } from '../../src/core/fixes/answer-timing.js';
import { runCommand } from '../../src/platform/shell.js';
import { makeKb } from '../core/fixes/fix-fixtures.js';
import { fakePlatform, type FakePlatformOptions } from '../helpers/fake-platform.js';
import { KEYS, typeKeys } from '../helpers/keys.js';
import { realKb } from '../helpers/real-kb.js';
import { renderApp } from '../helpers/render.js';
import { plain, waitForFrame } from '../helpers/wait-for.js';

afterEach(() => cleanup());

/** Opens the fix runner on a fix of the demo topic (test/core/fixes/fix-fixtures.ts), over its topic screen. */
function openFix(fixId: string, entities?: Entities, opts: FakePlatformOptions & { onQuit?: () => void; locale?: Locale; columns?: number; rows?: number } = {}) {
  const { onQuit, locale, columns, rows, ...platformOpts } = opts;
  const platform = fakePlatform({ kb: makeKb(), ...platformOpts, ...(locale ? { settings: { ...platformOpts.settings, language: locale } } : {}) });
  const topic = { screen: 'topic' as const, topicId: 'demo-topic', ...(entities ? { entities } : {}) };
  const r = renderApp({ platform, initial: [topic, { screen: 'fix', topicId: 'demo-topic', fixId, ...(entities ? { entities } : {}) }], ...(onQuit ? { onQuit } : {}), ...(locale ? { locale } : {}), ...(columns ? { columns } : {}), ...(rows ? { rows } : {}) });
  return { ...r, platform, shell: platform.shell, audit: platform.audit.entries };
}

/** Waits until the fake shell has started a child (a fix ran) and returns it. */
async function started(shell: { runs: unknown[] }, count = 1) {
  await vi.waitFor(() => expect(shell.runs).toHaveLength(count), { timeout: 5000, interval: 10 });
}

const PS_COMMAND = "Set-Thing -Name 'web_1' -Value 'hello'";

/** Waits for text that the frame may have wrapped over several lines. */
/** Waits for the fix form, types "hello" into its text field and submits it. */
async function fillTextAndSubmit(lastFrame: () => string | undefined, stdin: { write(s: string): void }, t: (key: MessageKey) => string): Promise<void> {
  await waitForFrame(lastFrame, t('fix.form.prompt'));
  stdin.write(KEYS.tab);
  stdin.write('hello');
  await waitForFrame(lastFrame, 'hello');
  stdin.write(KEYS.enter);
}

async function waitForWrapped(lastFrame: () => string | undefined, text: string): Promise<string> {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  await vi.waitFor(() => expect(flat(plain(lastFrame()))).toContain(flat(text)), { timeout: 5000, interval: 10 });
  return flat(plain(lastFrame()));
}

describe('FixRunnerScreen: filling', () => {
  it('prefills placeholders from the diagnosis entities and marks where the value came from', async () => {
    const { lastFrame, t } = openFix('ps-set', { container: 'web_1' });
    const frame = await waitForFrame(lastFrame, t('fix.form.prompt'));
    expect(frame).toContain(t('fix.form.field', { name: 'name', kind: 'container-name', description: 'name of the container' }));
    expect(frame).toMatch(/web_1█?\s*\n\s*✔ valid; found in your paste/);
    expect(frame).toContain(t('fix.form.missing'));
  });

  it('shows why an invalid value fails and never lets the fix run with it', async () => {
    const { lastFrame, stdin, t, shell } = openFix('ps-set', { container: 'web_1' });
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('fix.form.blocked'));
    stdin.write(KEYS.up);
    stdin.write(KEYS.ctrlU);
    stdin.write('x;y');
    const bad = await waitForFrame(lastFrame, 'must be a container name or id');
    expect(bad).toContain('x;y');
    stdin.write(KEYS.tab);
    stdin.write('hello');
    await waitForFrame(lastFrame, 'hello');
    stdin.write(KEYS.enter);
    const still = await waitForFrame(lastFrame, t('fix.form.blocked'));
    expect(still).not.toContain(t('fix.plan.command'));
    expect(still).not.toContain(t('fix.confirm.question'));
    expect(shell.runs).toEqual([]);
  });
});

describe('FixRunnerScreen: consent', () => {
  it('shows the exact command, changes, admin and risk, and runs nothing on Enter (default No) or n', async () => {
    const { lastFrame, stdin, t, shell, audit } = openFix('ps-set', { container: 'web_1' });
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    const review = async () => {
      stdin.write(KEYS.tab);
      stdin.write('hello');
      await waitForFrame(lastFrame, 'hello');
      stdin.write(KEYS.enter);
      return waitForFrame(lastFrame, t('fix.confirm.question'));
    };
    const frame = await review();
    expect(frame).toContain(PS_COMMAND);
    expect(frame).toContain(t('fix.plan.changes', { changes: 'What ps-set changes.' }));
    expect(frame).toContain(t('fix.plan.admin'));
    expect(frame).toContain(t('fix.plan.riskLow'));
    expect(frame).toContain(`❯ ${t('fix.confirm.no')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('fix.declined'));
    expect(shell.runs).toEqual([]);
    expect(audit).toMatchObject([{ outcome: 'refused', fix: 'ps-set', reason: DECLINED_REASON, command: PS_COMMAND }]);

    // Enter goes back to the values (kept); the second time the answer is n.
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    stdin.write('n');
    await waitForFrame(lastFrame, t('fix.declined'));
    expect(shell.runs).toEqual([]);
    expect(audit.map((e) => e.outcome)).toEqual(['refused', 'refused']);

    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    stdin.write('y');
    await started(shell);
    expect(shell.runs[0]?.file).toBe('powershell.exe');
    expect(shell.runs[0]?.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-EncodedCommand']);
  });

  it('needs the typed word for a high-risk fix: a wrong word does not run, the right word does', async () => {
    const { lastFrame, stdin, t, shell } = openFix('restart-hns', { service: 'hns' });
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.enter);
    const frame = await waitForFrame(lastFrame, t('fix.typed.prompt'));
    expect(frame).toContain(t('fix.plan.riskHigh'));
    expect(frame).toContain("Restart-Service 'hns' -Force");
    expect(frame).not.toContain(t('fix.confirm.question'));
    typeKeys(stdin, 'restart');
    await waitForFrame(lastFrame, /❯ restart█/);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('fix.typed.mismatch', { word: 'restart-hns' }));
    stdin.write('y');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, /❯ restarty█/);
    expect(shell.runs).toEqual([]);
    stdin.write(KEYS.ctrlU);
    typeKeys(stdin, 'restart-hns');
    await waitForFrame(lastFrame, /❯ restart-hns█/);
    stdin.write(KEYS.enter);
    await started(shell);
  });

  it('needs the typed word for a low-risk fix that would run an image the paste named, and says where it comes from (found by an attacker helper: one y ran a pasted image)', async () => {
    const platform = fakePlatform({ kb: realKb() });
    const { lastFrame, stdin, t } = renderApp({
      platform,
      rows: 40,
      initial: [{ screen: 'fix', topicId: 'container-start-resource-in-use', fixId: 'run-process-isolated', entities: { image: 'contoso-mirror.example/iis:ltsc2019' } }],
    });
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.enter);
    const frame = await waitForWrapped(lastFrame, t('fix.typed.promptPastedImage'));
    expect(frame).toContain(t('fix.plan.riskLow'));
    expect(frame).toContain(t('fix.plan.pastedImage', { image: 'contoso-mirror.example/iis:ltsc2019', registry: 'contoso-mirror.example' }).replace(/\s+/g, ' '));
    expect(frame).not.toContain(t('fix.confirm.question'));
    await new Promise((r) => setTimeout(r, AFTER_ANSWER_MS + 50));
    stdin.write('y');
    await waitForFrame(lastFrame, /❯ y█/);
    expect(platform.shell.runs).toEqual([]);
    // The same image typed by the user: the usual question.
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('fix.declined'));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.ctrlU);
    typeKeys(stdin, 'mcr.microsoft.com/windows/servercore:ltsc2022');
    await waitForFrame(lastFrame, 'ltsc2022█');
    stdin.write(KEYS.enter);
    const own = await waitForFrame(lastFrame, t('fix.confirm.question'));
    expect(own).not.toContain(t('fix.typed.promptPastedImage'));
  });

  it('cancels the typed confirmation with Esc and records the refusal', async () => {
    const { lastFrame, stdin, t, shell, audit } = openFix('restart-hns', { service: 'hns' });
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('fix.typed.prompt'));
    stdin.write('q');
    await waitForFrame(lastFrame, /❯ q█/);
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('fix.declined'));
    expect(shell.runs).toEqual([]);
    expect(audit).toMatchObject([{ outcome: 'refused', fix: 'restart-hns', reason: DECLINED_REASON }]);
  });
});

describe('FixRunnerScreen: refusals', () => {
  it('says in the interface language that there is no clipboard tool', async () => {
    const { lastFrame, stdin, t } = openFix('ps-set', { container: 'web_1' }, { os: 'linux', locale: 'ko-KR', clipboard: { ok: false, noTool: true, reason: 'no clipboard tool is available here' } });
    await fillTextAndSubmit(lastFrame, stdin, t);
    await waitForWrapped(lastFrame, t('fix.refused.copyHint'));
    stdin.write('c');
    const frame = await waitForWrapped(lastFrame, t('fix.copy.failed', { reason: t('clipboard.noTool') }));
    expect(plain(frame)).not.toContain('no clipboard tool is available');
  });

  it('refuses a Windows-only fix elsewhere, offers the command to copy and records the refusal', async () => {
    const { lastFrame, stdin, t, shell, audit, platform } = openFix('ps-set', { container: 'web_1' }, { os: 'linux' });
    await fillTextAndSubmit(lastFrame, stdin, t);
    const reason = 'cannot run here: powershell fixes run only on Windows, and this machine runs Linux';
    const frame = await waitForWrapped(lastFrame, t('fix.refused.cannotRun', { reason }));
    expect(frame).toContain(PS_COMMAND);
    expect(frame).toContain(t('fix.refused.copyHint'));
    expect(frame).not.toContain(t('fix.confirm.question'));
    expect(audit).toMatchObject([{ outcome: 'refused', fix: 'ps-set', reason }]);
    stdin.write('c');
    await waitForWrapped(lastFrame, t('fix.copy.failed', { reason: 'no clipboard tool is available here' }));
    // What is copied stops at its first error, as wcdoctor's own run would (an attacker helper: the bare line went on
    // after a failed step), in a script block so the console keeps its own setting.
    expect(platform.clipboard.copied).toEqual([`& { $ErrorActionPreference = 'Stop'; ${PS_COMMAND} }`]);
    expect(shell.runs).toEqual([]);
  });

  it('copies a docker fix planned off Windows as the Windows host reads it, not as a POSIX shell does (an attacker helper)', async () => {
    const { lastFrame, stdin, platform } = openFix('docker-net', { interfaceName: 'Ethernet 2', network: 'n1' }, { os: 'linux', programs: [], clipboard: { ok: true, tool: 'xclip' } });
    await waitForFrame(lastFrame, 'Ethernet 2');
    stdin.write(KEYS.tab);
    stdin.write('a\u2019;calc;#');
    await waitForFrame(lastFrame, 'a\u2019;calc;#');
    stdin.write(KEYS.enter);
    const refused = await waitForFrame(lastFrame, /docker is not installed here/);
    // The line shown is the one c copies (a tester selected the POSIX line shown beside it by hand).
    expect(plain(refused).replace(/\s+/g, ' ')).toContain('--label "note=a\u2019;calc;#" n1');
    expect(refused).not.toContain("'note=a");
    stdin.write('c');
    await vi.waitFor(() => expect(platform.clipboard.copied).toHaveLength(1), { timeout: 5000, interval: 10 });
    // As POSIX quoted it, 'note=a’;calc;#', PowerShell ends the string at ’ and runs calc.
    expect(platform.clipboard.copied).toEqual(['docker network create -d nat -o "com.docker.network.windowsshim.interface=Ethernet 2" --label "note=a\u2019;calc;#" n1']);
  });

  it('refuses a docker fix where docker is not installed, and says when the copy worked', async () => {
    const { lastFrame, stdin, t, shell, audit } = openFix('list-networks', undefined, { os: 'linux', programs: [], clipboard: { ok: true, tool: 'xclip' } });
    const frame = await waitForFrame(lastFrame, /docker is not installed here/);
    expect(frame).toContain('docker network ls');
    // The fix takes no values, so the screen checked it on opening: the user asked for nothing, and nothing is recorded.
    expect(audit).toEqual([]);
    stdin.write('c');
    await waitForFrame(lastFrame, t('fix.copy.done', { tool: 'xclip' }));
    expect(shell.runs).toEqual([]);
  });

  it('says a copy through the terminal (OSC 52) was sent, not that it was copied: nothing can tell (found by a tester under tmux)', async () => {
    const { lastFrame, stdin, t } = openFix('list-networks', undefined, { os: 'linux', programs: [], clipboard: { ok: true, tool: 'OSC 52', sent: true } });
    await waitForFrame(lastFrame, /docker is not installed here/);
    stdin.write('c');
    const frame = await waitForWrapped(lastFrame, t('fix.copy.sent'));
    expect(frame).not.toContain(t('fix.copy.done', { tool: 'OSC 52' }));
  });

  it('does not offer to select a command by hand when it is shown on several lines (found by a tester)', async () => {
    // A short line (the one to run elsewhere, as c copies it) on one line: selecting it by hand is offered.
    const wide = openFix('list-networks', undefined, { os: 'linux', programs: [] });
    await waitForWrapped(wide.lastFrame, wide.t('fix.refused.copyHint'));
    cleanup();
    const narrow = openFix('ps-set', { container: 'web_1' }, { os: 'linux', columns: 34, rows: 40 });
    await waitForFrame(narrow.lastFrame, 'web_1');
    narrow.stdin.write(KEYS.tab);
    narrow.stdin.write('hello');
    await waitForFrame(narrow.lastFrame, 'hello');
    narrow.stdin.write(KEYS.enter);
    const frame = await waitForWrapped(narrow.lastFrame, narrow.t('fix.refused.copyHintWrapped'));
    expect(frame).not.toContain(narrow.t('fix.refused.copyHint').replace(/\s+/g, ' '));
  });

  it('checks elevation on Windows before an admin fix', async () => {
    const { lastFrame, stdin, t, shell, audit } = openFix('restart-hns', { service: 'hns' }, { elevation: { kind: 'not-elevated' } });
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.enter);
    const frame = await waitForWrapped(lastFrame, t('fix.refused.notElevated'));
    expect(frame).toContain(t('fix.refused.elevate'));
    expect(frame).not.toContain(t('fix.typed.prompt'));
    expect(audit).toMatchObject([{ outcome: 'refused', reason: NOT_ELEVATED_REASON }]);
    expect(shell.runs).toEqual([]);
  });
});

describe('FixRunnerScreen: running', () => {
  /** list-networks takes no values: it opens at the question. */
  async function runListNetworks(opts: FakePlatformOptions & { onQuit?: () => void } = {}) {
    const r = openFix('list-networks', undefined, opts);
    await waitForFrame(r.lastFrame, r.t('fix.confirm.question'));
    r.stdin.write('y');
    await started(r.shell);
    await waitForFrame(r.lastFrame, /Running… \d+(\.\d)? s \(time limit 120 s\)/);
    return r;
  }

  it('a signal that ends the app: its last frame says the command is being stopped, not "Running…" (found by an attacker helper)', async () => {
    const { lastFrame, endWith, t } = await runListNetworks();
    endWith('SIGTERM');
    const frame = await waitForFrame(lastFrame, t('fix.run.ending', { signal: 'SIGTERM' }));
    expect(frame).not.toMatch(/Running…/);
    // No keys are offered in a frame no key will reach.
    expect(frame).not.toContain('Ctrl+C');
    expect(frame.trimEnd().split('\n').at(-1)).toBe(t('app.ending', { signal: 'SIGTERM' }));
  });

  it('streams output as it arrives, then shows the exit code, the result and the next step', async () => {
    const { lastFrame, shell, audit } = await runListNetworks();
    const run = shell.runs[0]!;
    expect(run.file).toBe('docker');
    run.emit('NETWORK ID   NAME\n');
    run.emit('abc123       nat', 'stdout');
    const live = await waitForFrame(lastFrame, 'abc123       nat');
    expect(live).toContain('NETWORK ID   NAME');
    expect(live).toMatch(/Running…/);
    expect(audit).toEqual([]);
    run.emit('\n');
    run.finish({ exitCode: 0, durationMs: 1200 });
    const done = await waitForFrame(lastFrame, 'Check finished (exit code 0).');
    expect(done).toContain('Exit code 0 after 1.2 s');
    expect(done).toContain('→ Read the output above');
    expect(audit).toMatchObject([{ outcome: 'ran', exitCode: 0, command: 'docker network ls' }]);
  });

  it('cuts a line of wide characters to the screen, so that it neither wraps nor repeats the title (found by a regression tester)', async () => {
    const { lastFrame, shell } = await runListNetworks();
    shell.runs[0]!.emit(`${'中'.repeat(5000)}\n`);
    const frame = await waitForFrame(lastFrame, '中中中');
    const rows = frame.split('\n');
    expect(rows.filter((l) => l.includes('wcdoctor ›'))).toHaveLength(1);
    for (const l of rows) expect(displayWidth(l), l.slice(0, 20)).toBeLessThanOrEqual(80);
  });

  it('an Enter right after the answer that started a quick fix is the answer\'s: it does not open the form again (found by a regression tester at 0.45 s)', async () => {
    // The clock the rule reads, held still: on a loaded machine the real one could pass the second between the answer
    // and the Enter (a reviewer).
    let clock = Date.now();
    const now = vi.spyOn(Date, 'now').mockImplementation(() => clock);
    try {
      const { lastFrame, stdin, shell, t } = openFix('kubectl-label', { node: 'web' });
      await fillTextAndSubmit(lastFrame, stdin, t);
      await waitForFrame(lastFrame, t('fix.confirm.question'));
      stdin.write('y');
      await started(shell);
      shell.runs[0]!.finish({ exitCode: 0, durationMs: 100 });
      await waitForWrapped(lastFrame, t('fix.keys.edit'));
      clock += AFTER_ANSWER_MS - 1;
      stdin.write(KEYS.enter);
      await new Promise((r) => setTimeout(r, 50));
      // Still the result.
      expect(plain(lastFrame())).toContain(t('fix.keys.edit'));
      expect(plain(lastFrame())).not.toContain(t('fix.form.prompt'));
      // A moment later it is a wish to edit the values.
      clock += 1;
      stdin.write(KEYS.enter);
      await waitForFrame(lastFrame, t('fix.form.prompt'));
    } finally {
      now.mockRestore();
    }
  });

  it('says "no output yet" while the fix runs and "no output" once it has ended without any', async () => {
    const { lastFrame, shell, t } = await runListNetworks();
    expect(lastFrame()).toContain(t('fix.run.noOutput'));
    shell.runs[0]!.finish({ exitCode: 0, durationMs: 300 });
    const done = await waitForFrame(lastFrame, 'Check finished (exit code 0).');
    expect(done).toContain(t('fix.run.noOutputAtAll'));
    expect(done).not.toContain(t('fix.run.noOutput'));
  });

  it('cancels the running child with Esc: the AbortSignal fires and the screen says cancelled', async () => {
    const { lastFrame, stdin, shell, audit } = await runListNetworks();
    shell.runs[0]!.emit('working\n');
    await waitForFrame(lastFrame, 'working');
    stdin.write(KEYS.esc);
    await vi.waitFor(() => expect(shell.runs[0]!.aborted).toBe(true));
    const frame = await waitForFrame(lastFrame, 'Cancelled: the command was stopped before it finished.');
    expect(frame).toContain('working');
    expect(audit).toMatchObject([{ outcome: 'cancelled', fix: 'list-networks' }]);
  });

  it('takes Ctrl+C while a fix runs to cancel the fix, not to quit; q waits too', async () => {
    const onQuit = vi.fn();
    const { lastFrame, stdin, t, shell } = await runListNetworks({ onQuit });
    stdin.write('q');
    await waitForFrame(lastFrame, t('fix.run.quitBlocked'));
    stdin.write(KEYS.ctrlC);
    await waitForFrame(lastFrame, 'Cancelled:');
    expect(shell.runs[0]!.aborted).toBe(true);
    expect(onQuit).not.toHaveBeenCalled();
    stdin.write(KEYS.ctrlC);
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
  });

  it('keeps the screen while a fix runs: h and Ctrl+G wait as q does, and the help says what the keys do now', async () => {
    // Found in the app: h went home, which unmounted the screen and stopped the fix halfway, with nothing on screen.
    const { lastFrame, stdin, t, shell, audit } = await runListNetworks();
    shell.runs[0]!.emit('working\n');
    await waitForFrame(lastFrame, 'working');
    stdin.write('h');
    await waitForFrame(lastFrame, t('fix.run.quitBlocked'));
    stdin.write('\u0007');
    await new Promise((r) => setTimeout(r, 50));
    expect(shell.runs[0]!.aborted).toBe(false);
    expect(audit).toEqual([]);
    expect(lastFrame()).toContain('working');
    stdin.write('?');
    const help = await waitForFrame(lastFrame, t('fix.keys.afterStop'));
    expect(help).toMatch(new RegExp(`Esc\\s+${t('fix.keys.cancel')}`));
    expect(help).toMatch(new RegExp(`Ctrl\\+C\\s+${t('fix.keys.cancel')}`));
    expect(help).not.toContain(t('keys.home'));
    expect(help).not.toContain(t('keys.exit'));
    expect(help).not.toContain(t('fix.keys.copy'));
  });

  it('shows what the fix changes in the topic language, as its title (the plan was made from the English topic)', async () => {
    const platform = fakePlatform({ kb: realKb(), settings: { language: 'en', knowledgeLanguage: 'zh-CN' } });
    const { lastFrame, stdin, t } = renderApp({
      platform,
      rows: 30,
      initial: [{ screen: 'fix', topicId: 'container-dns-resolution-fails', fixId: 'show-container-dns-servers', entities: { container: 'web' } }],
    });
    await waitForFrame(lastFrame, '显示为容器分配的 DNS 服务器');
    stdin.write(KEYS.enter);
    const frame = await waitForFrame(lastFrame, t('fix.confirm.question'));
    expect(frame).toContain('不做任何更改');
    expect(frame).not.toContain("Nothing; prints the container's addresses");
  });

  it('aborts a running fix when the screen goes away', async () => {
    const { unmount, shell } = await runListNetworks();
    unmount();
    await vi.waitFor(() => expect(shell.runs[0]!.aborted).toBe(true));
  });

  it('runs a real child through platform/shell.ts runCommand (node stands in for PowerShell)', async () => {
    const child = 'console.log("step one"); setTimeout(() => { console.error("Access is denied."); process.exit(5); }, 50)';
    const seen: string[] = [];
    const { lastFrame, stdin, t, audit } = openFix('ps-set', { container: 'web_1' }, {
      runCommand: (file, args, opts) => {
        seen.push(file);
        return runCommand(process.execPath, ['-e', child], opts);
      },
    });
    await fillTextAndSubmit(lastFrame, stdin, t);
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    stdin.write('y');
    const frame = await waitForFrame(lastFrame, 'The command failed (exit code 5).');
    expect(frame).toContain('step one');
    expect(frame).toContain('Access is denied.');
    expect(frame.replace(/\s+/g, ' ')).toContain('(Run as administrator)');
    expect(seen).toEqual(['powershell.exe']);
    expect(audit).toMatchObject([{ outcome: 'failed', exitCode: 5, fix: 'ps-set', command: PS_COMMAND }]);
  });

  it('cancels a real child with Esc', async () => {
    const { lastFrame, stdin, t, audit } = openFix('list-networks', undefined, {
      runCommand: (_file, _args, opts) => runCommand(process.execPath, ['-e', 'console.log("waiting"); setInterval(() => {}, 1000)'], opts),
    });
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    stdin.write('y');
    await waitForFrame(lastFrame, 'waiting');
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, 'Cancelled:');
    expect(audit).toMatchObject([{ outcome: 'cancelled' }]);
  });
});

describe('TopicScreen → fix runner', () => {
  it('selects a fix with Tab, opens it with Enter (entities carried over) and keeps the command to copy', async () => {
    const platform = fakePlatform({ kb: makeKb() });
    const { lastFrame, stdin, t } = renderApp({ platform, initial: [{ screen: 'topic', topicId: 'demo-topic', entities: { service: 'hns' } }] });
    const topic = await waitForFrame(lastFrame, '❯ Title of ps-set');
    expect(topic).toContain('Set-Thing -Name {{name}} -Value {{value}}');
    expect(topic).toContain(`Enter ${t('fix.keys.open')}`);
    // The first Tab goes to the fixes, on the first (marked from the start); the second to the next one.
    stdin.write(KEYS.tab);
    await new Promise((r) => setTimeout(r, 30));
    expect(lastFrame()).toContain('❯ Title of ps-set');
    stdin.write(KEYS.tab);
    const second = await waitForFrame(lastFrame, '❯ Title of restart-hns');
    expect(second).toContain('Restart-Service hns -Force');
    stdin.write(KEYS.enter);
    const runner = await waitForFrame(lastFrame, t('fix.title', { title: 'Title of restart-hns' }));
    expect(plain(runner)).toMatch(/hns█?\s*\n\s*✔ valid; found in your paste/);
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, '❯ Title of restart-hns');
  });
});

describe('FixRunnerScreen: a value the validator takes and the plan refuses', () => {
  it('is marked ✖ with the plan\'s reason, not ✔ valid (found by a tester: a PowerShell fix\'s value that starts with -)', async () => {
    const { lastFrame, stdin, t, shell } = openFix('ps-set', { container: 'web_1' });
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.tab);
    stdin.write('-OutFile');
    const reason = t('fix.problem.optionLikeInScript', { name: 'value', value: '"-OutFile"', first: '-' });
    const frame = plain(await waitForFrame(lastFrame, `✖ ${reason.slice(0, 30)}`));
    expect(frame).not.toMatch(/-OutFile█?\s*\n\s*✔/);
    stdin.write(KEYS.enter);
    expect(shell.runs).toEqual([]);
  });
});

describe('FixRunnerScreen in Swedish: messages from core are translated', () => {
  it('shows a validation reason in the interface language', async () => {
    const { lastFrame, stdin, t, shell } = openFix('ps-set', { container: 'web_1' }, { locale: 'sv-SE' });
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    stdin.write(KEYS.ctrlU);
    stdin.write('x;y');
    // The reason line is cut to the terminal width: its start is enough.
    const reason = t('fix.reason.containerName');
    expect(reason).toMatch(/^måste vara ett containernamn eller id/);
    const frame = await waitForFrame(lastFrame, `✖ ${reason.slice(0, 40)}`);
    expect(frame).not.toContain('must be a container name');
    expect(shell.runs).toEqual([]);
  });

  it('shows a refusal in the interface language and keeps the audit reason in English', async () => {
    const { lastFrame, stdin, t, audit } = openFix('ps-set', { container: 'web_1' }, { locale: 'sv-SE', os: 'linux' });
    await fillTextAndSubmit(lastFrame, stdin, t);
    const reason = t('fix.refusal.windowsShell', { shell: 'powershell', platform: 'Linux' });
    expect(reason).toBe('kan inte köras här: powershell-åtgärder körs bara på Windows, och den här datorn kör Linux');
    const frame = await waitForWrapped(lastFrame, t('fix.refused.cannotRun', { reason }));
    expect(frame).not.toContain('cannot run here');
    expect(audit).toMatchObject([{ outcome: 'refused', reason: 'cannot run here: powershell fixes run only on Windows, and this machine runs Linux' }]);
  });

  it('shows the outcome and the next step in the interface language', async () => {
    const { lastFrame, stdin, t, shell } = openFix('list-networks', undefined, { locale: 'sv-SE' });
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    stdin.write('y');
    await started(shell);
    shell.runs[0]!.finish({ exitCode: 0, durationMs: 1200 });
    const frame = await waitForWrapped(lastFrame, t('fix.outcome.checked'));
    expect(t('fix.outcome.checked')).toBe('Kontrollen är klar (slutkod 0).');
    // The duration with the Swedish decimal separator (F10).
    expect(frame).toContain('Slutkod 0 efter 1,2 s');
    expect(frame).toContain(`→ ${t('fix.outcome.next.readOutput')}`);
    expect(frame).not.toContain('Check finished');
  });
});
