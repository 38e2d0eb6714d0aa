import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { checkCompat } from '../../core/compat/check-compat.js';
import { parseHost } from '../../core/compat/parse-host.js';
import { parseImage } from '../../core/compat/parse-image.js';
import type { CompatInputError } from '../../core/compat/input-error.js';
import type { CompatData, CompatReport, HostInfo, ImageInfo } from '../../core/compat/types.js';
import { ok, type Result } from '../../core/result.js';
import type { KeyHint } from '../components/KeyHints.js';
import { ScreenFrame, useFrame } from '../components/ScreenFrame.js';
import { ScrollView, maxOffset } from '../components/ScrollView.js';
import { StatusLine } from '../components/StatusLine.js';
import { TextArea } from '../components/TextArea.js';
import { useNavigate } from '../contexts/NavigationContext.js';
import { usePlatform } from '../contexts/PlatformContext.js';
import { useKeymap } from '../hooks/use-keymap.js';
import { useSyncedState } from '../hooks/use-synced-state.js';
import { useT } from '../hooks/use-t.js';
import { Command, KEY_LABELS } from '../keys.js';
import type { Route } from '../navigation.js';
import { truncateWidth } from '../text/wrap-ansi.js';
import { describeHost, describeImage, entitiesForAction, reportLines } from './compat-lines.js';
import { translateInputError } from './compat-text.js';
import { safeText } from '../text/safe-text.js';

type CompatRoute = Extract<Route, { screen: 'compat' }>;
type Focus = 'host' | 'image' | 'report';
const ORDER: readonly Focus[] = ['host', 'image', 'report'];

const INPUT_HINTS: readonly KeyHint[] = [
  { keys: `${KEY_LABELS.tab}/${KEY_LABELS.enter}`, label: 'compat.keys.next' },
  { keys: KEY_LABELS.clear, label: 'keys.clear' },
  { keys: KEY_LABELS.esc, label: 'keys.back' },
  { keys: KEY_LABELS.ctrlC, label: 'keys.exit' },
];
/** Keys 1–9 open that action's fix in the fix runner. */
const RUN_HINT: KeyHint = { keys: '1–9', label: 'compat.keys.runFix' };
const REPORT_HINTS: readonly KeyHint[] = [
  { keys: KEY_LABELS.scroll, label: 'keys.scroll' },
  { keys: KEY_LABELS.tab, label: 'keys.focus' },
  { keys: KEY_LABELS.esc, label: 'keys.back' },
  { keys: KEY_LABELS.quit, label: 'keys.quit' },
];

const dropLastChar = (s: string): string => Array.from(s).slice(0, -1).join('');

/** What a field holds: the paste's hint while its prefilled text is untouched, else the text parsed. */
function readField<V>(text: string, hint: V | undefined, prefilled: string, parse: (s: string) => Result<V, CompatInputError>): Result<V, CompatInputError> | undefined {
  if (hint !== undefined && text === prefilled) return ok(hint);
  return text.trim() ? parse(text) : undefined;
}

/** The inputs and the report; undefined where an input is missing. */
function useCompat(data: CompatData, host: string, image: string, route: CompatRoute, prefilled: { host: string; image: string }) {
  return useMemo(() => {
    const h = readField<HostInfo>(host, route.hints?.host, prefilled.host, (s) => parseHost(s, data));
    const i = readField<ImageInfo>(image, route.hints?.image, prefilled.image, (s) => parseImage(s, data));
    let report: CompatReport | undefined;
    if (h?.ok && i?.ok) report = checkCompat(h.value, i.value, data);
    return { host: h, image: i, report };
  }, [data, host, image, route.hints, prefilled]);
}

export function CompatScreen({ route }: { route: CompatRoute }) {
  const t = useT();
  const navigate = useNavigate();
  const { knowledge } = usePlatform();
  const data = knowledge.compat;
  const prefilled = useMemo(
    () => ({ host: route.host ?? (route.hints?.host ? describeHost(route.hints.host) : ''), image: route.image ?? (route.hints?.image ? describeImage(route.hints.image) : '') }),
    [route.host, route.image, route.hints],
  );
  const [host, setHost, hostRef] = useSyncedState(prefilled.host);
  const [image, setImage, imageRef] = useSyncedState(prefilled.image);
  const [focus, setFocus, focusRef] = useSyncedState<Focus>(prefilled.host && prefilled.image ? 'report' : prefilled.host ? 'image' : 'host');
  const [offset, setOffset, offsetRef] = useSyncedState(0);
  const hasData = Boolean(data?.builds?.length);
  const result = useCompat(data, host, image, route, prefilled);
  const inReport = focus === 'report';
  const runnable = result.report?.actions.some((a) => a.fixRef) ?? false;
  const hints = inReport ? (runnable ? [RUN_HINT, ...REPORT_HINTS] : REPORT_HINTS) : INPUT_HINTS;
  const frame = useFrame(hints);
  const { theme, columns } = frame;
  const lines = result.report ? reportLines(result.report, t, columns) : [];
  // Inputs get the room while they are edited; once the report has the focus they shrink to a line each.
  const inputRows = Math.min(3, Math.max(1, Math.floor((frame.bodyRows - 12) / 2)));
  const fromPaste = { host: Boolean(route.hints?.host) && host === prefilled.host, image: Boolean(route.hints?.image) && image === prefilled.image };
  const names = (which: Exclude<Focus, 'report'>): string[] => {
    const h = route.hints?.host;
    const i = route.hints?.image;
    const node = which === 'host' ? h?.nodeName : i?.nodeName;
    return [node ? t('compat.node', { name: safeText(node) }) : '', which === 'image' && i?.serviceName ? t('compat.service', { name: safeText(i.serviceName) }) : ''].filter(Boolean);
  };
  const fieldRows = (which: Exclude<Focus, 'report'>): number =>
    (inReport ? 1 : inputRows + 3) + (result[which] && !result[which].ok ? 1 : 0) + (fromPaste[which] && names(which).length ? 1 : 0);
  const reportRows = Math.max(3, frame.bodyRows - fieldRows('host') - fieldRows('image'));

  const edit = (f: (s: string) => string) => {
    if (focusRef.current === 'host') setHost(f);
    else setImage(f);
    setOffset(0);
  };
  const move = (delta: number) => setFocus(ORDER[(ORDER.indexOf(focusRef.current) + delta + ORDER.length) % ORDER.length] ?? 'host');
  useKeymap(
    (command, typed) => {
      if (command === Command.Back) {
        navigate({ type: 'back' });
        return true;
      }
      if (command === Command.FocusNext || command === Command.FocusPrevious) {
        move(command === Command.FocusNext ? 1 : -1);
        return true;
      }
      if (focusRef.current !== 'report') {
        if (command === Command.Paste) edit((s) => (s + (typed ?? '')).replace(/^\s*\n|(?<!\s)\s+$/g, ''));
        else if (command === Command.Insert) edit((s) => s + (typed ?? ''));
        else if (command === Command.Backspace) edit(dropLastChar);
        else if (command === Command.ClearText) edit(() => '');
        else if (command === Command.Confirm || command === Command.Down) move(1);
        else if (command === Command.Up) move(-1);
        else return false;
        return true;
      }
      const scroll = (n: number) => setOffset(Math.max(0, Math.min(n, maxOffset(lines.length, reportRows))));
      if (command === Command.Up && offsetRef.current === 0) move(-1);
      else if (command === Command.Up || command === Command.Down) scroll(offsetRef.current + (command === Command.Up ? -1 : 1));
      else if (command === Command.PageUp || command === Command.PageDown) scroll(offsetRef.current + (command === Command.PageUp ? -1 : 1) * (reportRows - 1));
      else if (command === Command.Insert && typed && /^[1-9]$/.test(typed)) {
        const action = result.report?.actions[Number(typed) - 1];
        if (action?.fixRef)
          navigate({ type: 'open', route: { screen: 'fix', topicId: action.fixRef.topic, fixId: action.fixRef.fix, entities: entitiesForAction(knowledge, action) }, save: { host: hostRef.current, image: imageRef.current } });
      } else return false;
      return true;
    },
    { text: !inReport },
  );

  const field = (which: Exclude<Focus, 'report'>, text: string, parsed: Result<unknown, CompatInputError> | undefined) => (
    <Box flexDirection="column">
      <Text bold={theme.bold} color={focus === which ? theme.selection : theme.text.heading} wrap="truncate-end">
        {truncateWidth(`${t(which === 'host' ? 'compat.host.label' : 'compat.image.label')}${fromPaste[which] ? `  ${t('compat.fromPaste')}` : ''}`, columns)}
        {inReport && <Text bold={false} color={theme.text.primary}>{`  ${truncateWidth(text.split('\n')[0] ?? '', Math.max(10, columns - 16))}`}</Text>}
      </Text>
      {!inReport && (
        <TextArea text={text} focused={focus === which} height={inputRows} width={columns} placeholder={t(which === 'host' ? 'compat.host.placeholder' : 'compat.image.placeholder')} theme={theme} />
      )}
      {parsed && !parsed.ok && <StatusLine kind="error" wrap="truncate-end" text={truncateWidth(translateInputError(parsed.error, t), columns - 2)} theme={theme} />}
      {fromPaste[which] && names(which).length > 0 && (
        <Text color={theme.text.secondary} wrap="truncate-end">
          {truncateWidth(t('compat.pasteNames', { names: names(which).join(' · ') }), columns)}
        </Text>
      )}
    </Box>
  );
  return (
    <ScreenFrame frame={frame} title={t('compat.title')} hints={hints}>
      {field('host', host, result.host)}
      {field('image', image, result.image)}
      {!hasData ? (
        <StatusLine kind="error" text={t('compat.noData')} theme={theme} />
      ) : result.report ? (
        <ScrollView lines={lines} offset={Math.min(offset, maxOffset(lines.length, reportRows))} height={reportRows} theme={theme} />
      ) : (
        <Text color={theme.text.secondary}>{t('compat.empty')}</Text>
      )}
    </ScreenFrame>
  );
}
