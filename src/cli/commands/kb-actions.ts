import { echoed } from '../../core/text/terminal-safe.js';
import { statSync } from 'node:fs';
import path from 'node:path';
import { assembleKnowledgeBase, computeStats } from '../../core/knowledge/assemble-kb.js';
import { formatProblem } from '../../core/knowledge/problem.js';
import { readKnowledgeInput, writeKnowledgeBase } from '../../platform/knowledge-input.js';
import { findPackageRoot } from '../../platform/package-root.js';
import { checkerFingerprint, loadPatternVerdicts, savePatternVerdicts, verdictCacheFile } from '../../platform/pattern-verdict-cache.js';
import { privateCacheFolder } from '../../platform/user-cache-dir.js';
import { EXIT, type CliIO } from '../io.js';
import { formatTable } from '../print.js';

// The work behind `wcdoctor kb …`, loaded only when one of them runs: it brings the YAML reader,
// the zod schemas and the assembler, which no other command needs.

/** Whether a folder is there (a file or nothing is not). */
function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** What `kb build`, `check` and `stats` take. */
interface KbOptions {
  root?: string;
  /** false with --no-cache: every pattern is timed, and nothing is kept. */
  cache?: boolean;
}

/**
 * Assembles the knowledge for `kb build`, `check` and `stats`, which takes seconds when every pattern is timed against
 * adversarial input: on a terminal, a line on stderr says so first. (A line, not one rubbed out after: what the CLI
 * writes passes through the filter that shows control characters as symbols.) The patterns this build of wcdoctor
 * found safe before are taken from the user's cache folder and not timed again, and those found now are kept
 * there (src/platform/pattern-verdict-cache.ts), unless --no-cache. WCDOCTOR_DEBUG=1 says how many.
 */
function assembleSaying(command: string, opts: KbOptions, io: CliIO): ReturnType<typeof assembleKnowledgeBase> | undefined {
  // One line, not a problem for every file the knowledge should have. Without --root: the npm package and the
  // executable carry the built knowledge, not its sources (their knowledge/ holds only the vendored pages' licence).
  const noSources =
    opts.root !== undefined
      ? !isFolder(path.join(opts.root, 'knowledge')) && `${JSON.stringify(echoed(opts.root, 200))} has no knowledge/ folder; --root takes the wcdoctor folder that holds knowledge/ (a clone of the repository)`
      : !isFolder(path.join(findPackageRoot(), 'knowledge', 'topics')) && 'this installation carries the built knowledge base, not its sources; run it in a clone of the repository, or pass --root with the folder that holds knowledge/';
  if (noSources) {
    io.err(`${command}: ${noSources}\n`);
    io.setExitCode(EXIT.usage);
    return undefined;
  }
  // Verdicts switch the timing of a pattern off: taken only from a folder no other user can change, never on Windows
  // (privateCacheFolder; found by an attacker helper: one line added to the file let a catastrophic pattern through).
  const file = opts.cache === false ? undefined : verdictCacheFile(checkerFingerprint(), privateCacheFolder('', { create: true }));
  const kept = loadPatternVerdicts(file);
  if (io.isTTY.stderr) io.err(`${command}: reading the knowledge and timing ${kept ? 'its new patterns' : 'each of its patterns'}…\n`);
  const result = assembleKnowledgeBase(readKnowledgeInput(opts.root));
  const saved = savePatternVerdicts(file);
  if (io.env.WCDOCTOR_DEBUG) io.err(`wcdoctor: ${kept} pattern verdict(s) taken from the cache, ${saved} kept (${file ?? 'no cache: ' + (opts.cache === false ? '--no-cache' : 'no cache folder')})\n`);
  return result;
}

/** `kb build`: parses the sources and topics and writes the knowledge base (nothing on any problem). */
export function runKbBuild(opts: KbOptions, io: CliIO): void {
  const started = Date.now();
  const assembled = assembleSaying('kb build', opts, io);
  if (!assembled) return;
  const { kb: built, problems } = assembled;
  if (problems.length) {
    for (const p of problems) io.err(`${formatProblem(p)}\n`);
    io.err(`wcdoctor kb build: ${problems.length} problem(s); nothing written\n`);
    io.setExitCode(EXIT.failure);
    return;
  }
  const out = writeKnowledgeBase(built, opts.root);
  io.err(`wcdoctor kb build: ${built.topics.length} topics, ${built.sections.length} sections, ${built.codes.length} codes, ${built.trees.length} trees → ${out} (${Date.now() - started} ms)\n`);
}

/**
 * `kb check`: validates everything `kb build` reads. A topic section without text in some language
 * (no source text and no translation of ours) is a warning, not a problem, until the translations are
 * complete: it is printed and counted but does not fail the check.
 */
export function runKbCheck(opts: KbOptions & { json?: boolean }, io: CliIO): void {
  const assembled = assembleSaying('kb check', opts, io);
  if (!assembled) return;
  const { kb: built, problems, warnings } = assembled;
  if (opts.json) io.out(`${JSON.stringify({ ok: problems.length === 0, problems, warnings }, null, 2)}\n`);
  else {
    for (const w of warnings) io.err(`warning: ${formatProblem(w)}\n`);
    if (problems.length) for (const p of problems) io.err(`${formatProblem(p)}\n`);
    else io.out(`wcdoctor kb check: ok (${built.topics.length} topics, ${built.sections.length} sections, all mapped${warnings.length ? `; ${warnings.length} section(s) missing in some language` : '; every topic in full in every language'})\n`);
  }
  if (problems.length) {
    if (!opts.json) io.err(`wcdoctor kb check: ${problems.length} problem(s)\n`);
    io.setExitCode(EXIT.failure);
  }
}

/** `kb stats`: coverage of the sources and locales. */
export function runKbStats(opts: KbOptions & { json?: boolean }, io: CliIO): void {
  const assembled = assembleSaying('kb stats', opts, io);
  if (!assembled) return;
  const { kb: built, problems } = assembled;
  const stats = computeStats(built);
  if (opts.json) {
    io.out(`${JSON.stringify({ sources: stats.sources.map(({ doc, locale, sections, mapped }) => ({ doc, locale, sections, mapped })), languages: stats.locales, topics: stats.topics }, null, 2)}\n`);
  } else {
    io.out(`${formatTable(['doc', 'locale', 'sections', 'mapped', 'file'], stats.sources.map((s) => [s.doc, s.locale, String(s.sections), String(s.mapped), s.file]))}\n\n`);
    io.out(`${formatTable(['language', 'source', 'translated', 'ours', 'missing'], stats.locales.map((l) => [l.locale, String(l.source), String(l.translated), String(l.ours), String(l.missing)]))}\n\n`);
    io.out(`${formatTable(['topic', 'locales'], stats.topics.map((t) => [t.id, t.locales.join(', ')]))}\n`);
  }
  if (problems.length) {
    io.err(`wcdoctor kb stats: the knowledge base has ${problems.length} problem(s); run "wcdoctor kb check"\n`);
    io.setExitCode(EXIT.failure);
  }
}
