import { describe, expect, test } from 'vitest';
import { parseHost } from '../../../src/core/compat/parse-host.js';
import { DOC_002, DOC_003, loadCompatData, sourceBlock } from './load-compat.js';

const data = loadCompatData();

const DOCKER_INFO = `Client:
 Context:    default
 Debug Mode: false

Server:
 Containers: 3
  Running: 0
 Images: 4
 Server Version: 20.10.9
 Storage Driver: windowsfilter
 Logging Driver: json-file
 Plugins:
  Volume: local
  Network: ics internal l2bridge l2tunnel nat null overlay private transparent
 Swarm: inactive
 Default Isolation: process
 Kernel Version: 10.0 17763 (17763.1.amd64fre.rs5_release.180914-1434)
 Operating System: Windows Server 2019 Datacenter Version 1809 (OS Build 17763.1879)
 OSType: windows
 Architecture: x86_64
 CPUs: 2
 Total Memory: 8GiB
 Name: WIN-HOST01
 Docker Root Dir: C:\\ProgramData\\docker
 Live Restore Enabled: false`;

const DOCKER_VERSION = `Client: Mirantis Container Runtime
 Version:           20.10.9
 API version:       1.41
 Go version:        go1.16.12m2
 OS/Arch:           windows/amd64

Server: Mirantis Container Runtime
 Engine:
  Version:          20.10.9
  API version:      1.41 (minimum version 1.24)
  OS/Arch:          windows/amd64
  Kernel Version:   10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)
  Experimental:     false`;

describe('host values and pastes', () => {
  test.each([
    ['a version', '10.0.17763.1234', 17763, 1234, 'version'],
    ['(Get-ComputerInfo).OsVersion', 'PS C:\\> (Get-ComputerInfo).OsVersion\n10.0.17763', 17763, null, 'version'],
    ['Get-ComputerInfo list', 'WindowsProductName : Windows Server 2022 Datacenter\nOsVersion          : 10.0.20348\nOsBuildNumber      : 20348', 20348, null, 'version'],
    ['a build', '26100', 26100, null, 'build'],
    ['a build and revision', '14393.1770', 14393, 1770, 'build'],
    ['ver (002)', sourceBlock(DOC_002, 'Microsoft Windows [Version', 'Metod 2'), 16299, 125, 'ver'],
    [
      'reg query BuildLabEx',
      'C:\\>reg query "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows NT\\CurrentVersion" /v BuildLabEx\n\nHKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows NT\\CurrentVersion\n    BuildLabEx    REG_SZ    14393.321.amd64fre.rs1_release_inmarket.161004-2338\n',
      14393, 321, 'build-lab',
    ],
    ['(Get-ItemProperty ...).BuildLabEx (002)', sourceBlock(DOC_002, 'Windows PowerShell', 'Om du vill'), 14393, 321, 'build-lab'],
    ['docker info', DOCKER_INFO, 17763, 1879, 'docker-info'],
    ['docker version', DOCKER_VERSION, 20348, 1, 'docker-version'],
    ['a pull error', 'a Windows version 10.0.18362-based image is incompatible with a 10.0.17763 host', 17763, null, 'pull-error'],
    ['docker node inspect (003)', sourceBlock(DOC_003, '"Spec": {', '```'), 16296, null, 'version'],
    ['a tag', 'ltsc2019', 17763, null, 'name'],
    ['a release name', 'Windows Server 2022', 20348, null, 'name'],
    ['a version name', '24H2', 26100, null, 'name'],
  ])('%s', (_name, input, build, revision, form) => {
    const r = parseHost(input, data);
    expect(r.ok && { build: r.value.build, revision: r.value.revision, form: r.value.form }).toEqual({ build, revision, form });
  });

  test('docker info gives the node name, the family, the isolation and the Swarm state', () => {
    const r = parseHost(DOCKER_INFO.replace('Swarm: inactive', 'Swarm: active'), data);
    expect(r.ok && r.value).toMatchObject({
      nodeName: 'WIN-HOST01',
      family: 'server',
      release: 'Windows Server 2019',
      isolation: 'process',
      orchestrator: 'swarm',
    });
  });

  test('a client name narrows the release', () => {
    const r = parseHost('Windows 11 24H2', data);
    expect(r.ok && [r.value.build, r.value.family, r.value.release]).toEqual([26100, 'client', 'Windows 11 24H2']);
  });
});

describe('kubectl describe node', () => {
  const both = sourceBlock(DOC_003, '$ kubectl get node', '```');
  test.each([
    ['38519acs9010', sourceBlock(DOC_003, '$ kubectl describe node 38519acs9010', '$ kubectl describe node 38519acs9011'), 14393, 1715],
    ['38519acs9011', sourceBlock(DOC_003, '$ kubectl describe node 38519acs9011', '```'), 16299, 0],
  ])('one node (003): %s', (name, text, build, revision) => {
    const r = parseHost(text, data);
    expect(r.ok && r.value).toMatchObject({ nodeName: name, build, revision, form: 'kubectl-node', orchestrator: 'kubernetes', otherNodes: [] });
  });

  test('two nodes in one paste (003): the first is the host, the other is kept', () => {
    const r = parseHost(both, data);
    expect(r.ok && r.value).toMatchObject({ nodeName: '38519acs9010', build: 14393, revision: 1715, otherNodes: [{ name: '38519acs9011', build: 16299, revision: 0 }] });
  });

  test('the flattened page text (002) reads the same', () => {
    const r = parseHost(sourceBlock(DOC_002, '$ kubectl describe node 38519acs9010', 'Nu ska vi'), data);
    expect(r.ok && r.value).toMatchObject({ nodeName: '38519acs9010', build: 14393, revision: 1715, otherNodes: [{ name: '38519acs9011', build: 16299 }] });
  });

  test('a newer kubelet prints the whole version', () => {
    const r = parseHost('Name:               akswin000000\nSystem Info:\n  Kernel Version:             10.0.20348.2227\n  OS Image:                   Windows Server 2022 Datacenter', data);
    expect(r.ok && r.value).toMatchObject({ nodeName: 'akswin000000', build: 20348, revision: 2227, family: 'server' });
  });
});

describe('input that describes no usable host', () => {
  test.each([
    ['empty', '  ', /empty/, 'empty', {}],
    ['no build', 'hello world', /no Windows build/, 'noBuild', {}],
    ['too old', 'Microsoft Windows [Version 6.3.9600]', /Windows 6\.3 cannot run Windows containers/, 'oldWindows', { version: '6.3' }],
    ['Linux engine (docker info)', DOCKER_INFO.replace('OSType: windows', 'OSType: linux'), /runs linux containers/, 'linuxEngine', { os: 'linux' }],
    ['Linux engine (docker version)', DOCKER_VERSION.replace(/OS\/Arch:          windows/, 'OS/Arch:          linux'), /Docker server runs linux\/amd64/, 'otherServer', { arch: 'linux/amd64' }],
    ['docker version without a kernel line', DOCKER_VERSION.replace(/ {2}Kernel Version:.*\n/, ''), /no Windows build/, 'noBuild', {}],
    ['a release wcdoctor does not know', 'Windows Server 2012 R2', /no Windows build/, 'noBuild', {}],
  ])('%s, with an id and values for the UI', (_name, input, message, id, params) => {
    const r = parseHost(input, data);
    expect(r.ok ? 'parsed' : r.error.message).toMatch(message);
    expect(!r.ok && r.error).toEqual({ id, params, message: expect.stringMatching(message) });
  });
});

describe('a revision no Windows has', () => {
  test('past nine digits the revision is unknown, not 1e+24 (found by a helper trying the CLI)', () => {
    const r = parseHost('10.0.17763.99999999999999999999', data);
    expect(r.ok && r.value.build).toBe(17763);
    expect(r.ok && r.value.revision).toBeNull();
  });

  test('a kernel line whose build goes on past five digits is no build (found by a helper trying the CLI)', () => {
    expect(parseHost('Kernel Version: 10.0 203481\n', data).ok).toBe(false);
    expect(parseHost('Kernel Version: 10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)\n', data)).toMatchObject({ ok: true, value: { build: 20348 } });
  });
});
