import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** E1: the HNS network the runtime expects exists: `nat` for docker; an l2bridge/overlay one for a Kubernetes node. */
export const hnsNatNetwork: HostCheck = {
  id: 'hns-expected-network',
  group: 'E',
  title: 'Expected HNS network exists',
  titleKey: 'check.title.hns-expected-network',
  topic: CODE_TOPIC_REFS.defaultNetworkFails,
  reads: ['hnsNetworks', 'dockerInfo', 'services'],
  evaluate(host) {
    const nets = host.get('hnsNetworks');
    if (nets.kind === 'missing') return missing(nets);
    const info = host.get('dockerInfo');
    const services = host.get('services');
    const docker = info.kind === 'ok' && info.value.osType === 'windows';
    const kube = services.kind === 'ok' && services.value.some((s) => s.name.toLowerCase() === 'kubelet');
    const e = ev('hnsNetworks', nets.value.map((n) => `${n.name} (${n.type})`).join(', ') || msg('check.msg.value.none'));
    if (docker && !nets.value.some((n) => n.type.toLowerCase() === 'nat'))
      return fail(msg('check.msg.hns-expected-network.noNat'), e);
    if (kube && !nets.value.some((n) => /^(?:l2bridge|overlay|transparent)$/i.test(n.type)))
      return { ...fail(msg('check.msg.hns-expected-network.noPodNetwork'), e), topic: CODE_TOPIC_REFS.nodeNotReadyCni };
    if (info.kind === 'missing' && services.kind === 'missing') {
      // A paste of Get-HnsNetwork alone: some container network must exist for either runtime.
      if (nets.value.some((n) => /^(?:nat|l2bridge|overlay)$/i.test(n.type))) return pass(msg('check.msg.hns-expected-network.someNetwork'), e);
      return warn(msg('check.msg.hns-expected-network.noNetwork'), e);
    }
    if (!docker && !kube) return notApplicable(msg('check.msg.hns-expected-network.noRuntime'), e);
    return pass(msg('check.msg.hns-expected-network.ok'), e);
  },
};
