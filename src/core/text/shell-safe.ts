import { quotePowerShellLiteral } from '../fixes/quote.js';

/**
 * A value that reads the same, unquoted, in POSIX sh, PowerShell and cmd: letters, digits and
 * `. _ : / @ + -`, starting with a letter or digit (so it is never read as an option, a splat or
 * a redirection). Node, service, network and container names, image references, tags and build
 * numbers all fit; nothing a shell expands, splits or runs does.
 */
const SHELL_NEUTRAL = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,511}$/;

/** Whether a value can stand bare in a command line for any shell (see SHELL_NEUTRAL). */
export const isShellNeutral = (value: string): boolean => SHELL_NEUTRAL.test(value);

/** Shells a printed command line can be meant for. */
export type ShellKind = 'posix' | 'powershell' | 'cmd';

/** Characters no quoting makes safe to paste: controls (line breaks end the command), DEL, C1, line separators, invisible direction marks. */
const UNQUOTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/**
 * One argument for a command line meant for `shell`: bare when it is shell-neutral, else quoted so the
 * shell reads it back as exactly this one argument; undefined when it cannot be quoted safely (a line
 * break or control character anywhere, or for cmd a `"`, `%` or `!`, which cmd expands inside quotes),
 * so the caller leaves the value out or does not offer the line.
 * @example quoteForShell("a b'c", 'posix') === "'a b'\\''c'"
 */
export function quoteForShell(value: string, shell: ShellKind): string | undefined {
  if (isShellNeutral(value)) return value;
  if (value === '' || UNQUOTABLE.test(value)) return undefined;
  switch (shell) {
    case 'posix':
      return `'${value.replace(/'/g, `'\\''`)}'`;
    case 'powershell':
      return quotePowerShellLiteral(value);
    case 'cmd':
      return /["%!\u201c\u201d\u201e]/.test(value) || /\\$/.test(value) ? undefined : `"${value}"`;
  }
}
