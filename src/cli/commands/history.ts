import { echoed } from '../../core/text/terminal-safe.js';
import type { Command } from 'commander';
import type { AuditEntry } from '../../core/fixes/types.js';
import { UserError } from '../../core/errors.js';
import type { Locale } from '../../core/knowledge/types.js';
import { formatDecimal } from '../../core/i18n/format-number.js';
import { AuditLogError, readAuditLog, type AuditLogNote } from '../../platform/audit-log.js';
import { getDataDir } from '../../platform/paths.js';
import { AUDIT_OUTCOME_KEYS, auditNoteText, auditReasonText } from '../../ui/fix-text.js';
import { readLocaleCatalogs } from '../../platform/locale-catalogs.js';
import { EXIT, type CliIO } from '../io.js';
import { resolveCliLocale } from '../lang.js';
import { createT } from '../../ui/i18n.js';
import { formatTable } from '../print.js';
import { terminalWidth } from '../terminal-markdown.js';

/** How `history` reads the audit log; tests point it at a temp directory or fake it. */
export interface HistoryDeps {
  /** The log's entries and the warnings to print (already capped); `skipped` counts every damaged line. */
  readAudit(): { file: string; entries: AuditEntry[]; warnings: string[]; notes?: AuditLogNote[]; skipped?: number; unreadBytes?: number };
}

/** Options of `wcdoctor history`. */
export interface HistoryOptions {
  json?: boolean;
  limit?: string;
}

/** The real dependency: the audit log in the user's data directory (WCDOCTOR_DATA_DIR honoured). */
export function createNodeHistoryDeps(io: CliIO): HistoryDeps {
  return {
    readAudit: () => {
      const dir = getDataDir(io.env);
      try {
        return readAuditLog(dir);
      } catch (e) {
        if (e instanceof AuditLogError) throw new UserError(e.message, [], EXIT.failure);
        throw new UserError(`cannot read the audit log in ${dir}: ${e instanceof Error ? e.message : String(e)}`, [], EXIT.failure);
      }
    },
  };
}

function formatDuration(ms: number | null, locale: Locale): string {
  return ms === null ? '-' : `${formatDecimal(ms / 1000, locale, 1)} s`;
}

/**
 * Runs `wcdoctor history`: the audit log, newest last, with warnings for the first damaged lines skipped and a count
 * of the rest. In `locale` the headings, outcomes and the reasons that are wcdoctor's own messages are the catalogue's;
 * the commands, and the reasons a program gave, are shown as recorded (`--json` gives the log as recorded).
 */
export function runHistoryCommand(opts: HistoryOptions, io: CliIO, deps: HistoryDeps, locale: Locale = 'en'): void {
  // The catalogues read once: the words of the language, and English to read the log's reasons back against.
  const catalogs = readLocaleCatalogs();
  const t = locale === 'en' ? undefined : createT(catalogs, locale);
  let limit: number | undefined;
  if (opts.limit !== undefined) {
    if (!/^\d+$/.test(opts.limit) || Number(opts.limit) < 1) {
      const value = JSON.stringify(echoed(opts.limit));
      io.err(`wcdoctor history: ${t ? t('history.cli.limit', { value }) : `--limit ${value}: expected a whole number of 1 or more`}\n`);
      io.setExitCode(EXIT.usage);
      return;
    }
    limit = Number(opts.limit);
  }
  const log = deps.readAudit();
  // Each warning in the user's language when its id is known (the notes and the warnings go in step).
  const notes = t && log.notes?.length === log.warnings.length ? log.notes : undefined;
  log.warnings.forEach((w, i) => {
    const note = notes?.[i];
    const text = t && note ? auditNoteText(note, t, locale) : w;
    io.err(`wcdoctor history: ${t ? t('history.cli.warning', { text }) : `warning: ${w}`}\n`);
  });
  const entries = limit === undefined ? log.entries : log.entries.slice(-limit);
  if (opts.json) {
    io.out(`${JSON.stringify({ file: log.file, entries, skipped: log.skipped ?? log.warnings.length, unreadBytes: log.unreadBytes ?? 0 }, null, 2)}\n`);
    return;
  }
  if (entries.length === 0) {
    // Nothing in the part that was read, with more before it: the log is not empty, its entries are too large to show
    // (an attacker helper: a log of one 200 MiB line was said to hold no fix at all).
    if ((log.unreadBytes ?? 0) > 0) io.out(`${t ? t('history.cli.noneRead', { path: log.file }) : `No whole entry in the newest part of the audit log that was read; older or larger entries were left unread (audit log: ${log.file}).`}\n`);
    else io.out(`${t ? t('history.cli.empty', { path: log.file }) : `No fix has been run or refused yet (audit log: ${log.file}).`}\n`);
    return;
  }
  const english = t ? catalogs.en : undefined;
  // The outcomes in the app's words in every language, English too ("not run", where the log says "refused"; found by a
  // tester comparing the two); --json keeps the log's own.
  const wordsOf = t ?? createT(catalogs, 'en');
  // A reason is a line of the table: cut at 300 characters (a crafted one of 20,000 filled 250 screens; --json keeps it).
  const reasonOf = (reason: string) => echoed(t && english ? auditReasonText(reason, t, english) : reason, 300);
  const rows = entries.map((e) => [
    e.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    wordsOf(AUDIT_OUTCOME_KEYS[e.outcome] ?? AUDIT_OUTCOME_KEYS.failed),
    `${e.topic}/${e.fix}`,
    e.exitCode === null ? '-' : String(e.exitCode),
    formatDuration(e.durationMs, locale),
    [e.command, ...(e.reason ? [`(${reasonOf(e.reason)})`] : []), ...(e.inputSha256 ? [`[${wordsOf('history.inputDigest', { sha256: e.inputSha256 })}]`] : [])].join('  '),
  ]);
  const header = t
    ? [t('history.cli.time'), t('history.cli.outcome'), t('history.cli.fix'), t('history.cli.exit'), t('history.cli.took'), t('history.cli.command')]
    : ['time', 'outcome', 'fix', 'exit', 'took', 'command'];
  io.out(`${formatTable(header, rows, io.isTTY.stdout ? terminalWidth(io) : undefined)}\n`);
}

/** `wcdoctor history`: shows the audit log of fixes run, refused and cancelled. */
export function registerHistory(program: Command, io: CliIO, deps?: HistoryDeps): void {
  program
    .command('history')
    .description('show the audit log of fixes run, refused and cancelled (newest last)')
    .option('--limit <n>', 'show only the last N entries')
    .option('--json', 'print {"file", "entries": [...], "skipped", "unreadBytes"}')
    .action((opts: HistoryOptions, cmd: Command) => runHistoryCommand(opts, io, deps ?? createNodeHistoryDeps(io), resolveCliLocale(cmd.optsWithGlobals<{ lang?: string }>().lang, io.env)));
}
