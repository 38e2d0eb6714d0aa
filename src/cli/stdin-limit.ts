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
