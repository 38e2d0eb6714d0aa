/**
 * The error classes carry a brand (a registered symbol) and answer `instanceof` by it, so that an
 * error thrown by one bundle of wcdoctor (the CommonJS CLI, or the ES-module app and `kb` parts
 * it loads) is still recognised by the code of another.
 */
function branded(brand: symbol): (value: unknown) => boolean {
  return (value) => typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

const USER = Symbol.for('wcdoctor.UserError');
const EXTERNAL = Symbol.for('wcdoctor.ExternalCommandError');
const BUG = Symbol.for('wcdoctor.BugError');
const isUser = branded(USER);
const isExternal = branded(EXTERNAL);
const isBug = branded(BUG);

/** Something the user must fix: carries an i18n-free message and the next steps to suggest. */
export class UserError extends Error {
  readonly [USER] = true;
  readonly nextSteps: string[];
  readonly exitCode: number;
  constructor(message: string, nextSteps: string[] = [], exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.nextSteps = nextSteps;
    this.exitCode = exitCode;
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isUser(value);
  }
}

/** An outside command failed in a way the caller did not expect. */
export class ExternalCommandError extends Error {
  readonly [EXTERNAL] = true;
  constructor(
    readonly file: string,
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`${file} exited with ${exitCode ?? 'no code'}: ${stderr.trim().slice(0, 500)}`);
    this.name = 'ExternalCommandError';
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isExternal(value);
  }
}

/** A broken invariant inside wcdoctor: a bug, never the user's fault. */
export class BugError extends Error {
  readonly [BUG] = true;
  constructor(message: string) {
    super(message);
    this.name = 'BugError';
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBug(value);
  }
}
