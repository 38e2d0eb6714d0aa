import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, hostOs, msg, notApplicable, notEvaluated, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/**
 * A3: the processor architecture. An Arm64 host (Windows on Arm: Copilot+ PCs, Surface Pro X, Windows VMs on Apple
 * silicon) runs only arm64 Windows images; the x64 emulation of Windows on Arm does not reach into containers, so
 * every amd64 image fails to pull or start there (microsoft/Windows-Containers#586 and #224).
 */
export const hostArchitecture: HostCheck = {
  id: 'host-architecture',
  group: 'A',
  title: 'Host processor architecture runs the usual (x64) Windows images',
  titleKey: 'check.title.host-architecture',
  topic: CODE_TOPIC_REFS.arm64Host,
  reads: ['win32os', 'computerInfo'],
  evaluate(host) {
    const { os, from } = hostOs(host);
    if (os.architecture === undefined) return notEvaluated('not-collected', msg('check.msg.host-architecture.unknown'));
    const read = from.find((id) => id === 'win32os' || id === 'computerInfo') ?? 'win32os';
    const e = ev(read, os.architecture);
    const docker = host.get('dockerInfo');
    if (docker.kind === 'ok' && docker.value.osType !== undefined && docker.value.osType !== 'windows') return notApplicable(msg('check.msg.engine.runs', { os: docker.value.osType }), e);
    if (os.architecture === 'arm64')
      return warn(msg('check.msg.host-architecture.arm64'), e);
    if (os.architecture === 'x86') return warn(msg('check.msg.host-architecture.x86'), e);
    return pass(msg('check.msg.host-architecture.ok', { arch: os.architecture }), e);
  },
};
