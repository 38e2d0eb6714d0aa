import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** E11: static NAT mappings made outside docker claim host ports docker then cannot map (hnsCall 0x6be). */
export const natStaticMappings: HostCheck = {
  id: 'nat-static-mappings',
  group: 'E',
  title: 'No static NAT mappings in the way',
  titleKey: 'check.title.nat-static-mappings',
  topic: CODE_TOPIC_REFS.natStaticMapping,
  reads: ['netNatStatic'],
  evaluate(host) {
    const maps = host.get('netNatStatic');
    if (maps.kind === 'missing') return missing('netNatStatic', maps);
    if (!maps.value.length) return pass('no static NAT mappings', ev('netNatStatic', '(none)'));
    const evidence = maps.value.slice(0, 10).map((m) => ev('netNatStatic', `${m.protocol ?? ''} ${m.externalPort ?? '?'} → ${m.internalIp ?? '?'}`.trim()));
    return warn(`${maps.value.length} static NAT mapping(s): a docker port mapping on the same host port fails with 0x6be`, ...evidence);
  },
};
