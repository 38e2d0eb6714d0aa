import type { Command } from 'commander';
import { COLLECT_TIMEOUT_MS, collectHostFacts, recordCollectRefusal, type CollectorScript } from '../../core/check/collect.js';
import { evaluateInput, hasFindings } from '../../core/check/evaluate.js';
import { formatCollectorPreview, formatFleetReport, formatHostReport, hostReportJson, type CheckText, type TopicLookup } from '../../core/check/format.js';
import { readCheckInput, type CheckInput } from '../../core/check/read-input.js';
import { DECLINED_REASON, INTERRUPTED_REASON, NO_TERMINAL_ERR_REASON, NO_TERMINAL_REASON, checkAuditLog } from '../../core/fixes/preflight.js';
import type { AuditEntry, RunCommand } from '../../core/fixes/types.js';
import { translate, type Catalog } from '../../core/i18n/translate.js';
import type { Locale } from '../../core/knowledge/types.js';
import { decodeText } from '../../core/text/decode-text.js';
import { appendAuditEntry, probeAuditLog } from '../../platform/audit-log.js';
import { localizeFix } from '../../core/knowledge/fix-text.js';
import { loadKnowledgeBase } from '../../platform/knowledge-fs.js';
import { readCollector, readFactsFile } from '../../platform/collector.js';
import { checkElevation, type Elevation } from '../../platform/elevation.js';
import { detectLocales, pickSupportedLocale, readIntlLocale } from '../../platform/locale.js';
import { getDataDir } from '../../platform/paths.js';
import { readLocaleCatalogs } from '../../platform/locale-catalogs.js';
import { runCommand } from '../../platform/shell.js';
import { askKeys, exitCodeOfSignal, trapInterrupt, type Answer, type InterruptSignal } from '../../platform/terminal.js';
import { holdWhileRunning } from '../../platform/run-guard.js';
import { echoed } from '../../core/text/terminal-safe.js';
import { COLLECT_PROBLEM_KEYS, inputProblemText } from '../../ui/check-text.js';
import { translateRefusal } from '../../ui/fix-text.js';
import type { MessageKey } from '../../ui/i18n.js';
import { stdinRefusalOf } from '../stdin-limit.js';
import { afterHelp } from '../help-text.js';
import { EXIT, type CliIO } from '../io.js';
import { parseLangOption } from '../lang.js';

/** Everything `wcdoctor check` touches outside itself; tests pass fakes. */
export interface CheckCommandDeps {
  platform: string;
  /** The collector and its SHA-256 (throws when the package lacks it). */
  readCollector(): CollectorScript;
  readFile(file: string): Uint8Array;
  runCommand: RunCommand;
  appendAudit(entry: AuditEntry): void;
  probeAudit(): void;
  checkElevation(): Promise<Elevation>;
  /** Asks on the terminal, key by key (`note` is said when a read brings several keys: typed ahead or pasted). */
  ask(question: string, note: string): Promise<Answer>;
  trapInterrupt(onInterrupt: (signal: InterruptSignal) => void): () => void;
  now(): Date;
  catalogs(): Readonly<Record<Locale, Catalog>>;
  /** The topics findings link to, with their fixes; undefined when the knowledge base cannot be read. */
  topics(locale: Locale): TopicLookup | undefined;
}

/** Options of `wcdoctor check`, as commander parses them. */
export interface CheckOptions {
  from?: string;
  script?: boolean;
  yes?: boolean;
  json?: boolean;
  timeout?: string;
}

/** The real dependencies: this machine, the user's audit log (WCDOCTOR_DATA_DIR honoured), the package's files. */
export function createNodeCheckDeps(io: CliIO): CheckCommandDeps {
  return {
    platform: process.platform,
    readCollector: () => readCollector(),
    readFile: (f) => readFactsFile(f),
    runCommand,
    appendAudit: (e) => appendAuditEntry(e, getDataDir(io.env)),
    probeAudit: () => probeAuditLog(getDataDir(io.env)),
    checkElevation: () => checkElevation(),
    ask: (q, note) => askKeys(q, note),
    trapInterrupt,
    now: () => new Date(),
    catalogs: () => readLocaleCatalogs(),
    topics: (locale) => {
      try {
        const kb = loadKnowledgeBase();
        const byId = new Map(kb.topics.map((t) => [t.id, t]));
        return (id) => {
          const topic = byId.get(id);
          return topic && { title: topic.title[locale] ?? topic.title.en, fixes: topic.fixes.map((f) => ({ id: f.id, title: localizeFix(f, locale).title })) };
        };
      } catch {
        return undefined;
      }
    },
  };
}

/** Default time limit of a collector run, in seconds. */
const DEFAULT_TIMEOUT_S = COLLECT_TIMEOUT_MS / 1000;

function translator(catalogs: Readonly<Record<Locale, Catalog>>, locale: Locale): CheckText {
  return (key, params) => translate(catalogs[locale], key, params, locale) ?? translate(catalogs.en, key, params, 'en') ?? key;
}

/**
 * Writes a fleet's `--json` host by host, exactly as JSON.stringify(value, null, 2) lays it out: one string of a large
 * fleet's report went past what a JavaScript string holds (found by an attacker helper: "Invalid string length").
 */
function writeFleetJson(io: CliIO, hosts: readonly (() => unknown)[], byCheck: unknown): void {
  const nested = (value: unknown, indent: string) => JSON.stringify(value, null, 2).split('\n').join(`\n${indent}`);
  io.out('{\n  "kind": "fleet",\n  "hosts": [\n');
  hosts.forEach((host, i) => io.out(`    ${nested(host(), '    ')}${i < hosts.length - 1 ? ',' : ''}\n`));
  io.out(`  ],\n  "byCheck": ${nested(byCheck, '  ')}\n}\n`);
}

/** Prints the findings of what was read and sets the exit code: 0 all pass, 1 a warning or failure. */
function report(input: CheckInput, opts: CheckOptions, io: CliIO, words: { t: CheckText; english: CheckText }, deps: CheckCommandDeps, locale: Locale): void {
  const { t, english } = words;
  const topics = deps.topics(locale);
  if (!topics && !opts.json) io.err(`wcdoctor check: ${t('check.noKnowledge')}\n`);
  const lookup: TopicLookup = topics ?? (() => undefined);
  const results = evaluateInput(input);
  if (results.kind === 'fleet') {
    const { fleet } = results;
    if (opts.json) writeFleetJson(io, fleet.hosts.map((h) => () => hostReportJson(h, english, lookup)), fleet.byCheck);
    else io.out(formatFleetReport(t, fleet));
    io.setExitCode(fleet.hosts.some(hasFindings) ? EXIT.noMatch : EXIT.ok);
    return;
  }
  const { report: host, paste } = results;
  io.out(opts.json ? `${JSON.stringify({ kind: paste ? 'paste' : 'host', ...(input.kind === 'paste' ? { read: input.read, reads: input.reads } : {}), ...hostReportJson(host, english, lookup) }, null, 2)}\n` : formatHostReport(t, host, paste ? { paste, topics: lookup } : { topics: lookup }));
  io.setExitCode(hasFindings(host) ? EXIT.noMatch : EXIT.ok);
}

/** The message key that says a recorded refusal reason to the user. */
const reasonKey = (reason: string): MessageKey => (reason === DECLINED_REASON || reason === INTERRUPTED_REASON ? 'fix.declined' : reason === NO_TERMINAL_ERR_REASON ? 'fix.cli.noTerminalErr' : 'fix.cli.noTerminal');

/** Runs `wcdoctor check`: prints the collector, evaluates collected or pasted output, or collects on this host. */
export async function runCheckCommand(opts: CheckOptions, lang: string | undefined, io: CliIO, deps: CheckCommandDeps): Promise<void> {
  const fail = (code: number, ...lines: string[]) => {
    for (const l of lines) io.err(`wcdoctor check: ${l}\n`);
    io.setExitCode(code);
  };
  const locale = lang !== undefined ? parseLangOption(lang, io.env) : (pickSupportedLocale(detectLocales({ env: io.env, platform: deps.platform, intlLocale: readIntlLocale })) ?? 'en');
  const catalogs = deps.catalogs();
  const t = translator(catalogs, locale);
  // --json keeps each finding's English sentence as `message`, whatever the language, beside its key and values.
  const words = { t, english: translator(catalogs, 'en') };
  // Input errors and refusals: English as it always was, other languages through the catalogue (values as typed).
  const say = (key: MessageKey, params: Readonly<Record<string, string | number>>, english: string) => (locale === 'en' ? english : t(key, params));
  if (opts.script && opts.from !== undefined) return fail(EXIT.usage, say('check.cli.scriptAndFrom', {}, '--script and --from do not go together: --script prints the collector, --from evaluates what it collected'));
  if (opts.script && opts.json) return fail(EXIT.usage, say('check.cli.scriptAndJson', {}, '--script and --json do not go together: --script prints the collector, a PowerShell script, not JSON'));
  const timeoutS = opts.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(opts.timeout);
  if (opts.timeout !== undefined && !(/^\d+$/.test(opts.timeout) && timeoutS >= 1 && timeoutS <= 3600)) {
    const value = JSON.stringify(echoed(opts.timeout));
    return fail(EXIT.usage, say('check.cli.timeout', { value }, `--timeout ${value}: expected whole seconds from 1 to 3600`));
  }

  if (opts.script) {
    io.out(deps.readCollector().text);
    return;
  }
  if (opts.from !== undefined) {
    let text: string;
    if (opts.from === '-') {
      if (io.isTTY.stdin) io.err(`${t('check.pastePrompt')}\n`);
      try {
        text = await io.readStdin();
      } catch (e) {
        // Standard input too large or unreadable: said as check's other input errors are, with what check takes instead.
        const refused = stdinRefusalOf(e);
        if (refused === undefined) throw e;
        return fail(EXIT.usage, say(refused.key, refused.params, (e as Error).message), say('check.cli.fromFileHint', {}, 'save the output to a file and give it with --from FILE'));
      }
    } else {
      try {
        text = decodeText(deps.readFile(opts.from));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return fail(EXIT.usage, code === 'ENOENT' ? say('check.cli.noSuchFile', { file: opts.from }, `--from ${opts.from}: no such file`) : `--from ${opts.from}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const input = readCheckInput(text);
    if (!input.ok) {
      const why = locale === 'en' ? input.error.message : inputProblemText(input.error, t);
      return fail(EXIT.usage, `--from ${opts.from === '-' ? say('check.cli.stdin', {}, '(standard input)') : opts.from}: ${why}`, t('check.fromHint'));
    }
    report(input.value, opts, io, words, deps, locale);
    return;
  }

  if (deps.platform !== 'win32') return fail(EXIT.failure, t('check.needsWindows'), t('check.needsWindowsScript'), t('check.needsWindowsFrom'));
  const elevation = await deps.checkElevation();
  const script = deps.readCollector();
  io.err(formatCollectorPreview(t, elevation.kind === 'not-elevated' ? false : elevation.kind === 'elevated' ? true : undefined, script.sha256));
  const refuse = (code: number, reason: string, ...more: string[]) => {
    const { auditError } = recordCollectRefusal(reason, deps, script);
    fail(code, say(reasonKey(reason), {}, reason), ...more, ...(auditError ? [say('fix.audit.failed', { error: auditError }, `could not write the audit log: ${auditError}`)] : []));
  };
  const blocked = checkAuditLog(() => deps.probeAudit());
  if (blocked)
    return fail(EXIT.failure, locale === 'en' ? blocked.message : translateRefusal(blocked, t), say('check.cli.auditHint', {}, 'make the audit log a regular file you can write, on a disk with free space (or set WCDOCTOR_DATA_DIR to a folder you can write), then run it again'));
  if (!opts.yes) {
    if (!io.isTTY.stdin || io.isTTY.stderr === false)
      return refuse(EXIT.usage, !io.isTTY.stdin ? NO_TERMINAL_REASON : NO_TERMINAL_ERR_REASON, say('check.cli.passYes', {}, 'pass --yes to run the read-only collector, or --script to print it'));
    const answer = await deps.ask(`${t('check.confirm')} `, t('fix.cli.typeKeys'));
    // Ctrl+C at the question ends wcdoctor as an interrupt does (130), as at fix's question.
    if (answer.kind === 'interrupted') return refuse(EXIT.interrupted, INTERRUPTED_REASON);
    if (answer.kind !== 'answer' || !/^y(?:es)?$/i.test(answer.text)) return refuse(EXIT.failure, DECLINED_REASON);
  }

  const controller = new AbortController();
  let interruptedBy: InterruptSignal | undefined;
  const release = deps.trapInterrupt((signal) => {
    interruptedBy ??= signal;
    if (!controller.signal.aborted) controller.abort();
  });
  io.err(`${t('check.running')}\n`);
  let collected;
  // While the collector runs, a reader that goes away drops output instead of ending wcdoctor (run-guard.ts):
  // the collector is not left running unseen, and its run is recorded.
  const held = holdWhileRunning();
  try {
    collected = await collectHostFacts(script, deps, { signal: controller.signal, timeoutMs: timeoutS * 1000 });
  } finally {
    release();
    held();
  }
  const { run } = collected;
  if (run.auditError) io.err(`wcdoctor check: ${say('fix.audit.notRecorded', { error: run.auditError }, `the run is not in the audit log: could not write it: ${run.auditError}`)}\n`);
  if (!collected.ok) {
    const p = collected.problem;
    const why =
      p.kind === 'timeout'
        ? say('check.cli.stopped', { seconds: timeoutS }, p.message)
        : say(COLLECT_PROBLEM_KEYS[p.kind], { error: run.error ?? '', code: run.exitCode ?? 'none' }, p.message) + (locale !== 'en' && p.detail ? `: ${inputProblemText(p.detail, t)}` : '');
    // A collector the user stopped (Ctrl+C, SIGTERM) ends as the signal ends a program, as a fix's run does.
    return fail(p.kind === 'cancelled' && interruptedBy ? exitCodeOfSignal(interruptedBy) : EXIT.failure, why, ...p.stderrTail);
  }
  report(collected.input, opts, io, words, deps, locale);
  if (run.auditError) io.setExitCode(EXIT.failure);
}

/** `wcdoctor check`: a read-only doctor for this host, for collected output, and for a fleet. */
export function registerCheck(program: Command, io: CliIO, deps?: CheckCommandDeps): void {
  program
    .command('check')
    .description('check this Windows host (read-only), or evaluate collected or pasted output (--from), or print the collector (--script)')
    .option('--from <file>', 'evaluate a collector JSON (one host, or a fleet from Invoke-Command) or the pasted output of one command; - reads standard input')
    .option('--script', 'print the read-only collector (PowerShell), to run on hosts without wcdoctor')
    .option('-y, --yes', 'run the collector without asking')
    .option('--timeout <seconds>', `stop the collector after this many seconds (default ${DEFAULT_TIMEOUT_S})`)
    .option('--json', 'print the findings as JSON')
    .addHelpText(
      'after',
      afterHelp([
        'Exit codes: 0 every check passed (or could not judge), 1 a warning or failure, 2 usage or unreadable input, 3 could not collect.',
        '',
        'A fleet, without an agent:',
        '  wcdoctor check --script > collect.ps1',
        '  Invoke-Command -ComputerName (Get-Content hosts.txt) -FilePath collect.ps1 | ConvertTo-Json -Depth 20 > fleet.json',
        '  wcdoctor check --from fleet.json',
      ].join('\n')),
    )
    .action((opts: CheckOptions, cmd: Command) => runCheckCommand(opts, cmd.optsWithGlobals<{ lang?: string }>().lang, io, deps ?? createNodeCheckDeps(io)));
}

