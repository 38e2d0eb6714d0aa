import { Box, Text } from 'ink';
import { formatSeconds } from '../../../core/i18n/format-number.js';
import { ScrollView, maxOffset } from '../../components/ScrollView.js';
import { Paragraph } from '../../components/Paragraph.js';
import { StatusLine } from '../../components/StatusLine.js';
import type { RunnerState } from './runner-state.js';
import { translateOutcome } from '../../fix-text.js';
import { shownCommand } from './plan-lines.js';
import { useI18n } from '../../contexts/I18nContext.js';
import { useEnding } from '../../contexts/EndingContext.js';
import type { T } from '../../i18n.js';
import { truncateWidth, wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import type { Theme } from '../../theme.js';

type RunState = Extract<RunnerState, { phase: 'running' | 'done' }>;

/** Lines under the output once the fix has ended: the result, the next step and any audit-log problem. */
export function outcomeRows(state: RunState, width: number, t: T): number {
  if (state.phase !== 'done') return 0;
  const rows = (text: string) => wrapAnsiText(text, width).length;
  const { headline, nextStep } = translateOutcome(state.outcome, t);
  return rows(`✔ ${headline}`) + rows(`→ ${nextStep}`) + (state.result.auditError ? 1 : 0);
}

/** Where the output view starts: the tail while it follows, else the offset the user scrolled to. */
export function outputTop(total: number, height: number, offset: number | undefined): number {
  return offset === undefined ? maxOffset(total, height) : Math.min(offset, maxOffset(total, height));
}

/**
 * Which output lines are on screen, numbered as the program printed them: when the first ones were not kept (only the
 * last MAX_OUTPUT_LINES are), it says so, since a tool often prints its error first (a tester read "lines 1–23 of 2000"
 * for the last 2,000 of 100,000 lines).
 */
export function linesNote(dropped: number, kept: number, top: number, rows: number, t: T): string {
  if (dropped > 0) return ` · ${t('fix.run.linesKept', { from: dropped + top + 1, to: dropped + Math.min(kept, top + rows), total: dropped + kept, kept })}`;
  return kept > rows ? ` · ${t('fix.run.lines', { from: top + 1, to: Math.min(kept, top + rows), total: kept })}` : '';
}

/**
 * A running or finished fix: the command, the elapsed time (or how it ended, with the exit code),
 * and its output as it arrives. `height` counts every line it may use.
 */
export function FixRunView({ state, elapsedMs, timeoutMs, offset, width, height, theme }: { state: RunState; elapsedMs: number; timeoutMs: number; offset: number | undefined; width: number; height: number; theme: Theme }) {
  const { t, locale } = useI18n();
  const ending = useEnding();
  const { lines } = state.output;
  const outRows = Math.max(1, height - 2 - outcomeRows(state, width, t));
  const top = outputTop(lines.length, outRows, offset);
  const shown = lines.length ? lines : [t(state.phase === 'done' ? 'fix.run.noOutputAtAll' : 'fix.run.noOutput')];
  const { result } = state.phase === 'done' ? state : { result: undefined };
  const outcome = state.phase === 'done' ? { ok: state.outcome.ok, ...translateOutcome(state.outcome, t) } : undefined;
  const ended = result
    ? t(result.exitCode === null ? 'fix.run.noExitCode' : 'fix.run.exitCode', { code: result.exitCode ?? '', duration: formatSeconds(result.durationMs, locale) })
    : undefined;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" color={theme.text.accent}>
        {truncateWidth(t('fix.run.command', { command: shownCommand(state.plan) }), width)}
      </Text>
      {state.phase === 'running' && ending ? (
        // The last frame: the whole sentence, wrapped (a long one was cut at the width).
        <StatusLine kind="warning" text={t('fix.run.ending', { signal: ending })} theme={theme} width={width} />
      ) : state.phase === 'running' ? (
        <StatusLine
          kind={state.cancelling ? 'warning' : 'info'}
          wrap="truncate-end"
          text={state.cancelling ? t('fix.run.cancelling') : t('fix.run.running', { elapsed: formatSeconds(elapsedMs, locale), limit: formatSeconds(timeoutMs, locale) })}
          theme={theme}
        />
      ) : (
        <Text wrap="truncate-end" color={theme.text.secondary}>
          {truncateWidth(`${ended ?? ''}${linesNote(state.output.dropped, lines.length, top, outRows, t)}`, width)}
        </Text>
      )}
      {/* Each line cut to the width here: ink's own cut overran by a column on a wide character, and a line of 中 wrapped and
          repeated the screen's title (found by a regression tester). */}
      <ScrollView lines={shown.map((text) => truncateWidth(text, width)).map((text) => (lines.length ? text : { text, role: 'secondary' as const }))} offset={lines.length ? top : 0} height={outRows} theme={theme} />
      {outcome && (
        <Box flexDirection="column">
          <StatusLine kind={outcome.ok && !result?.auditError ? 'success' : 'error'} text={outcome.headline} theme={theme} width={width} />
          <Paragraph text={`→ ${outcome.nextStep}`} width={width} />
          {result?.auditError && <StatusLine kind="error" wrap="truncate-end" text={t('fix.audit.notRecorded', { error: result.auditError })} theme={theme} />}
        </Box>
      )}
    </Box>
  );
}
