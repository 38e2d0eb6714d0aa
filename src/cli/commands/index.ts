import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { registerDiagnose } from './diagnose.js';
import { registerKb } from './kb.js';

/** Registers every subcommand on the program. One file per command. */
export function registerCommands(program: Command, io: CliIO): void {
  registerKb(program, io);
  registerDiagnose(program, io);
}
