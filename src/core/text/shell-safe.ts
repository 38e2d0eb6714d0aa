/**
 * A value that reads the same, unquoted, in POSIX sh, PowerShell and cmd: letters, digits and
 * `. _ : / @ + -`, starting with a letter or digit (so it is never read as an option, a splat or
 * a redirection). Node, service, network and container names, image references, tags and build
 * numbers all fit; nothing a shell expands, splits or runs does.
 */
const SHELL_NEUTRAL = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,511}$/;

/** Whether a value can stand bare in a command line for any shell (see SHELL_NEUTRAL). */
export const isShellNeutral = (value: string): boolean => SHELL_NEUTRAL.test(value);
