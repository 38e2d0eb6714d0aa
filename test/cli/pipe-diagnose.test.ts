// Issue 17, defect 8: `echo 0x800705B4 | wcdoctor` diagnoses what comes down the pipe.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-io.js';

describe('wcdoctor with input on a pipe and no command', () => {
  it('diagnoses the piped text', async () => {
    const r = await runCli([], { stdin: '0x800705B4\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/processor/i);
    expect(r.stdout).not.toMatch(/Usage:/);
  });

  it('prints the help for an empty pipe', async () => {
    const r = await runCli([], { stdin: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage:/);
  });
});
