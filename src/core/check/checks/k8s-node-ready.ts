import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

const NETWORK = /network plugin|cni|NetworkReady|network is not ready/i;

/** G: the Windows node is Ready; NotReady for the network plugin is the CNI topic. */
export const k8sNodeReady: HostCheck = {
  id: 'k8s-node-ready',
  group: 'G',
  title: 'Kubernetes node is Ready',
  titleKey: 'check.title.k8s-node-ready',
  topic: CODE_TOPIC_REFS.nodeNotReadyCni,
  reads: ['kubeNode'],
  evaluate(host) {
    const nodes = host.get('kubeNode');
    if (nodes.kind === 'missing') return missing('kubeNode', nodes);
    const node = nodes.value[0];
    if (node?.os === 'linux') return notApplicable('not a Windows node');
    if (!node?.ready) return notApplicable('the node shows no Ready condition');
    const r = node.ready;
    const e = ev('kubeNode', `Ready ${r.status}${r.reason ? ` (${r.reason})` : ''}${r.message ? `: ${r.message.slice(0, 200)}` : ''}`);
    if (r.status === 'True') return pass('Ready', e);
    if (r.status === 'Unknown') return warn('Ready is Unknown: the kubelet stopped reporting', e);
    const text = `${r.reason ?? ''} ${r.message ?? ''}`;
    return NETWORK.test(text) ? fail('NotReady: the network plugin is not ready', e) : { ...fail(`NotReady: ${r.reason ?? 'no reason given'}`, e), topic: undefined };
  },
};
