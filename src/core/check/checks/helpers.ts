import type { OsInfo } from '../parsers/os.js';
import type { Evidence, ReadId, ReadValue } from '../types.js';
import type { HostView } from '../view.js';
import type { Verdict } from './types.js';

/** A verdict with its evidence. */
export const pass = (message: string, ...evidence: Evidence[]): Verdict => ({ status: 'pass', message, evidence });
export const warn = (message: string, ...evidence: Evidence[]): Verdict => ({ status: 'warn', message, evidence });
export const fail = (message: string, ...evidence: Evidence[]): Verdict => ({ status: 'fail', message, evidence });
export const notApplicable = (message: string, ...evidence: Evidence[]): Verdict => ({ status: 'not-evaluated', reason: 'not-applicable', message, evidence });

/** The not-evaluated verdict for a missing read (needs admin, not collected, failed). */
export function missing(id: ReadId, v: Extract<ReadValue<unknown>, { kind: 'missing' }>): Verdict {
  const message =
    v.reason === 'needs-admin' ? `not evaluated: run as administrator (${id} needs an elevated session)`
    : v.reason === 'not-collected' ? `not evaluated: ${id} ${v.detail}`
    : v.reason === 'not-applicable' ? `not applicable: ${v.detail}`
    : v.reason === 'unreadable' ? `not evaluated: the ${id} output was not recognised`
    : `not evaluated: reading ${id} failed: ${v.detail}`;
  return { status: 'not-evaluated', reason: v.reason, message, evidence: [] };
}

/** Evidence of one read. */
export const ev = (read: Evidence['read'], value: string | number | boolean): Evidence => ({ read, value: String(value) });

/** The first read of `ids` that has a value, or the not-evaluated verdict of the first one. */
export function first<K extends ReadId>(host: HostView, ids: readonly K[]): { id: K; value: NonNullable<unknown> } | Verdict {
  let firstMissing: Verdict | undefined;
  for (const id of ids) {
    const v = host.get(id);
    if (v.kind === 'ok') return { id, value: v.value as NonNullable<unknown> };
    firstMissing ??= missing(id, v);
  }
  return firstMissing ?? { status: 'not-evaluated', reason: 'not-collected', message: 'not evaluated: nothing to read', evidence: [] };
}

/** Whether a `first` result is a verdict (nothing could be read). */
export const isVerdict = (x: unknown): x is Verdict => typeof x === 'object' && x !== null && 'status' in x && 'evidence' in x;

/** The host's Windows build, revision and kind, merged from every read that shows them (registry first). */
export function hostOs(host: HostView): { os: OsInfo; from: ReadId[] } {
  const os: OsInfo = {};
  const from: ReadId[] = [];
  const merge = (id: ReadId, info: Partial<OsInfo> | undefined) => {
    if (!info) return;
    let used = false;
    for (const [k, v] of Object.entries(info) as [keyof OsInfo, OsInfo[keyof OsInfo]][])
      if (v !== undefined && os[k] === undefined && (k === 'build' || k === 'ubr' ? os.build === undefined || os.build === info.build : true)) {
        (os as Record<string, unknown>)[k] = v;
        used = true;
      }
    if (used) from.push(id);
  };
  for (const id of ['currentVersion', 'win32os', 'computerInfo', 'ver'] as const) {
    const v = host.get(id);
    if (v.kind === 'ok') merge(id, v.value);
  }
  const docker = host.get('dockerInfo');
  if (docker.kind === 'ok' && docker.value.osType === 'windows') merge('dockerInfo', { build: docker.value.build, ubr: docker.value.ubr });
  const node = host.get('kubeNode');
  if (node.kind === 'ok' && node.value[0]?.os !== 'linux') {
    const m = /^10\.0\.(\d{5})\.(\d{1,6})/.exec(node.value[0]?.kernelVersion ?? '');
    if (m) merge('kubeNode', { build: Number(m[1]), ubr: Number(m[2]) });
  }
  return { os, from };
}

/** The version of the build, e.g. `17763.1234`. */
export const buildText = (os: Pick<OsInfo, 'build' | 'ubr'>): string => (os.ubr !== undefined ? `${os.build}.${os.ubr}` : String(os.build));

/** Whether the host is a server (ProductType 3 or 2, or an installation type of Server). */
export function isServer(os: OsInfo): boolean | undefined {
  if (os.productType !== undefined) return os.productType !== 1;
  if (os.installationType !== undefined) return /server|nano/i.test(os.installationType);
  if (os.productName !== undefined) return /server/i.test(os.productName);
  return undefined;
}

/** Compares dotted versions (the one comparison the knowledge and diagnosis use too). */
export { compareVersions } from '../../knowledge/types.js';

/** Bytes for people: `12.3 GB`. */
export const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;
