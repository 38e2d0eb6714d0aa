import { Command, CommanderError, Option } from 'commander';
import { EXIT, type CliIO } from './io.js';
import { registerCommands } from './commands/index.js';
import { VERSION } from './version.js';
import { langOfArgv, translatorFor, usageLocale } from './lang.js';
import { localizeHelp } from './help.js';
import { usageErrorText } from './usage-errors.js';
import { readLocaleCatalogs } from '../platform/locale-catalogs.js';
import { createT } from '../ui/i18n.js';

/** `wcdoctor`, or `wcdoctor kb` for a subcommand: the names from the program down to `cmd`. */
function commandLineOf(cmd: Command | null): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ') || 'wcdoctor';
}

/** Builds the commander program with the commands `argv` needs; exported so tests can drive it in-process. */
export async function buildProgram(io: CliIO, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('wcdoctor')
    .description('Windows Container Doctor: paste an error, get the known issue and its fix.')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--lang <locale>', 'language of knowledge text (en, zh-CN, ko-KR, sv-SE)'))
    .option('--no-color', 'disable colours (NO_COLOR is honoured too)')
    // Commander's own errors are not written where it finds them: parseWithCommander says them in the user's language.
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => undefined })
    // Called on the command that refused the line (commander calls it as that command's method): the error carries the
    // command's name, so that the hint names the help that lists its options (`wcdoctor fix --help`).
    .exitOverride(function (this: Command, err: CommanderError): never {
      throw Object.assign(err, { command: commandLineOf(this) });
    });
  // The help speaks the language a usage error would (the command line's --lang, else the environment's), decided
  // when a help is printed; set before the commands are registered, which inherit it.
  localizeHelp(program, () => translatorFor(usageLocale(langOfArgv(argv), io.env)));
  // `wcdoctor help` and `wcdoctor help diagnose`, as git and npm take them (a new-user helper got "unknown command
  // 'help'"): commander adds the command by itself only to a program without an action of its own, and wcdoctor's
  // opens the app.
  program.helpCommand('help [command]', 'display help for command');
  await registerCommands(program, io, argv);
  return program;
}

/**
 * Reads the command line with commander and runs the command. Help and --version give their exit code;
 * commander's own errors (an unknown option, a missing value …) are printed in the user's language (the
 * command line's --lang, else the environment's) and give exit 2; the command's errors are thrown, for run().
 */
export async function parseWithCommander(argv: string[], io: CliIO): Promise<number | undefined> {
  try {
    const program = await buildProgram(io, argv);
    await program.parseAsync(withoutHelpOfUnknownCommand(program, argv), { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      if (e.exitCode === 0) return EXIT.ok;
      const t = createT(readLocaleCatalogs(), usageLocale(langOfArgv(argv), io.env));
      io.err(usageErrorText(t, e));
      return EXIT.usage;
    }
    throw e;
  }
  return undefined;
}

/** Whether every word of `words` before an option names a command under the one before it (`kb check`, not `kb bogus`). */
function knowsCommands(program: Command, words: readonly string[]): boolean {
  let command = program;
  for (const w of words) {
    if (w.startsWith('-') || command.commands.length === 0) return true;
    const next = command.commands.find((c) => c.name() === w || c.aliases().includes(w));
    if (!next) return false;
    command = next;
  }
  return true;
}

/**
 * The command line without its --help and --version when a word names no command where one is expected (at the top,
 * or after a command that has commands of its own, such as `kb`): `wcdoctor topic --help`, `wcdoctor bogus -V` and
 * `wcdoctor kb bogus --help` printed a help or the version with exit 0 (found by testers), where the same words without
 * the flag are refused as an unknown command, with the nearest name; now all are. The value of --lang is no command word.
 */
export function withoutHelpOfUnknownCommand(program: Command, argv: readonly string[]): string[] {
  // `wcdoctor help bogus` (or `help kb bogus`) printed a help with exit 0: it is `wcdoctor bogus`, an unknown command,
  // read as the same words without `help` (a regression tester).
  // `help kb check` is `kb check --help` (commander's help command takes one name and printed kb's help).
  if (argv[0] === 'help' && argv.length > 1) {
    const rest = argv.slice(1);
    if (!knowsCommands(program, rest)) return withoutHelpOfUnknownCommand(program, rest);
    if (rest.every((w) => !w.startsWith('-'))) return [...rest, '--help'];
  }
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  let command = program;
  let unknown = false;
  for (let i = 0; i < head.length && command.commands.length > 0; i++) {
    const a = head[i]!;
    if (a === '--lang') i++;
    else if (!a.startsWith('-')) {
      const next = command.commands.find((c) => c.name() === a || c.aliases().includes(a));
      if (!next) {
        unknown = true;
        break;
      }
      command = next;
    }
  }
  if (!unknown) return [...argv];
  const flag = (a: string) => a === '--help' || a === '-h' || a === '--version' || a === '-V';
  return [...head.filter((a) => !flag(a)), ...(end < 0 ? [] : argv.slice(end))];
}
