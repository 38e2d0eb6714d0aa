import type { Command } from 'commander';
import type { readCompatHints as ReadCompatHints } from '../../core/compat/read-compat-hints.js';
import { diagnose } from '../../core/diagnosis/diagnose.js';
import { reduceLargePaste } from '../../core/diagnosis/normalise.js';
import type { DiagnoseResult, Evidence, Match } from '../../core/diagnosis/types.js';
import { topicLinksTo, type KnowledgeBase } from '../../core/knowledge/kb.js';
import type { Locale } from '../../core/knowledge/types.js';
import { UserError } from '../../core/errors.js';
import { loadKnowledgeBase } from '../../platform/knowledge-fs.js';
import { wrapAnsiText } from '../../core/text/wrap-ansi.js';
import { resolveCliLocale } from '../lang.js';
import { resolveTopicText, sectionsMarkdown } from '../../core/knowledge/topic-text.js';
import { markdownExcerpt, renderTerminalMarkdown, terminalWidth } from '../terminal-markdown.js';
import { EXIT, type CliIO } from '../io.js';
import { isShellNeutral } from '../../core/text/shell-safe.js';

/** How the human output names each kind of evidence. */
const EVIDENCE_LABEL: Readonly<Record<Evidence['kind'], string>> = {
  code: 'code',
  phrase: 'phrase',
  regex: 'pattern',
  keyword: 'words',
  fuzzy: 'similar words',
  operation: 'operation',
  structure: 'output of',
  against: 'against',
  setting: 'seen with',
  fact: 'image and host builds differ:',
};

/** The language of knowledge text: --lang when given, else the environment's, else English. */
export const resolveDiagnoseLocale = resolveCliLocale;

const MARK = { high: '✔', medium: '!', low: '?' } as const;


/** A Kubernetes or Swarm node name (a DNS name: letters, digits, - and ., starting and ending with a letter or digit). */
const NODE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;
/** A Swarm service name. */
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/**
 * A value from the paste for the suggested command line, only when it is what it claims to be and
 * reads the same bare in sh, PowerShell and cmd (see isShellNeutral); otherwise it is left out.
 */
function pastedArg(value: string | null | undefined, valid?: RegExp): string | undefined {
  return value && isShellNeutral(value) && (!valid || valid.test(value)) ? value : undefined;
}

/**
 * The `wcdoctor compat` command line for a paste, with whatever host and image it revealed. Every value
 * taken from the paste is checked first (see pastedArg): one with shell syntax, spaces or control
 * characters is left out (the image becomes IMAGE), so the line is always safe to paste into any shell.
 */
export function compatCommandFor(paste: string, kb: KnowledgeBase, readCompatHints: typeof ReadCompatHints, entities: DiagnoseResult['entities'] = {}): string {
  const hints = readCompatHints(paste, kb.compat);
  if (!hints.image && typeof entities.image === 'string') {
    const fromEntity = readCompatHints(`Image: ${entities.image}\n`, kb.compat).image;
    if (fromEntity) hints.image = fromEntity;
  }
  const host = hints.host ? `10.0.${hints.host.build}${hints.host.revision === null ? '' : `.${hints.host.revision}`}` : 'HOST-VERSION';
  const image = pastedArg(hints.image ? (hints.image.ref ?? hints.image.tag ?? String(hints.image.build ?? '')) : undefined) ?? 'IMAGE';
  const node = pastedArg(hints.image?.nodeName ?? hints.host?.nodeName ?? (entities.node as string | undefined), NODE_NAME);
  const service = pastedArg(hints.image?.serviceName ?? (entities.service as string | undefined), SERVICE_NAME);
  return `wcdoctor compat --host ${pastedArg(host) ?? 'HOST-VERSION'} --image ${image}${node ? ` --node ${node}` : ''}${service ? ` --service ${service}` : ''}`;
}

/** How many lines of the documentation a diagnosis quotes before pointing at `wcdoctor docs`. */
const EXCERPT_LINES = 18;

/**
 * The documentation a diagnosis quotes for a topic: its text in the language (source text or our
 * translation), cut to EXCERPT_LINES lines of Markdown, with the words that introduce it.
 */
export function diagnosisExcerpt(kb: KnowledgeBase, topicId: string, locale: Locale): { markdown: string; label: string; more?: string } | undefined {
  const topic = kb.topics.find((t) => t.id === topicId);
  if (!topic) return undefined;
  const view = resolveTopicText(kb, topic, locale);
  if (!view.shown || !view.sections.length) return undefined;
  const notes = [view.shown, ...(view.translatedFrom ? [`our translation from ${view.translatedFrom}`] : []), ...(view.fallback ? [`no ${locale} text`] : [])];
  const { text, cut } = markdownExcerpt(sectionsMarkdown(view.sections), EXCERPT_LINES);
  return { markdown: text, label: `From the documentation (${notes.join('; ')}):`, ...(cut ? { more: `… "wcdoctor docs ${topicId} --lang ${view.shown}" shows the rest` } : {}) };
}

/**
 * Formats a diagnosis for people: best match in full, the others in one line each. The quoted
 * documentation is plain Markdown, or `excerptLines` when the caller rendered it for a terminal.
 */
export function formatDiagnosis(result: DiagnoseResult, kb: KnowledgeBase, locale: Locale, paste = '', compatHints?: typeof ReadCompatHints, excerptLines?: readonly string[]): string {
  if (!result.matches.length) {
    if (result.scope?.kind === 'linux')
      return `This looks like output from a Linux host or runtime (${result.scope.signals.join(', ')}): wcdoctor knows the issues of Windows containers only.\nFor a Linux host, look at that runtime's own documentation; for Docker Desktop on Windows, check whether it is switched to Linux containers.\n`;
    const lines = ['No known issue matches this text.'];
    if (result.codes.length) lines.push(`Codes found: ${result.codes.map((c) => `${c.canonical}${c.names[0] ? ` (${c.names[0]})` : ''}`).join(', ')} — try "wcdoctor explain CODE".`);
    lines.push('Paste more of the output (the whole error, the command that failed), or browse "wcdoctor docs".');
    return `${lines.join('\n')}\n`;
  }
  const out: string[] = [];
  const [best, ...rest] = result.matches as [Match, ...Match[]];
  const topic = kb.topics.find((t) => t.id === best.id);
  out.push(`${MARK[best.confidence]} ${best.title}  [${best.id}]`);
  out.push(`  confidence: ${best.confidence} (score ${best.score})`);
  out.push(`  why: ${best.evidence.filter((e) => e.weight > 0).slice(0, 4).map((e) => `${EVIDENCE_LABEL[e.kind]} "${e.matched}"`).join('; ')}`);
  if (topic) {
    out.push('', ...wrapAnsiText(topic.summary[locale] ?? topic.summary.en, 78).map((l) => `  ${l}`));
    const excerpt = diagnosisExcerpt(kb, topic.id, locale);
    if (excerpt) {
      out.push('', `  ${excerpt.label}`);
      out.push(...(excerptLines ?? excerpt.markdown.split('\n').map((l) => (l ? `    ${l}` : ''))));
      if (excerpt.more) out.push(`    ${excerpt.more}`);
    }
  }
  if (best.fixes.length) {
    out.push('', '  Fixes (run with "wcdoctor fix TOPIC FIX", nothing runs without your confirmation):');
    for (const f of best.fixes) out.push(`    ${f.id}  [${f.risk} risk${f.admin ? ', admin' : ''}]  ${f.command}`);
  }
  if (compatHints && topicLinksTo(kb, best.id, 'compat')) out.push('', `  Check which image fits this host: ${compatCommandFor(paste, kb, compatHints, result.entities)}`);
  out.push('', `  Sources: ${best.sources.map((s) => `${s.doc} (${s.locale})`).join(', ')} — "wcdoctor docs ${best.id}"`);
  const ents = Object.entries(result.entities).filter(([, v]) => v !== undefined);
  if (ents.length) out.push(`  Found in the paste: ${ents.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`).join(', ')}`);
  if (rest.length) {
    out.push('', 'Also possible:');
    for (const m of rest) out.push(`  ${MARK[m.confidence]} ${m.title}  [${m.id}] (${m.confidence}, ${m.score})`);
  }
  return `${out.join('\n')}\n`;
}


/** `wcdoctor diagnose [TEXT | -]`: exit 0 with a match, 1 with none, 2 on usage errors. */
export function registerDiagnose(program: Command, io: CliIO): void {
  program
    .command('diagnose')
    .description('find the known issue behind a pasted error (TEXT, or - for stdin)')
    .argument('[text...]', 'the error text; "-" reads it from standard input')
    .option('--json', 'print {"matches", "entities", "codes", "structures", "scope"} as JSON')
    .option('--limit <n>', 'show at most n matches', '5')
    .action(async (words: string[], opts: { json?: boolean; limit: string }, cmd: Command) => {
      const locale = resolveDiagnoseLocale(cmd.optsWithGlobals<{ lang?: string }>().lang, io.env);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new UserError(`--limit must be a whole number from 1 to 50, not "${opts.limit}"`);
      let text: string;
      if (words.length === 1 && words[0] === '-') text = await io.readStdin();
      else if (words.length) text = words.join(' ');
      else if (!io.isTTY.stdin) text = await io.readStdin();
      else if (io.isTTY.stdout && !opts.json) {
        const { openInteractive } = await import('./ui.js');
        if ((await openInteractive({ screen: 'diagnose' }, { noColor: cmd.optsWithGlobals<{ color?: boolean }>().color === false })).interrupted) io.setExitCode(EXIT.interrupted);
        return;
      } else throw new UserError('nothing to diagnose', ['pass the error text: wcdoctor diagnose "TEXT"', 'or pipe it in: wcdoctor diagnose - < error.txt']);
      await runDiagnose(text, { locale, limit, json: Boolean(opts.json), noColor: cmd.optsWithGlobals<{ color?: boolean }>().color === false }, io);
    });
}

/** Diagnoses a text and prints the answer (or JSON); sets exit 0 on a match, 1 on none. */
export async function runDiagnose(input: string, opts: { locale: Locale; limit: number; json: boolean; noColor?: boolean }, io: CliIO): Promise<void> {
  if (!input.trim()) throw new UserError('the text to diagnose is empty', ['pass the error text, or "-" to read it from standard input']);
  // A very large paste is reduced to its evidence lines once, here, for the diagnosis and the compat hints alike.
  const text = reduceLargePaste(input);
  const kb = loadKnowledgeBase();
  const result = diagnose(kb, text, { locale: opts.locale, limit: opts.limit });
  if (opts.json) io.out(`${JSON.stringify(toJson(result), null, 2)}\n`);
  else {
    // The compatibility parsers load only when the answer is an OS mismatch.
    const hints = result.matches[0] && topicLinksTo(kb, result.matches[0].id, 'compat') ? (await import('../../core/compat/read-compat-hints.js')).readCompatHints : undefined;
    // In a terminal the quoted documentation is rendered (no raw Markdown) and wrapped to its width.
    const best = result.matches[0];
    const excerpt = best && io.isTTY.stdout ? diagnosisExcerpt(kb, best.id, opts.locale) : undefined;
    const noColor = Boolean(opts.noColor) || Boolean(io.env.NO_COLOR);
    const rendered = excerpt ? await renderTerminalMarkdown(excerpt.markdown, { width: terminalWidth(io), color: !noColor, indent: '    ' }) : undefined;
    const report = formatDiagnosis(result, kb, opts.locale, text, hints, rendered);
    io.out(io.isTTY.stdout ? `${wrapAnsiText(report.trimEnd(), terminalWidth(io)).join('\n')}\n` : report);
  }
  io.setExitCode(result.matches.length ? EXIT.ok : EXIT.noMatch);
}

/** The documented JSON shape of a diagnosis. */
export function toJson(r: DiagnoseResult): object {
  return {
    matches: r.matches.map((m) => ({ id: m.id, title: m.title, score: m.score, confidence: m.confidence, evidence: m.evidence, sources: m.sources, fixes: m.fixes })),
    entities: r.entities,
    codes: r.codes.map((c) => ({ code: c.canonical, raw: c.raw, via: c.via, names: c.names, message: c.message, equivalents: c.equivalents })),
    structures: r.structures,
    scope: r.scope,
  };
}
