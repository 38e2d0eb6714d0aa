import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { overlaps, parseCidr } from '../parsers/network.js';
import { listed, MAX_LISTED } from '../message.js';
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
    const { pairs, total } = overlappingPairs(nats.value.flatMap((n, at) => {
      const r = n.prefix ? parseCidr(n.prefix) : undefined;
      return r ? [{ name: n.name, at, ...r }] : [];
    }));
    const { os } = hostOs(host);
    const topic = os.build === 14393 ? CODE_TOPIC_REFS.ws2016Nat : CODE_TOPIC_REFS.hnsStoreCorrupted;
    const clashes: MessageText[] = pairs.map(([a, b]) => msg('check.msg.netnat-overlap.pair', { a: a.name, b: b.name }));
    if (total) return { ...fail(msg('check.msg.netnat-overlap.overlap', { pairs: listed(clashes, total) }), ...evidence), topic };
    if (os.build === 14393 && nats.value.length > 1) return { ...fail(msg('check.msg.netnat-overlap.ws2016', { nats: nats.value.length }), ...evidence), topic };
    return pass(msg('check.msg.netnat-overlap.ok', { count: nats.value.length }), ...evidence);
  },
};

interface NatRange {
  name: string;
  /** Its place in the host's list: a pair names the one listed first first. */
  at: number;
  start: number;
  end: number;
}

/**
 * The first MAX_LISTED pairs of overlapping prefixes (by address) and how many pairs there are, in O(n log n): every NAT
 * object against every other took time, memory and output growing with the square of their number (4,000 objects of
 * one prefix, a 355 KB file: 26 s, 2.4 GB and a sentence of 131 MB; an attacker helper). Sorted by first address, a
 * range overlaps exactly the ranges after it that start at or before its last address.
 */
export function overlappingPairs(ranges: readonly NatRange[]): { pairs: [NatRange, NatRange][]; total: number } {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.at - b.at);
  const pairs: [NatRange, NatRange][] = [];
  let total = 0;
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k]!;
    // The first range after k that starts past a's end (binary search over the sorted starts).
    let lo = k + 1;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.start <= a.end) lo = mid + 1;
      else hi = mid;
    }
    total += lo - (k + 1);
    for (let j = k + 1; j < lo && pairs.length < MAX_LISTED; j++) {
      const b = sorted[j]!;
      if (overlaps(a, b)) pairs.push(a.at < b.at ? [a, b] : [b, a]);
    }
  }
  return { pairs, total };
}
