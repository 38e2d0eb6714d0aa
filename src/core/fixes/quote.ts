import { isPowerShellNumberChanged } from '../text/shell-safe.js';

/** Characters PowerShell treats as a single quote: ASCII ' and the typographic ‘ ’ ‚ ‛. */
const PS_SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Makes a PowerShell single-quoted string literal: every quote character PowerShell recognises is doubled,
 * so nothing inside can end the literal and nothing is expanded ($, backtick and double quotes stay text).
 * @example quotePowerShellLiteral("it's") === "'it''s'"
 */
export function quotePowerShellLiteral(value: string): string {
  return `'${value.replace(PS_SINGLE_QUOTES, (q) => q + q)}'`;
}

/** Encodes a script the way `powershell.exe -EncodedCommand` expects: base64 of its UTF-16LE bytes. */
export function encodePowerShellCommand(script: string): string {
  let binary = '';
  for (let i = 0; i < script.length; i++) {
    const unit = script.charCodeAt(i);
    binary += String.fromCharCode(unit & 0xff, unit >> 8);
  }
  return btoa(binary);
}

/** One token of a command template, with its text after template quotes were removed. */
export interface TemplateToken {
  text: string;
  /** True when some part of the token was inside template quotes. */
  quoted: boolean;
}

/**
 * Splits a command template into tokens at whitespace; "double" or 'single' quotes group words and are removed.
 * Backslashes are literal (Windows paths and registry keys). Returns an error for an unterminated quote.
 */
export function tokenizeTemplate(template: string): { tokens: TemplateToken[]; error?: string; shellSyntax: string[] } {
  const tokens: TemplateToken[] = [];
  const shellSyntax: string[] = [];
  let cur: TemplateToken | undefined;
  let quote: string | undefined;
  for (const ch of template) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur!.text += ch;
      continue;
    }
    if (/\s/.test(ch)) {
      if (cur) tokens.push(cur);
      cur = undefined;
      continue;
    }
    cur ??= { text: '', quoted: false };
    if (ch === '"' || ch === "'") {
      quote = ch;
      cur.quoted = true;
    } else {
      if ('|&<>'.includes(ch)) shellSyntax.push(ch);
      cur.text += ch;
    }
  }
  if (cur) tokens.push(cur);
  for (const t of tokens) for (const m of t.text.matchAll(/%[A-Za-z_]\w*%/g)) shellSyntax.push(m[0]);
  return quote ? { tokens, shellSyntax, error: `has an unterminated ${quote} quote` } : { tokens, shellSyntax };
}

/**
 * Arguments that stand bare in a Windows command line and read the same in cmd and PowerShell. Not `{ }` (a script
 * block in PowerShell), `,` (an array), `@` first (a splat), nor a word PowerShell reads as a number (`1e3`).
 */
const SAFE_WINDOWS = /^[A-Za-z0-9_+=:./\\-][A-Za-z0-9_@+=:./\\-]*$/;
const SAFE_POSIX = /^[A-Za-z0-9_@%+=:./-]+$/;

/**
 * What PowerShell still reads inside a double-quoted argument, so that no quoting reads the same in cmd and
 * PowerShell: `"` and the typographic double quotes (they end the string), the backtick (an escape) and `$`
 * before a name, `{`, `(` or an automatic variable (it expands).
 */
const PS_ACTIVE_IN_DOUBLE_QUOTES = /["`\u201C\u201D\u201E]|\$[\p{L}\p{N}_{(?^$:]/u;

/**
 * Whether PowerShell reads a bare word as a parameter that ends at its first dot: a word of one `-` and a letter or
 * other non-digit, with a `.` before any `:` (`-m1.5g` reaches a program as `-m1` and `.5g`, `-lapp.kubernetes.io/name=web`
 * as `-lapp` and `.kubernetes.io/name=web`; PowerShell issue 6291, found by an attacker helper with PowerShell's own
 * parser). `--x=a.b`, `-a:b.c` and `-1.5` pass whole. Such a word is quoted: "-m1.5g" reaches the program whole.
 */
const splitAtDot = (arg: string): boolean => /^-[^-\d.:]/.test(arg) && arg.includes('.') && (!arg.includes(':') || arg.indexOf('.') < arg.indexOf(':'));

/** Whether an argument holds text that PowerShell would expand or end a string at, however it is quoted for cmd. */
export const isPowerShellActive = (arg: string): boolean => PS_ACTIVE_IN_DOUBLE_QUOTES.test(arg);

/** Quotes one argument the way the Windows C runtime reads it back: a backslash before a quote is doubled. */
function cQuote(arg: string): string {
  let out = '"';
  let slashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      slashes++;
      continue;
    }
    out += ch === '"' ? '\\'.repeat(slashes * 2 + 1) + '"' : '\\'.repeat(slashes) + ch;
    slashes = 0;
  }
  return `${out}${'\\'.repeat(slashes * 2)}"`;
}

/**
 * Quotes one argument for display so that cmd, the C runtime and PowerShell read it back alike. An argument that
 * ends in a backslash is the hard case: the C runtime needs "a b\\" for a b\, PowerShell reads that as a b\\, and
 * after a closing quote PowerShell starts a new argument ("a b"\ is two). So such an argument is quoted from its
 * first character that needs it to its last one that is not a backslash: \\srv\a" b"\ is \\srv\a b\ to all three
 * (no backslash may stand right before the opening quote, and the argument may not start with - or a quote).
 */
function quoteWindowsArg(arg: string): string {
  // A bare `--` ends PowerShell's own parameters and is not passed on to the program (kubectl exec POD -- CMD lost it):
  // quoted like any word PowerShell reads otherwise, cmd, the C runtime and PowerShell all pass it.
  if (arg !== '' && arg !== '--' && SAFE_WINDOWS.test(arg) && !isPowerShellNumberChanged(arg) && !splitAtDot(arg)) return arg;
  let end = arg.length;
  while (end > 0 && arg[end - 1] === '\\') end--;
  const tail = arg.slice(end);
  if (tail && !arg.startsWith('-')) {
    const body = arg.slice(0, end);
    let start = [...body].findIndex((ch) => !/[A-Za-z0-9_+=:./\\-]/.test(ch));
    if (start === -1) start = body.length;
    else start = [...body].slice(0, start).join('').length;
    while (start > 0 && body[start - 1] === '\\') start--;
    if (start > 0 && /^[A-Za-z0-9_+=:./\\]/.test(body) && !body.includes('"')) return `${body.slice(0, start)}"${body.slice(start)}"${tail}`;
  }
  return cQuote(arg);
}

function quotePosixArg(arg: string): string {
  return arg !== '' && SAFE_POSIX.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Formats an argument vector as one line a person can read or paste (Windows or POSIX quoting). A Windows line
 * reads the same in cmd and PowerShell, but for a program path that must be quoted: PowerShell reads a line that
 * starts with a quoted string as an expression, so that line starts with PowerShell's call operator `&`.
 */
export function formatArgv(argv: readonly string[], style: 'windows' | 'posix' = 'windows'): string {
  const line = argv.map(style === 'posix' ? quotePosixArg : quoteWindowsArg).join(' ');
  return style === 'windows' && line.startsWith('"') ? `& ${line}` : line;
}
