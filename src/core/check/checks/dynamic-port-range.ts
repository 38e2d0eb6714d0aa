import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { overlaps } from '../parsers/network.js';
import { ev, missing, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** F2: the dynamic (ephemeral) TCP range: fewer than 5000 ports exhaust under load; over NodePorts it steals Kubernetes ports. */
export const dynamicPortRange: HostCheck = {
  id: 'dynamic-port-range',
  group: 'F',
  title: 'Dynamic port range is large enough and clear of NodePorts',
  titleKey: 'check.title.dynamic-port-range',
  topic: CODE_TOPIC_REFS.hnsPortExists,
  reads: ['dynamicPorts', 'services'],
  evaluate(host) {
    const dyn = host.get('dynamicPorts');
    if (dyn.kind === 'missing') return missing('dynamicPorts', dyn);
    const { start, count } = dyn.value;
    const e = ev('dynamicPorts', `start ${start}, ${count} ports`);
    const services = host.get('services');
    const kube = services.kind === 'ok' && services.value.some((s) => s.name.toLowerCase() === 'kubelet');
    if (count < 5000) return warn(`only ${count} dynamic ports: load balancers and outbound connections run out ("The specified port already exists")`, e);
    if (kube && overlaps({ start, end: start + count - 1 }, { start: 30000, end: 32767 })) return warn('the dynamic port range covers the NodePort range 30000–32767', e);
    return pass(`${count} dynamic ports from ${start}`, e);
  },
};
