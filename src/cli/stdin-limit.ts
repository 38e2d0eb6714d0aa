import { UserError } from '../core/errors.js';
import { EXIT } from './io.js';

/**
 * A refusal of standard input as a command says it in another language: the catalogue's sentence, its values, and the
 * advice diagnose gives with it. The English words are the error's message.
 */
export type StdinRefusal =
  | { key: 'cli.stdinTooLarge'; hint: 'cli.stdinTooLargeHint'; params: { limit: string } }
  | { key: 'cli.stdinUnreadable'; hint: 'cli.stdinUnreadableHint'; params: { reason: string } };

const REFUSAL = Symbol('wcdoctor.stdinRefusal');

/** A refusal of standard input (exit 2) that carries its sentence for a translation (stdinRefusalOf). */
function refusal(message: string, steps: string[], said: StdinRefusal): UserError {
  return Object.assign(new UserError(message, steps, EXIT.usage), { [REFUSAL]: said });
}

/** The refusal of a standard input larger than `limit` ("50 MiB"), the most wcdoctor reads (exit 2). */
export function stdinTooLarge(limit: string): UserError {
  return refusal(`standard input is larger than ${limit}, the most wcdoctor reads`, ['pass only the part around the error (the failing command and the lines after it)'], { key: 'cli.stdinTooLarge', hint: 'cli.stdinTooLargeHint', params: { limit } });
}

/**
 * Standard input that cannot be opened or read (exit 2): under Wine a pipe cannot be opened (EBADF), and a parent may
 * hand over a handle that is no longer valid. Said as an input error with what to do, not as wcdoctor's own fault.
 */
export function stdinUnreadable(e: unknown): UserError {
  const code = (e as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' && /^[A-Z0-9_]{1,32}$/.test(code) ? code : 'read error';
  // No advice here: what to give instead is each command's own (diagnose: the text as arguments; check: --from FILE).
  return refusal(`standard input cannot be read (${reason})`, [], { key: 'cli.stdinUnreadable', hint: 'cli.stdinUnreadableHint', params: { reason } });
}

/** What a refusal of stdinTooLarge or stdinUnreadable says, so that a command can say it in its language; undefined for any other error. */
export function stdinRefusalOf(e: unknown): StdinRefusal | undefined {
  return e instanceof UserError ? (e as UserError & { [REFUSAL]?: StdinRefusal })[REFUSAL] : undefined;
}

/** How long standard input from a pipe may stay open before wcdoctor says what it is waiting for. */
export const STDIN_WAIT_NOTICE_MS = 2000;

/**
 * Says once, on a terminal's stderr, that wcdoctor is waiting for standard input to end when `reading` has not
 * settled after `ms`: `tail -f log | wcdoctor diagnose -` or a producer that never closes its end otherwise looked
 * like a hang (an attacker helper: `sleep 30 | wcdoctor check --from -` waited silently). Nothing is said when the
 * input ends in time, and the timer keeps no process alive.
 */
export function noticeSlowStdin<T>(reading: Promise<T>, say: (line: string) => void, ms = STDIN_WAIT_NOTICE_MS): Promise<T> {
  const timer = setTimeout(() => say('wcdoctor: waiting for standard input to end (it is read whole; Ctrl+C stops)\n'), ms);
  timer.unref();
  const done = () => clearTimeout(timer);
  reading.then(done, done);
  return reading;
}
