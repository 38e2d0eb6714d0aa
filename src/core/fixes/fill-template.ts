import type { FixShell } from '../knowledge/types.js';
import { err, ok, type Result } from '../result.js';
import { quotePowerShellLiteral, tokenizeTemplate } from './quote.js';
import { PLACEHOLDER, solePlaceholder } from '../text/placeholder.js';

// The one placeholder pattern (core/text/placeholder.ts), sticky here to read a template left to right.
const PLACEHOLDER_AT = new RegExp(PLACEHOLDER.source, 'y');

/** What may stand right before a PowerShell placeholder so that the literal is a whole argument or operand. */
const PS_BEFORE = /(?:^|[\s(,=;|{[]|(?<![\w-])-[A-Za-z][\w-]*:)$/;
/** What may follow it. */
const PS_AFTER = /^(?:$|[\s),;|}\].])/;

const isSingleQuote = (ch: string): boolean => ch !== '' && "'\u2018\u2019\u201A\u201B".includes(ch);

/**
 * Fills a PowerShell template: each `{{name}}` becomes one single-quoted literal of its value.
 * A placeholder inside a quoted string or comment of the template, or glued to other text, is a template error,
 * because then the value would not be one literal.
 */
export function fillPowerShellTemplate(template: string, values: ReadonlyMap<string, string>): Result<string, string> {
  let out = '';
  let state: 'code' | 'single' | 'double' | 'line-comment' | 'block-comment' = 'code';
  for (let i = 0; i < template.length; ) {
    PLACEHOLDER_AT.lastIndex = i;
    const m = PLACEHOLDER_AT.exec(template);
    if (m) {
      const name = m[1] ?? '';
      if (state !== 'code') return err(`places {{${name}}} inside a quoted string or comment; use it as a bare argument`);
      const after = template.slice(i + m[0].length);
      if (!PS_BEFORE.test(out) || !PS_AFTER.test(after)) return err(`glues {{${name}}} to other text; put it apart as its own argument`);
      const value = values.get(name);
      if (value === undefined) return err(`uses {{${name}}}, which has no value`);
      out += quotePowerShellLiteral(value);
      i += m[0].length;
      continue;
    }
    const ch = template[i] ?? '';
    const next = template[i + 1] ?? '';
    out += ch;
    i++;
    if (state === 'code') {
      if (isSingleQuote(ch)) state = 'single';
      else if (ch === '"' || '\u201C\u201D\u201E'.includes(ch)) state = 'double';
      else if (ch === '<' && next === '#') state = 'block-comment';
      else if (ch === '#' && /(?:^|\s)#$/.test(out)) state = 'line-comment';
    } else if (state === 'single' && isSingleQuote(ch)) {
      if (isSingleQuote(template[i] ?? '')) out += template[i++] ?? '';
      else state = 'code';
    } else if (state === 'double') {
      if (ch === '`') out += template[i++] ?? '';
      else if (ch === '"' || '\u201C\u201D\u201E'.includes(ch)) state = 'code';
    } else if (state === 'line-comment' && ch === '\n') state = 'code';
    else if (state === 'block-comment' && ch === '#' && next === '>') {
      out += next;
      i++;
      state = 'code';
    }
  }
  if (state === 'single' || state === 'double') return err('has an unterminated quoted string');
  return ok(out);
}

/** Programs a `cmd` fix may not start, because they are shells and would reintroduce shell parsing. */
const SHELLS = /^(?:cmd|powershell|pwsh|bash|sh|ash|dash|zsh|ksh|fish|busybox|wsl|start)(?:\.exe)?$/i;
/** Interpreters that run code given with -c or -e: a shell too, there (`python -c`, `node -e`). */
const INTERPRETERS = /^(?:python3?|node|perl|ruby)(?:\.exe)?$/i;

/** A shell word in a PowerShell fix's text (a program it starts), with a path or `.exe` or not. */
const SHELL_WORD = /(?<=^|[\s"'\\/=(;|&{])(cmd|powershell|pwsh|bash|sh|ash|dash|zsh|ksh|fish|busybox|wsl|start|(?:python3?|node|perl|ruby)(?:\.exe)?(?=\s+-[ce]\b)|\$env:ComSpec|%ComSpec%|iex|Invoke-Expression|Invoke-Command|icm|Start-Process|saps|\[scriptblock\]::Create)(?:\.exe)?(?![\w.-])/gi;

/**
 * The placeholders of a PowerShell fix that come after a shell the script starts (`kubectl exec … -- powershell
 * -Command Resolve-DnsName {{hostname}}`, `docker exec web cmd /c net user {{v}}`): the script passes each as one
 * argument, and that shell parses it again, as code (found by a reviewer: the pod DNS checks took `48MB`). By name, the
 * shell's kind. A shell word in a string or a comment counts too: the check is then only stricter.
 */
export function nestedPlaceholdersOf(template: string): Map<string, 'powershell' | 'cmd' | 'posix'> {
  const out = new Map<string, 'powershell' | 'cmd' | 'posix'>();
  const first = [...template.matchAll(SHELL_WORD)][0];
  if (!first) return out;
  const kind = shellKindOf(first[1]!);
  for (const m of template.slice(first.index + first[0].length).matchAll(PLACEHOLDER)) out.set(m[1]!, kind);
  return out;
}

/** How a shell named by `word` (a program, or PowerShell's way to run text) parses what it is given. */
function shellKindOf(word: string): 'powershell' | 'cmd' | 'posix' {
  const w = word.toLowerCase().replace(/\.exe$/, '');
  return /^(?:powershell|pwsh|iex|invoke-expression|invoke-command|icm|start-process|saps|\[scriptblock\]::create)$/.test(w) ? 'powershell' : /^(?:cmd|start|\$env:comspec|%comspec%)$/.test(w) ? 'cmd' : 'posix';
}

/** An argv-template result: the vector, and which tokens consist of a single placeholder (by name). */
export interface FilledArgv {
  argv: string[];
  /** For each argv element that is exactly one placeholder, that placeholder's name. */
  whole: Map<number, string>;
  /**
   * The placeholders that land in the arguments of a shell the command starts further on (`docker exec web powershell
   * -Command "Get-LocalUser {{user}}"`, `kubectl exec pod -- cmd /c …`): that shell parses them again, as code. By
   * name, the shell's kind.
   */
  nested: Map<string, 'powershell' | 'cmd' | 'posix'>;
  /** Each argv element as the template writes it, its placeholders unfilled. */
  written: string[];
}

/**
 * Fills a template for a program run without a shell (docker, kubectl, reg, net, cmd): the template is tokenised first
 * and each value is substituted inside its token, so a value can never split into more arguments or reach a shell.
 */
export function fillArgvTemplate(template: string, shell: Exclude<FixShell, 'powershell'>, values: ReadonlyMap<string, string>): Result<FilledArgv, string> {
  const { tokens, error, shellSyntax } = tokenizeTemplate(template);
  if (error) return err(error);
  if (shellSyntax.length) return err(`uses shell syntax (${[...new Set(shellSyntax)].join(' ')}), which does nothing without a shell`);
  const first = tokens[0]?.text ?? '';
  if (!first || first.includes('{{')) return err('must start with the program name, not a placeholder');
  const base = first.toLowerCase().replace(/\.exe$/, '');
  if (shell !== 'cmd' && base !== shell) return err(`is a ${shell} fix but starts with "${first}"`);
  if (shell === 'cmd' && SHELLS.test(first)) return err(`starts a shell ("${first}"); write the fix as a powershell fix or run the program directly`);
  const whole = new Map<number, string>();
  const nested = new Map<string, 'powershell' | 'cmd' | 'posix'>();
  // The first word after the program that names a shell (not a placeholder): what follows it, that shell parses.
  // `--entrypoint=cmd` (docker run's, as one token) starts a shell as well (found by an attacker helper).
  const shellOf = (t: { text: string }) => t.text.replace(/^--entrypoint=/i, '').replace(/^.*[\\/]/, '');
  const shellAt = tokens.findIndex((t, i) => i > 0 && !t.text.includes('{{') && (SHELLS.test(shellOf(t)) || (INTERPRETERS.test(shellOf(t)) && /^-[ce]$/.test(tokens[i + 1]?.text ?? ''))));
  const shellKind = shellAt < 0 ? undefined : shellKindOf(shellOf(tokens[shellAt]!));
  const argv: string[] = [];
  const written: string[] = [];
  for (const [idx, t] of tokens.entries()) {
    if (shellKind && idx > shellAt) for (const m of t.text.matchAll(PLACEHOLDER)) nested.set(m[1]!, shellKind);
    let missing: string | undefined;
    const text = t.text.replace(PLACEHOLDER, (_all, name: string) => {
      const v = values.get(name);
      if (v === undefined) missing ??= name;
      return v ?? '';
    });
    if (missing) return err(`uses {{${missing}}}, which has no value`);
    const only = solePlaceholder(t.text);
    if (only !== undefined) whole.set(idx, only);
    argv.push(text);
    written.push(t.text);
  }
  return ok({ argv, whole, nested, written });
}

/**
 * Checks that a fix's command template can be filled safely (for `kb check`): returns why not, or undefined.
 * PowerShell placeholders must be bare arguments; argv templates must start with the program and use no shell syntax.
 */
export function checkFixTemplate(fix: { shell: FixShell; command: string; params: Record<string, unknown> }): string | undefined {
  const values = new Map(Object.keys(fix.params).map((k) => [k, 'v']));
  const r = fix.shell === 'powershell' ? fillPowerShellTemplate(fix.command, values) : fillArgvTemplate(fix.command, fix.shell, values);
  if (!r.ok) return `the command ${r.error}`;
  // The docs and topic screens show the template as written, and PowerShell drops a bare `--` from a line pasted into it
  // (it ends PowerShell's own parameters): `kubectl exec POD -- CMD` would reach kubectl without it.
  if (fix.shell !== 'powershell' && tokenizeTemplate(fix.command).tokens.some((t) => t.text === '--' && !t.quoted)) return 'the command has a bare --, which PowerShell drops from a pasted line: write "--"';
  return undefined;
}
