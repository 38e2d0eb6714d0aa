// `wcdoctor network` alone: in a terminal the app's network wizard (as `compat` and `diagnose` open their screens; a
// new-user helper got the help there); without one the help, on stdout with exit 0, as its help says.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli-io.js';
import { routesFor } from '../../src/ui/run.js';

const opened = vi.hoisted(() => [] as unknown[][]);
vi.mock('../../src/cli/commands/ui.js', async (original) => ({
  ...(await original<typeof import('../../src/cli/commands/ui.js')>()),
  openScreen: vi.fn(async (...args: unknown[]) => void opened.push(args.slice(1))),
}));

afterEach(() => void (opened.length = 0));

describe('wcdoctor network alone', () => {
  it('opens the network wizard in a terminal, in the language of --lang', async () => {
    expect(await runCli(['network'], { tty: true })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(opened).toEqual([[{ screen: 'network' }, { noColor: false }]]);
    await runCli(['--lang', 'sv-SE', '--no-color', 'network'], { tty: true });
    expect(opened[1]).toEqual([{ screen: 'network' }, { noColor: true, lang: 'sv-SE' }]);
  });

  it('opens the wizard screen above home', () => {
    expect(routesFor({ screen: 'network' })).toEqual([{ screen: 'home' }, { screen: 'network' }]);
  });

  it('prints its help on stdout with exit 0 without a terminal, saying so', async () => {
    const r = await runCli(['network']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Usage: wcdoctor network [options] [command]');
    expect(r.stdout).toContain('With no command: in a terminal, the network setup wizard; otherwise this help,');
    expect(opened).toEqual([]);
  });

  it('still names a stray word as an unknown command, and still has `network help plan`', async () => {
    const r = await runCli(['network', 'pln'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'pln'");
    expect(opened).toEqual([]);
    expect((await runCli(['network', 'help', 'plan'])).stdout).toContain('Usage: wcdoctor network plan [options] <name>');
  });
});
