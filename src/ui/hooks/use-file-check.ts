import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { FactsFileCheck, FactsFileEnd, FactsFileProgress, FactsSource } from '../../platform/facts-file.js';
import { usePlatform } from '../contexts/PlatformContext.js';

/** How often progress reaches the screen at most: the worker reports a fleet's hosts in dozens of batches a second. */
const PROGRESS_EVERY_MS = 100;

/**
 * Reads, parses and evaluates collected files or pasted text through the platform (platform.collector.checkFile and
 * checkText: a large one in a worker thread), one at a time: `start` replaces a read under way, `cancel` stops it, and leaving the screen stops it
 * too. `onProgress` hears the first report of each phase and then at most ten a second; `onEnd` hears how a read
 * ended, except one that was cancelled or replaced.
 */
export function useFileCheck(onProgress: (progress: FactsFileProgress) => void, onEnd: (end: FactsFileEnd) => void): { start(source: FactsSource): void; cancel(): void } {
  const { collector } = usePlatform();
  const current = useRef<FactsFileCheck | undefined>(undefined);
  const handlers = useRef({ onProgress, onEnd });
  useLayoutEffect(() => {
    handlers.current = { onProgress, onEnd };
  });

  const cancel = useCallback(() => {
    const check = current.current;
    current.current = undefined;
    check?.cancel();
  }, []);
  useEffect(() => cancel, [cancel]);

  const start = useCallback(
    (source: FactsSource) => {
      cancel();
      let phase: FactsFileProgress['phase'] | undefined;
      let last = 0;
      // checkFile reports nothing before it has returned (a worker's messages and a read on this thread come later).
      const onProgress = (p: FactsFileProgress) => {
        if (current.current !== check || (p.phase === phase && Date.now() - last < PROGRESS_EVERY_MS)) return;
        phase = p.phase;
        last = Date.now();
        handlers.current.onProgress(p);
      };
      const check: FactsFileCheck = 'file' in source ? collector.checkFile(source.file, onProgress) : collector.checkText(source.text, onProgress);
      current.current = check;
      void check.done.then((end) => {
        if (current.current !== check || end.kind === 'cancelled') return;
        current.current = undefined;
        handlers.current.onEnd(end);
      });
    },
    [cancel, collector],
  );
  return { start, cancel };
}
