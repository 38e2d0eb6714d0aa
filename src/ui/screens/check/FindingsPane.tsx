import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { HostReport } from '../../../core/check/evaluate.js';
import type { Finding } from '../../../core/check/types.js';
import { truncateWidth, wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { FullText, fullTextLines } from '../../components/FullText.js';
import { SelectList } from '../../components/SelectList.js';
import { moveSelection } from '../../hooks/use-selection-list.js';
import { useT } from '../../hooks/use-t.js';
import type { T } from '../../i18n.js';
import { Command } from '../../keys.js';
import type { Theme } from '../../theme.js';
import { safeText } from '../../text/safe-text.js';
import { findingItems, fleetItems, fleetWorst, hostHeader, listedFindings, type CheckResults } from './findings.js';

/** Where the user is in the results: the row chosen, and for a fleet the host opened (its findings listed). */
export interface ResultsCursor {
  selected: number;
  host?: number;
}

/** The host whose findings are listed (none while a fleet's hosts are). */
function shownHost(results: CheckResults, cursor: ResultsCursor): { report: HostReport; paste?: string } | undefined {
  if (results.kind === 'host') return results.paste !== undefined ? { report: results.report, paste: results.paste } : { report: results.report };
  const h = cursor.host === undefined ? undefined : results.fleet.hosts[cursor.host];
  return h ? { report: h } : undefined;
}

/** The findings listed for the results and cursor (empty while a fleet's hosts are listed). */
export function findingsShown(results: CheckResults, cursor: ResultsCursor): { findings: Finding[]; others: number } {
  const shown = shownHost(results, cursor);
  return shown ? listedFindings(shown.report, shown.paste !== undefined) : { findings: [], others: 0 };
}

/** What a key does in the results: move, open a fleet's host, leave it, or open a finding's known issue. */
export type ResultsStep = { kind: 'cursor'; cursor: ResultsCursor } | { kind: 'topic'; topic: string } | { kind: 'full' } | { kind: 'none' };

/** Turns a command into a step in the results; `none` for a command the results do not use (the screen's keys get it). */
export function resultsCommand(results: CheckResults, cursor: ResultsCursor, command: Command, hasTopic: (id: string) => boolean): ResultsStep {
  const listingHosts = results.kind === 'fleet' && cursor.host === undefined;
  const count = listingHosts ? results.fleet.hosts.length : findingsShown(results, cursor).findings.length;
  const at = Math.max(0, Math.min(cursor.selected, count - 1));
  if (command === Command.Confirm) {
    if (listingHosts) return count ? { kind: 'cursor', cursor: { selected: 0, host: at } } : { kind: 'none' };
    const finding = findingsShown(results, cursor).findings[at];
    // A finding without a known issue opens in full: its title, what it read and the check's own words.
    return finding?.topic && hasTopic(finding.topic) ? { kind: 'topic', topic: finding.topic } : finding ? { kind: 'full' } : { kind: 'none' };
  }
  if (command === Command.ShowFull) return count ? { kind: 'full' } : { kind: 'none' };
  if (command === Command.Back && results.kind === 'fleet' && cursor.host !== undefined) return { kind: 'cursor', cursor: { selected: cursor.host } };
  const next = moveSelection(at, command, { count });
  return next === undefined ? { kind: 'none' } : { kind: 'cursor', cursor: { ...cursor, selected: next } };
}

/** Lines above the list: the host and its summary, or the fleet and its worst checks. */
function headerLines(t: T, results: CheckResults, cursor: ResultsCursor, others: number): string[] {
  const shown = shownHost(results, cursor);
  if (shown) {
    const lines = [hostHeader(t, shown.report, shown.paste)];
    if (others) lines.push(t('check.pasteOthers', { count: others }));
    if (results.kind === 'fleet') lines.push(t('check.app.fleetBack'));
    return lines;
  }
  if (results.kind !== 'fleet') return [];
  return [`${t('check.fleet.header', { count: results.fleet.hosts.length })} — ${t('check.app.fleetLegend')}`, fleetWorst(t, results.fleet)];
}

/**
 * The results: a header, then the findings (or a fleet's hosts) as a list that scrolls within `height` rows; with `full`,
 * the selected row in full under it (what the row cuts, and a finding's own words).
 */
export function FindingsPane({ results, cursor, height, width, theme, focused, hasTopic, full = false }: { results: CheckResults; cursor: ResultsCursor; height: number; width: number; theme: Theme; focused: boolean; hasTopic: (id: string) => boolean; full?: boolean }) {
  const t = useT();
  const { findings, others } = findingsShown(results, cursor);
  const listingHosts = results.kind === 'fleet' && cursor.host === undefined;
  // A fleet's rows are made once per result and language, not at every key (on 10,000 hosts, 60 ms a key).
  const hostItems = useMemo(() => (results.kind === 'fleet' ? fleetItems(t, results.fleet) : []), [t, results]);
  const items = listingHosts ? hostItems : findingItems(t, findings, hasTopic);
  const [title = '', ...notes] = headerLines(t, results, cursor, others);
  // The title on two lines where one cannot hold it: cut to one, a host's counts were lost at 60 columns (a new-user
  // helper: "Host check: containerhost01.contoso.com (elevated) — 28 pas…"); the notes on a line each.
  const wrapped = title ? wrapAnsiText(safeText(title), width) : [];
  const titleRows = wrapped.length > 2 ? [wrapped[0]!, truncateWidth(wrapped.slice(1).join(' '), width)] : wrapped;
  const header = [...titleRows.map((text) => ({ text, title: true })), ...notes.map((text) => ({ text: truncateWidth(safeText(text), width), title: false }))];
  const selected = Math.max(0, Math.min(cursor.selected, items.length - 1));
  const listRows = Math.max(2, height - header.length);
  const fullRows = full && items[selected] ? fullTextLines(items[selected], width, Math.max(1, listRows - 3)) : [];
  return (
    <Box flexDirection="column">
      {header.map((line, i) => (
        <Text key={i} wrap="truncate-end" bold={line.title && theme.bold} color={line.title ? theme.text.heading : theme.text.secondary}>
          {line.text}
        </Text>
      ))}
      <SelectList items={items} selected={selected} height={Math.max(1, listRows - (fullRows.length ? fullRows.length + 1 : 0))} width={width} theme={theme} focused={focused} />
      {fullRows.length > 0 && <FullText lines={fullRows} theme={theme} />}
    </Box>
  );
}
