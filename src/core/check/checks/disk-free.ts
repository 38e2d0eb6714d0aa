import { ev, fail, gb, missing, msg, notEvaluated, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

const WARN_BYTES = 30e9;
const FAIL_BYTES = 15e9;

/** D1: free space on the system drive and on the drive of docker's data root (warn < 30 GB, fail < 15 GB). */
export const diskFree: HostCheck = {
  id: 'disk-free',
  group: 'D',
  title: 'Enough free disk for images and layers',
  titleKey: 'check.title.disk-free',
  reads: ['disks', 'dockerInfo'],
  evaluate(host) {
    const disks = host.get('disks');
    if (disks.kind === 'missing') return missing(disks);
    const info = host.get('dockerInfo');
    const rootDrive = info.kind === 'ok' ? /^([A-Za-z]:)/.exec(info.value.dockerRootDir ?? '')?.[1]?.toUpperCase() : undefined;
    const wanted = new Set(['C:', ...(rootDrive ? [rootDrive] : [])]);
    const seen = disks.value.filter((d) => wanted.has(d.drive.toUpperCase()));
    if (!seen.length) return notEvaluated('unreadable', msg('check.msg.disk-free.noSystemDrive'));
    const free = (list: typeof seen) => list.map((d) => msg('check.msg.disk-free.free', { drive: d.drive, free: gb(d.freeBytes) }));
    const evidence = free(seen).map((m) => ev('disks', m));
    const low = seen.filter((d) => d.freeBytes < WARN_BYTES);
    if (low.some((d) => d.freeBytes < FAIL_BYTES)) return fail(msg('check.msg.disk-free.tooLow', { drives: free(low) }), ...evidence);
    if (low.length) return warn(msg('check.msg.disk-free.low', { drives: free(low) }), ...evidence);
    return pass(msg('check.msg.disk-free.ok', { drives: free(seen) }), ...evidence);
  },
};
