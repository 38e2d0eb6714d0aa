import type { RunCommand } from '../core/fixes/types.js';
import { isProgramOnPath } from './program-lookup.js';
import { runCommand as defaultRunCommand } from './shell.js';

/** What copying to the clipboard did: which tool took the text, or why there is no clipboard. */
/**
 * What became of a copy. `sent`: the text went to the terminal (OSC 52), which may or may not put it on the clipboard
 * (tmux and many terminals drop it unless allowed): nothing can tell, so the words say "sent", not "copied".
 */
export type ClipboardResult = { ok: true; tool: string; sent?: true } | { ok: false; reason: string; noTool?: true };

/** What the clipboard helper needs to know about the machine; tests pass their own. */
export interface ClipboardHost {
  platform: string;
  env: Record<string, string | undefined>;
  hasProgram(name: string): boolean;
  run: RunCommand;
  /**
   * Writes to the terminal itself, past the app's filter: given only where the user asked to copy (the
   * app's copy keys), it lets a session without a clipboard tool (SSH, tmux) copy through OSC 52.
   */
  writeTerminal?: (sequence: string) => void;
}

/** The most text OSC 52 carries: terminals drop longer sequences (xterm and tmux cap them near 100 kB). */
export const OSC52_MAX_BYTES = 74_000;

/**
 * The OSC 52 sequence that asks the terminal to put text on the clipboard: the text base64-encoded, so
 * nothing in it can end the sequence or act on the terminal. Undefined for text too long to send.
 * @example osc52Sequence('hi') === '\u001B]52;c;aGk=\u0007'
 */
export function osc52Sequence(text: string): string | undefined {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > OSC52_MAX_BYTES) return undefined;
  return `\u001B]52;c;${bytes.toString('base64')}\u0007`;
}

/** The tool name reported when the terminal was asked to copy. */
export const OSC52_TOOL = 'OSC 52';

function toUtf16leWithBom(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** The clipboard tools to try on a platform, in order, with the arguments and input encoding each needs. */
function candidates(host: ClipboardHost, text: string): { file: string; args: string[]; input: string | Uint8Array }[] {
  if (host.platform === 'win32') return [{ file: 'clip.exe', args: [], input: toUtf16leWithBom(text) }];
  if (host.platform === 'darwin') return [{ file: 'pbcopy', args: [], input: text }];
  const list: { file: string; args: string[]; input: string }[] = [];
  if (host.env.WAYLAND_DISPLAY) list.push({ file: 'wl-copy', args: [], input: text });
  if (host.env.DISPLAY) list.push({ file: 'xclip', args: ['-selection', 'clipboard'], input: text }, { file: 'xsel', args: ['--clipboard', '--input'], input: text });
  return list;
}

/**
 * Copies text to the system clipboard with clip.exe, pbcopy, wl-copy, xclip or xsel, whichever is present;
 * reports `ok: false` with a reason when none is (e.g. a server without a desktop session).
 */
export async function copyToClipboard(text: string, host: Partial<ClipboardHost> = {}): Promise<ClipboardResult> {
  const h: ClipboardHost = {
    platform: host.platform ?? process.platform,
    env: host.env ?? process.env,
    hasProgram: host.hasProgram ?? ((n) => isProgramOnPath(n)),
    run: host.run ?? defaultRunCommand,
  };
  const tools = candidates(h, text).filter((c) => h.hasProgram(c.file));
  if (tools.length === 0 && host.writeTerminal) {
    const sequence = osc52Sequence(text);
    if (sequence) {
      host.writeTerminal(sequence);
      return { ok: true, tool: OSC52_TOOL, sent: true };
    }
  }
  // `noTool` lets the app say this in the user's language; the reason stays for logs and the CLI.
  if (tools.length === 0) return { ok: false, noTool: true, reason: 'no clipboard tool is available here (clip.exe, pbcopy, wl-copy, xclip or xsel with a desktop session)' };
  let last = '';
  for (const t of tools) {
    // The tools fork and keep the selection alive, so their output is not captured (it would never close).
    const r = await h.run(t.file, t.args, { input: t.input, captureOutput: false, timeoutMs: 5000 });
    if (r.exitCode === 0) return { ok: true, tool: t.file };
    last = r.error ?? `${t.file} exited with ${r.exitCode ?? r.signal ?? 'no code'}`;
  }
  return { ok: false, reason: last };
}
