import { ev, fail, missing, msg, notApplicable, pass } from './helpers.js';
import type { HostCheck } from './types.js';

/** B4: a Kubernetes node runs exactly one kubelet and one kube-proxy (none or two mean a broken or doubled agent). */
export const kubeAgents: HostCheck = {
  id: 'kube-agents',
  group: 'B',
  title: 'Exactly one kubelet and one kube-proxy',
  titleKey: 'check.title.kube-agents',
  reads: ['services', 'processes'],
  evaluate(host) {
    const services = host.get('services');
    const procs = host.get('processes');
    if (procs.kind === 'missing') return missing(procs);
    const isNode = (services.kind === 'ok' && services.value.some((s) => s.name.toLowerCase() === 'kubelet')) || procs.value.some((p) => p.name.toLowerCase() === 'kubelet');
    if (!isNode) return notApplicable(msg('check.msg.kube-agents.noKubelet'));
    const kubelets = procs.value.filter((p) => p.name.toLowerCase() === 'kubelet').length;
    const proxies = procs.value.filter((p) => p.name.toLowerCase().includes('kube-proxy')).length;
    const e = ev('processes', `kubelet ×${kubelets}, kube-proxy ×${proxies}`);
    if (kubelets === 1 && proxies === 1) return pass(msg('check.msg.kube-agents.ok'), e);
    return fail(msg('check.msg.kube-agents.wrong', { kubelets, proxies }), e);
  },
};
