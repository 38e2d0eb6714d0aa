import type { Command } from 'commander';
import { assembleKnowledgeBase, computeStats } from '../../core/knowledge/assemble-kb.js';
import { formatProblem } from '../../core/knowledge/problem.js';
import { readKnowledgeInput, writeKnowledgeBase } from '../../platform/knowledge-input.js';
import { EXIT, type CliIO } from '../io.js';
import { formatTable } from '../print.js';

/** `wcdoctor kb build|check|stats`: builds, validates and measures the knowledge base. */
export function registerKb(program: Command, io: CliIO): void {
  const kb = program.command('kb').description('build, check and measure the knowledge base');

  kb.command('build')
    .description('parse the sources and topics into dist/kb.json (fails on any problem)')
    .option('--root <dir>', 'the wcdoctor folder that holds knowledge/ (default: this installation)')
    .action((opts: { root?: string }) => {
      const started = Date.now();
      const { kb: built, problems } = assembleKnowledgeBase(readKnowledgeInput(opts.root));
      if (problems.length) {
        for (const p of problems) io.err(`${formatProblem(p)}\n`);
        io.err(`kb build: ${problems.length} problem(s); nothing written\n`);
        io.setExitCode(EXIT.failure);
        return;
      }
      const out = writeKnowledgeBase(built, opts.root);
      io.err(`kb build: ${built.topics.length} topics, ${built.sections.length} sections, ${built.codes.length} codes, ${built.trees.length} trees → ${out} (${Date.now() - started} ms)\n`);
    });

  kb.command('check')
    .description('validate schemas, section mapping, fix placeholders and references')
    .option('--json', 'print the problems as JSON')
    .option('--root <dir>', 'the wcdoctor folder that holds knowledge/ (default: this installation)')
    .action((opts: { json?: boolean; root?: string }) => {
      const { kb: built, problems } = assembleKnowledgeBase(readKnowledgeInput(opts.root));
      if (opts.json) io.out(`${JSON.stringify({ ok: problems.length === 0, problems }, null, 2)}\n`);
      else if (problems.length) for (const p of problems) io.err(`${formatProblem(p)}\n`);
      else io.out(`kb check: ok (${built.topics.length} topics, ${built.sections.length} sections, all mapped)\n`);
      if (problems.length) {
        if (!opts.json) io.err(`kb check: ${problems.length} problem(s)\n`);
        io.setExitCode(EXIT.failure);
      }
    });

  kb.command('stats')
    .description('coverage: sections found and mapped per source, locales per topic')
    .option('--json', 'print {"sources": [...], "topics": [...]}')
    .option('--root <dir>', 'the wcdoctor folder that holds knowledge/ (default: this installation)')
    .action((opts: { json?: boolean; root?: string }) => {
      const { kb: built, problems } = assembleKnowledgeBase(readKnowledgeInput(opts.root));
      const stats = computeStats(built);
      if (opts.json) {
        io.out(`${JSON.stringify({ sources: stats.sources.map(({ doc, locale, sections, mapped }) => ({ doc, locale, sections, mapped })), topics: stats.topics }, null, 2)}\n`);
      } else {
        io.out(`${formatTable(['doc', 'locale', 'sections', 'mapped', 'file'], stats.sources.map((s) => [s.doc, s.locale, String(s.sections), String(s.mapped), s.file]))}\n\n`);
        io.out(`${formatTable(['topic', 'locales'], stats.topics.map((t) => [t.id, t.locales.join(', ')]))}\n`);
      }
      if (problems.length) {
        io.err(`kb stats: the knowledge base has ${problems.length} problem(s); run "wcdoctor kb check"\n`);
        io.setExitCode(EXIT.failure);
      }
    });
}
