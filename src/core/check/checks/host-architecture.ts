import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, hostOs, notApplicable, pass, warn } from './helpers.js';
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
    if (os.architecture === undefined) return { status: 'not-evaluated', reason: 'not-collected', message: 'not evaluated: no read shows the processor architecture', evidence: [] };
    const read = from.find((id) => id === 'win32os' || id === 'computerInfo') ?? 'win32os';
    const e = ev(read, os.architecture);
    const docker = host.get('dockerInfo');
    if (docker.kind === 'ok' && docker.value.osType !== undefined && docker.value.osType !== 'windows') return notApplicable(`the engine runs ${docker.value.osType} containers`, e);
    if (os.architecture === 'arm64')
      return warn('the host is Arm64 (Windows on Arm): x64 (amd64) Windows images do not pull or start here in either isolation mode; use arm64 images (nanoserver or servercore ltsc2025-arm64, Windows 11 24H2 or later) or an x64 host', e);
    if (os.architecture === 'x86') return warn('the host runs a 32-bit Windows: Windows containers need a 64-bit host', e);
    return pass('x64', e);
  },
};
