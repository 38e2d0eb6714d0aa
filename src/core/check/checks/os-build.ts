import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { buildText, ev, fail, hostOs, pass, warn } from './helpers.js';
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
    if (os.build === undefined) return { status: 'not-evaluated', reason: 'not-collected', message: 'not evaluated: no read shows the Windows build', evidence: [] };
    const e = ev(from[0] ?? 'currentVersion', buildText(os));
    if (os.build < 14393) return fail(`build ${buildText(os)} is older than Windows Server 2016 (14393): Windows containers need 14393 or later`, e);
    if (os.build < 17763) return warn(`build ${buildText(os)} is Windows Server 2016 / 1607-era: images must match the host's revision, Kubernetes needs 17763 or later`, e);
    return pass(`build ${buildText(os)}`, e);
  },
};
