import { Box } from 'ink';
import type { ClipboardResult } from '../../../platform/clipboard.js';
import { ConfirmPrompt } from '../../components/ConfirmPrompt.js';
import { Paragraph } from '../../components/Paragraph.js';
import { ScrollView } from '../../components/ScrollView.js';
import { StatusLine } from '../../components/StatusLine.js';
import { TypedConfirmPrompt } from '../../components/TypedConfirmPrompt.js';
import type { RunnerState } from './runner-state.js';
import { translateRefusal } from '../../fix-text.js';
import { buildPlanLines, commandWraps } from './plan-lines.js';
import { useT } from '../../hooks/use-t.js';
import type { Theme } from '../../theme.js';

type ReviewState = Extract<RunnerState, { phase: 'checking' | 'confirm' | 'refused' | 'declined' }>;

/**
 * The plan before anything runs, and under it what happens next: the checks, the question (Yes/No,
 * or the typed word for a high-risk fix), the refusal with the command to copy, or the decline.
 */
export function FixReview({ state, copied, onConfirm, onDecline, width, theme }: { state: ReviewState; copied: ClipboardResult | undefined; onConfirm: () => void; onDecline: () => void; width: number; theme: Theme }) {
  const t = useT();
  // Refused because it cannot run here: the line shown is the one to run where it can, as `c` copies it.
  const elsewhere = state.phase === 'refused' && state.refusal === 'cannot-run';
  const lines = buildPlanLines(state.plan, t, width, elsewhere);
  const copyLine = copied && (
    <StatusLine kind={copied.ok ? 'success' : 'warning'} text={copied.ok ? (copied.sent ? t('fix.copy.sent') : t('fix.copy.done', { tool: copied.tool })) : t('fix.copy.failed', { reason: copied.noTool ? t('clipboard.noTool') : copied.reason })} theme={theme} width={width} />
  );
  // A refusal from core comes with its id (translated); without one, the English audit reason is all there is.
  const reason = state.phase !== 'refused' ? '' : state.detail ? translateRefusal(state.detail, t) : state.refusal === 'not-elevated' ? t('fix.refused.notElevated') : state.reason;
  const auditError = state.phase === 'refused' || state.phase === 'declined' ? state.auditError : undefined;
  return (
    <Box flexDirection="column">
      <ScrollView lines={lines} offset={0} height={lines.length} theme={theme} />
      <Box flexDirection="column" marginTop={1}>
        {state.phase === 'checking' && <StatusLine kind="info" text={t('fix.checking')} theme={theme} width={width} />}
        {state.phase === 'confirm' && state.warning && <StatusLine kind="warning" text={translateRefusal(state.warning, t)} theme={theme} width={width} />}
        {state.phase === 'confirm' &&
          (state.plan.confirmWord !== undefined ? (
            <TypedConfirmPrompt word={state.plan.confirmWord} onConfirm={onConfirm} onCancel={onDecline} theme={theme} prompt={state.plan.risk !== 'high' && state.plan.pastedImage !== undefined ? 'pastedImage' : 'highRisk'} />
          ) : (
            <ConfirmPrompt question={t('fix.confirm.question')} onAnswer={(yes) => (yes ? onConfirm() : onDecline())} theme={theme} />
          ))}
        {state.phase === 'refused' && (
          <>
            <StatusLine kind="error" text={state.refusal === 'cannot-run' ? t('fix.refused.cannotRun', { reason }) : reason} theme={theme} width={width} />
            <Paragraph
              // A command shown on several lines is copied with c: a hand selection would take its line breaks (found by a tester).
              text={t(state.refusal === 'cannot-run' ? (commandWraps(state.plan, width, elsewhere) ? 'fix.refused.copyHintWrapped' : 'fix.refused.copyHint') : state.refusal === 'no-audit' ? 'fix.refused.auditHint' : 'fix.refused.elevate')}
              width={width}
            />
          </>
        )}
        {state.phase === 'declined' && <StatusLine kind="info" text={t('fix.declined')} theme={theme} width={width} />}
        {copyLine}
        {auditError && <StatusLine kind="warning" text={t('fix.audit.failed', { error: auditError })} theme={theme} width={width} />}
      </Box>
    </Box>
  );
}
