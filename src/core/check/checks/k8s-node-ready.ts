import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, notApplicable, pass, warn } from './helpers.js';
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
    if (nodes.kind === 'missing') return missing(nodes);
    const node = nodes.value[0];
    if (node?.os === 'linux') return notApplicable(msg('check.msg.node.notWindows'));
    if (!node?.ready) return notApplicable(msg('check.msg.k8s-node-ready.noCondition'));
    const r = node.ready;
    const e = ev('kubeNode', `Ready ${r.status}${r.reason ? ` (${r.reason})` : ''}${r.message ? `: ${r.message.slice(0, 200)}` : ''}`);
    if (r.status === 'True') return pass(msg('check.msg.k8s-node-ready.ok'), e);
    if (r.status === 'Unknown') return warn(msg('check.msg.k8s-node-ready.unknown'), e);
    const text = `${r.reason ?? ''} ${r.message ?? ''}`;
    return NETWORK.test(text) ? fail(msg('check.msg.k8s-node-ready.network'), e) : { ...fail(r.reason ? msg('check.msg.k8s-node-ready.notReady', { reason: r.reason }) : msg('check.msg.k8s-node-ready.noReason'), e), topic: undefined };
  },
};
