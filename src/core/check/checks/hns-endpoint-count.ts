import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** E5: local HNS endpoints beyond the running containers are leaked (warn 20–100, fail over 100, AgentBaker's thresholds). */
export const hnsEndpointCount: HostCheck = {
  id: 'hns-endpoint-leak',
  group: 'E',
  title: 'No leaked HNS endpoints',
  titleKey: 'check.title.hns-endpoint-leak',
  topic: CODE_TOPIC_REFS.staleEndpoint,
  reads: ['hnsEndpoints', 'dockerInfo'],
  evaluate(host) {
    const eps = host.get('hnsEndpoints');
    if (eps.kind === 'missing') return missing('hnsEndpoints', eps);
    const info = host.get('dockerInfo');
    const running = info.kind === 'ok' ? info.value.containersRunning : undefined;
    if (running === undefined) return notApplicable('the number of running containers is not known (docker info)');
    const local = eps.value.filter((e) => !e.remote).length;
    const extra = Math.max(0, local - running);
    const evidence = [ev('hnsEndpoints', `${local} local endpoints`), ev('dockerInfo', `${running} containers running`)];
    if (extra > 100) return fail(`${extra} local endpoints more than running containers: leaked endpoints exhaust the network's addresses`, ...evidence);
    if (extra >= 20) return warn(`${extra} local endpoints more than running containers: endpoints are leaking`, ...evidence);
    return pass(`${local} local endpoints for ${running} running containers`, ...evidence);
  },
};
