import { hasHiddenCharacter } from '../fixes/validate-param.js';
import { err, ok, type Result } from '../result.js';
import { cidrOf, formatIpv4, isInCidr, isSubnetOf, parseIpv4, type Cidr } from './ipv4.js';
import { networkIssue as issue, type NetworkIssue } from './problems.js';

/** A validation result whose error carries the problem's id, values and English message. */
export type Checked<T> = Result<T, NetworkIssue>;

/** Drops the id of a failed check, keeping the English message (the CLI's and the validators' plain form). */
export const messageOf = <T>(r: Checked<T>): Result<T> => (r.ok ? r : err(r.error.message));

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

// Characters that would change meaning inside a double-quoted argument in cmd or PowerShell; PowerShell ends a
// double-quoted string at the typographic double quotes “ ” „ as well as at ". cmd replaces %NAME% inside quotes, and
// !NAME! too when delayed expansion is on (cmd /V:ON, or the DelayedExpansion registry value; an attacker helper). A
// backslash before the closing quote escapes it for the program: Windows PowerShell 5.1 wraps an argument with a space
// in quotes without doubling a final backslash (`"…interface=Eth 2\"`; an attacker helper, not run on 5.1 here), so no
// backslash at all: no adapter name needs one.
const SHELL_UNSAFE = /["\u201C\u201D\u201E`$%!\\\u0000-\u001f]/u;

const toList = (v: string | string[]): string[] => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim());

/** Validates an IPv4 prefix such as `10.123.174.0/23` (prefix length 1-30, no host bits set). */
export function checkCidr(text: string): Checked<Cidr> {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text.trim());
  const addr = m ? parseIpv4(m[1] ?? '') : undefined;
  if (!m || addr === undefined) return err(issue('cidr-invalid', { value: text }));
  const prefix = Number(m[2]);
  if (prefix < 1 || prefix > 30) return err(issue('prefix-length', { prefix }));
  const cidr = cidrOf(addr, prefix);
  if (cidr.network !== addr) return err(issue('host-bits-set', { value: text, network: cidr.text }));
  return ok(cidr);
}

/** Validates a plain IPv4 address. */
export function checkIpv4(text: string): Checked<string> {
  const n = parseIpv4(text);
  return n === undefined ? err(issue('ipv4-invalid', { value: text })) : ok(formatIpv4(n));
}

function checkHostAddress(text: string, subnet: Cidr, what: 'gateway' | 'ip'): Checked<number> {
  const n = parseIpv4(text);
  const values = { address: text, subnet: subnet.text };
  if (n === undefined) return err(issue(`${what}-not-ipv4`, values));
  if (!isInCidr(n, subnet)) return err(issue(`${what}-outside-subnet`, values));
  if (n === subnet.network) return err(issue(`${what}-network-address`, values));
  if (n === subnet.broadcast) return err(issue(`${what}-broadcast-address`, values));
  return ok(n);
}

/** Validates a gateway: an IPv4 address inside the subnet, neither its network nor its broadcast address. */
export function checkGateway(text: string, subnet: Cidr): Checked<string> {
  const r = checkHostAddress(text, subnet, 'gateway');
  return r.ok ? ok(formatIpv4(r.value)) : r;
}

/** Validates a container's static address: inside the subnet and not the gateway. */
export function checkContainerIp(text: string, subnet: Cidr, gateway?: string): Checked<string> {
  const r = checkHostAddress(text, subnet, 'ip');
  if (!r.ok) return r;
  if (gateway !== undefined && parseIpv4(gateway) === r.value) return err(issue('ip-is-gateway', { address: text }));
  return ok(formatIpv4(r.value));
}

/** Validates a VLAN id: a whole number from 1 to 4094. */
export function checkVlanId(value: string | number): Checked<number> {
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) return err(issue('vlan-invalid', { value: text }));
  const n = Number(text);
  return n >= 1 && n <= 4094 ? ok(n) : err(issue('vlan-range', { value: n }));
}

/** The most adapters one network names: a Switch Embedded Team takes 8; a longer list is a mistake (or an attack: 76 KB of names took 3 s). */
const MAX_ADAPTERS = 32;

/** Validates network adapter names (as `Get-NetAdapter` shows them); several names team the adapters. */
export function checkInterfaceNames(value: string | string[]): Checked<string[]> {
  const names = toList(value);
  if (names.some((n) => n === '')) return err(issue('adapter-empty'));
  if (names.length > MAX_ADAPTERS) return err(issue('adapter-too-many', { count: String(names.length), max: String(MAX_ADAPTERS) }));
  for (const n of names) {
    if (n.length > 255) return err(issue('adapter-too-long', { name: n.slice(0, 20) }));
    // A text-direction, invisible or C1 character would make the command shown differ from the one that runs.
    if (SHELL_UNSAFE.test(n) || hasHiddenCharacter(n)) return err(issue('adapter-unsafe', { name: n }));
  }
  const seen = new Set<string>();
  const dup = names.find((n) => seen.size === seen.add(n.toLowerCase()).size);
  return dup === undefined ? ok(names) : err(issue('adapter-duplicate', { name: dup }));
}

/** Validates DNS servers: a comma list of IPv4 addresses. */
export function checkDnsServers(value: string | string[]): Checked<string[]> {
  const list = toList(value);
  if (list.length === 0 || list.some((s) => s === '')) return err(issue('dns-servers-empty'));
  const out: string[] = [];
  for (const s of list) {
    const r = checkIpv4(s);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

/** Validates a DNS suffix such as `corp.example.com`. */
export function checkDnsSuffix(text: string): Checked<string> {
  const s = text.trim();
  const label = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
  if (s.length === 0 || s.length > 253 || !s.split('.').every((l) => label.test(l)))
    return err(issue('dns-suffix-invalid', { value: text }));
  return ok(s);
}

/** Validates a Docker network name; `nat` and `none` already exist on every Windows host. */
export function checkNetworkName(text: string): Checked<string> {
  const s = text.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(s) || s.length > 128)
    return err(issue('network-name-invalid', { value: text }));
  if (['nat', 'none'].includes(s.toLowerCase())) return err(issue('network-name-reserved', { name: s }));
  return ok(s);
}

/** Validates the name given to the HNS network (`windowsshim.networkname`). */
export function checkHnsName(text: string): Checked<string> {
  const s = text.trim();
  // Letters that show as nothing (U+3164 HANGUL FILLER, U+115F, U+FFA0 are letters to Unicode) would name another network
  // than the one the screen shows (an attacker helper), as they would an adapter.
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _.()-]*$/u.test(s) || s.length > 128 || hasHiddenCharacter(s))
    return err(issue('hns-name-invalid', { value: text }));
  return ok(s);
}

/**
 * Validates a host build: `14393`, `14393.1715` or `10.0.14393.1715`, or a line that shows one, as `ver` prints it
 * (`Microsoft Windows [Version 10.0.17763.5329]`, in any language) or winver (`OS Build 17763.5329`): the wizard's
 * question says those show it (found by a tester: the line ver printed was refused). With `byName` (the compat data's
 * names: resolveName), a release name or tag (`ltsc2019`, `Windows Server 2022`, `1809`) stands for its build.
 */
/** The build a release name stands for, or its builds when several releases share it (buildsOfName on the compat data). */
export type BuildOfName = (name: string) => number | readonly number[] | undefined;

export function checkHostBuild(text: string, byName?: BuildOfName): Checked<HostBuild> {
  const line = text.trim();
  const m = /^(?:10\.0\.)?(\d{5})(?:\.(\d{1,6}))?$/.exec(line) ?? (line.length <= 200 ? /(?:^|[^\d.])10\.0\.(\d{5})(?:\.(\d{1,6}))?(?![\d.])/.exec(line) ?? /\bBuild[ \t]{1,4}(\d{5})(?:\.(\d{1,6}))?(?![\d.])/i.exec(line) : null);
  if (!m) {
    const named = line.length <= 100 ? byName?.(line) : undefined;
    // A name several releases share (23H2: Windows 11 and Windows Server) names no one build: said so (found by a tester).
    if (Array.isArray(named) && named.length > 1) return err(issue('host-build-ambiguous', { value: text, builds: named.join(', ') }));
    if (typeof named === 'number' && Number.isInteger(named) && named >= 10240) return ok({ build: named, text: String(named) });
  }
  if (!m || Number(m[1]) < 10240) return err(issue('host-build-invalid', { value: text }));
  const build = Number(m[1]);
  return ok(m[2] === undefined ? { build, text: String(build) } : { build, revision: Number(m[2]), text: `${build}.${Number(m[2])}` });
}

/** True for a Windows Server 2016 (build 14393) host, where extra NAT networks must lie in the NAT prefix. */
export const isWs2016 = (b: HostBuild | undefined): boolean => b?.build === WS2016_BUILD;

/** Checks an extra NAT network against the host's internal NAT prefix (the Windows Server 2016 rule). */
export function checkNatSubnetInPrefix(subnet: Cidr, natPrefix: Cidr): Checked<Cidr> {
  if (!isSubnetOf(subnet, natPrefix) || subnet.prefix === natPrefix.prefix)
    return err(issue('nat-subnet-outside-prefix', { prefix: natPrefix.text, subnet: subnet.text }));
  return ok(subnet);
}

/** Validates an IPv4 prefix; the error is the English message. */
export const validateCidr = (text: string): Result<Cidr> => messageOf(checkCidr(text));
/** Validates a plain IPv4 address; the error is the English message. */
export const validateIpv4 = (text: string): Result<string> => messageOf(checkIpv4(text));
/** Validates a gateway inside a subnet; the error is the English message. */
export const validateGateway = (text: string, subnet: Cidr): Result<string> => messageOf(checkGateway(text, subnet));
/** Validates a container's static address; the error is the English message. */
export const validateContainerIp = (text: string, subnet: Cidr, gateway?: string): Result<string> => messageOf(checkContainerIp(text, subnet, gateway));
/** Validates a VLAN id; the error is the English message. */
export const validateVlanId = (value: string | number): Result<number> => messageOf(checkVlanId(value));
/** Validates adapter names; the error is the English message. */
export const validateInterfaceNames = (value: string | string[]): Result<string[]> => messageOf(checkInterfaceNames(value));
/** Validates DNS servers; the error is the English message. */
export const validateDnsServers = (value: string | string[]): Result<string[]> => messageOf(checkDnsServers(value));
/** Validates a DNS suffix; the error is the English message. */
export const validateDnsSuffix = (text: string): Result<string> => messageOf(checkDnsSuffix(text));
/** Validates a Docker network name; the error is the English message. */
export const validateNetworkName = (text: string): Result<string> => messageOf(checkNetworkName(text));
/** Validates an HNS network name; the error is the English message. */
export const validateHnsName = (text: string): Result<string> => messageOf(checkHnsName(text));
/** Validates a host build (a release name too, with `byName`); the error is the English message. */
export const validateHostBuild = (text: string, byName?: BuildOfName): Result<HostBuild> => messageOf(checkHostBuild(text, byName));
/** Checks an extra NAT network against the NAT prefix; the error is the English message. */
export const validateNatSubnetInPrefix = (subnet: Cidr, natPrefix: Cidr): Result<Cidr> => messageOf(checkNatSubnetInPrefix(subnet, natPrefix));
