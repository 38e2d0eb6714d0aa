import type { RunCommand } from '../core/fixes/types.js';
import { isProgramOnPath } from './program-lookup.js';
import { runCommand as defaultRunCommand } from './shell.js';

/** What copying to the clipboard did: which tool took the text, or why there is no clipboard. */
export type ClipboardResult = { ok: true; tool: string } | { ok: false; reason: string; noTool?: true };

/** What the clipboard helper needs to know about the machine; tests pass their own. */
export interface ClipboardHost {
  platform: string;
  env: Record<string, string | undefined>;
  hasProgram(name: string): boolean;
  run: RunCommand;
}

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
