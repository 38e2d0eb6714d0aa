import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { prefillFromEntities } from '../../core/fixes/plan-fix.js';
import type { ResolvedTopic } from '../../core/knowledge/kb.js';
import type { ClipboardResult } from '../../platform/clipboard.js';
import { FIELD_ROWS, ParamForm } from '../components/ParamForm.js';
import { ScreenFrame, useFrame } from '../components/ScreenFrame.js';
import { StatusLine } from '../components/StatusLine.js';
import { useNavigate } from '../contexts/NavigationContext.js';
import { usePlatform } from '../contexts/PlatformContext.js';
import { useSettings } from '../contexts/SettingsContext.js';
import { localizeFix } from '../../core/knowledge/fix-text.js';
import { buildFields, formProblems, planFromForm } from '../fix/fix-form.js';
import { useFixRunner } from '../hooks/use-fix-runner.js';
import { useKeymap } from '../hooks/use-keymap.js';
import { useSyncedState } from '../hooks/use-synced-state.js';
import { useT } from '../hooks/use-t.js';
import { Command } from '../keys.js';
import type { InlineFix, Route } from '../navigation.js';
import { truncateWidth } from '../text/wrap-ansi.js';
import { findTopic } from '../topic/topic-text.js';
import { COPY_KEY, fixHints } from './fix-hints.js';
import { FixReview } from './FixReview.js';
import { FixRunView, outcomeRows, outputTop } from './FixRunView.js';

/** The topic with the route's inline fix among its fixes (in place of a declared fix with the same id). */
function withInlineFix(topic: ResolvedTopic | undefined, inline: InlineFix | undefined): ResolvedTopic | undefined {
  if (!topic || !inline) return topic;
  return { ...topic, fixes: [...topic.fixes.filter((f) => f.id !== inline.fix.id), inline.fix] };
}

const isEditKey = (c: Command): boolean => c === Command.Insert || c === Command.Paste || c === Command.Backspace || c === Command.ClearText;

export function FixRunnerScreen({ route }: { route: Extract<Route, { screen: 'fix' }> }) {
  const t = useT();
  const navigate = useNavigate();
  const platform = usePlatform();
  const runner = useFixRunner();
  const { state } = runner;
  const { inline } = route;
  const topic = useMemo(() => withInlineFix(findTopic(platform.knowledge, route.topicId), inline), [platform.knowledge, route.topicId, inline]);
  // The fix's words (title, what it changes, its placeholders) in the topic language.
  const { knowledgeLocale } = useSettings();
  const fix = useMemo(() => localizeFix(topic?.fixes.find((f) => f.id === route.fixId), knowledgeLocale), [topic, route.fixId, knowledgeLocale]);
  const prefill = useMemo(() => (fix ? prefillFromEntities(fix, route.entities) : {}), [fix, route.entities]);
  const [values, setValues, valuesRef] = useSyncedState<Record<string, string>>(() => ({ ...Object.fromEntries(Object.keys(fix?.params ?? {}).map((n) => [n, ''])), ...prefill, ...inline?.values }));
  const [focus, setFocus, focusRef] = useSyncedState(0);
  const [blocked, setBlocked] = useState(false);
  const [copied, setCopied] = useState<ClipboardResult | undefined>(undefined);
  const [quitNote, setQuitNote] = useState(false);
  const [offset, setOffset] = useState<number | undefined>(undefined);

  const os = platform.programs.platform;
  const fields = fix ? buildFields(fix, values, prefill, t) : [];
  const planned = topic && fix ? planFromForm(topic, fix.id, values, prefill, route.entities, os) : undefined;
  // An inline fix comes with its values, checked where it was built: Back (not the form) is where they change.
  const editable = fields.length > 0 && !inline;
  const hints = fixHints(state, editable, state.phase === 'confirm' && state.plan.confirmWord !== undefined);
  const frame = useFrame(hints);
  const { theme, columns } = frame;
  const outRows = Math.max(1, frame.bodyRows - 2 - (state.phase === 'done' ? outcomeRows(state, columns, t) : 0));

  useEffect(() => {
    // A fix without placeholders (or with its values given) has nothing to fill: straight to the checks and the question.
    if ((fields.length === 0 || inline) && planned?.ok) runner.review(planned.value);
    // Only on opening; every later review starts from a key.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const copy = (command: string) => {
    setCopied(undefined);
    void platform.clipboard.copy(command).then(setCopied, (e: unknown) => setCopied({ ok: false, reason: e instanceof Error ? e.message : String(e) }));
  };

  /** The form: typing edits the field in focus; Enter goes on only when every value is valid. */
  const onFormKey = (command: Command, text: string | undefined): boolean => {
    if (!topic || !fix) return false;
    if (isEditKey(command)) {
      const name = Object.keys(fix.params)[focusRef.current];
      if (name === undefined) return true;
      const edit = (v: string) =>
        command === Command.Backspace ? Array.from(v).slice(0, -1).join('') : command === Command.ClearText ? '' : v + (text ?? '').replace(/(?<![\r\n])[\r\n]+$/, '');
      setValues((vs) => ({ ...vs, [name]: edit(vs[name] ?? '') }));
      setBlocked(false);
      return true;
    }
    const count = Object.keys(fix.params).length;
    switch (command) {
      case Command.Up:
      case Command.FocusPrevious:
        setFocus((f) => (count ? (f - 1 + count) % count : 0));
        return true;
      case Command.Down:
      case Command.FocusNext:
        setFocus((f) => (count ? (f + 1) % count : 0));
        return true;
      case Command.Confirm: {
        const now = planFromForm(topic, fix.id, valuesRef.current, prefill, route.entities, os);
        if (now.ok) {
          setCopied(undefined);
          runner.review(now.value);
          return true;
        }
        setBlocked(true);
        const firstBad = buildFields(fix, valuesRef.current, prefill, t).findIndex((f) => f.reason !== undefined);
        if (firstBad >= 0) setFocus(firstBad);
        return true;
      }
      default:
        return false;
    }
  };

  useKeymap(
    (command, text) => {
      const s = runner.state;
      if (s.phase === 'running') {
        // Esc and Ctrl+C stop the child, not wcdoctor; q waits until the fix has ended.
        if (command === Command.Back || command === Command.Interrupt) runner.cancel();
        else if (command === Command.Quit) setQuitNote(true);
        else return false;
        return true;
      }
      if (command === Command.Back) {
        navigate({ type: 'back' });
        return true;
      }
      if (s.phase === 'idle') return onFormKey(command, text);
      if (s.phase === 'checking') return false;
      if (command === Command.Insert && text?.toLowerCase() === COPY_KEY) {
        copy(s.plan.command);
        return true;
      }
      if (s.phase === 'confirm') return false;
      if (command === Command.Confirm) {
        if (!editable) return true;
        setOffset(undefined);
        setCopied(undefined);
        runner.reset();
        return true;
      }
      if (s.phase !== 'done') return false;
      const total = s.output.lines.length;
      const top = outputTop(total, outRows, offset);
      const page = Math.max(1, outRows - 1);
      const to: Partial<Record<Command, number>> = { [Command.Up]: top - 1, [Command.Down]: top + 1, [Command.PageUp]: top - page, [Command.PageDown]: top + page, [Command.First]: 0, [Command.Last]: total };
      const next = to[command];
      if (next === undefined) return false;
      setOffset(Math.max(0, next));
      return true;
    },
    { text: state.phase === 'idle' },
  );

  const body = () => {
    if (!topic || !fix) return <StatusLine kind="error" text={t('fix.notFound', { topic: route.topicId, fix: route.fixId })} theme={theme} />;
    if (state.phase === 'idle') {
      const notes = [...(blocked ? [t('fix.form.blocked')] : []), ...(planned && !planned.ok ? formProblems(planned.error, fields, t) : [])];
      return (
        <Box flexDirection="column">
          <Text color={theme.text.secondary} wrap="truncate-end">
            {truncateWidth(fields.length ? t('fix.form.prompt') : t('fix.form.none'), columns)}
          </Text>
          <ParamForm fields={fields} focused={focus} width={columns} height={Math.max(FIELD_ROWS, frame.bodyRows - 1 - notes.length)} theme={theme} />
          {notes.map((n, i) => (
            <StatusLine key={i} kind="error" wrap="truncate-end" text={truncateWidth(n, columns - 2)} theme={theme} />
          ))}
        </Box>
      );
    }
    if (state.phase === 'running' || state.phase === 'done') {
      const note = quitNote && state.phase === 'running';
      return (
        <Box flexDirection="column">
          <FixRunView state={state} elapsedMs={runner.elapsedMs} timeoutMs={runner.timeoutMs} offset={offset} width={columns} height={frame.bodyRows - (note ? 1 : 0)} theme={theme} />
          {note && <StatusLine kind="warning" wrap="truncate-end" text={t('fix.run.quitBlocked')} theme={theme} />}
        </Box>
      );
    }
    return <FixReview state={state} copied={copied} onConfirm={runner.confirm} onDecline={runner.decline} width={columns} theme={theme} />;
  };

  return (
    <ScreenFrame frame={frame} title={t('fix.title', { title: fix?.title ?? route.fixId })} status={route.topicId} hints={hints}>
      {body()}
    </ScreenFrame>
  );
}
