import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFix } from '../../src/core/fixes/plan-fix.js';
import { describeOutcome, formatSeconds, runFix, type FixRunDeps } from '../../src/core/fixes/run-fix.js';
import type { FixPlan } from '../../src/core/fixes/types.js';
import { appendAuditEntry, readAuditLog } from '../../src/platform/audit-log.js';
import { loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { getDataDir } from '../../src/platform/paths.js';
import { runCommand } from '../../src/platform/shell.js';
import { PWSH, PWSH_COMMAND, SKIP_NOTE, type StubArg } from './pwsh.js';

// Issue 18: PowerShell fixes of the knowledge run through the real runner (platform/shell.ts runCommand: spawn,
// streaming, time limit, cancel; runFix: the audit log) with pwsh in place of powershell.exe and the exact
// arguments wcdoctor builds. The Windows cmdlets are functions of a stub module that pwsh loads on first use
// from PSModulePath (-NoProfile still loads modules), so the script itself runs as wcdoctor sends it.

const kb = loadKnowledgeBase();
let dir: string;
let dataDir: string;
let deps: FixRunDeps;
let pwshStartMs = 8000;
const saved = { PSModulePath: process.env.PSModulePath, WCD_STUB_LOG: process.env.WCD_STUB_LOG, WCD_STUB_MODE: process.env.WCD_STUB_MODE };

/** The module: each command records its arguments to $env:WCD_STUB_LOG, then acts as $env:WCD_STUB_MODE says. */
function writeStubModule(root: string, names: string[]): void {
  const mod = path.join(root, 'WcdStubs');
  mkdirSync(mod, { recursive: true });
  const body = `
function ConvertTo-WcdArg($a) {
  if ($null -eq $a) { return @{ null = $true } }
  if ($a -is [string]) { if ($a.PSObject.Properties['<CommandParameterName>']) { return @{ param = $a } }; return @{ s = $a } }
  if ($a -is [array]) { return @{ array = @(foreach ($x in $a) { ConvertTo-WcdArg $x }) } }
  return @{ type = $a.GetType().FullName; text = [string]$a }
}
function Invoke-WcdStub([string] $Name, [object[]] $ArgList) {
  $line = ConvertTo-Json -Compress -Depth 5 -InputObject ([ordered]@{ name = $Name; args = @(foreach ($x in $ArgList) { ConvertTo-WcdArg $x }) })
  [System.IO.File]::AppendAllText($env:WCD_STUB_LOG, $line + [Environment]::NewLine, [System.Text.UTF8Encoding]::new($false))
  # Straight to standard output, not down the pipeline: a stub in the middle of a pipeline shows its progress too.
  $say = { param($t) [Console]::Out.WriteLine($t); [Console]::Out.Flush() }
  switch ($env:WCD_STUB_MODE) {
    'stream' { & $say "$Name first"; Start-Sleep -Milliseconds 700; & $say "$Name second" }
    'hang' { & $say "$Name started"; Start-Sleep -Seconds 60; & $say "$Name never" }
    'fail' { throw "$Name failed: access is denied" }
    default { & $say "$Name ran" }
  }
}
${names.map((n) => `function ${n} { Invoke-WcdStub '${n}' $args }`).join('\n')}
Export-ModuleMember -Function ${names.join(', ')}
`;
  writeFileSync(path.join(mod, 'WcdStubs.psm1'), body, 'utf8');
  writeFileSync(path.join(mod, 'WcdStubs.psd1'), `@{ ModuleVersion = '1.0'; RootModule = 'WcdStubs.psm1'; FunctionsToExport = @(${names.map((n) => `'${n}'`).join(', ')}) }\n`, 'utf8');
}

function plan(topicId: string, fixId: string, values: Record<string, string>): FixPlan {
  const topic = kb.topics.find((t) => t.id === topicId);
  if (!topic) throw new Error(`no topic ${topicId}`);
  const r = planFix(topic, fixId, values);
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('; '));
  return r.value;
}

/**
 * The same plan with pwsh where powershell.exe would be: the arguments are exactly the ones wcdoctor builds. (The .NET
 * tool's pwsh is started as the command its shim starts, `dotnet …/pwsh.dll`: see pwshCommand in pwsh.ts.)
 */
const onPwsh = (p: FixPlan): FixPlan => ({ ...p, argv: [...(PWSH_COMMAND ?? ['pwsh']), ...p.argv.slice(1)] });

const stubCalls = (): { name: string; args: StubArg[] }[] =>
  readFileSync(process.env.WCD_STUB_LOG ?? '', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { name: string; args: StubArg[] });

// No backtick: a VM name refuses it (PowerShell's wildcard escape: -VMName 'a`b' matches the VM "ab"); the user
// name of the next case carries one.
const HOSTILE_VM = "vm ‘a’ 'b' ‚c‛ $(Stop-Computer) ;& $x --% -Force é中한";

describe.skipIf(!PWSH)(`PowerShell fixes through the real runner, with pwsh in place of powershell.exe${SKIP_NOTE}`, () => {
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'wcd-pwsh-run-'));
    dataDir = getDataDir({ WCDOCTOR_DATA_DIR: path.join(dir, 'data') });
    const names = new Set<string>();
    for (const t of kb.topics) for (const f of t.fixes) if (f.shell === 'powershell') for (const m of f.command.matchAll(/\b[A-Z][a-z]{1,20}-[A-Z][A-Za-z]{1,40}\b/g)) names.add(m[0]);
    // Only cmdlets this pwsh does not have (the Windows ones): the rest run as they are. The stubs themselves wait with
    // Start-Sleep and print through the formatter, so a stubbed Start-Sleep, Get-Date or Format-* would call itself.
    for (const n of ['Where-Object', 'Select-Object', 'ForEach-Object', 'Sort-Object', 'Out-Null', 'Test-Path', 'Get-Content', 'Set-Content', 'ConvertFrom-Json', 'ConvertTo-Json', 'Add-Member', 'New-Item', 'Split-Path', 'Get-ChildItem', 'Get-ItemProperty', 'Get-Process', 'Select-String', 'Start-Sleep', 'Get-Date', 'Format-Table', 'Format-List']) names.delete(n);
    writeStubModule(path.join(dir, 'modules'), [...names].sort());
    process.env.PSModulePath = [path.join(dir, 'modules'), saved.PSModulePath].filter(Boolean).join(path.delimiter);
    process.env.WCD_STUB_LOG = path.join(dir, 'calls.jsonl');
    deps = { runCommand, appendAudit: (e) => appendAuditEntry(e, dataDir), now: () => new Date() };
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a fix with a hostile value: the cmdlets get it byte for byte, the output streams, the run is recorded', async () => {
    writeFileSync(process.env.WCD_STUB_LOG ?? '', '');
    process.env.WCD_STUB_MODE = 'stream';
    const p = plan('dhcp-mac-spoofing', 'enable-mac-spoofing', { vm_name: HOSTILE_VM });
    const chunks: string[] = [];
    let done = false;
    const t0 = performance.now();
    const onOutput = (c: string) => {
      // How long pwsh takes here to start, load the stub module and print: the time limit of the timeout test below.
      if (!chunks.length) pwshStartMs = performance.now() - t0;
      chunks.push(`${done}:${c}`);
    };
    const r = await runFix(onPwsh(p), deps, { onOutput }).finally(() => (done = true));
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ outcome: 'ran', exitCode: 0 });
    expect(describeOutcome(p, r).id).toBe('applied');
    // Each stub printed "first", waited, printed "second": the first line reached onOutput before the run ended.
    expect(chunks[0]).toMatch(/^false:Get-VMNetworkAdapter first/);
    expect(r.stdout).toContain('Set-VMNetworkAdapter second');
    expect(stubCalls()).toEqual([
      { name: 'Get-VMNetworkAdapter', args: [{ param: '-VMName' }, { s: HOSTILE_VM }] },
      { name: 'Set-VMNetworkAdapter', args: [{ param: '-MacAddressSpoofing' }, { s: 'On' }] },
    ]);
    const log = readAuditLog(dataDir);
    expect(log.entries.at(-1)).toMatchObject({ topic: 'dhcp-mac-spoofing', fix: 'enable-mac-spoofing', outcome: 'ran', exitCode: 0, command: p.command, argv: p.argv });
  }, 60_000);

  it('records a cmdlet that throws as a failed run with its error (the prelude stops on the first error)', async () => {
    writeFileSync(process.env.WCD_STUB_LOG ?? '', '');
    process.env.WCD_STUB_MODE = 'fail';
    const p = plan('docker-pipe-access-denied', 'add-user-to-docker-users', { user: "CORP\\o'brien‘$x`" });
    const r = await runFix(onPwsh(p), deps);
    expect(r).toMatchObject({ outcome: 'failed', exitCode: 1 });
    expect(r.stderr).toContain('Add-LocalGroupMember failed: access is denied');
    expect(describeOutcome(p, r).id).toBe('failed');
    expect(stubCalls()).toEqual([{ name: 'Add-LocalGroupMember', args: [{ param: '-Group' }, { s: 'docker-users' }, { param: '-Member' }, { s: "CORP\\o'brien‘$x`" }] }]);
    expect(readAuditLog(dataDir).entries.at(-1)).toMatchObject({ fix: 'add-user-to-docker-users', outcome: 'failed', exitCode: 1 });
  }, 60_000);

  it('stops a run at its time limit and records it', async () => {
    writeFileSync(process.env.WCD_STUB_LOG ?? '', '');
    process.env.WCD_STUB_MODE = 'hang';
    const p = plan('containerd-config-migration', 'restart-containerd', {});
    // Long enough for pwsh to start and print (three times what that took in the first test, 2.5 to 8 s; 8 s when
    // the first test did not run), far shorter than the stub's minute.
    const limit = Math.min(8000, Math.max(2500, Math.ceil((3 * pwshStartMs) / 500) * 500));
    const r = await runFix(onPwsh(p), deps, { timeoutMs: limit });
    expect(r.outcome).toBe('timeout');
    expect(r.stdout).toContain('Restart-Service started');
    expect(r.stdout).not.toContain('never');
    expect(readAuditLog(dataDir).entries.at(-1)).toMatchObject({ fix: 'restart-containerd', outcome: 'timeout', reason: `stopped after ${formatSeconds(limit)}` });
  }, 60_000);

  it('cancels a run as soon as asked (here: on its first output) and records it', async () => {
    writeFileSync(process.env.WCD_STUB_LOG ?? '', '');
    process.env.WCD_STUB_MODE = 'hang';
    const p = plan('hns-stale-endpoint-after-reboot', 'remove-stale-hns-endpoint', { ip: '10.0.0.7' });
    const ac = new AbortController();
    const r = await runFix(onPwsh(p), deps, { signal: ac.signal, onOutput: () => ac.abort() });
    expect(r.outcome).toBe('cancelled');
    expect(r.stdout).toContain('Get-HnsEndpoint started');
    expect(r.stdout).not.toContain('never');
    expect(describeOutcome(p, r).id).toBe('cancelled');
    expect(readAuditLog(dataDir).entries.at(-1)).toMatchObject({ fix: 'remove-stale-hns-endpoint', outcome: 'cancelled' });
  }, 60_000);
});
