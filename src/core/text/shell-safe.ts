/**
 * A value that reads the same, unquoted, in POSIX sh, PowerShell and cmd: letters, digits and
 * `. _ : / @ + -`, starting with a letter or digit (so it is never read as an option, a splat or
 * a redirection). Node, service, network and container names, image references, tags and build
 * numbers all fit; nothing a shell expands, splits or runs does. (A bare `1e3` is a number to
 * PowerShell, but a program it starts still gets the text as written.)
 */
const SHELL_NEUTRAL = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,511}$/;

/**
 * A bare word PowerShell reads as a number (in argument mode too): decimal, hexadecimal or binary, with an exponent,
 * a type suffix or a multiplier (`1e3`, `0x10`, `1kb`, `07`, `1.0`, `5d`). A PowerShell function or cmdlet gets
 * its value (1000, 16, 1024, 7, 1, 5), not its text; PowerShell 7 passes the text as written to a program, but a
 * command line wcdoctor builds quotes such a word anyway, so that every shell and every version reads it as text.
 */
const PS_NUMBER = /^[+-]?(?:0x[0-9a-f]{1,40}|0b[01]{1,130}|(?:\d{1,400}(?:\.\d{0,400})?|\.\d{1,400})(?:e[+-]?\d{1,10})?)(?:ul|us|uy|[lusnyd])?(?:kb|mb|gb|tb|pb)?$/i;
/** A whole number PowerShell reads back as the same text. */
const PS_PLAIN_INTEGER = /^(?:0|[1-9]\d{0,8})$/;

/** Whether PowerShell reads a bare word as a number whose text is not the word itself (see PS_NUMBER). */
export const isPowerShellNumberChanged = (value: string): boolean => PS_NUMBER.test(value) && !PS_PLAIN_INTEGER.test(value);

/** Whether a value can stand bare in a command line for any shell (see SHELL_NEUTRAL). */
export const isShellNeutral = (value: string): boolean => SHELL_NEUTRAL.test(value);
