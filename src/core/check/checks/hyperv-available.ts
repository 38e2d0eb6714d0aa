import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, hostOs, isServer, msg, notApplicable, notEvaluated, pass } from './helpers.js';
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
    if (!needs) return notApplicable(isolation ? msg('check.msg.hyperv-available.isolation', { isolation }) : msg('check.msg.hyperv-available.noIsolation'));
    const why = ev('dockerInfo', isolation ? `isolation ${isolation}` : msg('check.msg.hyperv-available.clientDefault'));
    const features = host.get('features');
    const hv = features.kind === 'ok' ? features.value.find((f) => /^microsoft-hyper-v$|^hyper-v$/i.test(f.name)) : undefined;
    if (hv && !hv.enabled) return fail(msg('check.msg.hyperv-available.featureOff', { feature: hv.name, state: hv.state }), why, ev('features', `${hv.name} ${hv.state}`));
    const cs = host.get('computerSystem');
    if (cs.kind === 'ok' && cs.value.hypervisorPresent !== undefined) {
      const e = ev('computerSystem', `HypervisorPresent ${cs.value.hypervisorPresent}`);
      return cs.value.hypervisorPresent ? pass(msg('check.msg.hyperv-available.running'), why, e) : fail(msg('check.msg.hyperv-available.noHypervisor'), why, e);
    }
    if (hv) return pass(msg('check.msg.hyperv-available.feature', { feature: hv.name, state: hv.state }), why, ev('features', `${hv.name} ${hv.state}`));
    return notEvaluated(features.kind === 'missing' ? features.reason : 'not-collected', msg('check.msg.hyperv-available.nothingRead'), why);
  },
};
