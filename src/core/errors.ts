/** Something the user must fix: carries an i18n-free message and the next steps to suggest. */
export class UserError extends Error {
  readonly nextSteps: string[];
  readonly exitCode: number;
  constructor(message: string, nextSteps: string[] = [], exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.nextSteps = nextSteps;
    this.exitCode = exitCode;
  }
}

/** An outside command failed in a way the caller did not expect. */
export class ExternalCommandError extends Error {
  constructor(
    readonly file: string,
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`${file} exited with ${exitCode ?? 'no code'}: ${stderr.trim().slice(0, 500)}`);
    this.name = 'ExternalCommandError';
  }
}

/** A broken invariant inside wcdoctor: a bug, never the user's fault. */
export class BugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BugError';
  }
}
