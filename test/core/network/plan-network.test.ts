import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planNetwork, quoteArg, type NetworkPlan, type NetworkPlanInput } from '../../../src/core/network/plan-network.js';
import { UNSUPPORTED_OPTIONS } from '../../../src/core/network/unsupported-options.js';

const plan = (input: NetworkPlanInput): NetworkPlan => {
  const r = planNetwork(input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const problems = (input: NetworkPlanInput) => {
  const r = planNetwork(input);
  if (r.ok) throw new Error('expected problems');
  return r.error;
};

describe('planNetwork per driver', () => {
  it('transparent with subnet, gateway, VLAN and adapter (the issue example)', () => {
    const p = plan({ driver: 'transparent', subnet: '10.123.174.0/23', gateway: '10.123.174.1', vlan: '11', interfaces: 'Ethernet 2', name: 'MyNet' });
    expect(p.command).toBe('docker network create -d transparent --subnet=10.123.174.0/23 --gateway=10.123.174.1 -o com.docker.network.windowsshim.interface="Ethernet 2" -o com.docker.network.windowsshim.vlanid=11 MyNet');
    expect(p.argv).toEqual(['docker', 'network', 'create', '-d', 'transparent', '--subnet=10.123.174.0/23', '--gateway=10.123.174.1', '-o', 'com.docker.network.windowsshim.interface=Ethernet 2', '-o', 'com.docker.network.windowsshim.vlanid=11', 'MyNet']);
    expect(parse(p.compose)).toEqual({
      networks: {
        MyNet: {
          name: 'MyNet',
          driver: 'transparent',
          driver_opts: { 'com.docker.network.windowsshim.interface': 'Ethernet 2', 'com.docker.network.windowsshim.vlanid': '11' },
          ipam: { driver: 'default', config: [{ subnet: '10.123.174.0/23', gateway: '10.123.174.1' }] },
        },
      },
    });
    expect(p.runExample).toBe('docker run --network=MyNet IMAGE');
    expect(p.warnings.map((w) => w.id)).toEqual(['mac-spoofing', 'vlan-trunk', 'no-service-discovery', 'ipv6-hns']);
  });

  it('transparent with DHCP needs no subnet', () => {
    const p = plan({ driver: 'transparent', name: 'DhcpNet', hostIsVm: true });
    expect(p.command).toBe('docker network create -d transparent DhcpNet');
    expect(p.warnings[0]?.message).toMatch(/^The host is a virtual machine/);
  });

  it('nat with a subnet and a static container address', () => {
    const p = plan({ driver: 'nat', subnet: '172.16.1.0/24', gateway: '172.16.1.1', name: 'CustomNat1', ip: '172.16.1.10', image: 'mcr.microsoft.com/windows/servercore:ltsc2022' });
    expect(p.command).toBe('docker network create -d nat --subnet=172.16.1.0/24 --gateway=172.16.1.1 CustomNat1');
    expect(p.runExample).toBe('docker run --network=CustomNat1 --ip=172.16.1.10 mcr.microsoft.com/windows/servercore:ltsc2022');
    expect(parse(p.compose).networks.CustomNat1.ipam.config).toEqual([{ subnet: '172.16.1.0/24', gateway: '172.16.1.1' }]);
  });

  it('overlay with teamed adapters, DNS and an HNS name', () => {
    const p = plan({ driver: 'overlay', name: 'Ov', interfaces: 'Ethernet 2,Ethernet 3', dnsSuffix: 'corp.example.com', dnsServers: '4.4.4.4,8.8.8.8', hnsName: 'Ov' });
    expect(p.argv).toContain('com.docker.network.windowsshim.interface=Ethernet 2,Ethernet 3');
    expect(p.command).toContain('-o com.docker.network.windowsshim.interface="Ethernet 2,Ethernet 3"');
    expect(p.command).toContain('-o com.docker.network.windowsshim.networkname=Ov');
    expect(p.command).toContain('-o com.docker.network.windowsshim.dnssuffix=corp.example.com');
    expect(p.command).toContain('-o com.docker.network.windowsshim.dnsservers="4.4.4.4,8.8.8.8"');
    expect(p.runExample).toBe('docker service create --network=Ov IMAGE');
    expect(p.warnings.map((w) => w.id)).toContain('swarm-mode');
    expect(p.warnings.map((w) => w.id)).toContain('ws2016-kb4015217');
  });

  it('l2bridge with static addresses', () => {
    const p = plan({ driver: 'l2bridge', name: 'L2', subnet: '192.168.1.0/24', gateway: '192.168.1.1', ip: '192.168.1.50', hostBuild: '17763' });
    expect(p.command).toBe('docker network create -d l2bridge --subnet=192.168.1.0/24 --gateway=192.168.1.1 L2');
    expect(p.runExample).toBe('docker run --network=L2 --ip=192.168.1.50 IMAGE');
    expect(p.warnings.map((w) => w.id)).toContain('l2bridge-static');
    expect(p.warnings.map((w) => w.id)).not.toContain('ws2016-kb4015217');
  });
});

describe('planNetwork refusals', () => {
  it.each(UNSUPPORTED_OPTIONS.map((u) => [u.option, u.reason] as const))('refuses %s, saying why', (option, reason) => {
    const req = option === '--opt encrypted' ? { option: '--opt', value: 'encrypted' } : { option };
    expect(problems({ driver: 'overlay', name: 'Ov', extraOptions: [req] })).toEqual([{ field: 'option', option, message: reason, refusal: { id: 'unsupported', option, message: reason } }]);
  });

  it('points windowsshim -o options at their flags and rejects unknown ones', () => {
    const p = problems({ driver: 'nat', name: 'n', extraOptions: [{ option: '-o', value: 'com.docker.network.windowsshim.vlanid=11' }, { option: '--opt', value: 'foo=bar' }] });
    expect(p[0]?.message).toContain('--vlan');
    expect(p[1]?.message).toContain('"foo"');
    // The same reasons as ids with values, for a translation.
    expect(p.map((x) => x.refusal)).toMatchObject([{ id: 'shim-flag', flag: '--vlan' }, { id: 'opt-unknown', key: 'foo' }]);
  });

  it.each<[string, NetworkPlanInput, string, RegExp]>([
    ['an unknown driver', { driver: 'bridge', name: 'n' }, '--driver', /not a Windows network driver/],
    ['l2tunnel', { driver: 'l2tunnel', name: 'n' }, '--driver', /Microsoft cloud/],
    ['a bad name', { driver: 'nat', name: 'my net' }, 'NAME', /not a network name/],
    ['a gateway without subnet', { driver: 'nat', name: 'n', gateway: '10.0.0.1' }, '--gateway', /needs --subnet/],
    ['a gateway outside the subnet', { driver: 'nat', name: 'n', subnet: '10.0.0.0/24', gateway: '10.0.1.1' }, '--gateway', /outside/],
    ['a VLAN on nat', { driver: 'nat', name: 'n', vlan: 11 }, '--vlan', /transparent and l2bridge/],
    ['a VLAN out of range', { driver: 'transparent', name: 'n', vlan: '4095' }, '--vlan', /1-4094/],
    ['an adapter on nat', { driver: 'nat', name: 'n', interfaces: 'Ethernet 2' }, '--interface', /internal vSwitch/],
    ['l2bridge without subnet', { driver: 'l2bridge', name: 'n' }, '--subnet', /static addresses only/],
    ['l2bridge without gateway', { driver: 'l2bridge', name: 'n', subnet: '10.0.0.0/24' }, '--gateway', /static addresses only/],
    ['transparent static without gateway', { driver: 'transparent', name: 'n', subnet: '10.0.0.0/24' }, '--gateway', /--gateway/],
    ['an extra NAT network outside the 2016 prefix', { driver: 'nat', name: 'n', hostBuild: '14393', subnet: '10.0.0.0/24' }, '--subnet', /172\.16\.0\.0\/16/],
    ['an extra NAT network outside a given prefix', { driver: 'nat', name: 'n', hostBuild: '14393.1066', natPrefix: '192.168.0.0/16', subnet: '172.16.1.0/24' }, '--subnet', /192\.168\.0\.0\/16/],
    ['a NAT network on 2016 without subnet', { driver: 'nat', name: 'n', hostBuild: '14393' }, '--subnet', /needs --subnet/],
    ['a bad NAT prefix', { driver: 'nat', name: 'n', natPrefix: '172.16.0.0' }, '--nat-prefix', /not an IPv4 prefix/],
    ['a bad host build', { driver: 'nat', name: 'n', hostBuild: '2016' }, '--host-build', /neither a Windows build/],
    ['a static IP on overlay', { driver: 'overlay', name: 'n', ip: '10.0.0.5' }, '--ip', /Swarm assigns/],
    ['a static IP without subnet', { driver: 'transparent', name: 'n', ip: '10.0.0.5' }, '--ip', /needs the network to have --subnet/],
    ['a static IP outside the subnet', { driver: 'nat', name: 'n', subnet: '172.16.1.0/24', ip: '172.16.2.5' }, '--ip', /outside/],
    ['bad DNS servers', { driver: 'nat', name: 'n', dnsServers: '1.1.1.1,dns' }, '--dns-servers', /not an IPv4 address/],
    ['a bad DNS suffix', { driver: 'nat', name: 'n', dnsSuffix: 'a..b' }, '--dns-suffix', /not a DNS suffix/],
    ['a bad HNS name', { driver: 'nat', name: 'n', hnsName: 'x"y' }, '--hns-name', /not an HNS network name/],
  ])('refuses %s', (_name, input, option, why) => {
    const p = problems(input);
    expect(p.some((x) => x.option === option && why.test(x.message))).toBe(true);
  });

  it('accepts an extra NAT network inside the prefix on Windows Server 2016', () => {
    const p = plan({ driver: 'nat', name: 'CustomNat2', hostBuild: '14393', subnet: '172.16.2.0/24', gateway: '172.16.2.1' });
    expect(p.warnings.map((w) => w.id)).toContain('ws2016-nat-prefix');
  });

  it('reports every problem at once', () => {
    expect(problems({ driver: 'transparent', name: 'n', vlan: 0, subnet: 'x', extraOptions: [{ option: '--ipv6' }] }).map((p) => p.option)).toEqual(['--ipv6', '--subnet', '--vlan', '--gateway']);
  });
});

describe('quoteArg', () => {
  it.each([
    ['MyNet', 'MyNet'],
    ['--subnet=10.0.0.0/24', '--subnet=10.0.0.0/24'],
    ['com.docker.network.windowsshim.interface=Ethernet 2', 'com.docker.network.windowsshim.interface="Ethernet 2"'],
    ['a b', '"a b"'],
    // Found by running the lines in PowerShell 7 (test/pwsh): a bare comma makes an array, a bare 1e3 the number 1000.
    ['com.docker.network.windowsshim.dnsservers=4.4.4.4,8.8.8.8', 'com.docker.network.windowsshim.dnsservers="4.4.4.4,8.8.8.8"'],
    ['1e3', '"1e3"'],
    ['0x10', '"0x10"'],
    ['07', '"07"'],
    ['42', '42'],
    // cmd's C runtime reads \" as a quote, so a trailing backslash stays outside (PowerShell reads it the same).
    ['com.docker.network.windowsshim.interface=vEthernet (x)\\', 'com.docker.network.windowsshim.interface="vEthernet (x)"\\'],
  ])('%s → %s', (arg, out) => expect(quoteArg(arg)).toBe(out));
});

describe('the compose snippet as Docker reads it (YAML 1.1 rules; found by a helper with docker stack config)', () => {
  it.each(['1_000', '0b101', '0_1', '1_0.5', 'n2001-01-01', 'yes', 'No', 'on', 'OFF', 'y', 'N', 'true', 'Null'])('network %j: its key and name stay text', (name) => {
    const p = plan({ driver: 'transparent', name, hnsName: '2001-01-01' });
    const read = parse(p.compose, { version: '1.1' }) as { networks: Record<string, { name: unknown; driver_opts: Record<string, unknown> }> };
    expect(Object.keys(read.networks)).toEqual([name]);
    expect(read.networks[name]!.name).toBe(name);
    // An HNS name that YAML 1.1 reads as a date stays the name it was.
    expect(read.networks[name]!.driver_opts['com.docker.network.windowsshim.networkname']).toBe('2001-01-01');
  });
});
