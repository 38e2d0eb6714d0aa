import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { buildText, ev, fail, hostOs, missing, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** A1/A3: a local image of the host's build but a later monthly update than the host (0xc0370106 in process isolation). */
export const imageNewerThanHost: HostCheck = {
  id: 'image-newer-than-host',
  group: 'A',
  title: 'No local image is newer than the host patch level',
  titleKey: 'check.title.image-newer-than-host',
  topic: CODE_TOPIC_REFS.imageNewerThanHost,
  reads: ['dockerImages', 'currentVersion', 'dockerInfo'],
  evaluate(host) {
    const images = host.get('dockerImages');
    if (images.kind === 'missing') return missing('dockerImages', images);
    const { os, from } = hostOs(host);
    if (os.build === undefined || os.ubr === undefined) return { status: 'not-evaluated', reason: 'not-collected', message: 'not evaluated: the host revision (UBR) is not known', evidence: [] };
    const windows = images.value.filter((i) => i.build !== undefined);
    if (!windows.length) return notApplicable('no local Windows images');
    const newer = windows.filter((i) => i.build === os.build && (i.ubr ?? 0) > (os.ubr ?? 0));
    const hostEv = ev(from[0] ?? 'currentVersion', buildText(os));
    if (!newer.length) return pass(`${windows.length} Windows image(s), none newer than ${buildText(os)}`, hostEv);
    const info = host.get('dockerInfo');
    const processDefault = info.kind === 'ok' && info.value.isolation === 'process';
    const list = newer.map((i) => ev('dockerImages', `${i.tags[0] ?? '<untagged>'} ${i.osVersion ?? ''}`.trim()));
    const msg = `${newer.length} image(s) carry a later monthly update than the host ${buildText(os)}: in process isolation they can fail with 0xc0370106; update the host or use --isolation=hyperv`;
    return processDefault ? fail(msg, hostEv, ...list) : warn(msg, hostEv, ...list);
  },
};
