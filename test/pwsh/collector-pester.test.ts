import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateHost, type HostReport } from '../../src/core/check/evaluate.js';
import { readCheckInput } from '../../src/core/check/read-input.js';
import { READS } from '../../src/core/check/reads.js';
import { decodeText } from '../../src/core/text/decode-text.js';
import { runCli } from '../helpers/cli-io.js';
import { PWSH, SKIP_NOTE, spawnPwshSync } from './pwsh.js';

// Issue 18, the collector under Pester: test/pwsh/collector/collector.Tests.ps1 runs src/platform/collector/collect.ps1
// in real PowerShell 7 with every Windows-only command answered from a fixture host (one pwsh process for all the
// Pester tests), and saves what the collector printed. Here those documents go through `wcdoctor check --from`
// (the CLI in-process: decoding, reading, evaluating) and the findings are asserted.

const HERE = path.dirname(new URL(import.meta.url).pathname);
const HOSTS = path.join(HERE, '..', 'fixtures', 'check', 'hosts');

/** Where Pester 5 is, by the folders pwsh looks in for modules; the reason when it is not there. */
function findPester(pwsh: string | undefined): { dir: string } | { missing: string } {
  if (!pwsh) return { missing: 'no pwsh' };
  const dirs = [
    ...(process.env.PSModulePath ?? '').split(path.delimiter).filter(Boolean),
    path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'powershell', 'Modules'),
  ];
  try {
    dirs.push(path.join(path.dirname(realpathSync(pwsh)), 'Modules'));
  } catch {
    // the .NET tool's shim: its modules are found through the others
  }
  for (const d of dirs) {
    const root = path.join(d, 'Pester');
    if (!existsSync(root)) continue;
    const v5 = readdirSync(root).find((v) => /^[5-9]\./.test(v) && existsSync(path.join(root, v, 'Pester.psd1')));
    if (v5) return { dir: path.join(root, v5) };
  }
  return { missing: 'Pester 5 is not installed (run scripts/install-pwsh.sh)' };
}

const pester = findPester(PWSH);
const SKIP = SKIP_NOTE || ('missing' in pester ? ` (SKIPPED: ${pester.missing})` : '');

interface PesterSummary {
  pester: string;
  pwsh: string;
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  notRun: number;
  ms: number;
  failures: { name: string; message: string }[];
}

let out: string;
let summary: PesterSummary;
let wallMs: number;

type Json = { kind: string; host?: string; elevated?: boolean | null; findings: { check: string; status: string; reason?: string; evidence: { read: string; value: string }[] }[] };

/**
 * `wcdoctor check --from FILE --json`, in-process; once per document (the documents do not change after the Pester
 * run, and several tests judge the same one). Each caller gets its own parsed copy.
 */
const checked = new Map<string, Promise<{ code: number; stdout: string; stderr: string }>>();
async function checkFrom(file: string): Promise<{ code: number; json: Json; stderr: string }> {
  let run = checked.get(file);
  if (!run) checked.set(file, (run = runCli(['check', '--from', file, '--json'])));
  const r = await run;
  return { code: r.code, json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}
const status = (j: Json, check: string) => j.findings.find((f) => f.check === check);
const statuses = (j: Json) => Object.fromEntries(j.findings.map((f) => [f.check, f.reason ? `${f.status} (${f.reason})` : f.status]));

/** The fixture host the mocks answered from, evaluated as it is. */
function fixtureReport(file: string): HostReport {
  const input = readCheckInput(decodeText(readFileSync(path.join(HOSTS, file))));
  if (!input.ok || input.value.kind !== 'facts') throw new Error(`${file} is not a collector document`);
  return evaluateHost(input.value.docs[0]!);
}
const reportStatuses = (r: HostReport) => Object.fromEntries(r.findings.map((f) => [f.check, f.reason ? `${f.status} (${f.reason})` : f.status]));

describe.skipIf(SKIP !== '')(`the host collector under PowerShell 7 and Pester${SKIP}`, () => {
  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'wcd-collector-'));
    const started = Date.now();
    const r = spawnPwshSync(['-NoLogo', '-NoProfile', '-NonInteractive', '-File', path.join(HERE, 'collector', 'run-pester.ps1'), '-OutDir', out], { timeout: 240_000 });
    wallMs = Date.now() - started;
    if (r.status !== 0 || !existsSync(path.join(out, 'pester.json'))) throw new Error(`Pester did not run (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
    summary = JSON.parse(readFileSync(path.join(out, 'pester.json'), 'utf8')) as PesterSummary;
  }, 260_000);
  afterAll(() => {
    checked.clear();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('every Pester test passes (syntax, the hosts, the fleet)', () => {
    expect(summary.failures).toEqual([]);
    expect(summary.failed).toBe(0);
    expect(summary.notRun + summary.skipped).toBe(0);
    expect(summary.passed).toBe(summary.total);
    expect(summary.total).toBeGreaterThanOrEqual(30);
    expect(summary.pwsh).toMatch(/^7\./);
    console.log(`collector Pester: ${summary.passed} tests passed in ${summary.ms} ms (pwsh ${summary.pwsh}, Pester ${summary.pester}; ${wallMs} ms with pwsh start)`);
  });

  it.each([
    ['healthy', 'ws2022-healthy.json'],
    ['one-network', 'k8s-node-containerd2.json'],
    ['several-networks', 'ws2019-problems.json'],
    ['unelevated', 'win11-desktop-linux-unelevated.json'],
  ])('%s: what the collector wrote judges as the fixture host it was answered from (%s)', async (name, fixture) => {
    const r = await checkFrom(path.join(out, `${name}.json`));
    expect(r.stderr).toBe('');
    expect(r.json.kind).toBe('host');
    expect(statuses(r.json)).toEqual(reportStatuses(fixtureReport(fixture)));
  });

  it('healthy host: every judged check passes, exit 0; the images are all read', async () => {
    const r = await checkFrom(path.join(out, 'healthy.json'));
    expect(r.code).toBe(0);
    expect(r.json.host).toBe('CONTAINERHOST01');
    expect(r.json.elevated).toBe(true);
    expect(r.json.findings.filter((f) => f.status === 'warn' || f.status === 'fail')).toEqual([]);
    for (const c of ['session-elevated', 'os-build', 'engine-version', 'core-services', 'hns-expected-network', 'hns-endpoint-state', 'defender-exclusions', 'excluded-port-ranges', 'credential-specs']) {
      expect(status(r.json, c)?.status, c).toBe('pass');
    }
    // Regression: with two or more images, "docker image ls -q" was read as one line and no image was inspected.
    const doc = JSON.parse(readFileSync(path.join(out, 'healthy.json'), 'utf8')) as { reads: { dockerImages: { output: string } } };
    expect((JSON.parse(doc.reads.dockerImages.output) as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect(status(r.json, 'image-newer-than-host')?.status).toBe('pass');
  });

  it('one HNS network and several: the checks on HNS see each network', async () => {
    const one = await checkFrom(path.join(out, 'one-network.json'));
    const several = await checkFrom(path.join(out, 'several-networks.json'));
    const nets = (file: string) => JSON.parse((JSON.parse(readFileSync(path.join(out, file), 'utf8')) as { reads: { hnsNetworks: { output: string } } }).reads.hnsNetworks.output) as { Name: string }[];
    expect(nets('one-network.json').map((n) => n.Name)).toEqual(['cbr0']);
    expect(nets('several-networks.json')).toHaveLength(2);
    expect(status(one.json, 'hns-expected-network')?.status).toBe('pass');
    expect(status(several.json, 'hns-expected-network')?.status).toBe('fail');
    expect(status(one.json, 'hns-endpoint-state')?.status).toBe('pass');
    expect(status(several.json, 'hns-endpoint-state')?.status).toBe('warn');
    expect(several.code).toBe(1);
  });

  it('host without admin (saved as UTF-16LE): the admin-only checks are "not evaluated: run as administrator", never pass', async () => {
    expect([...readFileSync(path.join(out, 'unelevated.json')).subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const r = await checkFrom(path.join(out, 'unelevated.json'));
    expect(r.json.elevated).toBe(false);
    expect(status(r.json, 'session-elevated')?.status).toBe('warn');
    const adminReads = new Set(Object.entries(READS).filter(([, s]) => s.admin).map(([id]) => id));
    const needsAdmin = r.json.findings.filter((f) => f.reason === 'needs-admin');
    expect(needsAdmin.map((f) => f.check)).toEqual(['containers-feature', 'hns-expected-network', 'hns-management-ip', 'hns-endpoint-state', 'hns-endpoint-leak', 'vswitch-unknown-to-hns', 'defender-exclusions']);
    for (const f of needsAdmin) expect(f.status, f.check).toBe('not-evaluated');
    // Nothing that needs an admin-only read passed on it.
    for (const f of r.json.findings) if (f.status === 'pass') expect(f.evidence.filter((e) => adminReads.has(e.read)), f.check).toEqual([]);
  });

  it('a read that throws: that check is not evaluated (read failed) with the error, every other check as on the healthy host', async () => {
    const healthy = statuses((await checkFrom(path.join(out, 'healthy.json'))).json);
    const r = await checkFrom(path.join(out, 'read-throws.json'));
    const disk = status(r.json, 'disk-free');
    expect(disk).toMatchObject({ status: 'not-evaluated', reason: 'read-failed' });
    expect(JSON.stringify(disk)).toContain('Access denied');
    const changed = Object.entries(statuses(r.json)).filter(([c, s]) => healthy[c] !== s).map(([c]) => c);
    expect(changed).toEqual(['disk-free']);
  });

  it('docker answering "Access is denied": the pipe-access check fails with docker\'s text', async () => {
    const r = await checkFrom(path.join(out, 'docker-denied.json'));
    expect(r.code).toBe(1);
    const f = status(r.json, 'docker-pipe-access');
    expect(f?.status).toBe('fail');
    expect(JSON.stringify(f?.evidence)).toContain('Access is denied');
  });

  it('names outside ASCII: the document is ASCII, and check --from reads the names back exactly', async () => {
    const bytes = readFileSync(path.join(out, 'non-ascii.json'));
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const input = readCheckInput(decodeText(bytes));
    if (!input.ok || input.value.kind !== 'facts') throw new Error('not read as a collector document');
    const switches = JSON.parse(input.value.docs[0]!.reads.vmSwitch!.output!) as { Name: string }[];
    expect(switches.map((s) => s.Name)).toEqual(['vEthernet (Ñat) 스위치 🚀 "q" \'a\' `b']);
    const r = await checkFrom(path.join(out, 'non-ascii.json'));
    expect(r.json.host).toBe('CONTAINERHOST01');
  });

  it('the fleet: Invoke-Command output saved by ConvertTo-Json -Depth 20 reads back as one report, hosts × checks', async () => {
    const r = await runCli(['check', '--from', path.join(out, 'fleet.json'), '--json']);
    const j = JSON.parse(r.stdout) as { kind: string; hosts: Json[]; byCheck: { check: string; fail: number; warn: number; notEvaluated: number; failing: string[] }[] };
    expect(j.kind).toBe('fleet');
    expect(j.hosts.map((h) => h.host)).toEqual(['web01.contoso.local', 'legacy02.contoso.local', 'ws-dev-11']);
    const single = await Promise.all(['healthy', 'several-networks', 'unelevated'].map(async (n) => statuses((await checkFrom(path.join(out, `${n}.json`))).json)));
    j.hosts.forEach((h, i) => expect(statuses(h), h.host).toEqual(single[i]));
    expect(j.byCheck).toHaveLength(j.hosts[0]!.findings.length);
    for (const row of j.byCheck) {
      const failing = j.hosts.filter((h) => ['warn', 'fail'].includes(status(h, row.check)!.status)).map((h) => h.host);
      expect(row.failing, row.check).toEqual(failing);
    }
    expect(j.byCheck.find((b) => b.check === 'core-services')).toMatchObject({ fail: 1, failing: ['legacy02.contoso.local'] });
    expect(r.code).toBe(1);
  });
});
