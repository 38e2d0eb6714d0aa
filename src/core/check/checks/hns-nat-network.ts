import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, notApplicable, pass, warn } from './helpers.js';
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
    if (nets.kind === 'missing') return missing('hnsNetworks', nets);
    const info = host.get('dockerInfo');
    const services = host.get('services');
    const docker = info.kind === 'ok' && info.value.osType === 'windows';
    const kube = services.kind === 'ok' && services.value.some((s) => s.name.toLowerCase() === 'kubelet');
    const e = ev('hnsNetworks', nets.value.map((n) => `${n.name} (${n.type})`).join(', ') || '(none)');
    if (docker && !nets.value.some((n) => n.type.toLowerCase() === 'nat'))
      return fail('docker runs but HNS has no nat network: the engine could not create its default network', e);
    if (kube && !nets.value.some((n) => /^(?:l2bridge|overlay|transparent)$/i.test(n.type)))
      return { ...fail('kubelet runs but HNS has no l2bridge or overlay network: the CNI has not created the pod network', e), topic: CODE_TOPIC_REFS.nodeNotReadyCni };
    if (info.kind === 'missing' && services.kind === 'missing') {
      // A paste of Get-HnsNetwork alone: some container network must exist for either runtime.
      if (nets.value.some((n) => /^(?:nat|l2bridge|overlay)$/i.test(n.type))) return pass('a nat, l2bridge or overlay network exists', e);
      return warn('HNS has no nat, l2bridge or overlay network: no runtime has created its container network', e);
    }
    if (!docker && !kube) return notApplicable('neither docker nor kubelet runs here', e);
    return pass('the expected network exists', e);
  },
};
