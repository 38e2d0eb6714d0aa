/** An IPv4 prefix with its network and broadcast addresses as unsigned 32-bit numbers. */
export interface Cidr {
  /** The prefix as written, normalised (`10.123.174.0/23`). */
  text: string;
  network: number;
  prefix: number;
  broadcast: number;
}

/** Parses dotted-quad IPv4 (`10.0.0.1`) to an unsigned 32-bit number; undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p, i) => p > 255 || (m[i + 1]!.length > 1 && m[i + 1]!.startsWith('0')))) return undefined;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

/** Formats an unsigned 32-bit number as dotted-quad IPv4. */
export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** The netmask of a prefix length as an unsigned 32-bit number. */
export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff - (2 ** (32 - prefix) - 1)) >>> 0;
}

/** Builds the prefix that contains `address` with the given length. */
export function cidrOf(address: number, prefix: number): Cidr {
  const network = (address & maskOf(prefix)) >>> 0;
  const broadcast = network + 2 ** (32 - prefix) - 1;
  return { text: `${formatIpv4(network)}/${prefix}`, network, prefix, broadcast };
}

/** True when the address lies inside the prefix. */
export function isInCidr(address: number, cidr: Cidr): boolean {
  return address >= cidr.network && address <= cidr.broadcast;
}

/** True when `inner` lies wholly inside `outer`. */
export function isSubnetOf(inner: Cidr, outer: Cidr): boolean {
  return inner.prefix >= outer.prefix && isInCidr(inner.network, outer);
}
