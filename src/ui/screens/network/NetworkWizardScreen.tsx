import { Box, Text } from 'ink';
import { recommendationOf, initWizardState, wizardReducer, type WizardState } from '../../../core/network/wizard-reducer.js';
import type { KeyHint } from '../../components/KeyHints.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { ScrollView, maxOffset } from '../../components/ScrollView.js';
import { SelectList } from '../../components/SelectList.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { buildsOfName } from '../../../core/compat/versions.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useScreenReducer } from '../../hooks/use-screen-reducer.js';
import { networkExamples } from '../../../core/network/examples.js';
import { FieldText } from '../../components/FieldText.js';
import { useT } from '../../hooks/use-t.js';
import { SCREEN_SCOPES } from '../../keys.js';
import type { Route } from '../../navigation.js';
import type { Platform } from '../../../platform/platform.js';
import { wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { problemText } from '../../network-text.js';
import { buildNetworkFix } from './fix.js';
import { answerLines, planLines, recommendLines } from './lines.js';
import { CHOICES, FIELD_EXAMPLE, QUESTION_TEXT, driverItems } from './text.js';
import { WizardForm } from './WizardForm.js';
import { formRows, initWizardView, wizardViewReducer, type WizardView } from './reducer.js';
import { WIZARD_KEYS, handleWizardKey, type WizardUi } from './keys.js';
import { footerHints } from '../../footers.js';

type NetworkRoute = Extract<Route, { screen: 'network' }>;

const SCOPES = {
  choice: SCREEN_SCOPES.wizardChoice,
  recommend: SCREEN_SCOPES.wizardChoice,
  text: SCREEN_SCOPES.wizardText,
  values: SCREEN_SCOPES.wizardValues,
  done: SCREEN_SCOPES.wizardDone,
} as const;

const HINTS = {
  choice: footerHints('wizardChoice'),
  text: footerHints('wizardText'),
  recommend: footerHints('wizardRecommend'),
  values: footerHints('wizardValues'),
  done: footerHints('wizardDone'),
} as const satisfies Record<'choice' | 'text' | 'recommend' | 'values' | 'done', readonly KeyHint[]>;

/** Which hints and input mode a state needs. */
export function modeOf(s: WizardState): keyof typeof HINTS {
  if (s.step.kind === 'question') return s.step.question === 'hostBuild' ? 'text' : 'choice';
  return s.step.kind;
}

function initialState(route: NetworkRoute): WizardState {
  if (route.wizard) return route.wizard;
  return route.entities ? wizardReducer(initWizardState(), { type: 'prefill', entities: route.entities }) : initWizardState();
}

export function NetworkWizardScreen({ route }: { route: NetworkRoute }) {
  const t = useT();
  const navigate = useNavigate();
  const platform = usePlatform();
  const [view, dispatch, getView] = useScreenReducer(wizardViewReducer, () => initWizardView(initialState(route)));
  const { wizard, selected, offset, buildText, notice } = view;
  const setNotice = (n: WizardView['notice']) => dispatch({ type: 'notice', notice: n });
  const mode = modeOf(wizard);
  const hints = HINTS[mode];
  const frame = useFrame(hints, SCOPES[mode]);
  const { theme, columns } = frame;
  const recommendation = recommendationOf(wizard);
  const drivers = driverItems(recommendation, t);
  const rows = formRows(wizard);
  const answers = answerLines(wizard, t, columns);
  // The answers so far take at most a third of the body, the latest shown: all of them pushed the screen's title off a
  // short terminal (100×15 after eight answers).
  const answerRows = Math.min(answers.length, Math.max(1, Math.floor(frame.bodyRows / 3)));
  const bodyRows = Math.max(3, frame.bodyRows - (answers.length ? answerRows + 2 : 0) - (notice ? 1 : 0));
  const body =
    mode === 'recommend' ? recommendLines(wizard, recommendation, drivers[Math.min(selected, drivers.length - 1)]?.driver ?? recommendation.driver, t, columns) : mode === 'done' ? planLines(wizard, t, columns) : [];

  // The lines the scrolled text has: all the body when done, what the driver list leaves when recommending.
  const room = mode === 'done' ? bodyRows : Math.max(3, bodyRows - Math.min(drivers.length * 2, Math.max(4, bodyRows - 6)));

  const copy = (text: string, what: string) => {
    // A platform without a clipboard (an embedder, an older fake) gets the select-and-copy advice.
    const clipboard = platform.clipboard as Platform['clipboard'] | undefined;
    if (!clipboard) return setNotice({ kind: 'info', text: t('wizard.copy.none') });
    void clipboard.copy(text).then((r) => setNotice(r.ok ? { kind: 'success', text: r.sent ? t('wizard.copy.sent', { what }) : t('wizard.copy.done', { what, tool: r.tool }) } : { kind: 'warning', text: t('wizard.copy.failed', { reason: r.noTool ? t('clipboard.noTool') : r.reason }) }));
  };
  const run = () => {
    const plan = getView().wizard.plan;
    if (!plan) return;
    const built = buildNetworkFix(plan, platform.knowledge, t);
    if (!built.ok) {
      const key = WIZARD_KEYS.copyCommand;
      return setNotice({ kind: 'warning', text: built.error.kind === 'no-topic' ? t('wizard.run.noTopic', { key }) : t('wizard.run.unexpected', { key, arg: built.error.arg }) });
    }
    const { topicId, inline } = built.value;
    navigate({ type: 'open', route: { screen: 'fix', topicId, fixId: inline.fix.id, inline }, save: { wizard: getView().wizard } });
  };
  const ui: WizardUi = {
    view: getView,
    dispatch,
    drivers: drivers.map((d) => d.driver),
    pageRows: room,
    bodyLength: body.length,
    leave: () => navigate({ type: 'back' }),
    diagnose: (text) => navigate({ type: 'open', route: { screen: 'diagnose', text }, save: { wizard: getView().wizard } }),
    explainOnly: () => setNotice({ kind: 'info', text: t('wizard.l2tunnel.only') }),
    copyCommand: () => {
      const plan = getView().wizard.plan;
      if (plan) copy(plan.command, t('wizard.copy.command'));
    },
    copyCompose: () => {
      const plan = getView().wizard.plan;
      if (plan) copy(plan.compose, t('wizard.copy.compose'));
    },
    runCommand: run,
    buildOfName: (name) => {
      // A knowledge base without compat data (an embedder's, a test's) knows no names.
      const data = (platform.knowledge as Partial<typeof platform.knowledge> | undefined)?.compat;
      return Array.isArray(data?.builds) ? buildsOfName(data, name) : undefined;
    },
  };
  useKeymap((command, typed, event) => handleWizardKey(ui, command, typed, event), {
    text: () => ['text', 'values'].includes(modeOf(getView().wizard)),
    scopes: () => SCOPES[modeOf(getView().wizard)],
  });

  const problems = wizard.problems;
  // Where the scrolled text stands, when it is longer than its room (the warnings come last).
  const top = Math.min(offset, maxOffset(body.length, room));
  const position = (mode === 'done' || mode === 'recommend') && body.length > room ? t('topic.position', { from: top + 1, to: Math.min(body.length, top + room), total: body.length }) : '';
  return (
    <ScreenFrame frame={frame} title={t('wizard.title')} status={[wizard.driver ?? '', position].filter(Boolean).join(' · ')} hints={hints}>
      {answers.length > 0 && (
        <Box flexDirection="column" marginBottom={1}>
          <Text bold={theme.bold} color={theme.text.heading} wrap="truncate-end">
            {t('wizard.answers')}
            {/* The earlier answers the rows left out, said (found by a new-user helper: at 80×24 they were cut silently). */}
            {answers.length > answerRows && <Text bold={false} color={theme.text.secondary}>{`  ${t('list.above', { count: answers.length - answerRows })}`}</Text>}
          </Text>
          <ScrollView lines={answers} offset={answers.length - answerRows} height={answerRows} theme={theme} />
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
          <WizardForm rows={rows} values={wizard.values} problems={problems} focus={Math.min(selected, rows.length - 1)} cursor={view.cursor} height={Math.max(4, bodyRows - 1)} examples={networkExamples({ driver: wizard.driver, hostBuild: wizard.answers.hostBuild, natPrefix: wizard.values.natPrefix })} theme={theme} width={columns} />
        </Box>
      )}
      {mode === 'done' && <ScrollView lines={body} offset={Math.min(offset, maxOffset(body.length, bodyRows))} height={bodyRows} theme={theme} />}
      {notice && <StatusLine kind={notice.kind} text={notice.text} theme={theme} wrap="truncate-end" />}
    </ScreenFrame>
  );
}
