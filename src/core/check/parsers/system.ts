import { asRecord, asRecords, bool, num, parseJsonLoose, prop, recordsOf, str, strList } from './common.js';

/** A Windows service and whether it runs. */
export interface ServiceState {
  name: string;
  status: string;
}

// ServiceControllerStatus as ConvertTo-Json writes it in Windows PowerShell 5.1 (a number).
const SERVICE_STATUS: Record<number, string> = { 1: 'Stopped', 2: 'StartPending', 3: 'StopPending', 4: 'Running', 5: 'ContinuePending', 6: 'PausePending', 7: 'Paused' };

/** Parses `Get-Service …` as JSON (status as text or number), a list, or the default `Status Name DisplayName` table. */
export function parseServices(text: string): ServiceState[] | undefined {
  const json = parseJsonLoose(text);
  const records = json !== undefined ? asRecords(json) : recordsOf(text);
  const fromRecords = records.flatMap((r) => {
    const name = str(r, 'Name');
    const raw = prop(r, 'Status');
    const status = typeof raw === 'number' ? SERVICE_STATUS[raw] : typeof raw === 'string' ? raw : undefined;
    return name && status ? [{ name, status }] : [];
  });
  if (fromRecords.length || json !== undefined) return fromRecords;
  const rows: ServiceState[] = [];
  for (const line of text.replace(/\r/g, '').split('\n')) {
    const m = /^(Running|Stopped|StartPending|StopPending|Paused)[ \t]+(\S+)/.exec(line);
    if (m) rows.push({ name: m[2] ?? '', status: m[1] ?? '' });
  }
  return rows.length ? rows : undefined;
}

/** A running process the checks care about. */
export interface ProcessInfo {
  name: string;
  id?: number;
  workingSet?: number;
  handles?: number;
  threads?: number;
}

/** Parses the collector's process read (`Get-Process … | Select Name, Id, WorkingSet64, HandleCount, Threads`). */
export function parseProcesses(text: string): ProcessInfo[] | undefined {
  const json = parseJsonLoose(text);
  if (json === undefined) return text.trim() === '' ? [] : undefined;
  return asRecords(json).flatMap((r) => {
    const name = str(r, 'Name') ?? str(r, 'ProcessName');
    if (!name) return [];
    const p: ProcessInfo = { name };
    const id = num(r, 'Id');
    if (id !== undefined) p.id = id;
    const ws = num(r, 'WorkingSet64') ?? num(r, 'WorkingSet');
    if (ws !== undefined) p.workingSet = ws;
    const h = num(r, 'HandleCount') ?? num(r, 'Handles');
    if (h !== undefined) p.handles = h;
    const t = num(r, 'Threads');
    if (t !== undefined) p.threads = t;
    return [p];
  });
}

/** A Windows feature and whether it is on. */
export interface FeatureState {
  name: string;
  enabled: boolean;
  state: string;
}

/** Parses `Get-WindowsOptionalFeature` (FeatureName, State) or `Get-WindowsFeature` (Name, InstallState / Installed). */
export function parseFeatures(text: string): FeatureState[] | undefined {
  const records = recordsOf(text);
  const out = records.flatMap((r) => {
    const name = str(r, 'FeatureName') ?? str(r, 'Name');
    const state = str(r, 'State') ?? str(r, 'InstallState') ?? (bool(r, 'Installed') === undefined ? undefined : bool(r, 'Installed') ? 'Installed' : 'Available');
    if (!name || state === undefined) return [];
    return [{ name, state, enabled: /^(?:enabled|installed|enablepending|installpending)$/i.test(state) }];
  });
  return out.length ? out : undefined;
}

/** Named pipes the collector tested: pipe name → exists. */
export function parsePipes(text: string): Record<string, boolean> | undefined {
  const r = asRecord(parseJsonLoose(text));
  if (!r) return undefined;
  const out: Record<string, boolean> = {};
  for (const k of Object.keys(r)) {
    const v = bool(r, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** A fixed disk's free and total bytes. */
export interface DiskInfo {
  drive: string;
  freeBytes: number;
  sizeBytes?: number;
}

/** Parses `Get-CimInstance Win32_LogicalDisk -Filter DriveType=3 | Select DeviceID, FreeSpace, Size` (JSON or list). */
export function parseDisks(text: string): DiskInfo[] | undefined {
  const out = recordsOf(text).flatMap((r) => {
    const drive = str(r, 'DeviceID');
    const free = num(r, 'FreeSpace');
    if (!drive || free === undefined) return [];
    const size = num(r, 'Size');
    return [size !== undefined ? { drive, freeBytes: free, sizeBytes: size } : { drive, freeBytes: free }];
  });
  return out.length ? out : undefined;
}

/** One registry value the collector read as `{"Name": value}`; null when the value is not set. */
export function parseRegistryValue(text: string, name: string): { value: number | null } | undefined {
  const r = asRecord(parseJsonLoose(text));
  if (!r) return undefined;
  return { value: num(r, name) ?? null };
}

/** Page files in MB (`Win32_PageFileUsage`: Name, AllocatedBaseSize). */
export function parsePagefile(text: string): { name: string; allocatedMb: number }[] | undefined {
  if (text.trim() === '' || text.trim() === 'null') return [];
  const json = parseJsonLoose(text);
  if (json === undefined) return undefined;
  return asRecords(json).flatMap((r) => {
    const name = str(r, 'Name');
    const mb = num(r, 'AllocatedBaseSize');
    return name && mb !== undefined ? [{ name, allocatedMb: mb }] : [];
  });
}

/** Defender's exclusions, or that they could not be read without elevation. */
export interface MpPreference {
  /** `needs-admin`: the unelevated N/A; `hidden`: "N/A: Administrators are not allowed to view exclusions" (policy). */
  exclusionPath: string[] | 'needs-admin' | 'hidden';
  exclusionProcess: string[] | 'needs-admin' | 'hidden';
  realtimeDisabled?: boolean;
}

const MP_NA = /^N\/A:[ \t]?Must be an administrator/i;
const MP_HIDDEN = /^N\/A:[ \t]?Administrators are not allowed/i;

/** Parses `Get-MpPreference` (a list or JSON); the unelevated `N/A: Must be an administrator to view exclusions` is kept as such. */
export function parseMpPreference(text: string): MpPreference | undefined {
  const r = recordsOf(text).find((x) => prop(x, 'ExclusionPath') !== undefined || prop(x, 'DisableRealtimeMonitoring') !== undefined);
  if (!r) return undefined;
  const list = (name: string): string[] | 'needs-admin' | 'hidden' => {
    const v = prop(r, name);
    const single = Array.isArray(v) && v.length === 1 && typeof v[0] === 'string' ? v[0] : typeof v === 'string' ? v.trim().replace(/^\{|\}$/g, '') : undefined;
    if (single !== undefined && MP_NA.test(single)) return 'needs-admin';
    if (single !== undefined && MP_HIDDEN.test(single)) return 'hidden';
    return strList(r, name) ?? [];
  };
  const out: MpPreference = { exclusionPath: list('ExclusionPath'), exclusionProcess: list('ExclusionProcess') };
  const rt = bool(r, 'DisableRealtimeMonitoring');
  if (rt !== undefined) out.realtimeDisabled = rt;
  return out;
}

/** A credential spec file and what it lacks of what a gMSA container needs: not JSON, no DomainJoinConfig.DnsName, no ActiveDirectoryConfig.GroupManagedServiceAccounts. */
export interface CredentialSpec {
  name: string;
  problem?: 'not-json' | 'no-dns-name' | 'no-gmsa';
}

/** Parses the collector's credential-spec read: `[{Name, Content}]`, each content a credential spec (JSON). */
export function parseCredentialSpecs(text: string): CredentialSpec[] | undefined {
  if (text.trim() === '' || text.trim() === 'null') return [];
  const json = parseJsonLoose(text);
  if (json === undefined) return undefined;
  return asRecords(json).map((r) => {
    const name = str(r, 'Name') ?? '';
    const spec = asRecord(parseJsonLoose(str(r, 'Content') ?? ''));
    if (!spec) return { name, problem: 'not-json' };
    const ad = asRecord(prop(spec, 'ActiveDirectoryConfig'));
    const domain = asRecord(prop(spec, 'DomainJoinConfig'));
    if (!domain || !str(domain, 'DnsName')) return { name, problem: 'no-dns-name' };
    if (!ad || !asRecords(prop(ad, 'GroupManagedServiceAccounts')).length) return { name, problem: 'no-gmsa' };
    return { name };
  });
}

/** A Kubernetes node as `kubectl get node -o json` shows it. */
export interface KubeNode {
  name: string;
  os?: string;
  kernelVersion?: string;
  osImage?: string;
  buildLabel?: string;
  runtime?: string;
  ready?: { status: string; reason?: string; message?: string };
}

/** Parses `kubectl get node NAME -o json` (a Node) or `kubectl get nodes -o json` (a List of nodes). */
export function parseKubeNodes(text: string): KubeNode[] | undefined {
  const r = asRecord(parseJsonLoose(text));
  if (!r) return undefined;
  const kind = str(r, 'kind');
  const items = kind === 'List' || kind === 'NodeList' ? asRecords(prop(r, 'items')) : kind === 'Node' ? [r] : [];
  const nodes = items.filter((i) => str(i, 'kind') === undefined || str(i, 'kind') === 'Node');
  if (!nodes.length) return undefined;
  return nodes.map((n) => {
    const meta = asRecord(prop(n, 'metadata'));
    const labels = asRecord(prop(meta, 'labels'));
    const status = asRecord(prop(n, 'status'));
    const info = asRecord(prop(status, 'nodeInfo'));
    const ready = asRecords(prop(status, 'conditions')).find((c) => str(c, 'type') === 'Ready');
    const node: KubeNode = { name: str(meta, 'name') ?? '' };
    const set = <K extends keyof KubeNode>(k: K, v: KubeNode[K] | undefined) => {
      if (v !== undefined) node[k] = v;
    };
    set('os', str(labels, 'kubernetes.io/os') ?? str(info, 'operatingSystem'));
    set('kernelVersion', str(info, 'kernelVersion')?.trim());
    set('osImage', str(info, 'osImage'));
    set('buildLabel', str(labels, 'node.kubernetes.io/windows-build'));
    set('runtime', str(info, 'containerRuntimeVersion'));
    if (ready) {
      const rs: NonNullable<KubeNode['ready']> = { status: str(ready, 'status') ?? '' };
      const reason = str(ready, 'reason');
      if (reason) rs.reason = reason;
      const message = str(ready, 'message');
      if (message) rs.message = message;
      node.ready = rs;
    }
    return node;
  });
}
