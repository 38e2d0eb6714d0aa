import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { registerCompat } from './compat.js';
import { registerDiagnose } from './diagnose.js';
import { registerDocs } from './docs.js';
import { registerExplain } from './explain.js';
import { registerKb } from './kb.js';
import { registerFix } from './fix.js';
import { registerHistory } from './history.js';
import { registerNetwork } from './network.js';
import { registerTroubleshoot } from './troubleshoot.js';
import { registerUi } from './ui.js';

/** Registers every subcommand on the program. One file per command. */
export function registerCommands(program: Command, io: CliIO): void {
  registerKb(program, io);
  registerCompat(program, io);
  registerDiagnose(program, io);
  registerDocs(program, io);
  registerExplain(program, io);
  registerFix(program, io);
  registerHistory(program, io);
  registerNetwork(program, io);
  registerTroubleshoot(program, io);
  registerUi(program, io);
}
