import { interpolate } from '../i18n/translate.js';
import { echoed } from '../text/terminal-safe.js';

/**
 * The English text of each problem the network validators, the planner and the wizard report, with
 * `{{slots}}` for its values. The CLI prints these; the UI translates the id instead (`wizard.problem.<id>`).
 */
export const NETWORK_PROBLEM_TEXT = {
  'cidr-invalid': '"{{value}}" is not an IPv4 prefix such as 10.123.174.0/23',
  'prefix-length': 'the prefix length /{{prefix}} must be between /1 and /30',
  'host-bits-set': 'host bits are set in "{{value}}"; the network address is {{network}}',
  'ipv4-invalid': '"{{value}}" is not an IPv4 address such as 10.123.174.1',
  'gateway-not-ipv4': '"{{address}}" is not an IPv4 address',
  'gateway-outside-subnet': '{{address}} is outside the subnet {{subnet}}',
  'gateway-network-address': '{{address}} is the network address of {{subnet}}, not a usable gateway',
  'gateway-broadcast-address': '{{address}} is the broadcast address of {{subnet}}, not a usable gateway',
  'ip-not-ipv4': '"{{address}}" is not an IPv4 address',
  'ip-outside-subnet': '{{address}} is outside the subnet {{subnet}}',
  'ip-network-address': '{{address}} is the network address of {{subnet}}, not a usable container address',
  'ip-broadcast-address': '{{address}} is the broadcast address of {{subnet}}, not a usable container address',
  'ip-is-gateway': '{{address}} is the gateway; pick another address',
  'vlan-invalid': '"{{value}}" is not a VLAN id (a whole number from 1 to 4094)',
  'vlan-range': '{{value}} is outside the VLAN id range 1-4094',
  'adapter-empty': 'an adapter name is empty (separate several names with commas)',
  'adapter-too-long': 'the adapter name "{{name}}…" is longer than 255 characters',
  'adapter-unsafe': 'the adapter name "{{name}}" contains a double quote (" “ ” „), $, %, !, `, \\, or a control, invisible or text-direction character',
  'adapter-duplicate': 'the adapter "{{name}}" is listed twice',
  'adapter-too-many': '{{count}} adapters are listed; a network takes at most {{max}} (a Switch Embedded Team has up to 8)',
  'dns-servers-empty': 'give one or more IPv4 addresses separated by commas',
  'dns-suffix-invalid': '"{{value}}" is not a DNS suffix such as corp.example.com',
  'network-name-invalid': '"{{value}}" is not a network name: use letters, digits, "_", "." and "-", starting with a letter or digit',
  'network-name-reserved': '"{{name}}" is a network Docker creates on every Windows host; pick another name',
  'hns-name-invalid': '"{{value}}" is not an HNS network name: use letters, digits, spaces, "_", ".", "-" and parentheses',
  'host-build-ambiguous': '"{{value}}" names several Windows builds ({{builds}}); type the build number',
  'host-build-invalid': '"{{value}}" is neither a Windows build such as 14393 or 14393.1715 nor a release such as ltsc2019 or Windows Server 2022',
  'nat-subnet-outside-prefix':
    "on Windows Server 2016 an extra NAT network must be a part of the host's NAT prefix {{prefix}} (see Get-NetNat, InternalIPInterfaceAddressPrefix); {{subnet}} is not",
  'driver-l2tunnel': 'l2tunnel is for the Microsoft cloud (SDN) stack only; see "wcdoctor network explain l2tunnel"',
  'driver-unknown': '"{{value}}" is not a Windows network driver; use one of {{drivers}}',
  'gateway-needs-subnet': 'needs --subnet: the gateway must lie inside the subnet',
  'vlan-wrong-driver': 'a VLAN id applies to transparent and l2bridge networks, not {{driver}}',
  'interface-nat': 'the nat driver uses an internal vSwitch and binds to no adapter',
  'l2bridge-needs-subnet': "l2bridge takes static addresses only: give the host network's --subnet and --gateway",
  'transparent-needs-gateway': "static addresses on a transparent network need --gateway as well as --subnet (the host network's own)",
  'ws2016-nat-needs-subnet': "on Windows Server 2016 an extra NAT network needs --subnet inside the host's NAT prefix {{prefix}}",
  'ip-overlay': 'Swarm assigns overlay addresses; services take no static --ip',
  'ip-bad-subnet': 'cannot be checked against an invalid --subnet',
  'ip-needs-subnet': 'a static address needs the network to have --subnet (and --gateway)',
  required: 'is required for this network',
  'teaming-needs-two': 'teaming needs two or more adapter names, separated by commas',
} as const;

/** A stable id of a network problem, the same in every language. */
export type NetworkProblemId = keyof typeof NETWORK_PROBLEM_TEXT;

/** A refused value: its id and values (for a UI to translate) and the English message (for the CLI). */
export interface NetworkIssue {
  id: NetworkProblemId;
  params: Record<string, string>;
  message: string;
}

/**
 * Makes an issue, filling the English text from the values.
 * @example networkIssue('vlan-range', { value: 5000 }).message === '5000 is outside the VLAN id range 1-4094'
 */
export function networkIssue(id: NetworkProblemId, params: Record<string, string | number> = {}): NetworkIssue {
  // A value as typed is repeated cut to a readable length (a 100,000-character name was echoed whole).
  const strings = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, echoed(String(v))]));
  return { id, params: strings, message: interpolate(NETWORK_PROBLEM_TEXT[id], strings) };
}
