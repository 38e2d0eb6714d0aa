// Matching the knowledge's phrases and words on a paste's comparison form, and quoting them as written.
import { describe, expect, it } from 'vitest';
import { findPhrase, wordAsWritten } from '../../../src/core/diagnosis/phrase-match.js';

describe('findPhrase', () => {
  it.each([
    ['run net user appsvc /add', 'net use', {}, undefined],
    ['net use z: \\\\srv\\share', 'net use', {}, 'net use'],
    ['two stale endpoints left', 'stale endpoint', { loose: true }, 'stale endpoints'],
    ['two stale endpoints left', 'stale endpoint', {}, undefined],
    ['code 0x6bes', '0x6be', { loose: true }, undefined],
  ] as const)('%s / %s %j → %s', (text, phrase, opts, expected) => {
    expect(findPhrase(text, phrase, opts)).toBe(expected);
  });
});

describe('wordAsWritten', () => {
  it.each([
    ['hnsCall failed on network NAT', 'hnscall', 'hnsCall'],
    ['the signature of the NAT network', 'nat', 'NAT'],
    ['the signature only', 'nat', 'nat'],
    ['容器启动很慢', '容器', '容器'],
    ['İ NAT', 'nat', 'nat'],
    ['Docker-Desktop', 'desktop', 'Desktop'],
  ])('%s: %s → %s', (text, word, expected) => {
    expect(wordAsWritten(text, word)).toBe(expected);
  });
});
