import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, msg, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** E2/E11: an external vSwitch that HNS does not know holds the adapter a transparent network needs. */
export const vswitchHidden: HostCheck = {
  id: 'vswitch-unknown-to-hns',
  group: 'E',
  title: 'External vSwitches are known to HNS',
  titleKey: 'check.title.vswitch-unknown-to-hns',
  topic: CODE_TOPIC_REFS.hiddenVswitch,
  reads: ['vmSwitch', 'hnsNetworks'],
  evaluate(host) {
    const switches = host.get('vmSwitch');
    if (switches.kind === 'missing') return missing(switches);
    const nets = host.get('hnsNetworks');
    if (nets.kind === 'missing') return missing(nets);
    const external = switches.value.filter((s) => s.switchType.toLowerCase() === 'external');
    if (!external.length) return notApplicable(msg('check.msg.vswitch-unknown-to-hns.noExternal'), ev('vmSwitch', switches.value.map((s) => `${s.name} (${s.switchType})`).join(', ') || msg('check.msg.value.none')));
    const known = (name: string) => nets.value.some((n) => n.name.toLowerCase() === name.toLowerCase() || (n.id !== undefined && name.toLowerCase().includes(n.id.toLowerCase())));
    const hidden = external.filter((s) => !known(s.name));
    const evidence = external.map((s) => ev('vmSwitch', `${s.name} (External${s.adapterDescription ? `, ${s.adapterDescription}` : ''})`));
    if (hidden.length) return warn(msg('check.msg.vswitch-unknown-to-hns.hidden', { count: hidden.length, switches: hidden.map((s) => `"${s.name}"`) }), ...evidence);
    return pass(msg('check.msg.vswitch-unknown-to-hns.ok'), ...evidence);
  },
};
