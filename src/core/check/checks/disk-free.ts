import { ev, fail, gb, missing, pass, warn } from './helpers.js';
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
    if (disks.kind === 'missing') return missing('disks', disks);
    const info = host.get('dockerInfo');
    const rootDrive = info.kind === 'ok' ? /^([A-Za-z]:)/.exec(info.value.dockerRootDir ?? '')?.[1]?.toUpperCase() : undefined;
    const wanted = new Set(['C:', ...(rootDrive ? [rootDrive] : [])]);
    const seen = disks.value.filter((d) => wanted.has(d.drive.toUpperCase()));
    if (!seen.length) return { status: 'not-evaluated', reason: 'unreadable', message: 'not evaluated: the system drive is not in the disk list', evidence: [] };
    const evidence = seen.map((d) => ev('disks', `${d.drive} ${gb(d.freeBytes)} free`));
    const low = seen.filter((d) => d.freeBytes < WARN_BYTES);
    if (low.some((d) => d.freeBytes < FAIL_BYTES)) return fail(`${low.map((d) => `${d.drive} has ${gb(d.freeBytes)} free`).join(', ')}: pulls and layer extraction fail below about 15 GB`, ...evidence);
    if (low.length) return warn(`${low.map((d) => `${d.drive} has ${gb(d.freeBytes)} free`).join(', ')}: less than 30 GB`, ...evidence);
    return pass(seen.map((d) => `${d.drive} ${gb(d.freeBytes)} free`).join(', '), ...evidence);
  },
};
