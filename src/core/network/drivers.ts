import { CODE_TOPIC_REFS } from '../knowledge/code-topic-refs.js';

/** Every Windows container network driver Docker knows. */
export const DRIVERS = ['nat', 'transparent', 'overlay', 'l2bridge', 'l2tunnel'] as const;
export type NetworkDriver = (typeof DRIVERS)[number];

/** The drivers wcdoctor plans; l2tunnel is explained only (it is for the Microsoft cloud stack). */
export const PLANNABLE_DRIVERS = ['nat', 'transparent', 'overlay', 'l2bridge'] as const;
export type PlannableDriver = (typeof PLANNABLE_DRIVERS)[number];

/** Predicate for a driver wcdoctor can plan a network for. */
export const isPlannableDriver = (s: string): s is PlannableDriver => (PLANNABLE_DRIVERS as readonly string[]).includes(s);

/** The `-o com.docker.network.windowsshim.*` options and the drivers each applies to. */
export const WINDOWSSHIM_OPTIONS = {
  interface: ['transparent', 'overlay', 'l2bridge', 'l2tunnel'],
  vlanid: ['transparent', 'l2bridge'],
  networkname: DRIVERS,
  dnssuffix: DRIVERS,
  dnsservers: DRIVERS,
} as const satisfies Record<string, readonly NetworkDriver[]>;

export type WindowsShimOption = keyof typeof WINDOWSSHIM_OPTIONS;

/** Prefix of the Windows-specific driver options. */
export const WINDOWSSHIM_PREFIX = 'com.docker.network.windowsshim.';

/** True when a windowsshim option applies to the driver. */
export const canUseShimOption = (option: WindowsShimOption, driver: NetworkDriver): boolean =>
  (WINDOWSSHIM_OPTIONS[option] as readonly string[]).includes(driver);

/** What a driver does, who assigns its addresses and what it needs: the facts `network explain` prints. */
export interface DriverNotes {
  driver: NetworkDriver;
  summary: string;
  scope: 'single host' | 'several hosts';
  addresses: string;
  needs: string[];
  serviceDiscovery: string;
  /** Knowledge topic with the details. */
  topic: string;
}

/** Notes on every driver, drawn from the Windows container networking document (source 004). */
export const DRIVER_NOTES: Record<NetworkDriver, DriverNotes> = {
  nat: {
    driver: 'nat',
    summary: 'Containers sit on a private subnet behind the host (WinNAT on an internal vSwitch); ports are published with -p. The default network "nat" uses 172.16.0.0/16.',
    scope: 'single host',
    addresses: 'HNS assigns them from the --subnet prefix (IPAM by HNS).',
    needs: ['Windows Server 2016: an extra NAT network must be a part of the host NAT prefix (Get-NetNat).', 'Windows 10 Creators Update and later allow several NAT networks without that rule.'],
    serviceDiscovery: 'local: yes; global: not applicable',
    topic: CODE_TOPIC_REFS.networkDrivers,
  },
  transparent: {
    driver: 'transparent',
    summary: 'Containers attach straight to the physical network through an external vSwitch.',
    scope: 'single host',
    addresses: 'From the physical network: a DHCP server there, or static with --subnet, --gateway and docker run --ip.',
    needs: ['MAC address spoofing on the VM adapter when the host is a virtual machine.', 'One adapter per network that uses an external vSwitch.'],
    serviceDiscovery: 'local: no; global: no',
    topic: CODE_TOPIC_REFS.networkDrivers,
  },
  overlay: {
    driver: 'overlay',
    summary: 'Containers on several Swarm hosts share one network through VXLAN encapsulation; each overlay network has its own private subnet.',
    scope: 'several hosts',
    addresses: 'Docker Swarm mode assigns them (IPAM by the Swarm KVS).',
    needs: ['Docker in Swarm mode.', 'Windows Server 2016 with KB4015217 or later, or Windows 10 Creators Update.', 'The VFP switch extension.'],
    serviceDiscovery: 'local: yes; global: yes',
    topic: CODE_TOPIC_REFS.networkDrivers,
  },
  l2bridge: {
    driver: 'l2bridge',
    summary: "Containers share the host's IP subnet; the host rewrites MAC addresses on the way in and out, so every endpoint shows the host's MAC.",
    scope: 'single host',
    addresses: 'Static only, from the same prefix as the host (no DHCP): --subnet, --gateway and docker run --ip.',
    needs: ['Windows Server 2016 (KB4015217 or later) or Windows 10 Creators Update.', 'The VFP switch extension.'],
    serviceDiscovery: 'local: no; global: no',
    topic: CODE_TOPIC_REFS.networkDrivers,
  },
  l2tunnel: {
    driver: 'l2tunnel',
    summary: 'For the Microsoft cloud (SDN) stack only: it attaches container endpoints to a tenant virtual network. Do not create it by hand; wcdoctor does not plan it.',
    scope: 'several hosts',
    addresses: 'From the SDN network controller.',
    needs: ['The Microsoft SDN stack.'],
    serviceDiscovery: 'not applicable',
    topic: CODE_TOPIC_REFS.networkDrivers,
  },
};
