/**
 * The names of wcdoctor's commands and how a command line names one, without loading any command: the diagnose bundle
 * reads them to name the command in an error (`wcdoctor docs: …`), and must not carry the commands themselves.
 */

/** Every subcommand, in the order the help lists them (src/cli/commands/index.ts registers these). */
export const COMMAND_NAMES: readonly string[] = ['diagnose', 'explain', 'docs', 'fix', 'history', 'compat', 'network', 'troubleshoot', 'check', 'kb'];

/** Global options that take a value, so that their value is not mistaken for a subcommand. */
const GLOBAL_WITH_VALUE = new Set(['--lang']);

/** The subcommand named on the command line, if any. */
export function subcommandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (GLOBAL_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}
