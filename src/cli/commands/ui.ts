import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import type { CliIO } from '../io.js';

/**
 * The default action, `wcdoctor` alone: the interactive app when stdin and stdout are terminals,
 * otherwise the help for the non-interactive commands (exit 0). Ink and React are imported only
 * here, lazily, so headless commands start light.
 */
export function registerUi(program: Command, io: CliIO): void {
  // Stray words reach the action so that they can be named as an unknown command. Registered
  // last, so the subcommands created before do not inherit this setting.
  program.allowExcessArguments(true);
  program.action(async (_opts: unknown, cmd: Command) => {
    const [unknown] = cmd.args;
    if (unknown !== undefined) throw new UserError(`unknown command "${unknown}"`, ['run "wcdoctor --help" for the list of commands']);
    if (!io.isTTY.stdin || !io.isTTY.stdout) {
      io.out(program.helpInformation());
      return;
    }
    const { openApp } = await import('../../ui/run.js');
    await openApp({ screen: 'home' }, { noColor: program.opts<{ color?: boolean }>().color === false });
  });
}
