import { describe, expect, it } from 'vitest';
import { networkWarnings, recommendDriver, type NetworkNeeds, type WarningContext } from '../../../src/core/network/recommend.js';

describe('recommendDriver', () => {
  it.each<[string, NetworkNeeds, string, string]>([
    ['swarm across hosts', { scope: 'swarm' }, 'overlay', 'swarm'],
    ['swarm, even when host subnet is asked', { scope: 'swarm', addressing: 'host-subnet', assignment: 'dhcp' }, 'overlay', 'swarm'],
    ['one host, private subnet', { scope: 'single-host', addressing: 'private' }, 'nat', 'private'],
    ['one host, host subnet, DHCP', { scope: 'single-host', addressing: 'host-subnet', assignment: 'dhcp' }, 'transparent', 'host-subnet-dhcp'],
    ['one host, host subnet, DHCP, VLAN, VM', { scope: 'single-host', addressing: 'host-subnet', assignment: 'dhcp', vlan: true, hostIsVm: true }, 'transparent', 'host-subnet-dhcp'],
    ['one host, host subnet, static', { scope: 'single-host', addressing: 'host-subnet', assignment: 'static' }, 'l2bridge', 'host-subnet-static'],
    ['nothing answered', {}, 'nat', 'private'],
  ])('%s → %s', (_name, needs, driver, reason) => {
    const r = recommendDriver(needs);
    expect(r.driver).toBe(driver);
    expect(r.reason.id).toBe(reason);
    expect(r.reason.message.length).toBeGreaterThan(20);
  });

  it('names transparent as the alternative for static host-subnet addresses', () => {
    expect(recommendDriver({ scope: 'single-host', addressing: 'host-subnet', assignment: 'static' }).alternative?.driver).toBe('transparent');
  });
});

const ids = (ctx: WarningContext) => networkWarnings(ctx).map((w) => w.id);

describe('networkWarnings', () => {
  it.each<[string, WarningContext, string[], string[]]>([
    ['transparent on a VM', { driver: 'transparent', hostIsVm: true }, ['mac-spoofing', 'own-adapter', 'ipv6-hns'], ['swarm-mode', 'l2bridge-static']],
    ['transparent on bare metal', { driver: 'transparent', hostIsVm: false, interfaces: ['Ethernet 2'] }, ['ipv6-hns'], ['mac-spoofing', 'own-adapter']],
    ['l2bridge, build unknown', { driver: 'l2bridge' }, ['mac-spoofing', 'ws2016-kb4015217', 'l2bridge-static', 'ipv6-hns'], ['swarm-mode']],
    ['l2bridge on 2016 with KB4015217', { driver: 'l2bridge', hostIsVm: false, hostBuild: { build: 14393, revision: 1066, text: '14393.1066' } }, ['l2bridge-static'], ['ws2016-kb4015217']],
    ['overlay on 2016 before KB4015217', { driver: 'overlay', hostBuild: { build: 14393, revision: 953, text: '14393.953' } }, ['swarm-mode', 'ws2016-kb4015217', 'ipv6-hns'], ['mac-spoofing']],
    ['overlay on 2019', { driver: 'overlay', hostBuild: { build: 17763, text: '17763' } }, ['swarm-mode'], ['ws2016-kb4015217']],
    ['nat on 2016 with an assumed prefix', { driver: 'nat', hostBuild: { build: 14393, text: '14393' }, subnet: '172.16.1.0/24', natPrefix: '172.16.0.0/16' }, ['ws2016-nat-prefix', 'ipv6-hns'], ['mac-spoofing', 'swarm-mode']],
    ['nat on 2016 with a given prefix', { driver: 'nat', hostBuild: { build: 14393, text: '14393' }, subnet: '172.16.1.0/24', natPrefixGiven: true }, [], ['ws2016-nat-prefix']],
    ['transparent with a VLAN', { driver: 'transparent', vlan: 11 }, ['vlan-trunk'], []],
  ])('%s', (_name, ctx, present, absent) => {
    const got = ids(ctx);
    for (const id of present) expect(got).toContain(id);
    for (const id of absent) expect(got).not.toContain(id);
  });

  it('says which host revision is too old and links topics', () => {
    const w = networkWarnings({ driver: 'overlay', hostBuild: { build: 14393, revision: 953, text: '14393.953' } });
    expect(w.find((x) => x.id === 'ws2016-kb4015217')?.message).toContain('KB4015217');
    expect(w.find((x) => x.id === 'ws2016-kb4015217')?.message).toContain('14393.953');
    expect(w.find((x) => x.id === 'ipv6-hns')?.topic).toBe('hns-requires-ipv6');
  });
});
