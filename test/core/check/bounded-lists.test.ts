import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ev, MAX_EVIDENCE_CHARS } from '../../../src/core/check/checks/helpers.js';
import { overlappingPairs } from '../../../src/core/check/checks/netnat-overlap.js';
import { evaluateHost } from '../../../src/core/check/evaluate.js';
import { listed, MAX_LISTED, msg, renderMessage } from '../../../src/core/check/message.js';
import { hostReportJson } from '../../../src/core/check/format.js';
import type { FactsDocument } from '../../../src/core/check/types.js';
import { checkText, english } from './fixtures.js';

// What an attacker helper found: a host's output names as many objects as it likes, and two checks took time, memory
// and output growing with the square of their number (4,000 NAT objects of one prefix: 26 s, 2.4 GB, a sentence of
// 131 MB; 16,000 switches and networks: 18 s). Sizes here are the attacker's or larger; none takes a second now.

const host = (reads: Record<string, unknown>): FactsDocument =>
  ({ schema: 'wcdoctor-facts/1', host: 'H', elevated: true, reads: { ver: { command: 'cmd /c ver', output: 'Microsoft Windows [Version 10.0.20348.2849]' }, ...reads } }) as unknown as FactsDocument;
const finding = (doc: FactsDocument, check: string) => evaluateHost(doc).findings.find((f) => f.check === check)!;

describe('a sentence names at most MAX_LISTED items and counts the rest', () => {
  it('cuts a list given to msg, once', () => {
    const m = msg('check.msg.ipv6-enabled.unbound', { adapters: Array.from({ length: 25 }, (_, i) => `eth${i}`) });
    const text = renderMessage(english, m);
    expect(text).toContain('eth9');
    expect(text).not.toContain('eth10');
    expect(text).toContain('and 15 more');
    // A list `listed` already cut is not cut again (the count would be wrong).
    const again = msg('check.msg.ipv6-enabled.unbound', { adapters: listed(Array.from({ length: 25 }, (_, i) => `eth${i}`), 25) });
    expect(renderMessage(english, again)).toBe(text);
  });

  it('joins "and N more" as each language joins it (a regression tester: a comma before Korean 외 and Swedish och)', () => {
    const m = msg('check.msg.ipv6-enabled.unbound', { adapters: Array.from({ length: 12 }, (_, i) => `e${i}`) });
    expect(renderMessage(checkText('ko-KR'), m)).toContain('e9 외 2개');
    expect(renderMessage(checkText('sv-SE'), m)).toContain('e9 och 2 till');
    expect(renderMessage(checkText('en'), m)).toContain('e9, and 2 more');
    expect(renderMessage(checkText('zh-CN'), m)).toContain('e9 等另外 2 项');
  });

  it.each([
    ['en', 'e9, and 15,990 more'],
    ['sv-SE', 'e9 och 15\u00a0990 till'],
    ['ko-KR', 'e9 외 15,990개'],
    ['zh-CN', 'e9 等另外 15,990 项'],
  ] as const)('groups the count of "and N more" as %s writes numbers (Intl.NumberFormat; it read 15990)', (locale, expected) => {
    const m = msg('check.msg.ipv6-enabled.unbound', { adapters: listed(Array.from({ length: 10 }, (_, i) => `e${i}`), 16000) });
    expect(renderMessage(checkText(locale), m)).toContain(expected);
    // The count stays a number for --json.
    expect(JSON.stringify(m)).toContain('"count":15990');
  });

  it('keeps a list of MAX_LISTED or fewer as it is', () => {
    const ten = Array.from({ length: MAX_LISTED }, (_, i) => `eth${i}`);
    expect(msg('check.msg.ipv6-enabled.unbound', { adapters: ten }).params?.adapters).toBe(ten);
  });

  it("cuts the host's text in one piece of evidence, at a whole character", () => {
    const long = `${'a'.repeat(MAX_EVIDENCE_CHARS - 1)}😀${'b'.repeat(5000)}`;
    const value = ev('vmSwitch', long).value as string;
    expect(value.length).toBeLessThan(MAX_EVIDENCE_CHARS + 20);
    expect(value).toMatch(/^a+… \(\+\d+\)$/);
    expect(ev('vmSwitch', 'short').value).toBe('short');
  });
});

describe('netnat-overlap', () => {
  it('finds the same overlapping pairs as comparing every pair (random prefixes)', () => {
    const prefix = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(8, 16, 24, 30)).map(([a, b, bits]) => {
      const start = (((10 << 24) >>> 0) + (a << 16) + (b << 8)) >>> 0;
      const size = 2 ** (32 - bits);
      const s = Math.floor(start / size) * size;
      return { start: s, end: s + size - 1 };
    });
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 14 }), (rs) => {
        const ranges = rs.map((r, at) => ({ name: `n${at}`, at, ...r }));
        let total = 0;
        const all: string[] = [];
        ranges.forEach((a, i) => ranges.slice(i + 1).forEach((b) => a.start <= b.end && b.start <= a.end && (total++, all.push(`${a.name}+${b.name}`))));
        const got = overlappingPairs(ranges);
        expect(got.total).toBe(total);
        expect(got.pairs.length).toBe(Math.min(total, MAX_LISTED));
        for (const [a, b] of got.pairs) expect(all).toContain(`${a.name}+${b.name}`);
      }),
      { numRuns: 500 },
    );
  });

  it('names ten of 8 million overlapping pairs and counts the rest, in text and JSON (4,000 NAT objects of one prefix)', () => {
    const nats = Array.from({ length: 4000 }, (_, i) => ({ Name: `n${i}`, InternalIPInterfaceAddressPrefix: '10.0.0.0/8', Active: true }));
    const doc = host({ netNat: { command: 'Get-NetNat', output: JSON.stringify(nats) } });
    const f = finding(doc, 'netnat-overlap');
    expect(f.status).toBe('fail');
    expect(renderMessage(english, f.text)).toMatch(/^overlapping NAT prefixes: n0 and n1, .*, and 7,997,990 more$/);
    expect(JSON.stringify(hostReportJson(evaluateHost(doc), english)).length).toBeLessThan(1_000_000);
  });
});

describe('vswitch-unknown-to-hns', () => {
  it('knows a switch by a network of its name or by a network id in its name, and lists ten of 16,000 hidden ones', () => {
    const n = 16000;
    const switches = Array.from({ length: n }, (_, i) => ({ Name: `switch-${i}`, SwitchType: 'External', Id: `s${i}` }));
    const nets = Array.from({ length: n }, (_, i) => ({ Name: `net-${i}`, Type: 'transparent', ID: `NETWORKIDENTIFIER-${i}` }));
    const f = finding(host({ vmSwitch: { command: 'Get-VMSwitch', output: JSON.stringify(switches) }, hnsNetworks: { command: 'Get-HnsNetwork', output: JSON.stringify(nets) } }), 'vswitch-unknown-to-hns');
    expect(f.status).toBe('warn');
    expect(renderMessage(english, f.text)).toContain('"switch-9", and 15,990 more');

    const id = '3f2a9c1e-1111-4222-8333-444455556666';
    const known = [
      { Name: 'Ext', SwitchType: 'External', Id: 'a' },
      { Name: `HNS switch ${id.toUpperCase()}`, SwitchType: 'External', Id: 'b' },
    ];
    const byName = finding(host({ vmSwitch: { command: 'Get-VMSwitch', output: JSON.stringify(known) }, hnsNetworks: { command: 'Get-HnsNetwork', output: JSON.stringify([{ Name: 'ext', Type: 'transparent', ID: 'x' }, { Name: 'other', Type: 'l2bridge', ID: id }]) } }), 'vswitch-unknown-to-hns');
    expect(byName.status).toBe('pass');
    // An id written {GUID} past the sixteenth network is that GUID (a regression tester).
    const braced = Array.from({ length: 20 }, (_, i) => ({ Name: `n${i}`, Type: 'l2bridge', ID: `{3F2A9C1E-1111-4222-8333-${String(i).padStart(12, '0')}}` }));
    const bracedSwitch = [{ Name: 'HNS switch {3F2A9C1E-1111-4222-8333-000000000019}', SwitchType: 'External', Id: 'x' }];
    expect(finding(host({ vmSwitch: { command: 'Get-VMSwitch', output: JSON.stringify(bracedSwitch) }, hnsNetworks: { command: 'Get-HnsNetwork', output: JSON.stringify(braced) } }), 'vswitch-unknown-to-hns').status).toBe('pass');
  });
});
