import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, notApplicable, pass, warn } from './helpers.js';
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
    if (eps.kind === 'missing') return missing(eps);
    const info = host.get('dockerInfo');
    const running = info.kind === 'ok' ? info.value.containersRunning : undefined;
    if (running === undefined) return notApplicable(msg('check.msg.hns-endpoint-leak.noCount'));
    const local = eps.value.filter((e) => !e.remote).length;
    const extra = Math.max(0, local - running);
    const evidence = [ev('hnsEndpoints', msg('check.msg.hns-endpoint-leak.local', { count: local })), ev('dockerInfo', msg('check.msg.hns-endpoint-leak.running', { count: running }))];
    if (extra > 100) return fail(msg('check.msg.hns-endpoint-leak.exhausting', { extra }), ...evidence);
    if (extra >= 20) return warn(msg('check.msg.hns-endpoint-leak.leaking', { extra }), ...evidence);
    return pass(msg('check.msg.hns-endpoint-leak.ok', { local, running }), ...evidence);
  },
};
