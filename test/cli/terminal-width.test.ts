// Plain text a command prints for a terminal wraps at words under its column, where the terminal would cut a word in two
// ("Windows Se / rver 2019"; found by a tester at 80 columns); a command to copy stays one line, and a pipe gets the
// lines as they are.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../../src/platform/audit-log.js';
import { displayWidth } from '../../src/core/text/display-width.js';
import { runCli } from '../helpers/cli-io.js';

const WIDTH = 60;
const tty = { tty: true, env: { COLUMNS: String(WIDTH), NO_COLOR: '1', LANG: 'en_US.UTF-8' } };
const overWide = (out: string) => out.split('\n').filter((l) => displayWidth(l) > WIDTH);

describe('the CLI at the terminal width', () => {
  it.each([
    ['explain', ['explain', '0x6be']],
    ['docs (the list)', ['docs']],
  ])('%s: no line wider than the terminal', async (_name, args) => {
    const r = await runCli(args, tty);
    expect(r.code).toBe(0);
    expect(overWide(r.stdout)).toEqual([]);
    // Through a pipe, the same text unwrapped: a line there is wider.
    expect(overWide((await runCli(args, { env: tty.env })).stdout).length).toBeGreaterThan(0);
  });

  it('history and the list of trees: the last column wraps under itself and the rule stops at the edge (found by a tester: a 230-column rule)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wcd-width-'));
    try {
      const command = 'Get-NetNatStaticMapping | Where-Object ExternalPort -eq 8080 | Remove-NetNatStaticMapping -Confirm:$false';
      appendAuditEntry({ time: '2026-12-01T10:00:00.000Z', topic: 'nat-static-mapping-conflict', fix: 'remove-nat-mapping-on-port', outcome: 'refused', command, argv: ['powershell'], exitCode: null, durationMs: null, reason: 'declined at the confirmation prompt' }, dir);
      const r = await runCli(['history'], { ...tty, env: { ...tty.env, WCDOCTOR_DATA_DIR: dir } });
      expect(r.code).toBe(0);
      expect(overWide(r.stdout)).toEqual([]);
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(`${command} (declined at the confirmation prompt)`.replace(/\s+/g, ' '));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(overWide((await runCli(['troubleshoot'], tty)).stdout)).toEqual([]);
  });

  it('compat and fix: the sentences wrap, each command stays whole on its line', async () => {
    const compat = await runCli(['compat', '--host', 'ltsc2022', '--image', 'mcr.microsoft.com/windows/servercore:ltsc2019'], tty);
    const commands = overWide(compat.stdout);
    expect(commands).toContain('       docker run --isolation=hyperv mcr.microsoft.com/windows/servercore:ltsc2019');
    for (const l of commands) expect(l).toMatch(/^ {7}(?:docker|FROM|kubectl) /);
    const fix = await runCli(['fix', 'nat-static-mapping-conflict'], tty);
    const wide = overWide(fix.stdout);
    expect(wide.length).toBeGreaterThan(0);
    for (const l of wide) expect(l).toMatch(/^ {4}(?:Get-|Remove-|New-|docker|netsh|&|\(|\$)/);
  });
});
