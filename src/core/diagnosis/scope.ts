import { hasPhrase } from './phrase-match.js';

/**
 * Whether a paste is about Windows containers at all. wcdoctor knows Windows containers; a paste
 * from a Linux host or a Linux runtime (runc, cgroups, overlayfs, podman) is out of its scope, and
 * saying so is a better answer than a Windows topic that shares a word with it, or silence.
 */
export interface Scope {
  kind: 'windows' | 'linux' | 'unknown';
  /** The texts of the paste that decided it (as found, lower case). */
  signals: string[];
}

/**
 * Marks of a Linux host or runtime. Each is specific: Docker on Windows never prints it. Bare
 * distribution names and `alpine` are left out on purpose, because Windows users pull Linux images by
 * mistake and that failure is theirs to diagnose; a distribution with its release written as a host's
 * ("Ubuntu 22.04", not the image tag `ubuntu:22.04`) and the Linux CNI folders are a host's marks.
 */
const LINUX_SIGNALS = [
  'container_linux.go', 'runc', 'crun', 'runsc', 'cgroup', 'cgroups', 'cgroupfs', 'cgroupv2', 'overlayfs', 'overlay2', 'fuse-overlayfs',
  '/var/lib/docker', '/var/lib/containerd', '/var/run/docker.sock', '/run/containerd', '/proc/self', '/sys/fs/cgroup', '/dev/mapper',
  'systemd', 'systemctl', 'journalctl', 'apparmor', 'seccomp', 'selinux', 'podman', 'buildah', 'iptables', 'nftables', 'nsenter',
  'exec format error', 'oci runtime exec failed', 'apt-get', 'kata-runtime', 'lxc', 'sudo', 'grub', 'sysctl',
  '/etc/cni/net.d', '/opt/cni/bin', 'ubuntu 18.04', 'ubuntu 20.04', 'ubuntu 22.04', 'ubuntu 24.04', 'centos 7', 'centos 8',
  'rhel 8', 'rhel 9', 'debian 11', 'debian 12', 'rocky linux', 'almalinux',
  // Linux's ENOSPC; on Windows a full disk reads "There is not enough space on the disk".
  'no space left on device',
  // A Linux node's own folders, kernel modules, bridges and tools (a Windows node writes c:\var\lib\kubelet; eth0 is left out: CNI names a pod's interface so on Windows too).
  '/var/lib/kubelet', '/etc/kubernetes', '/etc/containerd', '/etc/docker', 'br_netfilter', 'modprobe', 'swapoff',
  'docker0', 'cni0', 'flannel.1', 'ip link', 'ifconfig', 'dmesg',
  // The user naming the platform: a Linux host, node or VM, Amazon Linux; a home folder, which Windows containers never have.
  'linux host', 'linux hosts', 'linux node', 'linux nodes', 'linux vm', 'linux server', 'amazon linux', '/home/',
  // Platforms and runtimes with Linux nodes only (a Mac's Docker Desktop runs Linux in a VM; k3s, minikube, MicroK8s and
  // CRI-O have no Windows nodes; rootless Docker, IPVS and conntrack are Linux's), and Linux distributions named as such.
  'darwin', 'macos', 'mac os x', 'docker desktop for mac', 'homebrew', 'apple silicon', 'minikube', 'microk8s', 'k3s', 'k3d',
  'cri-o', 'crio', 'rootless', 'dockerd-rootless', 'ipvs', 'conntrack', 'containerd-shim-runc-v2', 'unix socket',
  'gnu/linux', 'fedora', 'arch linux', 'opensuse', 'raspberry pi', 'raspbian',
  // Linux platforms of other processors (a Mac's M1, a Raspberry Pi, Graviton, POWER, Z): Windows containers are amd64.
  'linux/arm64', 'linux/arm64/v8', 'linux/arm/v7', 'linux/arm/v6', 'linux/ppc64le', 'linux/s390x', 'ppc64le', 's390x', 'aarch64',
  // A Linux node's container runtime socket and log folders.
  '/var/run/dockershim.sock', '/var/log/containers', '/var/log/pods',
];

/** Marks of Windows: any one keeps a paste in scope, whatever else it says. */
const WINDOWS_SIGNALS = [
  'hcsshim', 'hcs::', 'hnscall', 'hns', 'vmcompute', 'windowsfilter', 'c:\\', 'c:/', 'ps c:', 'servercore', 'nanoserver', 'windowsservercore',
  'mcr.microsoft.com/windows', 'windows server', 'windows 10', 'windows 11', 'win32', 'hresult', 'powershell', 'hyper-v', 'hyperv',
  'isolation', 'docker for windows', 'docker desktop', 'wsl', 'programdata', 'windows container', 'windows containers', 'windows node',
  'ltsc2016', 'ltsc2019', 'ltsc2022', 'ltsc2025', '1809', 'kernel32', 'netsh', 'get-netnat', 'new-netnat',
  // Windows in a cluster's words: named pipes (CSI proxy, the engine's), SMB global mappings, the
  // kubelet's folders written with backslashes, and the user naming the platform of the nodes.
  '\\pipe\\', '//./pipe/', 'csi-proxy', 'new-smbglobalmapping', 'newsmbglobalmapping', '\\var\\lib\\kubelet',
  'windows nodes', 'windows pods', 'windows pod', 'windows worker', 'windows workers',
  // A Windows image refused by a Linux engine is about Windows containers, whatever mode the engine is in, and so
  // is a Windows image's layer unpacked by a Linux snapshotter: its folders are Files/ (Program Files, Windows) and Hives/.
  'image operating system "windows"', 'fs/files/program files', 'fs/files/windows', 'fs/hives',
];

/**
 * Marks of WSL's own machinery (installing, updating, importing a distribution, its service's error
 * codes, Docker Desktop deploying its distribution), and of runtimes that run only Linux containers
 * even when started from Windows (podman, its machine, buildah; Docker Desktop in its Linux containers mode): a paste about them is about Linux,
 * not Windows containers, even though it comes from Windows.
 */
const LINUX_FROM_WINDOWS = [
  'podman', 'buildah',
  // Docker Desktop said to run in its Linux containers mode: "(Docker Desktop, Linux containers)".
  'linux containers)', 'linux containers mode', 'linux-containers mode', 'linux container mode',
  'wsl --install', 'wsl --update', 'wsl --import', 'wsl --set-version', 'wsl --set-default-version', 'wsl --unregister', 'wsl --shutdown',
  'wsl.exe --install', 'wsl.exe --update', 'wsl.exe --import', 'wsl.exe --unregister', 'wslregisterdistribution', 'wsl/service',
  'deploy distro', 'importing wsl distro', 'wsl integration with distro',
  // Docker Desktop on a Mac (its Linux VM), which "docker desktop" alone would keep in scope.
  'docker desktop for mac', 'apple silicon', 'macos', 'darwin',
];

/**
 * The marks of WINDOWS_SIGNALS that say only Windows (a path, a shell, an edition, WSL, Docker Desktop),
 * not Windows containers: every other mark (their runtime, images, networks, nodes) keeps a paste in
 * scope even beside WSL's marks.
 */
const WINDOWS_ONLY = new Set([
  'c:\\', 'c:/', 'ps c:', 'windows server', 'windows 10', 'windows 11', 'win32', 'hresult', 'powershell', 'hyper-v', 'hyperv',
  'docker for windows', 'docker desktop', 'wsl', 'programdata', '1809', 'kernel32', 'netsh', '\\pipe\\', '//./pipe/',
]);

/** Reads the scope of a flattened, lower-case paste (as `flattenForMatching` gives it). */
export function readScope(flat: string): Scope {
  const windows = WINDOWS_SIGNALS.filter((s) => hasPhrase(flat, s));
  const wsl = windows.some((s) => !WINDOWS_ONLY.has(s)) ? [] : LINUX_FROM_WINDOWS.filter((s) => hasPhrase(flat, s));
  // WSL and podman run Linux: their own failures are out of scope like a Linux host's, unless the paste shows Windows containers too.
  if (wsl.length) return { kind: 'linux', signals: wsl.slice(0, 3) };
  if (windows.length) return { kind: 'windows', signals: windows.slice(0, 3) };
  const linux = LINUX_SIGNALS.filter((s) => hasPhrase(flat, s));
  if (linux.length) return { kind: 'linux', signals: linux.slice(0, 3) };
  return { kind: 'unknown', signals: [] };
}
