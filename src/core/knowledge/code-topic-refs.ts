/**
 * Every topic id the code links to (the network planner's warnings and driver notes, the wizard's
 * fix topic). They are named here once, and `kb check` verifies that each exists in the knowledge,
 * so renaming or removing a topic cannot leave a link from the code pointing nowhere.
 */
export const CODE_TOPIC_REFS = {
  networkDrivers: 'network-drivers',
  macSpoofing: 'dhcp-mac-spoofing',
  l2bridgeNoDhcp: 'l2bridge-no-dhcp',
  vlanId: 'network-vlan-id',
  ownAdapter: 'multiple-transparent-networks',
  ws2016Nat: 'ws2016-multiple-nat',
  serviceDiscovery: 'service-discovery',
  ipv6: 'hns-requires-ipv6',
  staticIp: 'static-ip-subnet-gateway',
} as const;

/** Where each reference is used, for kb check's message. */
export const CODE_TOPIC_REF_USES: Record<keyof typeof CODE_TOPIC_REFS, string> = {
  networkDrivers: 'network planner: driver notes and the Windows Server 2016 update warning; wizard fix topic',
  macSpoofing: 'network planner: MAC spoofing warning',
  l2bridgeNoDhcp: 'network planner: l2bridge static address warning',
  vlanId: 'network planner: VLAN warning; wizard fix topic',
  ownAdapter: 'network planner: one adapter per external network; wizard fix topic',
  ws2016Nat: 'network planner: Windows Server 2016 NAT prefix warning',
  serviceDiscovery: 'network planner: no service discovery warning',
  ipv6: 'network planner: IPv6 warning',
  staticIp: 'wizard fix topic',
};
