import type { PlannableDriver } from './drivers.js';
import { WS2016_BUILD, type HostBuild } from './validators.js';
import { CODE_TOPIC_REFS } from '../knowledge/code-topic-refs.js';

/** What the user needs from a network, as the wizard asks it. Unanswered questions are undefined. */
export interface NetworkNeeds {
  scope?: 'single-host' | 'swarm';
  addressing?: 'private' | 'host-subnet';
  assignment?: 'dhcp' | 'static';
  vlan?: boolean;
  teaming?: boolean;
  dns?: boolean;
  hostIsVm?: boolean;
}

/** Something the chosen network needs or the user should know; `id` is stable (for translation). */
export interface NetworkWarning {
  id: string;
  message: string;
  /** Knowledge topic that explains it. */
  topic?: string;
  /** The values in `message`, for a translation to use (`vlan`, `prefix`; `host` and `required` when the host build is too old). */
  params?: Record<string, string>;
}

/** The recommended driver, why, and the other driver that would also work (if any). */
export interface Recommendation {
  driver: PlannableDriver;
  reason: { id: string; message: string };
  alternative?: { driver: PlannableDriver; message: string };
}

/** KB4015217 is Windows Server 2016 cumulative update 14393.1066 (April 2017). */
const KB4015217_REVISION = 1066;

/**
 * Recommends nat, transparent, overlay or l2bridge from the user's needs.
 * @example recommendDriver({ scope: 'swarm' }).driver // 'overlay'
 */
export function recommendDriver(needs: NetworkNeeds): Recommendation {
  if (needs.scope === 'swarm')
    return {
      driver: 'overlay',
      reason: { id: 'swarm', message: 'Containers on several Swarm hosts reach each other over an overlay network (VXLAN); Swarm assigns their addresses from a private subnet.' },
    };
  if (needs.addressing === 'host-subnet' && needs.assignment === 'dhcp')
    return {
      driver: 'transparent',
      reason: { id: 'host-subnet-dhcp', message: "Containers join the host's physical network and get their addresses from its DHCP server; l2bridge cannot use DHCP." },
    };
  if (needs.addressing === 'host-subnet')
    return {
      driver: 'l2bridge',
      reason: { id: 'host-subnet-static', message: "Containers take static addresses from the host's own subnet, and the host rewrites their MAC addresses to its own, so the physical network sees one MAC." },
      alternative: { driver: 'transparent', message: 'transparent also takes static addresses, with one MAC address per container on the physical network.' },
    };
  return {
    driver: 'nat',
    reason: { id: 'private', message: 'Containers on one host use a private subnet behind the host, reachable through published ports (-p); HNS assigns their addresses.' },
  };
}

/** What `networkWarnings` needs to know about the planned network. */
export interface WarningContext {
  driver: PlannableDriver;
  hostIsVm?: boolean;
  hostBuild?: HostBuild;
  vlan?: number;
  interfaces?: string[];
  /** For nat on Windows Server 2016: whether the NAT prefix was given rather than assumed. */
  natPrefixGiven?: boolean;
  natPrefix?: string;
  subnet?: string;
}

function kbWarning(build: HostBuild | undefined): NetworkWarning | undefined {
  if (build !== undefined && build.build !== WS2016_BUILD) return undefined;
  if (build?.revision !== undefined && build.revision >= KB4015217_REVISION) return undefined;
  const required = `14393.${KB4015217_REVISION}`;
  const known = build?.revision !== undefined ? ` This host is ${build.text}, older than ${required}.` : '';
  return {
    id: 'ws2016-kb4015217',
    message: `On Windows Server 2016 (build 14393) this driver needs update KB4015217 (${required}) or later.${known}`,
    topic: CODE_TOPIC_REFS.networkDrivers,
    ...(build?.revision !== undefined ? { params: { host: build.text, required } } : {}),
  };
}

/** The warnings for a planned network, in a stable order. */
export function networkWarnings(ctx: WarningContext): NetworkWarning[] {
  const out: NetworkWarning[] = [];
  const { driver } = ctx;
  const external = driver === 'transparent' || driver === 'l2bridge';
  if (external && ctx.hostIsVm !== false)
    out.push({
      id: 'mac-spoofing',
      message: `${ctx.hostIsVm ? 'The host is a virtual machine: enable' : 'If the host is a virtual machine, enable'} MAC address spoofing on its network adapter (Hyper-V: Get-VMNetworkAdapter -VMName <vm> | Set-VMNetworkAdapter -MacAddressSpoofing On; VMware: promiscuous mode), or the hypervisor drops the containers' traffic.`,
      topic: CODE_TOPIC_REFS.macSpoofing,
    });
  if (driver === 'overlay')
    out.push({ id: 'swarm-mode', message: 'Overlay networks need Docker in Swarm mode on every host (docker swarm init, then docker swarm join).', topic: CODE_TOPIC_REFS.networkDrivers });
  if (driver === 'overlay' || driver === 'l2bridge') {
    const kb = kbWarning(ctx.hostBuild);
    if (kb) out.push(kb);
  }
  if (driver === 'l2bridge')
    out.push({ id: 'l2bridge-static', message: 'l2bridge has no DHCP: give every container a static address from the subnet with docker run --ip.', topic: CODE_TOPIC_REFS.l2bridgeNoDhcp });
  if (ctx.vlan !== undefined)
    out.push({ id: 'vlan-trunk', message: `Put the host's physical adapter in trunk mode so traffic tagged for VLAN ${ctx.vlan} reaches the containers.`, topic: CODE_TOPIC_REFS.vlanId, params: { vlan: String(ctx.vlan) } });
  if (external && !ctx.interfaces?.length)
    out.push({ id: 'own-adapter', message: 'Every network on an external vSwitch needs its own adapter: to create more than one, bind each to a different adapter with --interface.', topic: CODE_TOPIC_REFS.ownAdapter });
  if (driver === 'nat' && ctx.hostBuild?.build === WS2016_BUILD && ctx.subnet !== undefined && !ctx.natPrefixGiven)
    out.push({ id: 'ws2016-nat-prefix', message: `Assumed the host's internal NAT prefix is ${ctx.natPrefix ?? ''}; check InternalIPInterfaceAddressPrefix in Get-NetNat and pass --nat-prefix if it differs.`, topic: CODE_TOPIC_REFS.ws2016Nat, params: { prefix: ctx.natPrefix ?? '' } });
  if (external)
    out.push({ id: 'no-service-discovery', message: 'Containers on this network cannot find each other by name: there is no service discovery for transparent and l2bridge.', topic: CODE_TOPIC_REFS.serviceDiscovery });
  out.push({ id: 'ipv6-hns', message: 'HNS needs IPv6 enabled on the host: with it disabled, containers fail at CreateContainer with "Element not found".', topic: CODE_TOPIC_REFS.ipv6 });
  return out;
}
