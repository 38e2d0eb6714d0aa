import { escapeJsonControls, showControls, showControlsKeepColour, showJsonControls } from '../core/text/terminal-safe.js';
import type { CliIO } from './io.js';

/** A C0 control character that showControls shows (all but tab and line feed). */
const C0_CONTROL = /[\u0000-\u0008\u000b-\u001f]/;
/** A line that starts with a character beyond ASCII: where a combining mark with nothing to sit on may stand (JSON's own lines never do). */
const LINE_START_BEYOND_ASCII = /(?:^|\n)[^\u0000-\u007f]/;

/** Whether a command line asks for JSON on standard output (`--json` before any `--`). */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/**
 * The one place the CLI's text reaches a terminal (or a pipe): every write is made safe, whatever
 * it carries from a paste, argv, a file or a fix's child process. Control characters are shown
 * visibly (`␛`, `␇`, `\x9b`), colour sequences included: a name in collected output or an argument
 * could otherwise set black on black and hide what follows. Only `outStyled`, which the two commands
 * that print rendered Markdown (our knowledge, styled) use for it, lets colour sequences pass. With
 * `--json`, standard output also gets DEL, C1, U+2028 and U+2029 written as `\uXXXX`, which keeps
 * the JSON valid, and its values show their control characters once decoded as the text output shows them
 * (showJsonControls: a consumer's `jq -r` prints them).
 */
export function terminalSafeIO(io: CliIO, opts: { json: boolean }): CliIO {
  const out = opts.json
    ? (s: string) => {
        // What escapeJsonControls leaves can hold only one kind of what showControls shows: a C0 control (it writes every
        // other one, and every mark past the fourth, as an escape), or a mark at the start of a line, which JSON text never
        // has. Looked for first with plain patterns: showControls'
        // own (Unicode marks) took a cold start a third of a millisecond to build and run over the JSON.
        // The values, decoded, show their control characters as the text output does (showJsonControls).
        const escaped = showJsonControls(escapeJsonControls(s));
        io.out(C0_CONTROL.test(escaped) || LINE_START_BEYOND_ASCII.test(escaped) ? showControls(escaped) : escaped);
      }
    : (s: string) => io.out(showControls(s));
  return {
    ...io,
    out,
    outStyled: opts.json ? out : (s) => io.out(showControlsKeepColour(s)),
    err: (s) => io.err(showControls(s)),
  };
}
