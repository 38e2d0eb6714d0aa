import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, notApplicable, pass, warn } from './helpers.js';
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
    if (procs.kind === 'missing') return missing(procs);
    const hns = procs.value.find((p) => p.name.toLowerCase() === 'hns');
    if (!hns || hns.threads === undefined) return notApplicable(msg('check.msg.hns-threads.notFound'));
    const e = ev('processes', msg('check.msg.hns-threads.process', { id: hns.id ?? '?', count: hns.threads }));
    if (hns.threads >= 1000) return fail(msg('check.msg.hns-threads.deadlocked', { threads: hns.threads }), e);
    if (hns.threads >= 200) return warn(msg('check.msg.hns-threads.many', { threads: hns.threads }), e);
    return pass(msg('check.msg.hns-threads.ok', { count: hns.threads }), e);
  },
};
