import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** A4: a Windows node's `node.kubernetes.io/windows-build` label agrees with its kernel version, so nodeSelectors pick the right nodes. */
export const k8sNodeBuild: HostCheck = {
  id: 'k8s-node-build',
  group: 'A',
  title: 'Kubernetes node build label matches its kernel',
  titleKey: 'check.title.k8s-node-build',
  topic: CODE_TOPIC_REFS.k8sVersionMatching,
  reads: ['kubeNode'],
  evaluate(host) {
    const nodes = host.get('kubeNode');
    if (nodes.kind === 'missing') return missing(nodes);
    const node = nodes.value[0];
    if (!node || node.os === 'linux') return notApplicable(msg('check.msg.node.notWindows'));
    const kernel = /^10\.0\.(\d{5})/.exec(node.kernelVersion ?? '')?.[1];
    const e = ev('kubeNode', node.buildLabel ? `kernelVersion ${node.kernelVersion ?? '?'}, windows-build ${node.buildLabel}` : msg('check.msg.k8s-node-build.noLabelValue', { kernel: node.kernelVersion ?? '?' }));
    if (!kernel) return notApplicable(msg('check.msg.k8s-node-build.noKernel'), e);
    if (!node.buildLabel) return warn(msg('check.msg.k8s-node-build.noLabel'), e);
    if (node.buildLabel !== `10.0.${kernel}`) return fail(msg('check.msg.k8s-node-build.mismatch', { label: node.buildLabel, kernel: `10.0.${kernel}` }), e);
    return pass(msg('check.msg.k8s-node-build.ok', { label: node.buildLabel }), e);
  },
};
