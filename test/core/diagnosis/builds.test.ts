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

  it('claims nothing without a host build, or from tags it cannot read', () => {
    expect(readPasteBuilds('image fabrikam/api:ltsc2019 failed', { tag: 'ltsc2019' }, buildOfTag)).toEqual({});
    expect(readPasteBuilds('OS Build 19045.3803', { tag: 'latest' }, buildOfTag)).toEqual({ host: { build: 19045, said: 'OS Build 19045.3803' } });
  });
});
