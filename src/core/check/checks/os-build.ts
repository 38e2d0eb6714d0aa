import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { buildText, ev, fail, hostOs, msg, notEvaluated, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** A1: the host's Windows build is one that runs containers (1809 / 17763 or later; 2016 with its limits). */
export const osBuild: HostCheck = {
  id: 'os-build',
  group: 'A',
  title: 'Host Windows build supports containers',
  titleKey: 'check.title.os-build',
  topic: CODE_TOPIC_REFS.clientHostCompat,
  reads: ['currentVersion', 'win32os', 'computerInfo', 'ver', 'dockerInfo', 'kubeNode'],
  evaluate(host) {
    const { os, from } = hostOs(host);
    if (os.build === undefined) return notEvaluated('not-collected', msg('check.msg.os-build.unknown'));
    const e = ev(from[0] ?? 'currentVersion', buildText(os));
    if (os.build < 14393) return fail(msg('check.msg.os-build.tooOld', { build: buildText(os) }), e);
    if (os.build < 17763) return warn(msg('check.msg.os-build.ws2016', { build: buildText(os) }), e);
    return pass(msg('check.msg.os-build.ok', { build: buildText(os) }), e);
  },
};
