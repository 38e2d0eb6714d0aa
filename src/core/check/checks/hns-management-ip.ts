import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, notApplicable, pass } from './helpers.js';
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
    if (nets.kind === 'missing') return missing('hnsNetworks', nets);
    const withIp = nets.value.filter((n) => n.managementIp);
    if (!withIp.length) return notApplicable('no HNS network has a management IP');
    const evidence = withIp.map((n) => ev('hnsNetworks', `${n.name} ManagementIP ${n.managementIp ?? ''}`));
    const bad = withIp.filter((n) => (n.managementIp ?? '').startsWith('169.254.'));
    if (bad.length) return fail(`${bad.map((n) => n.name).join(', ')}: link-local management IP; the host adapter had no address when the network was created — recreate the network once it has one`, ...evidence);
    return pass('management IPs are routable', ...evidence);
  },
};
