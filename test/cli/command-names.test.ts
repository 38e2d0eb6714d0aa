import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, subcommandOf } from '../../src/cli/command-names.js';
import { buildProgram } from '../../src/cli/program.js';
import { fakeIO } from '../helpers/cli-io.js';

describe('the list of command names the diagnose bundle carries', () => {
  it('is the list of commands the program registers', async () => {
    const program = await buildProgram(fakeIO().io, []);
    expect([...COMMAND_NAMES].sort()).toEqual(program.commands.map((c) => c.name()).sort());
  });

  it('reads the command a line names, past --lang and its value', () => {
    expect(subcommandOf(['--lang', 'sv-SE', 'docs', 'x'])).toBe('docs');
    expect(subcommandOf(['--json'])).toBeUndefined();
  });
});
