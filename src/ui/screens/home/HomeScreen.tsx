import { Box, Text } from 'ink';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { SelectList, type ListItem } from '../../components/SelectList.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useSelectionList } from '../../hooks/use-selection-list.js';
import { useT } from '../../hooks/use-t.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import { MENU } from './menu.js';
import { truncateWidth } from '../../../core/text/wrap-ansi.js';
import type { Route } from '../../navigation.js';
import { footerHints } from '../../footers.js';

const HINTS = footerHints('home');

export function HomeScreen({ route }: { route: Extract<Route, { screen: 'home' }> }) {
  const t = useT();
  const navigate = useNavigate();
  const frame = useFrame(HINTS, SCREEN_SCOPES.home);
  const { selected, get, move } = useSelectionList(route.selected ?? 0);
  const items: ListItem[] = MENU.map((m) => ({ key: m.id, label: t(m.label), detail: t(m.hint) }));
  useKeymap((command) => {
    if (command === Command.Confirm) {
      const entry = MENU[get()];
      if (entry) navigate({ type: 'open', route: entry.route(), save: { selected: get() } });
      return true;
    }
    return move(command, { count: items.length });
  }, { scopes: SCREEN_SCOPES.home });
  const { theme } = frame;
  return (
    <ScreenFrame frame={frame} title={t('home.title')} status={t('app.tagline')} hints={HINTS}>
      <Box flexDirection="column" marginTop={1}>
        <Text bold={theme.bold}>{t('home.prompt')}</Text>
        <Box marginY={1}>
          <SelectList items={items} selected={selected} height={Math.max(2, frame.bodyRows - 5)} width={frame.columns} theme={theme} />
        </Box>
        <Text color={theme.text.secondary} wrap="truncate-end">
          {truncateWidth(t('home.pasteTip'), frame.columns)}
        </Text>
      </Box>
    </ScreenFrame>
  );
}
