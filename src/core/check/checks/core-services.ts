import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, pass, serviceState } from './helpers.js';
import type { HostCheck } from './types.js';

/** B3: the Host Network Service and the Host Compute Service run (every container needs both). */
export const coreServices: HostCheck = {
  id: 'core-services',
  group: 'B',
  title: 'HNS and vmcompute services are running',
  titleKey: 'check.title.core-services',
  topic: CODE_TOPIC_REFS.hnsManagement,
  reads: ['services'],
  evaluate(host) {
    const services = host.get('services');
    if (services.kind === 'missing') return missing(services);
    const evidence = [];
    const bad = [];
    for (const name of ['hns', 'vmcompute']) {
      const s = services.value.find((x) => x.name.toLowerCase() === name);
      evidence.push(ev('services', s ? `${name} ${s.status}` : serviceState(name, undefined)));
      if (s?.status !== 'Running') bad.push(serviceState(name, s?.status));
    }
    return bad.length ? fail(msg('check.msg.core-services.down', { services: bad }), ...evidence) : pass(msg('check.msg.core-services.ok'), ...evidence);
  },
};
