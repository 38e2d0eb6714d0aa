import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { overlaps, parseCidr } from '../parsers/network.js';
import { ev, fail, hostOs, missing, notApplicable, pass } from './helpers.js';
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
    if (nats.kind === 'missing') return missing('netNat', nats);
    if (!nats.value.length) return notApplicable('no NAT objects');
    const evidence = nats.value.map((n) => ev('netNat', `${n.name} ${n.prefix ?? '?'}`));
    const ranges = nats.value.map((n) => ({ n, r: n.prefix ? parseCidr(n.prefix) : undefined }));
    const clashes: string[] = [];
    ranges.forEach((a, i) =>
      ranges.slice(i + 1).forEach((b) => {
        if (a.r && b.r && overlaps(a.r, b.r)) clashes.push(`${a.n.name} and ${b.n.name}`);
      }),
    );
    const { os } = hostOs(host);
    const topic = os.build === 14393 ? CODE_TOPIC_REFS.ws2016Nat : CODE_TOPIC_REFS.hnsStoreCorrupted;
    if (clashes.length) return { ...fail(`overlapping NAT prefixes: ${clashes.join('; ')}`, ...evidence), topic };
    if (os.build === 14393 && nats.value.length > 1) return { ...fail(`${nats.value.length} NAT objects on Windows Server 2016, which supports one`, ...evidence), topic };
    return pass(`${nats.value.length} NAT object(s), no overlap`, ...evidence);
  },
};
