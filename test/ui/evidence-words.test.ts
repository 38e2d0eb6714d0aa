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
