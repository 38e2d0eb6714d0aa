import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, notApplicable, pass, warn } from './helpers.js';
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
    if (switches.kind === 'missing') return missing('vmSwitch', switches);
    const nets = host.get('hnsNetworks');
    if (nets.kind === 'missing') return missing('hnsNetworks', nets);
    const external = switches.value.filter((s) => s.switchType.toLowerCase() === 'external');
    if (!external.length) return notApplicable('no external vSwitch', ev('vmSwitch', switches.value.map((s) => `${s.name} (${s.switchType})`).join(', ') || '(none)'));
    const known = (name: string) => nets.value.some((n) => n.name.toLowerCase() === name.toLowerCase() || (n.id !== undefined && name.toLowerCase().includes(n.id.toLowerCase())));
    const hidden = external.filter((s) => !known(s.name));
    const evidence = external.map((s) => ev('vmSwitch', `${s.name} (External${s.adapterDescription ? `, ${s.adapterDescription}` : ''})`));
    if (hidden.length) return warn(`external vSwitch(es) ${hidden.map((s) => `"${s.name}"`).join(', ')} are not HNS networks: a transparent network on the same adapter cannot be created`, ...evidence);
    return pass('every external vSwitch is an HNS network', ...evidence);
  },
};
