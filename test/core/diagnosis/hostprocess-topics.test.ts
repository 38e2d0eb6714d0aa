// The two HostProcess topics (kube-proxy's kubeconfig path, the base image's empty hives): the same failure in
// other wordings, a German or Chinese host, and near misses of other programs that must not get them.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { loadKnowledgeBase } from '../../../src/platform/knowledge-fs.js';
import { checkRunnable } from '../../../src/core/fixes/runnable.js';

const kb = loadKnowledgeBase();
const top = (text: string) => {
  const m = diagnose(kb, text).matches[0];
  return m ? `${m.id} ${m.confidence}` : 'none';
};
const confident = (text: string, id: string) => diagnose(kb, text).matches.some((m) => m.id === id && m.confidence !== 'low');

const HIVES = 'hostprocess-base-image-empty-hives';
const KUBECONFIG = 'kube-proxy-hostprocess-kubeconfig-path';

describe('hostprocess-base-image-empty-hives', () => {
  const build = (msg: string) =>
    'Step 1/3 : FROM mcr.microsoft.com/oss/kubernetes/windows-host-process-containers-base-image:v1.0.0\n' +
    `failed to register layer: re-exec error: exit status 1: output: hcsshim::ImportLayer failed in Win32: ${msg} (0x3f1)`;
  it.each([
    ['en', 'The configuration registry database is corrupt.'],
    ['de', 'Die Konfigurationsregistrierungsdatenbank ist beschädigt.'],
    ['zh-CN', '配置注册表数据库损坏。'],
  ])('ImportLayer 0x3f1 on a %s host', (_lang, msg) => {
    expect(top(build(msg))).toMatch(new RegExp(`^${HIVES} (high|medium)$`));
  });

  it.each([
    ['reg load of a corrupt hive (German)', 'C:\\> reg load HKLM\\OFFLINE D:\\Windows\\System32\\config\\SOFTWARE\nFEHLER: Die Konfigurationsregistrierungsdatenbank ist beschädigt.'],
    ['Windows Update 0x800703f1', 'Windows failed to install the following update with error 0x800703F1: The configuration registry database is corrupt.'],
  ])('not for %s', (_name, paste) => {
    expect(confident(paste, HIVES)).toBe(false);
  });
});

describe('kube-proxy-hostprocess-kubeconfig-path', () => {
  it('kube-proxy stopping on a kubeconfig-win.conf that is not in its folder (file, not path, not found)', () => {
    const paste = 'kubectl logs -n kube-system kube-proxy-windows-4tq9z --previous\n' +
      'E1208 03:11:02.000000    4410 run.go:74] "command failed" err="failed complete: CreateFile C:\\\\hpc\\\\var\\\\lib\\\\kube-proxy\\\\kubeconfig-win.conf: The system cannot find the file specified."';
    expect(top(paste)).toMatch(new RegExp(`^${KUBECONFIG} (high|medium)$`));
  });

  it("start.ps1's Cannot find path with the sentence wrapped by the console", () => {
    const paste = 'kubectl logs kube-proxy-windows-x2 -n kube-system\n' +
      "cp : Cannot find path 'C:\\hpc\\var\\lib\\kube-proxy\\kubeconfig-win.conf' because it does not\nexist.";
    expect(top(paste)).toMatch(new RegExp(`^${KUBECONFIG} (high|medium)$`));
  });

  it.each([
    ['Linux kube-proxy', 'kube-proxy-7x2kq CrashLoopBackOff\n"command failed" err="failed complete: open /var/lib/kube-proxy/kubeconfig.conf: no such file or directory"'],
    ['pwsh on Linux', "Get-Content: Cannot find path '/var/lib/kube-proxy/kubeconfig.conf' because it does not exist.\nkube-proxy on ubuntu-worker-1 (kubeadm)"],
    ['another file', "Get-Content : Cannot find path 'C:\\k\\config' because it does not exist.\nkubectl get nodes"],
  ])('not for %s', (_name, paste) => {
    expect(confident(paste, KUBECONFIG)).toBe(false);
  });
});

describe("the topics' fixes", () => {
  it('lists the buildx builders also on the Linux machine the base-image topic sends the build to', () => {
    const fx = kb.topics.find((t) => t.id === HIVES)?.fixes.find((f) => f.id === 'show-builders');
    expect(fx?.readOnly).toBe(true);
    const linux = { platform: 'linux', hasProgram: (n: string) => n === 'docker' };
    expect(checkRunnable({ shell: fx!.shell, program: 'docker', ...(fx?.anyEngine ? { anyEngine: true as const } : {}) }, linux).ok).toBe(true);
  });
});
