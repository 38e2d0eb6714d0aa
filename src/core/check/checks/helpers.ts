import type { DecimalParam } from '../../i18n/translate.js';
import type { OsInfo } from '../parsers/os.js';
import { msg } from '../message.js';
import type { Evidence, MessageText, NotEvaluatedReason, ReadId, ReadValue } from '../types.js';
import type { HostView } from '../view.js';
import type { Verdict } from './types.js';

export { msg } from '../message.js';

/** A verdict: its sentence (see `msg`) and the values it read. */
export const pass = (text: MessageText, ...evidence: Evidence[]): Verdict => ({ status: 'pass', text, evidence });
export const warn = (text: MessageText, ...evidence: Evidence[]): Verdict => ({ status: 'warn', text, evidence });
export const fail = (text: MessageText, ...evidence: Evidence[]): Verdict => ({ status: 'fail', text, evidence });
export const notApplicable = (text: MessageText, ...evidence: Evidence[]): Verdict => ({ status: 'not-evaluated', reason: 'not-applicable', text, evidence });
/** Not evaluated for a reason of the check's own (the read was there but does not say enough). */
export const notEvaluated = (reason: NotEvaluatedReason, text: MessageText, ...evidence: Evidence[]): Verdict => ({ status: 'not-evaluated', reason, text, evidence });

/** The not-evaluated verdict for a missing read (needs admin, not collected, failed): the view says why. */
export const missing = (v: Extract<ReadValue<unknown>, { kind: 'missing' }>): Verdict => notEvaluated(v.reason, v.detail);

/**
 * The most characters of the host's text one piece of evidence shows: a list of every switch of a host with 16,000 of
 * them was one line of 389,000 characters (an attacker helper).
 */
export const MAX_EVIDENCE_CHARS = 400;

/** The host's text cut to MAX_EVIDENCE_CHARS, at a whole character, with … and how many characters were left out. */
const cutEvidence = (text: string): string => {
  if (text.length <= MAX_EVIDENCE_CHARS) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_EVIDENCE_CHARS - 1] ?? '') ? MAX_EVIDENCE_CHARS - 1 : MAX_EVIDENCE_CHARS;
  return `${text.slice(0, end)}… (+${text.length - end})`;
};

/** Evidence of one read: the host's value as text (cut to MAX_EVIDENCE_CHARS), or our words about it. */
export const ev = (read: Evidence['read'], value: string | number | boolean | MessageText): Evidence => ({ read, value: typeof value === 'object' ? value : cutEvidence(String(value)) });

/** A service as a sentence: `hns is Stopped` (the status word as the host gave it), or `vmcompute is not installed`. */
export const serviceState = (name: string, status: string | undefined): MessageText =>
  status === undefined ? msg('check.msg.service.notInstalled', { name }) : msg('check.msg.service.status', { name, status });

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

/**
 * Bytes in GB with one decimal, rounded down, for a sentence whose catalog text says "GB": `12.3` (`12,3` in Swedish).
 * Down, so that a figure never reads as the limit it falls short of ("29.96 GB" was "30.0 GB free: less than 30 GB").
 */
export const gb = (bytes: number): DecimalParam => ({ decimal: Math.floor(bytes / 1e8) / 10, digits: 1 });
