import { readFileSync } from 'node:fs';
import * as ResEdit from 'resedit';
import { describe, expect, it } from 'vitest';
import { release, releaseSkipReason, version } from './release-artefacts.js';

// What Windows shows of wcdoctor.exe before it runs: its version information (Explorer's Details
// tab, (Get-Item .\wcdoctor.exe).VersionInfo). No Wine needed.
const skip = releaseSkipReason('exe');
if (skip) console.warn(`test/release/exe-info.test.ts: SKIPPED, ${skip}`);

describe.skipIf(Boolean(skip))("wcdoctor.exe's version information", () => {
  it('names wcdoctor and its version, and the Node.js inside', () => {
    const exe = ResEdit.NtExecutable.from(readFileSync(release?.exe ?? ''), { ignoreCert: true });
    const [info] = ResEdit.Resource.VersionInfo.fromEntries(ResEdit.NtExecutableResource.from(exe).entries);
    const [lang] = info?.getAllLanguagesForStringValues() ?? [];
    const strings = info && lang ? info.getStringValues(lang) : {};
    expect(strings).toMatchObject({ ProductName: 'wcdoctor', FileVersion: version, ProductVersion: version, OriginalFilename: 'wcdoctor.exe' });
    expect(strings.Comments).toMatch(/^A Node\.js \d+\.\d+\.\d+ single executable application\.$/);
    const [major, minor, patch] = version.split('.').map(Number);
    expect(info?.fixedInfo.fileVersionMS).toBe(((major ?? 0) << 16) | (minor ?? 0));
    expect(info?.fixedInfo.fileVersionLS).toBe((patch ?? 0) << 16);
  });
});
