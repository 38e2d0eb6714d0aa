import { isLongPaste } from '../../core/diagnosis/paste-length.js';
import { echoed } from '../../core/text/terminal-safe.js';
import type { Command } from 'commander';
import { codeLeads, failureTreeLeads, shownCodes } from '../../core/diagnosis/code-topics.js';
import type { TreeLead } from '../../core/trees/tree-leads.js';
import type { readCompatHints as ReadCompatHints } from '../../core/compat/read-compat-hints.js';
import { diagnose } from '../../core/diagnosis/diagnose.js';
import { reduceLargePaste } from '../../core/diagnosis/normalise.js';
import type { DiagnoseResult, Evidence, Match } from '../../core/diagnosis/types.js';
import { topicLinksTo, type KnowledgeBase } from '../../core/knowledge/kb.js';
import type { Locale } from '../../core/knowledge/types.js';
import { UserError } from '../../core/errors.js';
import { loadKnowledgeBase } from '../../platform/knowledge-fs.js';
import { wrapAnsiText } from '../../core/text/wrap-ansi.js';
import { resolveCliLocale, translatorFor } from '../lang.js';
import { resolveTopicText, sectionsMarkdown } from '../../core/knowledge/topic-text.js';
import { markdownExcerpt, renderTerminalMarkdown, terminalWidth } from '../terminal-markdown.js';
import { EXIT, type CliIO } from '../io.js';
import { DEFAULT_LIMIT, type DiagnoseArgs } from '../diagnose-args.js';
import { isShellNeutral } from '../../core/text/shell-safe.js';
import { createT, type T } from '../../ui/i18n.js';
import { readLocaleCatalogs } from '../../platform/locale-catalogs.js';
import type { MessageParams } from '../../core/i18n/translate.js';
import { stdinRefusalOf } from '../stdin-limit.js';
import { afterHelp } from '../help-text.js';
import type { MessageKey } from '../../ui/message-keys.js';
import { codeOfMessage, entityLabelKey, evidenceInWords, isContextEvidence, isVersionEvidence, isWindowsImageOnLinuxEvidence, limitSentence } from '../../ui/diagnose-text.js';

const entityKeyText = (t: T, name: string): string => {
  const key = entityLabelKey(name);
  return key ? t(key) : name;
};

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

/** The words of the human report around the knowledge's own text. */
export interface DiagnoseWords {
  confidence(level: Match['confidence'], score: number): string;
  /** Why a medium or low answer is no surer (`Match.limitedBy`). */
  limit(reason: NonNullable<Match['limitedBy']>): string;
  why(reasons: readonly Evidence[]): string;
  fromDocs(notes: readonly string[]): string;
  ourTranslation(locale: string): string;
  noLocaleText(locale: string): string;
  more(command: string): string;
  fixes(command: string): string;
  risk(risk: string, admin: boolean): string;
  compat(command: string): string;
  sources(sources: string, command: string): string;
  /** The name of our own text among the sources (the vendored documents go by their number). */
  ours: string;
  found(entities: readonly [string, string][]): string;
  also: string;
  short(level: Match['confidence'], score: number): string;
  none: string;
  codes(codes: string, command: string): string;
  /** The known issues that print a code of the paste, when none matched the whole of it (codeLeads). */
  leads(code: string, topics: string, command: string): string;
  /** A troubleshooting tree whose question quotes a failure of the paste, when nothing matched (failureTreeLeads). */
  treeLead(quoted: string, title: string, command: string): string;
  pasteMore(command: string): string;
  /** For a paste of many lines, where "paste more" is no advice: browse the docs. */
  browseDocs(command: string): string;
  troubleshoot(command: string): string;
  linux(signals: string): string;
  unrelated: string;
  otherProgram(program: string): string;
}

const UNRELATED_EN = 'This reads as words about another program: it names no container, image, engine or cluster, and wcdoctor knows the issues of Windows containers only.';
const UNRELATED_NEXT_EN = 'If it did happen in a container, paste the output of the command that failed (docker, kubectl, the container\'s own log).';

/** locales/en.json's `diagnose.limit.*`, for the English report that does not go through the catalogue. */
const LIMIT_EN: Readonly<Record<NonNullable<Match['limitedBy']>, string>> = {
  words: 'only words of the paste matched, no code, message or pattern of this issue',
  'common-code': 'its only code is one of many causes',
  setting: 'the question names a setting, not a failure',
  unexplained: 'the issue does not explain the failure the paste states',
  'other-program': 'only a code matched, and the paste shows nothing of containers: other programs print it too',
  'other-platform': 'the message reads the same on Linux nodes, and the paste shows no mark of Windows',
  against: 'the paste also shows text that belongs to another failure',
  phrase: 'a message matched whole, but nothing written for this issue alone (its code or output pattern)',
  close: 'another match comes close to it',
  score: 'the evidence is thin',
};

/** English: the report as it has always read (byte for byte). */
export const ENGLISH_DIAGNOSE_WORDS: DiagnoseWords = {
  confidence: (level, score) => `confidence: ${level} (score ${score})`,
  limit: (reason) => `why not surer: ${LIMIT_EN[reason]}`,
  why: (reasons) => `why: ${reasons.map((e) => `${isVersionEvidence(e) ? 'version' : isContextEvidence(e) ? 'context' : isWindowsImageOnLinuxEvidence(e) ? 'a Windows image on an engine that runs Linux containers:' : EVIDENCE_LABEL[e.kind]}${codeOfMessage(e) ? ` ${codeOfMessage(e)}` : ''} "${e.matched}"`).join('; ')}`,
  fromDocs: (notes) => `From the documentation (${notes.join('; ')}):`,
  ourTranslation: (locale) => `our translation from ${locale}`,
  noLocaleText: (locale) => `no ${locale} text`,
  more: (command) => `… "${command}" shows the rest`,
  fixes: (command) => `Fixes (run with "${command}", nothing runs without your confirmation):`,
  risk: (risk, admin) => `${risk} risk${admin ? ', admin' : ''}`,
  compat: (command) => `Check which image fits this host: ${command}`,
  sources: (sources, command) => `Sources: ${sources} — "${command}"`,
  ours: 'ours',
  found: (entities) => `Found in the paste: ${entities.map(([k, v]) => `${k}=${v}`).join(', ')}`,
  also: 'Also possible:',
  short: (level, score) => `${level}, ${score}`,
  none: 'No known issue matches this text.',
  codes: (codes, command) => `Codes found: ${codes} — try "${command}".`,
  leads: (code, topics, command) => `Known issues that give ${code}: ${topics}; the rest of the paste does not say which ("${command}").`,
  treeLead: (quoted, title, command) => `A troubleshooting tree asks about "${quoted}": ${title} ("${command}").`,
  pasteMore: (command) => `Paste more of the output (the whole error, the command that failed), or browse "${command}".`,
  browseDocs: (command) => `Browse "${command}" for the known issues.`,
  troubleshoot: (command) => `Or find it step by step: "${command}" lists the troubleshooting trees.`,
  linux: (signals) =>
    `This looks like output from a Linux host or runtime (${signals}): wcdoctor knows the issues of Windows containers only.\nFor a Linux host, look at that runtime's own documentation; for Docker Desktop on Windows, check whether it is switched to Linux containers.`,
  unrelated: `${UNRELATED_EN}\n${UNRELATED_NEXT_EN}`,
  otherProgram: (program) =>
    `This is the output of another program (${program}): it shows no container, image, engine or cluster, and wcdoctor knows the issues of Windows containers only.\n${UNRELATED_NEXT_EN}`,
};

const RISK_KEY: Readonly<Record<string, MessageKey>> = { low: 'diagnose.cli.riskLow', medium: 'diagnose.cli.riskMedium', high: 'diagnose.cli.riskHigh' };

/** The report's words through the app's catalogue of a language (the same evidence and entity words as its screens). */
export function diagnoseWords(t: T): DiagnoseWords {
  const level = (l: Match['confidence']) => t(`diagnose.confidence.${l}`);
  return {
    // The score as a number: the catalogue writes it with the language's decimal separator.
    confidence: (l, score) => t('diagnose.cli.confidence', { level: level(l), score }),
    limit: (reason) => limitSentence(t, reason),
    why: (reasons) => t('diagnose.cli.why', { reasons: reasons.map((e) => evidenceInWords(t, e, e.matched)).join('; ') }),
    fromDocs: (notes) => t('diagnose.cli.fromDocs', { notes: notes.join('; ') }),
    ourTranslation: (locale) => t('diagnose.cli.ourTranslation', { locale }),
    noLocaleText: (locale) => t('diagnose.cli.noLocaleText', { locale }),
    more: (command) => t('diagnose.cli.more', { command }),
    fixes: (command) => t('diagnose.cli.fixes', { command }),
    risk: (risk, admin) => `${RISK_KEY[risk] ? t(RISK_KEY[risk]) : risk}${admin ? `, ${t('diagnose.cli.admin')}` : ''}`,
    compat: (command) => t('diagnose.cli.compat', { command }),
    sources: (sources, command) => t('diagnose.cli.sources', { sources, command }),
    ours: t('topic.oursMark'),
    found: (entities) => t('diagnose.cli.found', { entities: entities.map(([k, v]) => `${entityKeyText(t, k)}=${v}`).join(', ') }),
    also: t('diagnose.cli.also'),
    short: (l, score) => t('diagnose.cli.short', { level: level(l), score }),
    none: t('diagnose.cli.none'),
    codes: (codes, command) => t('diagnose.cli.codes', { codes, command }),
    leads: (code, topics, command) => t('diagnose.cli.leads', { code, topics, command }),
    treeLead: (quoted, title, command) => t('diagnose.cli.treeLead', { quoted, title, command }),
    pasteMore: (command) => t('diagnose.cli.pasteMore', { command }),
    browseDocs: (command) => t('diagnose.cli.browseDocs', { command }),
    troubleshoot: (command) => t('diagnose.cli.troubleshoot', { command }),
    linux: (signals) => `${t('diagnose.results.linux', { signals })}\n${t('diagnose.cli.linuxNext')}`,
    unrelated: `${t('diagnose.results.unrelated')}\n${t('diagnose.cli.unrelatedNext')}`,
    otherProgram: (program) => `${t('diagnose.results.otherProgram', { program })}\n${t('diagnose.cli.unrelatedNext')}`,
  };
}

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
export function diagnosisExcerpt(kb: KnowledgeBase, topicId: string, locale: Locale, words: DiagnoseWords = ENGLISH_DIAGNOSE_WORDS): { markdown: string; label: string; more?: string } | undefined {
  const topic = kb.topics.find((t) => t.id === topicId);
  if (!topic) return undefined;
  const view = resolveTopicText(kb, topic, locale);
  if (!view.shown || !view.sections.length) return undefined;
  const notes = [view.shown, ...(view.translatedFrom ? [words.ourTranslation(view.translatedFrom)] : []), ...(view.fallback ? [words.noLocaleText(locale)] : [])];
  const { text, cut } = markdownExcerpt(sectionsMarkdown(view.sections), EXCERPT_LINES);
  return { markdown: text, label: words.fromDocs(notes), ...(cut ? { more: words.more(`wcdoctor docs ${topicId} --lang ${view.shown}`) } : {}) };
}

/**
 * Formats a diagnosis for people: best match in full, the others in one line each. The quoted
 * documentation is plain Markdown, or `excerptLines` when the caller rendered it for a terminal.
 */
export function formatDiagnosis(
  result: DiagnoseResult,
  kb: KnowledgeBase,
  locale: Locale,
  paste = '',
  compatHints?: typeof ReadCompatHints,
  excerptLines?: readonly string[],
  words: DiagnoseWords = ENGLISH_DIAGNOSE_WORDS,
): string {
  if (!result.matches.length) {
    if (result.scope?.kind === 'linux') return `${words.linux(result.scope.signals.join(', '))}\n`;
    if (result.scope?.kind === 'unrelated') return `${result.scope.program ? words.otherProgram(result.scope.program) : words.unrelated}\n`;
    const lines = [words.none];
    if (result.codes.length) lines.push(words.codes(shownCodes(result.codes).map((c) => `${c.canonical}${c.names[0] ? ` (${c.names[0]})` : ''}`).join(', '), 'wcdoctor explain CODE'));
    for (const lead of codeLeads(kb, result)) lines.push(words.leads(lead.code, lead.topics.join(', '), 'wcdoctor docs ID'));
    for (const lead of failureTreeLeads(kb, result, paste)) {
      const tree = kb.trees.find((x) => x.id === lead.tree);
      if (tree) lines.push(words.treeLead(lead.quoted, tree.title[locale] ?? tree.title.en, `wcdoctor troubleshoot ${tree.id}`));
    }
    // A whole dump already is "more of the output" (found by a new-user helper: told to paste more after a kubectl describe).
    lines.push(isLongPaste(paste) ? words.browseDocs('wcdoctor docs') : words.pasteMore('wcdoctor docs'));
    lines.push(words.troubleshoot('wcdoctor troubleshoot'));
    return `${lines.join('\n')}\n`;
  }
  const out: string[] = [];
  const [best, ...rest] = result.matches as [Match, ...Match[]];
  const topic = kb.topics.find((t) => t.id === best.id);
  out.push(`${MARK[best.confidence]} ${best.title}  [${best.id}]`);
  out.push(`  ${words.confidence(best.confidence, best.score)}`);
  if (best.limitedBy) out.push(`  ${words.limit(best.limitedBy)}`);
  out.push(`  ${words.why(best.evidence.filter((e) => e.weight > 0).slice(0, 4))}`);
  if (topic) {
    out.push('', ...wrapAnsiText(topic.summary[locale] ?? topic.summary.en, 78).map((l) => `  ${l}`));
    const excerpt = diagnosisExcerpt(kb, topic.id, locale, words);
    if (excerpt) {
      out.push('', `  ${excerpt.label}`);
      out.push(...(excerptLines ?? excerpt.markdown.split('\n').map((l) => (l ? `    ${l}` : ''))));
      if (excerpt.more) out.push(`    ${excerpt.more}`);
    }
  }
  if (best.fixes.length) {
    out.push('', `  ${words.fixes('wcdoctor fix TOPIC FIX')}`);
    for (const f of best.fixes) out.push(`    ${f.id}  [${words.risk(f.risk, f.admin)}]  ${f.command}`);
  }
  if (compatHints && topicLinksTo(kb, best.id, 'compat')) out.push('', `  ${words.compat(compatCommandFor(paste, kb, compatHints, result.entities))}`);
  out.push('', `  ${words.sources(sourceList(best.sources, words.ours, (doc) => kb.docs.find((d) => d.id === doc)?.title), `wcdoctor docs ${best.id}`)}`);
  const ents = Object.entries(result.entities).filter(([, v]) => v !== undefined);
  if (ents.length) out.push(`  ${words.found(ents.map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(',') : String(v)]))}`);
  if (rest.length) {
    out.push('', words.also);
    for (const m of rest) out.push(`  ${MARK[m.confidence]} ${m.title}  [${m.id}] (${words.short(m.confidence, m.score)})`);
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
    .option('--limit <n>', 'show at most n matches', DEFAULT_LIMIT)
    .addHelpText(
      'after',
      afterHelp(
        'Confidence is measured, not promised: on real pastes from public threads held out from tuning\n' +
          '(2026-12-08, 894 pastes), a "high" answer was right 87 % of the time and a "medium" one 73 %;\n' +
          'words alone, or a setting a question names, give "low". Read medium and low answers as leads to\n' +
          'check, and the fixes\' read-only steps first.\n' +
          '\nExit codes: 0 a known issue matched, 1 none matched, 2 bad input.',
      ),
    )
    .action(async (words: string[], opts: { json?: boolean; limit: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<{ lang?: string; color?: boolean }>();
      await diagnoseCommand({ words, json: Boolean(opts.json), limit: opts.limit, ...(globals.lang !== undefined ? { lang: globals.lang } : {}), noColor: globals.color === false }, io);
    });
}

/**
 * A usage error of diagnose in the language of the run, English included (locales/en.json has its words as
 * they always read): the catalogues are read only here, when there is an error to say.
 */
function inputError(locale: Locale, key: MessageKey, params: MessageParams, steps: readonly MessageKey[] = []): UserError {
  const t = createT(readLocaleCatalogs(), locale);
  return new UserError(t(key, params), steps.map((s) => t(s)), EXIT.usage);
}

/** Standard input as the text to diagnose; one larger than wcdoctor reads is refused in the language of the run. */
export function readDiagnoseInput(io: CliIO, locale: Locale): Promise<string> {
  return io.readStdin().catch((e: unknown) => {
    const refused = stdinRefusalOf(e);
    throw refused === undefined ? e : inputError(locale, refused.key, refused.params, [refused.hint]);
  });
}

/** diagnose's --limit as a number, or the usage error that says which numbers it takes. */
function checkLimit(value: string, locale: Locale): number {
  // Digits only: Number() also took "0x10", " 3" and "1e1" (history's --limit refused them).
  const limit = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw inputError(locale, 'diagnose.cli.badLimit', { value: echoed(value) });
  return limit;
}

/**
 * The usage error for diagnose's options given without the command word where they cannot be read as a diagnosis of
 * standard input (`wcdoctor --limit -1`, `wcdoctor --json` in a terminal, `wcdoctor --limit 3 TEXT`): a bad --limit is
 * said as diagnose says it, anything else as an option of diagnose, with the command line to type (found by a new-user
 * helper: "unknown option '--limit'").
 */
export function diagnoseOptionError(words: readonly string[], locale: Locale): UserError {
  const at = words.findIndex((w) => w === '--limit' || w.startsWith('--limit='));
  const given = at < 0 ? undefined : words[at] === '--limit' ? words[at + 1] : words[at]!.slice('--limit='.length);
  if (at >= 0) checkLimit(given ?? '', locale);
  const option = words.flatMap((w, i) => (w === '--json' ? [w] : i === at ? (w === '--limit' ? [w, given ?? ''] : [w]) : [])).join(' ');
  return inputError(locale, 'diagnose.cli.optionOfDiagnose', { option: echoed(option) }, ['diagnose.cli.nothingPipe']);
}

/**
 * The diagnose command with its arguments read (by commander, or by diagnoseArgsOf for a plain
 * command line): checks --limit, takes the text from the arguments or standard input (in a
 * terminal with no text, opens the diagnose screen) and runs the diagnosis.
 */
export async function diagnoseCommand(args: DiagnoseArgs, io: CliIO): Promise<void> {
  const { words } = args;
  const locale = resolveDiagnoseLocale(args.lang, io.env);
  const limit = checkLimit(args.limit, locale);
  let text: string;
  if (words.length === 1 && words[0] === '-') text = await readDiagnoseInput(io, locale);
  else if (words.length) text = words.join(' ');
  else if (!io.isTTY.stdin) text = await readDiagnoseInput(io, locale);
  else if (io.isTTY.stdout && !args.json) {
    const { openScreen } = await import('./ui.js');
    // A --lang given is the app's language for this run (the environment's stays the app's own choice).
    await openScreen(io, { screen: 'diagnose' }, { noColor: args.noColor, ...(args.lang !== undefined ? { lang: locale } : {}) });
    return;
  } else throw inputError(locale, 'diagnose.cli.nothing', {}, ['diagnose.cli.nothingText', 'diagnose.cli.nothingPipe']);
  await runDiagnose(text, { locale, limit, json: args.json, noColor: args.noColor }, io);
}

/** Diagnoses a text and prints the answer (or JSON); sets exit 0 on a match, 1 on none. */
export async function runDiagnose(input: string, opts: { locale: Locale; limit: number; json: boolean; noColor?: boolean }, io: CliIO): Promise<void> {
  if (!input.trim()) throw inputError(opts.locale, 'diagnose.cli.empty', {}, ['diagnose.cli.emptyHint']);
  // A very large paste is reduced to its evidence lines once, here, for the diagnosis and the compat hints alike.
  const text = reduceLargePaste(input);
  const kb = loadKnowledgeBase();
  const result = diagnose(kb, text, { locale: opts.locale, limit: opts.limit });
  if (opts.json) io.out(`${JSON.stringify(toJson(result, codeLeads(kb, result), failureTreeLeads(kb, result, text)), null, 2)}\n`);
  else {
    // The compatibility parsers load only when the answer is an OS mismatch.
    const hints = result.matches[0] && topicLinksTo(kb, result.matches[0].id, 'compat') ? (await import('../../core/compat/read-compat-hints.js')).readCompatHints : undefined;
    // In a terminal the quoted documentation is rendered (no raw Markdown) and wrapped to its width.
    const best = result.matches[0];
    const t = translatorFor(opts.locale);
    const words = t ? diagnoseWords(t) : ENGLISH_DIAGNOSE_WORDS;
    const excerpt = best && io.isTTY.stdout ? diagnosisExcerpt(kb, best.id, opts.locale, words) : undefined;
    const noColor = Boolean(opts.noColor) || Boolean(io.env.NO_COLOR);
    const rendered = excerpt ? await renderTerminalMarkdown(excerpt.markdown, { width: terminalWidth(io), color: !noColor, indent: '    ' }) : undefined;
    const report = formatDiagnosis(result, kb, opts.locale, text, hints, rendered, words);
    // With the rendered documentation the report carries its colours; every outside text in it was made visible where it entered.
    (rendered ? (io.outStyled ?? io.out) : io.out)(io.isTTY.stdout ? `${wrapAnsiText(report.trimEnd(), terminalWidth(io)).join('\n')}\n` : report);
  }
  io.setExitCode(result.matches.length ? EXIT.ok : EXIT.noMatch);
}

/** The documented JSON shape of a diagnosis. */
export function toJson(r: DiagnoseResult, leads: readonly { code: string; topics: string[] }[] = [], treeLeads: readonly TreeLead[] = []): object {
  return {
    matches: r.matches.map((m) => ({ id: m.id, title: m.title, score: m.score, confidence: m.confidence, ...(m.limitedBy ? { limitedBy: m.limitedBy } : {}), evidence: m.evidence, sources: m.sources, fixes: m.fixes })),
    entities: r.entities,
    codes: r.codes.map((c) => ({ code: c.canonical, raw: c.raw, via: c.via, names: c.names, message: c.message, equivalents: c.equivalents })),
    structures: r.structures,
    scope: r.scope,
    // When nothing matched: the known issues that print a code of the paste (a lead, not a diagnosis).
    ...(leads.length ? { leads } : {}),
    // … and the troubleshooting trees whose questions quote a failure of the paste.
    ...(treeLeads.length ? { treeLeads } : {}),
  };
}

/**
 * A match's sources as one list: each document once with its languages, our own text by its name in the report's
 * language ("ours (en, zh-CN, ko-KR, sv-SE)", "“Windows 容器工作正在进行中” (zh-CN)"); it read "ours (en), ours (zh-CN), …", the
 * word in English whatever the language (found by a tester).
 */
export function sourceList(sources: readonly { doc: string; locale: string }[], ours: string, titleOf: (doc: string) => string | undefined = () => undefined): string {
  const byDoc = new Map<string, string[]>();
  for (const s of sources) (byDoc.get(s.doc) ?? byDoc.set(s.doc, []).get(s.doc)!).push(s.locale);
  // A vendored document by its title, as `docs` prints it: its number alone ("000 (zh-CN)") said nothing (a new-user helper).
  const named = (doc: string) => {
    const title = titleOf(doc);
    return title ? `“${title}”` : doc;
  };
  return [...byDoc].map(([doc, locales]) => `${doc === 'ours' ? ours : named(doc)} (${[...new Set(locales)].join(', ')})`).join(', ');
}
