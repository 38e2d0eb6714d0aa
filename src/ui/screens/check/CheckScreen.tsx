import { Box, Text } from 'ink';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { SelectList, type ListItem } from '../../components/SelectList.js';
import { Paragraph } from '../../components/Paragraph.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useSelectionList } from '../../hooks/use-selection-list.js';
import { useT } from '../../hooks/use-t.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import type { Route } from '../../navigation.js';
import { HostCheck } from './HostCheck.js';
import { PasteCheck } from './PasteCheck.js';
import { footerHints } from '../../footers.js';

export type CheckRoute = Extract<Route, { screen: 'check' }>;

const HINTS = footerHints('checkChoose');

const WAYS = ['host', 'paste'] as const;

/** The host check: the choice of how, then checking this host or collected output. */
export function CheckScreen({ route }: { route: CheckRoute }) {
  const windows = usePlatform().programs.platform === 'win32';
  // Off Windows there is no host to collect from: the choice says so (and never starts powershell.exe).
  if (route.way === 'host' && windows) return <HostCheck route={route} />;
  if (route.way === 'paste') return <PasteCheck route={route} />;
  return <ChooseWay route={route} />;
}

/**
 * The two ways: "Check this host" (Windows only; elsewhere it says so and points to the other way and to
 * `wcdoctor check --script`) and "Check collected output". A paste here opens the second way with it.
 */
function ChooseWay({ route }: { route: CheckRoute }) {
  const t = useT();
  const navigate = useNavigate();
  const windows = usePlatform().programs.platform === 'win32';
  const frame = useFrame(HINTS, SCREEN_SCOPES.checkChoose);
  const { selected, get, move, select } = useSelectionList(route.selected ?? (windows ? 0 : 1));
  const items: ListItem[] = [
    { key: 'host', label: t('check.app.host'), detail: t(windows ? 'check.app.hostHint' : 'check.app.hostHintOther') },
    { key: 'paste', label: t('check.app.paste'), detail: t('check.app.pasteHint') },
  ];
  useKeymap(
    (command, text) => {
      if (command === Command.Confirm) {
        const way = WAYS[get()];
        // Off Windows the first way cannot run: Enter on it moves to the way that can.
        if (way === 'host' && !windows) select(1);
        else if (way) navigate({ type: 'open', route: { screen: 'check', way }, save: { selected: get() } });
        return true;
      }
      if (command === Command.Paste && text) {
        navigate({ type: 'open', route: { screen: 'check', way: 'paste', text }, save: { selected: 1 } });
        return true;
      }
      return move(command, { count: items.length });
    },
    { scopes: SCREEN_SCOPES.checkChoose },
  );
  const { theme, columns } = frame;
  return (
    <ScreenFrame frame={frame} title={t('check.app.title')} hints={HINTS}>
      <Box flexDirection="column" marginTop={1}>
        <Text bold={theme.bold}>{t('check.app.prompt')}</Text>
        <Box marginY={1}>
          <SelectList items={items} selected={selected} height={4} width={columns} theme={theme} />
        </Box>
        {!windows && (
          <Box flexDirection="column">
            <StatusLine kind="info" text={t('check.app.notWindows')} theme={theme} width={columns} />
            <Paragraph text={t('check.app.scriptTip')} width={columns} color={theme.text.secondary} />
          </Box>
        )}
      </Box>
    </ScreenFrame>
  );
}
