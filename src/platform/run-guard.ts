/**
 * Whether a fix's (or the collector's) child process is running. While one is, the process does not end on its own
 * account: a closed reader of stdout (`wcdoctor fix … --yes | head -1`) or an output that cannot be written drops the
 * rest of the output instead of exiting, so that the child is not left running unseen and its run is recorded.
 */
let running = 0;

/** Marks a run as started; the returned function marks it ended. */
export function holdWhileRunning(): () => void {
  running++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    running--;
  };
}

/** Whether a run is under way (see holdWhileRunning). */
export const isRunInProgress = (): boolean => running > 0;

/** The first output that could not be written while a run was under way (a full disk, /dev/full), for the run's end to report. */
let dropped: { fd: 1 | 2; why: string } | undefined;

/** Notes that an output could not be written during a run (the first one is kept); its reason in plain words. */
export function noteDroppedOutput(fd: 1 | 2, why: string): void {
  dropped ??= { fd, why };
}

/** The output that could not be written during the runs so far, if any, and forgets it. */
export function takeDroppedOutput(): { fd: 1 | 2; why: string } | undefined {
  const d = dropped;
  dropped = undefined;
  return d;
}
