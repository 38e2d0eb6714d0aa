import { asRecord, asRecords, bool, num, parseJsonLoose, prop, recordsOf, str } from './common.js';

/** One HNS network (HNS v1 `Get-HnsNetwork` or HCN v2 shape). */
export interface HnsNetwork {
  id?: string;
  name: string;
  type: string;
  managementIp?: string;
  subnets: string[];
  adapterName?: string;
}

/** Parses `Get-HnsNetwork | ConvertTo-Json -Depth 20`: one object or an array, HNS v1 (`Subnets`) or v2 (`Ipams`). */
export function parseHnsNetworks(text: string): HnsNetwork[] | undefined {
  const json = parseJsonLoose(text);
  if (json === undefined) return undefined;
  const list = asRecords(json);
  if (!list.every((r) => str(r, 'Type') !== undefined)) return undefined;
  return list.map((r) => {
    const subnets: string[] = [];
    for (const s of asRecords(prop(r, 'Subnets'))) {
      const p = str(s, 'AddressPrefix');
      if (p) subnets.push(p);
    }
    for (const ipam of asRecords(prop(r, 'Ipams')))
      for (const s of asRecords(prop(ipam, 'Subnets'))) {
        const p = str(s, 'IpAddressPrefix');
        if (p) subnets.push(p);
      }
    const out: HnsNetwork = { name: str(r, 'Name') ?? '', type: str(r, 'Type') ?? '', subnets };
    const id = str(r, 'ID') ?? str(r, 'Id');
    if (id) out.id = id;
    const mgmt = str(r, 'ManagementIP') ?? str(r, 'ManagementIp');
    if (mgmt) out.managementIp = mgmt;
    const adapter = str(r, 'NetworkAdapterName');
    if (adapter) out.adapterName = adapter;
    return out;
  });
}

/** One HNS endpoint. */
export interface HnsEndpoint {
  id?: string;
  network?: string;
  state?: number;
  remote: boolean;
  ip?: string;
}

/** Parses `Get-HnsEndpoint | ConvertTo-Json -Depth 20` (one object or an array). */
export function parseHnsEndpoints(text: string): HnsEndpoint[] | undefined {
  const json = parseJsonLoose(text);
  if (json === undefined) return undefined;
  return asRecords(json).map((r) => {
    const e: HnsEndpoint = { remote: bool(r, 'IsRemoteEndpoint') === true };
    const id = str(r, 'ID') ?? str(r, 'Id');
    if (id) e.id = id;
    const net = str(r, 'VirtualNetworkName') ?? str(r, 'VirtualNetwork');
    if (net) e.network = net;
    const state = num(r, 'State');
    if (state !== undefined) e.state = state;
    const ip = str(r, 'IPAddress');
    if (ip) e.ip = ip;
    return e;
  });
}

/** One WinNAT object (`Get-NetNat`). */
export interface NetNat {
  name: string;
  prefix?: string;
  active?: boolean;
}

/** Parses `Get-NetNat` as a list or JSON. */
export function parseNetNat(text: string): NetNat[] | undefined {
  if (text.trim() === '' || text.trim() === 'null') return [];
  const records = recordsOf(text);
  if (!records.length) return parseJsonLoose(text) !== undefined ? [] : undefined;
  if (!records.every((r) => prop(r, 'InternalIPInterfaceAddressPrefix') !== undefined || prop(r, 'Name') !== undefined)) return undefined;
  return records.map((r) => {
    const n: NetNat = { name: str(r, 'Name') ?? '' };
    const prefix = str(r, 'InternalIPInterfaceAddressPrefix');
    if (prefix) n.prefix = prefix;
    const active = bool(r, 'Active');
    if (active !== undefined) n.active = active;
    return n;
  });
}

/** One static NAT mapping (`Get-NetNatStaticMapping`). */
export interface NetNatStatic {
  natName?: string;
  externalPort?: number;
  internalIp?: string;
  protocol?: string;
}

/** Parses `Get-NetNatStaticMapping` as a list or JSON (empty output: none). */
export function parseNetNatStatic(text: string): NetNatStatic[] {
  if (text.trim() === '' || text.trim() === 'null') return [];
  return recordsOf(text).map((r) => {
    const m: NetNatStatic = {};
    const natName = str(r, 'NatName');
    if (natName) m.natName = natName;
    const port = num(r, 'ExternalPort');
    if (port !== undefined) m.externalPort = port;
    const ip = str(r, 'InternalIPAddress');
    if (ip) m.internalIp = ip;
    const protocol = str(r, 'Protocol');
    if (protocol) m.protocol = protocol === '6' ? 'TCP' : protocol === '17' ? 'UDP' : protocol;
    return m;
  });
}

/** One Hyper-V virtual switch (`Get-VMSwitch`). */
export interface VmSwitch {
  name: string;
  /** `External`, `Internal` or `Private` (the enum's number in JSON is mapped). */
  switchType: string;
  adapterDescription?: string;
}

const SWITCH_TYPES = ['Private', 'Internal', 'External'];

/** Parses `Get-VMSwitch` (`| Format-List`, the default table is not enough) or its JSON. */
export function parseVmSwitch(text: string): VmSwitch[] | undefined {
  if (text.trim() === '' || text.trim() === 'null') return [];
  const records = recordsOf(text).filter((r) => prop(r, 'SwitchType') !== undefined);
  if (!records.length) return undefined;
  return records.map((r) => {
    const t = prop(r, 'SwitchType');
    const type = typeof t === 'number' ? (SWITCH_TYPES[t] ?? String(t)) : /^\d$/.test(String(t)) ? (SWITCH_TYPES[Number(t)] ?? String(t)) : String(t);
    const s: VmSwitch = { name: str(r, 'Name') ?? '', switchType: type };
    const d = str(r, 'NetAdapterInterfaceDescription');
    if (d) s.adapterDescription = d;
    return s;
  });
}

/** One adapter's IPv6 binding (`Get-NetAdapterBinding -ComponentID ms_tcpip6`). */
export interface Ipv6Binding {
  adapter: string;
  enabled: boolean;
}

/** Parses `Get-NetAdapterBinding -ComponentID ms_tcpip6` as the default table (DisplayName localized) or JSON. */
export function parseIpv6Binding(text: string): Ipv6Binding[] | undefined {
  const json = parseJsonLoose(text);
  if (json !== undefined)
    return asRecords(json).flatMap((r) => {
      const enabled = bool(r, 'Enabled');
      const adapter = str(r, 'Name') ?? str(r, 'InterfaceAlias');
      return enabled !== undefined && adapter !== undefined ? [{ adapter, enabled }] : [];
    });
  const lines = text.replace(/\r/g, '').split('\n');
  const header = lines.find((l) => /^Name[ \t]+DisplayName[ \t]/.test(l));
  const col = header?.indexOf('DisplayName');
  const out: Ipv6Binding[] = [];
  for (const line of lines) {
    const m = /[ \t]ms_tcpip6[ \t]+(True|False)[ \t]*$/i.exec(line);
    if (!m) continue;
    const adapter = (col !== undefined && col > 0 ? line.slice(0, col) : (line.split(/ {2}/)[0] ?? '')).trim();
    out.push({ adapter, enabled: (m[1] ?? '').toLowerCase() === 'true' });
  }
  return out.length ? out : undefined;
}

/** `Tcpip6\Parameters` DisabledComponents as the collector reads it: `{"DisabledComponents": 255}` or null. */
export function parseIpv6Registry(text: string): { disabledComponents: number | null } | undefined {
  const r = asRecord(parseJsonLoose(text));
  if (!r) return undefined;
  const v = num(r, 'DisabledComponents');
  return { disabledComponents: v ?? null };
}

/** One excluded TCP port range. */
export interface PortRange {
  start: number;
  end: number;
  administered: boolean;
}

/**
 * Parses `netsh int ipv4 show excludedportrange protocol=tcp`. Headers are localized (`协议 tcp 端口排除范围`,
 * `Protokoll tcp Portausschlussbereiche`), so only the rows of two port numbers are read; `*` marks an
 * administered exclusion. Undefined when the text has no table rule and no such row.
 */
export function parseExcludedPorts(text: string): PortRange[] | undefined {
  const out: PortRange[] = [];
  let rule = false;
  for (const line of text.replace(/\r/g, '').split('\n')) {
    if (/^[ \t]*-{4,}[ \t]+-{4,}[ \t]*$/.test(line)) rule = true;
    const m = /^(\d{1,5})[ \t]+(\d{1,5})(?:[ \t]+(\*))?$/.exec(line.trim());
    if (!m) continue;
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (start > 65535 || end > 65535 || end < start) continue;
    out.push({ start, end, administered: m[3] === '*' });
  }
  return rule || out.length ? out : undefined;
}

/** Parses `netsh int ipv4 show dynamicportrange tcp` (labels localized): the start port and the number of ports. */
export function parseDynamicPorts(text: string): { start: number; count: number } | undefined {
  const nums: number[] = [];
  for (const line of text.replace(/\r/g, '').split('\n')) {
    const m = /[:：][ \t]*(\d{1,5})[ \t]*$/.exec(line);
    if (m) nums.push(Number(m[1]));
  }
  const [start, count] = nums;
  return start !== undefined && count !== undefined && start <= 65535 && count <= 65536 ? { start, count } : undefined;
}

/** Whether a port (or range) lies in a range. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** An IPv4 CIDR as [first, last] address numbers, or undefined. */
export function parseCidr(cidr: string): { start: number; end: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const addr = (((octets[0] ?? 0) << 24) >>> 0) + ((octets[1] ?? 0) << 16) + ((octets[2] ?? 0) << 8) + (octets[3] ?? 0);
  const size = 2 ** (32 - bits);
  const start = Math.floor(addr / size) * size;
  return { start, end: start + size - 1 };
}

