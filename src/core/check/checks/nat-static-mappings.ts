import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, msg, pass, warn } from './helpers.js';
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
    if (maps.kind === 'missing') return missing(maps);
    if (!maps.value.length) return pass(msg('check.msg.nat-static-mappings.ok'), ev('netNatStatic', msg('check.msg.value.none')));
    const evidence = maps.value.slice(0, 10).map((m) => ev('netNatStatic', `${m.protocol ?? ''} ${m.externalPort ?? '?'} → ${m.internalIp ?? '?'}`.trim()));
    return warn(msg('check.msg.nat-static-mappings.found', { count: maps.value.length }), ...evidence);
  },
};
