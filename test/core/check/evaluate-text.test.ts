import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFleet, evaluateHost, evaluateInput, type HostReport } from '../../../src/core/check/evaluate.js';
import { evaluateBytes, evaluateText } from '../../../src/core/check/evaluate-text.js';
import { readCheckInput } from '../../../src/core/check/read-input.js';
import { decodeText } from '../../../src/core/text/decode-text.js';
import { CHECK_FIXTURES, fixture, fixtureFiles } from './fixtures.js';

const fleetText = (names: readonly string[]) => `[${names.map((n) => fixture(n)).join(',')}]`;

describe('evaluateText: the one path from text to findings (the app, its worker, check --from)', () => {
  it.each([...fixtureFiles('hosts'), ...fixtureFiles('paste'), 'fleet-invoke-command.json', 'session-ws2022.txt'])('%s gives what readCheckInput and evaluateInput give', (name) => {
    const text = fixture(name);
    const input = readCheckInput(text);
    expect(evaluateText(text)).toEqual(input.ok ? { kind: 'results', results: evaluateInput(input.value) } : { kind: 'problem', problem: input.error });
  });

  it.each([
    ['', 'empty'],
    ['{"schema": "wcdoctor-facts/1", "reads": {', 'brokenJson'],
    ['hello there', 'unrecognised'],
  ])('%j is a problem, not a throw', (text, id) => {
    expect(evaluateText(text)).toMatchObject({ kind: 'problem', problem: { id } });
  });

  it('a fleet: every document read and every host evaluated is heard, in order, with the report the fleet holds', () => {
    const names = fixtureFiles('hosts');
    const documents: [number, number][] = [];
    const hosts: { report: HostReport; done: number; total: number }[] = [];
    const out = evaluateText(fleetText(names), { document: (done, total) => documents.push([done, total]), host: (report, done, total) => hosts.push({ report, done, total }) });
    expect(out.kind === 'results' && out.results.kind).toBe('fleet');
    if (out.kind !== 'results' || out.results.kind !== 'fleet') return;
    expect(documents).toEqual(names.map((_, i) => [i + 1, names.length]));
    expect(hosts.map((h) => [h.done, h.total])).toEqual(names.map((_, i) => [i + 1, names.length]));
    expect(hosts.map((h) => h.report)).toEqual(out.results.fleet.hosts);
    // The report heard is the very object the fleet keeps (the worker sends these, the app puts the fleet back together).
    hosts.forEach((h, i) => expect(h.report).toBe(out.results.kind === 'fleet' ? out.results.fleet.hosts[i] : undefined));
  });

  it('one host or a paste hears no host (it is no fleet); a paste names the reads it was recognised as', () => {
    const heard: unknown[] = [];
    const one = evaluateText(fixture('hosts/ws2022-healthy.json'), { host: (r) => heard.push(r) });
    expect(one).toMatchObject({ kind: 'results', results: { kind: 'host' } });
    expect(one.kind === 'results' && 'paste' in one.results).toBe(false);
    expect(evaluateText(fixture('paste/ver-en.txt'), { host: (r) => heard.push(r) })).toMatchObject({ kind: 'results', results: { kind: 'host', paste: 'ver' } });
    expect(heard).toEqual([]);
  });

  it('evaluateBytes decodes as files are read (UTF-16LE with a BOM from PowerShell 5.1) and says when it starts parsing', () => {
    const bytes = readFileSync(path.join(CHECK_FIXTURES, 'fleet-invoke-command.json'));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const calls: string[] = [];
    const out = evaluateBytes(bytes, { parsing: () => calls.push('parsing'), document: () => calls.push('document') });
    expect(calls[0]).toBe('parsing');
    expect(calls.filter((c) => c === 'parsing')).toHaveLength(1);
    expect(out).toEqual(evaluateText(decodeText(bytes)));
  });
});

describe('evaluateFleet and evaluateInput', () => {
  it('onHost hears each host as evaluateHost reports it, and the sums are those of the reports', () => {
    const input = readCheckInput(fleetText(fixtureFiles('hosts')));
    if (!input.ok) throw new Error('fixture');
    const heard: HostReport[] = [];
    const fleet = evaluateFleet(input.value.docs, undefined, (report) => heard.push(report));
    expect(heard).toEqual(input.value.docs.map((d) => evaluateHost(d)));
    expect(evaluateFleet(input.value.docs)).toEqual(fleet);
    expect(evaluateInput(input.value)).toEqual({ kind: 'fleet', fleet });
  });
});
