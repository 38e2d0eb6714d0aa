import { hasPhrase } from './phrase-match.js';
import { isWrapperFailure } from './reasons.js';

/**
 * Whether a paste is about Windows containers at all. wcdoctor knows Windows containers; a paste
 * from a Linux host or a Linux runtime (runc, cgroups, overlayfs, podman) is out of its scope, and
 * saying so is a better answer than a Windows topic that shares a word with it, or silence.
 */
export interface Scope {
  /**
   * `unrelated`: a person's own words about some program that name no container, image, engine or
   * cluster (a Python library's credential error, a WMI module's failure): a Windows message such a
   * paste quotes is one every program can print, and says nothing about containers.
   */
  kind: 'windows' | 'linux' | 'unrelated' | 'unknown';
  /** The texts of the paste that decided it (as found, lower case). */
  signals: string[];
  /**
   * For `windows`: whether a mark says Windows containers (their runtime, images, networks, nodes), not only Windows
   * (a `C:\` path, a `PS C:\>` prompt, PowerShell, an edition: WINDOWS_ONLY), or the paste has a code of the
   * container stack (HCS, HNS).
   */
  containers?: boolean;
  /**
   * For `unrelated` output of another program (a Python traceback, git, npm, a Java stack), which one:
   * the message names it. Absent for a person's words.
   */
  program?: string;
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
  'darwin', 'macos', 'macosx', 'mac os x', 'osx', 'docker desktop for mac', 'homebrew', 'apple silicon', 'minikube', 'microk8s', 'k3s', 'k3d',
  'cri-o', 'crio', 'rootless', 'dockerd-rootless', 'ipvs', 'conntrack', 'containerd-shim-runc-v2', 'unix socket',
  // Rootless networking and podman's own network stack and monitor.
  'rootlessport', 'rootlesskit', 'slirp4netns', 'netavark', 'aardvark-dns', 'conmon',
  'gnu/linux', 'fedora', 'arch linux', 'opensuse', 'raspberry pi', 'raspbian',
  // Linux platforms of other processors (a Mac's M1, a Raspberry Pi, Graviton, POWER, Z): Windows containers are amd64.
  'linux/arm64', 'linux/arm64/v8', 'linux/arm/v7', 'linux/arm/v6', 'linux/ppc64le', 'linux/s390x', 'ppc64le', 's390x', 'aarch64',
  // The host's own network for a container: Windows containers have no host network mode.
  '--net=host', '--network=host', '--network host', '--net host', 'network_mode: host', 'network_mode: "host"',
  // A Linux node's container runtime socket and log folders.
  '/var/run/dockershim.sock', '/var/log/containers', '/var/log/pods',
  // User namespaces (the daemon's userns-remap): a Linux kernel feature the Windows engine has no counterpart of.
  'user namespaces', 'user namespace', 'userns-remap',
  // `docker version`'s server and `docker info` of an engine that runs Linux containers (a Linux host, or Docker Desktop
  // in its Linux mode): any mark of Windows containers in the paste still wins.
  'os/arch: linux/amd64', 'ostype: linux',
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
  // The same layer in moby's overlay2 graph driver, whose layers are unpacked into <data-root>/overlay2/<id>/diff/.
  'diff/files/program files', 'diff/files/windows', 'diff/hives',
  // Repositories that hold Windows images only (.NET Framework, ASP.NET 4.x, IIS): a paste about them is about Windows
  // containers, on whatever engine it was pulled.
  'dotnet/framework', 'microsoft/dotnet-framework', 'microsoft/aspnet', 'microsoft/iis',
  // The Windows host's own port reservations, which refuse a published port whatever the containers' OS (Docker
  // Desktop publishes the ports of its WSL 2 back end's Linux containers on the Windows host).
  'excludedportrange',
  // The Windows engine refusing a setting (moby daemon/daemon_windows.go, runconfig/hostconfig_windows.go: "Windows does
  // not support privileged mode", "invalid option: … is not supported for Windows containers"): a Linux engine never
  // says it, so the container that failed was sent to a Windows engine, whatever Linux tool (minikube, kind) sent it.
  'windows does not support', 'is not supported for windows containers',
  // The Windows engine's answer to --network host: its NetworkMode.IsHost() is always false (moby
  // api/types/container/hostconfig_windows.go), so "host" is looked up as a network's name and FindNetwork fails
  // (daemon/network.go, libnetwork ErrNoSuchNetwork). A Linux engine always has its host network and never says it.
  'network host not found',
  // Git Bash or MSYS2 on the Windows client rewrote the command's paths into its own folder (`exec: "C:/Program
  // Files/Git/usr/bin/bash"`): a failure of the Windows client's shell, a known issue whatever OS the container runs.
  'program files/git/', 'program files (x86)/git/', 'msys_no_pathconv',
  // containerd's runtime for Windows containers and its shim (io.containerd.runhcs.v1, containerd-shim-runhcs-v1.exe,
  // built from hcsshim): no Linux runtime has it. PowerShell's Format-Volume, which formats a Windows node's disk for a
  // volume (k8s.io/mount-utils on Windows), says Windows only.
  'runhcs', 'format-volume',
];

/**
 * Marks of WSL's own machinery (installing, updating, importing a distribution, its service's error
 * codes, Docker Desktop deploying its distribution), and of runtimes that run only Linux containers
 * even when started from Windows (podman, its machine, buildah; Docker Desktop in its Linux containers mode): a paste about them is about Linux,
 * not Windows containers, even though it comes from Windows.
 */
const LINUX_FROM_WINDOWS = [
  'podman', 'buildah',
  // Rancher Desktop runs Linux containers only (in a WSL 2 distribution on Windows), like podman.
  'rancher desktop', 'rancher-desktop',
  // Docker Desktop said to run in its Linux containers mode: "(Docker Desktop, Linux containers)".
  'linux containers)', 'linux containers mode', 'linux-containers mode', 'linux container mode',
  'wsl --install', 'wsl --update', 'wsl --import', 'wsl --set-version', 'wsl --set-default-version', 'wsl --unregister', 'wsl --shutdown',
  'wsl.exe --install', 'wsl.exe --update', 'wsl.exe --import', 'wsl.exe --unregister', 'wslregisterdistribution', 'wsl/service',
  'deploy distro', 'importing wsl distro', 'wsl integration with distro',
  // WSL 2's refusal to start a distribution ("Please enable the Virtual Machine Platform Windows feature and ensure
  // virtualization is enabled in the BIOS"): the feature WSL 2 and Docker Desktop's Linux back end need, not the
  // Containers feature Windows containers need.
  'virtual machine platform',
  // Docker Desktop on its WSL 2 back end runs Linux containers unless the paste shows Windows ones (their images, HCS, HNS).
  'wsl 2', 'wsl2',
  // Docker Desktop on a Mac (its Linux VM), which "docker desktop" alone would keep in scope.
  'docker desktop for mac', 'apple silicon', 'macos', 'darwin',
  // The warning of containers/common's libimage (podman, buildah, CRI-O: runtimes of Linux containers only) when an
  // image's platform is not the one expected: "image platform (%s) does not match the expected platform (%s)"
  // (libimage/image.go, f437c58aab). Docker words its own check otherwise ("The requested image's platform …").
  'does not match the expected platform',
];

/**
 * The marks of WINDOWS_SIGNALS that say only Windows (a path, a shell, an edition, WSL, Docker Desktop),
 * not Windows containers: every other mark (their runtime, images, networks, nodes) keeps a paste in
 * scope even beside WSL's marks.
 */
const WINDOWS_ONLY = new Set([
  'c:\\', 'c:/', 'ps c:', 'windows server', 'windows 10', 'windows 11', 'win32', 'hresult', 'powershell', 'hyper-v', 'hyperv',
  'docker for windows', 'docker desktop', 'wsl', 'programdata', '1809', 'kernel32', 'netsh', '\\pipe\\', '//./pipe/', 'format-volume',
]);

/**
 * The marks of WINDOWS_SIGNALS that WSL's own networking shows too: WSL 2's virtual network is an HNS network
 * (wsl.exe prints HNS's codes, its troubleshooting steps delete HNS endpoints), so beside WSL's marks they do not
 * say Windows containers.
 */
const SHARED_WITH_WSL = new Set(['hns', 'hnscall']);

/**
 * Marks of a Linux container runtime at work (runc and its kin, their cgroups and overlay layers, a Linux exec
 * refusing a binary): the container that failed is a Linux one. Beside marks that say only Windows
 * (WINDOWS_ONLY: a PowerShell prompt, a C:\ path, Docker Desktop) they still decide: Docker Desktop runs Linux
 * containers from a Windows shell, and "exec: \"powershell\": executable file not found" is runc's, about a
 * Linux image.
 */
const LINUX_RUNTIME = [
  'container_linux.go', 'runc', 'crun', 'runsc', 'containerd-shim-runc-v2', 'oci runtime exec failed', 'cgroup', 'cgroups', 'overlay2',
  'overlayfs', '/sys/fs/cgroup', '/proc/self', 'exec format error',
];

// The patterns below that are functions are made on first use: V8 parses a regex literal when its module loads, and a
// bare code asks none of these and a failure line few (together about 0.6 million instructions of each start).
let unixPromptPattern: RegExp | undefined;
/**
 * A Unix shell's prompt (`simon@k8s-1:~$ `, `root@e351e345bdf9:/app# `): user, host, a path from `~` or
 * `/`, then `$` or `#`. Windows shells prompt `PS C:\>` or `C:\>`; Git Bash puts its path on a line of its
 * own and `$` on the next, so this form is a Linux (or Mac) shell's, WSL's included.
 */
const UNIX_PROMPT = (): RegExp => (unixPromptPattern ??= /(?:^|\n)[ \t]*([a-z_][\w.-]{0,31}@[\w.-]{1,63}:[~/][^\s$#]{0,200}[$#])(?=[ \t]|$)/im);

/**
 * Words that only a paste about containers has, in any of the languages pastes come in: the engine,
 * its runtimes and tools, images, clusters and their parts, container networks, the Windows builds a
 * compatibility question names, and the marks of their output (`Error response from daemon`, a build
 * step, a compose service's prefix, a container's prompt). `registry` is left out: Windows has one of its own.
 */
const CONTAINER_WORDS: readonly RegExp[] = [
  /\b(?:docker[\w.-]{0,20}|dockerd|dockerfile|daemon|containers?|containerd|moby|compose|swarm|images?|kube[\w-]{0,20}|k8s|aks|eks|gke|pods?)\b/i,
  /\b(?:hns[\w-]{0,20}|hcs[\w:-]{0,20}|hcn[\w-]{0,20}|vmcompute|nano ?server|server ?core|windowsservercore|mcr\.microsoft\.com|ltsc\d{4}|10\.0\.\d{5}|isolation|lcow)\b/i,
  /\b(?:[\w-]{0,10}containerhelper|new-(?:bc|nav)container|[\w-]{0,20}smbglobalmapping|gmsa|credential ?spec|buildkit|buildx|podman|nerdctl|crictl|ctr|manifest|acr|ecr|gcr)\b/i,
  /\b(?:vethernet|flannel|calico|antrea|cni|nat|winnat|overlay|l2bridge|l2tunnel|transparent|vswitch|virtual switch)\b/i,
  // Kubernetes components' own refusal of a feature gate (k8s.io/component-base/featuregate: "cannot set feature gate %v
  // to %v, feature is locked to %v", "unrecognized feature gate: %s"): kube-proxy's or the kubelet's
  // klog lines ("run.go:74] \"command failed\" err=…") often name nothing else of the cluster.
  /\b(?:cannot set feature gate|unrecognized feature gate)\b/i,
  /container|conteneur|contenedor|contêiner|contenitore|behållare/i,
  /컨테이너|容器|コンテナ/,
  /^[ \t]*step \d{1,4}\/\d{1,4} :|---> running in|^[ \t]*\[[0-9a-f]{12}\]:|^[ \t]*#\d{1,4} \[(?:internal|(?:[\w.-]{1,40} )?\d{1,3}\/\d{1,3})\] |\bfailed to solve(?: with frontend [\w.]{1,40})?: /im,
  // docker compose's log lines, each a container's output after its name and number ("web_1    | ", v2 "web-1  | "),
  // and its note that one ended ("site_web_1 exited with code 2").
  /^[ \t]{0,8}[\w.-]{1,60}[-_]\d{1,3}[ \t]{1,40}\| |^[ \t]{0,8}[\w.-]{1,60}[-_]\d{1,3} exited with code -?\d{1,10}\b/m,
];
/**
 * Whether a paste names anything of containers (`CONTAINER_WORDS`). Several patterns rather than one alternation: V8
 * compiles a pattern on its first use, in time that grows faster than the pattern (the same words as one pattern of
 * 718 characters took 9 ms of a cold start; as these, under 1 ms). The commonest word is asked alone first: a paste that
 * says "docker" (the first pattern matches it there too) needs none of them, and the first one's bounded repeats
 * (`docker[\w.-]{0,20}`) cost a line's cold start a sixth of a millisecond to compile.
 */
const SAYS_DOCKER = /\bdocker\b/i;
const namesContainers = (text: string): boolean => SAYS_DOCKER.test(text) || CONTAINER_WORDS.some((re) => re.test(text));

/**
 * A line only a program writes: a shell's prompt (`PS C:\\>`, `C:\\app>`, `$ `), a PowerShell error record's
 * position and category lines and its first line (`Install-WindowsFeature : A prerequisite check …`), a frame of
 * a script's stack as PowerShell prints it (`at <ScriptBlock>, C:\\Run\\start.ps1: line 316`) and its
 * `Exception calling "DownloadFile" with "2" argument(s): ` (a .NET method's error, whatever its words), a log
 * line's time or level, a line of JSON, a socket's address with its port or Go's network error (`listen tcp …`). English messages read as
 * sentences ("The operation was canceled by the user."), so a paste with any such line is output, not a
 * person's words, however many function words it has. A line may open with the backticks or quotes it
 * is quoted in; a JSON object's key anywhere in a line, or a line that is a JSON key and its value, is output too.
 * Four patterns rather than one, for the reason given at `namesContainers`.
 */
const OUTPUT_LINE: readonly RegExp[] = [
  /\{"\w{1,40}":|\b(?:listen|dial) (?:tcp|udp)[46]? |\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}:\d{1,5}\b|\bException calling "[\w.]{1,80}" with "\d{1,2}" argument\(s\): /,
  /^[ \t]*"[\w.-]{1,60}"[ \t]*:[ \t]*(?:[{["\d-]|true|false|null)/,
  /^[ \t]*[`'"]{0,3}(?:PS [A-Za-z]:\\[^>\n]{0,200}>|[A-Za-z]:\\[^>\n]{0,200}>|[$#] |At line:\d|At [A-Za-z]:\\|\+ (?:CategoryInfo|FullyQualifiedErrorId)\b|\+ ~|at (?:<ScriptBlock>|[\w-]{1,80}), (?:[A-Za-z]:\\|<No file>))/,
  /^[ \t]*[`'"]{0,3}(?:\d{4}-\d\d-\d\d[T ]\d|[IWEF]\d{4} \d|time="|level=|[{}[\]]|(?:> ?)?[A-Z][a-z]{1,20}-[A-Z][A-Za-z]{1,60} : [A-Z])/,
];
const isOutputLine = (line: string): boolean => OUTPUT_LINE.some((re) => re.test(line));

/**
 * Words that carry a sentence (articles, pronouns, auxiliaries, prepositions) in English and the other
 * languages of Latin script pastes come in (German, French, Spanish, Portuguese, Swedish): a person
 * writing, not a program.
 */
const FUNCTION_WORDS = new Set(
  [
    'the a an of to is are was were be been i we my our it its this that when with for on in at and or but not no do does did have has had can could would should will there they them their me you your if as by from so after before since what which who how why then than',
    'der die das und ist nicht ich wir mit für auf ein eine einen dem den des zu von bei wenn wird werden hat haben kann auch aber oder es sie',
    'le la les et est pas je nous avec pour sur un une des du de que qui dans ce cette il elle ne mais ou',
    'el los las y es no yo con para por una del que en se lo pero o',
    'o os as e é não eu nós com um uma do da dos das em que se mas ou',
    'och är inte jag vi med för på en ett att som när det den har kan men eller',
  ]
    .join(' ')
    .split(' '),
);

/**
 * pywin32's error, as Python prints it (`pywintypes.error: (5, 'OpenProcess', 'Access is denied.')`) or as a library logs
 * only its tuple (`(1783, 'CredWrite', 'The stub received bad data')`): the code, the Win32 function that failed and its
 * message. A Windows message in it is a Python program's (a keyring, a tool's own API calls).
 */
export const PYWIN32_ERROR = /\bpywintypes\.error\b|\(-?\d{1,10}, '[A-Z][A-Za-z]{1,60}', '[^'\n]{1,300}'\)/;

/**
 * Output that only a program that is no container tool prints, by the program: a Windows error in Python's
 * own form (`OSError: [WinError 1455] …`) or pywin32's (`PYWIN32_ERROR`), a Python traceback or package path, a .NET stack, git, npm, the MSVC
 * linker or MSBuild, Rust's and Node.js's I/O errors, a Java stack. A Windows message
 * quoted in such output came from that program, so a paste that is this and nothing of containers
 * (`CONTAINER_WORDS`, an HCS or HNS code) is about that program, however much the message reads like a topic's.
 */
const OTHER_PROGRAMS: [program: string, hints: readonly string[], mark: RegExp][] = [
  // Each mark with texts of which a match contains one (lower case): a paste without any is not that program's,
  // and its pattern is not compiled (each costs a tenth of a millisecond of a start).
  ['Python', ['[winerror', 'traceback', 'site-packages'], /\[WinError -?\d{1,10}\]|^[ \t]*Traceback \(most recent call last\):|\bsite-packages[\\/]/m],
  ['Python', ['pywintypes', "', '"], PYWIN32_ERROR],
  ['.NET', ['at system.', 'unhandled exception'], /^[ \t]+at System\.[\w.`]{1,200}\(|\bUnhandled exception\. System\./m],
  ['git', ['credential', 'fatal: '], /\bgit(?:\.exe)? credential\b|^fatal: /m],
  ['npm', ['npm '], /^npm (?:ERR!|error) /m],
  ['MSVC', ['lnk', 'msb', 'error c'], /\b(?:LNK|MSB)\d{4}\b|\berror (?:C|CS)\d{4}:/],
  // An I/O error as Rust's Debug prints it, and as Node.js prints its error object.
  ['Rust', ['os { code: '], /\bOs \{ code: -?\d{1,10}, kind: \w{1,40}, message: "/],
  ['Node.js', ['errno: '], /\berrno: -?\d{1,6},[ \t\n]{0,20}(?:code: '[A-Z]{1,20}',[ \t\n]{0,20})?syscall: '/],
  // A Java stack frame, with its module since Java 9 (`at java.base/java.io.File.open(…)`).
  ['Java', ['exception in thread "', 'at java', 'at javax', 'at sun', 'at jdk'], /^Exception in thread "|^[ \t]+at (?:java|javax|sun|jdk)\.[\w$./]{1,200}\(/m],
];

/** The program (`OTHER_PROGRAMS`) whose output a paste is, when it shows nothing of containers; else undefined. */
export function otherProgramOf(text: string, containerCode = false): string | undefined {
  if (containerCode) return undefined;
  const lower = text.toLowerCase();
  const program = OTHER_PROGRAMS.find(([, hints, mark]) => hints.some((h) => lower.includes(h)) && mark.test(text))?.[0];
  return program && !namesContainers(text) ? program : undefined;
}

/**
 * Whether a paste is a person's own words in a language of Latin script (at least 20 words, a fifth of
 * them function words) that name nothing of containers (`CONTAINER_WORDS`) and quote no code of the container stack
 * (`containerCode`: an HCS or HNS code, however it is spelled). Machine output is not (it has few function
 * words), nor are other languages' words, which this does not weigh.
 */
export function isUnrelatedProse(text: string, containerCode = false): boolean {
  // Twenty words take more than 80 characters: a shorter paste is not weighed (nor are its patterns compiled).
  if (containerCode || text.length < 80) return false;
  // Each line once: a line said again and again is a program's (a log, a retry loop), and a person's words are not
  // counted twice ("Element not found" pasted eight times read as a sentence of 24 words about another program).
  const lines = text.split('\n');
  const once = new Set(lines.map((l) => l.trim())).size < lines.length ? [...new Set(lines.map((l) => l.trim()))].join('\n') : text;
  if (once.length < 80) return false;
  // Words are runs of letters between other characters: an ID's letters ("8be2f66ffc…") are no words.
  const words = (once.toLowerCase().match(/[0-9a-zà-öø-ÿ'’]{1,60}/g) ?? []).filter((w) => /^[a-zà-öø-ÿ'’]+$/.test(w));
  if (words.length < 20 || /[^\u0000-\u024f\s]/u.test(text.replace(/[\u2000-\u206f]/g, ''))) return false;
  // The cheapest test first, and the words of containers before the lines of output: most pastes about containers
  // name them, and the patterns of either cost a fraction of a millisecond to compile at start.
  const share = words.filter((w) => FUNCTION_WORDS.has(w)).length / words.length;
  // A CI runner's last line ("Process completed with exit code 1") is output too: its words are no person's.
  return share >= 0.2 && !namesContainers(text) && !text.split('\n').some((l) => isOutputLine(l) || isWrapperFailure(l));
}

/**
 * Reads the scope of a flattened, lower-case paste (as `flattenForMatching` gives it); `lines`, the paste's
 * lines before flattening, for what only lines show (a shell's prompt, a person's sentences); `containerCode`,
 * whether the paste has a code of HCS or HNS (the container stack's own facilities).
 */
export function readScope(flat: string, lines = '', containerCode = false): Scope {
  const windows = WINDOWS_SIGNALS.filter((s) => hasPhrase(flat, s));
  const containersOfWindows = windows.some((s) => !WINDOWS_ONLY.has(s) && !SHARED_WITH_WSL.has(s));
  const wsl = containersOfWindows ? [] : LINUX_FROM_WINDOWS.filter((s) => hasPhrase(flat, s));
  // WSL and podman run Linux: their own failures are out of scope like a Linux host's, unless the paste shows Windows containers too.
  if (wsl.length) return { kind: 'linux', signals: wsl.slice(0, 3) };
  // So does a Linux runtime started from Windows (Docker Desktop's Linux containers), unless the paste shows Windows ones.
  const runtime = containersOfWindows || !windows.length ? [] : LINUX_RUNTIME.filter((s) => hasPhrase(flat, s));
  if (runtime.length) return { kind: 'linux', signals: runtime.slice(0, 3) };
  const program = otherProgramOf(lines, containerCode);
  if (program) return { kind: 'unrelated', signals: [], program };
  if (isUnrelatedProse(lines, containerCode)) return { kind: 'unrelated', signals: [] };
  if (windows.length) return { kind: 'windows', signals: windows.slice(0, 3), containers: containerCode || windows.some((s) => !WINDOWS_ONLY.has(s)) };
  const linux = LINUX_SIGNALS.filter((s) => hasPhrase(flat, s));
  // Every prompt has its `@`: a paste without one never compiles the pattern (a tenth of a millisecond of a cold start).
  const prompt = lines.includes('@') ? UNIX_PROMPT().exec(lines)?.[1] : undefined;
  if (prompt) linux.push(prompt.toLowerCase());
  if (linux.length) return { kind: 'linux', signals: linux.slice(0, 3) };
  return { kind: 'unknown', signals: [] };
}
