import type { FixShell, ParamKind } from '../knowledge/types.js';
import type { ParamReason } from './validate-param.js';

/** One filled placeholder of a plan: its name, kind, the value used and where that value came from. */
export interface PlanPlaceholder {
  name: string;
  kind: ParamKind;
  value: string;
  from: 'set' | 'entity';
  secret: boolean;
}

/** A fix made ready to run: every placeholder filled and validated, the exact program and argv built. */
export interface FixPlan {
  topic: string;
  fix: string;
  title: string;
  /** What running it changes on the machine, in plain words. */
  changes: string;
  shell: FixShell;
  /** The command as a person would type it (PowerShell: the filled script line; others: the quoted argv). */
  command: string;
  /**
   * For a docker or kubectl fix planned with POSIX quoting (off Windows, where `command` is what a POSIX shell here
   * would read): the same line quoted for the Windows host's cmd and PowerShell, which is what wcdoctor prints or copies
   * to be run there (an attacker helper: `'\\''` and the typographic quotes of a POSIX line end PowerShell's string).
   */
  pasteCommand?: string;
  /** The program to start (`powershell.exe`, `docker`, `reg.exe`, …). */
  program: string;
  /** The full argument vector, program first; this is exactly what is executed, with no shell in between. */
  argv: string[];
  /** For PowerShell fixes: the decoded script that `-EncodedCommand` carries. */
  script?: string;
  risk: 'low' | 'high';
  admin: boolean;
  readOnly: boolean;
  /** For high-risk fixes, and fixes that would pull or run an image the paste named: the word the user must type to go ahead. */
  confirmWord?: string;
  /**
   * The image a fix that is not read-only would pull, run or deploy, when the value came from the pasted text rather
   * than from the user: such a plan asks for the typed word (confirmWord) whatever its risk, and says why.
   */
  pastedImage?: string;
  /** Set when the fix is refused off Windows whatever its shell (see Fix.windowsOnly). */
  windowsOnly?: true;
  /** Set for a docker fix that means the same on any engine (see Fix.anyEngine). */
  anyEngine?: true;
  placeholders: PlanPlaceholder[];
  /** The same command, argv and script with secret values masked: what the audit log records. */
  redacted: { command: string; argv: string[]; script?: string; pasteCommand?: string };
}

/**
 * A message from core with a stable id and the values it names, so the UI can translate it; `message` is the
 * English text that the CLI prints and the audit log keeps.
 */
export interface FixMessage<Id extends string> {
  id: Id;
  params: Readonly<Record<string, string | number>>;
  message: string;
}

/**
 * The stable id of each plan problem (the UI key is `fix.problem.<id>`): `missing`, `invalid` and
 * `invalidFromPaste` (a placeholder value; `reason` says why), `notPasteable` (a value of a command shown for
 * Windows that PowerShell would read as code), `cmdVariable` (one cmd would expand), `trailingBackslash` (a value with
 * a space that ends in a backslash, which Windows PowerShell 5.1 passes as a quote), `nestedShell` (a value a shell the
 * command starts would parse as code), `optionLike` (a value the program would read as an
 * option), `commandTooLong`, `unknownName` and `takesNoValues` (a value for no placeholder), `unknownFix` and
 * `noFixes`, and `template` (a broken command template; `detail` is English).
 */
export type FixProblemId =
  | 'missing' | 'invalid' | 'invalidFromPaste' | 'optionLike' | 'optionLikeInScript' | 'notPasteable' | 'cmdVariable' | 'trailingBackslash' | 'nestedShell' | 'commandTooLong'
  | 'unknownName' | 'takesNoValues' | 'unknownFix' | 'noFixes' | 'template';

/** Why a plan could not be built: a placeholder missing or invalid, an unknown fix, or a broken template. */
export interface FixProblem extends FixMessage<FixProblemId> {
  kind: 'missing' | 'invalid' | 'unknown-name' | 'unknown-fix' | 'template';
  /** The placeholder (or `--set` name) concerned, when there is one. */
  name?: string;
  /** For `invalid` and `invalidFromPaste`: why the value fails, itself with an id for the UI. */
  reason?: ParamReason;
}

/** Which stream a chunk of child output came from. */
export type OutputStream = 'stdout' | 'stderr';

/** Options for running one child process. */
export interface RunCommandOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Called with each chunk of output as it arrives, before the process exits. */
  onOutput?: (chunk: string, stream: OutputStream) => void;
  /** Bytes or text written to the child's stdin, which is then closed. */
  input?: string | Uint8Array;
  /** False: the child's stdout and stderr are discarded (for helpers that fork and linger, like xclip). */
  captureOutput?: boolean;
}

/** How a child process ended. A non-zero exit code is data, not an error. */
export interface CommandResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  cancelled: boolean;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  error?: string;
}

/** The shape of `platform/shell.ts` `runCommand`, so core code can take it as a dependency. */
export type RunCommand = (file: string, args: readonly string[], options?: RunCommandOptions) => Promise<CommandResult>;

/**
 * What happened to a fix: `ran` (exit code 0), `failed` (non-zero exit or could not start),
 * `refused` (never started), `cancelled` (stopped by the user) or `timeout` (stopped by the time limit).
 */
export type AuditOutcome = 'ran' | 'refused' | 'cancelled' | 'timeout' | 'failed';

/** One line of the audit log. Secrets are masked before an entry is made. */
export interface AuditEntry {
  /** ISO 8601 time the run or refusal ended. */
  time: string;
  topic: string;
  fix: string;
  outcome: AuditOutcome;
  command: string;
  argv: string[];
  exitCode: number | null;
  durationMs: number | null;
  /** Why it was refused or failed to start, in plain words. */
  reason?: string;
  /**
   * The SHA-256 (hex) of the UTF-8 text the program was given on its input: the host collector's script, which the
   * command line does not name (`-Command &([scriptblock]::Create([Console]::In.ReadToEnd()))`). Compare it with
   * `wcdoctor check --script | Get-FileHash` … of the same version to know which script ran.
   */
  inputSha256?: string;
}
