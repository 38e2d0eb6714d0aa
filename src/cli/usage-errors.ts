import { echoed, showControls } from '../core/text/terminal-safe.js';
import type { MessageKey, T } from '../ui/i18n.js';

/** What commander throws for a command line it cannot read: its code (`commander.unknownOption` …) and its English message. */
export interface CommanderFailure {
  code: string;
  message: string;
  /** The command line of the command that refused it (`wcdoctor fix`), whose --help lists its options; `wcdoctor` when unknown. */
  command?: string;
}

const DID_YOU_MEAN = '\n(Did you mean ';

/**
 * A name from the command line as an error repeats it, on one line: cut (echoed), control characters shown, and
 * line feeds and tabs too, which the output filter keeps (a `--x\n…` option must not print a line of its own).
 */
export const namedInError = (value: string): string => showControls(echoed(value));

/** The text between a known beginning and end, or undefined when the text has another shape. */
function between(text: string, before: string, after: string): string | undefined {
  if (text.length < before.length + after.length || !text.startsWith(before) || !text.endsWith(after)) return undefined;
  return text.slice(before.length, text.length - after.length);
}

/**
 * Commander's suggestion (`\n(Did you mean --lang?)`, `\n(Did you mean one of a, b?)`) split off the end of its
 * message. It names our own options and commands; a name typed on the command line ends in its closing quote
 * before any suggestion, so a look-alike inside it is never taken for one.
 */
function splitSuggestion(message: string): { text: string; near: string[] } {
  const at = message.lastIndexOf(DID_YOU_MEAN);
  const names = at < 0 ? undefined : between(message.slice(at), DID_YOU_MEAN, '?)');
  if (names === undefined || names.includes('\n')) return { text: message, near: [] };
  const list = names.startsWith('one of ') ? names.slice('one of '.length) : names;
  return { text: message.slice(0, at), near: list.split(', ') };
}

const OPTION_VALUE = "error: option '";
const OPTION_VALUE_AT = "' argument '";
const IS_INVALID = "' is invalid.";
const ARGUMENT_VALUE = "error: command-argument value '";
const IS_INVALID_FOR = "' is invalid for argument '";

/** The error, and on a line of its own the detail commander gives after "… is invalid.": the allowed choices, or a value parser's own (English) words. */
function withDetail(t: T, said: string, rest: string): [string, string?] {
  const detail = rest.trim();
  if (!detail) return [said];
  const choices = between(detail, 'Allowed choices are ', '.');
  return [said, choices === undefined ? detail : t('cli.usage.allowedChoices', { choices })];
}

/** The errors that name one thing: commander's words around the name, our sentence, and the sentence's slot for it. */
const NAMED: Readonly<Record<string, readonly [before: string, after: string, key: MessageKey, param: string]>> = {
  'commander.unknownOption': ["error: unknown option '", "'", 'cli.usage.unknownOption', 'option'],
  'commander.unknownCommand': ["error: unknown command '", "'", 'cli.usage.unknownCommand', 'command'],
  'commander.missingArgument': ["error: missing required argument '", "'", 'cli.usage.missingArgument', 'argument'],
  'commander.optionMissingArgument': ["error: option '", "' argument missing", 'cli.usage.optionMissingArgument', 'option'],
  'commander.missingMandatoryOptionValue': ["error: required option '", "' not specified", 'cli.usage.missingMandatoryOption', 'option'],
};

/**
 * The sentence of one error in the language of `t`, with the detail an invalid value has; undefined when commander's
 * message has a shape not known here.
 */
function sentence(t: T, code: string, text: string): string | [string, string?] | undefined {
  const named = NAMED[code];
  if (named) {
    const [before, after, key, param] = named;
    const value = between(text, before, after);
    return value === undefined ? undefined : t(key, { [param]: namedInError(value) });
  }
  switch (code) {
    case 'commander.excessArguments': {
      // Every name and number in it is ours or counted: "error: too many arguments for 'docs'. Expected 1 argument but got 3."
      const m = /^error: too many arguments(?: for '([\w-]{1,40})')?\. Expected (\d{1,4}) arguments? but got (\d{1,6})\.$/.exec(text);
      return m ? t('cli.usage.excessArguments', { command: m[1] ?? 'wcdoctor', count: Number(m[2]), received: Number(m[3]) }) : undefined;
    }
    case 'commander.invalidArgument': {
      // "error: option '--x <v>' argument 'V' is invalid. DETAIL" or "error: command-argument value 'V' is invalid for
      // argument 'a'. DETAIL": the flags, the argument's name and the detail are ours, the value is the user's, so it
      // is what lies between the first of our words after it and the last before it.
      if (text.startsWith(OPTION_VALUE)) {
        const flagsEnd = text.indexOf(OPTION_VALUE_AT);
        const end = text.lastIndexOf(IS_INVALID);
        if (flagsEnd < 0 || end < flagsEnd + OPTION_VALUE_AT.length) return undefined;
        const said = t('cli.usage.invalidOptionValue', { option: namedInError(text.slice(OPTION_VALUE.length, flagsEnd)), value: namedInError(text.slice(flagsEnd + OPTION_VALUE_AT.length, end)) });
        return withDetail(t, said, text.slice(end + IS_INVALID.length));
      }
      if (text.startsWith(ARGUMENT_VALUE)) {
        const end = text.lastIndexOf(IS_INVALID_FOR);
        const close = end < 0 ? -1 : text.indexOf("'.", end + IS_INVALID_FOR.length);
        if (end < ARGUMENT_VALUE.length || close < 0) return undefined;
        const said = t('cli.usage.invalidArgumentValue', { argument: namedInError(text.slice(end + IS_INVALID_FOR.length, close)), value: namedInError(text.slice(ARGUMENT_VALUE.length, end)) });
        return withDetail(t, said, text.slice(close + 2));
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * What to print for a command line commander could not read, in the language of `t`: the error, commander's
 * "did you mean" when it has one, and where the usage is. Each error is chosen by commander's code and its names
 * are read from commander's words; a message of a shape not known here is printed as commander wrote it (English),
 * with the hint in the language. Names typed on the command line are cut and shown safely (see `namedInError`).
 */
export function usageErrorText(t: T, e: CommanderFailure): string {
  const split = splitSuggestion(e.message);
  const { text } = split;
  // `-v`, how many programs spell --version, is -V here; commander suggests no short option (a new-user helper).
  const near = split.near.length === 0 && e.code === 'commander.unknownOption' && (e.command ?? 'wcdoctor') === 'wcdoctor' && /'-v'$/.test(text.trim()) ? ['-V'] : split.near;
  const said = sentence(t, e.code, text);
  const [first, detail] = typeof said === 'string' ? [said] : (said ?? []);
  const command = e.command ?? 'wcdoctor';
  // A message of a shape not known here: commander's English, with the program's name where commander says "error".
  const lines = first === undefined ? [`${command}: ${showControls(e.message.replace(/^error: /, ''))}`] : [t('cli.usage.error', { command, message: first }), ...(detail === undefined ? [] : [detail])];
  if (said !== undefined && near.length === 1) lines.push(t('cli.usage.didYouMean', { suggestion: namedInError(near[0] ?? '') }));
  else if (said !== undefined && near.length > 1) lines.push(t('cli.usage.didYouMeanOneOf', { suggestions: near.map(namedInError).join(', ') }));
  lines.push(t('cli.usage.help', { command: e.command ?? 'wcdoctor' }));
  return `${lines.join('\n')}\n`;
}
