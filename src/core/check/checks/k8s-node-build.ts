import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, notApplicable, pass, warn } from './helpers.js';
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
    if (nodes.kind === 'missing') return missing('kubeNode', nodes);
    const node = nodes.value[0];
    if (!node || node.os === 'linux') return notApplicable('not a Windows node');
    const kernel = /^10\.0\.(\d{5})/.exec(node.kernelVersion ?? '')?.[1];
    const e = ev('kubeNode', `kernelVersion ${node.kernelVersion ?? '?'}, windows-build ${node.buildLabel ?? '(none)'}`);
    if (!kernel) return notApplicable('the node shows no Windows kernel version', e);
    if (!node.buildLabel) return warn('the node has no node.kubernetes.io/windows-build label: pods cannot select nodes by Windows build', e);
    if (node.buildLabel !== `10.0.${kernel}`) return fail(`the windows-build label ${node.buildLabel} disagrees with the kernel build 10.0.${kernel}: pods scheduled by the label get images of the wrong build`, e);
    return pass(`label ${node.buildLabel} matches the kernel`, e);
  },
};
