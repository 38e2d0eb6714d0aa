import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { buildText, ev, fail, hostOs, missing, msg, notApplicable, notEvaluated, pass, warn } from './helpers.js';
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
    if (images.kind === 'missing') return missing(images);
    const { os, from } = hostOs(host);
    if (os.build === undefined || os.ubr === undefined) return notEvaluated('not-collected', msg('check.msg.image-newer-than-host.noRevision'));
    const windows = images.value.filter((i) => i.build !== undefined);
    if (!windows.length) return notApplicable(msg('check.msg.image.none'));
    const newer = windows.filter((i) => i.build === os.build && (i.ubr ?? 0) > (os.ubr ?? 0));
    const hostEv = ev(from[0] ?? 'currentVersion', buildText(os));
    if (!newer.length) return pass(msg('check.msg.image-newer-than-host.ok', { count: windows.length, build: buildText(os) }), hostEv);
    const info = host.get('dockerInfo');
    const processDefault = info.kind === 'ok' && info.value.isolation === 'process';
    const list = newer.map((i) => ev('dockerImages', `${i.tags[0] ?? '<untagged>'} ${i.osVersion ?? ''}`.trim()));
    const text = msg('check.msg.image-newer-than-host.newer', { count: newer.length, build: buildText(os) });
    return processDefault ? fail(text, hostEv, ...list) : warn(text, hostEv, ...list);
  },
};
