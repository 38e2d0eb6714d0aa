import { Box, Text } from 'ink';
import { ScreenFrame, useFrame } from '../components/ScreenFrame.js';
import { SelectList, stepSelectable, type ListItem } from '../components/SelectList.js';
import type { KeyHint } from '../components/KeyHints.js';
import { useNavigate } from '../contexts/NavigationContext.js';
import { useKeymap } from '../hooks/use-keymap.js';
import { useSyncedState } from '../hooks/use-synced-state.js';
import { useT } from '../hooks/use-t.js';
import { Command, KEY_LABELS } from '../keys.js';
import { MENU } from '../menu.js';
import { truncateWidth } from '../text/wrap-ansi.js';
import type { Route } from '../navigation.js';

const HINTS: readonly KeyHint[] = [
  { keys: KEY_LABELS.move, label: 'keys.move' },
  { keys: KEY_LABELS.enter, label: 'keys.open' },
  { keys: KEY_LABELS.quit, label: 'keys.quit' },
  { keys: KEY_LABELS.help, label: 'keys.help' },
];

export function HomeScreen({ route }: { route: Extract<Route, { screen: 'home' }> }) {
  const t = useT();
  const navigate = useNavigate();
  const frame = useFrame(HINTS);
  const [selected, setSelected, selectedRef] = useSyncedState(route.selected ?? 0);
  const items: ListItem[] = MENU.map((m) => ({ key: m.id, label: t(m.label), detail: t(m.hint) }));
  useKeymap((command) => {
    switch (command) {
      case Command.Up:
      case Command.Down:
        setSelected((s) => stepSelectable(items, s, command === Command.Up ? -1 : 1));
        return true;
      case Command.First:
      case Command.Last:
        setSelected(command === Command.First ? 0 : items.length - 1);
        return true;
      case Command.Confirm: {
        const entry = MENU[selectedRef.current];
        if (entry) navigate({ type: 'open', route: entry.route(), save: { selected: selectedRef.current } });
        return true;
      }
      default:
        return false;
    }
  });
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
