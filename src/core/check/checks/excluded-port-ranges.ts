import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { overlaps } from '../parsers/network.js';
import { ev, missing, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

const NODE_PORTS = { start: 30000, end: 32767 };

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
    const total = ranges.value.reduce((n, r) => n + r.end - r.start + 1, 0);
    const summary = ev('excludedPorts', `${ranges.value.length} ranges, ${total} ports`);
    const inNodePorts = ranges.value.filter((r) => overlaps(r, NODE_PORTS));
    const problems: string[] = [];
    if (ranges.value.length > 20) problems.push(`${ranges.value.length} excluded ranges (more than 20)`);
    if (kube && inNodePorts.length) problems.push(`${inNodePorts.length} range(s) inside the NodePort range 30000–32767`);
    const shown = (kube ? inNodePorts : ranges.value).slice(0, 8).map((r) => ev('excludedPorts', `${r.start}–${r.end}${r.administered ? ' *' : ''}`));
    if (problems.length) return warn(`${problems.join('; ')}: publishing a port in them fails ("port already allocated", 0x20)`, summary, ...shown);
    return pass(`${ranges.value.length} excluded range(s)`, summary);
  },
};
