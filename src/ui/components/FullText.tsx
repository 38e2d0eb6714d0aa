import { Box, Text } from 'ink';
import { useState } from 'react';
import { Command } from '../keys.js';
import { safeText } from '../text/safe-text.js';
import { wrapAnsiText } from '../../core/text/wrap-ansi.js';
import type { Theme } from '../theme.js';
import type { ListItem } from './SelectList.js';

/** A list item's label and detail wrapped to the width, whole (at most `max` lines): what a list row cuts with "…". */
export function fullTextLines(item: Pick<ListItem, 'label' | 'detail' | 'fullDetail'>, width: number, max: number): string[] {
  const detail = item.fullDetail ?? item.detail;
  const lines = [...wrapAnsiText(safeText(item.label), width), ...(detail ? wrapAnsiText(safeText(detail), width) : [])];
  return lines.length > max ? [...lines.slice(0, max - 1), '…'] : lines;
}

/** The full text of the selected row, under a list, in a frame of its own. */
export function FullText({ lines, theme }: { lines: readonly string[]; theme: Theme }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      {lines.map((line, i) => (
        <Text key={i} bold={i === 0 && theme.bold} color={i === 0 ? theme.text.heading : undefined}>
          {line}
        </Text>
      ))}
    </Box>
  );
}

/**
 * The `i` key of a list (Command.ShowFull): opens the selected row in full; while it is open, any key
 * closes it, and Esc and `i` do nothing else. Enter closes it and opens the row, as it would have without the
 * full text (a new-user helper pressed Enter to open what it had read, and only the panel closed). `handle` returns
 * true when it used the key, undefined when the screen should go on with it.
 */
export function useFullText() {
  const [open, setOpen] = useState(false);
  const handle = (command: Command, available = true): true | undefined => {
    if (open && command !== Command.Interrupt) {
      setOpen(false);
      return command === Command.Back || command === Command.ShowFull ? true : undefined;
    }
    if (command !== Command.ShowFull) return undefined;
    setOpen(available);
    return true;
  };
  /** Opens the full text as `i` does (a screen's Enter on a row that has nothing else to open). */
  const show = () => setOpen(true);
  return { open, handle, show };
}
