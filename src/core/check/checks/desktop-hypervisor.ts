import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, notApplicable, pass } from './helpers.js';
import type { HostCheck } from './types.js';

/** K: Docker Desktop runs its engines in VMs: it needs a running hypervisor (feature on, launch type auto, virtualization on). */
export const desktopHypervisor: HostCheck = {
  id: 'desktop-hypervisor',
  group: 'K',
  title: 'Docker Desktop has a hypervisor',
  titleKey: 'check.title.desktop-hypervisor',
  topic: CODE_TOPIC_REFS.desktopSwitch,
  reads: ['dockerInfo', 'dockerVersion', 'computerSystem'],
  evaluate(host) {
    const info = host.get('dockerInfo');
    const version = host.get('dockerVersion');
    if (info.kind === 'missing' && version.kind === 'missing') return missing(info);
    // Linux mode names itself in OperatingSystem; Windows mode only in docker version's server platform.
    const desktop = [info.kind === 'ok' ? info.value.operatingSystem : undefined, version.kind === 'ok' ? version.value.serverPlatform : undefined].find((s) => /docker desktop/i.test(s ?? ''));
    if (!desktop) return notApplicable(msg('check.msg.desktop-hypervisor.notDesktop'));
    const cs = host.get('computerSystem');
    if (cs.kind === 'missing') return missing(cs);
    const e = ev('computerSystem', `HypervisorPresent ${cs.value.hypervisorPresent ?? '?'}`);
    const which = ev(info.kind === 'ok' && /docker desktop/i.test(info.value.operatingSystem ?? '') ? 'dockerInfo' : 'dockerVersion', desktop);
    if (cs.value.hypervisorPresent === false) return fail(msg('check.msg.desktop-hypervisor.none'), which, e);
    return pass(msg('check.msg.desktop-hypervisor.ok'), which, e);
  },
};
