import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { checkCompat } from '../../../core/compat/check-compat.js';
import { parseHost } from '../../../core/compat/parse-host.js';
import { parseImages } from '../../../core/compat/parse-image.js';
import type { CompatInputError } from '../../../core/compat/input-error.js';
import type { CompatData, CompatReport, HostInfo, ImageInfo } from '../../../core/compat/types.js';
import { ok, type Result } from '../../../core/result.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { ScrollView, maxOffset } from '../../components/ScrollView.js';
import { StatusLine, statusLines } from '../../components/StatusLine.js';
import { TextArea, moveInTextArea } from '../../components/TextArea.js';
import { useKeptRoute, useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useScreenReducer } from '../../hooks/use-screen-reducer.js';
import { bufferOf, editText, insertText, type TextBuffer } from '../../text/text-buffer.js';
import { useT } from '../../hooks/use-t.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import type { Route } from '../../navigation.js';
import { truncateWidth } from '../../../core/text/wrap-ansi.js';
import { describeHost, describeImage, entitiesForAction, reportsLines } from './lines.js';
import { translateInputError } from '../../compat-text.js';
import { safeText } from '../../text/safe-text.js';
import { footerHints } from '../../footers.js';

type CompatRoute = Extract<Route, { screen: 'compat' }>;
type Focus = 'host' | 'image' | 'report';
const ORDER: readonly Focus[] = ['host', 'image', 'report'];

const INPUT_HINTS = footerHints('compatInput');
/** Keys 1–9 open that action's fix in the fix runner. */
const RUN_HINT = footerHints('compatRun')[0]!;
const REPORT_HINTS = footerHints('compatReport');

/** The most a host or image field holds (the CLI reads at most 1 MiB for either). */
const MAX_FIELD = 1024 * 1024;

interface CompatState {
  host: TextBuffer;
  image: TextBuffer;
  focus: Focus;
  offset: number;
  /** The digits of an action's number typed so far, when more may follow (a paste of many images numbers past 9). */
  pending: string;
  /** The action whose number was typed has no fix to run (negative: no action has that number): said until the next key. */
  noFix?: number;
  /** Text was pasted into the image field since it was last empty (a `docker images` table, as the field invites). */
  imagePasted: boolean;
}
type CompatAction =
  | { type: 'edit'; buffer: TextBuffer; pasted: boolean }
  | { type: 'focus'; delta: number }
  | { type: 'scroll'; offset: number }
  | { type: 'pending'; digits: string }
  | { type: 'no-fix'; action: number | undefined };

/**
 * What a digit typed on the report does, with `pending` the digits before it and `count` the actions numbered: run
 * the action its number names once no longer number can start with it (`2` of 12 runs 2 at once, `1` waits for
 * Enter or a second digit), wait for more, or nothing (no action has that number).
 */
export function actionDigit(pending: string, digit: string, count: number): { run: number } | { wait: string } | { none: true } {
  const typed = `${pending}${digit}`;
  const n = Number(typed);
  if (!/^[1-9]\d{0,3}$/.test(typed) || n > count) return { none: true };
  return n * 10 > count ? { run: n } : { wait: typed };
}

function compatReducer(s: CompatState, a: CompatAction): CompatState {
  switch (a.type) {
    case 'edit':
      if (s.focus === 'report') return s;
      return { ...s, [s.focus]: a.buffer, offset: 0, ...(s.focus === 'image' ? { imagePasted: a.buffer.text !== '' && (s.imagePasted || a.pasted) } : {}) };
    case 'focus':
      return { ...s, focus: ORDER[(ORDER.indexOf(s.focus) + a.delta + ORDER.length) % ORDER.length] ?? 'host' };
    case 'scroll':
      return { ...s, offset: a.offset };
    case 'pending':
      return { ...s, pending: a.digits };
    case 'no-fix':
      return a.action === undefined ? (s.noFix === undefined ? s : { ...s, noFix: undefined }) : { ...s, noFix: a.action };
  }
}

/** What a field holds: the paste's hint while its prefilled text is untouched, else the text parsed. */
function readField<V>(text: string, hint: V | undefined, prefilled: string, parse: (s: string) => Result<V, CompatInputError>): Result<V, CompatInputError> | undefined {
  if (hint !== undefined && text === prefilled) return ok(hint);
  return text.trim() ? parse(text) : undefined;
}

/** The inputs and the report; undefined where an input is missing. */
function useCompat(data: CompatData, host: string, image: string, route: CompatRoute, prefilled: { host: string; image: string }) {
  return useMemo(() => {
    const h = readField<HostInfo>(host, route.hints?.host, prefilled.host, (s) => parseHost(s, data));
    // Every image of a pasted table (docker images, docker ps) is judged, as `wcdoctor compat` does (found by a tester).
    const i = readField<{ images: ImageInfo[]; more: number }>(image, route.hints?.image && { images: [route.hints.image], more: 0 }, prefilled.image, (s) => parseImages(s, data));
    const reports: CompatReport[] = h?.ok && i?.ok ? i.value.images.map((one) => checkCompat(h.value, one, data)) : [];
    return { host: h, image: i, reports, more: i?.ok ? i.value.more : 0 };
  }, [data, host, image, route.hints, prefilled]);
}

export function CompatScreen({ route: asked }: { route: CompatRoute }) {
  const t = useT();
  const navigate = useNavigate();
  const { knowledge } = usePlatform();
  const data = knowledge.compat;
  // Opened with nothing to check (from Home): the versions and the report left last time, if any. A paste's reading
  // is kept only for a field still holding it, so an edited field is read as typed.
  const kept = useKeptRoute('compat', (): CompatRoute => {
    const now = get();
    const host = route.hints?.host && now.host.text === prefilled.host ? { host: route.hints.host } : {};
    const image = route.hints?.image && now.image.text === prefilled.image ? { image: route.hints.image } : {};
    return { screen: 'compat', host: now.host.text, image: now.image.text, hints: { ...host, ...image }, offset: now.offset, imagePasted: now.imagePasted };
  });
  const route: CompatRoute = asked.host === undefined && asked.image === undefined && asked.hints === undefined && asked.offset === undefined && asked.imagePasted === undefined ? (kept ?? asked) : asked;
  const prefilled = useMemo(
    () => ({ host: route.host ?? (route.hints?.host ? describeHost(route.hints.host) : ''), image: route.image ?? (route.hints?.image ? describeImage(route.hints.image) : '') }),
    [route.host, route.image, route.hints],
  );
  const [state, dispatch, get] = useScreenReducer(compatReducer, (): CompatState => ({
    host: bufferOf(prefilled.host),
    image: bufferOf(prefilled.image),
    focus: (prefilled.host && prefilled.image ? 'report' : prefilled.host ? 'image' : 'host') as Focus,
    // Back from a fix opened from the report: where it was scrolled to (found by a new-user helper: it went to the top).
    offset: route.offset ?? 0,
    pending: '',
    // An image the Diagnose screen handed over is the paste's, edited or not (a regression tester: one space typed after
    // it made it the user's).
    imagePasted: route.imagePasted === true || route.hints?.image !== undefined,
  }));
  const { focus, offset } = state;
  const host = state.host.text;
  const image = state.image.text;
  const hasData = Boolean(data?.builds?.length);
  const result = useCompat(data, host, image, route, prefilled);
  const inReport = focus === 'report';
  // The actions of every report, in the order they are numbered.
  const actions = result.reports.flatMap((r) => r.actions);
  const runnable = actions.some((a) => a.fixRef);
  // The run key names the numbers there are: 1–9 unless a paste of many images numbers more (found by a tester: it said
  // 1–9 with 16 actions).
  const runHint = actions.length > 9 ? { ...RUN_HINT, keys: `1–${actions.length}` } : RUN_HINT;
  const hints = inReport ? (runnable ? [runHint, ...REPORT_HINTS] : REPORT_HINTS) : INPUT_HINTS;
  const frame = useFrame(hints, inReport ? SCREEN_SCOPES.compatReport : SCREEN_SCOPES.compatInput);
  const { theme, columns } = frame;
  const lines = result.reports.length ? reportsLines(result.reports, result.more, t, columns) : [];
  // Inputs get the room while they are edited; once the report has the focus they shrink to a line each.
  const inputRows = Math.min(3, Math.max(1, Math.floor((frame.bodyRows - 12) / 2)));
  const fromPaste = { host: Boolean(route.hints?.host) && host === prefilled.host, image: Boolean(route.hints?.image) && image === prefilled.image };
  const names = (which: Exclude<Focus, 'report'>): string[] => {
    const h = route.hints?.host;
    const i = route.hints?.image;
    const node = which === 'host' ? h?.nodeName : i?.nodeName;
    return [node ? t('compat.node', { name: safeText(node) }) : '', which === 'image' && i?.serviceName ? t('compat.service', { name: safeText(i.serviceName) }) : ''].filter(Boolean);
  };
  // An input's error whole, wrapped (at most three lines): cut to one line it lost its advice ("…, or paste the output
  // of ver,…", a new-user helper).
  const errorOf = (which: Exclude<Focus, 'report'>): string[] => {
    const r = result[which];
    return r && !r.ok ? statusLines('error', translateInputError(r.error, t), columns).slice(0, 3) : [];
  };
  const fieldRows = (which: Exclude<Focus, 'report'>): number => (inReport ? 1 : inputRows + 3) + errorOf(which).length + (fromPaste[which] && names(which).length ? 1 : 0);
  const reportRows = Math.max(3, frame.bodyRows - fieldRows('host') - fieldRows('image'));
  // The report's rows, less one for the line of an action's number being typed, or of one that has no fix.
  const shownRows = reportRows - (state.pending || state.noFix !== undefined ? 1 : 0);

  useKeymap(
    (command, typed, event) => {
      const now = get();
      const open = (n: number) => {
        const action = actions[n - 1];
        // An action that is advice (rebuild on another base image, find the build) has nothing to run: said, not ignored
        // (found by a new-user helper: typing its number did nothing).
        if (!action?.fixRef) return dispatch({ type: 'no-fix', action: n });
        // The image is the paste's while the field still holds what the paste gave it: a fix that would run it then asks
        // for the typed word (core/fixes/plan-fix.ts); one the user typed is theirs.
        // (Only the image the paste named: an action's own, such as the tag the check advises pulling, is the check's.)
        const entities = entitiesForAction(knowledge, action);
        const fromPaste = route.hints?.image?.ref;
        // Text pasted into the field is a paste too (a `docker images` table from anywhere, as the field invites; an
        // attacker helper ran its image after a single y): an image of the field's text is then the paste's.
        const judged = result.reports.flatMap((r) => r.actions.map(() => r.image.ref))[n - 1];
        const pastedHere = now.imagePasted && entities.image !== undefined && entities.image === judged;
        const pasted = (fromPaste && now.image.text === prefilled.image && entities.image === fromPaste) || pastedHere ? ['image'] : [];
        navigate({ type: 'open', route: { screen: 'fix', topicId: action.fixRef.topic, fixId: action.fixRef.fix, entities, prefilledBy: 'compat', pasted }, save: { host: now.host.text, image: now.image.text, offset: now.offset, imagePasted: now.imagePasted } });
      };
      dispatch({ type: 'no-fix', action: undefined });
      // An action's number being typed: Enter runs it, Esc forgets it, a digit goes on, any other key forgets it.
      if (now.pending && command !== Command.RunAction) {
        dispatch({ type: 'pending', digits: '' });
        if (command === Command.Confirm) {
          open(Number(now.pending));
          return true;
        }
        if (command === Command.Back) return true;
      }
      if (command === Command.Back) {
        navigate({ type: 'back' });
        return true;
      }
      if (command === Command.FocusNext || command === Command.FocusPrevious) {
        dispatch({ type: 'focus', delta: command === Command.FocusNext ? 1 : -1 });
        return true;
      }
      if (now.focus !== 'report') {
        const buffer = now[now.focus];
        // A pasted `ver` or `docker info` keeps its lines; blank lines around it go.
        const edited =
          command === Command.Paste
            ? insertText(buffer, (typed ?? '').replace(/^\s*\n|(?<!\s)\s+$/g, ''), { multiline: true, maxLength: MAX_FIELD })
            : command === Command.Up || command === Command.Down
              ? moveInTextArea(buffer, command === Command.Up, columns)
              : editText(buffer, command, typed, { multiline: true, maxLength: MAX_FIELD });
        // Text that came with other keys in one read, or right after a large read, is a paste from a terminal that does not
        // mark pastes (an older console; a regression tester), not typing. A console that types the clipboard one key per
        // read (Hyper-V's "Type clipboard text") is not told apart from a person typing: such an image counts as typed.
        const pasted = command === Command.Paste || (command === Command.Insert && (!event.alone || event.soon === true));
        if (edited) dispatch({ type: 'edit', buffer: edited, pasted });
        else if (command === Command.Confirm || command === Command.Down) dispatch({ type: 'focus', delta: 1 });
        else if (command === Command.Up) dispatch({ type: 'focus', delta: -1 });
        else return false;
        return true;
      }
      const scroll = (n: number) => dispatch({ type: 'scroll', offset: Math.max(0, Math.min(n, maxOffset(lines.length, reportRows))) });
      const page = Math.max(1, reportRows - 1);
      if (command === Command.Up && now.offset === 0) dispatch({ type: 'focus', delta: -1 });
      else if (command === Command.Up || command === Command.Down) scroll(now.offset + (command === Command.Up ? -1 : 1));
      else if (command === Command.PageUp || command === Command.PageDown) scroll(now.offset + (command === Command.PageUp ? -1 : 1) * page);
      else if (command === Command.First || command === Command.Last) scroll(command === Command.First ? 0 : lines.length);
      else if (command === Command.RunAction && typed) {
        const next = actionDigit(now.pending, typed, actions.length);
        dispatch({ type: 'pending', digits: 'wait' in next ? next.wait : '' });
        if ('run' in next) open(next.run);
        // A number no action has is said, not dropped (found by a tester: 1 then 7 of 16 did nothing).
        else if ('none' in next && typed !== '0') dispatch({ type: 'no-fix', action: -Number(`${now.pending}${typed}`) });
      } else return false;
      return true;
    },
    { text: () => get().focus !== 'report', scopes: () => (get().focus === 'report' ? SCREEN_SCOPES.compatReport : SCREEN_SCOPES.compatInput) },
  );

  const field = (which: Exclude<Focus, 'report'>, text: string, parsed: Result<unknown, CompatInputError> | undefined) => (
    <Box flexDirection="column">
      <Text bold={theme.bold} color={focus === which ? theme.selection : theme.text.heading} wrap="truncate-end">
        {truncateWidth(`${t(which === 'host' ? 'compat.host.label' : 'compat.image.label')}${fromPaste[which] ? `  ${t('compat.fromPaste')}` : ''}`, columns)}
        {inReport && <Text bold={false} color={theme.text.primary}>{`  ${truncateWidth(text.split('\n')[0] ?? '', Math.max(10, columns - 16))}`}</Text>}
      </Text>
      {!inReport && (
        <TextArea buffer={state[which]} focused={focus === which} height={inputRows} width={columns} placeholder={t(which === 'host' ? 'compat.host.placeholder' : 'compat.image.placeholder')} theme={theme} />
      )}
      {parsed && !parsed.ok && <StatusLine kind="error" text={translateInputError(parsed.error, t)} width={columns} theme={theme} />}
      {fromPaste[which] && names(which).length > 0 && (
        <Text color={theme.text.secondary} wrap="truncate-end">
          {truncateWidth(t('compat.pasteNames', { names: names(which).join(' · ') }), columns)}
        </Text>
      )}
    </Box>
  );
  // How much of the report shows, as the topic screen says it: cut at 80 x 24 after its first reason, it gave no sign
  // that more was below (a new-user helper).
  const top = Math.min(offset, maxOffset(lines.length, shownRows));
  const position = hasData && result.reports.length && lines.length > shownRows ? t('topic.position', { from: top + 1, to: Math.min(lines.length, top + shownRows), total: lines.length }) : '';
  return (
    <ScreenFrame frame={frame} title={t('compat.title')} status={position} hints={hints}>
      {field('host', host, result.host)}
      {field('image', image, result.image)}
      {!hasData ? (
        <StatusLine kind="error" text={t('compat.noData')} theme={theme} />
      ) : result.reports.length ? (
        <>
          <ScrollView lines={lines} offset={top} height={shownRows} theme={theme} />
          {state.pending && <StatusLine kind="info" wrap="truncate-end" text={truncateWidth(t('compat.app.pendingAction', { n: state.pending }), columns - 2)} theme={theme} />}
          {!state.pending && state.noFix !== undefined && (
            <StatusLine kind="info" wrap="truncate-end" text={truncateWidth(state.noFix < 0 ? t('compat.app.noAction', { n: String(-state.noFix), count: actions.length }) : t('compat.app.noFix', { n: String(state.noFix) }), columns - 2)} theme={theme} />
          )}
        </>
      ) : (
        <Text color={theme.text.secondary}>{t('compat.empty')}</Text>
      )}
    </ScreenFrame>
  );
}
