import { ev, fail, missing, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** D4: the BitLocker policy FDVDenyWriteAccess=1 makes unencrypted fixed data drives read-only ("The media is write protected"). */
export const bitlockerWriteDeny: HostCheck = {
  id: 'bitlocker-write-deny',
  group: 'D',
  title: 'BitLocker policy does not deny writes to data drives',
  titleKey: 'check.title.bitlocker-write-deny',
  reads: ['fveDenyWrite', 'dockerInfo'],
  evaluate(host) {
    const fve = host.get('fveDenyWrite');
    if (fve.kind === 'missing') return missing('fveDenyWrite', fve);
    const e = ev('fveDenyWrite', `FDVDenyWriteAccess ${fve.value.value ?? '(not set)'}`);
    if (fve.value.value !== 1) return pass('the policy is not set', e);
    const info = host.get('dockerInfo');
    const root = info.kind === 'ok' ? info.value.dockerRootDir : undefined;
    if (root && !/^c:/i.test(root)) return fail(`writes to unencrypted data drives are denied and docker's data root is ${root}: pulls and loads fail with "The media is write protected"`, e, ev('dockerInfo', `Docker Root Dir ${root}`));
    return warn('writes to unencrypted fixed data drives are denied: a data root or volume on such a drive fails with "The media is write protected"', e);
  },
};
