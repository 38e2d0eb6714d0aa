import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** E8: the HNS host process's thread count (≥ 200 high, ≥ 1000 critical: a likely HNS deadlock, hnsautomitigator's thresholds). */
export const hnsThreads: HostCheck = {
  id: 'hns-threads',
  group: 'E',
  title: 'HNS is not deadlocked (thread count)',
  titleKey: 'check.title.hns-threads',
  topic: CODE_TOPIC_REFS.hnsManagement,
  reads: ['processes'],
  evaluate(host) {
    const procs = host.get('processes');
    if (procs.kind === 'missing') return missing('processes', procs);
    const hns = procs.value.find((p) => p.name.toLowerCase() === 'hns');
    if (!hns || hns.threads === undefined) return notApplicable('the HNS host process was not found');
    const e = ev('processes', `HNS process ${hns.id ?? '?'}: ${hns.threads} threads`);
    if (hns.threads >= 1000) return fail(`HNS has ${hns.threads} threads: it is very likely deadlocked; restart the computer`, e);
    if (hns.threads >= 200) return warn(`HNS has ${hns.threads} threads: a possible deadlock`, e);
    return pass(`${hns.threads} threads`, e);
  },
};
