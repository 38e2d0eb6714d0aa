/** A signal that ended or interrupted a run, for the exit code a shell expects (128 + its number). */
export type InterruptSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** The signals that end a run as an interruption (a fix's, the app's). */
export const INTERRUPT_SIGNALS: readonly InterruptSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The exit code a shell gives a program ended by `signal`: 130 for Ctrl+C. */
export const exitCodeOfSignal = (signal: InterruptSignal): number => 128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal];
