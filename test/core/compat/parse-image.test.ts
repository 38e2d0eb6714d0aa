import { describe, expect, test } from 'vitest';
import { MAX_TABLE_IMAGES, parseImage, parseImages } from '../../../src/core/compat/parse-image.js';
import { DOC_002, DOC_003, loadCompatData, sourceBlock } from './load-compat.js';

const data = loadCompatData();
const read = (input: string) => {
  const r = parseImage(input, data);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('image references and tags', () => {
  test.each([
    ['mcr.microsoft.com/windows/servercore:ltsc2019', 'mcr.microsoft.com/windows/servercore', 'ltsc2019', 17763, null, null, 'ltsc'],
    ['microsoft/nanoserver:1709_KB4043961', 'microsoft/nanoserver', '1709_KB4043961', 16299, null, 'KB4043961', 'release'],
    ['mcr.microsoft.com/windows/nanoserver:1809-KB4493509', 'mcr.microsoft.com/windows/nanoserver', '1809-KB4493509', 17763, null, 'KB4493509', 'release'],
    ['nanoserver:10.0.17763.437', 'nanoserver', '10.0.17763.437', 17763, 437, null, 'version'],
    ['microsoft/nanoserver:10.0.14393.1770', 'microsoft/nanoserver', '10.0.14393.1770', 14393, 1770, null, 'version'],
    ['microsoft/iis:windowsservercore-10.0.14393.1715', 'microsoft/iis', 'windowsservercore-10.0.14393.1715', 14393, 1715, null, 'version'],
    ['mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022', 'mcr.microsoft.com/dotnet/framework/aspnet', '4.8-windowsservercore-ltsc2022', 20348, null, null, 'ltsc'],
    ['microsoft/windowsservercore:1709', 'microsoft/windowsservercore', '1709', 16299, null, null, 'release'],
    ['myregistry:5000/team/app:20H2', 'myregistry:5000/team/app', '20H2', 19042, null, null, 'release'],
    ['mcr.microsoft.com/windows/servercore:latest', 'mcr.microsoft.com/windows/servercore', 'latest', null, null, null, 'latest'],
    ['windows/servercore/iis', 'windows/servercore/iis', null, null, null, null, 'missing'],
    ['contoso/myimage', 'contoso/myimage', null, null, null, null, 'missing'],
    ['contoso/myimage:v2', 'contoso/myimage', 'v2', null, null, null, 'other'],
    ['microsoft/iis:windowsservercore-10.0.14393.1715@sha256:868bca7e89e1743792e15f78edb5a73070ef44eae6807dc3f05f9b94c23943d5', 'microsoft/iis', 'windowsservercore-10.0.14393.1715', 14393, 1715, null, 'version'],
  ])('%s', (input, repository, tag, build, revision, kb, tagForm) => {
    expect(read(input)).toMatchObject({ repository, tag, build, revision, kb, tagForm, assumed: false });
  });

  test.each([
    ['ltsc2022', 20348, 'ltsc'],
    ['ltsc2025', 26100, 'ltsc'],
    ['ltsc2016', 14393, 'ltsc'],
    ['20H2', 19042, 'release'],
    ['1809', 17763, 'release'],
    ['1709_KB4043961', 16299, 'release'],
    ['latest', null, 'latest'],
  ])('bare tag %s → build %s', (input, build, tagForm) => {
    expect(read(input)).toMatchObject({ ref: null, repository: null, tag: input, build, tagForm });
  });

  test.each([
    ['17763', 17763, null, 'build'],
    ['20348.2227', 20348, 2227, 'build'],
    ['10.0.26100.1742', 26100, 1742, 'version'],
  ])('build number %s', (input, build, revision, tagForm) => {
    expect(read(input)).toMatchObject({ ref: null, tag: null, build, revision, tagForm });
  });

  test('latest or no tag of the old microsoft/* base images is taken as Windows Server 2016', () => {
    expect(read('microsoft/nanoserver')).toMatchObject({ build: 14393, revision: null, tagForm: 'missing', assumed: true });
    expect(read('microsoft/windowsservercore:latest')).toMatchObject({ build: 14393, tagForm: 'latest', assumed: true });
  });

  test('the release names come from the data', () => {
    expect(read('ltsc2019').release).toBe('Windows Server 2019 / Windows 10 1809 (October 2018 Update)');
  });
});

describe('pasted output', () => {
  test('docker service ps --no-trunc (003): image, service and node', () => {
    const text = sourceBlock(DOC_003, 'C:\\Program Files\\Docker>docker service ps --no-trunc angry_liskov', '```');
    expect(read(text)).toMatchObject({
      ref: 'microsoft/iis:windowsservercore-10.0.14393.1715', build: 14393, revision: 1715,
      serviceName: 'angry_liskov', nodeName: 'WIN-BSTMQDRQC2E', orchestrator: 'swarm',
    });
  });

  test('docker service ps with \\_ rows (002, flattened)', () => {
    const text = sourceBlock(DOC_002, 'C:\\Program Files\\Docker>docker service ps angry_liskov', 'Om du ser');
    expect(read(text)).toMatchObject({ ref: 'windows/servercore/iis', tagForm: 'missing', serviceName: 'angry_liskov', nodeName: 'WIN-BSTMQDRQC2E' });
  });

  test('docker service ls (003): the NAME column is the service', () => {
    const text = sourceBlock(DOC_003, 'ID                  NAME                MODE', '```');
    expect(read(text)).toMatchObject({ build: 14393, revision: 1715, serviceName: 'angry_liskov', nodeName: null });
  });

  test('docker images', () => {
    const text = 'REPOSITORY                             TAG        IMAGE ID       CREATED       SIZE\nmcr.microsoft.com/windows/nanoserver   1809       4f0d4c3ab9f1   3 weeks ago   258MB\n';
    expect(read(text)).toMatchObject({ ref: 'mcr.microsoft.com/windows/nanoserver:1809', build: 17763, serviceName: null });
  });

  test('docker images of several images: parseImages reads each once, in order, up to the most it takes', () => {
    const row = (repo: string, tag: string) => `${repo.padEnd(40)} ${tag.padEnd(10)} 4f0d4c3ab9f1   3 weeks ago   258MB`;
    const text = ['REPOSITORY                               TAG        IMAGE ID       CREATED       SIZE', row('mcr.microsoft.com/windows/servercore', 'ltsc2022'), row('mcr.microsoft.com/windows/nanoserver', '1809'), row('mcr.microsoft.com/windows/nanoserver', '1809'), row('myapp', 'latest')].join('\n');
    const r = parseImages(text, data);
    expect(r.ok && r.value.images.map((i) => [i.ref, i.build])).toEqual([
      ['mcr.microsoft.com/windows/servercore:ltsc2022', 20348],
      ['mcr.microsoft.com/windows/nanoserver:1809', 17763],
      ['myapp:latest', null],
    ]);
    expect(r.ok && r.value.more).toBe(0);
    expect(read(text).ref).toBe('mcr.microsoft.com/windows/servercore:ltsc2022');
    const long = ['REPOSITORY TAG IMAGE ID CREATED SIZE', ...Array.from({ length: MAX_TABLE_IMAGES + 5 }, (_, i) => row(`app${i}`, '1.0'))].join('\n');
    const many = parseImages(long, data);
    expect(many.ok && [many.value.images.length, many.value.more]).toEqual([MAX_TABLE_IMAGES, 5]);
    // One reference, a tag or a non-table paste is one image.
    const one = parseImages('ltsc2019', data);
    expect(one.ok && [one.value.images.length, one.value.more]).toEqual([1, 0]);
  });

  test('docker ps', () => {
    const text = 'CONTAINER ID   IMAGE                                           COMMAND                  CREATED\n0f1e2d3c4b5a   mcr.microsoft.com/windows/servercore:ltsc2022   "c:\\\\windows\\\\system32…"   2 minutes ago\n';
    expect(read(text)).toMatchObject({ ref: 'mcr.microsoft.com/windows/servercore:ltsc2022', build: 20348 });
  });

  test('kubectl describe pod (003): the Image: line and the node', () => {
    const text = sourceBlock(DOC_003, '$ kubectl -n plang describe po', '```');
    expect(read(text)).toMatchObject({ ref: 'patricklang/fabrikamfiber.web:latest', tagForm: 'latest', build: null, nodeName: '38519acs9011', orchestrator: 'kubernetes' });
  });

  test('a Dockerfile FROM line (002)', () => {
    expect(read(sourceBlock(DOC_002, 'FROM mcr.microsoft.com/windows/nanoserver:1809-KB4493509', 'Du kan'))).toMatchObject({ build: 17763, kb: 'KB4493509' });
  });

  test('a compose file', () => {
    expect(read("version: '3'\nservices:\n  YourServiceName:\n    image: microsoft/windowsservercore:1709\n")).toMatchObject({ build: 16299 });
  });

  test('a pull error names the image', () => {
    expect(read('Error response from daemon: manifest for mcr.microsoft.com/windows/servercore:latest not found: manifest unknown')).toMatchObject({ tagForm: 'latest' });
    expect(read('a Windows version 10.0.18362-based image is incompatible with a 10.0.17763 host')).toMatchObject({ ref: null, build: 18362, tagForm: 'version' });
  });

  test('docker image inspect', () => {
    expect(read('"Os": "windows",\n"OsVersion": "10.0.17763.1879",')).toMatchObject({ build: 17763, revision: 1879 });
  });

  test.each([
    ['empty', '', /empty/, 'empty', {}],
    ['no image', 'the container will not start', /no image reference/, 'noImage', {}],
    ['not a reference', 'Image:  <none>', /not an image reference/, 'notReference', { ref: '<none>' }],
  ])('rejects %s, with an id and values for the UI', (_name, input, message, id, params) => {
    const r = parseImage(input, data);
    expect(r.ok ? 'parsed' : r.error.message).toMatch(message);
    expect(!r.ok && r.error).toMatchObject({ id, params });
  });
});

describe('a revision no Windows has (found by a helper trying the CLI)', () => {
  test.each([
    'mcr.microsoft.com/windows/servercore:10.0.14393.99999999999999999999',
    '10.0.14393.9999999999999999999999999',
    `14393.${'9'.repeat(400)}`,
    'a windows version 10.0.14393.99999999999999999999-based image is incompatible',
  ])('past nine digits the revision is unknown, never 1e+25 or Infinity: %s', (input) => {
    const image = read(input.slice(0, 120));
    expect(image.build).toBe(14393);
    expect(image.revision).toBeNull();
  });
});
