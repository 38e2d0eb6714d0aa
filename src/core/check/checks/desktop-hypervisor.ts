import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, notApplicable, pass } from './helpers.js';
import type { HostCheck } from './types.js';

/** K: Docker Desktop runs its engines in VMs: it needs a running hypervisor (feature on, launch type auto, virtualization on). */
export const desktopHypervisor: HostCheck = {
  id: 'desktop-hypervisor',
  group: 'K',
  title: 'Docker Desktop has a hypervisor',
  topic: CODE_TOPIC_REFS.desktopSwitch,
  reads: ['dockerInfo', 'computerSystem'],
  evaluate(host) {
    const info = host.get('dockerInfo');
    if (info.kind === 'missing') return missing('dockerInfo', info);
    if (!/docker desktop/i.test(info.value.operatingSystem ?? '')) return notApplicable('not Docker Desktop', ...(info.value.operatingSystem ? [ev('dockerInfo', info.value.operatingSystem)] : []));
    const cs = host.get('computerSystem');
    if (cs.kind === 'missing') return missing('computerSystem', cs);
    const e = ev('computerSystem', `HypervisorPresent ${cs.value.hypervisorPresent ?? '?'}`);
    if (cs.value.hypervisorPresent === false) return fail('Docker Desktop needs a running hypervisor: enable Hyper-V / Virtual Machine Platform and set hypervisorlaunchtype auto', ev('dockerInfo', info.value.operatingSystem ?? ''), e);
    return pass('a hypervisor is running', e);
  },
};
