/**
 * The command line of a plain `wcdoctor diagnose` run, read without commander: building the
 * commander program and loading commander is a few milliseconds of every start, and `diagnose` is
 * the command people (and scripts) run most. Only the forms whose meaning is certain are read here:
 *
 *   [--lang L | --lang=L | --no-color]… diagnose [TEXT | - | --json | --limit N | --limit=N | --lang L | --lang=L | --no-color]…
 *   [--lang L | --lang=L | --no-color | --json | --limit N | --limit=N]…   (with --json or --limit, no text: standard input)
 *
 * Anything else (help, --version, `--`, an unknown or misspelt option, an option with no value or a
 * value that starts with `-`, a negative number as text, no `diagnose` first) gives undefined, and
 * commander reads the command line as it always has, with its help and its errors. For what is read
 * here, the result is what commander gives the diagnose action (test/cli/diagnose-args.test.ts runs
 * both on the same command lines).
 */

/** What the diagnose action receives, as commander would give it. */
export interface DiagnoseArgs {
  /** The text operands, in order (`-` alone: read standard input). */
  words: string[];
  json: boolean;
  /** As written (the action checks it). */
  limit: string;
  /** The global --lang, when given (the last one wins). */
  lang?: string;
  /** --no-color was given. */
  noColor: boolean;
}

/** The default of --limit (as registerDiagnose declares it). */
export const DEFAULT_LIMIT = '5';

/**
 * Reads `argv` (without node and the script) as a diagnose command line, or gives undefined when it
 * is not one of the forms above.
 */
export function diagnoseArgsOf(argv: readonly string[]): DiagnoseArgs | undefined {
  const out: DiagnoseArgs = { words: [], json: false, limit: DEFAULT_LIMIT, noColor: false };
  let command = false;
  /** diagnose's options were given without the command word (only text on standard input goes with them). */
  let optionsOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // An option's value: the next argument, which must be there and not look like an option.
    const value = (): string | undefined => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('-')) return undefined;
      i++;
      return v;
    };
    if (arg === '--no-color') out.noColor = true;
    else if (arg === '--lang') {
      const v = value();
      if (v === undefined) return undefined;
      out.lang = v;
    } else if (arg.startsWith('--lang=')) out.lang = arg.slice('--lang='.length);
    // diagnose's own options, also without the command word, for text on standard input (`echo 0x800705B4 | wcdoctor
    // --json`, which commander refused as an unknown option: a new-user helper); plainDiagnosis takes them only so.
    else if (arg === '--json') {
      out.json = true;
      optionsOnly ||= !command;
    } else if (arg === '--limit') {
      const v = value();
      if (v === undefined) return undefined;
      out.limit = v;
      optionsOnly ||= !command;
    } else if (arg.startsWith('--limit=')) {
      out.limit = arg.slice('--limit='.length);
      optionsOnly ||= !command;
    } else if (!command) {
      // `-`, standard input, beside them (`wcdoctor --json -`); diagnose's options before its command word are the
      // program's, which has none (commander refuses them).
      if (arg === '-' && optionsOnly) out.words.push(arg);
      else if (arg !== 'diagnose' || optionsOnly) return undefined;
      else command = true;
    } else if (arg.length > 1 && arg.startsWith('-')) return undefined;
    else out.words.push(arg);
  }
  return command || (optionsOnly && (out.words.length === 0 || (out.words.length === 1 && out.words[0] === '-'))) ? out : undefined;
}

/**
 * Whether a run is a plain diagnosis that needs no commander: its command line is one of the forms
 * above, and it has text (or standard input is not a terminal, so the text comes from there). With
 * no text in a terminal, the diagnose screen opens or commander's path says what is missing.
 */
export function plainDiagnosis(argv: readonly string[], stdinIsTerminal: boolean): DiagnoseArgs | undefined {
  const args = diagnoseArgsOf(argv);
  return args && (args.words.length > 0 || !stdinIsTerminal) ? args : undefined;
}

/** Whether a word of the command line is one of diagnose's own options (`--json`, `--limit N`, `--limit=N`). */
export const isDiagnoseOption = (word: string): boolean => word === '--json' || word === '--limit' || word.startsWith('--limit=');
