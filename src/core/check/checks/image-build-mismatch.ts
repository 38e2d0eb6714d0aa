import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, hostOs, missing, msg, notApplicable, notEvaluated, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** A3: local Windows images of another build than the host: newer never run, older need Hyper-V isolation before 2022. */
export const imageBuildMismatch: HostCheck = {
  id: 'image-build-mismatch',
  group: 'A',
  title: 'Local images match the host build',
  titleKey: 'check.title.image-build-mismatch',
  topic: CODE_TOPIC_REFS.versionMismatch,
  reads: ['dockerImages', 'currentVersion', 'dockerInfo'],
  evaluate(host) {
    const images = host.get('dockerImages');
    if (images.kind === 'missing') return missing(images);
    const { os, from } = hostOs(host);
    if (os.build === undefined) return notEvaluated('not-collected', msg('check.msg.image-build-mismatch.noBuild'));
    const hostBuild = os.build;
    const windows = images.value.filter((i) => i.build !== undefined);
    if (!windows.length) return notApplicable(msg('check.msg.image.none'));
    const hostEv = ev(from[0] ?? 'currentVersion', String(hostBuild));
    const show = (list: typeof windows) => list.map((i) => ev('dockerImages', `${i.tags[0] ?? '<untagged>'} ${i.osVersion ?? ''}`.trim()));
    const newer = windows.filter((i) => (i.build ?? 0) > hostBuild);
    if (newer.length) return fail(msg('check.msg.image-build-mismatch.newer', { count: newer.length, build: hostBuild }), hostEv, ...show(newer));
    const info = host.get('dockerInfo');
    const processDefault = info.kind === 'ok' && info.value.isolation === 'process';
    // From Windows Server 2022 (20348) on, older images of 20348 and later run in process isolation.
    const older = windows.filter((i) => (i.build ?? 0) < hostBuild && !((i.build ?? 0) >= 20348 && hostBuild >= 20348));
    if (older.length && processDefault) return warn(msg('check.msg.image-build-mismatch.older', { count: older.length }), hostEv, ...show(older));
    return pass(msg('check.msg.image-build-mismatch.ok', { count: windows.length, build: hostBuild }), hostEv);
  },
};
