import { useFullText } from '../../components/FullText.js';
import { Box, Text } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CHECKS } from '../../../core/check/checks/index.js';
import { COLLECT_TIMEOUT_MS, collectHostFacts, recordCollectRefusal, type CollectDeps, type CollectorScript, type CollectProblem } from '../../../core/check/collect.js';
import { evaluateHostSteps, type HostReport } from '../../../core/check/evaluate.js';
import { formatCollectorPreview } from '../../../core/check/format.js';
import { wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { findTopic } from '../../../core/knowledge/topic-text.js';
import { checkAuditLog, DECLINED_REASON } from '../../../core/fixes/preflight.js';
import { ConfirmPrompt } from '../../components/ConfirmPrompt.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { ScrollView, maxOffset } from '../../components/ScrollView.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useScreenReducer } from '../../hooks/use-screen-reducer.js';
import { useT } from '../../hooks/use-t.js';
import type { MessageKey, T } from '../../i18n.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import type { CheckRoute } from './CheckScreen.js';
import { FindingsPane, resultsCommand, type ResultsCursor } from './FindingsPane.js';
import { checkTitle } from './findings.js';
import { safeText } from '../../text/safe-text.js';
import { footerHints } from '../../footers.js';
import { COLLECT_PROBLEM_KEYS } from '../../check-text.js';

/** Where a check of this host is: the commands shown and the question, the run, the evaluation, the findings. */
export type HostPhase =
  | { phase: 'preview'; elevated?: boolean; ready: boolean; blocked?: string; script?: CollectorScript }
  | { phase: 'declined'; auditError?: string }
  | { phase: 'collecting'; startedAt: number }
  | { phase: 'evaluating'; index: number; count: number; check: string }
  | { phase: 'failed'; reason: string; stderrTail: string[]; auditError?: string }
  | { phase: 'done'; report: HostReport; auditError?: string };

interface HostState {
  run: HostPhase;
  /** The preview's scroll offset. */
  offset: number;
  cursor: ResultsCursor;
}

type HostAction = { type: 'phase'; run: HostPhase } | { type: 'scroll'; offset: number } | { type: 'cursor'; cursor: ResultsCursor };

function hostReducer(s: HostState, a: HostAction): HostState {
  switch (a.type) {
    case 'phase':
      return { ...s, run: a.run, ...(a.run.phase === 'preview' ? { offset: 0 } : {}), ...(a.run.phase === 'done' ? { cursor: { selected: 0 } } : {}) };
    case 'scroll':
      return { ...s, offset: a.offset };
    case 'cursor':
      return { ...s, cursor: a.cursor };
  }
}

const REVIEW_HINTS = footerHints('checkPreview');
const PREVIEW_ONLY_HINTS = footerHints('checkPreviewOnly');
const RUN_HINTS = footerHints('checkRunning');
const END_HINTS = footerHints('checkEnded');
const DONE_HINTS = footerHints('checkDone');

/** A line wrapped to the width, its continuation lines indented under its text (a long command stays readable). */
function wrapIndented(line: string, width: number): string[] {
  if (line === '') return [''];
  const lead = /^ */.exec(line)?.[0].length ?? 0;
  const indent = Math.min(lead + 2, Math.floor(width / 3));
  const [first = '', ...rest] = wrapAnsiText(line, width);
  const more = rest.length ? wrapAnsiText(line.slice(first.length).trimStart(), Math.max(10, width - indent)) : [];
  return [first, ...more.map((l) => `${' '.repeat(indent)}${l}`)];
}

const PROBLEM = COLLECT_PROBLEM_KEYS;

/** Why a run gave no findings, in the interface language. */
function problemText(t: T, p: CollectProblem, run: { exitCode: number | null; error?: string }): string {
  const params = { seconds: COLLECT_TIMEOUT_MS / 1000, error: run.error ?? '', code: run.exitCode ?? '—' };
  return t('check.app.failed', { reason: t(PROBLEM[p.kind], params) });
}

/**
 * "Check this host": the read-only commands the collector runs and one question (a key pressed on its own, as for
 * fixes); then the collector through the fix runner (the audit log records the run or the refusal), progress per
 * check as the findings are made, and the findings, each opening its known issue.
 */
export function HostCheck({ route }: { route: CheckRoute }) {
  const t = useT();
  const navigate = useNavigate();
  const platform = usePlatform();
  const { knowledge } = platform;
  const [state, dispatch, get] = useScreenReducer(hostReducer, (): HostState => ({
    run: route.report ? { phase: 'done', report: route.report } : { phase: 'preview', ready: false },
    offset: 0,
    cursor: route.cursor ?? { selected: 0 },
  }));
  const { run } = state;
  const deps = useMemo<CollectDeps>(
    () => ({
      runCommand: platform.shell.runCommand,
      appendAudit: (e) => platform.audit.append(e),
      probeAudit: () => platform.audit.probe(),
      now: () => new Date(),
    }),
    [platform],
  );
  const controller = useRef<AbortController | undefined>(undefined);
  const generation = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      generation.current++;
      controller.current?.abort();
    };
  }, []);

  /** Shows the commands and asks: elevation read for the note, the audit log checked first (a run it cannot record is not offered). */
  const preview = useCallback(() => {
    const mine = ++generation.current;
    dispatch({ type: 'phase', run: { phase: 'preview', ready: false } });
    void platform.elevation
      .check()
      .then((e) => (e.kind === 'elevated' ? true : e.kind === 'not-elevated' ? false : undefined))
      .catch(() => undefined)
      .then((elevated) => {
        if (!mounted.current || generation.current !== mine) return;
        // The script is read once, here: its digest is shown with the commands, and a yes runs exactly this text.
        let script: CollectorScript;
        try {
          script = platform.collector.read();
        } catch (e) {
          return dispatch({ type: 'phase', run: { phase: 'failed', reason: t('check.app.failed', { reason: e instanceof Error ? e.message : String(e) }), stderrTail: [] } });
        }
        const blocked = checkAuditLog(deps.probeAudit);
        dispatch({ type: 'phase', run: { phase: 'preview', ready: true, script, ...(elevated !== undefined ? { elevated } : {}), ...(blocked ? { blocked: blocked.message } : {}) } });
      });
  }, [deps, dispatch, platform, t]);
  useEffect(() => {
    if (get().run.phase === 'preview') preview();
  }, [get, preview]);

  /** Evaluates the facts one check at a time, a tick apart, so each step is drawn. */
  const evaluate = useCallback(
    (report: Generator<unknown, HostReport, void>, mine: number, auditError: string | undefined) => {
      let index = 0;
      const step = () => {
        if (!mounted.current || generation.current !== mine) return;
        const next = report.next();
        if (next.done) return dispatch({ type: 'phase', run: { phase: 'done', report: next.value, ...(auditError ? { auditError } : {}) } });
        index++;
        dispatch({ type: 'phase', run: { phase: 'evaluating', index, count: CHECKS.length, check: CHECKS[index - 1]?.id ?? '' } });
        setTimeout(step, 0);
      };
      step();
    },
    [dispatch],
  );

  const answer = useCallback(
    (yes: boolean) => {
      const s = get().run;
      const script = s.phase === 'preview' ? s.script : undefined;
      if (s.phase !== 'preview' || !s.ready || s.blocked || !script || controller.current) return;
      if (!yes) {
        const { auditError } = recordCollectRefusal(DECLINED_REASON, deps, script);
        dispatch({ type: 'phase', run: { phase: 'declined', ...(auditError ? { auditError } : {}) } });
        return;
      }
      // Checked again at the moment of running: the question may have waited a while.
      const blocked = checkAuditLog(deps.probeAudit);
      if (blocked) return dispatch({ type: 'phase', run: { ...s, blocked: blocked.message } });
      const mine = ++generation.current;
      const ac = new AbortController();
      controller.current = ac;
      dispatch({ type: 'phase', run: { phase: 'collecting', startedAt: Date.now() } });
      void collectHostFacts(script, deps, { signal: ac.signal, timeoutMs: COLLECT_TIMEOUT_MS })
        .then((r) => {
          if (!mounted.current || generation.current !== mine) return;
          const auditError = r.run.auditError;
          if (!r.ok) return dispatch({ type: 'phase', run: { phase: 'failed', reason: problemText(t, r.problem, r.run), stderrTail: r.problem.stderrTail, ...(auditError ? { auditError } : {}) } });
          const doc = r.input.docs[0];
          if (doc) evaluate(evaluateHostSteps(doc), mine, auditError);
        })
        .finally(() => {
          if (controller.current === ac) controller.current = undefined;
        });
    },
    [deps, dispatch, evaluate, get, platform, t],
  );

  const collecting = run.phase === 'collecting';
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!collecting) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [collecting]);

  const hasTopic = (id: string) => findTopic(knowledge, id) !== undefined;
  const fullText = useFullText();
  // The Yes/No prompt shows (and its keys work) only once the preview is ready and an audit log can be written.
  const asking = run.phase === 'preview' && run.ready && !run.blocked;
  const hints = run.phase === 'preview' ? (asking ? REVIEW_HINTS : PREVIEW_ONLY_HINTS) : run.phase === 'collecting' || run.phase === 'evaluating' ? RUN_HINTS : run.phase === 'done' ? DONE_HINTS : END_HINTS;
  const scopes = run.phase === 'done' ? SCREEN_SCOPES.checkHostResults : asking ? SCREEN_SCOPES.checkPreview : SCREEN_SCOPES.checkRun;
  const frame = useFrame(hints, scopes);
  const { theme, columns } = frame;
  const previewLines = run.phase === 'preview' ? formatCollectorPreview((k, p) => t(k as MessageKey, p), run.elevated, run.script?.sha256)
          .trimEnd()
          .split('\n')
          .flatMap((line) => wrapIndented(line, columns))
      : [];
  const previewRows = Math.max(3, frame.bodyRows - 3);

  useKeymap(
    (command) => {
      const s = get();
      const r = s.run;
      if (r.phase === 'collecting' || r.phase === 'evaluating') {
        // Ctrl+C or Esc stops the collector (the run is recorded as cancelled); no other key acts meanwhile.
        if ((command === Command.Interrupt || command === Command.Back) && r.phase === 'collecting') controller.current?.abort();
        return true;
      }
      if (command === Command.Restart && r.phase !== 'preview') {
        preview();
        return true;
      }
      if (r.phase === 'preview') {
        const scroll = (n: number) => dispatch({ type: 'scroll', offset: Math.max(0, Math.min(n, maxOffset(previewLines.length, previewRows))) });
        if (command === Command.Up || command === Command.Down) scroll(s.offset + (command === Command.Up ? -1 : 1));
        else if (command === Command.PageUp || command === Command.PageDown) scroll(s.offset + (command === Command.PageUp ? -1 : 1) * Math.max(1, previewRows - 1));
        else if (command === Command.First || command === Command.Last) scroll(command === Command.First ? 0 : previewLines.length);
        else return false;
        return true;
      }
      if (r.phase !== 'done') return false;
      if (fullText.handle(command)) return true;
      const results = { kind: 'host' as const, report: r.report };
      const step = resultsCommand(results, s.cursor, command, hasTopic);
      if (step.kind === 'topic') navigate({ type: 'open', route: { screen: 'topic', topicId: step.topic }, save: { report: r.report, cursor: s.cursor } });
      else if (step.kind === 'cursor') dispatch({ type: 'cursor', cursor: step.cursor });
      else if (step.kind === 'full') fullText.show();
      else return false;
      return true;
    },
    { scopes: () => (get().run.phase === 'done' ? SCREEN_SCOPES.checkHostResults : SCREEN_SCOPES.checkRun) },
  );

  const body = () => {
    switch (run.phase) {
      case 'preview':
        return (
          <Box flexDirection="column">
            <ScrollView lines={previewLines} offset={Math.min(state.offset, maxOffset(previewLines.length, previewRows))} height={previewRows} theme={theme} />
            {!run.ready ? (
              <Text color={theme.text.secondary}>{t('check.app.elevation')}</Text>
            ) : run.blocked ? (
              <StatusLine kind="error" text={t('check.app.noAudit', { reason: run.blocked })} theme={theme} />
            ) : (
              <ConfirmPrompt question={t('check.app.confirm')} onAnswer={answer} theme={theme} />
            )}
          </Box>
        );
      case 'declined':
        return (
          <Box flexDirection="column">
            <StatusLine kind="info" text={t('check.app.declined')} theme={theme} />
            {run.auditError && <StatusLine kind="warning" text={t('check.app.auditError', { reason: run.auditError })} theme={theme} />}
          </Box>
        );
      case 'collecting':
        return <StatusLine kind="info" text={t('check.app.collecting', { seconds: Math.max(0, Math.floor((now - run.startedAt) / 1000)) })} theme={theme} />;
      case 'evaluating':
        return <StatusLine kind="info" text={t('check.app.evaluating', { index: run.index, count: run.count, title: checkTitle(t, run.check) })} theme={theme} />;
      case 'failed':
        return (
          <Box flexDirection="column">
            <StatusLine kind="error" text={run.reason} theme={theme} />
            {run.stderrTail.map((line, i) => (
              <Text key={i} color={theme.text.secondary} wrap="truncate-end">
                {`  ${safeText(line)}`}
              </Text>
            ))}
            {run.auditError && <StatusLine kind="warning" text={t('check.app.auditError', { reason: run.auditError })} theme={theme} />}
          </Box>
        );
      case 'done':
        return (
          <Box flexDirection="column">
            {run.auditError && <StatusLine kind="warning" wrap="truncate-end" text={t('check.app.auditError', { reason: run.auditError })} theme={theme} />}
            <FindingsPane results={{ kind: 'host', report: run.report }} cursor={state.cursor} height={frame.bodyRows - (run.auditError ? 1 : 0)} width={columns} theme={theme} focused hasTopic={hasTopic} full={fullText.open} />
          </Box>
        );
    }
  };
  return (
    <ScreenFrame frame={frame} title={t('check.app.host')} hints={hints}>
      {body()}
    </ScreenFrame>
  );
}
