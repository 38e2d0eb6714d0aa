import { describe, expect, test } from 'vitest';
import { checkCompat } from '../../../src/core/compat/check-compat.js';
import { host, image } from './helpers.js';
import { DOC_002, DOC_003, loadCompatData, sourceBlock } from './load-compat.js';

const data = loadCompatData();
const check = (h: string, i: string) => checkCompat(host(data, h), image(data, i), data);
const commands = (r: ReturnType<typeof check>) => r.actions.map((a) => a.command ?? a.snippet);

const SERVICE_PS_003 = sourceBlock(DOC_003, 'C:\\Program Files\\Docker>docker service ps --no-trunc angry_liskov', '```');
const NODES_003 = sourceBlock(DOC_003, '$ kubectl get node', '```');
const POD_003 = sourceBlock(DOC_003, '$ kubectl -n plang describe po', '```');

describe('the tag that fits the host', () => {
  test.each([
    ['10.0.17763.1879', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com/windows/servercore:ltsc2019'],
    ['10.0.17763.1879', 'mcr.microsoft.com/windows/nanoserver:ltsc2022', 'mcr.microsoft.com/windows/nanoserver:1809'],
    ['10.0.14393.1770', 'microsoft/nanoserver:10.0.14393.1944', 'mcr.microsoft.com/windows/nanoserver:10.0.14393.1770'],
    ['10.0.20348.1', 'mcr.microsoft.com/windows/servercore:ltsc2025', 'mcr.microsoft.com/windows/servercore:ltsc2022'],
    ['10.0.26100.1', 'mcr.microsoft.com/windows/servercore:ltsc2019', 'mcr.microsoft.com/windows/servercore:ltsc2025'],
    ['10.0.19042.1', '1809', 'mcr.microsoft.com/windows/servercore:20H2'],
  ])('host %s, image %s → %s', (h, i, ref) => {
    const tag = check(h, i).actions.find((a) => a.id === 'pull-tag');
    expect(tag).toMatchObject({ kind: 'tag', command: `docker pull ${ref}`, snippet: `FROM ${ref}`, fixRef: { topic: 'choose-image-tag', fix: 'pull-pinned-image' } });
  });

  test('a Windows Server 2016 host of unknown revision: find it first, the tag keeps a placeholder', () => {
    const r = check('10.0.14393', 'mcr.microsoft.com/windows/servercore:10.0.14393.1770');
    expect(r.actions.map((a) => a.id)).toEqual(['find-host-revision', 'pull-tag', 'run-hyperv']);
    expect(r.actions[1]?.command).toBe('docker pull mcr.microsoft.com/windows/servercore:10.0.14393.{{revision}}');
  });

  test('an own image is rebuilt on the base that fits', () => {
    const r = check('10.0.17763.1', 'contoso/myimage:windowsservercore-ltsc2022');
    expect(r.actions[0]).toMatchObject({ id: 'rebuild-on-tag', title: expect.stringContaining('contoso/myimage'), snippet: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019' });
    expect(r.actions[0]?.fixRef).toBeUndefined();
  });

  test.each([
    ['mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019', 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022'],
    ['mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019', 'mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022'],
    // Nano Server stays Nano Server (found by a new-user helper: "rebuild on Server Core" was advised).
    ['mcr.microsoft.com/powershell:lts-nanoserver-1809', 'mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022'],
  ])('a Microsoft image built on a base image: its variant for the host, the release in its tag changed (%s)', (ref, variant) => {
    const r = check('10.0.20348.2655', ref);
    expect(r.actions[0]).toMatchObject({ id: 'pull-variant', command: `docker pull ${variant}`, fixRef: { topic: 'choose-image-tag', fix: 'pull-pinned-image' } });
    expect(r.actions.map((a) => a.id)).not.toContain('rebuild-on-tag');
  });

  test('the variant takes the release its family uses for the host, and never a revision or a version number (found by a tester)', () => {
    // Nano Server names Windows Server 2019 1809, not ltsc2019.
    expect(check('10.0.17763.5329', 'mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022').actions[0]).toMatchObject({ id: 'pull-variant', command: 'docker pull mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-1809' });
    // A 2016 host's tag is its full revision: no product image is tagged so.
    expect(check('10.0.14393.7000', 'mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019').actions.map((a) => a.id)).not.toContain('pull-variant');
    // 1809 after a dot is a version, not a release.
    expect(check('10.0.20348.2655', 'mcr.microsoft.com/dotnet/runtime:6.0.1809').actions.map((a) => a.id)).not.toContain('pull-variant');
  });

  test('the retired full Windows image points at its successor, windows/server, where that has a tag for the host (found by a tester: "rebuild on Server Core")', () => {
    for (const [host, tag] of [['10.0.20348.2655', 'ltsc2022'], ['10.0.26100.1742', 'ltsc2025']] as const) {
      for (const image of ['mcr.microsoft.com/windows:1809', 'mcr.microsoft.com/windows:20H2']) {
        const r = check(host, image);
        expect(r.actions[0]).toMatchObject({ id: 'pull-variant', command: `docker pull mcr.microsoft.com/windows/server:${tag}` });
        expect(r.actions.map((a) => a.id)).not.toContain('rebuild-on-tag');
      }
    }
    // Before 2022 there is no windows/server tag: no successor is offered.
    expect(check('10.0.14393.7000', 'mcr.microsoft.com/windows:1809').actions.map((a) => a.command ?? '').join(' ')).not.toContain('windows/server');
  });

  test('windows/server, published from 2022 on only, is never offered with an older tag: Server Core\'s instead (found by a tester)', () => {
    for (const [host, image] of [['10.0.17763.1', 'mcr.microsoft.com/windows/servercore:ltsc2019'], ['10.0.14393.5000', 'mcr.microsoft.com/windows/servercore:10.0.14393.5000']] as const) {
      const commands = check(host, 'mcr.microsoft.com/windows/server:ltsc2022').actions.map((a) => a.command ?? '');
      expect(commands).toContain(`docker pull ${image}`);
      expect(commands.join(' ')).not.toMatch(/windows\/server:(?!ltsc2022)/);
    }
  });

  test('an image of another publisher, or a Microsoft tag that names no release, is rebuilt as before', () => {
    expect(check('10.0.20348.2655', 'contoso/app:ltsc2019').actions[0]?.id).toBe('rebuild-on-tag');
    expect(check('10.0.20348.2655', 'mcr.microsoft.com/dotnet/framework/aspnet:4.8').actions.map((a) => a.id)).not.toContain('pull-variant');
  });

  test('nothing to do when process isolation is a yes', () => {
    expect(check('10.0.20348.2227', 'ltsc2022').actions).toEqual([]);
  });
});

describe('Hyper-V isolation', () => {
  test('docker run --isolation=hyperv with the image', () => {
    const r = check('10.0.17763.1', 'mcr.microsoft.com/windows/servercore:ltsc2016');
    expect(r.actions.find((a) => a.kind === 'hyperv')).toMatchObject({
      command: 'docker run --isolation=hyperv mcr.microsoft.com/windows/servercore:ltsc2016',
      fixRef: { topic: 'hyperv-isolation', fix: 'run-hyperv-isolated' },
    });
  });

  test('not offered when the image is newer than the host', () => {
    expect(check('10.0.17763.1', 'ltsc2022').actions.map((a) => a.kind)).toEqual(['tag']);
  });
});

describe('Docker Swarm, from docker service ps of angry_liskov (003)', () => {
  const r = check('10.0.16299.125', SERVICE_PS_003);

  test('the verdict', () => {
    expect([r.process, r.hyperv, r.image.service]).toEqual(['no', 'yes', 'angry_liskov']);
  });

  test('daemon.json exec-opts and a restart instead of docker run', () => {
    const a = r.actions.filter((x) => x.kind === 'swarm-hyperv');
    expect(a.map((x) => [x.snippet ?? x.command, x.fixRef?.fix])).toEqual([
      ['{ "exec-opts": ["isolation=hyperv"] }', 'set-default-isolation-hyperv'],
      ['Stop-Service docker; Start-Service docker', 'restart-docker'],
    ]);
    expect(a[0]?.title).toContain('C:\\ProgramData\\docker\\config\\daemon.json');
    expect(r.actions.some((x) => x.kind === 'hyperv')).toBe(false);
  });

  test('node labels and service constraints with the real names', () => {
    expect(commands(r)).toContain('docker node update --label-add OS=windows WIN-BSTMQDRQC2E');
    expect(commands(r)).toContain('docker node update --label-add OsVersion=10.0.16299 WIN-BSTMQDRQC2E');
    expect(commands(r)).toContain(
      'docker service update --constraint-add "node.labels.OS == windows" --constraint-add "node.labels.OsVersion == 10.0.14393" angry_liskov',
    );
    const label = r.actions.find((x) => x.id === 'swarm-node-label');
    expect(label).toMatchObject({ params: { node: 'WIN-BSTMQDRQC2E', os_version: '10.0.16299' }, fixRef: { topic: 'swarm-labels-constraints', fix: 'label-node-osversion' } });
    expect(r.actions.find((x) => x.kind === 'swarm-constraint')?.fixRef).toEqual({ topic: 'swarm-labels-constraints', fix: 'constrain-service' });
  });

  test('unknown names stay placeholders for the fix runner', () => {
    const h = { ...host(data, '10.0.17763.1'), orchestrator: 'swarm' as const };
    const a = checkCompat(h, image(data, 'ltsc2016'), data).actions;
    expect(a.find((x) => x.id === 'swarm-node-label')?.command).toMatch(/OsVersion=10\.0\.17763 \{\{node\}\}$/);
    expect(a.find((x) => x.kind === 'swarm-constraint')?.command).toMatch(/== 10\.0\.14393" \{\{service\}\}$/);
  });

  test('docker info of a Swarm host brings its name', () => {
    const info = ' Swarm: active\n Kernel Version: 10.0 17763 (17763.1.amd64fre.rs5_release.180914-1434)\n Operating System: Windows Server 2019 Datacenter Version 1809 (OS Build 17763.1879)\n OSType: windows\n Name: SWARM-WIN-02\n';
    expect(commands(check(info, 'microsoft/windowsservercore:10.0.14393.1770'))).toContain(
      'docker node update --label-add OsVersion=10.0.17763 SWARM-WIN-02',
    );
  });

  test('the flattened paste of 002 carries the service name into the actions', () => {
    const r2 = check('10.0.17763.1879', sourceBlock(DOC_002, 'C:\\Program Files\\Docker>docker service ps --no-trunc angry_liskov', 'Det här är'));
    expect(r2.image.service).toBe('angry_liskov');
    expect(r2.actions.map((a) => a.id)).toEqual(['inspect-image', 'rebuild-on-tag']);
  });
});

describe('Kubernetes, from kubectl describe node and pod (003)', () => {
  test('the pod ran on 38519acs9011: that node is checked and every node is labelled', () => {
    const r = check(NODES_003, 'microsoft/iis:windowsservercore-10.0.14393.1715');
    expect(r.host).toMatchObject({ node: '38519acs9010', build: 14393 });
    expect(r.process).toBe('yes');
    const onNode11 = checkCompat(host(data, NODES_003), { ...image(data, 'microsoft/iis:windowsservercore-10.0.14393.1715'), nodeName: '38519acs9011' }, data);
    expect(onNode11.host).toMatchObject({ node: '38519acs9011', build: 16299, release: expect.stringContaining('1709') });
    expect([onNode11.process, onNode11.hyperv]).toEqual(['no', 'yes']);
    expect(commands(onNode11)).toEqual([
      'FROM mcr.microsoft.com/windows/servercore:1709',
      'kubectl label node 38519acs9011 beta.kubernetes.io/osbuild=16299',
      'kubectl label node 38519acs9010 beta.kubernetes.io/osbuild=14393.1715',
      'nodeSelector:\n  "beta.kubernetes.io/os": windows\n  "beta.kubernetes.io/osbuild": "14393.1715"',
    ]);
    expect(onNode11.actions.find((a) => a.kind === 'k8s-label')?.fixRef).toEqual({ topic: 'k8s-node-labels-nodeselector', fix: 'label-node-osbuild' });
    expect(onNode11.reasons.at(-1)?.text).toContain('38519acs9010 (build 14393.1715: process yes, Hyper-V yes)');
  });

  test('the pod paste names its node, so the host paste is matched to it', () => {
    const r = check(NODES_003, POD_003);
    expect(r.host.node).toBe('38519acs9011');
    expect(r.actions.map((a) => a.id)).toContain('inspect-image');
    expect(commands(r)).toContain('kubectl label node 38519acs9011 beta.kubernetes.io/osbuild=16299');
  });

  test('a pod paste alone: the node name from its Node: line', () => {
    const pod = POD_003.replace('patricklang/fabrikamfiber.web:latest', 'microsoft/windowsservercore:10.0.14393.1715');
    expect(commands(check('10.0.16299.0', pod))).toContain('kubectl label node 38519acs9011 beta.kubernetes.io/osbuild=16299');
  });

  test('without any node name the label keeps a placeholder', () => {
    const h = { ...host(data, '10.0.16299.0'), orchestrator: 'kubernetes' as const };
    expect(commands(checkCompat(h, image(data, '10.0.14393.1715'), data))).toContain('kubectl label node {{node}} beta.kubernetes.io/osbuild=16299');
  });
});
