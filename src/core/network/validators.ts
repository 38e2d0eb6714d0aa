import { err, ok, type Result } from '../result.js';
import { cidrOf, formatIpv4, isInCidr, isSubnetOf, parseIpv4, type Cidr } from './ipv4.js';

/** The internal NAT prefix of a Windows container host unless `Get-NetNat` says otherwise. */
export const DEFAULT_NAT_PREFIX = '172.16.0.0/16';

/** Build number of Windows Server 2016 (and Windows 10 1607), where the 2016 networking rules apply. */
export const WS2016_BUILD = 14393;

/** A host build, parsed: `14393`, `14393.1715` or `10.0.14393.1715`. */
export interface HostBuild {
  build: number;
  revision?: number;
  text: string;
}

// Characters that would change meaning inside a double-quoted argument in cmd or PowerShell.
const SHELL_UNSAFE = /["`$%\u0000-\u001f]/u;

const toList = (v: string | string[]): string[] => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim());

/** Validates an IPv4 prefix such as `10.123.174.0/23` (prefix length 1-30, no host bits set). */
export function validateCidr(text: string): Result<Cidr> {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text.trim());
  const addr = m ? parseIpv4(m[1] ?? '') : undefined;
  if (!m || addr === undefined) return err(`"${text}" is not an IPv4 prefix such as 10.123.174.0/23`);
  const prefix = Number(m[2]);
  if (prefix < 1 || prefix > 30) return err(`the prefix length /${prefix} must be between /1 and /30`);
  const cidr = cidrOf(addr, prefix);
  if (cidr.network !== addr) return err(`host bits are set in "${text}"; the network address is ${cidr.text}`);
  return ok(cidr);
}

/** Validates a plain IPv4 address. */
export function validateIpv4(text: string): Result<string> {
  const n = parseIpv4(text);
  return n === undefined ? err(`"${text}" is not an IPv4 address such as 10.123.174.1`) : ok(formatIpv4(n));
}

function validateHostAddress(text: string, subnet: Cidr, what: string): Result<number> {
  const n = parseIpv4(text);
  if (n === undefined) return err(`"${text}" is not an IPv4 address`);
  if (!isInCidr(n, subnet)) return err(`${text} is outside the subnet ${subnet.text}`);
  if (n === subnet.network) return err(`${text} is the network address of ${subnet.text}, not a usable ${what}`);
  if (n === subnet.broadcast) return err(`${text} is the broadcast address of ${subnet.text}, not a usable ${what}`);
  return ok(n);
}

/** Validates a gateway: an IPv4 address inside the subnet, neither its network nor its broadcast address. */
export function validateGateway(text: string, subnet: Cidr): Result<string> {
  const r = validateHostAddress(text, subnet, 'gateway');
  return r.ok ? ok(formatIpv4(r.value)) : r;
}

/** Validates a container's static address: inside the subnet and not the gateway. */
export function validateContainerIp(text: string, subnet: Cidr, gateway?: string): Result<string> {
  const r = validateHostAddress(text, subnet, 'container address');
  if (!r.ok) return r;
  if (gateway !== undefined && parseIpv4(gateway) === r.value) return err(`${text} is the gateway; pick another address`);
  return ok(formatIpv4(r.value));
}

/** Validates a VLAN id: a whole number from 1 to 4094. */
export function validateVlanId(value: string | number): Result<number> {
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) return err(`"${text}" is not a VLAN id (a whole number from 1 to 4094)`);
  const n = Number(text);
  return n >= 1 && n <= 4094 ? ok(n) : err(`${n} is outside the VLAN id range 1-4094`);
}

/** Validates network adapter names (as `Get-NetAdapter` shows them); several names team the adapters. */
export function validateInterfaceNames(value: string | string[]): Result<string[]> {
  const names = toList(value);
  if (names.some((n) => n === '')) return err('an adapter name is empty (separate several names with commas)');
  for (const n of names) {
    if (n.length > 255) return err(`the adapter name "${n.slice(0, 20)}…" is longer than 255 characters`);
    if (SHELL_UNSAFE.test(n)) return err(`the adapter name "${n}" contains a quote, $, %, \` or a control character`);
  }
  const dup = names.find((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) !== i);
  return dup === undefined ? ok(names) : err(`the adapter "${dup}" is listed twice`);
}

/** Validates DNS servers: a comma list of IPv4 addresses. */
export function validateDnsServers(value: string | string[]): Result<string[]> {
  const list = toList(value);
  if (list.length === 0 || list.some((s) => s === '')) return err('give one or more IPv4 addresses separated by commas');
  const out: string[] = [];
  for (const s of list) {
    const r = validateIpv4(s);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

/** Validates a DNS suffix such as `corp.example.com`. */
export function validateDnsSuffix(text: string): Result<string> {
  const s = text.trim();
  const label = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
  if (s.length === 0 || s.length > 253 || !s.split('.').every((l) => label.test(l)))
    return err(`"${text}" is not a DNS suffix such as corp.example.com`);
  return ok(s);
}

/** Validates a Docker network name; `nat` and `none` already exist on every Windows host. */
export function validateNetworkName(text: string): Result<string> {
  const s = text.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(s) || s.length > 128)
    return err(`"${text}" is not a network name: use letters, digits, "_", "." and "-", starting with a letter or digit`);
  if (['nat', 'none'].includes(s.toLowerCase())) return err(`"${s}" is a network Docker creates on every Windows host; pick another name`);
  return ok(s);
}

/** Validates the name given to the HNS network (`windowsshim.networkname`). */
export function validateHnsName(text: string): Result<string> {
  const s = text.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _.()-]*$/u.test(s) || s.length > 128)
    return err(`"${text}" is not an HNS network name: use letters, digits, spaces, "_", ".", "-" and parentheses`);
  return ok(s);
}

/** Validates a host build: `14393`, `14393.1715` or `10.0.14393.1715`. */
export function validateHostBuild(text: string): Result<HostBuild> {
  const m = /^(?:10\.0\.)?(\d{5})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!m || Number(m[1]) < 10240) return err(`"${text}" is not a Windows build such as 14393 or 14393.1715`);
  const build = Number(m[1]);
  return ok(m[2] === undefined ? { build, text: String(build) } : { build, revision: Number(m[2]), text: `${build}.${Number(m[2])}` });
}

/** True for a Windows Server 2016 (build 14393) host, where extra NAT networks must lie in the NAT prefix. */
export const isWs2016 = (b: HostBuild | undefined): boolean => b?.build === WS2016_BUILD;

/** Checks an extra NAT network against the host's internal NAT prefix (the Windows Server 2016 rule). */
export function validateNatSubnetInPrefix(subnet: Cidr, natPrefix: Cidr): Result<Cidr> {
  if (!isSubnetOf(subnet, natPrefix) || subnet.prefix === natPrefix.prefix)
    return err(`on Windows Server 2016 an extra NAT network must be a part of the host's NAT prefix ${natPrefix.text} (see Get-NetNat, InternalIPInterfaceAddressPrefix); ${subnet.text} is not`);
  return ok(subnet);
}
