/** What a headless command may touch: output streams, stdin, TTY facts, env, and its exit code. */
export interface CliIO {
  out(text: string): void;
  /**
   * For text that carries our own colours, rendered Markdown (diagnose, docs): like `out`, but colour sequences
   * pass. Outside text in it must already be made visible (showControls). Absent: `out`.
   */
  outStyled?(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  /** Which streams are terminals (`stderr`: where a long command says what it is doing while it works). */
  isTTY: { stdin: boolean; stdout: boolean; stderr?: boolean };
  /** Standard input is a pipe or a file (`echo … | wcdoctor`, `wcdoctor < f`), not a terminal or an inherited socket. */
  stdinPiped?: boolean;
  /** How many columns the terminal on standard output has; absent when it is no terminal. */
  readonly columns?: number | undefined;
  env: Record<string, string | undefined>;
  /** Sets the exit code the process ends with (main.ts applies it). */
  setExitCode(code: number): void;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, noMatch: 1, usage: 2, failure: 3, interrupted: 130 } as const;
