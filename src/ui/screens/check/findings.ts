import { CHECKS } from '../../../core/check/checks/index.js';
import type { CheckResults, FleetReport, HostReport } from '../../../core/check/evaluate.js';
import { findingMessage } from '../../../core/check/format.js';
import { renderMessage, renderValue, shownHost, type CheckText } from '../../../core/check/message.js';
import type { CheckStatus, Finding, MessageText } from '../../../core/check/types.js';
import type { ListItem } from '../../components/SelectList.js';
import type { MessageKey, T } from '../../i18n.js';

/** What the results pane shows: one host's findings (from the collector, a file or a paste), or a fleet. */
export type { CheckResults };

const MARK: Record<CheckStatus, string> = { pass: '✔', warn: '!', fail: '✖', 'not-evaluated': '·' };
const ROLE: Record<CheckStatus, 'success' | 'warning' | 'error' | 'info'> = { pass: 'success', warn: 'warning', fail: 'error', 'not-evaluated': 'info' };
const ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2, 'not-evaluated': 3 };
const STATUS_KEY: Record<CheckStatus, MessageKey> = { pass: 'check.status.pass', warn: 'check.status.warn', fail: 'check.status.fail', 'not-evaluated': 'check.status.not-evaluated' };
const TITLE_KEY = new Map(CHECKS.map((c) => [c.id, c.titleKey]));

/** A check's title in the interface language (its id when the catalogue lacks it). */
export function checkTitle(t: T, check: string): string {
  const key = TITLE_KEY.get(check);
  const title = key ? t(key as MessageKey) : check;
  return title === key ? check : title;
}

/** `✖ fail`: the status mark and word, never colour alone. */
export const statusText = (t: T, status: CheckStatus): string => `${MARK[status]} ${t(STATUS_KEY[status])}`;

/**
 * The findings to list, in the order shown: failures, warnings, passes, then what could not judge. For a paste, the
 * checks that need other commands' output are left out (counted in `others`), as the CLI does.
 */
export function listedFindings(report: HostReport, paste: boolean): { findings: Finding[]; others: number } {
  const sorted = [...report.findings].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  if (!paste) return { findings: sorted, others: 0 };
  const other = (f: Finding) => f.status === 'not-evaluated' && (f.reason === undefined || f.reason === 'not-collected' || f.reason === 'not-applicable');
  return { findings: sorted.filter((f) => !other(f)), others: sorted.filter(other).length };
}

/** The check's catalogue (`check.msg.*`, whose keys the checks make) through the interface's `t`. */
const checkText = (t: T): CheckText => (key, params) => t(key as MessageKey, params);

/** A finding's sentence in the interface language. */
export const findingSentence = (t: T, text: MessageText): string => renderMessage(checkText(t), text);

/** The value a finding read, or why it could not judge: the line under its title. */
export function findingDetail(t: T, f: Finding): string {
  if (f.status === 'not-evaluated') return findingMessage(checkText(t), f);
  const read = f.evidence.map((e) => `${e.read}: ${renderValue(checkText(t), e.value)}`).join(' · ');
  return read ? `${t('check.read')} ${read}` : findingSentence(t, f.text);
}

/** One row per finding: status mark and word, the check's title, what it read; a finding with a known issue says Enter opens it. */
export function findingItems(t: T, findings: readonly Finding[], hasTopic: (id: string) => boolean): ListItem[] {
  return findings.map((f, i) => {
    const detail = findingDetail(t, f);
    const sentence = findingSentence(t, f.text);
    return {
      key: `${i}:${f.check}`,
      label: checkTitle(t, f.check),
      prefix: { text: statusText(t, f.status), role: ROLE[f.status] },
      detail,
      // In full: what it read, then what the check says about it.
      ...(f.status !== 'not-evaluated' && !detail.includes(sentence) ? { fullDetail: `${detail}\n${sentence}` } : {}),
      ...(f.topic && hasTopic(f.topic) ? { badge: { text: t('check.app.opensTopic'), role: ROLE[f.status] } } : {}),
    };
  });
}

/** One row per host of a fleet: its marks for every check in order (the hosts × checks grid) and its counts. */
export function fleetItems(t: T, fleet: FleetReport): ListItem[] {
  return fleet.hosts.map((h, i) => ({
    key: `${i}:${h.host}`,
    label: shownHost(h.host),
    prefix: { text: h.counts.fail ? MARK.fail : h.counts.warn ? MARK.warn : MARK.pass, role: h.counts.fail ? 'error' : h.counts.warn ? 'warning' : 'success' },
    detail: `${h.findings.map((f) => MARK[f.status]).join('')}  ${t('check.fleet.counts', { fail: h.counts.fail, warn: h.counts.warn })}`,
  }));
}

/** The fleet's worst checks, for the line above the host list: `core-services 1 ✖ 0 !`, most failing first. */
export function fleetWorst(t: T, fleet: FleetReport, limit = 3): string {
  const bad = fleet.byCheck.filter((c) => c.fail + c.warn > 0).sort((a, b) => b.fail - a.fail || b.warn - a.warn);
  if (!bad.length) return t('check.fleet.allPass');
  return t('check.app.fleetWorst', { checks: bad.slice(0, limit).map((c) => `${checkTitle(t, c.check)} (${t('check.fleet.counts', { fail: c.fail, warn: c.warn })})`).join(' · ') });
}

/** The header of one host's findings: the host (elevated or not), or what the paste was read as. */
export function hostHeader(t: T, report: HostReport, paste: string | undefined): string {
  const who =
    paste !== undefined ? t('check.host.paste', { read: paste }) : report.elevated === null ? shownHost(report.host) : t(report.elevated ? 'check.host.elevated' : 'check.host.notElevated', { host: shownHost(report.host) });
  return `${t('check.header', { host: who })} — ${t('check.summary', { pass: report.counts.pass, warn: report.counts.warn, fail: report.counts.fail, skipped: report.counts['not-evaluated'] })}`;
}
