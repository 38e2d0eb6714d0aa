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
    const known = knownToHns(nets.value);
    const hidden = external.filter((s) => !known(s.name));
    const evidence = external.map((s) => ev('vmSwitch', `${s.name} (External${s.adapterDescription ? `, ${s.adapterDescription}` : ''})`));
    if (hidden.length) return warn(msg('check.msg.vswitch-unknown-to-hns.hidden', { count: hidden.length, switches: hidden.map((s) => `"${s.name}"`) }), ...evidence);
    return pass(msg('check.msg.vswitch-unknown-to-hns.ok'), ...evidence);
  },
};

/** An HNS network's id: a GUID, as HNS gives them. */
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const WHOLE_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Whether HNS knows a switch: a network of its name, or one whose id is in the switch's name (HNS names the switches it
 * makes after the network). Names and ids are looked up in sets: every switch against every network took time growing
 * with their product (16,000 of each, a 2.5 MB file: 18 s; an attacker helper). An id that is no GUID, which HNS never
 * gives, is looked for in the switch's name as well, the first few of them only.
 */
function knownToHns(nets: readonly { name: string; id?: string | undefined }[]): (switchName: string) => boolean {
  const names = new Set(nets.map((n) => n.name.toLowerCase()));
  const guids = new Set<string>();
  const others: string[] = [];
  for (const n of nets) {
    // An id as `{GUID}` (hand-collected or another tool's output) is that GUID (a regression tester).
    const id = n.id?.toLowerCase().replace(/^\{(.*)\}$/, '$1');
    if (!id) continue;
    if (WHOLE_GUID.test(id)) guids.add(id);
    else if (others.length < 16) others.push(id);
  }
  return (switchName) => {
    const name = switchName.toLowerCase();
    if (names.has(name)) return true;
    for (const m of name.matchAll(GUID)) if (guids.has(m[0])) return true;
    return others.some((id) => name.includes(id));
  };
}
