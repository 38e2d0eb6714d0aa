import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, notApplicable, pass, serviceState } from './helpers.js';
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
    if (services.kind === 'missing') return missing(services);
    const runtimes = services.value.filter((s) => /^(?:docker|containerd)$/i.test(s.name));
    if (!runtimes.length) return notApplicable(msg('check.msg.runtime-service.none'));
    const evidence = runtimes.map((s) => ev('services', `${s.name} ${s.status}`));
    const stopped = runtimes.filter((s) => s.status !== 'Running');
    if (stopped.length) return fail(msg('check.msg.runtime-service.stopped', { count: stopped.length, services: stopped.map((s) => serviceState(s.name, s.status)) }), ...evidence);
    return pass(msg('check.msg.runtime-service.ok', { count: runtimes.length, services: runtimes.map((s) => s.name) }), ...evidence);
  },
};
