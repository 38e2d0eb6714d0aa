import { UserError } from '../core/errors.js';
import { EXIT } from './io.js';

/** What a refusal of an oversized standard input carries besides its English words: the limit, for a translation. */
interface StdinTooLarge extends UserError {
  readonly stdinLimit: string;
}

/** The refusal of a standard input larger than `limit` ("50 MiB"), the most wcdoctor reads (exit 2). */
export function stdinTooLarge(limit: string): UserError {
  const e = new UserError(`standard input is larger than ${limit}, the most wcdoctor reads`, ['pass only the part around the error (the failing command and the lines after it)'], EXIT.usage);
  return Object.assign(e, { stdinLimit: limit });
}

/** The limit an error of stdinTooLarge names, so that a command can say it in its language; undefined for any other error. */
export function stdinLimitOf(e: unknown): string | undefined {
  return e instanceof UserError && typeof (e as Partial<StdinTooLarge>).stdinLimit === 'string' ? (e as StdinTooLarge).stdinLimit : undefined;
}

/** What a refusal of an unreadable standard input carries besides its English words: why it could not be read. */
interface StdinUnreadable extends UserError {
  readonly stdinReason: string;
}

/**
 * Standard input that cannot be opened or read (exit 2): under Wine a pipe cannot be opened (EBADF), and a parent may
 * hand over a handle that is no longer valid. Said as an input error with what to do, not as wcdoctor's own fault.
 */
export function stdinUnreadable(e: unknown): UserError {
  const code = (e as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' && /^[A-Z0-9_]{1,32}$/.test(code) ? code : 'read error';
  // No advice here: what to give instead is each command's own (diagnose: the text as arguments; check: --from FILE).
  const error = new UserError(`standard input cannot be read (${reason})`, [], EXIT.usage);
  return Object.assign(error, { stdinReason: reason });
}

/** The reason an error of stdinUnreadable gives, so that a command can say it in its language; undefined for any other error. */
export function stdinReasonOf(e: unknown): string | undefined {
  return e instanceof UserError && typeof (e as Partial<StdinUnreadable>).stdinReason === 'string' ? (e as StdinUnreadable).stdinReason : undefined;
}
