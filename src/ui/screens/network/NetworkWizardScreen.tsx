import { Box, Text } from 'ink';
import { recommendationOf, fieldsFor, initWizardState, wizardReducer, type WizardAction, type WizardState } from '../../../core/network/wizard-reducer.js';
import type { KeyHint } from '../../components/KeyHints.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { ScrollView, maxOffset } from '../../components/ScrollView.js';
import { SelectList } from '../../components/SelectList.js';
import { StatusLine, type StatusKind } from '../../components/StatusLine.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useScreenReducer } from '../../hooks/use-screen-reducer.js';
import { networkExamples } from '../../../core/network/examples.js';
import { bufferOf, type TextBuffer } from '../../text/text-buffer.js';
import { FieldText } from '../../components/FieldText.js';
import { useT } from '../../hooks/use-t.js';
import { KEY_LABELS, SCREEN_SCOPES } from '../../keys.js';
import type { Route } from '../../navigation.js';
import type { Platform } from '../../../platform/platform.js';
import { wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { problemText } from '../../network-text.js';
import { buildNetworkFix } from './fix.js';
import { answerLines, planLines, recommendLines } from './lines.js';
import { CHOICES, FIELD_EXAMPLE, QUESTION_TEXT, driverItems, driverOrder } from './text.js';
import { WizardForm, type FormRow } from './WizardForm.js';
import { WIZARD_KEYS, handleWizardKey, type WizardUi } from './keys.js';

type NetworkRoute = Extract<Route, { screen: 'network' }>;

const BACK = `${KEY_LABELS.esc}/←`;

/** What the wizard screen holds beside the wizard itself: the cursor row, the scroll, the build field, a notice. */
interface WizardView {
  wizard: WizardState;
  selected: number;
  offset: number;
  buildText: TextBuffer;
  cursor: number;
  notice: { kind: StatusKind; text: string } | undefined;
}
const patchReducer = <S,>(s: S, patch: Partial<S>): S => ({ ...s, ...patch });

const SCOPES = {
  choice: SCREEN_SCOPES.wizardChoice,
  recommend: SCREEN_SCOPES.wizardChoice,
  text: SCREEN_SCOPES.wizardText,
  values: SCREEN_SCOPES.wizardText,
  done: SCREEN_SCOPES.wizardDone,
} as const;

const HINTS: Readonly<Record<'choice' | 'text' | 'recommend' | 'values' | 'done', readonly KeyHint[]>> = {
  choice: [
    { keys: KEY_LABELS.move, label: 'keys.move' },
    { keys: KEY_LABELS.enter, label: 'wizard.keys.choose' },
    { keys: BACK, label: 'keys.back' },
    { keys: WIZARD_KEYS.restart, label: 'wizard.keys.restart' },
    { keys: KEY_LABELS.quit, label: 'keys.quit' },
  ],
  text: [
    { keys: KEY_LABELS.enter, label: 'wizard.keys.next' },
    { keys: KEY_LABELS.clear, label: 'keys.clear' },
    { keys: KEY_LABELS.esc, label: 'keys.back' },
    { keys: KEY_LABELS.ctrlC, label: 'keys.exit' },
  ],
  recommend: [
    { keys: KEY_LABELS.move, label: 'keys.move' },
    { keys: KEY_LABELS.enter, label: 'wizard.keys.useDriver' },
    { keys: 'PgUp/PgDn', label: 'keys.scroll' },
    { keys: BACK, label: 'keys.back' },
    { keys: WIZARD_KEYS.restart, label: 'wizard.keys.restart' },
    { keys: KEY_LABELS.quit, label: 'keys.quit' },
  ],
  values: [
    { keys: `${KEY_LABELS.tab}/↑↓`, label: 'wizard.keys.field' },
    { keys: KEY_LABELS.enter, label: 'wizard.keys.next' },
    { keys: KEY_LABELS.clear, label: 'keys.clear' },
    { keys: KEY_LABELS.esc, label: 'keys.back' },
    { keys: KEY_LABELS.ctrlC, label: 'keys.exit' },
  ],
  done: [
    { keys: WIZARD_KEYS.run, label: 'wizard.keys.run' },
    { keys: WIZARD_KEYS.copyCommand, label: 'wizard.keys.copyCommand' },
    { keys: WIZARD_KEYS.copyCompose, label: 'wizard.keys.copyCompose' },
    { keys: KEY_LABELS.scroll, label: 'keys.scroll' },
    { keys: BACK, label: 'keys.back' },
    { keys: WIZARD_KEYS.restart, label: 'wizard.keys.restart' },
    { keys: KEY_LABELS.quit, label: 'keys.quit' },
  ],
};

/** Which hints and input mode a state needs. */
export function modeOf(s: WizardState): keyof typeof HINTS {
  if (s.step.kind === 'question') return s.step.question === 'hostBuild' ? 'text' : 'choice';
  return s.step.kind;
}

/** The form rows for a state: its fields, then submit. */
export const formRows = (s: WizardState): FormRow[] => [...fieldsFor(s), { submit: true }];

/** Where the cursor starts on a step: the answer already given, or the driver already chosen. */
export function initialSelection(s: WizardState): number {
  const step = s.step;
  if (step.kind === 'question' && step.question !== 'hostBuild') return Math.max(0, CHOICES[step.question].findIndex((c) => c.value === s.answers[step.question]));
  if (step.kind === 'recommend' && s.driver) return Math.max(0, driverOrder(recommendationOf(s)).indexOf(s.driver));
  return 0;
}

function initialState(route: NetworkRoute): WizardState {
  if (route.wizard) return route.wizard;
  return route.entities ? wizardReducer(initWizardState(), { type: 'prefill', entities: route.entities }) : initWizardState();
}

export function NetworkWizardScreen({ route }: { route: NetworkRoute }) {
  const t = useT();
  const navigate = useNavigate();
  const platform = usePlatform();
  const [ui0, patchUi, getUi] = useScreenReducer(patchReducer<WizardView>, () => {
    const wizard = initialState(route);
    return { wizard, selected: initialSelection(wizard), offset: 0, buildText: bufferOf(wizard.answers.hostBuild ?? ''), cursor: 0, notice: undefined };
  });
  const { wizard, selected, offset, buildText, notice } = ui0;
  const wizardRef = { get current() { return getUi().wizard; } };
  const setNotice = (n: WizardView['notice']) => patchUi({ notice: n });
  const mode = modeOf(wizard);
  const hints = HINTS[mode];
  const frame = useFrame(hints, SCOPES[mode]);
  const { theme, columns } = frame;
  const recommendation = recommendationOf(wizard);
  const drivers = driverItems(recommendation, t);
  const rows = formRows(wizard);
  const answers = answerLines(wizard, t, columns);
  const bodyRows = Math.max(3, frame.bodyRows - (answers.length ? answers.length + 2 : 0) - (notice ? 1 : 0));
  const body =
    mode === 'recommend' ? recommendLines(wizard, recommendation, drivers[Math.min(selected, drivers.length - 1)]?.driver ?? recommendation.driver, t, columns) : mode === 'done' ? planLines(wizard, t, columns) : [];

  // The lines the scrolled text has: all the body when done, what the driver list leaves when recommending.
  const room = mode === 'done' ? bodyRows : Math.max(3, bodyRows - Math.min(drivers.length * 2, Math.max(4, bodyRows - 6)));

  const dispatch = (action: WizardAction) => {
    const before = wizardRef.current;
    const after = wizardReducer(before, action);
    patchUi({ wizard: after, notice: undefined });
    if (after.step !== before.step) {
      const first = formRows(after)[initialSelection(after)];
      patchUi({ selected: initialSelection(after), offset: 0, cursor: first && 'field' in first ? (after.values[first.field] ?? '').length : 0 });
      if (after.step.kind === 'question' && after.step.question === 'hostBuild') patchUi({ buildText: bufferOf(after.answers.hostBuild ?? '') });
    }
    return after;
  };
  const copy = (text: string, what: string) => {
    // A platform without a clipboard (an embedder, an older fake) gets the select-and-copy advice.
    const clipboard = platform.clipboard as Platform['clipboard'] | undefined;
    if (!clipboard) return setNotice({ kind: 'info', text: t('wizard.copy.none') });
    void clipboard.copy(text).then((r) => setNotice(r.ok ? { kind: 'success', text: t('wizard.copy.done', { what, tool: r.tool }) } : { kind: 'warning', text: t('wizard.copy.failed', { reason: r.noTool ? t('clipboard.noTool') : r.reason }) }));
  };
  const run = () => {
    const plan = wizardRef.current.plan;
    if (!plan) return;
    const built = buildNetworkFix(plan, platform.knowledge, t);
    if (!built.ok) {
      const key = WIZARD_KEYS.copyCommand;
      return setNotice({ kind: 'warning', text: built.error.kind === 'no-topic' ? t('wizard.run.noTopic', { key }) : t('wizard.run.unexpected', { key, arg: built.error.arg }) });
    }
    const { topicId, inline } = built.value;
    navigate({ type: 'open', route: { screen: 'fix', topicId, fixId: inline.fix.id, inline }, save: { wizard: wizardRef.current } });
  };
  const ui: WizardUi = {
    state: wizardRef,
    selected: { get current() { return getUi().selected; } },
    offset: { get current() { return getUi().offset; } },
    buildText: { get current() { return getUi().buildText; } },
    cursor: { get current() { return getUi().cursor; } },
    drivers: drivers.map((d) => d.driver),
    rows: () => formRows(wizardRef.current),
    pageRows: room,
    bodyLength: body.length,
    dispatch,
    setSelected: (n) => patchUi({ selected: n }),
    setOffset: (n) => patchUi({ offset: n }),
    setBuildText: (b) => patchUi({ buildText: b }),
    setCursor: (n) => patchUi({ cursor: n }),
    leave: () => navigate({ type: 'back' }),
    diagnose: (text) => navigate({ type: 'open', route: { screen: 'diagnose', text }, save: { wizard: wizardRef.current } }),
    explainOnly: () => setNotice({ kind: 'info', text: t('wizard.l2tunnel.only') }),
    copyCommand: () => wizardRef.current.plan && copy(wizardRef.current.plan.command, t('wizard.copy.command')),
    copyCompose: () => wizardRef.current.plan && copy(wizardRef.current.plan.compose, t('wizard.copy.compose')),
    runCommand: run,
  };
  useKeymap((command, typed, event) => handleWizardKey(ui, command, typed, event), {
    text: () => ['text', 'values'].includes(modeOf(getUi().wizard)),
    scopes: () => SCOPES[modeOf(getUi().wizard)],
  });

  const problems = wizard.problems;
  // Where the scrolled text stands, when it is longer than its room (the warnings come last).
  const top = Math.min(offset, maxOffset(body.length, room));
  const position = (mode === 'done' || mode === 'recommend') && body.length > room ? t('topic.position', { from: top + 1, to: Math.min(body.length, top + room), total: body.length }) : '';
  return (
    <ScreenFrame frame={frame} title={t('wizard.title')} status={[wizard.driver ?? '', position].filter(Boolean).join(' · ')} hints={hints}>
      {answers.length > 0 && (
        <Box flexDirection="column" marginBottom={1}>
          <Text bold={theme.bold} color={theme.text.heading}>
            {t('wizard.answers')}
          </Text>
          <ScrollView lines={answers} offset={0} height={answers.length} theme={theme} />
        </Box>
      )}
      {wizard.step.kind === 'question' && (
        <Box flexDirection="column">
          {wrapAnsiText(t(QUESTION_TEXT[wizard.step.question].text), columns).map((line, i) => (
            <Text key={i} bold={theme.bold}>
              {line}
            </Text>
          ))}
          {mode === 'choice' && wizard.step.question !== 'hostBuild' && (
            <SelectList items={CHOICES[wizard.step.question].map((c) => ({ key: String(c.value), label: t(c.label) }))} selected={selected} height={bodyRows - 2} width={columns} theme={theme} />
          )}
          {mode === 'text' && (
            <Box borderStyle="round" borderColor={theme.selection} paddingX={1}>
              <Text wrap="truncate-end">
                <FieldText buffer={buildText} focused width={Math.max(4, columns - 6)} theme={theme} />
                {!buildText && <Text color={theme.text.secondary}>{` ${t('wizard.example', { value: FIELD_EXAMPLE.hostBuild ?? '' })}`}</Text>}
              </Text>
            </Box>
          )}
          {problems.map((p, i) => (
            <StatusLine key={i} kind="error" text={problemText(p, t)} theme={theme} />
          ))}
        </Box>
      )}
      {mode === 'recommend' && (
        <Box flexDirection="column">
          <SelectList items={drivers.map((d) => d.item)} selected={selected} height={Math.min(drivers.length * 2, Math.max(4, bodyRows - 6))} width={columns} theme={theme} />
          <ScrollView lines={body} offset={Math.min(offset, maxOffset(body.length, bodyRows - Math.min(drivers.length * 2, Math.max(4, bodyRows - 6))))} height={Math.max(3, bodyRows - Math.min(drivers.length * 2, Math.max(4, bodyRows - 6)))} theme={theme} />
        </Box>
      )}
      {mode === 'values' && (
        <Box flexDirection="column">
          <Text bold={theme.bold}>{t('wizard.values.title', { driver: wizard.driver ?? recommendation.driver })}</Text>
          <WizardForm rows={rows} values={wizard.values} problems={problems} focus={Math.min(selected, rows.length - 1)} cursor={ui0.cursor} height={Math.max(4, bodyRows - 1)} examples={networkExamples({ driver: wizard.driver, hostBuild: wizard.answers.hostBuild, natPrefix: wizard.values.natPrefix })} theme={theme} width={columns} />
        </Box>
      )}
      {mode === 'done' && <ScrollView lines={body} offset={Math.min(offset, maxOffset(body.length, bodyRows))} height={bodyRows} theme={theme} />}
      {notice && <StatusLine kind={notice.kind} text={notice.text} theme={theme} wrap="truncate-end" />}
    </ScreenFrame>
  );
}
