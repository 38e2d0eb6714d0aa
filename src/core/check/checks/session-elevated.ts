import { READS } from '../reads.js';
import { ev, msg, notEvaluated, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** C2: the collector ran elevated; without it the reads that need administrator rights are not evaluated. */
export const sessionElevated: HostCheck = {
  id: 'session-elevated',
  group: 'C',
  title: 'Collected in an elevated session',
  titleKey: 'check.title.session-elevated',
  reads: [],
  evaluate(host) {
    if (host.elevated === null) return notEvaluated('not-collected', msg('check.msg.session-elevated.paste'));
    const e = ev('elevation', msg(host.elevated ? 'check.msg.session-elevated.elevated' : 'check.msg.session-elevated.notElevated'));
    if (host.elevated) return pass(msg('check.msg.session-elevated.ok'), e);
    const blind = Object.entries(READS).filter(([, r]) => r.admin).map(([id]) => id);
    return warn(msg('check.msg.session-elevated.blind', { reads: blind }), e);
  },
};
