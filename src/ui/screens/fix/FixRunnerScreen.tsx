import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { commandToPaste, prefillFromEntities } from '../../../core/fixes/plan-fix.js';
import { AFTER_ANSWER_MS } from '../../../core/fixes/answer-timing.js';
import type { ResolvedTopic } from '../../../core/knowledge/kb.js';
import type { ClipboardResult } from '../../../platform/clipboard.js';
import { FIELD_ROWS, ParamForm } from '../../components/ParamForm.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useSettings } from '../../contexts/SettingsContext.js';
import { localizeFix } from '../../../core/knowledge/fix-text.js';
import { buildFields, formProblems, planFromForm, withPlanProblems } from './form.js';
import { useFixRunner } from '../../hooks/use-fix-runner.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useScreenReducer } from '../../hooks/use-screen-reducer.js';
import { moveSelection } from '../../hooks/use-selection-list.js';
import { editText } from '../../text/text-buffer.js';
import { useT } from '../../hooks/use-t.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import type { InlineFix, Route } from '../../navigation.js';
import { truncateWidth } from '../../../core/text/wrap-ansi.js';
import { findTopic } from '../../../core/knowledge/topic-text.js';
import { fixHints } from './hints.js';
import { FixReview } from './FixReview.js';
import { FixRunView, outcomeRows, outputTop } from './FixRunView.js';
import { formReducer, initFormState } from './form-reducer.js';

/** The topic with the route's inline fix among its fixes (in place of a declared fix with the same id). */
function withInlineFix(topic: ResolvedTopic | undefined, inline: InlineFix | undefined): ResolvedTopic | undefined {
  if (!topic || !inline) return topic;
  return { ...topic, fixes: [...topic.fixes.filter((f) => f.id !== inline.fix.id), inline.fix] };
}

/** The most a placeholder's value holds. */
const MAX_PARAM = 1024;

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
  // The plan is made from the topic with its fixes in that language too, so that what the plan shows (its title, what
  // it changes) is in it as well: made from the English topic, "Changes:" stayed English under a Chinese title.
  const localTopic = useMemo(() => (topic && knowledgeLocale !== 'en' ? { ...topic, fixes: topic.fixes.map((f) => localizeFix(f, knowledgeLocale)) } : topic), [topic, knowledgeLocale]);
  const fix = useMemo(() => localTopic?.fixes.find((f) => f.id === route.fixId), [localTopic, route.fixId]);
  const prefill = useMemo(() => (fix ? prefillFromEntities(fix, route.entities) : {}), [fix, route.entities]);
  const [form, dispatchForm, getForm] = useScreenReducer(formReducer, () => initFormState(Object.keys(fix?.params ?? {}), { ...prefill, ...inline?.values }));
  const { values, focus } = form;
  const [blocked, setBlocked] = useState(false);
  const [copied, setCopied] = useState<ClipboardResult | undefined>(undefined);
  const [quitNote, setQuitNote] = useState(false);
  const [offset, setOffset] = useState<number | undefined>(undefined);

  const os = platform.programs.platform;
  // What the plan counts as the paste's (an image from it asks for the typed word): the version check's values only where
  // they are still what the paste gave its fields; what the user typed there is theirs.
  const pastedPrefill = useMemo(
    () => (route.prefilledBy === 'compat' && fix ? Object.fromEntries(Object.entries(prefill).filter(([name]) => route.pasted?.includes(fix.params[name]?.entity ?? '') === true)) : prefill),
    [route.prefilledBy, route.pasted, fix, prefill],
  );
  const planned = localTopic && fix ? planFromForm(localTopic, fix.id, values, pastedPrefill, route.entities, os) : undefined;
  const fields = fix ? withPlanProblems(buildFields(fix, values, prefill, t, route.prefilledBy), planned && !planned.ok ? planned.error : [], t) : [];
  // An inline fix comes with its values, checked where it was built: Back (not the form) is where they change.
  const editable = fields.length > 0 && !inline;
  const hints = fixHints(state, editable, state.phase === 'confirm' && state.plan.confirmWord !== undefined);
  // The word typed to confirm a high-risk fix is a text field (its letters are text: no y, n or c there).
  const confirmScopes = state.phase === 'confirm' && state.plan.confirmWord !== undefined ? SCREEN_SCOPES.typedWord : SCREEN_SCOPES.confirm;
  const frame = useFrame(hints, state.phase === 'idle' ? SCREEN_SCOPES.fixForm : state.phase === 'confirm' ? confirmScopes : state.phase === 'running' ? SCREEN_SCOPES.fixRunning : SCREEN_SCOPES.fixResult);
  const { theme, columns } = frame;
  const outRows = Math.max(1, frame.bodyRows - 2 - (state.phase === 'done' ? outcomeRows(state, columns, t) : 0));

  useEffect(() => {
    // A fix without placeholders (or with its values given) has nothing to fill: straight to the checks and the question.
    // Opening a fix from a topic is no request to run it: a refusal found here is shown, not recorded in the audit log.
    // An inline fix (the wizard's run key) was asked for.
    if ((fields.length === 0 || inline) && planned?.ok) runner.review(planned.value, { asked: inline !== undefined });
    // Only on opening; every later review starts from a key.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const copy = (command: string) => {
    setCopied(undefined);
    void platform.clipboard.copy(command).then(setCopied, (e: unknown) => setCopied({ ok: false, reason: e instanceof Error ? e.message : String(e) }));
  };

  /** The form: typing edits the field in focus; Enter goes on only when every value is valid. */
  const onFormKey = (command: Command, text: string | undefined): boolean => {
    if (!localTopic || !fix) return false;
    const names = Object.keys(fix.params);
    const now = getForm();
    const name = names[now.focus];
    if (name !== undefined) {
      const value = now.values[name] ?? '';
      const edited = editText({ text: value, cursor: Math.min(now.cursor, value.length) }, command, command === Command.Paste ? (text ?? '').trim() : text, { maxLength: MAX_PARAM });
      if (edited) {
        dispatchForm({ type: 'edit', name, buffer: edited });
        setBlocked(false);
        return true;
      }
    }
    const count = names.length;
    // The fields wrap around, as one form does everywhere (Tab from the last goes to the first).
    const focusTo = (f: number) => dispatchForm({ type: 'focus', index: f });
    const moved = command === Command.FocusNext ? Command.Down : command === Command.FocusPrevious ? Command.Up : command;
    const next = moved === Command.Up || moved === Command.Down ? moveSelection(now.focus, moved, { count, wrap: true }) : undefined;
    if (next !== undefined) {
      focusTo(next);
      return true;
    }
    switch (command) {
      case Command.Confirm: {
        const now = planFromForm(localTopic, fix.id, getForm().values, pastedPrefill, route.entities, os);
        if (now.ok) {
          setCopied(undefined);
          runner.review(now.value);
          return true;
        }
        setBlocked(true);
        const firstBad = buildFields(fix, getForm().values, prefill, t, route.prefilledBy).findIndex((f) => f.reason !== undefined);
        if (firstBad >= 0) focusTo(firstBad);
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
        // Esc and Ctrl+C stop the child, not wcdoctor; q and h wait until the fix has ended (leaving the screen would
        // stop it unseen, halfway through its change).
        if (command === Command.Back || command === Command.Interrupt) runner.cancel();
        else if (command === Command.Quit || command === Command.Home) setQuitNote(true);
        else return false;
        return true;
      }
      if (command === Command.Back) {
        navigate({ type: 'back' });
        return true;
      }
      if (s.phase === 'idle') return onFormKey(command, text);
      if (s.phase === 'checking') return false;
      if (command === Command.Copy) {
        // What is copied is what to paste where the fix runs: a PowerShell fix stopping at its first error, as wcdoctor's
        // own run does, and a docker line quoted for the Windows host (an attacker helper: the bare line went on after a
        // failed Push-Location; a POSIX line ran code in PowerShell).
        copy(commandToPaste(s.plan));
        return true;
      }
      if (s.phase === 'confirm') return false;
      if (command === Command.Confirm) {
        if (!editable) return true;
        // An Enter right after the answer that started the fix is that answer's, not a wish to edit the values.
        if (s.phase === 'done' && Date.now() - s.startedAt < AFTER_ANSWER_MS) return true;
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
    {
      text: () => runner.state.phase === 'idle',
      scopes: () => (runner.state.phase === 'idle' ? SCREEN_SCOPES.fixForm : runner.state.phase === 'running' ? SCREEN_SCOPES.fixRunning : SCREEN_SCOPES.fixResult),
    },
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
          <ParamForm fields={fields} focused={focus} cursor={form.cursor} width={columns} height={Math.max(FIELD_ROWS, frame.bodyRows - 1 - notes.length)} theme={theme} />
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
