import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { overlaps, parseCidr } from '../parsers/network.js';
import { ev, fail, hostOs, missing, msg, notApplicable, pass } from './helpers.js';
import type { MessageText } from '../types.js';
import type { HostCheck } from './types.js';

/** E11: WinNAT objects do not overlap one another (Windows Server 2016 allows one NAT prefix; overlaps break NAT on every build). */
export const netnatOverlap: HostCheck = {
  id: 'netnat-overlap',
  group: 'E',
  title: 'NAT prefixes do not overlap',
  titleKey: 'check.title.netnat-overlap',
  topic: CODE_TOPIC_REFS.hnsStoreCorrupted,
  reads: ['netNat'],
  evaluate(host) {
    const nats = host.get('netNat');
    if (nats.kind === 'missing') return missing(nats);
    if (!nats.value.length) return notApplicable(msg('check.msg.netnat-overlap.none'));
    const evidence = nats.value.map((n) => ev('netNat', `${n.name} ${n.prefix ?? '?'}`));
    const ranges = nats.value.map((n) => ({ n, r: n.prefix ? parseCidr(n.prefix) : undefined }));
    const clashes: MessageText[] = [];
    ranges.forEach((a, i) =>
      ranges.slice(i + 1).forEach((b) => {
        if (a.r && b.r && overlaps(a.r, b.r)) clashes.push(msg('check.msg.netnat-overlap.pair', { a: a.n.name, b: b.n.name }));
      }),
    );
    const { os } = hostOs(host);
    const topic = os.build === 14393 ? CODE_TOPIC_REFS.ws2016Nat : CODE_TOPIC_REFS.hnsStoreCorrupted;
    if (clashes.length) return { ...fail(msg('check.msg.netnat-overlap.overlap', { pairs: clashes }), ...evidence), topic };
    if (os.build === 14393 && nats.value.length > 1) return { ...fail(msg('check.msg.netnat-overlap.ws2016', { nats: nats.value.length }), ...evidence), topic };
    return pass(msg('check.msg.netnat-overlap.ok', { count: nats.value.length }), ...evidence);
  },
};
