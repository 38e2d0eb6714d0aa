import { describe, expect, it } from 'vitest';
import { cidrOf, formatIpv4, isSubnetOf, parseIpv4 } from '../../../src/core/network/ipv4.js';
import * as v from '../../../src/core/network/validators.js';

const cidr = (s: string) => {
  const r = v.validateCidr(s);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('ipv4', () => {
  it.each([
    ['10.123.174.1', 0x0a7bae01],
    ['0.0.0.0', 0],
    ['255.255.255.255', 0xffffffff],
  ])('parses %s', (s, n) => {
    expect(parseIpv4(s)).toBe(n);
    expect(formatIpv4(n)).toBe(s);
  });
  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', 'a.b.c.d', '1.2.3.4.5', ''])('rejects %s', (s) => expect(parseIpv4(s)).toBeUndefined());
  it('knows subnets', () => {
    expect(isSubnetOf(cidrOf(parseIpv4('172.16.1.0')!, 24), cidrOf(parseIpv4('172.16.0.0')!, 16))).toBe(true);
    expect(isSubnetOf(cidrOf(parseIpv4('172.17.1.0')!, 24), cidrOf(parseIpv4('172.16.0.0')!, 16))).toBe(false);
  });
});

describe('validateCidr', () => {
  it('accepts a prefix', () => expect(cidr('10.123.174.0/23')).toMatchObject({ text: '10.123.174.0/23', prefix: 23 }));
  it.each([
    ['10.123.174.0', 'not an IPv4 prefix'],
    ['10.123.174.0/33', 'must be between'],
    ['10.123.174.0/31', 'must be between'],
    ['10.123.175.0/23', 'network address is 10.123.174.0/23'],
    ['300.1.1.0/24', 'not an IPv4 prefix'],
  ])('rejects %s', (s, why) => expect(v.validateCidr(s)).toEqual({ ok: false, error: expect.stringContaining(why) }));
});

describe('validateGateway and validateContainerIp', () => {
  const subnet = cidr('10.123.174.0/23');
  it('accepts an address inside the subnet', () => {
    expect(v.validateGateway('10.123.174.1', subnet)).toEqual({ ok: true, value: '10.123.174.1' });
    expect(v.validateGateway('10.123.175.254', subnet).ok).toBe(true);
  });
  it.each([
    ['10.123.176.1', 'outside the subnet'],
    ['10.123.174.0', 'network address'],
    ['10.123.175.255', 'broadcast address'],
    ['10.123.174', 'not an IPv4 address'],
  ])('rejects gateway %s', (s, why) => expect(v.validateGateway(s, subnet)).toEqual({ ok: false, error: expect.stringContaining(why) }));
  it('rejects a container address equal to the gateway', () => {
    expect(v.validateContainerIp('10.123.174.1', subnet, '10.123.174.1')).toEqual({ ok: false, error: expect.stringContaining('is the gateway') });
    expect(v.validateContainerIp('10.123.174.105', subnet, '10.123.174.1')).toEqual({ ok: true, value: '10.123.174.105' });
  });
});

describe('validateVlanId', () => {
  it.each([1, '11', 4094])('accepts %s', (x) => expect(v.validateVlanId(x).ok).toBe(true));
  it.each([0, '4095', '-1', '1.5', 'ten', ''])('rejects %s', (x) => expect(v.validateVlanId(x).ok).toBe(false));
});

describe('validateInterfaceNames', () => {
  it('splits a comma list to team adapters', () => expect(v.validateInterfaceNames('Ethernet 2, Ethernet 3')).toEqual({ ok: true, value: ['Ethernet 2', 'Ethernet 3'] }));
  it('accepts a list', () => expect(v.validateInterfaceNames(['vEthernet (LAN)'])).toEqual({ ok: true, value: ['vEthernet (LAN)'] }));
  it('accepts 32 adapters, and finds the one listed twice among them', () => {
    const names = Array.from({ length: 32 }, (_, i) => `Ethernet ${i}`);
    expect(v.validateInterfaceNames(names.join(','))).toEqual({ ok: true, value: names });
    expect(v.validateInterfaceNames([...names.slice(0, 31), 'ETHERNET 7'].join(','))).toEqual({ ok: false, error: expect.stringContaining('"ETHERNET 7" is listed twice') });
  });
  it("accepts a single quote, which the message does not name (Wi-Fi 'x')", () => expect(v.validateInterfaceNames("Wi-Fi 'x'")).toEqual({ ok: true, value: ["Wi-Fi 'x'"] }));
  it.each([
    ['Ethernet 2,', 'empty'],
    ['Eth"ernet', 'quote'],
    ['Eth$x', '„), $'],
    // cmd with delayed expansion replaces !NAME! inside the double quotes the name is written in (an attacker helper).
    ['Ethernet!USERNAME!', '%, !'],
    // Windows PowerShell 5.1 wraps an argument with a space in quotes without doubling a final backslash (an attacker helper).
    ['Eth 2\\', '`, \\'],
    ['Eth\\x', '`, \\'],
    // PowerShell ends a double-quoted string at “ ” „ too (found by test/pwsh/copy-lines.test.ts).
    ['Eth\u201Cernet', 'quote'],
    ['Eth\u201Dernet', 'quote'],
    ['Eth\u201Eernet', 'quote'],
    ['Ethernet 2,ethernet 2', 'listed twice'],
    // A list of thousands of names (found by an attacker helper: the duplicate check was quadratic, 76 KB took 3 s).
    [Array.from({ length: 3800 }, (_, i) => `e${i}`).join(','), '3800 adapters are listed; a network takes at most 32'],
    // A single quote is safe inside the double quotes the name is written in; the message names the double quote.
    ['Eth"x', 'double quote'],
    ['x'.repeat(256), 'longer than 255'],
    // What shows as another name than the one that runs (found by a helper: `Eth\u202eb` was accepted and printed
    // escaped while --json's argv held the real character).
    ...['\u202e', '\u2028', '\u0085', '\u00ad', '\u200b', '\ufeff', '\u009b', '\u007f', '\u2066'].map((c) => [`Eth${c}b`, 'invisible or text-direction'] as [string, string]),
  ])('rejects %j', (s, why) => expect(v.validateInterfaceNames(s)).toEqual({ ok: false, error: expect.stringContaining(why) }));
});

describe('validateDnsServers and validateDnsSuffix', () => {
  it('accepts an IPv4 list', () => expect(v.validateDnsServers('4.4.4.4, 8.8.8.8')).toEqual({ ok: true, value: ['4.4.4.4', '8.8.8.8'] }));
  it.each(['', '4.4.4.4,', '4.4.4', 'dns.example.com', '::1'])('rejects servers %j', (s) => expect(v.validateDnsServers(s).ok).toBe(false));
  it.each(['example.com', 'corp.example.com', 'a-b.c'])('accepts suffix %s', (s) => expect(v.validateDnsSuffix(s).ok).toBe(true));
  it.each(['', '-a.com', 'a..com', 'a_b.com', 'a b.com', `${'a'.repeat(64)}.com`])('rejects suffix %j', (s) => expect(v.validateDnsSuffix(s).ok).toBe(false));
});

describe('validateNetworkName and validateHnsName', () => {
  it.each(['MyNet', 'my_net.2', 'TeamedNet', 'a-b'])('accepts %s', (s) => expect(v.validateNetworkName(s).ok).toBe(true));
  it.each([
    ['', 'not a network name'],
    ['-net', 'not a network name'],
    ['my net', 'not a network name'],
    ['nat', 'creates on every Windows host'],
    ['NONE', 'creates on every Windows host'],
  ])('rejects %j', (s, why) => expect(v.validateNetworkName(s)).toEqual({ ok: false, error: expect.stringContaining(why) }));
  it('accepts HNS names with spaces and rejects quotes', () => {
    expect(v.validateHnsName('My Transparent Network').ok).toBe(true);
    expect(v.validateHnsName('bad"name').ok).toBe(false);
    expect(v.validateHnsName(' ').ok).toBe(false);
    // Letters that show as nothing (an attacker helper: the screen showed "hns x" for the network "hns\u3164x").
    for (const c of ['\u3164', '\u115f', '\u1160', '\uffa0']) expect(v.validateHnsName(`hns${c}x`).ok, `U+${c.codePointAt(0)!.toString(16)}`).toBe(false);
    expect(v.validateHnsName('Réseau 東京 (2)').ok).toBe(true);
  });
});

describe('validateHostBuild and the Windows Server 2016 NAT rule', () => {
  it.each([
    ['14393', { build: 14393, text: '14393' }],
    ['14393.1715', { build: 14393, revision: 1715, text: '14393.1715' }],
    ['10.0.17763.5458', { build: 17763, revision: 5458, text: '17763.5458' }],
    // The line ver prints, in English and localised, and winver's (found by a tester: the question names them).
    ['Microsoft Windows [Version 10.0.17763.5329]', { build: 17763, revision: 5329, text: '17763.5329' }],
    ['Microsoft Windows [版本 10.0.20348.2655]', { build: 20348, revision: 2655, text: '20348.2655' }],
    ['Microsoft Windows [Versión 10.0.14393]', { build: 14393, text: '14393' }],
    ['Version 1809 (OS Build 17763.5329)', { build: 17763, revision: 5329, text: '17763.5329' }],
  ])('parses %s', (s, b) => expect(v.validateHostBuild(s)).toEqual({ ok: true, value: b }));
  it.each(['2016', '1809', 'ltsc2019', '9600', '14393.x', 'Microsoft Windows [Version 6.3.9600]', 'version 110.0.17763.1', `${'x'.repeat(200)} 10.0.17763.1`])('rejects %s', (s) => expect(v.validateHostBuild(s).ok).toBe(false));
  it('detects Windows Server 2016', () => {
    expect(v.isWs2016({ build: 14393, text: '14393' })).toBe(true);
    expect(v.isWs2016({ build: 17763, text: '17763' })).toBe(false);
    expect(v.isWs2016(undefined)).toBe(false);
  });
  it('requires an extra NAT network to be a part of the NAT prefix', () => {
    const prefix = cidr(v.DEFAULT_NAT_PREFIX);
    expect(v.validateNatSubnetInPrefix(cidr('172.16.1.0/24'), prefix).ok).toBe(true);
    expect(v.validateNatSubnetInPrefix(cidr('172.17.1.0/24'), prefix)).toEqual({ ok: false, error: expect.stringContaining('172.16.0.0/16') });
    expect(v.validateNatSubnetInPrefix(cidr('172.16.0.0/16'), prefix).ok).toBe(false);
    expect(v.validateNatSubnetInPrefix(cidr('172.0.0.0/8'), prefix).ok).toBe(false);
  });
});
