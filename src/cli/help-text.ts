import type { AddHelpTextContext, Command } from 'commander';

/**
 * The help's words in the language of the run: the text of a key, or the English given when the help is English or the
 * key is not one the catalogues have (see help.ts, which registers it for a program).
 */
export type HelpWords = (key: string, english: string) => string;

const WORDS = new WeakMap<Command, HelpWords>();

/** Registers the help's words for a program and its commands; a program without them prints its help in English. */
export function setHelpWords(program: Command, words: HelpWords): void {
  WORDS.set(program, words);
}

/** The help's words of the program `cmd` belongs to; English when none were registered. */
export function helpWordsOf(cmd: Command): HelpWords {
  let root = cmd;
  while (root.parent) root = root.parent;
  return WORDS.get(root) ?? ((_key, english) => english);
}

/**
 * A command's place in the program, which keys its help texts: `diagnose`, `kb.build`, `network.plan`, and `wcdoctor`
 * for the program itself.
 */
export function commandPathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.length ? names.join('.') : cmd.name();
}

/**
 * A block printed after a command's help (exit codes, examples), after a blank line, in the language of the help:
 * `help.<command path>.after` (see commandPathOf), or `english` as given. Chosen when the help is printed, so
 * registering a command reads no catalogue; this module loads no commander (the diagnose bundle has none).
 */
export function afterHelp(english: string): (context: AddHelpTextContext) => string {
  return ({ command }) => `\n${helpWordsOf(command)(`help.${commandPathOf(command)}.after`, english)}`;
}
