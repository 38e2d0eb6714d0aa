import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, notApplicable, pass } from './helpers.js';
import type { HostCheck } from './types.js';

/** B3: the container runtime installed here (docker, containerd) runs. */
export const runtimeService: HostCheck = {
  id: 'runtime-service',
  group: 'B',
  title: 'Container runtime service is running',
  titleKey: 'check.title.runtime-service',
  topic: CODE_TOPIC_REFS.defaultNetworkFails,
  reads: ['services'],
  evaluate(host) {
    const services = host.get('services');
    if (services.kind === 'missing') return missing('services', services);
    const runtimes = services.value.filter((s) => /^(?:docker|containerd)$/i.test(s.name));
    if (!runtimes.length) return notApplicable('neither a docker nor a containerd service is installed');
    const evidence = runtimes.map((s) => ev('services', `${s.name} ${s.status}`));
    const stopped = runtimes.filter((s) => s.status !== 'Running');
    if (stopped.length) return fail(`${stopped.map((s) => `${s.name} is ${s.status}`).join(', ')}: start it and read its event log if it stops again`, ...evidence);
    return pass(`${runtimes.map((s) => s.name).join(' and ')} running`, ...evidence);
  },
};
