// Issue 17, defect 12: the wizard's example subnet respects the Windows Server 2016 NAT-prefix rule there.
import { describe, expect, it } from 'vitest';
import { networkExamples } from '../../../src/core/network/examples.js';
import { checkCidr, checkNatSubnetInPrefix } from '../../../src/core/network/validators.js';

describe('networkExamples', () => {
  it.each([
    ['nat on a WS2016 host, default prefix', { driver: 'nat', hostBuild: '14393.1715', natPrefix: '' }, '172.16.1.0/24', '172.16.1.1'],
    ['nat on a WS2016 host, its own prefix', { driver: 'nat', hostBuild: '10.0.14393', natPrefix: '192.168.0.0/20' }, '192.168.1.0/24', '192.168.1.1'],
    ['nat on a newer host', { driver: 'nat', hostBuild: '26100', natPrefix: '' }, '10.123.174.0/23', '10.123.174.1'],
    ['transparent on a WS2016 host', { driver: 'transparent', hostBuild: '14393', natPrefix: '' }, '10.123.174.0/23', '10.123.174.1'],
    ['no build given', { driver: 'nat', hostBuild: undefined, natPrefix: undefined }, '10.123.174.0/23', '10.123.174.1'],
  ])('%s', (_, ctx, subnet, gateway) => {
    const ex = networkExamples(ctx);
    expect(ex.subnet).toBe(subnet);
    expect(ex.gateway).toBe(gateway);
  });

  it('gives a WS2016 NAT subnet the tool itself accepts', () => {
    const ex = networkExamples({ driver: 'nat', hostBuild: '14393', natPrefix: '' });
    const subnet = checkCidr(ex.subnet);
    const prefix = checkCidr('172.16.0.0/16');
    expect(subnet.ok && prefix.ok && checkNatSubnetInPrefix(subnet.value, prefix.value).ok).toBe(true);
  });
});
