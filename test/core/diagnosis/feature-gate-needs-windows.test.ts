// windows-node-feature-gate-locked: the component-base refusal of a locked or removed gate is printed by every node's
// kube-proxy and kubelet. The Windows-only gates (WinOverlay, WinDSR, WindowsHostProcessContainers) are the topic's on
// their own; IPv6DualStack was every node's gate in 1.23 (kubeadm on Linux met the same refusal), so it counts only
// beside Windows node tooling's names.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { realKnowledgeBase } from '../../helpers/real-kb.js';

const { kb } = realKnowledgeBase();
const TOPIC = 'windows-node-feature-gate-locked';
const refusal = (gate: string) => `E1208 10:01:02.123456    4242 run.go:74] "command failed" err="failed complete: cannot set feature gate ${gate} to false, feature is locked to true"`;
const of = (paste: string) => diagnose(kb, paste).matches.find((m) => m.id === TOPIC);

describe('a locked feature gate on a Windows node', () => {
  it('is the answer for a Windows-only gate, and for IPv6DualStack beside a Windows node script', () => {
    expect(of(refusal('WinOverlay'))?.confidence).toBe('high');
    expect(of('E0105 10:00:00.000000 4242 server.go:57] unrecognized feature gate: WindowsHostProcessContainers')?.confidence).toBe('high');
    expect(of(`PS C:\\k> .\\kube-proxy-service.ps1\n${refusal('IPv6DualStack')}`)?.confidence).toBe('high');
    expect(of(`${refusal('IPv6DualStack')}\nat C:\\CalicoWindows\\kubernetes\\kube-proxy-service.ps1:42`)?.confidence).toBe('high');
  });

  it('is a lead at most for the IPv6DualStack refusal alone, and nothing for a Linux host', () => {
    expect(['low', undefined]).toContain(of(refusal('IPv6DualStack'))?.confidence);
    expect(of(`root@k8s-master:~# kubeadm init --config kubeadm.yaml\n${refusal('IPv6DualStack')}`)).toBeUndefined();
    // A mixed cluster's pod list names the Windows kube-proxy pod, running, while the Linux one fails (a regression tester).
    const mixed = [
      'NAME                         READY   STATUS             RESTARTS   AGE   NODE',
      'kube-proxy-7xk2p             0/1     CrashLoopBackOff   6          9m    k8s-master',
      'kube-proxy-windows-q8d4s     1/1     Running            0          9m    win-node-1',
      refusal('IPv6DualStack'),
    ].join('\n');
    expect(['low', undefined]).toContain(of(mixed)?.confidence);
  });
});
