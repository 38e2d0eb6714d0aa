import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import type { AuditEntry, AuditOutcome } from '../../../core/fixes/types.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { FullText, fullTextLines, useFullText } from '../../components/FullText.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { SelectList, type ListItem } from '../../components/SelectList.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useSelectionList } from '../../hooks/use-selection-list.js';
import { useI18n } from '../../contexts/I18nContext.js';
import type { MessageKey, T } from '../../i18n.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import type { Route } from '../../navigation.js';
import { truncateWidth } from '../../../core/text/wrap-ansi.js';
import { safeText } from '../../text/safe-text.js';
import { oneLine } from '../../../core/text/terminal-safe.js';
import { GLYPH } from '../../theme.js';
import { footerHints } from '../../footers.js';
import { AUDIT_OUTCOME_KEYS, auditNoteText, auditReasonText } from '../../fix-text.js';
import type { Catalog } from '../../../core/i18n/translate.js';

const HINTS = footerHints('history');
const EMPTY_HINTS = footerHints('historyEmpty');

const OUTCOME: Readonly<Record<AuditOutcome, { key: MessageKey; role: 'success' | 'warning' | 'error' | 'info'; glyph: string }>> = {
  ran: { key: AUDIT_OUTCOME_KEYS.ran, role: 'success', glyph: GLYPH.ok },
  failed: { key: AUDIT_OUTCOME_KEYS.failed, role: 'error', glyph: GLYPH.error },
  timeout: { key: AUDIT_OUTCOME_KEYS.timeout, role: 'error', glyph: GLYPH.error },
  cancelled: { key: AUDIT_OUTCOME_KEYS.cancelled, role: 'warning', glyph: GLYPH.warning },
  refused: { key: AUDIT_OUTCOME_KEYS.refused, role: 'info', glyph: GLYPH.info },
};

/**
 * One entry of the log as a list row: when, what came of it, the topic and fix; the command (and why, in the interface
 * language when the recorded English reason is one of ours: `english` is the English catalogue) beneath.
 */
export function historyItem(e: AuditEntry, index: number, t: T, english: Catalog = {}): ListItem {
  const o = OUTCOME[e.outcome] ?? OUTCOME.failed;
  const when = e.time.replace('T', ' ').replace(/\.\d{1,9}Z$|Z$/, '');
  return {
    key: `${index}`,
    // One line each: a line feed or tab in the log's fields is shown, not laid out (a crafted entry could forge a row).
    label: oneLine(t('history.row', { time: when, topic: e.topic, fix: e.fix })),
    prefix: { text: `${o.glyph} ${t(o.key)}`, role: o.role },
    // A run given its script on its input (the host collector) names it by its digest: the command line does not.
    detail: oneLine(
      [e.command, ...(e.reason ? [auditReasonText(e.reason, t, english)] : []), ...(e.inputSha256 ? [t('history.inputDigest', { sha256: e.inputSha256 })] : [])].join(' · '),
    ),
  };
}

type Read = { ok: true; entries: AuditEntry[]; warnings: string[]; unread: boolean } | { ok: false; error: unknown };

/** The fix history: the audit log, newest first; Enter opens the entry's topic, where its fixes are. */
export function HistoryScreen({ route }: { route: Extract<Route, { screen: 'history' }> }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { audit, knowledge, catalogs } = usePlatform();
  const read = useMemo<Read>(() => {
    try {
      const log = audit.read();
      // The warnings in the interface language, from their ids (the English ones when the two are not in step).
      const warnings = log.notes.length === log.warnings.length ? log.notes.map((n) => auditNoteText(n, t, locale)) : log.warnings;
      return { ok: true, entries: [...log.entries].reverse(), warnings, unread: (log.unreadBytes ?? 0) > 0 };
    } catch (error) {
      return { ok: false, error };
    }
  }, [audit, t, locale]);
  const entries = read.ok ? read.entries : [];
  const hints = entries.length ? HINTS : EMPTY_HINTS;
  const frame = useFrame(hints, SCREEN_SCOPES.history);
  const { selected, get, move } = useSelectionList(route.selected ?? 0);
  const fullText = useFullText();
  const full = fullText.open;
  const items = entries.map((e, i) => historyItem(e, i, t, catalogs.en));
  // The topic of an entry this version's knowledge does not hold (an older version's, or a damaged line): said, not
  // silently nothing (found by an attacker helper: Enter on such an entry did nothing and said nothing).
  const [missingTopic, setMissingTopic] = useState<string | undefined>(undefined);
  useKeymap(
    (command) => {
      if (fullText.handle(command, items.length > 0)) return true;
      if (command === Command.Confirm) {
        const entry = entries[get()];
        if (!entry) return true;
        if (knowledge.topics.some((x) => x.id === entry.topic)) navigate({ type: 'open', route: { screen: 'topic', topicId: entry.topic }, save: { selected: get() } });
        else setMissingTopic(entry.topic);
      } else {
        setMissingTopic(undefined);
        return move(command, { count: items.length });
      }
      return true;
    },
    { scopes: SCREEN_SCOPES.history },
  );
  const { theme, columns } = frame;
  const chosen = items[Math.min(selected, items.length - 1)];
  const warnings = read.ok ? read.warnings.slice(0, 2) : [];
  // The full text takes what the path, the warnings above the list and two rows of the list leave: counted without the
  // warnings, it made the frame two rows taller than the terminal beside a damaged log.
  const fullRows = full && chosen ? fullTextLines(chosen, columns, Math.max(1, frame.bodyRows - 5 - warnings.length)) : [];
  return (
    <ScreenFrame frame={frame} title={t('history.title')} status={read.ok ? t('history.count', { count: entries.length }) : ''} hints={hints}>
      <Text color={theme.text.secondary} wrap="truncate-end">
        {truncateWidth(t('history.file', { path: safeText(audit.path) }), columns)}
      </Text>
      {!read.ok && <ErrorPanel error={read.error} theme={theme} />}
      {warnings.map((w, i) => (
        <StatusLine key={i} kind="warning" wrap="truncate-end" text={truncateWidth(w, columns - 2)} theme={theme} />
      ))}
      {/* Nothing whole in the part read, with more before it: not "no fix was run" (a regression tester). */}
      {read.ok && entries.length === 0 && <StatusLine kind="info" text={t(read.unread ? 'history.noneRead' : 'history.empty')} theme={theme} />}
      {missingTopic !== undefined && <StatusLine kind="warning" wrap="truncate-end" text={truncateWidth(oneLine(t('history.noTopic', { topic: safeText(missingTopic) })), columns - 2)} theme={theme} />}
      <Box flexDirection="column" marginTop={1}>
        {entries.length > 0 && (
          <SelectList items={items} selected={Math.min(selected, items.length - 1)} height={Math.max(2, frame.bodyRows - 2 - warnings.length - (full ? fullRows.length + 1 : 0))} width={columns} theme={theme} />
        )}
        {full && <FullText lines={fullRows} theme={theme} />}
      </Box>
    </ScreenFrame>
  );
}
