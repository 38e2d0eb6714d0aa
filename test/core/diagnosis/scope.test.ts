// Out of scope is an answer: a paste from a Linux host or runtime says so, in --json (`scope`) and in
// words, instead of matching a Windows topic; any mark of Windows keeps a paste in scope.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { isUnrelatedProse, otherProgramOf, readScope } from '../../../src/core/diagnosis/scope.js';
import { loadKnowledgeBase } from '../../../src/platform/knowledge-fs.js';
import { runCli } from '../../helpers/cli-io.js';

const kb = loadKnowledgeBase();

describe('readScope', () => {
  it.each([
    ['docker: Error response from daemon: OCI runtime create failed: container_linux.go:349: starting container process caused: process_linux.go:449', 'linux'],
    ['Error: crun: creating cgroup directory `/sys/fs/cgroup/systemd/libpod_parent`: No such file or directory: OCI runtime attempted to invoke a command that was not found', 'linux'],
    ['failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process', 'linux'],
    ['Error response from daemon: failed to create endpoint on network nat: hnsCall failed in Win32 (0x6be)', 'windows'],
    // Windows wins: a Windows paste that mentions a Linux word stays in scope.
    ['docker run --isolation=hyperv mcr.microsoft.com/windows/servercore:ltsc2019 fails; on my Linux box runc works', 'windows'],
    // A Linux host's own configuration: its boot loader and kernel settings.
    ['after setting ipv6.disable=1 in GRUB and a reboot the container no longer starts', 'linux'],
    ['sysctl net.ipv4.ip_forward=0 and now published ports stop answering', 'linux'],
    ['image operating system "linux" cannot be used on this platform', 'unknown'],
    ['connection refused', 'unknown'],
    // A distribution written as a host's release, and the Linux CNI folders, are a host's marks; an image tag is not.
    ['After kubeadm init on Ubuntu 20.04 the node stays NotReady: cni plugin not initialized', 'linux'],
    ['containerd logs no network config found in /etc/cni/net.d', 'linux'],
    ['failed to register layer: no space left on device', 'linux'],
    ['hcsshim::ImportLayer failed in Win32: There is not enough space on the disk. (0x70)', 'windows'],
    ['docker run ubuntu:22.04 fails: image operating system "linux" cannot be used on this platform', 'unknown'],
    ['kubelet on my Windows node reads c:\\etc\\cni\\net.d and /etc/cni/net.d', 'windows'],
    // Windows in a cluster's words: a named pipe, an SMB global mapping, the kubelet's folders with backslashes, the nodes' platform.
    ['transport: Error while dialing open \\\\.\\pipe\\csi-proxy-filesystem-v1: The system cannot find the file specified.', 'windows'],
    ['NewSmbGlobalMapping failed. output: "New-SmbGlobalMapping : The network path was not found."', 'windows'],
    ['Could not mount target \\var\\lib\\kubelet\\plugins\\kubernetes.io\\csi\\pv\\data\\globalmount', 'windows'],
    ['How do I keep these pods on the Windows nodes of the pool?', 'windows'],
    // containerd's Windows runtime and its shim, and PowerShell's Format-Volume formatting a node's disk.
    ['failed to start shim: failed to resolve runtime path: runtime "io.containerd.runhcs.v1" binary not installed "containerd-shim-runhcs-v1.exe": file does not exist', 'windows'],
    ['MountVolume.MountDevice failed: diskMount: format disk failed, error: exit status 1, output: "Format-Volume : Cannot validate argument on parameter \'FileSystem\'."', 'windows'],
    // A Linux node's folders, modules and bridges; CNI's pod interface eth0 is on Windows nodes too.
    ['kubeadm join fails: [ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: run modprobe br_netfilter', 'linux'],
    ['the node has cni0 and flannel.1 but pods get no address', 'linux'],
    ['failed to load kubelet config file /var/lib/kubelet/config.yaml', 'linux'],
    ['calico: Trying to set up the pod interface eth0 on the node', 'unknown'],
    ['kubelet: failed to read c:/var/lib/kubelet/config.yaml', 'windows'],
    // WSL's own machinery runs Linux: out of scope, though it comes from Windows …
    ['PS C:\\Users\\me> wsl --install -d Ubuntu\nWslRegisterDistribution failed with error: 0x80370102', 'linux'],
    ['Error code: Wsl/Service/CreateInstance/0x80040326 when starting the distribution on Windows 11', 'linux'],
    ['Please enable the Virtual Machine Platform Windows feature and ensure virtualization is enabled in the BIOS.', 'linux'],
    ['System.InvalidOperationException: Failed to deploy distro docker-desktop to C:\\Users\\me\\AppData\\Local\\Docker\\wsl\\distro', 'linux'],
    ['C:\\Users\\me> podman machine start\nError: machine did not transition into running state', 'linux'],
    // containers/common's warning (podman, buildah, CRI-O) of an image of another platform; Docker's own is worded otherwise,
    // and a Windows image on a Linux engine is about Windows containers (windows-image-on-linux-engine).
    ['WARNING: image platform (linux/386) does not match the expected platform (linux/amd64)', 'linux'],
    ['WARNING: image platform ({amd64 linux  [] }) does not match the expected platform ({arm64 linux  [] })', 'linux'],
    ["WARNING: The requested image's platform (windows/amd64) does not match the detected host platform (linux/amd64) and no specific platform was requested", 'unknown'],
    ['With Docker Desktop 4.1 (Linux containers) on Windows 10 every docker build stops with failed to solve', 'linux'],
    ['Docker Desktop in Linux containers mode: the nginx container exits at once', 'linux'],
    // A Windows image refused by the Linux engine, or switching the Desktop between its modes, is about Windows containers.
    ['docker pull: image operating system "windows" cannot be used on this platform (Docker Desktop, Linux containers)', 'windows'],
    ['On Windows 10 I switch the Docker Desktop menu from Windows containers to Linux containers and it hangs', 'windows'],
    // Docker Desktop on its WSL 2 back end runs Linux containers: a pull refused by a proxy there is the Linux engine's …
    ['Docker Desktop 4.12 (Windows 10 21H2, WSL 2) cannot pull: Error response from daemon: Get "https://registry-1.docker.io/v2/": Proxy Authentication Required', 'linux'],
    // … but Docker Desktop on its WSL 2 backend, switching to Windows containers, is Windows; so is a paste that shows Windows containers beside WSL.
    ["Docker Desktop 4.15 on the WSL 2 backend: 'Switch to Windows containers' does nothing", 'windows'],
    ['After wsl --update, docker run mcr.microsoft.com/windows/nanoserver:ltsc2022 fails with hcsshim::CreateComputeSystem', 'windows'],
    // A PowerShell error record's first line ("Verb-Noun : message") is output, however sentence-like its message.
    ['> Install-WindowsFeature : A prerequisite check for the Hyper-V feature failed.\n   Hyper-V cannot be installed: The processor does not have required virtualization capabilities.', 'windows'],
    // WSL 2's network is an HNS network: HNS beside WSL's marks is WSL's own networking, not Windows containers …
    ['WSL2 distributions have no network: I deleted the HNS endpoints and restarted the hns service, then it worked', 'linux'],
    ['wsl 2 fails to start: hnsCall failed in Win32: The object already exists. (0x1392)', 'linux'],
    // … unless the paste shows Windows containers too.
    ['With WSL 2 installed, docker network create -d transparent fails in HNS for my Windows containers', 'windows'],
    // The Windows host's excluded port ranges refuse a port that Docker Desktop publishes for its WSL 2 back end too.
    ['docker compose up on Docker Desktop (WSL2): host port 8085 now lies in a range that netsh interface ipv4 show excludedportrange lists', 'windows'],
    // A kubelet message alone shows no platform; a Linux kubelet's own folder does.
    ['NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized', 'unknown'],
    ['Could not mount target /var/lib/kubelet/pods/x/volumes: permission denied on a node running systemd', 'linux'],
    // The user naming a Linux host, node or VM, or a home folder, which no Windows container has …
    ['Since upgrading Docker Engine from 24 to 25 on a Linux host, names on an internal network no longer resolve', 'linux'],
    ['our EKS worker nodes run Amazon Linux and pods stay Terminating after a rollout', 'linux'],
    ['invalid mount config for type "bind": bind mount source path does not exist: /home/docker/data', 'linux'],
    ['minikube start --driver=docker: the node never becomes Ready, cni plugin not initialized', 'linux'],
    ['Docker Desktop for Mac on Apple silicon: port is already allocated', 'linux'],
    ['kube-proxy in IPVS mode drops connections; conntrack -L shows nothing for the service', 'linux'],
    ['latest: Pulling from library/mysql\nno matching manifest for linux/arm64/v8 in the manifest list entries', 'linux'],
    ['kubeadm.alpha.kubernetes.io/cri-socket: /var/run/dockershim.sock', 'linux'],
    // … but a mixed cluster's Windows nodes keep it in scope, and so does a Windows layer unpacked by a Linux snapshotter.
    ['the Linux nodes are fine, only the Windows nodes lose their pod network after a reboot', 'windows'],
    ['failed to extract layer to overlayfs: link /var/lib/desktop-containerd/daemon/io.containerd.snapshotter.v1.overlayfs/snapshots/5/fs/Files/Program Files/Common Files/x.dll', 'windows'],
    // A Linux runtime at work beside marks that say only Windows (a shell, a path, Docker Desktop): a Linux container
    // started from Windows. Beside a mark of Windows containers the paste stays theirs.
    ['PS C:\\> docker run -it azuresdk/azure-powershell-core\ndocker: Error response from daemon: OCI runtime create failed: container_linux.go:348: starting container process caused "exec: \\"pwsh-preview\\": executable file not found in $PATH": unknown.', 'linux'],
    ['docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "powershell": executable file not found in $PATH: unknown.', 'linux'],
    ['Docker Desktop on Windows 11: exec /usr/local/bin/docker-entrypoint.sh: exec format error', 'linux'],
    ['docker run mcr.microsoft.com/windows/servercore:ltsc2022 on Windows 11: runc is not what starts it, hcsshim is', 'windows'],
    // A Linux tool's container refused by a Windows engine (minikube, kind): the engine's refusal says Windows.
    ['create kic node: create container: docker run -d -t --privileged --security-opt seccomp=unconfined gcr.io/k8s-minikube/kicbase:v0.0.10: exit status 125\ndocker: Error response from daemon: Windows does not support privileged mode.', 'windows'],
    ['minikube start: docker: Error response from daemon: invalid option: privileged mode is not supported for Windows containers', 'windows'],
  ])('%s → %s', (text, kind) => {
    expect(readScope(text.toLowerCase()).kind).toBe(kind);
  });

  // Whether a Windows paste shows Windows containers, or only Windows (a prompt, a path, PowerShell): a code alone in
  // the second is any program's (verdict.ts, codeOnlyOutsideContainers).
  it.each([
    ['PS C:\\> net use K: \\\\share.example.net\\data\nSystem error 1783 has occurred.', false, false],
    ['PS C:\\> net use K: \\\\share.example.net\\data\nSystem error 1783 has occurred.', true, true],
    ['hcnCreateLoadBalancer failed in Win32: The specified port already exists. (0x803b0013)', true, true],
    ['docker run mcr.microsoft.com/windows/nanoserver:ltsc2022 cmd at PS C:\\>', false, true],
  ])('containers: %s (container code %s) → %s', (text, containerCode, containers) => {
    const scope = readScope(text.toLowerCase(), text, containerCode);
    expect(scope.kind).toBe('windows');
    expect(scope.containers).toBe(containers);
  });

  // A Unix shell's prompt (user@host:path$) is a Linux or Mac shell's; Windows prompts PS C:\> or C:\>.
  it.each([
    ['simon@k8s-1:~$ kubectl get nodes\nk8s-2     NotReady   5d        v1.7.0', 'linux'],
    ['root@e351e345bdf9:/app/server# ./start.sh\nError: address already in use', 'linux'],
    ['PS C:\\> docker network ls\nme@example.com: permission denied', 'windows'],
    ['mail me at ops@example.com: the container stops', 'unknown'],
  ])('a prompt: %s → %s', (text, kind) => {
    expect(readScope(text.toLowerCase(), text).kind).toBe(kind);
  });

  it.each([
    // An engine that runs Linux containers says so in `docker version` and `docker info`.
    ['Server: Docker Engine - Community\n Engine:\n  Version: 29.1.0\n  OS/Arch: linux/amd64\n\nnslookup management 127.0.0.11\n** server can\'t find management: SERVFAIL', 'linux'],
    ['Server:\n Containers: 3\n Operating System: Ubuntu 24.10\n OSType: linux\n Architecture: x86_64', 'linux'],
    // … unless the paste shows Windows containers, whose marks win.
    ['Server:\n OS/Arch: linux/amd64\nPS C:\\> docker run mcr.microsoft.com/windows/servercore:ltsc2022', 'windows'],
    // A manifest for linux/amd64 is no engine's own platform: the Linux engine asked for a Windows image is still a Windows-containers paste.
    ['docker: no matching manifest for linux/amd64 in the manifest list entries.', 'unknown'],
  ])('an engine of Linux containers: %s → %s', (text, kind) => {
    expect(readScope(text.toLowerCase(), text).kind).toBe(kind);
  });

  const KEYRING =
    "Using the Windows backend, when I supply a password of a sufficient length, the following error is observed: `win32cred.CredWrite(credential, 0) -> (1783, 'CredWrite', 'The stub received bad data')`.";
  it.each([
    // A person's own words about another program, naming nothing of containers: out of scope, whatever Windows words they use.
    [KEYRING, 'unrelated'],
    ['The discovery module works on most of our Windows 10 domain computers, but on two of them it stops with an unknown WMI error, HRESULT 0x800706be. Any idea what may be wrong or how to debug it?', 'unrelated'],
    // The same words with a container, an image or the engine named are about containers.
    [`${KEYRING} It happens when docker login stores the token.`, 'unknown'],
    ['On two of our hosts the container stops with an unknown error, HRESULT 0x800706be, and we have no idea what may be wrong or how to debug it.', 'windows'],
    ['컨테이너 안에서 실행하면 시스템 오류 1223이 발생하고 사용자 이름이나 암호를 전혀 묻지 않고 바로 끝납니다. 왜 그런지 알려 주실 수 있나요?', 'unknown'],
    // Machine output is no person's words, however long: its message may come from a container that the paste does not name.
    ['System error 1223 has occurred.\n\nThe operation was canceled by the user.\nget-eventlog : Cannot open log Application on machine .. Windows has not provided an error code.\nAt line:1 char:1\n+ get-eventlog -LogName Application -Newest 5', 'unknown'],
    // In another language of Latin script too; an ID's letters are no words, and a line that is a JSON key and its value is output.
    ['Seit dem Update startet unser Programm nicht mehr, und in der Ereignisanzeige steht nur, dass der Dienst nicht gestartet werden kann. Was ist da los?', 'unrelated'],
    ['Seit dem Update startet unser Container nicht mehr, und in der Ereignisanzeige steht nur, dass der Dienst nicht gestartet werden kann. Was ist da los?', 'unknown'],
    ['6. See error...\n\t"State": {\n\t\t"Status": "exited",\n\t\t"Error": "could not find a network matching network mode 8be2f66ffc25391d4076d428cd5eb7f3a5c28aad64d699d52e9ab276e7e15e07: network 8be2f66ffc25391d4076d428 not found",\n\t\t"Running": false', 'unknown'],
    // Short words are too few to say.
    ['Why does net use fail with error 1223 here?', 'unknown'],
    // Output quoted in backticks, or holding JSON, is no person's words; nor is a paste with a code of HCS or HNS.
    ['`VERBOSE: Result : {"Error":"An adapter was not found. ","ErrorCode":2151350278,"Success":false}`\n\nEven removing this criterion I get an error and I do not know why it is happening to me now.', 'unknown'],
  ])('another program: %s → %s', (text, kind) => {
    expect(readScope(text.toLowerCase(), text).kind).toBe(kind);
  });

  it.each([
    ['OSError: [WinError 1455] The paging file is too small for this operation to complete', 'Python'],
    ['Traceback (most recent call last):\n  File "run.py", line 3, in <module>\nPermissionError: denied', 'Python'],
    ['  File "C:\\Python311\\Lib\\site-packages\\keyring\\core.py", line 60', 'Python'],
    ['   at System.IO.FileStream.ValidateHandle(SafeFileHandle handle)', '.NET'],
    ['Unhandled exception. System.UnauthorizedAccessException: Access to the path is denied.', '.NET'],
    ['git.exe credential-manager-core get: the handle is invalid\ngit credential fill failed', 'git'],
    ['fatal: unable to access the remote: SSL certificate problem', 'git'],
    ['npm ERR! code EPERM\nnpm ERR! syscall rename', 'npm'],
    ['npm error code E404', 'npm'],
    ['LINK : fatal error LNK1104: cannot open file', 'MSVC'],
    ['error MSB3073: The command exited with code 1.', 'MSVC'],
    ['main.cpp(3): error C2065: undeclared identifier', 'MSVC'],
    ['Program.cs(3,1): error CS0246: The type or namespace name could not be found', 'MSVC'],
    ['Error: Os { code: 5, kind: PermissionDenied, message: "Access is denied." }', 'Rust'],
    ["Error: EPERM: operation not permitted\n  errno: -4048,\n  code: 'EPERM',\n  syscall: 'open'", 'Node.js'],
    ['Exception in thread "main" java.io.IOException: Access is denied', 'Java'],
    ["pywintypes.error: (5, 'OpenProcess', 'Access is denied.')", 'Python'],
    ["Storing the refresh token failed: (1783, 'CredWrite', 'The stub received bad data')", 'Python'],
    ['\tat java.base/java.io.WinNTFileSystem.createFileExclusively(Native Method)', 'Java'],
  ])('names the program whose output it is (each mark found through the texts looked for first): %s → %s', (text, program) => {
    expect(otherProgramOf(text)).toBe(program);
  });

  it('a code of HCS or HNS keeps a person\'s words about containers, however they are worded', () => {
    const text = 'It worked for years and since last week it fails every single time with the same number, and we have not changed a thing on the machine since then.';
    expect(readScope(text.toLowerCase(), text).kind).toBe('unrelated');
    expect(readScope(text.toLowerCase(), text, true).kind).toBe('unknown');
    expect(diagnose(kb, `${text} The number is 0x803B0006.`).scope?.kind).not.toBe('unrelated');
  });

  it("a Kubernetes component's refusal of a feature gate is about a cluster, though its klog lines name nothing else of it", () => {
    const text = 'run.go:74] "command failed" err="failed complete: cannot set feature gate IPv6DualStack to false, feature is locked to true"';
    expect(readScope(text.toLowerCase(), text).kind).not.toBe('unrelated');
    const removed = 'E0105 10:00:00.000000 4242 server.go:57] unrecognized feature gate: WinOverlay';
    expect(readScope(removed.toLowerCase(), removed).kind).not.toBe('unrelated');
  });

  it("a CI runner's last line is output, not a person's words: it does not make a short Windows message read as prose", () => {
    const message = "'C:\\Program' is not recognized as an internal or external command,\noperable program or batch file.";
    for (const last of ['Error: Process completed with exit code 1.', '##[error]Process completed with exit code 1.']) {
      const text = `${message}\n${last}`;
      expect(isUnrelatedProse(text)).toBe(false);
      expect(readScope(text.toLowerCase(), text).kind).not.toBe('unrelated');
    }
    // A person's sentences stay theirs, with or without the runner's line.
    const sentence = 'It worked for years and since last week it fails every single time with the same number, and we have not changed a thing on the machine since then.';
    expect(isUnrelatedProse(sentence)).toBe(true);
  });

  it("docker compose's log lines are a container's output, however sentence-like the program's message in them (train-side t46-020: IIS's appcmd words read as a person's)", () => {
    const message = "ERROR ( message:Malformed collection indexer; format is [@position,name='value'].  The @position specifier is optional, and be '@start', '@end', or '@N' where N is a numeric index into the collection. )";
    for (const prefix of ['web_1        | ', 'web-1  | ']) expect(isUnrelatedProse(`${prefix}${message}\n${prefix}\n${prefix}Failed to update IIS configuration`)).toBe(false);
    expect(isUnrelatedProse(`${message}\nsite_web_1 exited with code 2147500037`)).toBe(false);
    // The same words without compose's marks read as a person's.
    expect(isUnrelatedProse(message)).toBe(true);
  });

  it("BuildKit's output is about an image build, however sentence-like its message (found by a helper: the line was read as a person's words)", () => {
    const solve = 'ERROR: failed to solve: process "cmd /S /C powershell -Command Install-WindowsFeature Web-Server" did not complete successfully: no support for running in insecure mode on Windows';
    expect(isUnrelatedProse(solve)).toBe(false);
    expect(diagnose(kb, solve).matches[0]?.id).toBe('buildkit-windows-images');
    // A build step's line says the same: "#7 [2/3] RUN …".
    const step = '#7 [2/3] RUN powershell -Command the script that we wrote for this machine would not run and it stopped with an error that we do not understand at all';
    expect(isUnrelatedProse(step)).toBe(false);
    const stage = '#1 [internal] load build definition from Dockerfile and then the step that we have for this machine would not run at all, it just stopped there';
    expect(isUnrelatedProse(stage)).toBe(false);
    expect(isUnrelatedProse(stage.replace('#1 [internal]', '#9 [build 2/5]'))).toBe(false);
    // The same words without BuildKit's marks are a person's, and so are a list's numbers and a task list (a reviewer).
    const words = 'process did not complete successfully: we have no support for running it in insecure mode on the machine, and it is the same on every one of them';
    expect(isUnrelatedProse(words)).toBe(true);
    expect(isUnrelatedProse('I failed to solve the maths homework for the class of this week, and my teacher said that it is due on Monday, so what can I do now?')).toBe(true);
    expect(isUnrelatedProse('#12 [WIP] the settings page of the site does not open for me when I log in, and it was fine before the last release of it')).toBe(true);
    expect(isUnrelatedProse('#1 [x] milk and the bread for the week, and then the things that we need for the party on the Saturday after it')).toBe(true);
  });

  it("a BuildKit step's mark is found on long runs of near-misses", () => {
    const sentence = 'It worked for years and since last week it fails every single time with the same number, and we have not changed a thing on the machine since then.';
    expect(isUnrelatedProse(`${'#1 ['.repeat(100_000)}\n${sentence}`)).toBe(true);
    expect(isUnrelatedProse(`${'#1 [a 1/'.repeat(60_000)}\n${sentence}`)).toBe(true);
    expect(isUnrelatedProse(`${'failed to solve with frontend '.repeat(20_000)}\n${sentence}`)).toBe(true);
    expect(isUnrelatedProse(`${' #12 [0'.repeat(100_000)}\n${sentence}`)).toBe(true);
  }, 10_000);

  it('a line said again and again is output: a Windows message pasted eight times gets the verdict it gets once (found by a tester)', () => {
    // A message of one cause (a message of many, `Element not found`, or alone, is no answer: it is no bare code).
    const once = 'The stub received bad data.';
    const eight = Array.from({ length: 8 }, () => once).join('\n');
    expect(isUnrelatedProse(eight)).toBe(false);
    expect(diagnose(kb, eight).matches.map((m) => m.id)).toEqual(diagnose(kb, once).matches.map((m) => m.id));
    expect(diagnose(kb, eight).matches.length).toBeGreaterThan(0);
    // A person's sentences with a line repeated in them are still theirs.
    const sentence = 'It worked for years and since last week it fails every single time with the same number, and we have not changed a thing on the machine since then.';
    expect(isUnrelatedProse(`${sentence}\n${sentence}\nThanks.\nThanks.`)).toBe(true);
  });

  it.each(['docker run --net=host --rm busybox', 'docker run --network host nginx', 'services:\n  web:\n    network_mode: host'])(
    "a container on the host's network is a Linux engine's (Windows containers have no host network): %s",
    (text) => {
      expect(readScope(text.toLowerCase(), text).kind).toBe('linux');
    },
  );

  it("the Windows engine's refusal of the host network mode keeps the paste in scope, and names the topic", () => {
    const text = 'docker run --rm -it --net=host landoop/fast-data-dev bash\ndocker: Error response from daemon: network host not found.';
    expect(readScope(text.toLowerCase(), text).kind).toBe('windows');
    expect(diagnose(kb, text).matches[0]?.id).toBe('host-network-mode-unsupported');
  });

  // Output of programs that are no container tools, written for this test: the Windows message in each is one a topic knows.
  const PROGRAMS: [string, string][] = [
    ['Python', 'OSError: [WinError 1455] The paging file is too small for this operation to complete'],
    ['Python', '[WinError 5] Access is denied: \'C:\\\\Users\\\\me\\\\AppData\\\\Local\\\\Temp\\\\x\''],
    ['.NET', "Unhandled exception. System.IO.IOException: The process cannot access the file 'C:\\data\\app.db' because it is being used by another process.\n   at System.IO.FileStream.ValidateFileHandle(SafeFileHandle fileHandle)"],
    ['Python', 'Traceback (most recent call last):\n  File "train.py", line 3, in <module>\n    import torch\nPermissionError: [WinError 5] Access is denied'],
    ['git', '> git credential approve\nfatal: Failed to write item to store. [0x6f7]\nfatal: The stub received bad data'],
    ['MSVC', 'LINK : fatal error LNK1171: unable to load mspdbcore.dll (error code: 1455)'],
    ['Rust', 'Error: Os { code: 5, kind: PermissionDenied, message: "Access is denied." }'],
    ['Node.js', "[Error: EPERM: operation not permitted, rename 'C:\\app\\a.tmp' -> 'C:\\app\\a'] {\n  errno: -4048,\n  code: 'EPERM',\n  syscall: 'rename'\n}"],
    ['npm', 'npm ERR! code EPERM\nnpm ERR! Error: EPERM: operation not permitted, open C:\\app\\x'],
    ['Java', 'Exception in thread "main" java.net.BindException: Address already in use: bind\n\tat java.base/sun.nio.ch.Net.bind0(Native Method)'],
    ['Python', "WARNING: saving the login to the credential store failed: (1783, 'CredWrite', 'The stub received bad data')"],
  ];
  it.each(PROGRAMS)('output of another program (%s), with nothing of containers, is unrelated and names it', (program, text) => {
    expect(readScope(text.toLowerCase(), text)).toEqual({ kind: 'unrelated', signals: [], program });
  });
  it.each(PROGRAMS)('the same output beside a container word or an HNS code stays in scope (%s)', (_program, text) => {
    expect(readScope(`docker run app\n${text}`.toLowerCase(), `docker run app\n${text}`).kind).not.toBe('unrelated');
    expect(readScope(text.toLowerCase(), text, true).kind).not.toBe('unrelated');
  });

  it.each([
    ['~/app$ sudo docker-compose up\nStep 1 : FROM microsoft/aspnet\nERROR: unknown blob'],
    ['podman pull mcr.microsoft.com/dotnet/framework/aspnet:4.8\nError: writing blob: unpacking failed'],
    ['docker pull microsoft/iis on the Linux runner'],
  ])("a repository of Windows images only keeps a paste about Windows containers, beside a Linux engine's marks: %s", (text) => {
    expect(readScope(text.toLowerCase(), text).kind).toBe('windows');
  });

  it("Git Bash's rewritten path keeps a Linux runtime's refusal in scope: the Windows client's shell caused it", () => {
    const exec = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "C:/Program Files/Git/usr/bin/bash": stat C:/Program Files/Git/usr/bin/bash: no such file or directory: unknown';
    expect(readScope(exec.toLowerCase()).kind).toBe('windows');
    expect(diagnose(kb, exec).matches[0]?.id).toBe('git-bash-path-conversion');
    // The same refusal of another program stays a Linux runtime's.
    expect(readScope(exec.replaceAll('C:/Program Files/Git/usr/bin/bash', 'C:/tools/bash').toLowerCase()).kind).toBe('linux');
  });
  it('a repository name that only starts like a Windows-only one is no Windows signal', () => {
    const text = 'ubuntu@build:~/app$ docker pull microsoft/aspnetcore:2.0';
    expect(readScope(text.toLowerCase(), text).kind).toBe('linux');
  });

  it('signals match whole words ("runc" is not in "runcmd")', () => {
    expect(readScope('runcmd failed').kind).toBe('unknown');
  });
});

describe('diagnose and the CLI', () => {
  const LINUX = 'docker: Error response from daemon: OCI runtime create failed: container_linux.go:349: starting container process caused "process_linux.go:297: applying cgroup configuration for process caused \\"mountpoint for cgroup not found\\"": unknown.';

  it('a Linux paste gets no Windows topic, and its scope', () => {
    const r = diagnose(kb, LINUX);
    expect(r.matches).toEqual([]);
    expect(r.scope).toEqual({ kind: 'linux', signals: expect.arrayContaining(['container_linux.go']) });
  });

  it('words about another program get no topic, and say why in words and in --json', async () => {
    const text = 'Git Credential Manager only uses the Windows Credential Manager on Windows, which has two limits: it cannot persist credentials from network logon sessions such as SSH, and a credential can hold at most 2560 bytes. Please add another store for these cases.';
    expect(diagnose(kb, text)).toMatchObject({ matches: [], scope: { kind: 'unrelated' } });
    const out = await runCli(['diagnose', text]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/names no container, image, engine or cluster/);
    expect(JSON.parse((await runCli(['diagnose', '--json', text])).stdout).scope.kind).toBe('unrelated');
  });

  it("another program's output gets no topic, and the answer names the program", async () => {
    const text = 'OSError: [WinError 1455] The paging file is too small for this operation to complete';
    expect(diagnose(kb, text)).toMatchObject({ matches: [], scope: { kind: 'unrelated', program: 'Python' } });
    const out = await runCli(['diagnose', text]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/output of another program \(Python\)/);
    expect(JSON.parse((await runCli(['diagnose', '--json', text])).stdout).scope).toEqual({ kind: 'unrelated', signals: [], program: 'Python' });
    // In a container it is the container's failure: the topic answers.
    expect(diagnose(kb, `docker run --rm -m 2g trainer:1.0\n${text}`).matches[0]?.id).toBe('container-paging-file-too-small');
  });

  it('diagnose says so in words (exit 1) and in --json', async () => {
    const text = await runCli(['diagnose', LINUX]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/Linux host or runtime \(container_linux\.go.*Windows containers only/);
    const json = await runCli(['diagnose', '--json', LINUX]);
    expect(JSON.parse(json.stdout).scope.kind).toBe('linux');
  });
});

describe('readScope on adversarial input', () => {
  it('answers on long runs of near-misses of its signals', () => {
    expect(readScope('runc'.repeat(100_000)).kind).toBe('unknown');
    expect(readScope(`${' '.repeat(500_000)}cgroup`).kind).toBe('linux');
    expect(readScope(`${'c:'.repeat(200_000)}\\`).kind).toBe('windows');
  }, 10_000);

  it("names another program on long runs of near-misses of its marks, control characters and separators", () => {
    expect(otherProgramOf('  at System'.repeat(100_000))).toBeUndefined();
    expect(otherProgramOf(`errno: 1,${' \t\n'.repeat(200_000)}syscall: '`)).toBeUndefined();
    expect(otherProgramOf(`Os { code: 5, kind: ${'x'.repeat(200_000)}, message: "`)).toBeUndefined();
    expect(otherProgramOf(`${'\u0000\t'.repeat(200_000)}npm ERR! x`)).toBeUndefined();
    expect(otherProgramOf(`${'[WinError '.repeat(100_000)}1]`)).toBe('Python');
    expect(otherProgramOf(`${'LNK '.repeat(200_000)}LNK1171`)).toBe('MSVC');
    expect(otherProgramOf(`${"(1, 'A', '".repeat(100_000)}x`)).toBeUndefined();
    expect(otherProgramOf(`(5, 'CreateFile', '${'x'.repeat(200_000)}')`)).toBeUndefined();
  }, 10_000);

  it("reads pywin32's error as Python's only where the paste names nothing of containers", () => {
    // docker-compose 1.x is a Python program: its pywin32 error when the engine's pipe is missing is about the engine.
    const compose = "Traceback (most recent call last):\n  File \"docker-compose\", line 3, in <module>\npywintypes.error: (2, 'CreateFile', 'The system cannot find the file specified.')";
    expect(otherProgramOf(compose)).toBeUndefined();
    expect(otherProgramOf("pywintypes.error: (2, 'CreateFile', 'The system cannot find the file specified.')")).toBe('Python');
    // A tuple of other things (a number, a lower-case word) is no Win32 call's.
    expect(otherProgramOf("(3, 'three', 'a count')")).toBeUndefined();
  });

  it("tells a PowerShell record's first line from a person's words on long runs of blanks, near-misses and control characters", () => {
    const sentence = 'the job stopped because the machine did not have what it needed, and we tried it again on another one with the same settings but it did not help at all';
    expect(isUnrelatedProse(sentence)).toBe(true);
    expect(isUnrelatedProse(`${' '.repeat(200_000)}Install-WindowsFeature : A prerequisite check failed\n${sentence}`)).toBe(false);
    expect(isUnrelatedProse(`${'Install-WindowsFeature :'.repeat(50_000)}\n${sentence}`)).toBe(false);
    // No capital after " : ": a person's words, however many prompts and tabs come first.
    expect(isUnrelatedProse(`${'>\t'.repeat(200_000)}Get-Item : x\n${sentence}`)).toBe(true);
    expect(isUnrelatedProse(`${'\u0000\u001b'.repeat(200_000)}\n${sentence}`)).toBe(true);
  }, 10_000);

  it("reads a socket's address or Go's network error as output, however sentence-like the message around it", () => {
    const refusal = '(HTTP code 500) server error - Ports are not available: exposing port TCP 0.0.0.0:1337 -> 0.0.0.0:0: listen tcp 0.0.0.0:1337: bind: An attempt was made to access a socket in a way forbidden by its access permissions.';
    expect(isUnrelatedProse(refusal)).toBe(false);
    expect(isUnrelatedProse('the service could not dial tcp to the other machine because it was not up and we were told that it would be back in an hour or so')).toBe(false);
    // On long runs of near-misses: addresses without a port, digits and dots run together, a colon with no port.
    const sentence = 'the job stopped because the machine did not have what it needed, and we tried it again on another one with the same settings but it did not help at all';
    expect(isUnrelatedProse(`${'1.2.3.4 '.repeat(50_000)}\n${sentence}`)).toBe(true);
    expect(isUnrelatedProse(`${'0.0.0.0'.repeat(50_000)}:\n${sentence}`)).toBe(true);
  }, 10_000);

  it("reads a PowerShell script's stack and a .NET method's error as output, however sentence-like their words", () => {
    // A container's start script failing a download (the shape of BcContainerHelper's transcripts): no person's words.
    const transcript = [
      'Exception calling "DownloadFile" with "2" argument(s): "The remote name could not be resolved: \'artifacts.example.net\'"',
      'at InstallPrerequisite, C:\\Run\\HelperFunctions.ps1: line 614',
      'at <ScriptBlock>, C:\\Run\\navinstall.ps1: line 30',
      'at <ScriptBlock>, <No file>: line 1',
    ].join('\n');
    expect(isUnrelatedProse(transcript)).toBe(false);
    for (const line of transcript.split('\n').slice(1)) expect(isUnrelatedProse(`${line}\nthe job stopped because the machine did not have what it needed, and we tried it again on another one with the same settings`), line).toBe(false);
    // The same words in a person's sentence are theirs.
    expect(isUnrelatedProse('at the end of the day the script on the machine that we use for the backups was calling the method with two arguments and it failed')).toBe(true);
    expect(isUnrelatedProse(`${'at <ScriptBlock>'.repeat(20_000)}\nthe job stopped because the machine did not have what it needed, and we tried it again on another one`)).toBe(true);
  }, 10_000);

  it("reads HNS beside WSL's marks as WSL's own, however many times HNS is named", () => {
    expect(readScope(`wsl2 ${'hns '.repeat(100_000)}`).kind).toBe('linux');
    expect(readScope(`wsl2 ${'hns '.repeat(100_000)}windows containers`).kind).toBe('windows');
  }, 10_000);

  it('answers a paste of nothing but event header fields, blank descriptions and separators', () => {
    expect(diagnose(kb, 'Level:   Error\n'.repeat(100_000)).matches).toEqual([]);
    expect(diagnose(kb, `Source:${' \t'.repeat(200_000)}x\nDescription:\n`.repeat(3)).matches).toEqual([]);
  }, 10_000);
});

describe("GitHub's bug report template", () => {
  it('its step "See error" points at the error and is none: a kubectl table under the template keeps its answer', async () => {
    const { failureText } = await import('../../../src/core/diagnosis/reasons.js');
    expect(failureText('**To Reproduce**\n1. Run the container\n2. See error\n\nNAME   STATUS     ROLES\nwin1   NotReady   <none>')).toBe('');
    expect(failureText('4. See error\nError response from daemon: hcsshim::CreateComputeSystem failed')).toContain('hcsshim::CreateComputeSystem failed');
  });
});
