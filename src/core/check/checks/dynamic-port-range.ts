import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { overlaps } from '../parsers/network.js';
import { ev, missing, msg, pass, warn } from './helpers.js';
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
    if (dyn.kind === 'missing') return missing(dyn);
    const { start, count } = dyn.value;
    const e = ev('dynamicPorts', msg('check.msg.dynamic-port-range.range', { start, ports: count }));
    const services = host.get('services');
    const kube = services.kind === 'ok' && services.value.some((s) => s.name.toLowerCase() === 'kubelet');
    if (count < 5000) return warn(msg('check.msg.dynamic-port-range.few', { ports: count }), e);
    if (kube && overlaps({ start, end: start + count - 1 }, { start: 30000, end: 32767 })) return warn(msg('check.msg.dynamic-port-range.nodePorts'), e);
    return pass(msg('check.msg.dynamic-port-range.ok', { start, ports: count }), e);
  },
};
