// Near misses: pastes about another failure that share a topic's words, message or setting. Each row
// is a paste written for this test in the shape such pastes have (not a line of the evaluation corpus)
// and the topic it must not get; where the topic's own failure reads almost the same, a second paste
// shows it still gets it. What decides is what the paste is about: the component that spoke, the
// failing operation, a sign of the topic's own cause — never a particular line.
import { describe, expect, it } from 'vitest';
import { diagnose, diagnosisIndexOf } from '../../../src/core/diagnosis/diagnose.js';
import { readFeatures } from '../../../src/core/diagnosis/features.js';
import { WEIGHTS } from '../../../src/core/diagnosis/weights.js';
import { realKnowledgeBase } from '../../helpers/real-kb.js';

const { kb } = realKnowledgeBase();
const ids = (text: string) => diagnose(kb, text).matches.map((m) => m.id);

interface Row {
  why: string;
  /** About something else: must not get `topic`. */
  other: string;
  topic: string;
  /** The topic's own failure, worded closely: must get `topic` first. */
  own?: string;
}

const ROWS: Row[] = [
  {
    why: "a debugger's exit status restated in hex (126, 0x7E) is no DLL a program in the image failed to load",
    other: 'Starting: "docker" exec -i 4f1c2d7e9a0b C:\\remote_debugger\\vsdbg.exe --interpreter=mi\n"docker" exited with code 126 (0x7E).',
    topic: 'container-program-dll-missing',
    own: 'PS C:\\> docker run --rm contoso/report:1.2-nanoserver-ltsc2022\nUnhandled exception. System.DllNotFoundException: Die DLL "gdiplus.dll" kann nicht geladen werden: Das angegebene Modul wurde nicht gefunden.',
  },
  {
    why: "a service the service control manager does not know (1060) is any service: WSL's HNS code alone names no missing Containers feature",
    other: 'Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80070424',
    topic: 'containers-feature-not-installed',
    own: 'PS C:\\> dockerd\nError starting daemon: a required service is not installed, ensure the Containers feature is installed: failed to open service vmcompute: Der angegebene Dienst ist nicht als installierter Dienst vorhanden.',
  },
  {
    why: "a named pipe refused as a mount source by an engine too old to map pipes is no file to move into a folder",
    other:
      "PS C:\\> docker run -d -v \\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine contoso/agent:1.4\ndocker: Error response from daemon: Invalid volume spec \"\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine\": file '\\\\.\\pipe\\docker_engine' cannot be mapped. Only directories can be mapped on this platform.",
    topic: 'bind-mount-single-file',
    own: "PS C:\\> docker run -d -v C:\\conf\\web.config:C:\\inetpub\\wwwroot\\web.config contoso/site:1.4\ndocker: Error response from daemon: Invalid volume spec \"C:\\\\conf\\\\web.config:C:\\\\inetpub\\\\wwwroot\\\\web.config\": file 'C:\\conf\\web.config' cannot be mapped. Only directories can be mapped on this platform.",
  },
  {
    why: "a cloud's fixed link-local service (169.254.169.x: metadata, DNS, time, activation) is no address DHCP failed to give",
    other:
      'Name resolution fails in the container.\nPS C:\\> Get-DnsClientServerAddress\nInterfaceAlias               Interface Address ServerAddresses\nvEthernet (Container NIC 7c) 31        IPv4    {169.254.169.253}',
    topic: 'dhcp-mac-spoofing',
    own: 'The containers on our transparent network get no address from DHCP.\nPS C:\\> docker exec web ipconfig\n   IPv4 Address. . . . . . . . . . . : 169.254.88.17\nThe container host is itself a Hyper-V VM.',
  },
  {
    why: "pywin32's error tuple is a Python program's refusal by Credential Manager, not Docker's credential helper's",
    other: "Saving the session token failed: (1783, 'CredWrite', 'The stub received bad data')",
    topic: 'wincred-token-too-long',
    own: 'Error saving credentials: error storing credentials - err: exit status 1, out: `The stub received bad data.`',
  },
  {
    why: "another program's secret refused by Credential Manager (a Python keyring) is not Docker's credential helper's",
    other: "WARNING: Keyring cache token has failed: (1783, 'CredWrite', 'The stub received bad data')",
    topic: 'wincred-token-too-long',
    own: 'Error saving credentials: error storing credentials - err: exit status 1, out: `The stub received bad data.`',
  },
  {
    why: "the pause image's registry refusing the connection is a network failure, not a tag without the node's platform",
    other:
      'Warning  FailedCreatePodSandBox  2s (x4 over 40s)  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "registry.local:5000/pause:3.9": failed to pull image "registry.local:5000/pause:3.9": failed to resolve reference: failed to do request: Head "https://registry.local:5000/v2/pause/manifests/3.9": dial tcp 10.0.0.5:5000: connect: connection refused',
    topic: 'pause-image-no-windows-manifest',
    own: 'Warning  FailedCreatePodSandBox  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image \"registry.k8s.io/pause:3.6\": failed to pull image \"registry.k8s.io/pause:3.6\": failed to pull and unpack image: no match for platform in manifest: not found',
  },
  {
    why: 'a PowerShell session into a container that never started (no powershell.exe in the image) has no exit to go wrong',
    other:
      'Enter-PSSession : Failed to launch PowerShell process (powershell.exe) inside container with id 51c0e6d2a7 with error: 2147942402.\n+ Enter-PSSession -ContainerId 51c0e6d2a7 -RunAsAdministrator',
    topic: 'nano-server-exit-session',
    own: 'On the Nano Server host I ran Enter-PSSession -ContainerId 51c0e6d2a7 -RunAsAdministrator, and typing exit in the container dropped my whole remote session to the host.',
  },
  {
    why: 'a Windows workload lands on Windows nodes as it should: only a placement told as unexpected is a missing nodeSelector',
    other: 'Since the upgrade, every pod that lands on our Windows node pool fails to pull its sidecar image: the new tags list only linux/amd64 in their manifest.',
    topic: 'k8s-node-labels-nodeselector',
    own: 'Our monitoring chart installs fine, but some of its pods get scheduled onto the Windows nodes of the cluster and stay in ImagePullBackOff there.',
  },
  {
    why: "the daemon refuses privileged mode to a container run (the CLI's run hint), not only to BuildKit",
    other: "docker: Error response from daemon: Windows does not support privileged mode.\nSee 'docker run --help'.",
    topic: 'buildkit-windows-images',
    own: 'Error: buildx failed with: ERROR: Error response from daemon: Windows does not support privileged mode',
  },
  {
    why: "Docker Desktop's own backend pipe refusing access is the Desktop's failure, not the engine pipe's",
    other: 'Docker Desktop does not start for my second (non-admin) account: listening on \\\\.\\pipe\\dockerBackendApiServer: open: Access is denied.',
    topic: 'docker-pipe-access-denied',
    own: 'error during connect: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.45/containers/json": open //./pipe/docker_engine: Access is denied.',
  },
  {
    why: "the client's hint to run elevated follows every failure to reach the engine's pipe; a pipe refusing message mode is no permission",
    other:
      'level=error msg="Failed to retrieve information of the docker client and server host: error during connect: Get http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/version: open //./pipe/docker_engine: message readmode pipes not supported In the default daemon configuration on Windows, the docker client must be run elevated to connect. This error may also indicate that the docker daemon is not running."',
    topic: 'docker-pipe-access-denied',
    own: 'error during connect: Get http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.40/version: open //./pipe/docker_engine: Access is denied. In the default daemon configuration on Windows, the docker client must be run elevated to connect. This error may also indicate that the docker daemon is not running.',
  },
  {
    why: 'Docker Desktop failing to listen on the engine pipe at start-up (another program holds it) is no client refused by the pipe',
    other: 'starting services: initializing Docker API Proxy: setting up docker api proxy listener: open \\\\.\\pipe\\docker_engine: Access is denied.',
    topic: 'docker-pipe-access-denied',
  },
  {
    why: 'Remote Desktop through a tunnelling tool, with no container in sight, is no container that refuses RDP (needs: containers)',
    other: 'Our tunnel tool fails on the last step: dial: listen tcp 127.0.0.1:3389: bind: An attempt was made to access a socket in a way forbidden by its access permissions. Remote Desktop to 127.0.0.1:3389 does not connect either.',
    topic: 'remote-desktop-unsupported',
    own: 'Remote Desktop to my windowsservercore container on port 3389 does not connect; mstsc says the remote computer cannot be reached',
  },
  {
    why: ".NET's file-access message from a PowerShell module is no layer import",
    other: "New-BcContainer failed: Access to the path 'C:\\ProgramData\\BcContainerHelper\\Extensions\\bc1\\my\\settings.json' is denied.",
    topic: 'layer-import-path-not-found',
  },
  {
    why: 'an endpoint that cannot be created is no network that cannot be created on a hidden vSwitch',
    other: 'Warning  FailedCreatePodSandBox  kubelet  NetworkPlugin cni failed to set up pod "web-0_default" network: Failed to create endpoint: HNS failed with error : The parameter is incorrect.',
    topic: 'hidden-vswitch-blocks-transparent',
  },
  {
    why: "a name with a domain that does not resolve is the DNS server's failure, not discovery between containers",
    other: 'C:\\>ping www.example.org\nPing request could not find host www.example.org. Please check the name and try again.',
    topic: 'service-discovery',
    own: 'Both containers are on our l2bridge network and reach each other by IP, but not by name:\nPS C:\\> docker exec web ping -n 1 api\nPing request could not find host api. Please check the name and try again.',
  },
  {
    why: 'the word IPAM is in every CNI log: it names no question about IPAM',
    other: '2025-01-10 10:00:00.000 [INFO][4120] dataplane_windows.go 187: Overriding network name, only a single IPAM block will be supported on this host',
    topic: 'network-ipam',
  },
  {
    why: "the redistributable's installer named in a build that hangs says where, not that the dedup filter broke it",
    other: 'Since last week our docker build never finishes: it sits at the RUN step with vc_redist.x64.exe /install /quiet /norestart and prints nothing.',
    topic: 'vcredist-dedup-filter',
    own: 'vc_redist.x64.exe /quiet returns 0 in the container, but wmic product get name says No Instance(s) Available.',
  },
  {
    why: 'net use failing with another system error (67, the network name) is not the cancelled-prompt error 1223',
    other: 'Im Container fragt net use nach Benutzer und Kennwort und bricht mit Systemfehler 67 ab.',
    topic: 'net-use-error-1223',
  },
  {
    why: 'a gMSA container whose name has no DNS record is a registration problem: its trust and membership work',
    other: 'Our Windows container runs with a gMSA credential spec and nltest /sc_verify passes inside it, but the domain DNS has no record for its --hostname, so other servers cannot resolve it.',
    topic: 'gmsa-container-no-domain-trust',
    own: 'PS C:\\> docker exec web nltest /sc_verify:contoso.com\nI_NetLogonControl failed: Status = 1311 0x51f ERROR_NO_LOGON_SERVERS',
  },
  {
    why: "the engine's Windows service (\"the docker service does not start\") is no Swarm service, and daemon.json's path says where, not what",
    other: 'I set "hosts": ["tcp://0.0.0.0:2376", "npipe://"] in daemon.json and the docker service does not start: unable to configure the Docker daemon with file C:\\ProgramData\\docker\\config\\daemon.json',
    topic: 'swarm-hyperv-isolation',
    own: 'How do I make every task of docker service create run with Hyper-V isolation on our swarm workers? Is "exec-opts": ["isolation=hyperv"] in daemon.json the way?',
  },
  {
    why: 'a gMSA credential spec is how a container reaches the domain without joining it: naming one is no attempt to join',
    other: 'docker run --security-opt "credentialspec=file://webapp01.json" fails: Error response from daemon: invalid credential spec security option - file "webapp01.json" does not exist (gMSA)',
    topic: 'domain-membership',
    own: 'Inside the container Add-Computer -DomainName contoso.com -Credential $cred fails and the container never joins the domain.',
  },
  {
    why: "R's programs named in a failure of R itself are no split Program Files path",
    other: "PS C:\\> docker exec etl Rscript C:\\jobs\\daily.R\nError in library(data.table) : there is no package called 'data.table'\nExecution halted",
    topic: 'rterm-program-files-path',
    own: "RTerm startet im Container nicht: 'C:\\Program' wird nicht als interner oder externer Befehl erkannt.",
  },
  {
    why: 'naming the anti-malware product (turned off, exclusions added) is where the user looked, not a sign that it scanned',
    other: 'We turned Windows Defender off on the host, but our containers still cannot resolve any DNS name.',
    topic: 'slow-start-antivirus',
    own: 'Every docker run takes over 40 seconds to start the container, and MsMpEng sits at 100% CPU the whole time.',
  },
  {
    why: "a proxy's 407 met by a tool in a build step is that tool's proxy setting, not the engine's",
    other: 'Step 4/9 : RUN Invoke-WebRequest https://example.org/tool.zip -OutFile tool.zip\nInvoke-WebRequest : The remote server returned an error: (407) Proxy Authentication Required.',
    topic: 'docker-service-proxy',
    own: 'docker pull mcr.microsoft.com/windows/servercore:ltsc2022\nError response from daemon: Get "https://mcr.microsoft.com/v2/": Proxy Authentication Required',
  },
  {
    why: 'a number of seconds in a health check or timeout is no slow start',
    other: 'The container is unhealthy: the HEALTHCHECK curl http://localhost/health returns connection refused after 30 seconds.',
    topic: 'slow-start-antivirus',
  },
  {
    why: "a registry's 'manifest unknown' is a tag or repository it does not have, not a Linux image refused by the Windows engine",
    other: 'PS C:\\src> docker pull contoso/webapi:2.4.1\n2.4.1: Pulling from contoso/webapi\nmanifest unknown',
    topic: 'linux-image-on-windows-engine',
    own: 'PS C:\\src> docker pull redis:7.2\n7.2: Pulling from library/redis\nno matching manifest for windows/amd64 10.0.20348 in the manifest list entries',
  },
  {
    why: "a pipe that answers in message mode (go-winio's 'message readmode pipes not supported') is an engine that listens, read by an old client",
    other:
      'time="2024-03-02T10:11:12Z" level=error msg="cannot list containers: error during connect: Get http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/containers/json: open //./pipe/docker_engine: message readmode pipes not supported"',
    topic: 'docker-engine-not-listening',
    own: 'error during connect: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.45/containers/json": open //./pipe/docker_engine: The system cannot find the file specified.',
  },
  {
    why: 'a question about a smaller base image shares the words of a scratch layer that cannot be created, and states no failure (words alone in a question need `wordsOnlyCalm`)',
    other: 'Is there a lighter base image than servercore for our apps, maybe nanoserver or scratch?',
    topic: 'scratch-layer-create-fails',
    own: 'Our FROM nanoserver build fails: docker build says failed to create scratch layer. What is wrong?',
  },
  {
    why: "the daemon's start-up cleanup of a stale sandbox names a network already gone, and starts no container",
    other:
      'time="2024-05-02T08:00:01Z" level=error msg="getNetworkFromStore for nid 7e41a09c5d2b83f6e1a4c7d90b52e8f3a6c1d4e7b0a3f6c9d2e5b8a1c4f7e0d3 failed while trying to build sandbox for cleanup: network 7e41a09c5d2b83f6e1a4c7d90b52e8f3a6c1d4e7b0a3f6c9d2e5b8a1c4f7e0d3 not found"\ntime="2024-05-02T08:00:01Z" level=info msg="Removing stale sandbox 5be1c2 (web)"',
    topic: 'stale-network-id-after-restart',
    own: 'PS C:\\> docker start web\nError response from daemon: network 7e41a09c5d2b83f6e1a4c7d90b52e8f3a6c1d4e7b0a3f6c9d2e5b8a1c4f7e0d3 not found\nError: failed to start containers: web',
  },
  {
    why: "an IIS container, or an ASP.NET image, is the set-up of every IIS paste: a site's own error in one is no ServiceMonitor failure",
    other: 'Our IIS container from the aspnet image answers every request with HTTP 502 behind the load balancer, while the site works when I browse it inside the container.',
    topic: 'iis-servicemonitor-config-fails',
    own: 'PS C:\\> docker run -d -p 8080:80 contoso/intranet:2.1\nPS C:\\> docker logs 3f2a\nAPPCMD failed with error code 4312\nFailed to update IIS configuration',
  },
  {
    why: "a registry refusing the pull (`unauthorized: authentication required`) states a failure: the image's name and its download lines are no lead to a proxy",
    other:
      "C:\\src> docker run -d -p 8080:80 --name site httpd\nUnable to find image 'httpd:latest' locally\nlatest: Pulling from library/httpd\na1b2c3d4e5f6: Downloading\nb2c3d4e5f6a1: Download complete\ndocker: unauthorized: authentication required.\nSee 'docker run --help'.",
    topic: 'container-proxy-not-configured',
    own: 'Step 3/5 : RUN powershell -Command "Invoke-WebRequest -UseBasicParsing https://download.example.com/tool.zip -OutFile C:\\tool.zip"\nInvoke-WebRequest : Unable to connect to the remote server\n(FROM mcr.microsoft.com/windows/servercore:ltsc2022, behind the corporate proxy)',
  },
  {
    why: "a sharing violation while a container's own folder is removed is a file held open, not a layer the pull could not register",
    other:
      'PS C:\\> docker rm -f web\nError response from daemon: unable to remove filesystem for 5c1e7a2b: remove C:\\ProgramData\\docker\\containers\\5c1e7a2b\\5c1e7a2b-json.log: The process cannot access the file because it is being used by another process.',
    topic: 'layer-import-path-not-found',
    // hcsshim before v0.8.8 preparing the utility VM's image of a pulled layer, a file of it held by a scanner
    // (train-side docker/for-win#1129): the sharing violation is that step's failure.
    own: 'PS C:\\> docker pull microsoft/windowsservercore\nlatest: Pulling from microsoft/windowsservercore\n3889bb8d808b: Extracting [==================================================>]  4.07GB/4.07GB\nfailed to register layer: re-exec error: exit status 1: output: ProcessUtilityVMImage C:\\ProgramData\\docker\\windowsfilter\\5c1e7a2b\\UtilityVM: The process cannot access the file because it is being used by another process.',
  },
  {
    why: "a backup program's own OpenForBackup call is no layer that a pull writes",
    other: 'Our backup agent logs: OpenForBackup C:\\Data\\db.mdf: Access is denied. The nightly job skipped 3 files.',
    topic: 'layer-import-path-not-found',
    // hcsshim v0.6.x's base-layer writer (baselayer.go: 'Failed to OpenForBackup'), as Docker 17.x printed it.
    own: 'PS C:\\> docker pull microsoft/windowsservercore\n3889bb8d808b: Extracting [==================================================>]  4.07GB/4.07GB\nfailed to register layer: re-exec error: exit status 1: output: Failed to OpenForBackup failed in Win32: Access is denied. (0x5) C:\\ProgramData\\docker\\windowsfilter\\8a2f41c9\\Files\\Windows\\System32\\config\\SAM',
  },
  {
    why: 'a NotReady Linux node beside a Ready Windows one is no Windows node whose network is not ready',
    other:
      'PS C:\\> kubectl get nodes -o wide\nNAME         STATUS     ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION      CONTAINER-RUNTIME\ncp-01        NotReady   control-plane   40m   v1.29.2   10.0.0.4      <none>        Ubuntu 22.04.4 LTS               5.15.0-105-generic  containerd://1.7.13\nwin-node-01  Ready      <none>          9m    v1.29.2   10.0.0.7      <none>        Windows Server 2022 Datacenter   10.0.20348.2340     containerd://1.7.13',
    topic: 'windows-node-notready-cni',
    own: 'PS C:\\> kubectl get nodes -o wide\nNAME         STATUS     ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION      CONTAINER-RUNTIME\ncp-01        Ready      control-plane   40m   v1.29.2   10.0.0.4      <none>        Ubuntu 22.04.4 LTS               5.15.0-105-generic  containerd://1.7.13\nwin-node-01  NotReady   <none>          9m    v1.29.2   10.0.0.7      <none>        Windows Server 2022 Datacenter   10.0.20348.2340     containerd://1.7.13',
  },
  {
    why: "a Web App's registry refusal is no image too new for App Service's Windows hosts",
    other: 'Our Linux Web App on App Service cannot pull its container image from the private registry: unauthorized: authentication required. The Windows Containers Web App beside it pulls fine.',
    topic: 'version-compat-matrix',
    // App Service's older refusal of an image newer than its hosts' builds (train-side MicrosoftDocs/azure-docs#42620).
    own: 'Deployment to the Web App failed: Repository/Tag is invalid. Cannot run the specified image as a Windows Containers Web App. App Service supports Windows Containers up to Windows Server Core 2019 and Nanoserver 1809. Platform of the specified image: windows, Version: 10.0.20348.587;',
  },
  {
    why: "every Kubernetes cluster has Linux nodes: a cluster's words alone (pods stuck Terminating) in a paste that names no Windows node are a Linux node's",
    other: 'After we upgraded the node group of our EKS cluster, many pods stay in Terminating after a rollout or a delete, and only a force delete gets rid of them.',
    topic: 'k8s-pod-stuck-terminating-windows',
    own: 'On our mixed Linux/Windows cluster, since the upgrade many pods stay in Terminating after a rollout or a delete, and only a force delete gets rid of them.',
  },
  {
    why: "a node NotReady for its network plugin, told in a cluster's words with nothing of Windows, is any node's",
    other: 'kubectl get nodes shows the new worker NotReady since we joined it; kubectl describe node says the network plugin is not ready and the cni config is uninitialized.',
    topic: 'windows-node-notready-cni',
    own: 'kubectl get nodes shows the new Windows worker NotReady since we joined it; kubectl describe node says the network plugin is not ready and the cni config is uninitialized.',
  },
  {
    why: 'a bug report template asks for the "build number": words about a version, no message of a failure',
    other: '### Expected behavior\nDocker should start\n### Actual behavior\nDocker reports out of memory at startup\n### Information\n  - host distribution and version (Windows version, build number, etc)\nWindows 10 Pro 1607\n8 GB RAM',
    topic: 'build-number-rule',
    own: 'What do the four numbers of a Windows version such as 10.0.14393.103 mean: major, minor, build number and revision number?',
  },
];

describe('near misses get no topic that only shares their words', () => {
  it.each(ROWS.map((r) => [r.topic, r.why, r] as const))('not %s: %s', (_t, _w, r) => {
    expect(ids(r.other)).not.toContain(r.topic);
  });
  it.each(ROWS.filter((r) => r.own).map((r) => [r.topic, r] as const))('%s still for its own failure', (_t, r) => {
    expect(ids(r.own!)[0]).toBe(r.topic);
  });
});

/**
 * A symptom told in sentences (a person's description, not the program's output) reaches its topic through the words
 * people use for it; the same words told of another failure (the reverse observation, another program's log) make a
 * lead at most. Each paste is written for this test.
 */
describe('a symptom told in sentences gets its topic; a near miss in the same words is a lead at most', () => {
  const sureOf = (text: string, topic: string) => diagnose(kb, text).matches.find((x) => x.id === topic)?.confidence ?? 'none';
  it.each([
    {
      why: 'what a Windows service or application writes shows up nowhere in docker logs',
      topic: 'container-logs-empty-windows',
      own: 'Our ASP.NET 4.8 site runs under IIS in a Windows container (servercore ltsc2022). The app writes its errors to the Application event log, but nothing shows up in docker logs.',
      other: 'Our Node.js API writes its log with winston to /var/log/api/app.log; nothing shows up in docker logs. The image is node:20-alpine.',
    },
    {
      // ASP.NET Core writes to the console on either OS, and mostly runs in Linux containers: not the topic's service (a regression tester).
      why: 'an ASP.NET Core app whose console logger is gone is no Windows service writing elsewhere',
      topic: 'container-logs-empty-windows',
      own: 'Our ASP.NET MVC 5 site runs in a servercore container with ServiceMonitor as its entrypoint. Nothing shows up in docker logs, not even the errors the site writes to the event log.',
      other: 'My ASP.NET Core 8 API runs in a Linux container (mcr.microsoft.com/dotnet/aspnet:8.0 on an Ubuntu host). The app answers requests, but nothing shows up in docker logs: not even the "Now listening on" line.',
    },
    {
      // The name the kubelet checked had its .exe: the file is really missing, a setup error on any release (a regression tester).
      why: 'a plugin whose .exe path does not exist is missing, not registered without its extension',
      topic: 'kubelet-credential-provider-exe-name',
      own: 'E1208 09:40:17.331202    4120 run.go:74] "command failed" err="failed to run Kubelet: failed to register CRI auth plugins: plugin binary executable C:\\\\var\\\\lib\\\\kubelet\\\\credential-provider\\\\acr-credential-provider did not exist"\nkubelet v1.27.9 on Windows Server 2022; acr-credential-provider.exe is in that folder.',
      other: 'E1208 09:40:17.331202    4120 run.go:74] "command failed" err="failed to run Kubelet: failed to register CRI auth plugins: plugin binary executable C:\\\\var\\\\lib\\\\kubelet\\\\credential-provider\\\\acr-credential-provider.exe did not exist"\nkubelet v1.31.3 on Windows Server 2022; the folder only has the README, the download step of our node image failed.',
    },
    {
      why: "localhost does not answer on the host, the container's own IP address does",
      topic: 'host-cannot-reach-published-port',
      own: "IIS runs in a container on our Windows Server 2019 host, started with -p 8080:80. Browsing http://localhost:8080 on the host itself does not work, but using the container's IP address it does.",
      other: "IIS runs in a container on our Windows Server 2019 host, started with -p 8080:80. On the host, http://localhost:8080 answers, but using the container's IP address it does not.",
    },
  ])('$topic: $why', ({ topic, own, other }) => {
    expect(ids(own)[0]).toBe(topic);
    expect(diagnose(kb, own).matches[0]?.evidence.some((e) => e.rule === 'regex')).toBe(true);
    expect(['none', 'low']).toContain(sureOf(other, topic));
  });
});

describe('a code of many causes names no issue by itself', () => {
  it.each([
    'Failed to create endpoint: hnsCall failed in Win32: Element not found. (0x490)',
    // After `docker cp`, the same failure is the copy into a running Hyper-V container (running-container-copy-commit-refused).
    'hcsshim::ActivateLayer failed in Win32: The process cannot access the file because it is being used by another process. (0x20)',
  ])('%s → no known issue', (text) => {
    expect(diagnose(kb, text).matches.map((m) => [m.id, m.score])).toEqual([]);
  });
});

/**
 * A name says where something happened, not what failed: a command-line option (`--isolation=hyperv`), a component in a
 * listing (the VFP extension, MobyLinuxVM), another program's words for a code of many causes (.NET's `Access to the
 * path … is denied`). A paste that only names one of them, beside another failure or a question, gets its topic as a
 * lead at most; the topic's own failure still gets it first.
 */
describe('a name, option or common refusal makes a lead at most', () => {
  const sureOf = (text: string, topic: string) => {
    const m = diagnose(kb, text).matches.find((x) => x.id === topic);
    return m ? m.confidence : 'none';
  };
  it.each([
    {
      topic: 'swarm-hyperv-isolation',
      other:
        'docker service create --name api --isolation=hyperv --replicas 2 contoso/api:3.1-ltsc2022\noverall progress: 0 out of 2 tasks\n1/2: hcs::System::Start 5be1c2: The requested resource is in use.',
      own: 'How do I make every task of docker service create run with Hyper-V isolation on our swarm workers? Is "exec-opts": ["isolation=hyperv"] in daemon.json the way?',
    },
    {
      topic: 'vfp-extension',
      other:
        'Pods on our new Windows node cannot resolve any cluster DNS name.\nPS C:\\> Get-VMSwitchExtension -VMSwitchName vxlan0 | fl Name,Enabled,Running\nName    : Microsoft Azure VFP Switch Extension\nEnabled : True\nRunning : True',
      own: 'PS C:\\> Get-VMSwitchExtension -VMSwitchName vxlan0 | fl Name,Enabled,Running\nName    : Microsoft Azure VFP Switch Extension\nEnabled : False\nRunning : False\nhnsCall failed in Win32: A network of this type can not be created because VFP is not available. (0x803b0037)',
    },
    {
      topic: 'dockernat-moby-vm',
      other: 'Docker for Windows is in Windows containers mode, yet Hyper-V Manager still lists MobyLinuxVM as running. Should I stop it by hand?',
    },
    {
      topic: 'container-user-access-denied',
      other:
        'PS C:\\build> .\\publish.ps1 -Image contoso/web:1.4\nRemove-Item : Access to the path \'C:\\build\\out\\web.dll\' is denied.\n    + CategoryInfo          : PermissionDenied: (web.dll:FileInfo) [Remove-Item], UnauthorizedAccessException',
      own: "Step 6/8 : RUN dotnet tool install --tool-path C:\\tools dotnet-ef\nAccess to the path 'C:\\tools\\.store' is denied.\nThe command 'cmd /S /C dotnet tool install --tool-path C:\\tools dotnet-ef' returned a non-zero code: 1",
    },
  ])('$topic', ({ topic, other, own }) => {
    expect(['none', 'low']).toContain(sureOf(other, topic));
    if (own) expect(ids(own)[0]).toBe(topic);
  });
});

describe('a link names a web page, not what ran', () => {
  // A repository or an issue linked in the paste (`…/nav-docker-samples/…`, `github.com/docker/for-win/issues/…`) is
  // where something is, not a container that failed: its words are no context (`needs`, a cluster's words).
  const sureOf = (text: string, topic: string) => diagnose(kb, text).matches.find((x) => x.id === topic)?.confidence ?? 'none';
  it.each([
    {
      topic: 'container-tls12-not-enabled',
      other:
        'PS D:\\> Invoke-WebRequest https://github.com/contoso/my-docker-tools/archive/main.zip -OutFile tools.zip\nInvoke-WebRequest : The request was aborted: Could not create SSL/TLS secure channel.\nAt line:1 char:1',
      own: 'PS C:\\> docker run --rm mcr.microsoft.com/windows/servercore:ltsc2016 powershell -Command "Invoke-WebRequest https://example.com/tools.zip -OutFile tools.zip"\nInvoke-WebRequest : The request was aborted: Could not create SSL/TLS secure channel.',
    },
    {
      topic: 'host-port-reserved-or-in-use',
      other:
        'Found these, maybe the same: https://github.com/docker/for-win/issues/1234\n\nRunning this shows the port in the excluded list:\n\nnetsh interface ipv4 show excludedportrange protocol=tcp\n\nProtocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n----------    --------\n     50000       50059     *',
    },
  ])('$topic', ({ topic, other, own }) => {
    expect(['none', 'low']).toContain(sureOf(other, topic));
    if (own) expect(ids(own)[0]).toBe(topic);
  });
});

describe("PowerShell's `?` after a pipe is Where-Object, not a question", () => {
  it('a listing filtered with `| ?` asks nothing, so the cmdlet it ran stays a weak setting; a question about it is asked', () => {
    const listing = 'PS C:\\> Get-HnsEndpoint | ? Name -like "*nat*"\n\nID         : 5e6298c2\nName       : web_nat\nState      : 1\nIPAddress  : 172.27.148.101';
    expect(ids(listing)).not.toContain('hns-restart-drops-endpoints');
    const asks = (text: string) => readFeatures(diagnosisIndexOf(kb), text, () => undefined, WEIGHTS).asks;
    expect(asks(listing)).toBe(false);
    expect(asks('Why does Get-HnsEndpoint | ? Name -like "*nat*" list nothing?')).toBe(true);
    // The cmdlet asked about is a lead beside the topic's words; alone it shows no topic (verdict.ts `minScoreOf`).
    expect(ids('Why does Get-HnsEndpoint | ? Name -like "*nat*" list nothing since the hns endpoints are gone?')).toContain('hns-restart-drops-endpoints');
  });
});
