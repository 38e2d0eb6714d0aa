import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, hostOs, isServer, notApplicable, pass } from './helpers.js';
import type { HostCheck } from './types.js';

/** B2: Hyper-V isolation (the default on Windows client) needs a running hypervisor and the Hyper-V feature. */
export const hypervAvailable: HostCheck = {
  id: 'hyperv-available',
  group: 'B',
  title: 'Hyper-V is available where isolation needs it',
  titleKey: 'check.title.hyperv-available',
  topic: CODE_TOPIC_REFS.hypervIsolation,
  reads: ['dockerInfo', 'computerSystem', 'features', 'win32os'],
  evaluate(host) {
    const info = host.get('dockerInfo');
    const { os } = hostOs(host);
    const isolation = info.kind === 'ok' ? info.value.isolation : undefined;
    const needs = isolation === 'hyperv' || (isolation === undefined && isServer(os) === false);
    if (!needs) return notApplicable(isolation ? `default isolation is ${isolation}` : 'no read shows the isolation this host needs');
    const why = ev('dockerInfo', `isolation ${isolation ?? 'hyperv (Windows client)'}`);
    const features = host.get('features');
    const hv = features.kind === 'ok' ? features.value.find((f) => /^microsoft-hyper-v$|^hyper-v$/i.test(f.name)) : undefined;
    if (hv && !hv.enabled) return fail(`Hyper-V isolation is needed but the ${hv.name} feature is ${hv.state}`, why, ev('features', `${hv.name} ${hv.state}`));
    const cs = host.get('computerSystem');
    if (cs.kind === 'ok' && cs.value.hypervisorPresent !== undefined) {
      const e = ev('computerSystem', `HypervisorPresent ${cs.value.hypervisorPresent}`);
      return cs.value.hypervisorPresent ? pass('a hypervisor is running', why, e) : fail('Hyper-V isolation is needed but no hypervisor is running (feature off, hypervisorlaunchtype off, or no virtualization)', why, e);
    }
    if (hv) return pass(`${hv.name} is ${hv.state}`, why, ev('features', `${hv.name} ${hv.state}`));
    return { status: 'not-evaluated', reason: features.kind === 'missing' ? features.reason : 'not-collected', message: 'not evaluated: neither the hypervisor state nor the Hyper-V feature was read', evidence: [why] };
  },
};
