import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, pass } from './helpers.js';
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
    if (services.kind === 'missing') return missing('services', services);
    const evidence = [];
    const bad: string[] = [];
    for (const name of ['hns', 'vmcompute']) {
      const s = services.value.find((x) => x.name.toLowerCase() === name);
      evidence.push(ev('services', `${name} ${s?.status ?? 'not installed'}`));
      if (s?.status !== 'Running') bad.push(`${name} is ${s ? s.status : 'not installed'}`);
    }
    return bad.length ? fail(`${bad.join(', ')}: containers cannot start or get a network`, ...evidence) : pass('hns and vmcompute are running', ...evidence);
  },
};
