// The checks, table-driven over the fixtures: for every collector document and every recognised paste, the status of
// each check that could judge (the rest are not evaluated). Each check is judged on at least two fixtures and warns
// or fails on at least one; reads that need elevation are never a pass without it.
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../src/core/check/checks/index.js';
import { distinctPorts } from '../../../src/core/check/checks/excluded-port-ranges.js';
import { evaluateFleet, evaluateHost } from '../../../src/core/check/evaluate.js';
import { readCheckInput } from '../../../src/core/check/read-input.js';
import { READS } from '../../../src/core/check/reads.js';
import type { FactsDocument, Finding } from '../../../src/core/check/types.js';
import { CODE_TOPIC_REFS } from '../../../src/core/knowledge/code-topic-refs.js';
import { renderMessage, renderValue } from '../../../src/core/check/message.js';
import { english, fixture } from './fixtures.js';

const SHORT = { pass: 'P', warn: 'W', fail: 'F', 'not-evaluated': '-' } as const;

function docsOf(file: string): FactsDocument[] {
  const r = readCheckInput(fixture(file));
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return r.value.docs;
}

const EXPECTED: [file: string, doc: number, statuses: string][] = [
    ['hosts/docker-access-denied.json', 0, 'os-build:P core-services:P runtime-service:P session-elevated:W docker-pipe-access:F disk-free:P excluded-port-ranges:P memory-free:P pagefile:W'],
    ['hosts/k8s-node-containerd2.json', 0, 'os-build:P containers-feature:P core-services:P runtime-service:P kube-agents:P containerd-pipe:P containerd-config:W session-elevated:P disk-free:W bitlocker-write-deny:P hns-expected-network:P hns-endpoint-state:P ipv6-enabled:P nat-static-mappings:P vswitch-unknown-to-hns:P hns-threads:P excluded-port-ranges:W dynamic-port-range:P memory-free:P pagefile:P vmcompute-pressure:P defender-exclusions:P'],
    ['hosts/win10-desktop-windows-mode.json', 0, 'os-build:P os-name-reported:P image-newer-than-host:P image-build-mismatch:W containers-feature:P core-services:P engine-windows-mode:P engine-version:P session-elevated:P docker-pipe-access:P hns-expected-network:P hns-management-ip:F ipv6-enabled:F netnat-overlap:P memory-free:P defender-exclusions:P desktop-hypervisor:P'],
    ['hosts/win11-desktop-linux-unelevated.json', 0, 'os-build:P core-services:P engine-windows-mode:F engine-version:P session-elevated:W docker-pipe-access:P disk-free:W bitlocker-write-deny:P ipv6-enabled:P nat-static-mappings:P excluded-port-ranges:P dynamic-port-range:P memory-free:W pagefile:P vmcompute-pressure:P desktop-hypervisor:F'],
    ['hosts/win11-arm64-unelevated.json', 0, 'os-build:P os-name-reported:W host-architecture:W image-newer-than-host:P image-build-mismatch:P hyperv-available:P core-services:P runtime-service:P engine-windows-mode:P engine-version:P session-elevated:W docker-pipe-access:P disk-free:P ipv6-enabled:P nat-static-mappings:P hns-threads:W excluded-port-ranges:P dynamic-port-range:P memory-free:P vmcompute-pressure:P'],
    ['hosts/win11-engine20-unelevated.json', 0, 'os-build:P os-name-reported:W image-newer-than-host:P image-build-mismatch:P hyperv-available:P core-services:P runtime-service:P engine-windows-mode:P engine-version:P session-elevated:W docker-pipe-access:P disk-free:P ipv6-enabled:P nat-static-mappings:P hns-threads:W excluded-port-ranges:P dynamic-port-range:P memory-free:P vmcompute-pressure:P'],
    ['hosts/ws2016-hyperv-off.json', 0, 'os-build:W os-name-reported:P hyperv-available:F core-services:P runtime-service:P engine-windows-mode:P engine-version:W session-elevated:W docker-pipe-access:P netnat-overlap:F memory-free:P'],
    ['hosts/ws2019-problems.json', 0, 'os-build:P os-name-reported:P image-newer-than-host:F image-build-mismatch:F containers-feature:F core-services:F runtime-service:P kube-agents:F engine-windows-mode:P engine-version:W containerd-pipe:F containerd-config:P session-elevated:P docker-pipe-access:P disk-free:F bitlocker-write-deny:F hns-expected-network:F hns-management-ip:F hns-endpoint-state:W hns-endpoint-leak:F ipv6-enabled:F netnat-overlap:F nat-static-mappings:W vswitch-unknown-to-hns:W hns-threads:F excluded-port-ranges:W dynamic-port-range:W memory-free:F pagefile:W vmcompute-pressure:W defender-exclusions:W credential-specs:F'],
    ['hosts/ws2022-healthy.json', 0, 'os-build:P os-name-reported:P host-architecture:P image-newer-than-host:P image-build-mismatch:P containers-feature:P core-services:P runtime-service:P engine-windows-mode:P engine-version:P session-elevated:P docker-pipe-access:P disk-free:P bitlocker-write-deny:P hns-expected-network:P hns-management-ip:P hns-endpoint-state:P hns-endpoint-leak:P ipv6-enabled:P nat-static-mappings:P hns-threads:P excluded-port-ranges:P dynamic-port-range:P memory-free:P pagefile:P vmcompute-pressure:P defender-exclusions:P credential-specs:P'],
    ['paste/computerinfo-ps7.json', 0, 'os-build:P memory-free:P'],
    ['paste/computerinfo-ws2019.txt', 0, 'os-build:P memory-free:W'],
    ['paste/docker-info-access-denied.txt', 0, 'docker-pipe-access:F'],
    ['paste/docker-info-win10-1809.txt', 0, 'os-build:P os-name-reported:P engine-windows-mode:P docker-pipe-access:P'],
    ['paste/docker-info-win11-engine20.txt', 0, 'os-build:P os-name-reported:W engine-windows-mode:P engine-version:P docker-pipe-access:P'],
    ['paste/docker-info-ws2022.json', 0, 'os-build:P os-name-reported:P engine-windows-mode:P engine-version:P docker-pipe-access:P'],
    ['paste/docker-version-1909.txt', 0, 'engine-windows-mode:P engine-version:P'],
    ['paste/docker-version-25.json', 0, 'engine-windows-mode:P engine-version:W'],
    ['paste/excludedports-en.txt', 0, 'excluded-port-ranges:P'],
    ['paste/excludedports-es.txt', 0, 'excluded-port-ranges:W'],
    ['paste/excludedports-zh-CN.txt', 0, 'excluded-port-ranges:P'],
    ['paste/hns-network-v2-single.json', 0, 'hns-expected-network:P'],
    ['paste/hns-networks-v1.json', 0, 'hns-expected-network:P hns-management-ip:F'],
    ['paste/kube-node-notready.json', 0, 'os-build:P k8s-node-build:P k8s-node-ready:F'],
    ['paste/kube-nodes-list.json', 0, ''],
    ['paste/kube-nodes-list.json', 1, 'os-build:P k8s-node-build:P k8s-node-ready:F'],
    ['paste/kube-nodes-list.json', 2, 'os-build:P k8s-node-build:F k8s-node-ready:P'],
    ['paste/mppreference-admin.txt', 0, 'defender-exclusions:P'],
    ['paste/mppreference-unelevated.txt', 0, ''],
    ['paste/netadapterbinding-de.txt', 0, 'ipv6-enabled:P'],
    ['paste/netadapterbinding-disabled.txt', 0, 'ipv6-enabled:F'],
    ['paste/netnat-list.txt', 0, 'netnat-overlap:P'],
    ['paste/services-ps51.json', 0, 'core-services:P runtime-service:F'],
    ['paste/services-table.txt', 0, 'core-services:F runtime-service:P'],
    ['paste/ver-en.txt', 0, 'os-build:P'],
    ['paste/ver-zh-CN.txt', 0, 'os-build:P'],
    ['paste/vmswitch-de.txt', 0, ''],
];

describe('every check on every fixture', () => {
  it.each(EXPECTED)('%s #%i', (file, i, statuses) => {
    const doc = docsOf(file)[i];
    expect(doc).toBeDefined();
    const got = evaluateHost(doc!).findings.filter((f) => f.status !== 'not-evaluated').map((f) => `${f.check}:${SHORT[f.status]}`).join(' ');
    expect(got).toBe(statuses);
  });

  it.each(CHECKS.map((c) => [c.id] as const))('%s is judged on two fixtures or more and warns or fails on one', (id) => {
    const judged = EXPECTED.filter(([, , s]) => new RegExp(`(?:^| )${id}:[PWF]`).test(s));
    expect(judged.length).toBeGreaterThanOrEqual(2);
    expect(judged.some(([, , s]) => new RegExp(`(?:^| )${id}:[WF]`).test(s))).toBe(true);
  });
});

describe('findings', () => {
  const all: Finding[] = EXPECTED.flatMap(([file, i]) => evaluateHost(docsOf(file)[i]!).findings);

  it('a pass, warning or failure shows the value it read', () => {
    for (const f of all.filter((x) => x.status !== 'not-evaluated')) expect(f.evidence.length, `${f.check}: ${f.text.key}`).toBeGreaterThan(0);
  });

  it('a warning or failure names a topic the code may link to (kb check verifies each)', () => {
    const known = new Set<string>(Object.values(CODE_TOPIC_REFS));
    for (const f of all) if (f.topic) expect(known.has(f.topic), f.topic).toBe(true);
    for (const c of CHECKS) if (c.topic) expect(known.has(c.topic)).toBe(true);
  });

  it('without elevation, a check that needs an admin-only read is never a pass', () => {
    for (const file of ['hosts/win11-desktop-linux-unelevated.json', 'hosts/win11-engine20-unelevated.json', 'hosts/docker-access-denied.json', 'hosts/ws2016-hyperv-off.json']) {
      const report = evaluateHost(docsOf(file)[0]!);
      for (const c of CHECKS) {
        const onlyAdmin = c.reads.length > 0 && c.reads.every((r) => READS[r].admin);
        const f = report.findings.find((x) => x.check === c.id)!;
        if (onlyAdmin) expect([f.status, f.reason], `${file} ${c.id}`).toEqual(['not-evaluated', 'needs-admin']);
      }
    }
  });

  it('a paste of Get-MpPreference without elevation is "not evaluated: run as administrator"', () => {
    const f = evaluateHost(docsOf('paste/mppreference-unelevated.txt')[0]!).findings.find((x) => x.check === 'defender-exclusions');
    expect(f).toMatchObject({ status: 'not-evaluated', reason: 'needs-admin', text: { key: 'check.msg.defender-exclusions.needsAdmin' } });
  });

  it('a check that throws on odd input is reported as not evaluated, not as a crash', () => {
    const boom = { ...CHECKS[0]!, id: 'boom', evaluate: () => { throw new Error('bad'); } };
    const r = evaluateHost(docsOf('hosts/ws2022-healthy.json')[0]!, [boom]);
    expect(r.findings[0]).toMatchObject({ status: 'not-evaluated', reason: 'unreadable' });
  });

  it('check ids are unique and there are at least 30 across the groups', () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    expect(CHECKS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CHECKS.map((c) => c.group))).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']));
  });
});

describe('input', () => {
  it('a UTF-16LE fleet file from Invoke-Command: hosts named by PSComputerName', () => {
    const docs = docsOf('fleet-invoke-command.json');
    expect(docs.map((d) => d.host)).toEqual(['containerhost01.contoso.com', 'legacyhost02.contoso.com', 'akswin000001.contoso.com']);
    const fleet = evaluateFleet(docs);
    expect(fleet.byCheck.find((c) => c.check === 'core-services')).toMatchObject({ fail: 1, failing: ['legacyhost02.contoso.com'] });
    expect(fleet.byCheck.find((c) => c.check === 'excluded-port-ranges')).toMatchObject({ warn: 2 });
  });

  it('an array of collector documents, and a bare string result of Invoke-Command ({"value": …})', () => {
    const one = fixture('hosts/ws2022-healthy.json');
    const r = readCheckInput(`[${one}, ${JSON.stringify({ value: one, PSComputerName: 'web02' })}]`);
    expect(r.ok && r.value.docs.map((d) => d.host)).toEqual(['CONTAINERHOST01', 'web02']);
  });

  it.each([
    ['', /empty/],
    ['{"schema":"wcdoctor-facts/9","reads":{}}', /schema "wcdoctor-facts\/9" is not one this wcdoctor reads/],
    ['[{"schema":"wcdoctor-facts/1","reads":{"ver":{"output":"x"}}}, {"x":1}]', /1 of 2 items are not wcdoctor facts documents/],
    // A document that read nothing known is no host where every check passed (found by an attacker helper: 487 of them,
    // 20 KB, gave 7 MB of --json and a fleet without a warning).
    ['[{"schema":"wcdoctor-facts/1","reads":{}}, {"x":1}]', /host 1: its "reads" holds none of the reads this wcdoctor knows/],
    ['{"schema":"wcdoctor-facts/1","host":"h","reads":{"future":{"output":"x"}}}', /host h: its "reads" holds none/],
    // Items of a node list that are no nodes (an attacker helper: 6,655 items {} gave 100 MB of --json).
    [JSON.stringify({ kind: 'List', items: Array(6655).fill({}) }), /6655 of 6655 items are not Kubernetes nodes/],
    [JSON.stringify({ kind: 'List', items: [{ metadata: { name: 'n1' }, status: {} }, {}] }), /1 of 2 items are not Kubernetes nodes/],
    [JSON.stringify(Array(10_001).fill({ schema: 'wcdoctor-facts/1', reads: { ver: { output: 'x' } } })), /10001 hosts, more than the 10000 one check reads/],
    ['[{"document":"not json","PSComputerName":"h1"}]', /host h1: its document is not JSON/],
    ['random text that is no command output', /not the output of a command wcdoctor recognises/],
    // A document whose reads are not an object read nothing: it is no host without problems.
    ['{"schema":"wcdoctor-facts/1","host":"h","reads":null}', /host h: its "reads" is not an object/],
    ['{"schema":"wcdoctor-facts/1","reads":[1,2]}', /host 1: its "reads" is not an object/],
    ['[{"document":"{}","PSComputerName":""},{"schema":"wcdoctor-facts/1"}]', /host 2: its "reads" is missing/],
    [`{"schema":"wcdoctor-facts/9${'x'.repeat(5000)}","reads":{}}`, /schema "wcdoctor-facts\/9x{40,}…" is not one/],
  ])('refuses %j with a reason', (text, message) => {
    const r = readCheckInput(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  it('refuses more documents than one check reads before making each into a document (an attacker helper: 700,000 took 5 s and 594 MB to be refused)', () => {
    let made = 0;
    const r = readCheckInput(JSON.stringify(Array(10_001).fill({ schema: 'wcdoctor-facts/1', reads: { ver: { output: 'x' } } })), () => made++);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.id).toBe('tooManyHosts');
    expect(made).toBe(0);
    // Items that are no documents still say so, whatever their number.
    const junk = readCheckInput(JSON.stringify(Array(10_001).fill({ x: 1 })));
    expect(!junk.ok && junk.error.id).not.toBe('tooManyHosts');
    // A `{}` first (attack45 N3): the documents after it are seen before any is made.
    let after = 0;
    const led = readCheckInput(JSON.stringify([{}, ...Array(10_001).fill({ schema: 'wcdoctor-facts/1', reads: { ver: { output: 'x' } } })]), () => after++);
    expect(!led.ok && led.error.id).toBe('tooManyHosts');
    expect(after).toBe(0);
  });

  it('refuses a collector document or a fleet cut short or damaged, instead of reading the output of a command in its strings', () => {
    // Found by trying it: a collector file cut at 20,000 bytes was read as the `ver` output its strings hold, and passed.
    for (const text of [fixture('hosts/ws2019-problems.json').slice(0, 20_000), fixture('fleet-invoke-command.json').slice(0, 3000), fixture('hosts/ws2022-healthy.json').replace('"reads"', '"re\u0000ads"'), `\uFEFF${fixture('hosts/ws2022-healthy.json').slice(0, 500)}`]) {
      const r = readCheckInput(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ id: 'brokenJson', message: expect.stringMatching(/not valid JSON/) });
    }
  });

  it('still reads pasted output that opens with a bracket but is no JSON (a log line, a PowerShell error)', () => {
    const r = readCheckInput(`[Version 10.0.17763.1]\nMicrosoft Windows [Version 10.0.17763.1]\n`);
    expect(r.ok && r.value.kind === 'paste' && r.value.reads).toEqual(['ver']);
  });

  it('names a fleet host with an empty PSComputerName by its place', () => {
    const one = JSON.parse(fixture('hosts/ws2022-healthy.json')) as Record<string, unknown>;
    const r = readCheckInput(JSON.stringify([{ ...one, PSComputerName: '' }, { ...one, host: '  ', PSComputerName: undefined }]));
    expect(r.ok && r.value.docs.map((d) => d.host)).toEqual(['CONTAINERHOST01', 'host 2']);
  });

  it('a pasted terminal session is split at its prompts and each command recognised on its own', () => {
    const r = readCheckInput(fixture('session-ws2022.txt'));
    expect(r.ok && r.value.kind === 'paste' && r.value.reads).toEqual(['dockerInfo', 'ver', 'excludedPorts']);
    if (!r.ok) return;
    const got = evaluateHost(r.value.docs[0]!).findings.filter((f) => f.status !== 'not-evaluated').map((f) => `${f.check}:${SHORT[f.status]}`);
    expect(got).toEqual(['os-build:P', 'os-name-reported:P', 'engine-windows-mode:P', 'engine-version:W', 'docker-pipe-access:P', 'excluded-port-ranges:P']);
  });

  it('one prompt is no session: the paste is read whole', () => {
    const r = readCheckInput(`PS C:\\> cmd /c ver\n\nMicrosoft Windows [Version 10.0.17763.1]\n`);
    expect(r.ok && r.value.kind === 'paste' && r.value.reads).toEqual(['ver']);
  });

  it('reads of unknown ids are ignored, and a non-string output is kept as JSON text', () => {
    const r = readCheckInput(JSON.stringify({ schema: 'wcdoctor-facts/1', host: 'h', elevated: true, reads: { bogus: { output: 'x' }, disks: { command: 'c', output: [{ DeviceID: 'C:', FreeSpace: 5e9 }] } } }));
    expect(r.ok && evaluateHost(r.value.docs[0]!).findings.find((f) => f.check === 'disk-free')?.status).toBe('fail');
  });
});

describe('free disk space (found by a helper: 29.96 GB read "30.0 GB free: less than 30 GB")', () => {
  const said = (freeBytes: number) => {
    const r = readCheckInput(JSON.stringify({ schema: 'wcdoctor-facts/1', host: 'h', elevated: true, reads: { disks: { command: 'c', output: [{ DeviceID: 'C:', FreeSpace: freeBytes }] } } }));
    const f = r.ok ? evaluateHost(r.value.docs[0]!).findings.find((x) => x.check === 'disk-free') : undefined;
    return `${f?.status} ${renderMessage(english, f!.text)}`;
  };
  it.each([
    [29_960_000_000, /^warn .*29\.9 GB/],
    [14_999_999_999, /^fail .*14\.9 GB/],
    [30_000_000_000, /^pass .*30\.0 GB/],
  ] as const)('%d bytes: a figure that agrees with the verdict', (bytes, expected) => {
    expect(said(bytes)).toMatch(expected);
  });
});

describe('excluded port ranges (found by a helper trying check --from)', () => {
  const pasted = (rows: string) => {
    const r = readCheckInput(`Start Port    End Port\n----------    --------\n${rows}`);
    if (!r.ok) throw new Error(r.error.message);
    return evaluateHost(r.value.docs[0]!).findings.find((f) => f.check === 'excluded-port-ranges')!;
  };

  it('counts a port once however many ranges list it', () => {
    expect(distinctPorts([{ start: 1, end: 65535 }, { start: 1, end: 65535 }, { start: 100, end: 200 }])).toBe(65535);
    expect(distinctPorts([{ start: 50000, end: 50099 }, { start: 50050, end: 50149 }, { start: 60000, end: 60000 }])).toBe(151);
    expect(distinctPorts([])).toBe(0);
  });

  it('warns when the excluded ports outnumber the whole default dynamic range; three copies of 1–65535 are 65535 ports, not 196605', () => {
    const f = pasted('     1       65535\n     1       65535\n     1       65535\n');
    expect(f.status).toBe('warn');
    expect(f.evidence.map((e) => renderValue(english, e.value)).join(' ')).toContain('3 ranges, 65535 ports');
  });

  it('passes a few ordinary ranges', () => {
    expect(pasted('  50000       50059\n  50060       50159\n').status).toBe('pass');
  });
});
