import { useStdout } from 'ink';
import { createContext, useContext, useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** Lets tests (and embedders) fix the size instead of reading the terminal. */
export const TerminalSizeOverride = createContext<Partial<TerminalSize> | undefined>(undefined);

const read = (s: NodeJS.WriteStream): TerminalSize => ({ columns: s.columns || 80, rows: s.rows || 24 });

/** The terminal's columns and rows, updated on resize. */
export function useTerminalSize(): TerminalSize {
  const override = useContext(TerminalSizeOverride);
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const onResize = () => setSize(read(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return { columns: override?.columns ?? size.columns, rows: override?.rows ?? size.rows };
}
