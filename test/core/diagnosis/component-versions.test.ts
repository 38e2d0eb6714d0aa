// The component versions a paste shows, read where tools print them, and the release ranges of a bug.
import { describe, expect, it } from 'vitest';
import { compareVersions, describeRange, inRange, PATTERNS, readComponentVersions } from '../../../src/core/diagnosis/component-versions.js';
import { requiredAnyOf } from '../../../src/core/diagnosis/regex-literal.js';

describe('readComponentVersions', () => {
  it.each([
    ['docker info', 'Containers: 3\n Running: 1\nServer Version: 25.0.3\nStorage Driver: windowsfilter', 'engine', '25.0.3'],
    ['docker version (server block)', 'Server: Docker Engine - Community\n Engine:\n  Version:          24.0.7\n  API version:      1.43', 'engine', '24.0.7'],
    ['docker --version', 'Docker version 27.3.1, build ce12230', 'engine', '27.3.1'],
    ['kubectl get nodes -o wide', 'akswin000000   Ready    agent   10d   v1.30.4   10.224.0.33   <none>   Windows Server 2022 Datacenter   10.0.20348.2655   containerd://1.7.20+azure', 'containerd', '1.7.20'],
    ['containerd --version', 'containerd github.com/containerd/containerd/v2 v2.0.2 c507a0257ea6462fbd6f5ba4f5c74facb04021f4', 'containerd', '2.0.2'],
    ['a sandbox image', 'sandbox_image = "mcr.microsoft.com/oss/kubernetes/pause:3.9"', 'pause', '3.9'],
    ['docker compose version', 'PS C:\\app> docker compose version\nDocker Compose version v2.29.3', 'compose', '2.29.3'],
    ['docker-compose 1.x', 'docker-compose version 1.29.2, build 5becea4c', 'compose', '1.29.2'],
    ['docker info (plugins)', 'Client:\n Plugins:\n  compose: Docker Compose (Docker Inc.)\n    Version:  v2.35.1\n    Path:     C:\\Program Files\\Docker\\cli-plugins\\docker-compose.exe', 'compose', '2.35.1'],
    ['prose', 'After updating to Docker Compose 2.29.3, every service with volumes fails', 'compose', '2.29.3'],
  ])('%s', (_name, text, component, version) => {
    expect(readComponentVersions(text)).toContainEqual(expect.objectContaining({ component, version }));
  });

  it('reads nothing from versions of other things', () => {
    expect(readComponentVersions('Kernel Version: 10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)\nAPI version: 1.43\nGo version: go1.21.3')).toEqual([]);
  });

  it('reads no Compose release from a compose file format ("Docker Compose 3.8", version: "3.8")', () => {
    expect(readComponentVersions('We use Docker Compose 3.8 files\nversion: "3.8"\nservices:')).toEqual([]);
  });

  it('reads nothing from a long run of near-misses (its patterns are scanned for slow inputs by test/security/regex-safety)', () => {
    const text = 'Server Version: '.repeat(20000) + 'x';
    expect(readComponentVersions(text)).toEqual([]);
  });
});

describe('release ranges', () => {
  it('compares numerically, part by part', () => {
    expect(compareVersions('25.0.10', '25.0.9')).toBe(1);
    expect(compareVersions('2.0', '2.0.0')).toBe(0);
    expect(compareVersions('v1.7.20', '2.0.0')).toBe(-1);
  });
  it('includes introduced and excludes fixed', () => {
    const r = { component: 'engine' as const, introduced: '25.0.0', fixed: '27.0.0' };
    expect([inRange('24.0.9', r), inRange('25.0.0', r), inRange('26.1.4', r), inRange('27.0.0', r)]).toEqual([false, true, true, false]);
    expect(describeRange(r)).toBe('25.0.0 ≤ engine < 27.0.0');
    expect(inRange('1.3.0', { component: 'pause', fixed: '3.10.2' })).toBe(true);
  });
});

describe('version patterns', () => {
  it.each(PATTERNS.map((p) => [p.component, p.re, p.needs] as const))('%s %s: its needs are what the pattern requires', (_c, re, needs) => {
    expect(needs).toEqual(requiredAnyOf(re.source));
  });
});
