import { Help, type Argument, type Command, type Option } from 'commander';
import { displayWidth } from '../core/text/display-width.js';
import { stripEscapeSequences } from '../core/text/normalise.js';
import { wrapAnsiLine } from '../core/text/wrap-ansi.js';
import type { MessageKey, T } from '../ui/i18n.js';
import { commandPathOf, setHelpWords, type HelpWords } from './help-text.js';
import { HELP_KEYS } from './help-keys.js';

/** The key of a command's description: `help.cmd.<path>` (see commandPathOf); commander's own help command shares one. */
export const commandHelpKey = (cmd: Command): string => (cmd.name() === 'help' ? 'help.cmd.help' : `help.cmd.${commandPathOf(cmd)}`);

/** The key of an option's description: `help.<path>.opt.<long flag without dashes>`; the help option shares one. */
export const optionHelpKey = (cmd: Command, option: Option): string => (option.long === '--help' ? 'help.opt.help' : `help.${commandPathOf(cmd)}.opt.${option.name()}`);

/** The key of an argument's description: `help.<path>.arg.<name>`. */
export const argumentHelpKey = (cmd: Command, argument: Argument): string => `help.${commandPathOf(cmd)}.arg.${argument.name()}`;

/** The key of the block printed after a command's help (see afterHelp in help-text.ts). */
export const afterHelpKey = (cmd: Command): string => `help.${commandPathOf(cmd)}.after`;

/** Commander's headings, as formatHelp passes them to styleTitle. */
const TITLES: Readonly<Record<string, MessageKey>> = {
  'Usage:': 'help.title.usage',
  'Arguments:': 'help.title.arguments',
  'Options:': 'help.title.options',
  'Commands:': 'help.title.commands',
};

/** Han, kana and full-width forms, which a line may break between (see wrapAnsiLine). */
const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

/**
 * A line wrapped to a display width (wrapAnsiLine: two columns a CJK character, breaks between Han characters too), but
 * never inside a word without CJK that is wider than the line (a JSON shape, a path): such a word stands on a line of
 * its own, wider than the others, as commander leaves it in English.
 */
function wrapLine(line: string, width: number): string[] {
  const lines: string[] = [];
  let words: string[] = [];
  const flush = () => {
    if (words.length) lines.push(...wrapAnsiLine(words.join(' '), width));
    words = [];
  };
  for (const word of line.split(' ')) {
    if (displayWidth(word) > width && !CJK.test(word)) {
      flush();
      lines.push(word);
    } else words.push(word);
  }
  flush();
  return lines;
}

/** What commander adds in parentheses after a description (allowed choices, default, preset, variable), in the language of `t`. */
function extrasOf(t: T, item: Option | Argument, showDefault: boolean): string[] {
  const extra: string[] = [];
  if (item.argChoices) extra.push(t('help.extra.choices', { choices: item.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
  if (item.defaultValue !== undefined && showDefault) extra.push(t('help.extra.default', { value: item.defaultValueDescription || JSON.stringify(item.defaultValue) }));
  if ('presetArg' in item && item.presetArg !== undefined && item.optional) extra.push(t('help.extra.preset', { value: JSON.stringify(item.presetArg) }));
  if ('envVar' in item && item.envVar !== undefined) extra.push(t('help.extra.env', { name: item.envVar }));
  return extra;
}

const withExtras = (t: T, description: string, extra: readonly string[]): string =>
  extra.length === 0 ? description : description ? t('help.extra', { description, extra: extra.join(', ') }) : `(${extra.join(', ')})`;

/**
 * Makes the help of `program` and of every command registered on it afterwards (commander copies the settings to each
 * subcommand it creates) speak the language `translator` gives, asked once, when a help is first printed: registering
 * the commands reads no catalogue, and a run that prints no help never asks. English (no translator) is commander's
 * own help, byte for byte. Keys follow the command path and the option's long flag (see the *HelpKey functions);
 * a key the catalogues lack keeps its English text. Option names, placeholders (`<topic>`, `[options]`) and values
 * stay as they are; CJK text is measured and wrapped by display width (two columns a character, breaks between Han).
 */
export function localizeHelp(program: Command, translator: () => T | undefined): void {
  let chosen: T | undefined | null = null;
  const words = (): T | undefined => (chosen === null ? (chosen = translator()) : chosen);
  const say: HelpWords = (key, english) => {
    const t = words();
    return t && HELP_KEYS.has(key) ? t(key as MessageKey) : english;
  };
  setHelpWords(program, say);
  const base = Help.prototype;
  // The command whose help is being formatted: optionDescription and argumentDescription are not told it.
  let shown: Command = program;
  program.configureHelp({
    formatHelp(this: Help, cmd: Command, helper: Help): string {
      shown = cmd;
      return base.formatHelp.call(this, cmd, helper);
    },
    styleTitle(this: Help, title: string): string {
      const key = TITLES[title];
      const t = words();
      return key === undefined || !t ? base.styleTitle.call(this, title) : t(key);
    },
    commandDescription(this: Help, cmd: Command): string {
      return say(commandHelpKey(cmd), base.commandDescription.call(this, cmd));
    },
    subcommandDescription(this: Help, cmd: Command): string {
      return say(commandHelpKey(cmd), base.subcommandDescription.call(this, cmd));
    },
    optionDescription(this: Help, option: Option): string {
      const t = words();
      if (!t) return base.optionDescription.call(this, option);
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      return withExtras(t, say(optionHelpKey(shown, option), option.description), extrasOf(t, option, showDefault));
    },
    argumentDescription(this: Help, argument: Argument): string {
      const t = words();
      if (!t) return base.argumentDescription.call(this, argument);
      return withExtras(t, say(argumentHelpKey(shown, argument), argument.description), extrasOf(t, argument, true));
    },
    displayWidth(this: Help, str: string): number {
      return words() ? displayWidth(stripEscapeSequences(str)) : base.displayWidth.call(this, str);
    },
    boxWrap(this: Help, str: string, width: number): string {
      if (!words()) return base.boxWrap.call(this, str, width);
      return width < this.minWidthToWrap ? str : str.split('\n').flatMap((line) => wrapLine(line, width)).join('\n');
    },
  });
}
