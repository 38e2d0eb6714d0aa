import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, msg, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** HCN endpoint states (hcsshim hcn): 1 created, 2 attached, 3 attached and shared (a running pod), 4 detached, 5 degraded, 6 destroyed. */
const STATE_NAMES: Record<number, string> = { 1: 'created', 2: 'attached', 3: 'attached-sharing', 4: 'detached', 5: 'degraded', 6: 'destroyed' };
const isAttached = (state: number | undefined) => state === 2 || state === 3;

/** E4: local HNS endpoints are attached; a detached one is usually left over (after a reboot or a crash) and blocks its IP or name. */
export const hnsEndpointState: HostCheck = {
  id: 'hns-endpoint-state',
  group: 'E',
  title: 'Local HNS endpoints are attached',
  titleKey: 'check.title.hns-endpoint-state',
  topic: CODE_TOPIC_REFS.staleEndpoint,
  reads: ['hnsEndpoints'],
  evaluate(host) {
    const eps = host.get('hnsEndpoints');
    if (eps.kind === 'missing') return missing(eps);
    const local = eps.value.filter((e) => !e.remote && e.state !== undefined);
    if (!local.length) return notApplicable(msg('check.msg.hns-endpoint-state.none'));
    const detached = local.filter((e) => !isAttached(e.state));
    const summary = ev('hnsEndpoints', msg('check.msg.hns-endpoint-state.summary', { local: local.length, detached: detached.length }));
    if (!detached.length) return pass(msg('check.msg.hns-endpoint-state.ok', { count: local.length }), summary);
    const shown = detached.slice(0, 5).map((e) => {
      const name = STATE_NAMES[e.state ?? 0];
      return ev('hnsEndpoints', msg('check.msg.hns-endpoint-state.endpoint', { endpoint: `${e.id ?? '?'} ${e.ip ?? ''}`.trim(), state: e.state ?? '?', name: name ?? msg('check.msg.value.unknown') }));
    });
    return warn(msg('check.msg.hns-endpoint-state.detached', { count: local.length, detached: detached.length }), summary, ...shown);
  },
};
