import { describe, expect, it } from 'vitest';
import { readPasteBuilds } from '../../../src/core/diagnosis/builds.js';

const tags: Record<string, number> = { ltsc2019: 17763, ltsc2022: 20348, '1809': 17763, '1709': 16299 };
const buildOfTag = (t: string) => tags[t.toLowerCase()];

describe('readPasteBuilds', () => {
  it('reads both builds from a host/container OS version report', () => {
    expect(readPasteBuilds('Container OS Version: 10.0.17763.437 (ltsc2019)\nHost OS Version: 10.0.18362.116 (1903)', {}, buildOfTag)).toMatchObject({ host: { build: 18362 }, image: { build: 17763 } });
  });

  it('reads both from the pull message of a newer image', () => {
    const r = readPasteBuilds('a Windows version 10.0.16299-based image is incompatible with a 10.0.14393 host', {}, buildOfTag);
    expect(r.host?.build).toBe(14393);
    expect(r.image?.build).toBe(16299);
  });

  it('reads the pull message quoted without its leading article, and with a host revision', () => {
    const r = readPasteBuilds('"Windows version 10.0.17763-based image is incompatible with a 10.0.17134.1 host"', {}, buildOfTag);
    expect(r.host?.build).toBe(17134);
    expect(r.image?.build).toBe(17763);
  });

  it('takes the image build from the image tag once a host build is known', () => {
    const r = readPasteBuilds('Kernel Version: 10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)', { image: 'fabrikam/api:2.4-ltsc2019', tag: '2.4-ltsc2019' }, buildOfTag);
    expect(r).toMatchObject({ host: { build: 20348 }, image: { build: 17763, said: 'fabrikam/api:2.4-ltsc2019' } });
    expect(readPasteBuilds('Microsoft Windows [Version 10.0.17763.5830]', { tag: '10.0.17763.437' }, buildOfTag).image?.build).toBe(17763);
  });

  describe('a client host named in words, with the release names of the compatibility data', () => {
    const names: Record<string, number> = { 'Windows 10 22H2': 19045, 'Windows 10 1909': 18363, 'Windows 11 24H2': 26100 };
    const buildOfName = (n: string) => names[n];
    it.each([
      // text, entities, host (build, client), image build
      ['Our build agent is Windows 10 22H2 without Hyper-V; New-BcImage now picks ltsc2019', {}, 19045, 17763],
      ['On Windows 10 Pro 1909 (build 18363.476) docker run fails', { tag: 'ltsc2019' }, 18363, 17763],
      ['Auf unserem Build-Agent (Windows 10 22h2, ohne Hyper-V) wählt New-BcImage ltsc2019', {}, 19045, 17763],
      ['Windows 11 24H2 runs servercore:ltsc2022 fine', { tag: 'ltsc2022' }, 26100, 20348],
      ['Windows 10 22H2 host, image unknown', {}, 19045, undefined],
      // Microsoft's own way of naming a release ("Windows 10, version 22H2") and a person's ("Windows 11 version 24H2").
      ['Our CI runs on Windows 10 version 22H2; the windowsservercore-ltsc2022 image fails there', {}, 19045, 20348],
      ['Since my PC moved to Windows 11, version 24H2, the container will not start', {}, 26100, undefined],
    ] as const)('%s', (text, entities, host, image) => {
      const r = readPasteBuilds(text, entities, buildOfTag, buildOfName);
      expect(r.host).toMatchObject({ build: host, client: true });
      expect(r.image?.build).toBe(image);
    });

    it('reads no server release as the host (a server name may be the image), and nothing without the names', () => {
      expect(readPasteBuilds('run Windows Server 2019 images on Windows Server 2022', {}, buildOfTag, buildOfName)).toEqual({});
      expect(readPasteBuilds('Windows 10 22H2 with ltsc2019', {}, buildOfTag)).toEqual({});
      expect(readPasteBuilds('Windows 10 2H22 with ltsc2019', {}, buildOfTag, buildOfName)).toEqual({});
    });

    it('prefers a printed host version to the words', () => {
      expect(readPasteBuilds('Windows 10 22H2\nHost OS Version: 10.0.19044.1', {}, buildOfTag, buildOfName).host).toMatchObject({ build: 19044 });
    });
  });

  it("does not read a build mismatch into a pull's refusal of a manifest list: the tag has no variant for the host", () => {
    const r = readPasteBuilds('ltsc2022: Pulling from windows/nanoserver\nno matching manifest for windows/amd64 10.0.19045 in the manifest list entries', { tag: 'ltsc2022' }, buildOfTag);
    expect(r.host).toBeUndefined();
    // It is kept apart, to tell a client host (the fact rule's client-host, never build-mismatch).
    expect(r.refusedFor).toMatchObject({ build: 19045 });
    expect(r.image).toMatchObject({ build: 20348 });
    expect(readPasteBuilds('no matching manifest for windows(10.0.26100)/amd64 in the manifest list entries', {}, buildOfTag).refusedFor).toMatchObject({ build: 26100 });
  });

  it("reads the host from systeminfo's OS Version line and the image from a Dockerfile's FROM line", () => {
    const paste = 'OS Name:                   Microsoft Windows Server 2016 Standard\nOS Version:                10.0.14393 N/A Build 14393\nStep 1/5 : FROM microsoft/iis:windowsservercore-1709\nfailed to register layer';
    expect(readPasteBuilds(paste, {}, buildOfTag)).toMatchObject({ host: { build: 14393 }, image: { build: 16299, said: 'Step 1/5 : FROM microsoft/iis:windowsservercore-1709' } });
    // A tag the paste's command line gave wins over a FROM line.
    expect(readPasteBuilds(paste, { tag: 'ltsc2019' }, buildOfTag)).toMatchObject({ image: { build: 17763 } });
    // Not an "OS Version" inside a sentence, nor a FROM inside one.
    expect(readPasteBuilds('the OS Version: 10.0.14393 here; we copy FROM microsoft/iis:1709', {}, buildOfTag)).toEqual({});
  });

  it("reads a host's OS version said in a sentence, and a base image named with its tag in one", () => {
    const r = readPasteBuilds('On Windows 10 Enterprise 2016 LTSB (OS version 10.0.14393), pulling microsoft/dotnet-framework:4.7.1-windowsservercore-1709 fails', {}, buildOfTag);
    expect(r).toMatchObject({ host: { build: 14393 }, image: { build: 16299, said: 'windowsservercore-1709' } });
    expect(readPasteBuilds('the host OS version is 10.0.17763.1039 and only nanoserver 1709 images are built', {}, buildOfTag)).toMatchObject({ host: { build: 17763 }, image: { build: 16299 } });
    // Said of the container, or bare inside a sentence: not the host's.
    expect(readPasteBuilds('the container (OS version 10.0.17763) and the image OS version 10.0.17763', {}, buildOfTag).host).toBeUndefined();
  });

  it("reads Windows 10's long-term editions as client hosts, when the paste names one Windows release only", () => {
    expect(readPasteBuilds('Windows 10 Enterprise LTSC 2019 with servercore:ltsc2022', {}, buildOfTag).host).toMatchObject({ build: 17763, client: true });
    expect(readPasteBuilds('a Windows 10 2016 LTSB machine', {}, buildOfTag).host).toMatchObject({ build: 14393, client: true });
    // Two releases compared: none of them is the host.
    expect(readPasteBuilds('On a Windows 11 host the build fails; it was later seen on Windows 10 LTSC 2019 too', {}, buildOfTag)).toEqual({});
    const names = (n: string) => ({ 'Windows 10 1909': 18363 })[n];
    expect(readPasteBuilds('Windows Server 2019 runs only 1809; Windows 10 1909 runs nanoserver 1809 and 1909', {}, buildOfTag, names)).toEqual({});
  });

  it('reads a Windows Server release named as the host in words, and not one named as an image', () => {
    expect(readPasteBuilds('The openjdk:11-windowsservercore-1709 image does not run on our Windows Server 2019 Core machines', {}, buildOfTag)).toMatchObject({
      host: { build: 17763, said: 'on our Windows Server 2019' },
      image: { build: 16299 },
    });
    expect(readPasteBuilds('a Windows Server 2022 Datacenter VM with nanoserver:ltsc2019', {}, buildOfTag).host).toMatchObject({ build: 20348 });
    expect(readPasteBuilds('Docker EE running Windows Server 2016', {}, buildOfTag).host).toMatchObject({ build: 14393 });
    expect(readPasteBuilds('is there a Windows Server 2019 image of it?', {}, buildOfTag).host).toBeUndefined();
    expect(readPasteBuilds('it runs on the Windows Server 2019 variant too', {}, buildOfTag).host).toBeUndefined();
    // Found by a reviewer: an image named after "on", and "based on".
    expect(readPasteBuilds('the app image on Windows Server 2016 Core image fails', {}, buildOfTag).host).toBeUndefined();
    expect(readPasteBuilds('our image is based on Windows Server 2019 and fails', {}, buildOfTag).host).toBeUndefined();
    expect(readPasteBuilds('the Dockerfile builds on Windows Server 2022 Server Core', {}, buildOfTag).host).toBeUndefined();
    // Two releases compared: none of them is the host.
    expect(readPasteBuilds('on Windows Server 2019 it works, on Windows Server 2022 hosts it does not', {}, buildOfTag).host).toBeUndefined();
  });

  it('reads a Windows 10 or 11 named with its version number as the client host', () => {
    expect(readPasteBuilds('On Windows 10 Enterprise 10.0.17134, pulling mcr.microsoft.com/windows/nanoserver:1809 fails', {}, buildOfTag)).toMatchObject({
      host: { build: 17134, client: true },
      image: { build: 17763 },
    });
    expect(readPasteBuilds('Windows 11 Pro (build 22631) cannot run it', {}, buildOfTag).host).toMatchObject({ build: 22631, client: true });
    expect(readPasteBuilds('Windows 10 version 10.0.19045 here', {}, buildOfTag).host).toMatchObject({ build: 19045 });
    // A number that is no build, a bare five digits without "build", and two releases compared: no host.
    expect(readPasteBuilds('Windows 10 Pro 12345 users', {}, buildOfTag).host).toBeUndefined();
    expect(readPasteBuilds('Windows 11 build 00042', {}, buildOfTag).host).toBeUndefined();
    expect(readPasteBuilds('Windows 10 10.0.19045 works, Windows 11 10.0.22631 does not', {}, buildOfTag).host).toBeUndefined();
  });

  it('claims nothing without a host build, or from tags it cannot read', () => {
    expect(readPasteBuilds('image fabrikam/api:ltsc2019 failed', { tag: 'ltsc2019' }, buildOfTag)).toEqual({});
    expect(readPasteBuilds('OS Build 19045.3803', { tag: 'latest' }, buildOfTag)).toEqual({ host: { build: 19045, said: 'OS Build 19045.3803' } });
  });
});

describe('readPasteBuilds on adversarial text (the prose forms read a whole paste)', () => {
  const names = (n: string) => ({ 'Windows 10 22H2': 19045 })[n];
  it.each([
    ['spaces', `Windows 10${' '.repeat(200_000)}LTSC 2019 (OS version${' '.repeat(200_000)}10.0.17763)`],
    ['tabs and newlines', `host OS version${'\t\n'.repeat(100_000)}10.0.17763 servercore${'\t'.repeat(100_000)}1709`],
    ['repeated releases', 'Windows 10 Windows Server 2019 '.repeat(20_000)],
    ['a server release and its host word apart', `on our Windows${' '.repeat(200_000)}Server 2019 ${'Core '.repeat(40_000)}machines`],
    ['repeated brackets', '(OS version ('.repeat(40_000) + 'nanoserver-:'.repeat(40_000)],
    ['a release and its version apart', `Windows 11 Pro (build${' '.repeat(200_000)}22631) Windows 10 ${'Enterprise '.repeat(40_000)}10.0.17134`],
    ['control characters', `Windows 10 LTSC 2019\u0000\u001b[31m(OS version\u0007 10.0.17763)\u0008 servercore-1709${'\u0001'.repeat(100_000)}`],
  ])('%s: reads nothing across the noise', (_name, text) => {
    // Linear patterns: the regex-safety test times every literal of src/; here, what they read.
    const r = readPasteBuilds(text, {}, buildOfTag, names);
    // No host where spaces, tabs or control characters break a form apart; no host among many named releases.
    expect(r.host === undefined || r.host.said.length < 80).toBe(true);
  });

  it('keeps what it reads beside the noise', () => {
    const r = readPasteBuilds(`${'\u0007'.repeat(10_000)}On Windows 10 Enterprise LTSC 2019 pulling servercore:1709\u001b[0m`, {}, buildOfTag);
    expect(r).toMatchObject({ host: { build: 17763, client: true }, image: { build: 16299 } });
  });
});
