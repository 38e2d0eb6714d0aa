import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { overlaps } from '../parsers/network.js';
import { ev, missing, msg, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

const NODE_PORTS = { start: 30000, end: 32767 };

/**
 * Excluded ports past which most ports cannot be published: the size of Windows' whole default dynamic port range
 * (49152–65535, 16,384 ports), which is where Hyper-V and WinNAT take their ranges from.
 */
const MANY_PORTS = 16_384;

/** How many distinct ports the ranges cover: overlapping and repeated ranges (the same range listed twice) count once. */
export function distinctPorts(ranges: readonly { start: number; end: number }[]): number {
  let total = 0;
  let reach = -1;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const from = Math.max(r.start, reach + 1);
    if (r.end >= from) total += r.end - from + 1;
    reach = Math.max(reach, r.end);
  }
  return total;
}

/** F1: excluded TCP port ranges (Hyper-V, WinNAT reserve them): more than 20, or over the Kubernetes NodePort range. */
export const excludedPortRanges: HostCheck = {
  id: 'excluded-port-ranges',
  group: 'F',
  title: 'Excluded port ranges leave ports free',
  titleKey: 'check.title.excluded-port-ranges',
  topic: CODE_TOPIC_REFS.portReserved,
  reads: ['excludedPorts', 'services'],
  evaluate(host) {
    const ranges = host.get('excludedPorts');
    if (ranges.kind === 'missing') return missing(ranges);
    const services = host.get('services');
    const kube = services.kind === 'ok' && services.value.some((s) => s.name.toLowerCase() === 'kubelet');
    const total = distinctPorts(ranges.value);
    const summary = ev('excludedPorts', msg('check.msg.excluded-port-ranges.summary', { count: ranges.value.length, ports: total }));
    const inNodePorts = ranges.value.filter((r) => overlaps(r, NODE_PORTS));
    const problems = [
      ...(ranges.value.length > 20 ? [msg('check.msg.excluded-port-ranges.manyRanges', { ranges: ranges.value.length })] : []),
      ...(total > MANY_PORTS ? [msg('check.msg.excluded-port-ranges.manyPorts', { ports: total, limit: MANY_PORTS })] : []),
      ...(kube && inNodePorts.length ? [msg('check.msg.excluded-port-ranges.inNodePorts', { count: inNodePorts.length })] : []),
    ];
    const shown = (kube ? inNodePorts : ranges.value).slice(0, 8).map((r) => ev('excludedPorts', `${r.start}–${r.end}${r.administered ? ' *' : ''}`));
    if (problems.length) return warn(msg('check.msg.excluded-port-ranges.warn', { problems }), summary, ...shown);
    return pass(msg('check.msg.excluded-port-ranges.ok', { count: ranges.value.length }), summary);
  },
};
