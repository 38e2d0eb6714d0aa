import { cidrOf, formatIpv4 } from './ipv4.js';
import { DEFAULT_NAT_PREFIX, checkCidr, checkHostBuild, isWs2016 } from './validators.js';

/** Example values of the wizard's fields that hold anywhere (a private /23 of its own). */
const GENERAL = { subnet: '10.123.174.0/23', gateway: '10.123.174.1', ip: '10.123.174.20', dnsServers: '10.123.174.10,10.123.174.11' } as const;

/**
 * Example subnet, gateway, address and DNS servers for the values form. On a Windows Server 2016 host an
 * extra NAT network must lie inside the host's NAT prefix (the one given, else 172.16.0.0/16), so the
 * examples there are a /24 inside that prefix rather than a subnet the tool itself would refuse.
 * @example networkExamples({ driver: 'nat', hostBuild: '14393', natPrefix: '' }).subnet === '172.16.1.0/24'
 */
export function networkExamples(ctx: { driver: string | undefined; hostBuild: string | undefined; natPrefix: string | undefined }): { subnet: string; gateway: string; ip: string; dnsServers: string } {
  const build = ctx.hostBuild ? checkHostBuild(ctx.hostBuild) : undefined;
  if (ctx.driver !== 'nat' || !build?.ok || !isWs2016(build.value)) return GENERAL;
  const prefix = checkCidr(ctx.natPrefix?.trim() ? ctx.natPrefix : DEFAULT_NAT_PREFIX);
  if (!prefix.ok || prefix.value.prefix > 23) return GENERAL;
  // The second /24 of the prefix (the first is usually the host's default NAT network).
  const net = cidrOf(prefix.value.network + 256, 24);
  const at = (n: number) => formatIpv4(net.network + n);
  return { subnet: net.text, gateway: at(1), ip: at(20), dnsServers: at(1) };
}
