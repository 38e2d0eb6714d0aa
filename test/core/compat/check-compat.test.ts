import { describe, expect, test } from 'vitest';
import { checkCompat } from '../../../src/core/compat/check-compat.js';
import type { HostFamily } from '../../../src/core/compat/types.js';
import { processFloor } from '../../../src/core/compat/versions.js';
import { host, image } from './helpers.js';
import { loadCompatData } from './load-compat.js';

const data = loadCompatData();
const check = (h: string, i: string, family?: HostFamily | null) => checkCompat(host(data, h, family), image(data, i), data);
const ids = (r: { reasons: { id: string }[] }) => r.reasons.map((x) => x.id);

describe('the compatibility tables of the sources, row by row', () => {
  // Written from the documents themselves, so a wrong edit of tables.yaml cannot hide a wrong rule.
  test.each([
    // 003 (2017): rows are the container OS, columns the host OS.
    ['003', 14393, null, 14393, 'yes', 'yes'],
    ['003', 16299, null, 14393, 'no', 'yes'],
    ['003', 14393, null, 16299, 'no', 'no'],
    ['003', 16299, null, 16299, 'yes', 'yes'],
    // 002, Windows Server host (2025): WS2025 ✅✅, WS2022 ✅✅, WS2019 ✅❌, WS2016 ✅❌.
    ['002 server', 26100, 'server', 26100, 'yes', 'yes'],
    ['002 server', 26100, 'server', 20348, 'yes', 'yes'],
    ['002 server', 26100, 'server', 17763, 'no', 'yes'],
    ['002 server', 26100, 'server', 14393, 'no', 'yes'],
    // 002, Windows client host: WS2025 ✅¹✅¹ (¹ from Windows 11 24H2), WS2022 ✅✅, WS2019 ✅❌, WS2016 ✅❌.
    ['002 client', 26100, 'client', 26100, 'yes', 'yes'],
    ['002 client ¹', 22621, 'client', 26100, 'no', 'no'],
    ['002 client', 22000, 'client', 20348, 'yes', 'yes'],
    ['002 client', 22621, 'client', 20348, 'yes', 'yes'],
    ['002 client', 22621, 'client', 17763, 'no', 'yes'],
    ['002 client', 22621, 'client', 14393, 'no', 'yes'],
  ] as const)('%s: host %i (%s) image %i → process %s, Hyper-V %s', (_doc, h, family, i, process, hyperv) => {
    const r = check(`10.0.${h}.100`, `10.0.${i}.100`, family);
    expect([r.process, r.hyperv]).toEqual([process, hyperv]);
  });

  const rows = data.tables.flatMap((t) => t.rows.map((row) => ({ table: t.id, status: t.status, ...row })));
  test('tables.yaml keeps the older table as history and both newer tables', () => {
    expect(data.tables.map((t) => [t.id, t.status])).toEqual([
      ['ws2016-vs-1709', 'history'],
      ['server-host', 'current'],
      ['client-host', 'current'],
    ]);
  });
  test.each(rows)('tables.yaml $table: host $host image $image agrees with the rules', (row) => {
    const r = check(`10.0.${row.host}.7`, `10.0.${row.image}.7`, row.hostFamily ?? null);
    expect([r.process, r.hyperv]).toEqual([row.process, row.hyperv]);
  });
});

describe('the containerd process-isolation rule around 20348 and 26100', () => {
  test.each([
    [20348, 20348, 'yes', 'yes'],
    [20348, 17763, 'no', 'yes'],
    [20348, 22621, 'no', 'no'],
    [22000, 20348, 'yes', 'yes'],
    [22621, 20348, 'yes', 'yes'],
    [22621, 22000, 'yes', 'yes'],
    [25398, 20348, 'yes', 'yes'],
    [25398, 25398, 'yes', 'yes'],
    [26100, 20348, 'yes', 'yes'],
    [26100, 25398, 'yes', 'yes'],
    [26100, 26100, 'yes', 'yes'],
    [26100, 17763, 'no', 'yes'],
    [26100, 14393, 'no', 'yes'],
    [17763, 20348, 'no', 'no'],
    [17763, 17763, 'yes', 'yes'],
    [17763, 16299, 'no', 'yes'],
    [19041, 19042, 'no', 'no'],
    [19042, 19041, 'no', 'yes'],
    [26200, 20348, 'no', 'yes'],
    [26200, 26100, 'yes', 'yes'],
  ] as const)('host %i, image %i → process %s, Hyper-V %s', (h, i, process, hyperv) => {
    const r = check(`10.0.${h}.5`, `10.0.${i}.5`, 'server');
    expect([r.process, r.hyperv]).toEqual([process, hyperv]);
  });

  test.each([
    [20348, 20348],
    [22621, 20348],
    [25398, 20348],
    [26100, 20348],
    [26200, 26100],
  ])('a build %i host runs images from build %i', (h, floor) => {
    expect(processFloor(data, h)).toBe(floor);
  });

  test('the reasons name the window', () => {
    const r = check('10.0.22621.1', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'client');
    expect(ids(r)).toEqual(['process-window', 'win11-preview', 'hyperv-ok']);
    expect(r.reasons[0]?.text).toContain('20348 up to its own build (22621)');
  });

  // Issue 17, defect 12: a host at the window's first build runs its own build only, and says so.
  test.each([
    ['10.0.20348.1', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'process-own-build', 'runs images of its own build only'],
    ['10.0.20348.1', 'mcr.microsoft.com/windows/servercore:ltsc2019', 'process-own-build-older', 'the image, 17763, is older'],
  ])('a %s host and %s: %s', (h, i, id, words) => {
    const r = check(h, i, 'server');
    expect(ids(r)).toContain(id);
    const text = r.reasons.map((x) => x.text).join(' ');
    expect(text).toContain(words);
    expect(text).not.toMatch(/from build 20348 up to 20348/);
  });

  test('names build 22631 (Windows 11 23H2)', () => {
    expect(data.builds.find((b) => b.build === 22631)?.releases.map((x) => x.name)).toEqual(['Windows 11 23H2']);
    expect(ids(check('10.0.22631.2861', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'client'))).not.toContain('unknown-build');
  });
});

describe('the Windows Server 2016 revision rule', () => {
  test.each([
    ['same revision', '10.0.14393.1770', 'mcr.microsoft.com/windows/servercore:10.0.14393.1770', 'yes', 'revision-same'],
    ['different revision (002 example)', '10.0.14393.1914', 'microsoft/windowsservercore:10.0.14393.1944', 'risky', 'revision-differs'],
    ['image revision unknown', '10.0.14393.1770', 'mcr.microsoft.com/windows/servercore:ltsc2016', 'risky', 'revision-unknown'],
    ['host revision unknown', '10.0.14393', 'nanoserver:10.0.14393.1770', 'risky', 'revision-unknown'],
    ['both unknown', '14393', 'ltsc2016', 'risky', 'revision-unknown'],
  ])('%s → process %s, Hyper-V yes', (_name, h, i, process, reason) => {
    const r = check(h, i);
    expect(r.process).toBe(process);
    expect(r.hyperv).toBe('yes');
    expect(ids(r)).toContain(reason);
  });

  test('says which revision is missing', () => {
    expect(check('10.0.14393', '10.0.14393.1770').reasons.find((x) => x.id === 'revision-unknown')?.params.which).toBe('host');
    expect(check('10.0.14393.5', 'ltsc2016').reasons.find((x) => x.id === 'revision-unknown')?.params.which).toBe('image');
  });

  test('from 1809 on, revisions need not match', () => {
    const r = check('10.0.17763.1234', 'mcr.microsoft.com/windows/nanoserver:10.0.17763.437');
    expect([r.process, r.hyperv]).toEqual(['yes', 'yes']);
    expect(ids(r)).toContain('revision-free');
  });

  test('1709 matches on the build alone', () => {
    expect(check('10.0.16299.125', 'microsoft/nanoserver:1709_KB4043961').process).toBe('yes');
  });
});

describe('Hyper-V, newer images and client hosts', () => {
  test('nothing runs an image newer than the host', () => {
    const r = check('10.0.17763.1', 'mcr.microsoft.com/windows/servercore:ltsc2022');
    expect([r.process, r.hyperv]).toEqual(['no', 'no']);
    expect(ids(r)).toEqual(['image-newer']);
  });

  test('Windows Server 2025 images need Windows 11 24H2', () => {
    const r = check('10.0.22621.1', 'mcr.microsoft.com/windows/nanoserver:ltsc2025', 'client');
    expect(ids(r)).toEqual(['image-newer', 'ws2025-needs-24h2']);
    expect(check('10.0.26100.1', 'mcr.microsoft.com/windows/nanoserver:ltsc2025', 'client').process).toBe('yes');
  });

  test('Windows 10 1809 shares the build of Windows Server 2019 but not its process-isolation support', () => {
    const r = check('10.0.17763.1', 'mcr.microsoft.com/windows/servercore:ltsc2019', 'client');
    expect([r.process, r.hyperv]).toEqual(['risky', 'yes']);
    expect(ids(r)).toContain('client-old-host');
  });

  test('a Windows 10 22H2 host has no process-isolation image at all', () => {
    const r = check('10.0.19045.3803', 'mcr.microsoft.com/windows/servercore:ltsc2019');
    expect([r.process, r.hyperv]).toEqual(['no', 'yes']);
    expect(ids(r)).toContain('no-process-image');
    expect(r.host.release).toBe('Windows 10 22H2');
  });

  test('a build wcdoctor does not list still follows the rules', () => {
    const r = check('10.0.22635.4000', 'ltsc2022');
    expect(r.process).toBe('yes');
    expect(r.reasons.find((x) => x.id === 'unknown-build')?.params.build).toBe('22635');
  });
});

describe('latest and missing tags', () => {
  test('latest of a base image: retired since 16 April 2019, name a tag', () => {
    const r = check('10.0.17763.1', 'mcr.microsoft.com/windows/servercore:latest');
    expect([r.process, r.hyperv]).toEqual(['risky', 'risky']);
    expect(r.reasons[0]).toMatchObject({ id: 'latest-retired', params: { date: '2019-04-16', tag: 'ltsc2019' } });
  });

  test('a missing tag is latest', () => {
    const r = check('10.0.20348.1', 'windows/servercore/iis');
    expect(r.reasons[0]).toMatchObject({ id: 'tag-missing', params: { ref: 'windows/servercore/iis', tag: 'ltsc2022' } });
    expect(r.actions.map((a) => a.id)).toEqual(['inspect-image', 'rebuild-on-tag']);
  });

  test('a reference pinned by its digest is no missing tag, and the inspect command keeps the digest', () => {
    // Found by a helper: the digest was dropped, the advice spoke of latest, and the command inspected :latest.
    const digest = `sha256:${'ab'.repeat(32)}`;
    const r = check('10.0.20348.1', `mcr.microsoft.com/windows/servercore@${digest}`);
    expect(ids(r)).not.toContain('tag-missing');
    expect(r.image.ref).toBe(`mcr.microsoft.com/windows/servercore@${digest}`);
    const inspect = r.actions.find((a) => a.id === 'inspect-image');
    expect(JSON.stringify(inspect)).toContain(`servercore@${digest}`);
  });

  test('latest of the old microsoft/* repositories followed Windows Server 2016', () => {
    const r = check('10.0.16299.1', 'microsoft/nanoserver');
    expect(ids(r)).toEqual(['tag-missing', 'legacy-latest', 'process-build-differs', 'hyperv-ok']);
    expect([r.image.build, r.process, r.hyperv]).toEqual([14393, 'no', 'yes']);
  });

  test('a tag that names no build', () => {
    const r = check('10.0.17763.1', 'contoso/myimage:v2');
    expect(ids(r)).toEqual(['tag-says-nothing', 'image-build-unknown']);
  });
});
