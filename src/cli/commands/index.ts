import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { subcommandOf } from '../command-names.js';

export { subcommandOf };

type Register = (program: Command, io: CliIO) => void;

/**
 * Every subcommand, loaded on demand: a run of `wcdoctor diagnose` loads the diagnose module
 * and not the others (some pull in zod, yaml or Ink), which keeps start-up close to bare node.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  diagnose: async () => (await import('./diagnose.js')).registerDiagnose,
  explain: async () => (await import('./explain.js')).registerExplain,
  docs: async () => (await import('./docs.js')).registerDocs,
  fix: async () => (await import('./fix.js')).registerFix,
  history: async () => (await import('./history.js')).registerHistory,
  compat: async () => (await import('./compat.js')).registerCompat,
  network: async () => (await import('./network.js')).registerNetwork,
  troubleshoot: async () => (await import('./troubleshoot.js')).registerTroubleshoot,
  check: async () => (await import('./check.js')).registerCheck,
  kb: async () => (await import('./kb.js')).registerKb,
};

/**
 * Registers the subcommands this run needs: only the one named, or all of them when none is
 * (help, the app) or the name is unknown (so that commander can suggest the right one).
 */
export async function registerCommands(program: Command, io: CliIO, argv: readonly string[] = []): Promise<void> {
  const name = subcommandOf(argv);
  const wanted = name && Object.hasOwn(COMMANDS, name) ? [name] : Object.keys(COMMANDS);
  const registers = await Promise.all(wanted.map((n) => COMMANDS[n]!()));
  for (const register of registers) register(program, io);
  const { registerUi } = await import('./ui.js');
  registerUi(program, io);
}
