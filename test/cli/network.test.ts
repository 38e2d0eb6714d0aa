import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-io.js';

async function cli(...argv: string[]) {
  const r = await runCli(argv);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

const EXAMPLE = ['network', 'plan', '--driver', 'transparent', '--subnet', '10.123.174.0/23', '--gateway', '10.123.174.1', '--vlan', '11', '--interface', 'Ethernet 2', 'MyNet'];

describe('wcdoctor network plan', () => {
  it('prints the command, the compose snippet and the warnings', async () => {
    const r = await cli(...EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('docker network create -d transparent --subnet=10.123.174.0/23 --gateway=10.123.174.1 -o com.docker.network.windowsshim.interface="Ethernet 2" -o com.docker.network.windowsshim.vlanid=11 MyNet');
    expect(r.out).toContain('docker run --network=MyNet IMAGE');
    expect(r.out).toContain('networks:');
    expect(r.out).toContain('com.docker.network.windowsshim.vlanid: "11"');
    expect(r.out).toMatch(/Warnings:\n {2}! .*MAC address spoofing/);
  });

  it('--json prints driver, command, argv, compose and warnings', async () => {
    const r = await cli(...EXAMPLE, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j).toMatchObject({ driver: 'transparent', argv: expect.arrayContaining(['MyNet', '-o']) });
    expect(j.command).toMatch(/^docker network create -d transparent /);
    expect(j.compose).toMatch(/^networks:\n {2}MyNet:/);
    expect((j.warnings as { id: string }[]).map((w) => w.id)).toContain('vlan-trunk');
  });

  it('applies the Windows Server 2016 NAT rule with --host-build and --nat-prefix', async () => {
    expect((await cli('network', 'plan', '--driver', 'nat', '--host-build', '14393', '--subnet', '172.16.1.0/24', 'N1')).code).toBe(0);
    const bad = await cli('network', 'plan', '--driver', 'nat', '--host-build', '14393', '--nat-prefix', '192.168.0.0/16', '--subnet', '172.16.1.0/24', 'N1');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--subnet: on Windows Server 2016');
  });

  it.each([
    [['--internal'], '--internal: internal-only networks'],
    [['--ipv6'], '--ipv6: IPv6 container networks'],
    [['--ip-range', '10.0.0.0/25'], '--ip-range: sub-ranges'],
    [['--aux-address', 'a=10.0.0.5'], '--aux-address: auxiliary'],
    [['--ipam-driver', 'x'], '--ipam-driver: other IPAM drivers'],
    [['--ipam-opt', 'a=b'], '--ipam-opt: IPAM driver options'],
    [['--opt', 'encrypted'], '--opt encrypted: data-plane encryption'],
    [['-o', 'encrypted=true'], '--opt encrypted=true: data-plane encryption'],
    [['--link', 'db'], '--link: container links'],
    [['--ip6', '::1'], '--ip6: IPv6 container addresses'],
    [['--dns-option', 'ndots:2'], '--dns-option: DNS resolver options'],
    [['--dns-search', 'a.com'], '--dns-search: several DNS search domains'],
  ])('refuses %j with exit 2, naming it and why', async (flags, message) => {
    const r = await cli('network', 'plan', '--driver', 'overlay', ...flags, 'Ov');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });

  it.each([
    [['--vlan', '5000'], '--vlan: 5000 is outside the VLAN id range 1-4094'],
    [['--subnet', '10.0.0.1/24', '--gateway', '10.0.0.1'], '--subnet: host bits are set'],
    [['--subnet', '10.0.0.0/24', '--gateway', '10.0.1.1'], '--gateway: 10.0.1.1 is outside the subnet'],
    [['--dns-servers', '1.1.1.1,x'], '--dns-servers: "x" is not an IPv4 address'],
    [['--driver', 'bridge'], '--driver: "bridge" is not a Windows network driver'],
    [['--host-build', 'ltsc2099'], '--host-build: "ltsc2099" is neither a Windows build'],
    // A name releases share: said so, with the builds it names (found by a tester: it read as no release at all).
    [['--host-build', '23H2'], '--host-build: "23H2" names several Windows builds (22631, 25398); type the build number'],
  ])('refuses the invalid value %j with exit 2', async (flags, message) => {
    const r = await cli('network', 'plan', '--driver', 'transparent', ...flags, 'Net');
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it.each([
    ['ltsc2016', true],
    ['Windows Server 2016', true],
    ['ltsc2019', false],
  ])('takes a release name as the host build: --host-build %j (the Windows Server 2016 rules apply: %s)', async (name, ws2016) => {
    const r = await cli('network', 'plan', '--driver', 'nat', '--subnet', '172.16.5.0/24', '--host-build', name, '--json', 'n1');
    expect(r.code, r.err).toBe(0);
    const ids = (JSON.parse(r.out) as { warnings: { id: string }[] }).warnings.map((w) => w.id);
    expect(ids.some((id) => /2016|prefix/i.test(id)), ids.join(',')).toBe(ws2016);
  });

  it('refuses an --image that is no reference in one line, the value cut (found by an attacker helper: 20 KB repeated whole)', async () => {
    const r = await cli('network', 'plan', '--driver', 'nat', '--image', 'a;'.repeat(10_000), 'n1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--image: "(?:a;){30}…" is not an image reference/);
    expect(r.err.length).toBeLessThan(300);
  });

  it('needs the network name', async () => {
    const r = await cli('network', 'plan', '--driver', 'nat');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing required argument/);
  });
});

describe('wcdoctor network explain', () => {
  it('explains l2tunnel', async () => {
    const r = await cli('network', 'explain', 'l2tunnel');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Microsoft cloud (SDN) stack');
  });

  it('lists every driver and the unsupported options', async () => {
    const r = await cli('network', 'explain', '--json');
    const j = JSON.parse(r.out) as { drivers: { driver: string }[]; unsupported: { option: string }[] };
    expect(j.drivers.map((d) => d.driver)).toEqual(['nat', 'transparent', 'overlay', 'l2bridge', 'l2tunnel']);
    expect(j.unsupported.map((u) => u.option)).toContain('--ip-range');
  });

  it('refuses an unknown driver', async () => {
    const r = await cli('network', 'explain', 'macvlan');
    expect(r.code).toBe(2);
    expect(r.err).toContain('nat, transparent, overlay, l2bridge, l2tunnel');
  });
});
