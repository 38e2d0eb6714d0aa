// The facts the fact rule reads from a paste's builds, per topic that lists them: which facts a paste
// establishes decides which topics they count for (knowledge/topics/*.yaml `facts`).
import { describe, expect, it } from 'vitest';
import { WEIGHTS } from '../../../../src/core/diagnosis/weights.js';
import { readWindowsImageOnLinux } from '../../../../src/core/diagnosis/engine-platform.js';
import { scoredFor, verdictOf } from './helpers.js';

const factsFor = (paste: string, topic: string) =>
  (scoredFor(paste).get(topic)?.evidence ?? []).filter((e) => e.rule === 'fact').map((e) => e.signature.split(':')[0]);

const SERVER_NEWER = 'PS C:\\> docker pull contoso/api:2.1-ltsc2022\nError response from daemon: a Windows version 10.0.20348-based image is incompatible with a 10.0.17763 host';
const CLIENT_NEWER = 'docker run contoso/api:2.1-ltsc2022\ndocker: Error response from daemon: a Windows version 10.0.20348-based image is incompatible with a 10.0.19045 host.';
const SERVER_OLDER = 'Host OS Version: 10.0.20348.2340 (ltsc2022)\nContainer OS Version: 10.0.17763.5576 (ltsc2019)\nhcsshim::CreateComputeSystem 1a2b: The container operating system does not match the host operating system.';
const CLIENT_OLDER = 'Host OS Version: 10.0.19045.4170\nContainer OS Version: 10.0.17763.5576 (ltsc2019)\nUsing process isolation';
const SAME = 'Host OS Version: 10.0.17763.5576\nContainer OS Version: 10.0.17763.5576 (ltsc2019)';
// A pull's refusal names the host's build: a client one (19045) for an ltsc2022 tag; a server one (17763, also Windows 10
// 1809) says nothing of a client host. Neither is read as a build mismatch.
const REFUSED_CLIENT = 'docker pull mcr.microsoft.com/windows/nanoserver:ltsc2022\nltsc2022: Pulling from windows/nanoserver\nno matching manifest for windows/amd64 10.0.19045 in the manifest list entries';
const REFUSED_SERVER = 'docker pull mcr.microsoft.com/windows/nanoserver:ltsc2022\nltsc2022: Pulling from windows/nanoserver\nno matching manifest for windows/amd64 10.0.17763 in the manifest list entries';

describe('facts from the builds a paste shows', () => {
  it.each([
    // paste, topic, facts recorded for it
    [SERVER_NEWER, 'version-compat-matrix', ['build-mismatch', 'image-newer-than-host']],
    [SERVER_NEWER, 'windows-client-host-compat', ['build-mismatch', 'image-newer-than-host']], // 17763 is also Windows 10 1809: not a client-only build
    [SERVER_NEWER, 'version-mismatch-error', ['build-mismatch']],
    [CLIENT_NEWER, 'windows-client-host-compat', ['build-mismatch', 'image-newer-than-host', 'client-host']],
    [CLIENT_NEWER, 'version-compat-matrix', ['build-mismatch', 'image-newer-than-host']],
    [SERVER_OLDER, 'version-compat-matrix', ['build-mismatch']],
    [SERVER_OLDER, 'version-mismatch-error', ['build-mismatch']],
    [CLIENT_OLDER, 'windows-client-host-compat', ['build-mismatch', 'client-host']],
    [SAME, 'version-mismatch-error', []],
    [SAME, 'windows-client-host-compat', []],
    [REFUSED_CLIENT, 'windows-client-host-compat', ['client-host']],
    [REFUSED_CLIENT, 'version-mismatch-error', []],
    [REFUSED_SERVER, 'windows-client-host-compat', []],
  ] as const)('%#: %s → %s', (paste, topic, facts) => {
    expect(factsFor(paste, topic)).toEqual(facts);
  });

  it('weighs each fact by its row of the weights table', () => {
    const weights = (scoredFor(CLIENT_NEWER).get('windows-client-host-compat')?.evidence ?? []).filter((e) => e.rule === 'fact').map((e) => e.weight);
    expect(weights).toEqual([WEIGHTS.fact.buildMismatch, WEIGHTS.fact.imageNewer, WEIGHTS.fact.clientHost]);
  });

  it('ranks the compatibility rule first for an image newer than the host, and the client rules on a client host', () => {
    const id = (paste: string) => verdictOf(paste)[0]?.split(' ')[0];
    expect(id(SERVER_NEWER)).toBe('version-compat-matrix');
    expect(id(CLIENT_NEWER)).toBe('windows-client-host-compat');
    expect(id(SERVER_OLDER)).toBe('version-mismatch-error');
  });
});

describe('a Windows image on an engine that runs Linux containers', () => {
  const TOPIC = 'windows-image-on-linux-engine';
  it.each([
    // paste, whether the fact holds: what the paste shows of the engine and of the image, whatever the message
    ['$ sudo docker pull mcr.microsoft.com/windows/servercore:ltsc2022\nltsc2022: Pulling from windows/servercore\nunknown blob', true],
    ['podman pull mcr.microsoft.com/dotnet/framework/sdk:4.8\nError: writing blob: adding layer: unpacking failed (error: exit status 1)', true],
    ['Storage Driver: overlay2\nOSType: linux\n...\nStep 1/4 : FROM contoso/app:1.2-nanoserver-ltsc2022\nerror pulling image configuration', true],
    // A Windows layer's folders in a Linux layer store's path: moby's overlay2 layer, an older graph driver's tar applier.
    ['failed to extract layer sha256:0f1e: link /var/lib/docker/overlay2/a1b2/diff/Files/Windows/System32/drivers/etc/hosts: no such file or directory', true],
    ['failed to register layer: Error processing tar file(exit status 1): mkdir /Hives/DefaultUser_Delta: permission denied', true],
    // A Windows engine: the same image, no Linux machinery; the layer's folders written under its drive, with backslashes.
    ['PS C:\\> docker pull mcr.microsoft.com/windows/servercore:ltsc2022\nltsc2022: Pulling from windows/servercore\nunknown blob', false],
    ['hcsshim::ImportLayer failed in Win32: Access is denied. (0x5) path=C:\\ProgramData\\docker\\windowsfilter\\1a2b\\Files\\Windows\\System32', false],
    // A Linux engine with a Linux image.
    ['$ sudo docker pull nginx:1.25\nfailed to register layer: Error processing tar file(exit status 1): unknown blob\nStorage Driver: overlay2', false],
    // Docker Toolbox's own tools name the engine.
    ['Kitematic: pulling microsoft/iis failed after 3 of 5 layers', true],
    ['In the Docker Quickstart Terminal: docker run -it microsoft/windowsservercore cmd\nno such image', true],
    // A Windows image told in words is enough beside the engine's own mark, not beside `unknown blob` alone.
    ['Kitematic shows an error as soon as I choose one of the Windows images in its list', true],
    ['$ podman build -t app .\nthe base is a Windows container image; the build stops at the first layer', true],
    ['docker pull of a Windows base image stops with: unknown blob', false],
    ['Which Windows image should I use on Windows Server 2022?', false],
    // No mark of the engine: a Windows image's pull that stops at a blob the registry does not have (its foreign layers).
    ['Creating a microsoft/windowsservercore container from the GUI fails: "unknown blob"', true],
    ['docker-compose build\nStep 1/9 : FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nERROR: Service \'api\' failed to build: unknown blob', true],
    // The same words where the pull runs on a Windows host, through a registry between, or for a Linux image.
    ['PS D:\\src> docker pull mcr.microsoft.com/windows/nanoserver:ltsc2022\nunknown blob', false],
    ['docker pull nexus.corp.local:8082/windows/servercore:ltsc2019\nunknown blob', false],
    ['"registry-mirrors": ["https://hub-cache.corp"]\ndocker pull mcr.microsoft.com/windows/servercore:ltsc2022\nunknown blob', false],
    ['docker pull microsoft/windowsservercore\nblob unknown: blob unknown to registry', false],
    ['docker pull node:20\nunknown blob', false],
    ['Docker Hub outage? docker pull microsoft/nanoserver and every other image fail with unknown blob', false],
  ] as const)('%#: %s → %s', (paste, holds) => {
    expect(readWindowsImageOnLinux(paste) !== undefined).toBe(holds);
    expect(factsFor(paste, TOPIC)).toEqual(holds ? ['linux-engine-windows-image'] : []);
  });

  it('weighs the fact by its row and shows the topic on it alone', () => {
    const paste = 'simon@build-01:~/shop$ sudo docker-compose up\nStep 1/6 : FROM microsoft/aspnet:4.7.2\n4.7.2: Pulling from microsoft/aspnet\nERROR: Service \'web\' failed to build: unknown blob';
    expect((scoredFor(paste).get(TOPIC)?.evidence ?? []).filter((e) => e.rule === 'fact').map((e) => e.weight)).toEqual([WEIGHTS.fact.windowsImageOnLinux]);
    expect(verdictOf(paste)[0]?.split(' ')[0]).toBe(TOPIC);
  });
});
