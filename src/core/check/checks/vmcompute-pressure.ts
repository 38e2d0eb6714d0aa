import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** H3: vmcompute (HCS) over 1 GB working set or 5000 handles is leaking (AgentBaker's thresholds). */
export const vmcomputePressure: HostCheck = {
  id: 'vmcompute-pressure',
  group: 'H',
  title: 'vmcompute is not leaking memory or handles',
  titleKey: 'check.title.vmcompute-pressure',
  topic: CODE_TOPIC_REFS.podStuckTerminating,
  reads: ['processes'],
  evaluate(host) {
    const procs = host.get('processes');
    if (procs.kind === 'missing') return missing('processes', procs);
    const p = procs.value.find((x) => x.name.toLowerCase() === 'vmcompute');
    if (!p) return notApplicable('vmcompute is not running');
    const ws = p.workingSet !== undefined ? Math.round(p.workingSet / 1048576) : undefined;
    const e = ev('processes', `vmcompute ${ws ?? '?'} MB, ${p.handles ?? '?'} handles`);
    const problems = [...(ws !== undefined && ws > 1024 ? [`working set ${ws} MB`] : []), ...(p.handles !== undefined && p.handles > 5000 ? [`${p.handles} handles`] : [])];
    if (problems.length) return warn(`vmcompute ${problems.join(' and ')}: HCS is leaking; containers may hang starting or stopping`, e);
    return pass(`vmcompute ${ws ?? '?'} MB, ${p.handles ?? '?'} handles`, e);
  },
};
