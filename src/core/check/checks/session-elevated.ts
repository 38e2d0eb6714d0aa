import { READS } from '../reads.js';
import { ev, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** C2: the collector ran elevated; without it the reads that need administrator rights are not evaluated. */
export const sessionElevated: HostCheck = {
  id: 'session-elevated',
  group: 'C',
  title: 'Collected in an elevated session',
  titleKey: 'check.title.session-elevated',
  reads: [],
  evaluate(host) {
    if (host.elevated === null) return { status: 'not-evaluated', reason: 'not-collected', message: 'not evaluated: a paste does not say whether the session was elevated', evidence: [] };
    const e = ev('elevation', host.elevated ? 'elevated' : 'not elevated');
    if (host.elevated) return pass('elevated: every read could run', e);
    const blind = Object.entries(READS).filter(([, r]) => r.admin).map(([id]) => id);
    return warn(`not elevated: ${blind.join(', ')} were not read; run as administrator to evaluate the checks that need them`, e);
  },
};
