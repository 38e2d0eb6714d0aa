import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { overlaps } from '../parsers/network.js';
import { ev, missing, pass, warn } from './helpers.js';
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
    if (ranges.kind === 'missing') return missing('excludedPorts', ranges);
    const services = host.get('services');
    const kube = services.kind === 'ok' && services.value.some((s) => s.name.toLowerCase() === 'kubelet');
    const total = distinctPorts(ranges.value);
    const summary = ev('excludedPorts', `${ranges.value.length} ranges, ${total} ports`);
    const inNodePorts = ranges.value.filter((r) => overlaps(r, NODE_PORTS));
    const problems: string[] = [];
    if (ranges.value.length > 20) problems.push(`${ranges.value.length} excluded ranges (more than 20)`);
    if (total > MANY_PORTS) problems.push(`${total} ports excluded (more than the ${MANY_PORTS} of the whole default dynamic range)`);
    if (kube && inNodePorts.length) problems.push(`${inNodePorts.length} range(s) inside the NodePort range 30000–32767`);
    const shown = (kube ? inNodePorts : ranges.value).slice(0, 8).map((r) => ev('excludedPorts', `${r.start}–${r.end}${r.administered ? ' *' : ''}`));
    if (problems.length) return warn(`${problems.join('; ')}: publishing a port in them fails ("port already allocated", 0x20)`, summary, ...shown);
    return pass(`${ranges.value.length} excluded range(s)`, summary);
  },
};
