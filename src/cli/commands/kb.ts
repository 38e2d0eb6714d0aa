import type { Command } from 'commander';
import type { CliIO } from '../io.js';

/** `wcdoctor kb build|check|stats`: builds, validates and measures the knowledge base (the work loads on use). */
export function registerKb(program: Command, io: CliIO): void {
  const kb = program.command('kb').description('build, check and measure the knowledge base');

  kb.command('build')
    .description('parse the sources and topics into dist/kb.json (fails on any problem)')
    .option('--root <dir>', 'the wcdoctor folder that holds knowledge/ (default: this installation)')
    .option('--no-cache', 'time every pattern again instead of taking the verdicts kept from earlier runs of this build')
    .action(async (opts: { root?: string; cache?: boolean }) => (await import('./kb-actions.js')).runKbBuild(opts, io));

  kb.command('check')
    .description('validate schemas, section mapping, fix placeholders, references, translations and the glossary (a section missing in a language is a warning)')
    .option('--json', 'print the problems as JSON')
    .option('--root <dir>', 'the wcdoctor folder that holds knowledge/ (default: this installation)')
    .option('--no-cache', 'time every pattern again instead of taking the verdicts kept from earlier runs of this build')
    .action(async (opts: { json?: boolean; root?: string; cache?: boolean }) => (await import('./kb-actions.js')).runKbCheck(opts, io));

  kb.command('stats')
    .description('coverage: sections found and mapped per source; per language, sections in source text, our translation, missing; languages per topic')
    .option('--json', 'print {"sources": [...], "languages": [...], "topics": [...]}')
    .option('--root <dir>', 'the wcdoctor folder that holds knowledge/ (default: this installation)')
    .option('--no-cache', 'time every pattern again instead of taking the verdicts kept from earlier runs of this build')
    .action(async (opts: { json?: boolean; root?: string; cache?: boolean }) => (await import('./kb-actions.js')).runKbStats(opts, io));
}
