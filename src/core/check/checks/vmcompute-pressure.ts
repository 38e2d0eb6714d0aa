import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, msg, notApplicable, pass, warn } from './helpers.js';
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
    if (procs.kind === 'missing') return missing(procs);
    const p = procs.value.find((x) => x.name.toLowerCase() === 'vmcompute');
    if (!p) return notApplicable(msg('check.msg.vmcompute-pressure.notRunning'));
    const ws = p.workingSet !== undefined ? Math.round(p.workingSet / 1048576) : undefined;
    const usage = msg('check.msg.vmcompute-pressure.usage', { workingSet: ws ?? '?', handles: p.handles ?? '?' });
    const problems = [
      ...(ws !== undefined && ws > 1024 ? [msg('check.msg.vmcompute-pressure.workingSet', { workingSet: ws })] : []),
      ...(p.handles !== undefined && p.handles > 5000 ? [msg('check.msg.vmcompute-pressure.handles', { handles: p.handles })] : []),
    ];
    const e = ev('processes', usage);
    return problems.length ? warn(msg('check.msg.vmcompute-pressure.leaking', { problems }), e) : pass(usage, e);
  },
};
