import { exitCodeOfSignal } from '../../core/signals.js';
import type { Command } from 'commander';
import type { AppEnd, OpenAppInitial } from '../../ui/run.js';
import type { Locale } from '../../core/knowledge/types.js';
import { EXIT, type CliIO } from '../io.js';
import { parseLangOption, resolveCliLocale, translatorFor } from '../lang.js';
import { isDiagnoseOption } from '../diagnose-args.js';
import { COMMAND_NAMES } from '../command-names.js';
import { UserError } from '../../core/errors.js';

/**
 * A terminal that cannot move the cursor (TERM=dumb: Emacs' shell, some serial and CI consoles) prints the app's cursor
 * movements as text and cannot redraw it (found by an attacker helper: 62 sequences for one key and quit). The app is
 * refused there with exit 2, before anything is drawn; every command works in such a terminal.
 */
export function refuseDumbTerminal(env: CliIO['env'], lang?: Locale): void {
  if (env.TERM?.trim().toLowerCase() !== 'dumb') return;
  // In the run's --lang where one was given (a regression tester got the environment's language), else the environment's.
  const t = translatorFor(lang ?? resolveCliLocale(undefined, env));
  throw new UserError(
    t ? t('cli.dumbTerminal') : 'this terminal (TERM=dumb) cannot move the cursor, which the app needs to draw its screens',
    [t ? t('cli.dumbTerminalHint') : 'every command works here: wcdoctor --help lists them (wcdoctor diagnose "<the error>", wcdoctor docs, ...)'],
    EXIT.usage,
  );
}

/**
 * Loads the app's modules (Ink, React, the screens) and the Node platform, with two globals hidden
 * while they load:
 * - CI: Ink decides at import time that a CI environment (CI=true) gets only the final frame. The
 *   app opens only when stdin and stdout are terminals, so a person is watching.
 * - fetch: yoga-layout's loader fetches its embedded WebAssembly through fetch() when there is one,
 *   which loads Node's HTTP client (about 35 ms before the first frame); without it, the loader
 *   decodes the same bytes itself. wcdoctor makes no network requests.
 */
export async function loadApp(): Promise<[typeof import('../../ui/run.js'), typeof import('../../platform/platform.js')]> {
  const ci = process.env.CI;
  delete process.env.CI;
  const fetchProperty = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetchProperty?.configurable) delete (globalThis as { fetch?: unknown }).fetch;
  try {
    return await Promise.all([import('../../ui/run.js'), import('../../platform/platform.js')]);
  } finally {
    if (ci !== undefined) process.env.CI = ci;
    if (fetchProperty?.configurable) Object.defineProperty(globalThis, 'fetch', fetchProperty);
  }
}

/**
 * Opens the app at a screen for a command (`wcdoctor diagnose`, `compat` or nothing, in a terminal) and gives the run
 * the exit code of the signal that ended the app, when one did (Ctrl+C: 130).
 */
export async function openScreen(io: CliIO, initial: OpenAppInitial, opts: { noColor?: boolean; lang?: Locale } = {}): Promise<void> {
  const { interruptedBy } = await openInteractive(initial, opts);
  if (interruptedBy) io.setExitCode(exitCodeOfSignal(interruptedBy));
}

/**
 * Opens the interactive app at a screen (home, diagnose with text, docs at a topic). The CLI
 * creates the platform the UI receives; a knowledge base that is not built is a UserError before
 * anything is drawn. Ink, React and the platform load here, lazily.
 */
export async function openInteractive(initial: OpenAppInitial, opts: { noColor?: boolean; lang?: Locale } = {}): Promise<AppEnd> {
  refuseDumbTerminal(process.env, opts.lang);
  const [{ openApp }, { createNodePlatform }] = await loadApp();
  return openApp(initial, { platform: createNodePlatform({ terminalClipboard: true }), noColor: opts.noColor ?? false, ...(opts.lang ? { lang: opts.lang } : {}) });
}

/**
 * The default action, `wcdoctor` alone: the interactive app when stdin and stdout are terminals,
 * otherwise the help for the non-interactive commands (exit 0). Ink and React are imported only
 * here, lazily, so headless commands start light.
 */
export function registerUi(program: Command, io: CliIO): void {
  // Stray words reach the action so that they can be named as an unknown command. Registered
  // last, so the subcommands created before do not inherit this setting.
  program.allowExcessArguments(true);
  // Options after a stray word reach the action too, so that `diagnos --json x` is named as the unknown command it
  // starts with, not as an unknown option (found by a helper).
  program.allowUnknownOption(true);
  program.action(async (_opts: unknown, cmd: Command) => {
    // A stray word is an unknown command, and a stray option an unknown option, refused as commander refuses them under
    // a subcommand (`kb biuld`): the same words, the suggestion of the nearest name, said in the user's language by
    // parseWithCommander (program.ts).
    const [first] = cmd.args;
    const refuse = cmd as unknown as { unknownCommand(): never; unknownOption(flag: string): never };
    if (first !== undefined) {
      // diagnose's own options, where they cannot be read as a diagnosis of standard input: said as diagnose says them.
      // Not when a command word follows: the option is then that command's, in the wrong place (`--json docs x`; a
      // regression tester got "an option of diagnose" for commands that have --json themselves).
      if (isDiagnoseOption(first) && !cmd.args.some((a) => COMMAND_NAMES.includes(a))) {
        const { diagnoseOptionError, resolveDiagnoseLocale } = await import('./diagnose.js');
        throw diagnoseOptionError(cmd.args, resolveDiagnoseLocale(program.opts<{ lang?: string }>().lang, io.env));
      }
      if (first.length > 1 && first.startsWith('-')) {
        // Commander's unknownOption passes over an option while unknown options are allowed.
        cmd.allowUnknownOption(false);
        refuse.unknownOption(first);
      }
      refuse.unknownCommand();
    }
    // A --lang that names no language is refused here too, as every command refuses it (found by a helper: the help was
    // printed, or the app opened, as if it had not been given).
    const lang = program.opts<{ lang?: string }>().lang;
    const locale = lang === undefined ? undefined : parseLangOption(lang, io.env);
    if (!io.isTTY.stdin && io.stdinPiped) {
      // `echo 0x800705B4 | wcdoctor`: what comes down the pipe is diagnosed; an empty pipe gets the help.
      const { readDiagnoseInput, runDiagnose, resolveDiagnoseLocale } = await import('./diagnose.js');
      const locale = resolveDiagnoseLocale(program.opts<{ lang?: string }>().lang, io.env);
      const text = await readDiagnoseInput(io, locale);
      if (text.trim()) {
        await runDiagnose(text, { locale, limit: 5, json: false }, io);
        return;
      }
    }
    if (!io.isTTY.stdin || !io.isTTY.stdout) {
      io.out(program.helpInformation());
      return;
    }
    // --lang is the app's language for this run too (found by a helper: it was ignored there).
    await openScreen(io, { screen: 'home' }, { noColor: program.opts<{ color?: boolean }>().color === false, ...(locale ? { lang: locale } : {}) });
  });
}
