import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-io.js';

// `wcdoctor help` and `wcdoctor help diagnose`, as git and npm take them (a new-user helper got "unknown command 'help'").
describe('the help command', () => {
  it("prints a command's help as --help does, and the program's alone", async () => {
    expect(await runCli(['help', 'diagnose'])).toEqual(await runCli(['diagnose', '--help']));
    // A command under another too (commander's own help command printed kb's help; a regression tester).
    expect(await runCli(['help', 'kb', 'check'])).toEqual(await runCli(['kb', 'check', '--help']));
    const top = await runCli(['help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('help [command]');
    expect(top.stdout).toBe((await runCli(['--help'])).stdout);
  });

  it('refuses a command that does not exist, with the nearest name', async () => {
    const r = await runCli(['help', 'diagnos']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'diagnos'");
    expect(r.stderr).toContain('diagnose');
    expect(r.stdout).toBe('');
    const under = await runCli(['help', 'kb', 'bogus']);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain("unknown command 'bogus'");
  });
});
