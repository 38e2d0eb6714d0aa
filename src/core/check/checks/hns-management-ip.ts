import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, notApplicable, pass } from './helpers.js';
import type { HostCheck } from './types.js';

/** E3: no HNS network has a link-local (169.254.x.x) management IP (the host NIC had no address when it was created). */
export const hnsManagementIp: HostCheck = {
  id: 'hns-management-ip',
  group: 'E',
  title: 'HNS management IPs are not link-local',
  titleKey: 'check.title.hns-management-ip',
  topic: CODE_TOPIC_REFS.hnsManagement,
  reads: ['hnsNetworks'],
  evaluate(host) {
    const nets = host.get('hnsNetworks');
    if (nets.kind === 'missing') return missing(nets);
    const withIp = nets.value.filter((n) => n.managementIp);
    if (!withIp.length) return notApplicable(msg('check.msg.hns-management-ip.none'));
    const evidence = withIp.map((n) => ev('hnsNetworks', `${n.name} ManagementIP ${n.managementIp ?? ''}`));
    const bad = withIp.filter((n) => (n.managementIp ?? '').startsWith('169.254.'));
    if (bad.length) return fail(msg('check.msg.hns-management-ip.linkLocal', { count: bad.length, networks: bad.map((n) => n.name) }), ...evidence);
    return pass(msg('check.msg.hns-management-ip.ok'), ...evidence);
  },
};
