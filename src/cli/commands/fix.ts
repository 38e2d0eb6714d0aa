import { echoed } from '../../core/text/terminal-safe.js';
import type { Command } from 'commander';
import { formatFixList, formatPlanText, toPlanJson, type FixWords } from '../../core/fixes/format-plan.js';
import { commandToPaste, planFix, summarizeFixes } from '../../core/fixes/plan-fix.js';
import { checkAuditLog, checkPreflight, DECLINED_REASON, INTERRUPTED_REASON, NO_TERMINAL_ERR_REASON, NO_TERMINAL_REASON, type Refusal } from '../../core/fixes/preflight.js';
import type { HostFacts } from '../../core/fixes/runnable.js';
import { DEFAULT_FIX_TIMEOUT_MS, describeOutcome, formatSeconds, recordRefusal, runFix } from '../../core/fixes/run-fix.js';
import type { AuditEntry, FixPlan, OutputStream, RunCommand } from '../../core/fixes/types.js';
import { formatDecimal } from '../../core/i18n/format-number.js';
import type { MessageParams } from '../../core/i18n/translate.js';
import { localizeFix } from '../../core/knowledge/fix-text.js';
import { suggestTopicIds } from '../../core/knowledge/topic-search.js';
import { findTopic } from '../../core/knowledge/topic-text.js';
import type { KnowledgeBase } from '../../core/knowledge/kb.js';
import type { Locale } from '../../core/knowledge/types.js';
import { appendAuditEntry, getAuditLogPath, probeAuditLog } from '../../platform/audit-log.js';
import { copyToClipboard, type ClipboardResult } from '../../platform/clipboard.js';
import { checkElevation, type Elevation } from '../../platform/elevation.js';
import { loadKnowledgeBase } from '../../platform/knowledge-fs.js';
import { getDataDir } from '../../platform/paths.js';
import { isProgramOnPath } from '../../platform/program-lookup.js';
import { runCommand } from '../../platform/shell.js';
import { askKeys, exitCodeOfSignal, trapInterrupt, TYPE_KEYS_NOTE, type Answer, type InterruptSignal } from '../../platform/terminal.js';
import { holdWhileRunning, takeDroppedOutput } from '../../platform/run-guard.js';
import { translateOutcome, translateProblem, translateRefusal } from '../../ui/fix-text.js';
import type { MessageKey, T } from '../../ui/i18n.js';
import { dockerTalksElsewhere, dockerTalksElsewhereResolved } from '../../platform/docker-target.js';
import { EXIT, type CliIO } from '../io.js';
import { terminalWidth } from '../terminal-markdown.js';
import { resolveCliLocale, translatorFor } from '../lang.js';

/** Everything `wcdoctor fix` touches outside itself; tests pass an in-memory KB and fakes. */
export interface FixCommandDeps {
  loadKb(): KnowledgeBase;
  host: HostFacts;
  runCommand: RunCommand;
  appendAudit(entry: AuditEntry): void;
  /** Throws, saying why, when the audit log cannot be appended to (checked before a fix runs). */
  probeAudit(): void;
  checkElevation(): Promise<Elevation>;
  copyToClipboard(text: string): Promise<ClipboardResult>;
  /** Asks on the terminal, key by key (`note` is said when a read brings more than one key: typed ahead or pasted). */
  ask(question: string, note: string): Promise<Answer>;
  trapInterrupt(onInterrupt: (signal: InterruptSignal) => void): () => void;
  now(): Date;
}

/** Options of `wcdoctor fix`, as commander parses them. */
export interface FixOptions {
  set?: string[];
  dryRun?: boolean;
  yes?: boolean | string;
  json?: boolean;
  timeout?: string;
  copy?: boolean;
}

/** The real dependencies: the built KB, this machine, the user's audit log (WCDOCTOR_DATA_DIR honoured). */
export function createNodeFixDeps(io: CliIO): FixCommandDeps {
  return {
    loadKb: () => loadKnowledgeBase(),
    host: { platform: process.platform, hasProgram: (n) => isProgramOnPath(n, io.env), dockerElsewhere: dockerTalksElsewhere(io.env), resolveDockerElsewhere: () => dockerTalksElsewhereResolved(io.env) },
    runCommand,
    appendAudit: (e) => appendAuditEntry(e, getDataDir(io.env)),
    probeAudit: () => probeAuditLog(getDataDir(io.env)),
    checkElevation: () => checkElevation(),
    copyToClipboard: (t) => copyToClipboard(t, { env: io.env }),
    ask: (q, note) => askKeys(q, note),
    trapInterrupt,
    now: () => new Date(),
  };
}

/**
 * The words of `wcdoctor fix` in one language: a message key of the UI catalogue, its values, and the English the
 * CLI has always printed (English stays that text, byte for byte; other languages go through the catalogue).
 */
interface FixSay {
  (key: MessageKey, params: MessageParams, english: string): string;
  /** The UI catalogue of a language other than English, for the messages core gives as ids. */
  t?: T;
}

const sayFor = (t: T | undefined): FixSay => Object.assign((key: MessageKey, params: MessageParams, english: string) => (t ? t(key, params) : english), t ? { t } : {});

/** The preview's and the list's words through the UI catalogue (the fix screens' keys where they say the same). */
function fixWords(t: T): FixWords {
  return {
    title: (title) => t('fix.title', { title }),
    command: t('fix.plan.command'),
    script: t('fix.cli.script'),
    argv: t('fix.cli.argv'),
    pasteOnHost: t('fix.cli.pasteOnHost'),
    changes: (changes) => t('fix.plan.changes', { changes }),
    admin: (required) => t(required ? 'fix.plan.admin' : 'fix.plan.noAdmin'),
    risk: (p) => (p.risk === 'high' ? t('fix.cli.riskHigh', { word: p.confirmWord ?? p.fix }) : t(p.readOnly ? 'fix.plan.readOnly' : 'fix.plan.riskLow')),
    noFixes: (topic, title) => t('fix.cli.noFixes', { topic, title }),
    listTitle: (topic, title) => t('fix.cli.listTitle', { topic, title }),
    highRisk: (word) => t('fix.cli.highRisk', { word }),
    lowRisk: t('fix.cli.lowRisk'),
    needsAdmin: t('fix.cli.needsAdmin'),
    noAdmin: t('fix.cli.noAdmin'),
    readOnly: t('fix.cli.readOnly'),
    fromDiagnosis: (entity) => ` ${t('fix.cli.fromDiagnosis', { entity })}`,
    secret: ` ${t('fix.cli.secret')}`,
    runOne: (command) => t('fix.cli.runOne', { command }),
  };
}

function parseSets(sets: readonly string[], say: FixSay): { values: Record<string, string> } | { error: string } {
  // A Map, then own properties: a name such as __proto__ or constructor stays an ordinary (unknown) name.
  const values = new Map<string, string>();
  for (const s of sets) {
    const eq = s.indexOf('=');
    const name = eq > 0 ? s.slice(0, eq) : '';
    if (!/^[A-Za-z_]\w*$/.test(name)) return { error: say('fix.cli.setFormat', { value: JSON.stringify(echoed(s)) }, `--set ${JSON.stringify(echoed(s))}: expected NAME=VALUE, e.g. --set port=8080`) };
    if (values.has(name)) return { error: say('fix.cli.setTwice', { name }, `--set ${name} is given twice; give each placeholder once`) };
    values.set(name, s.slice(eq + 1));
  }
  return { values: Object.fromEntries(values) };
}

/** The time limit in ms: seconds from 1 to 86400 (a fraction of a second is no limit worth having, and 0 would be none). */
function parseTimeout(raw: string | undefined, say: FixSay): number | string {
  if (raw === undefined) return DEFAULT_FIX_TIMEOUT_MS;
  const n = Number(raw);
  const value = JSON.stringify(echoed(raw));
  return /^\d+(?:\.\d+)?$/.test(raw) && n >= 1 && n <= 86_400 ? Math.round(n * 1000) : say('fix.cli.timeout', { value }, `--timeout ${value}: expected seconds, a number from 1 to 86400`);
}

/** Writes child output as it arrives, each line prefixed with the elapsed time. */
function createStreamer(io: CliIO, json: boolean, startedAt: number, now: () => number, locale: Locale): (chunk: string, stream: OutputStream) => void {
  const atLineStart = { stdout: true, stderr: true };
  return (chunk, stream) => {
    const stamp = `[${formatDecimal((now() - startedAt) / 1000, locale, 1).padStart(5)}s] `;
    let text = '';
    for (const part of chunk.split(/(?<=\n)/)) {
      if (part === '') continue;
      // A blank line gets no stamp: `[  0.0s] ` alone says nothing.
      text += (atLineStart[stream] && part.trim() !== '' ? stamp : '') + part;
      atLineStart[stream] = part.endsWith('\n');
    }
    if (!text) return;
    if (stream === 'stdout' && !json) io.out(text);
    else io.err(text);
  };
}

/**
 * Runs `wcdoctor fix TOPIC [FIX]`: lists fixes, prints a dry run, or confirms, runs and records a fix. It speaks
 * `locale` (English by default): the fix's own words from the knowledge, the rest from the UI catalogue; the
 * commands, ids and values shown, `--json` and the audit log stay as they are in every language.
 */
export async function runFixCommand(topicId: string, fixId: string | undefined, opts: FixOptions, io: CliIO, deps: FixCommandDeps, locale: Locale = 'en'): Promise<void> {
  const say = sayFor(translatorFor(locale));
  const fail = (code: number, ...lines: string[]) => {
    for (const l of lines) io.err(`wcdoctor fix: ${l}\n`);
    io.setExitCode(code);
  };
  const kb = deps.loadKb();
  const found = findTopic(kb, topicId);
  if (!found) {
    // The nearest topics that have fixes, as `docs` suggests topics (a list of every topic with fixes was some 90 ids).
    const near = suggestTopicIds(kb, topicId, (t) => t.fixes.length > 0);
    return fail(
      EXIT.usage,
      say('fix.cli.unknownTopic', { topic: echoed(topicId) }, `unknown topic "${echoed(topicId)}"`),
      ...(near.length ? [say('fix.cli.didYouMean', { topics: near.join(', ') }, `did you mean: ${near.join(', ')}`)] : []),
      say('fix.cli.listTopics', {}, 'run "wcdoctor docs" to list the topics, and "wcdoctor fix TOPIC" to list the fixes of one'),
    );
  }
  // The fixes' titles, changes and placeholder descriptions in the asked language (the knowledge's text).
  const topic = locale === 'en' ? found : { ...found, fixes: found.fixes.map((f) => localizeFix(f, locale)) };
  const sets = parseSets(opts.set ?? [], say);
  if ('error' in sets) return fail(EXIT.usage, sets.error);
  const timeoutMs = parseTimeout(opts.timeout, say);
  if (typeof timeoutMs === 'string') return fail(EXIT.usage, timeoutMs);
  const words = say.t && fixWords(say.t);

  if (fixId === undefined) {
    // The options of a run mean nothing without a fix: say so, rather than list the fixes and let a script believe one ran.
    // `-y FIX` is the likely slip: --yes takes an optional word, so the fix id went to it.
    const yesWord = typeof opts.yes === 'string' ? opts.yes : undefined;
    if (yesWord !== undefined && found.fixes.some((f) => f.id === yesWord))
      return fail(EXIT.usage, say('fix.cli.yesTookFix', { fix: yesWord, topic: topic.id }, `--yes took "${yesWord}" as its confirmation word, so no fix was named: write "wcdoctor fix ${topic.id} ${yesWord} --yes" (a high-risk fix: --yes=WORD)`));
    const runOnly = [opts.set?.length ? '--set' : '', opts.yes !== undefined && opts.yes !== false ? '--yes' : '', opts.dryRun ? '--dry-run' : '', opts.timeout !== undefined ? '--timeout' : '', opts.copy ? '--copy' : ''].filter(Boolean);
    if (runOnly.length) return fail(EXIT.usage, say('fix.cli.needsFixId', { options: runOnly.join(', '), topic: topic.id }, `${runOnly.join(', ')} needs a fix id: wcdoctor fix ${topic.id} FIX …`));
    const fixes = summarizeFixes(opts.json ? found : topic);
    io.out(opts.json ? `${JSON.stringify({ topic: topic.id, fixes }, null, 2)}\n` : formatFixList(topic.id, topic.title[locale] ?? topic.title.en, fixes, words, io.isTTY.stdout ? terminalWidth(io) : undefined));
    return;
  }
  const planned = planFix(topic, fixId, sets.values, {}, { quoting: deps.host.platform === 'win32' ? 'windows' : 'posix' });
  if (!planned.ok) {
    const problems = planned.error;
    const code = problems.some((p) => p.kind === 'template') ? EXIT.failure : EXIT.usage;
    const hint = problems.some((p) => p.kind === 'missing' || p.kind === 'invalid') ? [say('fix.cli.setHint', { command: `wcdoctor fix ${topic.id}` }, `give values with --set NAME=VALUE (see: wcdoctor fix ${topic.id})`)] : [];
    return fail(code, ...problems.map((p) => (say.t ? translateProblem(p, say.t) : p.message)), ...hint);
  }
  const plan = planned.value;
  if (opts.dryRun) {
    io.out(opts.json ? `${JSON.stringify(toPlanJson(plan), null, 2)}\n` : formatPlanText(plan, { argv: true }, words));
    return;
  }
  await confirmAndRun(plan, opts, timeoutMs, io, deps, fail, say, words, locale);
}

/**
 * The --json of a refusal: the line to run where it can, as the text prints it (a tester ran code through the POSIX line
 * --json gave), as `command` and, as in the dry run's JSON, `commandToPaste`.
 */
function refusedJson(plan: FixPlan, reason: string): string {
  const line = commandToPaste(plan);
  return `${JSON.stringify({ topic: plan.topic, fix: plan.fix, outcome: 'refused', reason, command: line, commandToPaste: line }, null, 2)}\n`;
}

async function confirmAndRun(plan: FixPlan, opts: FixOptions, timeoutMs: number, io: CliIO, deps: FixCommandDeps, fail: (code: number, ...lines: string[]) => void, say: FixSay, words: FixWords | undefined, locale: Locale): Promise<void> {
  // `reason` is what the audit log and --json record (English, as ever); `shown` is what the user reads.
  const refuse = (code: number, reason: string, shown: string, ...more: string[]) => {
    const { auditError } = recordRefusal(plan, reason, deps);
    if (opts.json) io.out(refusedJson(plan, reason));
    // The audit log's problem before `more`: its last line ("run this command where it can run:") leads to the command
    // printed next (a regression tester found the log's problem between the two).
    fail(code, shown, ...(auditError ? [say('fix.audit.failed', { error: auditError }, `could not write the audit log: ${auditError}`)] : []), ...more);
  };
  const refusal = (r: Refusal) => (say.t ? translateRefusal(r, say.t) : r.message);

  const word = plan.confirmWord;
  // --yes=WORD must be the fix's own word: another one, or any word where the fix takes none (--yes=no, --yes=false,
  // -yn, --yes=, which a reviewer found running a low-risk fix without asking), is no consent. A high-risk fix names
  // its word whatever else stands in the way: plain --yes is a usage error (exit 2).
  if (typeof opts.yes === 'string' && opts.yes !== word) {
    const given = echoed(opts.yes);
    const reason = word ? `${plan.fix} is a high-risk fix: its word is "${word}", not "${given}" (--yes=${word})` : `${plan.fix} takes plain --yes; "${given}" is no answer it reads`;
    return refuse(EXIT.usage, reason, word ? say('fix.cli.wrongWord', { fix: plan.fix, word, given }, reason) : say('fix.cli.yesNoWord', { fix: plan.fix, given }, reason));
  }
  if (opts.yes === true && word !== undefined) {
    const reason = `${plan.fix} is a high-risk fix: needs --yes=${word}; plain --yes is not enough`;
    return refuse(EXIT.usage, reason, say('fix.cli.needsWord', { fix: plan.fix, word }, reason));
  }
  const preflight = await checkPreflight(plan, deps.host, deps.checkElevation);
  if (preflight.kind === 'cannot-run') {
    // What to paste where it can run behaves as wcdoctor's own run would (a PowerShell fix stops at its first error).
    const elsewhere = commandToPaste(plan);
    // With --json the line is in the JSON: no "run this command" pointing at nothing on stderr (a tester).
    refuse(EXIT.failure, preflight.refusal.message, refusal(preflight.refusal), ...(opts.json ? [] : [say('fix.cli.runElsewhere', {}, 'run this command where it can run:')]));
    if (!opts.json) io.out(`${elsewhere}\n`);
    // The clipboard is the user's: written only when asked (--copy).
    if (opts.copy) {
      const clip = await deps.copyToClipboard(elsewhere);
      io.err(`${clip.ok ? say('fix.copy.done', { tool: clip.tool }, `Copied to the clipboard (${clip.tool}).`) : say('fix.cli.notCopied', { reason: clip.noTool ? say('clipboard.noTool', {}, clip.reason) : clip.reason }, `Not copied to the clipboard: ${clip.reason}.`)}\n`);
    } else if (!opts.json && io.isTTY.stderr !== false && io.isTTY.stdout) io.err(`${say('fix.cli.copyHint', {}, 'Add --copy to put it on the clipboard.')}\n`);
    return;
  }
  if (preflight.kind === 'not-elevated')
    return refuse(EXIT.failure, preflight.refusal.message, refusal(preflight.refusal), say('fix.cli.elevate', {}, 'open a terminal with "Run as administrator" and run the same command again'));
  // Every run is recorded, so a run that cannot be recorded does not start (and nothing is written to say so).
  const unrecordable = () => {
    const blocked = checkAuditLog(() => deps.probeAudit());
    if (!blocked) return false;
    if (opts.json) io.out(refusedJson(plan, blocked.message));
    const path = getAuditLogPath(getDataDir(io.env));
    fail(EXIT.failure, refusal(blocked), say('fix.cli.auditHint', { path }, `make ${path} a regular file you can write, on a disk with free space (or set WCDOCTOR_DATA_DIR to a folder you can write), then run it again`));
    return true;
  };
  if (unrecordable()) return;
  if (preflight.warning) io.err(`wcdoctor fix: ${refusal(preflight.warning)}\n`);
  if (opts.yes !== undefined && opts.yes !== false) {
    // The word was checked above.
  } else if (!io.isTTY.stdin || io.isTTY.stderr === false) {
    // The question and the plan it asks about are written to stderr: with stderr not a terminal, the user would answer
    // without seeing either.
    const reason = !io.isTTY.stdin ? NO_TERMINAL_REASON : NO_TERMINAL_ERR_REASON;
    const flag = word ? `--yes=${word}` : '--yes';
    return refuse(
      EXIT.usage,
      reason,
      !io.isTTY.stdin ? say('fix.cli.noTerminal', {}, reason) : say('fix.cli.noTerminalErr', {}, reason),
      say('fix.cli.passYes', { flag }, `pass ${flag} to run it, or --dry-run to only see the command`),
    );
  } else {
    // The plan goes where the question is asked (stderr): written to stdout, it went into the file or pipe stdout was
    // sent to, and the user confirmed a command they never saw (and --json's output did not parse).
    io.err(formatPlanText(plan, {}, words));
    const question = word ? say('fix.cli.typeWord', { word }, `Type "${word}" to run it (anything else cancels):`) : say('fix.confirm.question', {}, 'Run this command?') + ' [y/N]';
    const answer = await deps.ask(`${question} `, say('fix.cli.typeKeys', {}, TYPE_KEYS_NOTE));
    const text = answer.kind === 'answer' ? answer.text : '';
    const agreed = word ? text === word : /^y(?:es)?$/i.test(text);
    // Ctrl+C at the question ends wcdoctor as an interrupt does (130), and the log says so; anything else but the answer is a No.
    if (!agreed && answer.kind === 'interrupted') return refuse(EXIT.interrupted, INTERRUPTED_REASON, say('fix.declined', {}, DECLINED_REASON));
    if (!agreed) return refuse(EXIT.noMatch, DECLINED_REASON, say('fix.declined', {}, DECLINED_REASON));
  }

  // Checked again: the answer may have taken a while.
  if (unrecordable()) return;
  const controller = new AbortController();
  let interruptedBy: InterruptSignal | undefined;
  const release = deps.trapInterrupt((signal) => {
    // One Ctrl+C can arrive twice: exit hooks of other modules can re-raise the signal.
    if (controller.signal.aborted) return;
    interruptedBy = signal;
    io.err(`\n${say('fix.run.cancelling', {}, 'Cancelling the command…')}\n`);
    controller.abort();
  });
  const startedAt = deps.now().getTime();
  const limit = formatSeconds(timeoutMs, locale);
  io.err(`${say('fix.cli.running', { command: plan.command }, `Running: ${plan.command}`)}\n${say('fix.cli.cancelHint', { limit }, `(Ctrl+C cancels; time limit ${limit})`)}\n`);
  let result;
  const held = holdWhileRunning();
  try {
    result = await runFix(plan, deps, { signal: controller.signal, timeoutMs, onOutput: createStreamer(io, opts.json === true, startedAt, () => deps.now().getTime(), locale) });
  } finally {
    release();
    held();
  }
  const text = describeOutcome(plan, result);
  const recorded = result.auditError === undefined;
  if (opts.json) {
    const { topic, fix, command, argv } = plan;
    io.out(`${JSON.stringify({ topic, fix, command, argv, outcome: result.outcome, exitCode: result.exitCode, durationMs: result.durationMs, stdout: result.stdout, stderr: result.stderr, result: text.headline, nextStep: text.nextStep, recorded, ...(recorded ? {} : { auditError: result.auditError }) }, null, 2)}\n`);
  }
  // A run that could not be recorded is no success, whatever the command did.
  const shown = say.t ? translateOutcome(text, say.t) : text;
  const code = result.exitCode ?? 0;
  const headline = text.ok && !recorded ? say('fix.cli.notRecorded', { code }, `The command finished (exit code ${code}), but its run could not be recorded.`) : shown.headline;
  io.err(`${text.ok && recorded ? '✔' : '✖'} ${headline} (${formatSeconds(result.durationMs, locale)})\n  → ${shown.nextStep}\n`);
  if (!recorded) io.err(`wcdoctor fix: ${say('fix.audit.notRecorded', { error: result.auditError ?? '' }, `the run is not in the audit log: could not write it: ${result.auditError}`)}\n`);
  // Output the command printed that could not be written (a full disk) is lost: no success either.
  const lost = takeDroppedOutput();
  if (lost) io.err(`wcdoctor fix: ${say('fix.cli.outputLost', { why: lost.why }, `the command's output could not be written (${lost.why})`)}\n`);
  // A run the user cancelled ends as an interrupted program does (130 for Ctrl+C), so that a script can tell.
  io.setExitCode(result.outcome === 'cancelled' && interruptedBy ? exitCodeOfSignal(interruptedBy) : result.outcome === 'ran' && recorded && !lost ? EXIT.ok : EXIT.failure);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `wcdoctor fix TOPIC [FIX]`: lists, fills, confirms, runs and records fix commands. */
export function registerFix(program: Command, io: CliIO, deps?: FixCommandDeps): void {
  program
    .command('fix')
    .description('list, fill, confirm and run the fix commands of a topic')
    .argument('<topic>', 'topic id')
    .argument('[fix]', "fix id; leave out to list the topic's fixes")
    .option('--set <NAME=VALUE>', 'value of a placeholder (repeat for each)', collect, [])
    .option('--dry-run', 'print the exact command, argument vector and PowerShell script; run nothing')
    .option('-y, --yes [word]', 'skip the question (never the checks); high-risk fixes need --yes=WORD')
    .option('--timeout <seconds>', 'stop the command after this many seconds (default 120)')
    .option('--copy', 'when the fix cannot run here, also put its command on the clipboard')
    .option('--json', 'print JSON')
    .action((topic: string, fix: string | undefined, opts: FixOptions, cmd: Command) =>
      runFixCommand(topic, fix, opts, io, deps ?? createNodeFixDeps(io), resolveCliLocale(cmd.optsWithGlobals<{ lang?: string }>().lang, io.env)));
}
