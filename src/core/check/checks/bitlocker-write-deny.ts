import { ev, fail, missing, msg, pass, warn } from './helpers.js';
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
    if (fve.kind === 'missing') return missing(fve);
    const e = ev('fveDenyWrite', fve.value.value !== undefined ? `FDVDenyWriteAccess ${fve.value.value}` : msg('check.msg.value.notSet', { name: 'FDVDenyWriteAccess' }));
    if (fve.value.value !== 1) return pass(msg('check.msg.bitlocker-write-deny.ok'), e);
    const info = host.get('dockerInfo');
    const root = info.kind === 'ok' ? info.value.dockerRootDir : undefined;
    if (root && !/^c:/i.test(root)) return fail(msg('check.msg.bitlocker-write-deny.dataRoot', { root }), e, ev('dockerInfo', `Docker Root Dir ${root}`));
    return warn(msg('check.msg.bitlocker-write-deny.denied'), e);
  },
};
