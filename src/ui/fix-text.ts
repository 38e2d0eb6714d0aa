import type { Refusal, RefusalId } from '../core/fixes/preflight.js';
import type { NextStepId, OutcomeId, OutcomeText } from '../core/fixes/run-fix.js';
import type { AuditOutcome, FixProblem, FixProblemId } from '../core/fixes/types.js';
import type { ParamReason, ParamReasonId } from '../core/fixes/validate-param.js';
import type { AuditLogNote } from '../platform/audit-log.js';
import { formatMiB } from '../core/i18n/format-number.js';
import type { Locale } from '../core/knowledge/types.js';
import type { MessageKey, T } from './i18n.js';
import { readSlots, type Catalog } from '../core/i18n/translate.js';

// Core gives each message a stable id and params (and English for the CLI); these maps turn ids into
// catalog keys, written out so that every key stays a literal and a new id fails to typecheck here.

const REASON_KEYS: Readonly<Record<ParamReasonId, MessageKey>> = {
  empty: 'fix.reason.empty',
  tooLong: 'fix.reason.tooLong',
  nul: 'fix.reason.nul',
  tab: 'fix.reason.tab',
  lineBreak: 'fix.reason.lineBreak',
  control: 'fix.reason.control',
  bidi: 'fix.reason.bidi',
  invisible: 'fix.reason.invisible',
  port: 'fix.reason.port',
  ipv4: 'fix.reason.ipv4',
  ipv4Part: 'fix.reason.ipv4Part',
  cidr: 'fix.reason.cidr',
  cidrPrefix: 'fix.reason.cidrPrefix',
  cidrHostBits: 'fix.reason.cidrHostBits',
  build: 'fix.reason.build',
  edgeSpace: 'fix.reason.edgeSpace',
  nameStart: 'fix.reason.nameStart',
  nameChars: 'fix.reason.nameChars',
  vmNameForbidden: 'fix.reason.vmNameForbidden',
  serviceName: 'fix.reason.serviceName',
  nodeName: 'fix.reason.nodeName',
  containerName: 'fix.reason.containerName',
  sharePath: 'fix.reason.sharePath',
  shareServer: 'fix.reason.shareServer',
  shareParts: 'fix.reason.shareParts',
  localFolder: 'fix.reason.localFolder',
  folderRoot: 'fix.reason.folderRoot',
  folderParts: 'fix.reason.folderParts',
  user: 'fix.reason.user',
  userDomain: 'fix.reason.userDomain',
  userUpn: 'fix.reason.userUpn',
  driveLetter: 'fix.reason.driveLetter',
  labelValue: 'fix.reason.labelValue',
  imageRef: 'fix.reason.imageRef',
  brokenPattern: 'fix.reason.brokenPattern',
  patternMismatch: 'fix.reason.patternMismatch',
};

const PROBLEM_KEYS: Readonly<Record<FixProblemId, MessageKey>> = {
  missing: 'fix.problem.missing',
  invalid: 'fix.problem.invalid',
  invalidFromPaste: 'fix.problem.invalidFromPaste',
  optionLike: 'fix.problem.optionLike',
  optionLikeInScript: 'fix.problem.optionLikeInScript',
  notPasteable: 'fix.problem.notPasteable',
  cmdVariable: 'fix.problem.cmdVariable',
  trailingBackslash: 'fix.problem.trailingBackslash',
  nestedShell: 'fix.problem.nestedShell',
  commandTooLong: 'fix.problem.commandTooLong',
  unknownName: 'fix.problem.unknownName',
  takesNoValues: 'fix.problem.takesNoValues',
  unknownFix: 'fix.problem.unknownFix',
  noFixes: 'fix.problem.noFixes',
  template: 'fix.problem.template',
};

const REFUSAL_KEYS: Readonly<Record<RefusalId, MessageKey>> = {
  windowsHost: 'fix.refusal.windowsHost',
  windowsShell: 'fix.refusal.windowsShell',
  cmdBuiltin: 'fix.refusal.cmdBuiltin',
  notOnPath: 'fix.refusal.notOnPath',
  notInstalled: 'fix.refusal.notInstalled',
  localEngine: 'fix.refusal.localEngine',
  // The screen's sentence for this refusal already says it all.
  notElevated: 'fix.refused.notElevated',
  elevationUnknown: 'fix.refusal.elevationUnknown',
  auditUnwritable: 'fix.refusal.auditUnwritable',
};

const OUTCOME_KEYS: Readonly<Record<OutcomeId, MessageKey>> = {
  checked: 'fix.outcome.checked',
  applied: 'fix.outcome.applied',
  cancelled: 'fix.outcome.cancelled',
  timeout: 'fix.outcome.timeout',
  notStarted: 'fix.outcome.notStarted',
  failed: 'fix.outcome.failed',
};

const NEXT_STEP_KEYS: Readonly<Record<NextStepId, MessageKey>> = {
  readOutput: 'fix.outcome.next.readOutput',
  retry: 'fix.outcome.next.retry',
  checkState: 'fix.outcome.next.checkState',
  longerTimeout: 'fix.outcome.next.longerTimeout',
  checkPath: 'fix.outcome.next.checkPath',
  readErrorAdmin: 'fix.outcome.next.readErrorAdmin',
  readError: 'fix.outcome.next.readError',
};

/** Why a placeholder value fails, in the interface language (a phrase after the placeholder name). */
export const translateReason = (reason: ParamReason, t: T): string => t(REASON_KEYS[reason.id], reason.params);

/** Why a fix cannot be planned, in the interface language (an invalid value's reason translated too). */
export function translateProblem(problem: FixProblem, t: T): string {
  const params = problem.reason ? { ...problem.params, reason: translateReason(problem.reason, t) } : problem.params;
  return t(PROBLEM_KEYS[problem.id], params);
}

/** Why a fix is refused here (or the elevation warning), in the interface language. */
export const translateRefusal = (refusal: Refusal, t: T): string => t(REFUSAL_KEYS[refusal.id], refusal.params);

/** A run's result and the next step, in the interface language. */
export function translateOutcome(outcome: OutcomeText, t: T): { headline: string; nextStep: string } {
  return { headline: t(OUTCOME_KEYS[outcome.id], outcome.params), nextStep: t(NEXT_STEP_KEYS[outcome.nextId], outcome.params) };
}

/** The name of each outcome the audit log records (the history screen's and `wcdoctor history`'s words). */
export const AUDIT_OUTCOME_KEYS: Readonly<Record<AuditOutcome, MessageKey>> = {
  ran: 'history.outcome.ran',
  failed: 'history.outcome.failed',
  timeout: 'history.outcome.timeout',
  cancelled: 'history.outcome.cancelled',
  refused: 'history.outcome.refused',
};

/**
 * The messages whose English text the audit log records as a reason (it keeps English, whatever the interface's
 * language), tried in this order to show a recorded reason in the interface language.
 */
const RECORDED_REASON_KEYS: readonly MessageKey[] = [
  'history.reason.declined',
  'history.reason.interrupted',
  'history.reason.notElevated',
  'history.reason.timeout',
  'fix.cli.noTerminal',
  'fix.cli.noTerminalErr',
  'fix.cli.needsWord',
  'fix.cli.wrongWord',
  'fix.cli.yesNoWord',
  'fix.refusal.windowsHost',
  'fix.refusal.windowsShell',
  'fix.refusal.cmdBuiltin',
  'fix.refusal.notOnPath',
  'fix.refusal.notInstalled',
  'fix.refusal.localEngine',
];

/**
 * A reason the audit log recorded, in the interface language: the English message it is (read back with its values
 * from the English catalogue `english`) said through `t`; a reason no message gives (a program's own error) as it
 * was recorded.
 */
export function auditReasonText(reason: string, t: T, english: Catalog): string {
  const recorded = reason.trim();
  for (const key of RECORDED_REASON_KEYS) {
    const template = english[key];
    const params = template === undefined ? undefined : readSlots(template, recorded);
    if (params) return t(key, params);
  }
  return reason;
}

/** A warning about reading the audit log (a damaged line, more of them, only its tail read), in the UI language. */
export function auditNoteText(n: AuditLogNote, t: T, locale: Locale): string {
  switch (n.id) {
    case 'damaged':
      return t('history.note.damaged', { line: n.line });
    case 'moreDamaged':
      return t('history.note.moreDamaged', { more: n.more, total: n.total });
    case 'tail':
      return t('history.note.tail', { size: formatMiB(n.sizeBytes, locale), read: formatMiB(n.readBytes, locale) });
    case 'oversized':
      return t('history.note.oversized', { count: n.count, limit: formatMiB(n.limitBytes, locale) });
    case 'previousDamaged':
      return t('history.note.previousDamaged', { count: n.count, file: n.file });
    case 'previousTail':
      return t('history.note.previousTail', { file: n.file });
    case 'previousUnreadable':
      return t('history.note.previousUnreadable', { reason: n.reason });
  }
}
