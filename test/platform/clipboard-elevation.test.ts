import { describe, expect, it } from 'vitest';
import type { CommandResult, RunCommandOptions } from '../../src/core/fixes/types.js';
import { OSC52_MAX_BYTES, OSC52_TOOL, copyToClipboard, osc52Sequence } from '../../src/platform/clipboard.js';
import { checkElevation } from '../../src/platform/elevation.js';

const result = (r: Partial<CommandResult>): CommandResult => ({ exitCode: 0, signal: null, stdout: '', stderr: '', durationMs: 1, timedOut: false, cancelled: false, ...r });

describe('copyToClipboard', () => {
  it('reports unavailable when no tool is present', async () => {
    const r = await copyToClipboard('x', { platform: 'linux', env: {}, hasProgram: () => true, run: async () => result({}) });
    expect(r).toEqual({ ok: false, noTool: true, reason: expect.stringMatching(/no clipboard tool/) });
  });

  it('feeds clip.exe UTF-16LE with a byte-order mark on Windows', async () => {
    const calls: [string, readonly string[], RunCommandOptions | undefined][] = [];
    const r = await copyToClipboard('hé', { platform: 'win32', env: {}, hasProgram: () => true, run: async (f, a, o) => (calls.push([f, a, o]), result({})) });
    expect(r).toEqual({ ok: true, tool: 'clip.exe' });
    expect(Buffer.from(calls[0]?.[2]?.input as Uint8Array)).toEqual(Buffer.from([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00]));
    expect(calls[0]?.[2]?.captureOutput).toBe(false);
  });

  it('falls back from xclip to xsel and says why when both fail', async () => {
    const tried: string[] = [];
    const run = async (f: string) => (tried.push(f), result({ exitCode: 1 }));
    const r = await copyToClipboard('x', { platform: 'linux', env: { DISPLAY: ':0' }, hasProgram: () => true, run });
    expect(tried).toEqual(['xclip', 'xsel']);
    expect(r).toEqual({ ok: false, reason: 'xsel exited with 1' });
  });

  it('uses wl-copy on Wayland and pbcopy on macOS', async () => {
    const run = async () => result({});
    expect(await copyToClipboard('x', { platform: 'linux', env: { WAYLAND_DISPLAY: 'w' }, hasProgram: (n) => n === 'wl-copy', run })).toEqual({ ok: true, tool: 'wl-copy' });
    expect(await copyToClipboard('x', { platform: 'darwin', env: {}, hasProgram: () => true, run })).toEqual({ ok: true, tool: 'pbcopy' });
  });
});

describe('checkElevation', () => {
  it('is not applicable off Windows', async () => {
    expect(await checkElevation('linux')).toEqual({ kind: 'not-applicable' });
  });

  it('reads the high integrity SID from whoami /groups', async () => {
    const run = async () => result({ stdout: 'Mandatory Label\\High Mandatory Level Label S-1-16-12288' });
    expect(await checkElevation('win32', run)).toEqual({ kind: 'elevated' });
    expect(await checkElevation('win32', async () => result({ stdout: 'S-1-16-8192' }))).toEqual({ kind: 'not-elevated' });
  });

  it('falls back to net session when whoami fails', async () => {
    const run = async (f: string) => (f === 'whoami' ? result({ exitCode: 1 }) : result({ exitCode: 2 }));
    expect(await checkElevation('win32', run)).toEqual({ kind: 'not-elevated' });
    const none = async () => result({ exitCode: null, error: 'spawn ENOENT' });
    expect(await checkElevation('win32', none)).toMatchObject({ kind: 'unknown' });
  });
});

describe('copyToClipboard: OSC 52 when the user asks to copy and no tool is there (issue 17, defect 7)', () => {
  const none = { platform: 'linux', env: {}, hasProgram: () => false };
  it('asks the terminal, with the text base64-encoded, only when given a way to write to it', async () => {
    const written: string[] = [];
    const r = await copyToClipboard('docker network create -d nat "x\u001B]0;y\u0007"', { ...none, writeTerminal: (s) => written.push(s) });
    expect(r).toEqual({ ok: true, tool: OSC52_TOOL, sent: true });
    expect(written).toHaveLength(1);
    const [seq] = written;
    expect(seq).toMatch(/^\u001B\]52;c;[A-Za-z0-9+/=]+\u0007$/);
    expect(Buffer.from(seq!.slice(7, -1), 'base64').toString('utf8')).toBe('docker network create -d nat "x\u001B]0;y\u0007"');
    expect(await copyToClipboard('x', none)).toMatchObject({ ok: false, noTool: true });
  });
  it('does not send text too long for a terminal', async () => {
    const written: string[] = [];
    const r = await copyToClipboard('a'.repeat(OSC52_MAX_BYTES + 1), { ...none, writeTerminal: (s) => written.push(s) });
    expect(r).toMatchObject({ ok: false, noTool: true });
    expect(written).toEqual([]);
    expect(osc52Sequence('hi')).toBe('\u001B]52;c;aGk=\u0007');
  });
});
