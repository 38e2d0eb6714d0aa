import { describe, expect, it } from 'vitest';
import { decodeEncodedCommand, makeKb } from '../core/fixes/fix-fixtures.js';
import { noteDroppedOutput } from '../../src/platform/run-guard.js';
import { fixHarness, runFixCommand, type FixHarness, type FixHarnessOptions } from '../helpers/fix-cli.js';

/** Fake deps around an in-memory KB (docker present); `child` is the node code that stands in for the real program when one runs. */
const harness = (o: Omit<FixHarnessOptions, 'loadKb'> = {}) => fixHarness({ loadKb: makeKb, programs: ['docker'], ...o });
const fix = (args: string[], h: FixHarness, tty: boolean | { tty: boolean; stderrTTY: boolean } = false) => runFixCommand(args, h.deps, typeof tty === 'boolean' ? { tty } : tty);

const PS_SET = ['demo-topic', 'ps-set', '--set', 'name=web_1', '--set', "value=it's $(x)"];

describe('wcdoctor fix: listing and dry runs', () => {
  it('lists a topic\'s fixes with their placeholders as JSON', async () => {
    const r = await fix(['demo-topic', '--json'], harness());
    const json = JSON.parse(r.stdout) as { topic: string; fixes: { id: string; placeholders: { name: string; entity: string | null }[] }[] };
    expect(json.topic).toBe('demo-topic');
    expect(json.fixes.map((f) => f.id)).toContain('net-use');
    expect(json.fixes[0]?.placeholders).toMatchObject([{ name: 'name', kind: 'container-name', description: 'name of the container', entity: 'container' }, { name: 'value', entity: null }]);
  });

  it('lists them for people too', async () => {
    const r = await fix(['demo-topic'], harness());
    expect(r.stdout).toContain('restart-hns: Title of restart-hns');
    expect(r.stdout).toContain('HIGH risk (confirm word: restart-hns)');
    expect(r.stdout).toContain('{{name}} container-name: name of the container (filled from the diagnosis: container)');
  });

  it('prints the dry-run plan as JSON with the decoded script', async () => {
    const h = harness();
    const r = await fix([...PS_SET, '--dry-run', '--json'], h);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { argv: string[]; script: string };
    expect(Object.keys(json)).toEqual(['topic', 'fix', 'command', 'commandToPaste', 'argv', 'script', 'risk', 'admin', 'placeholders']);
    expect(json.command).toBe("Set-Thing -Name 'web_1' -Value 'it''s $(x)'");
    expect(json.commandToPaste).toBe("& { $ErrorActionPreference = 'Stop'; Set-Thing -Name 'web_1' -Value 'it''s $(x)' }");
    expect(decodeEncodedCommand(json.argv[4] ?? '')).toBe(json.script);
    expect(json.placeholders).toEqual([{ name: 'name', kind: 'container-name', value: 'web_1' }, { name: 'value', kind: 'text', value: "it's $(x)" }]);
    expect(h.ran).toEqual([]);
    expect(h.audit).toEqual([]);
  });

  it('prints the dry run for people with command, argv and script', async () => {
    const r = await fix(['demo-topic', 'docker-net', '--set', 'iface=Ethernet 2', '--set', 'note=a;b', '--set', 'network=n1', '--dry-run'], harness());
    expect(r.stdout).toContain('docker network create -d nat -o "com.docker.network.windowsshim.interface=Ethernet 2" --label "note=a;b" n1');
    expect(r.stdout).toContain('[6] "com.docker.network.windowsshim.interface=Ethernet 2"');
    expect(r.stdout).toContain('Administrator rights: not required');
  });

  it.each([
    [['nope'], /unknown topic "nope"/, /run "wcdoctor docs" to list the topics/],
    [['demo-topics'], /unknown topic "demo-topics"/, /did you mean: demo-topic\n/],
    [['demo-topic', 'nope'], /has no fix "nope"; its fixes are: ps-set, restart-hns/, /./],
    [['demo-topic', 'ps-set', '--set', 'name=web_1'], /"value" has no value: any text/, /--set NAME=VALUE/],
    [['demo-topic', 'ps-set', '--set', 'name=x;y', '--set', 'value=v'], /"name" "x;y" must be a container name/, /./],
    [['demo-topic', 'ps-set', '--set', 'novalue'], /--set "novalue": expected NAME=VALUE/, /./],
    [['demo-topic', 'ps-set', '--set', 'a=1', '--set', 'a=2'], /--set a is given twice/, /./],
    [[...PS_SET, '--timeout', 'soon'], /--timeout "soon": expected seconds/, /./],
  ])('exits 2 for %j', async (args, first, second) => {
    const h = harness();
    const r = await fix(args, h);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(first);
    expect(r.stderr).toMatch(second);
    expect(h.ran).toEqual([]);
  });
});

describe('wcdoctor fix: consent and refusals', () => {
  it('refuses without a terminal and without --yes, and records the refusal', async () => {
    const h = harness();
    const r = await fix(PS_SET, h);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stdin is not a terminal/);
    expect(r.stderr).toMatch(/pass --yes to run it, or --dry-run/);
    expect(h.ran).toEqual([]);
    expect(h.audit).toMatchObject([{ outcome: 'refused', fix: 'ps-set' }]);
  });

  it('says a high-risk fix needs --yes=WORD (exit 2) even where it cannot run (issue 17, defect 11)', async () => {
    const h = harness({ platform: 'linux' });
    const r = await fix(['demo-topic', 'restart-hns', '--set', 'service=hns', '--yes'], h);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs --yes=restart-hns/);
    expect(r.stderr).not.toMatch(/cannot run here/);
    expect(h.ran).toEqual([]);
  });

  it('refuses plain --yes for a high-risk fix, but runs with --yes=WORD', async () => {
    const h = harness();
    const r = await fix(['demo-topic', 'restart-hns', '--set', 'service=hns', '--yes'], h);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/high-risk fix: needs --yes=restart-hns; plain --yes is not enough/);
    const wrong = await fix(['demo-topic', 'restart-hns', '--set', 'service=hns', '--yes=restart'], h);
    expect(wrong.code).toBe(2);
    expect(h.ran).toEqual([]);
    const ok = await fix(['demo-topic', 'restart-hns', '--set', 'service=hns', '--yes=restart-hns'], h);
    expect(ok.code).toBe(0);
    expect(h.ran).toHaveLength(1);
    expect(h.audit.map((e) => e.outcome)).toEqual(['refused', 'refused', 'ran']);
  });

  it('says which word a high-risk fix takes when --yes=WORD names another', async () => {
    const h = harness();
    const r = await fix(['demo-topic', 'restart-hns', '--set', 'service=hns', '--yes=restart'], h);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/restart-hns is a high-risk fix: its word is "restart-hns", not "restart"/);
    expect(r.stderr).not.toMatch(/plain --yes/);
    expect(h.audit).toMatchObject([{ outcome: 'refused', reason: expect.stringMatching(/not "restart"/) }]);
  });

  it('refuses the options of a run without a fix id, and says so when --yes took the fix id as its word', async () => {
    // commander gives --yes its optional word: `fix TOPIC --yes FIX` named no fix, and listed the fixes with exit 0.
    const swallowed = await fix(['demo-topic', '--yes', 'ps-set', '--set', 'name=web_1'], harness());
    expect(swallowed.code).toBe(2);
    expect(swallowed.stderr).toMatch(/--yes took "ps-set" as its confirmation word, so no fix was named: write "wcdoctor fix demo-topic ps-set --yes"/);
    expect(swallowed.stdout).toBe('');
    for (const args of [['--set', 'name=x'], ['--dry-run'], ['--timeout', '5'], ['--yes'], ['--copy']]) {
      const r = await fix(['demo-topic', ...args], harness());
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/needs a fix id: wcdoctor fix demo-topic FIX/);
    }
  });

  it('cuts a 100,000-character fix id, --set, --timeout or placeholder name to a line in its error', async () => {
    const long = 'a'.repeat(100_000);
    for (const args of [['demo-topic', long], [...PS_SET, '--timeout', long], ['demo-topic', 'ps-set', '--set', long], [...PS_SET, '--set', `x${long}=1`]]) {
      const r = await fix(args, harness());
      expect(r.code).toBe(2);
      expect(r.stderr.length, args[1]!.slice(0, 20)).toBeLessThan(600);
      expect(r.stderr).toContain('…');
    }
  });

  it('never copies a %NAME% that cmd would replace into a Windows command line', async () => {
    const r = await fix(['demo-topic', 'net-use', '--set', 'drive=Z:', '--set', 'share=\\\\srv\\share', '--set', 'user=%USERNAME%', '--set', 'password=p', '--dry-run'], harness());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"user" "%USERNAME%" holds %NAME% or !NAME!, which cmd replaces/);
    // One % is no variable: the line reads the same in cmd.
    const one = await fix(['demo-topic', 'net-use', '--set', 'drive=Z:', '--set', 'share=\\\\srv\\share', '--set', 'user=100%', '--set', 'password=p', '--dry-run'], harness());
    expect(one.code).toBe(0);
  });

  it('never lets --yes skip validation', async () => {
    const h = harness();
    const r = await fix(['demo-topic', 'ps-set', '--set', 'name=web_1', '--set', 'value=a\u0000b', '--yes'], h);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NUL/);
    expect(h.ran).toEqual([]);
  });

  it('asks on a terminal, defaults to No, and records the decline', async () => {
    const h = harness({ answer: '' });
    const r = await fix(PS_SET, h, true);
    expect(r.code).toBe(1);
    expect(h.asked).toEqual(['Run this command? [y/N] ']);
    // The plan is shown where the question is asked (stderr), never only on stdout, which may be a file or a pipe.
    expect(r.stderr).toContain("Set-Thing -Name 'web_1' -Value 'it''s $(x)'");
    expect(r.stderr).toContain('Administrator rights: required');
    expect(r.stdout).toBe('');
    expect(h.ran).toEqual([]);
    expect(h.audit).toMatchObject([{ outcome: 'refused', reason: 'declined at the confirmation prompt' }]);
  });

  it('asks nothing when stderr, where the command and the question are shown, is not a terminal (exit 2, nothing run)', async () => {
    const h = harness({ answer: 'y' });
    const r = await fix(PS_SET, h, { tty: true, stderrTTY: false });
    expect(r.code).toBe(2);
    expect(h.asked).toEqual([]);
    expect(h.ran).toEqual([]);
    expect(r.stderr).toContain('stderr is not a terminal');
    expect(h.audit).toMatchObject([{ outcome: 'refused', reason: 'not run: stderr is not a terminal, so the command to confirm cannot be shown' }]);
  });

  it('keeps --json on stdout pure JSON when it asks on a terminal', async () => {
    const h = harness({ answer: '' });
    const r = await fix([...PS_SET, '--json'], h, true);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'refused' });
  });

  it('ends with 130 when Ctrl+C answers the question, and records the interruption (a tester read it as a No)', async () => {
    const h = harness({ answer: { kind: 'interrupted' } });
    const r = await fix(PS_SET, h, true);
    expect(r.code).toBe(130);
    expect(h.ran).toEqual([]);
    expect(h.audit).toMatchObject([{ outcome: 'refused', reason: 'interrupted at the confirmation prompt (Ctrl+C)' }]);
    const ended = harness({ answer: { kind: 'ended' } });
    expect((await fix(PS_SET, ended, true)).code).toBe(1);
    expect(ended.ran).toEqual([]);
    expect(ended.audit).toMatchObject([{ outcome: 'refused', reason: 'declined at the confirmation prompt' }]);
  });

  it('asks with the note said when typed-ahead or pasted text is not taken', async () => {
    const notes: string[] = [];
    const h = harness();
    h.deps.ask = async (_q, note) => (notes.push(note), { kind: 'answer', text: '' });
    await fix(PS_SET, h, true);
    expect(notes).toEqual(['Text typed ahead, pasted, or typed at once after the question is not taken here: wait a moment, then type the answer key by key.']);
  });

  it('runs after "y" on a terminal', async () => {
    const h = harness({ answer: 'y' });
    const r = await fix(PS_SET, h, true);
    expect(r.code).toBe(0);
    expect(h.ran[0]?.file).toBe('powershell.exe');
  });

  it('needs the typed word on a terminal for a high-risk fix', async () => {
    const no = harness({ answer: 'yes' });
    expect((await fix(['demo-topic', 'reg-delete'], no, true)).code).toBe(1);
    expect(no.asked[0]).toMatch(/Type "reg-delete" to run it/);
    expect(no.ran).toEqual([]);
    const yes = harness({ answer: 'reg-delete' });
    expect((await fix(['demo-topic', 'reg-delete'], yes, true)).code).toBe(0);
    expect(yes.ran[0]).toEqual({ file: 'reg', args: ['delete', 'HKLM\\SYSTEM\\Some Key', '/v', 'DisabledComponents', '/f'] });
  });

  it('refuses a Windows-only fix elsewhere and prints the command to run there, stopping at its first error as wcdoctor runs it', async () => {
    const h = harness({ platform: 'linux' });
    const r = await fix([...PS_SET, '--yes'], h);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot run here: powershell fixes run only on Windows, and this machine runs Linux/);
    // Without the first line, a failed step (a mistyped folder) went on to the next ones where the console stood.
    expect(r.stdout).toBe("& { $ErrorActionPreference = 'Stop'; Set-Thing -Name 'web_1' -Value 'it''s $(x)' }\n");
    // The clipboard is the user's: nothing is put there unasked.
    expect(h.copied).toEqual([]);
    expect(h.audit).toMatchObject([{ outcome: 'refused' }]);
  });

  // A regression tester: the audit log's problem was printed between "run this command where it can run:" and the command.
  it('says a problem of the audit log before "run this command where it can run:", which leads to the command', async () => {
    const h = harness({ platform: 'linux' });
    h.deps.appendAudit = () => {
      throw new Error('the folder can be changed by another user');
    };
    const r = await fix([...PS_SET, '--yes'], h);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/run this command where it can run:$/);
    expect(r.stderr).toMatch(/could not write the audit log: the folder can be changed by another user/);
  });

  it('puts the command on the clipboard only with --copy', async () => {
    const h = harness({ platform: 'linux' });
    const r = await fix([...PS_SET, '--yes', '--copy'], h);
    expect(r.code).toBe(3);
    expect(h.copied).toEqual(["& { $ErrorActionPreference = 'Stop'; Set-Thing -Name 'web_1' -Value 'it''s $(x)' }"]);
    expect(r.stderr).toMatch(/Not copied to the clipboard: no clipboard tool/);
    const json = await fix([...PS_SET, '--yes', '--json'], harness({ platform: 'linux' }));
    expect(json.code).toBe(3);
    // --json gives the same line to run elsewhere as the text does (a tester: it gave the bare line).
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: 'refused', command: "& { $ErrorActionPreference = 'Stop'; Set-Thing -Name 'web_1' -Value 'it''s $(x)' }" });
  });

  it('prints and gives in --json a docker line off Windows as the Windows host reads it (a tester ran code through the POSIX line --json gave)', async () => {
    const args = ['demo-topic', 'docker-net', '--set', 'iface=Ethernet 2', '--set', "note=a';calc;#", '--set', 'network=n1', '--yes'];
    const windows = 'docker network create -d nat -o "com.docker.network.windowsshim.interface=Ethernet 2" --label "note=a\';calc;#" n1';
    const r = await fix(args, harness({ platform: 'linux' }));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe(`${windows}\n`);
    const json = await fix([...args, '--json'], harness({ platform: 'linux' }));
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: 'refused', command: windows });
  });

  it('gives the Windows line beside the POSIX one in a dry run off Windows, and records it for a fix that did not run (an attacker ran code through the POSIX line history and --dry-run showed)', async () => {
    const args = ['demo-topic', 'docker-net', '--set', 'iface=Ethernet 2', '--set', "note=a';calc;#", '--set', 'network=n1'];
    const windows = 'docker network create -d nat -o "com.docker.network.windowsshim.interface=Ethernet 2" --label "note=a\';calc;#" n1';
    const dry = await fix([...args, '--dry-run'], harness({ platform: 'linux' }));
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("--label 'note=a'\\'';calc;#' n1");
    expect(dry.stdout).toContain(`On the Windows host, paste this line into PowerShell (the line above is for this machine's shell):\n  ${windows}\n`);
    const json = await fix([...args, '--dry-run', '--json'], harness({ platform: 'linux' }));
    expect(JSON.parse(json.stdout)).toMatchObject({ commandToPaste: windows });
    // On Windows the one line is both, and so it is off Windows where the two read the same (a tester).
    expect((await fix([...args, '--dry-run'], harness())).stdout).not.toContain('On the Windows host');
    expect((await fix(['demo-topic', 'list-networks', '--dry-run'], harness({ platform: 'linux' }))).stdout).not.toContain('On the Windows host');
    // A refusal's --json names the line as the dry run does, and stderr points at no line it does not print.
    const refusedJson = await fix([...args, '--yes', '--json'], harness({ platform: 'linux' }));
    expect(JSON.parse(refusedJson.stdout)).toMatchObject({ outcome: 'refused', command: windows, commandToPaste: windows });
    expect(refusedJson.stderr).not.toContain('run this command where it can run');
    const h = harness({ platform: 'linux' });
    expect((await fix([...args, '--yes'], h)).code).toBe(3);
    expect(h.audit).toMatchObject([{ outcome: 'refused', command: windows }]);
  });

  it('refuses a docker fix where docker is not installed', async () => {
    const h = harness({ platform: 'linux', programs: [] });
    const r = await fix(['demo-topic', 'list-networks', '--yes'], h);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/docker is not installed here/);
    expect(r.stdout).toBe('docker network ls\n');
  });

  it("refuses a docker fix off Windows where docker talks to the machine's own engine, and runs it where docker reaches a Windows host (found by a tester)", async () => {
    const local = harness({ platform: 'linux' });
    const r = await fix(['demo-topic', 'list-networks', '--yes'], local);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/docker on this Linux machine talks to its own engine, not to a Windows container host/);
    expect(r.stdout).toBe('docker network ls\n');
    expect(local.ran).toEqual([]);
    expect(local.audit).toMatchObject([{ outcome: 'refused', fix: 'list-networks' }]);
    const remote = harness({ platform: 'linux', dockerElsewhere: true });
    expect((await fix(['demo-topic', 'list-networks', '--yes'], remote)).code).toBe(0);
    expect(remote.ran).toHaveLength(1);
  });

  it('checks elevation on Windows before an admin fix', async () => {
    const h = harness({ elevation: { kind: 'not-elevated' } });
    const r = await fix([...PS_SET, '--yes'], h);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/needs administrator rights and wcdoctor is not running elevated/);
    expect(h.ran).toEqual([]);
    expect(h.audit).toMatchObject([{ outcome: 'refused' }]);
  });
});

describe('wcdoctor fix: running real child processes', () => {
  it('streams output with elapsed time and reports success', async () => {
    const h = harness({ child: 'console.log("line one"); console.log("line two")' });
    const r = await fix([...PS_SET, '--yes'], h);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[ +\d+\.\ds\] line one\n\[ +\d+\.\ds\] line two\n$/);
    expect(r.stderr).toMatch(/✔ Fix applied \(exit code 0\)/);
    expect(h.audit).toMatchObject([{ outcome: 'ran', exitCode: 0 }]);
  });

  it('stamps no empty line: a failed command whose output is blank lines prints no bare "[  0.0s] " (issue 17, defect 11)', async () => {
    const h = harness({ child: 'process.stderr.write("\\n"); process.stderr.write("Error response from daemon: failed\\n\\n"); process.exit(1)' });
    const r = await fix([...PS_SET, '--yes'], h);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\[ +\d+\.\ds\] Error response from daemon: failed\n/);
    expect(r.stderr).not.toMatch(/\[ +\d+\.\ds\] *(\n|$)/);
  });

  it('reports a failing command with its exit code and next step', async () => {
    const h = harness({ child: 'console.error("Access is denied."); process.exit(5)' });
    const r = await fix([...PS_SET, '--yes', '--json'], h);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout) as { outcome: string; exitCode: number; stderr: string; nextStep: string };
    expect(json).toMatchObject({ outcome: 'failed', exitCode: 5, stderr: 'Access is denied.\n' });
    expect(json.nextStep).toMatch(/Run as administrator/);
    expect(r.stderr).toMatch(/Access is denied/);
    expect(h.audit).toMatchObject([{ outcome: 'failed', exitCode: 5 }]);
  });

  it('stops the command at --timeout', async () => {
    const h = harness({ child: 'setInterval(() => {}, 1000)' });
    const r = await fix([...PS_SET, '--yes', '--timeout', '1'], h);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/did not finish within the time limit/);
    expect(h.audit).toMatchObject([{ outcome: 'timeout' }]);
  });

  it('says the output was lost and exits 3 when it could not be written during the run (a full disk), the run still recorded', async () => {
    const h = harness({ onStart: () => noteDroppedOutput(1, 'no space left on the device (ENOSPC)') });
    const r = await fix([...PS_SET, '--yes'], h);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/the command's output could not be written \(no space left on the device \(ENOSPC\)\)/);
    expect(h.audit).toMatchObject([{ outcome: 'ran', exitCode: 0 }]);
    // Reported once: the next run starts clean.
    expect((await fix([...PS_SET, '--yes'], harness())).code).toBe(0);
  });

  it('cancels the child, not wcdoctor, on Ctrl+C', async () => {
    const h = harness({ child: 'console.log("working"); setInterval(() => {}, 1000)', onStart: (interrupt) => setImmediate(interrupt) });
    const r = await fix([...PS_SET, '--yes'], h);
    // As a program ended by Ctrl+C: 130, so that a script can tell it from a failure (3) or a No (1).
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/Cancelling the command/);
    expect(r.stderr).toMatch(/Cancelled: the command was stopped/);
    expect(h.audit).toMatchObject([{ outcome: 'cancelled' }]);
  });
});
