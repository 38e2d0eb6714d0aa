import { Box, Text } from 'ink';
import { displayWidth } from '../../core/text/display-width.js';
import { useT } from '../hooks/use-t.js';
import { truncateWidth, wrapAnsiText } from '../../core/text/wrap-ansi.js';
import { GLYPH, type Theme } from '../theme.js';
import { safeText } from '../text/safe-text.js';

type StatusRole = 'success' | 'warning' | 'error' | 'info';

/** One row of a list: a selectable item, or a header that groups the items after it. */
export interface ListItem {
  key: string;
  label: string;
  /** A second, dimmer line under the label. */
  detail?: string;
  /** The detail as "show in full" gives it, when the row's is shortened more than cutting it to the width does. */
  fullDetail?: string;
  /** A short mark before the label (a glyph plus words, never colour alone). */
  prefix?: { text: string; role: StatusRole };
  /** A short mark after the label (a glyph plus words, never colour alone). */
  badge?: { text: string; role: StatusRole };
  header?: boolean;
}

/** The next selectable index from `index` in direction `delta` (headers are skipped); stays put at the ends. */
export function stepSelectable(items: readonly ListItem[], index: number, delta: number): number {
  const dir = delta < 0 ? -1 : 1;
  let i = index;
  let moved = index;
  for (let left = Math.abs(delta); left > 0; ) {
    i += dir;
    if (i < 0 || i >= items.length) break;
    if (!items[i]?.header) {
      moved = i;
      left--;
    }
  }
  return moved;
}

/** The first selectable index (or 0). */
export const firstSelectable = (items: readonly ListItem[]): number => Math.max(0, items.findIndex((i) => !i.header));

/** Which slice of the list to show so that the selected row is visible. */
export function visibleWindow(count: number, selected: number, size: number): { start: number; end: number } {
  if (count <= size) return { start: 0, end: count };
  const start = Math.min(Math.max(0, selected - Math.floor(size / 2)), count - size);
  return { start, end: start + size };
}

/**
 * How a list fits `height` lines: two lines per item when some item has a detail line, and a "more" marker above and
 * below the window when items are hidden there. When that does not fit (a short terminal gives a list two or three
 * lines), the details go first, then the markers, so that the list never draws more lines than it was given. Given the
 * list's `width`, each detail longer than its line gets a second line when the whole list fits so (the Home menu's and
 * the trees' descriptions were cut with "…" above empty rows; found by a tester): `perItem` 3 then says that a detail
 * may take two lines, and the list draws every item.
 */
export function listLayout(items: readonly ListItem[], selected: number, height: number, width?: number): { perItem: 1 | 2 | 3; start: number; end: number; markers: boolean } {
  // Only a list with room for two lines per item can give a detail a second line: a fleet of thousands of hosts is not
  // measured row by row at every key (that took a third of a key's time on 10,000 hosts).
  const long = width === undefined || items.length * 2 >= height ? 0 : items.filter((i) => i.detail !== undefined && displayWidth(safeText(i.detail)) > width - 4).length;
  if (long > 0 && items.length * 2 + long <= height) return { perItem: 3, start: 0, end: items.length, markers: false };
  const fit = (perItem: 1 | 2, markers: boolean) => {
    const fits = Math.floor(height / perItem);
    const room = items.length <= fits ? fits : Math.max(1, Math.floor((height - (markers ? 2 : 0)) / perItem));
    const { start, end } = visibleWindow(items.length, selected, room);
    const used = (end - start) * perItem + (markers ? (start > 0 ? 1 : 0) + (end < items.length ? 1 : 0) : 0);
    return used <= Math.max(1, height) ? { perItem, start, end, markers } : undefined;
  };
  return (items.some((i) => i.detail !== undefined) ? fit(2, true) : undefined) ?? fit(1, true) ?? fit(1, false)!;
}

/** A detail as up to `lines` lines of `width`, wrapped at words, the last cut with "…" when more is left. */
function detailLines(detail: string, width: number, lines: number): string[] {
  const text = safeText(detail);
  if (lines <= 1 || displayWidth(text) <= width) return [truncateWidth(text, Math.max(1, width))];
  const wrapped = wrapAnsiText(text, Math.max(1, width));
  if (wrapped.length <= lines) return wrapped;
  return [...wrapped.slice(0, lines - 1), truncateWidth(wrapped.slice(lines - 1).join(' '), Math.max(1, width))];
}

/**
 * A scrolling list; the screen owns the selection and moves it with commands. `height` counts
 * terminal lines, including the "more" markers.
 */
export function SelectList({ items, selected, height, width, theme, focused = true }: { items: readonly ListItem[]; selected: number; height: number; width: number; theme: Theme; focused?: boolean }) {
  const t = useT();
  const { perItem, start, end, markers } = listLayout(items, selected, height, width);
  return (
    <Box flexDirection="column">
      {markers && start > 0 && <Text color={theme.text.secondary}>{t('list.above', { count: start })}</Text>}
      {items.slice(start, end).map((item, n) => {
        const isSelected = start + n === selected && !item.header;
        const color = isSelected && focused ? theme.selection : item.header ? theme.text.heading : undefined;
        const lead = item.header ? 0 : 2;
        const prefix = item.prefix ? truncateWidth(item.prefix.text, width - lead) : '';
        const badge = item.badge ? `  ${item.badge.text}` : '';
        const room = width - lead - (prefix ? displayWidth(prefix) + 2 : 0);
        // The badge (a missing-language mark) keeps its room; the label gives way first.
        const badgeRoom = Math.min(displayWidth(badge), Math.max(0, room - 12));
        const label = truncateWidth(safeText(item.label), Math.max(1, room - badgeRoom));
        const badgeShown = truncateWidth(badge, room - displayWidth(label));
        return (
          <Box key={item.key} flexDirection="column">
            <Text wrap="truncate-end" color={color} bold={(isSelected || item.header) && theme.bold}>
              {item.header ? '' : isSelected && focused ? `${GLYPH.pointer} ` : '  '}
              {item.prefix && (
                <Text color={theme.status[item.prefix.role]} bold={false}>
                  {prefix}
                  {'  '}
                </Text>
              )}
              {label}
              {item.badge && badgeShown && (
                <Text color={theme.status[item.badge.role]} bold={false}>
                  {badgeShown}
                </Text>
              )}
            </Text>
            {perItem >= 2 &&
              item.detail !== undefined &&
              detailLines(item.detail, width - 4, perItem - 1).map((line, i) => (
                <Text key={i} wrap="truncate-end" color={theme.text.secondary} dimColor={theme.dim && !isSelected}>
                  {'    '}
                  {line}
                </Text>
              ))}
          </Box>
        );
      })}
      {markers && end < items.length && <Text color={theme.text.secondary}>{t('list.below', { count: items.length - end })}</Text>}
    </Box>
  );
}
