import { describe, expect, it } from 'vitest';
import { codeOfMessage, evidenceInWords } from '../../src/ui/diagnose-text.js';
import { ENGLISH_DIAGNOSE_WORDS } from '../../src/cli/commands/diagnose.js';
import { tFor } from '../helpers/i18n.js';

// A code found by its message read as "code Element not found." (a new-user helper): the code it stands for is named.
const byMessage = { kind: 'code' as const, rule: 'code' as const, matched: 'Element not found.', signature: '0x80070490 ERROR_NOT_FOUND (a code of many causes)', weight: 2 };
const byCode = { ...byMessage, matched: '0x490' };

describe('code evidence in words', () => {
  it('names the code beside its message, and only there', () => {
    expect(codeOfMessage(byMessage)).toBe('0x80070490');
    expect(codeOfMessage(byCode)).toBeUndefined();
    expect(codeOfMessage({ ...byCode, matched: '1168' })).toBeUndefined();
    expect(codeOfMessage({ ...byMessage, kind: 'phrase' })).toBeUndefined();
  });

  it('in every language of the app, and in the English report', () => {
    expect(evidenceInWords(tFor('en'), byMessage, byMessage.matched)).toBe('code 0x80070490 “Element not found.”');
    expect(evidenceInWords(tFor('sv-SE'), byMessage, byMessage.matched)).toBe('kod 0x80070490 ”Element not found.”');
    expect(evidenceInWords(tFor('zh-CN'), byCode, byCode.matched)).toBe('代码 0x490');
    expect(ENGLISH_DIAGNOSE_WORDS.why([byMessage, byCode])).toBe('why: code 0x80070490 "Element not found."; code "0x490"');
  });
});

describe('the fact of a Windows image on an engine that runs Linux containers in words', () => {
  const fact = { kind: 'fact' as const, rule: 'fact' as const, matched: 'podman + mcr.microsoft.com/windows/nanoserver', signature: 'linux-engine-windows-image: podman + mcr.microsoft.com/windows/nanoserver', weight: 5 };
  const builds = { ...fact, matched: '20348 ≠ 17763', signature: 'build-mismatch: image 20348 (ltsc2022), host 17763 (1809)' };
  it('is named as what it is, not as builds that differ, in every language of the app and in the English report', () => {
    expect(evidenceInWords(tFor('en'), fact, fact.matched)).toBe('a Windows image on an engine that runs Linux containers: podman + mcr.microsoft.com/windows/nanoserver');
    expect(evidenceInWords(tFor('sv-SE'), fact, fact.matched)).toBe('en Windows-avbildning på en motor som kör Linux-containrar: podman + mcr.microsoft.com/windows/nanoserver');
    expect(evidenceInWords(tFor('en'), builds, builds.matched)).toBe('image and host builds differ: 20348 ≠ 17763');
    expect(ENGLISH_DIAGNOSE_WORDS.why([fact])).toBe('why: a Windows image on an engine that runs Linux containers: "podman + mcr.microsoft.com/windows/nanoserver"');
  });
});
