import { Command, CommanderError, Option } from 'commander';
import { EXIT, type CliIO } from './io.js';
import { registerCommands } from './commands/index.js';
import { VERSION } from './version.js';

/** Builds the commander program with the commands `argv` needs; exported so tests can drive it in-process. */
export async function buildProgram(io: CliIO, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('wcdoctor')
    .description('Windows Container Doctor: paste an error, get the known issue and its fix.')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--lang <locale>', 'language of knowledge text (en, zh-CN, ko-KR, sv-SE)'))
    .option('--no-color', 'disable colours (NO_COLOR is honoured too)')
    .showHelpAfterError('(run "wcdoctor --help" for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  await registerCommands(program, io, argv);
  return program;
}

/**
 * Reads the command line with commander and runs the command. Help, --version and commander's own
 * errors (it has printed them) give their exit code; the command's errors are thrown, for run().
 */
export async function parseWithCommander(argv: string[], io: CliIO): Promise<number | undefined> {
  try {
    const program = await buildProgram(io, argv);
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw e;
  }
  return undefined;
}
