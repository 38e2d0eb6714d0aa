import { describe, expect, it } from 'vitest';
import { parseBuild, parsePsList } from '../../../src/core/check/parsers/common.js';
import { parseContainerdVersion, parseDockerImages, parseDockerInfo, parseDockerVersion } from '../../../src/core/check/parsers/docker.js';
import { parseCidr, parseDynamicPorts, parseExcludedPorts, parseHnsNetworks, parseIpv6Binding, parseNetNat, parseVmSwitch } from '../../../src/core/check/parsers/network.js';
import { architectureOf, parseComputerInfo, parseVer, parseWin32Os } from '../../../src/core/check/parsers/os.js';
import { parseKubeNodes, parseMpPreference, parseServices } from '../../../src/core/check/parsers/system.js';
import { recognisePaste } from '../../../src/core/check/read-input.js';
import { fixture, fixtureFiles } from './fixtures.js';

describe('docker info', () => {
  it.each([
    ['paste/docker-info-win10-1809.txt', { osType: 'windows', isolation: 'hyperv', build: 17763, ubr: 107, serverVersion: 'master-dockerproject-2018-11-29', dockerRootDir: 'C:\\ProgramData\\docker', containersRunning: 0 }],
    ['paste/docker-info-win11-engine20.txt', { osType: 'windows', isolation: 'hyperv', build: 22631, ubr: 2715, operatingSystem: 'Windows 10 Pro Version 2009 (OS Build 22631.2715)' }],
    ['paste/docker-info-ws2022.json', { osType: 'windows', isolation: 'process', build: 20348, ubr: 2849, serverVersion: '27.3.1', containersRunning: 3 }],
  ])('%s', (file, want) => {
    expect(parseDockerInfo(fixture(file))).toMatchObject(want);
  });

  it('keeps the error of a daemon it could not reach (access denied through the pipe)', () => {
    const info = parseDockerInfo(fixture('paste/docker-info-access-denied.txt'));
    expect(info?.serverVersion).toBeUndefined();
    expect(info?.serverError).toMatch(/Access is denied/);
  });

  it('reads the revision from "OS Build", not from the build lab in KernelVersion (Engine 23 and later)', () => {
    const info = parseDockerInfo('{"OSType":"windows","KernelVersion":"10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)","OperatingSystem":"Microsoft Windows Server Version 21H2 (OS Build 20348.2227)"}');
    expect(info).toMatchObject({ build: 20348, ubr: 2227 });
    expect(parseDockerInfo('{"OSType":"windows","KernelVersion":"10.0 17763 (17763.1.amd64fre.rs5_release.180914-1434)","OperatingSystem":"Windows Server 2019 Datacenter"}')).toMatchObject({ build: 17763 });
  });

  it('is not fooled by text that is not docker info', () => {
    expect(parseDockerInfo('hello world')).toBeUndefined();
  });
});

describe('docker version', () => {
  it.each([
    ['paste/docker-version-1909.txt', { clientVersion: '19.03.5', serverVersion: '19.03.5', serverOs: 'windows', serverPlatform: 'Docker Engine - Community' }],
    ['paste/docker-version-25.json', { clientVersion: '25.0.3', serverVersion: '25.0.3', serverOs: 'windows' }],
  ])('%s', (file, want) => {
    expect(parseDockerVersion(fixture(file))).toMatchObject(want);
  });
});

describe('Windows version', () => {
  it.each([
    ['paste/ver-en.txt', { build: 19041, ubr: 329 }],
    ['paste/ver-zh-CN.txt', { build: 19045, ubr: 3693 }],
  ])('cmd /c ver: %s', (file, want) => expect(parseVer(fixture(file))).toEqual(want));

  it.each([
    ['paste/computerinfo-ws2019.txt', { build: 17763, installationType: 'Server Core', productType: 3, freeMemoryKb: 1468212 }],
    ['paste/computerinfo-ps7.json', { build: 26100, ubr: 2894, productType: 3, displayVersion: '24H2' }],
  ])('Get-ComputerInfo: %s', (file, want) => expect(parseComputerInfo(fixture(file))).toMatchObject(want));

  it.each([
    ['10.0.17763.1234', { build: 17763, ubr: 1234 }],
    ['10.0 14393 (14393.1198.amd64fre.rs1_release_sec.170427-1353)', { build: 14393, ubr: 1198 }],
    ['no version here', undefined],
  ])('parseBuild(%j)', (text, want) => expect(parseBuild(text)).toEqual(want));
});

describe('networking', () => {
  it('Get-HnsNetwork: an array of HNS v1 networks and one HCN v2 object', () => {
    const v1 = parseHnsNetworks(fixture('paste/hns-networks-v1.json'));
    expect(v1?.map((n) => [n.name, n.type, n.managementIp, n.subnets])).toEqual([
      ['nat', 'nat', undefined, ['172.27.160.0/20']],
      ['transparent-lan', 'Transparent', '169.254.12.40', ['10.10.0.0/24']],
    ]);
    expect(parseHnsNetworks(fixture('paste/hns-network-v2-single.json'))).toEqual([{ id: 'C9F2B5A1-0D3E-4F61-8A72-93B4C5D6E7F8', name: 'cbr0', type: 'L2Bridge', subnets: ['10.244.1.0/24'] }]);
  });

  it.each([
    ['paste/excludedports-en.txt', 5, { start: 56638, end: 56737, administered: false }],
    ['paste/excludedports-zh-CN.txt', 18, { start: 50000, end: 50059, administered: true }],
    ['paste/excludedports-es.txt', 24, { start: 1025, end: 1124, administered: false }],
  ])('netsh excludedportrange (headers in any language): %s', (file, count, one) => {
    const ranges = parseExcludedPorts(fixture(file));
    expect(ranges).toHaveLength(count);
    expect(ranges).toContainEqual(one);
  });

  it('netsh dynamicportrange, labels in English and Chinese', () => {
    expect(parseDynamicPorts('Protocol tcp Dynamic Port Range\n---------------------------------\nStart Port      : 49152\nNumber of Ports : 16384\n')).toEqual({ start: 49152, count: 16384 });
    expect(parseDynamicPorts('协议 tcp 动态端口范围\n---\n启动端口        : 1025\n端口数          : 64510\n')).toEqual({ start: 1025, count: 64510 });
  });

  it('Get-NetNat as a list', () => {
    expect(parseNetNat(fixture('paste/netnat-list.txt'))).toEqual([{ name: 'vminternet', prefix: '172.30.30.0/30', active: true }]);
  });

  it('Get-NetAdapterBinding as the table (display names localized) and as JSON', () => {
    expect(parseIpv6Binding(fixture('paste/netadapterbinding-disabled.txt'))).toEqual([
      { adapter: 'Ethernet', enabled: false },
      { adapter: 'Ethernet 3', enabled: false },
      { adapter: 'Ethernet 2', enabled: false },
    ]);
    expect(parseIpv6Binding(fixture('paste/netadapterbinding-de.txt'))).toEqual([
      { adapter: 'Ethernet', enabled: true },
      { adapter: 'vEthernet (nat)', enabled: true },
    ]);
    expect(parseIpv6Binding('[{"Name":"Ethernet","Enabled":false}]')).toEqual([{ adapter: 'Ethernet', enabled: false }]);
  });

  it('Get-VMSwitch | Format-List with German names, and JSON with the enum as a number', () => {
    expect(parseVmSwitch(fixture('paste/vmswitch-de.txt'))).toEqual([
      { name: 'Externer Switch', switchType: 'External', adapterDescription: 'Intel(R) Ethernet Connection (7) I219-LM' },
      { name: 'Standardswitch', switchType: 'Internal' },
    ]);
    expect(parseVmSwitch('{"Name":"ext","SwitchType":2}')).toEqual([{ name: 'ext', switchType: 'External' }]);
  });

  it('parseCidr', () => {
    expect(parseCidr('172.16.0.0/12')).toEqual({ start: 0xac100000, end: 0xac1fffff });
    expect(parseCidr('300.1.1.1/8')).toBeUndefined();
  });
});

describe('system', () => {
  it('Get-MpPreference: the unelevated N/A is kept, exclusions are listed when elevated', () => {
    expect(parseMpPreference(fixture('paste/mppreference-unelevated.txt'))).toEqual({ exclusionPath: 'needs-admin', exclusionProcess: 'needs-admin', realtimeDisabled: false });
    expect(parseMpPreference(fixture('paste/mppreference-admin.txt'))).toEqual({ exclusionPath: ['C:\\ProgramData\\docker', 'C:\\Program Files\\docker'], exclusionProcess: ['dockerd.exe', 'docker.exe'], realtimeDisabled: false });
    expect(parseMpPreference('ExclusionPath : {N/A: Administrators are not allowed to view exclusions}\nDisableRealtimeMonitoring : False\n')?.exclusionPath).toBe('hidden');
  });

  it('Get-Service as the table and as Windows PowerShell 5.1 JSON (status as a number)', () => {
    expect(parseServices(fixture('paste/services-table.txt'))).toContainEqual({ name: 'hns', status: 'Stopped' });
    expect(parseServices(fixture('paste/services-ps51.json'))).toEqual([
      { name: 'containerd', status: 'Stopped' },
      { name: 'hns', status: 'Running' },
      { name: 'kubelet', status: 'Running' },
      { name: 'vmcompute', status: 'Running' },
    ]);
  });

  it('kubectl get node -o json and a List of nodes (trailing newline in kernelVersion trimmed)', () => {
    expect(parseKubeNodes(fixture('paste/kube-node-notready.json'))).toEqual([
      expect.objectContaining({ name: 'winw1', os: 'windows', kernelVersion: '10.0.17763.2452', buildLabel: '10.0.17763', ready: expect.objectContaining({ status: 'False', reason: 'KubeletNotReady' }) }),
    ]);
    expect(parseKubeNodes(fixture('paste/kube-nodes-list.json'))?.map((n) => [n.name, n.os, n.kernelVersion])).toEqual([
      ['controlplane', 'linux', '5.4.0-81-generic'],
      ['winw1', 'windows', '10.0.17763.2452'],
      ['winw2', 'windows', '10.0.20348.2849'],
    ]);
  });

  it('containerd --version with the config version line', () => {
    expect(parseContainerdVersion('containerd github.com/containerd/containerd/v2 v2.0.4 1a43cb6\nversion = 2')).toEqual({ version: '2.0.4', major: 2, configVersion: 2 });
    expect(parseContainerdVersion('containerd github.com/containerd/containerd v1.7.20 8fc6bcf')).toEqual({ version: '1.7.20', major: 1 });
  });

  it('docker image inspect', () => {
    expect(parseDockerImages('[{"RepoTags":["a:1"],"Os":"windows","OsVersion":"10.0.20348.2849"},{"RepoTags":[],"Os":"linux"}]')).toEqual([
      { tags: ['a:1'], os: 'windows', osVersion: '10.0.20348.2849', build: 20348, ubr: 2849 },
      { tags: [], os: 'linux' },
    ]);
  });

  it('Format-List values wrapped onto indented lines are joined', () => {
    expect(parsePsList('Name : a\nNotes : one\n        two\n\n')).toEqual([{ Name: 'a', Notes: 'one two' }]);
  });
});

describe('recognising a paste by its structure', () => {
  const expected: Record<string, string> = {
    'computerinfo-ps7.json': 'computerInfo', 'computerinfo-ws2019.txt': 'computerInfo', 'docker-info-access-denied.txt': 'dockerInfo',
    'docker-info-win10-1809.txt': 'dockerInfo', 'docker-info-win11-engine20.txt': 'dockerInfo', 'docker-info-ws2022.json': 'dockerInfo',
    'docker-version-1909.txt': 'dockerVersion', 'docker-version-25.json': 'dockerVersion', 'excludedports-en.txt': 'excludedPorts',
    'excludedports-es.txt': 'excludedPorts', 'excludedports-zh-CN.txt': 'excludedPorts', 'hns-network-v2-single.json': 'hnsNetworks',
    'hns-networks-v1.json': 'hnsNetworks', 'kube-node-notready.json': 'kubeNode', 'kube-nodes-list.json': 'kubeNode',
    'mppreference-admin.txt': 'mpPreference', 'mppreference-unelevated.txt': 'mpPreference', 'netadapterbinding-de.txt': 'ipv6Binding',
    'netadapterbinding-disabled.txt': 'ipv6Binding', 'netnat-list.txt': 'netNat', 'services-ps51.json': 'services', 'services-table.txt': 'services',
    'ver-en.txt': 'ver', 'ver-zh-CN.txt': 'ver', 'vmswitch-de.txt': 'vmSwitch',
  };
  it.each(fixtureFiles('paste'))('%s', (file) => {
    const name = file.slice('paste/'.length);
    expect(expected[name], `add ${name} to the table`).toBeDefined();
    expect(recognisePaste(fixture(file))).toBe(expected[name]);
  });

  it('docker version cut before its API lines, by the Engine line that opens its Server section', () => {
    const cut = 'Client: Docker Engine - Community\n Version:           24.0.7\nServer: Docker Engine - Community\n Engine:\n  Version:          24.0.7\n  OS/Arch:          windows/amd64\n';
    expect(recognisePaste(cut)).toBe('dockerVersion');
    expect(recognisePaste(cut.replace(/\r?\n/g, '\r\n'))).toBe('dockerVersion');
    expect(recognisePaste('Server:\n Containers: 3\n  Running: 1\n')).toBeUndefined();
  });

  it.each(['', 'just some words', '{"a": 1}', 'Error response from daemon: manifest unknown'])('nothing in %j', (text) => {
    expect(recognisePaste(text)).toBeUndefined();
  });
});

describe('the processor architecture, as Windows names it', () => {
  it.each([
    ['64-bit', 'x64'],
    ['64 Bit', 'x64'],
    ['64 bits', 'x64'],
    ['64 位', 'x64'],
    ['ARM 64-bit Processor', 'arm64'],
    ['ARM64-based PC', 'arm64'],
    ['x64-based PC', 'x64'],
    ['32-bit', 'x86'],
    ['arm64', 'arm64'],
    ['amd64', 'x64'],
    ['', undefined],
    ['unknown', undefined],
  ])('%j is %s', (text, want) => expect(architectureOf(text)).toBe(want));

  it('Win32_OperatingSystem and Get-ComputerInfo carry it', () => {
    expect(parseWin32Os(JSON.stringify({ BuildNumber: '26100', OSArchitecture: 'ARM 64-bit Processor' }))?.architecture).toBe('arm64');
    expect(parseWin32Os(JSON.stringify({ BuildNumber: '20348' }))?.architecture).toBeUndefined();
    expect(parseComputerInfo(JSON.stringify({ OsBuildNumber: '26100', CsSystemType: 'ARM64-based PC', OsArchitecture: 'ARM 64-bit Processor' }))?.architecture).toBe('arm64');
  });
});

describe('parseBuild: digits that go on are no build or revision (found by a helper trying the CLI)', () => {
  it.each([
    ['10.0 203481', undefined],
    ['10.0.17763.1234567', { build: 17763 }],
    ['10.0.17763.1234', { build: 17763, ubr: 1234 }],
  ])('%s', (text, expected) => {
    expect(parseBuild(text)).toEqual(expected);
  });
});
