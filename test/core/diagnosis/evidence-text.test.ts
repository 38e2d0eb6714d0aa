// Evidence shows the text of the paste that matched: never a stem ("hnscal"), a Han bigram ("器启")
// or decomposed Hangul ("ko:찾ᄋ"). Checked over every paste of our evaluation set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { flattenForMatching, normalisePaste } from '../../../src/core/diagnosis/normalise.js';
import { loadKnowledgeBase } from '../../../src/platform/knowledge-fs.js';

const kb = loadKnowledgeBase();
const pastes = readFileSync(new URL('../../fixtures/eval/pastes.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

/** Whether a piece stands in the text as a whole word (a stem such as "hnscal" does not stand in "hnscall"). */
const standsIn = (text: string, piece: string): boolean => {
  const esc = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const left = /^[\p{L}\p{N}_]/u.test(piece) && !/^\p{Script=Han}/u.test(piece) ? '(?<![\\p{L}\\p{N}_])' : '';
  const right = /[\p{L}\p{N}_]$/u.test(piece) && !/\p{Script=Han}$/u.test(piece) ? '(?![\\p{L}\\p{N}_])' : '';
  return new RegExp(left + esc + right, 'u').test(text);
};

describe('evidence quotes the paste', () => {
  it('every word, phrase and code shown is in the paste as written (case aside)', () => {
    const missing: string[] = [];
    for (const text of pastes) {
      const seen = flattenForMatching(normalisePaste(text));
      for (const m of diagnose(kb, text).matches)
        for (const e of m.evidence) {
          if (!['keyword', 'fuzzy', 'phrase', 'setting', 'code'].includes(e.kind)) continue;
          const pieces = e.kind === 'keyword' || e.kind === 'fuzzy' ? e.matched.split(', ') : [e.matched];
          // A code's spelling is quoted as found, even glued to a word ("1223이(가)"), a message with the paste's own
          // spaces (Windows puts two after a sentence: the flattened paste has one); words stand whole.
          const found = (p: string) => (e.kind === 'code' ? seen.includes(p.toLowerCase().replace(/\s+/g, ' ')) : standsIn(seen, p.toLowerCase().replace(/\s+/g, ' ')));
          for (const p of pieces) if (!p.trim() || !found(p)) missing.push(`${m.id} ${e.kind} "${p}"`);
        }
    }
    expect(missing).toEqual([]);
  });

  it('quotes a phrase in the paste\'s own case, its line breaks as spaces', () => {
    const text = 'failed to create endpoint web on network nat: hnsCall failed in Win32:\n  The remote procedure call failed. (0x6be)';
    const phrases = diagnose(kb, text).matches.flatMap((m) => m.evidence.filter((e) => e.kind === 'phrase').map((e) => e.matched));
    expect(phrases.length).toBeGreaterThan(0);
    for (const p of phrases) expect(text.replace(/\s+/g, ' ')).toContain(p);
    expect(phrases.some((p) => p.includes('hnsCall') || p.includes('Win32'))).toBe(true);
  });

  it('shows Han and Hangul as the paste has them', () => {
    const zh = diagnose(kb, '容器启动很慢，防病毒软件扫描每个文件').matches.flatMap((m) => m.evidence.filter((e) => e.kind === 'keyword').flatMap((e) => e.matched.split(', ')));
    expect(zh.length).toBeGreaterThan(0);
    for (const piece of zh) expect(['容器启动很慢', '防病毒软件扫描每个文件']).toContain(piece);
    const ko = diagnose(kb, '컨테이너 시작이 느립니다 바이러스 백신 검사').matches.flatMap((m) => m.evidence.map((e) => e.matched)).join(' ');
    expect(ko).not.toMatch(/ko:|[\u1100-\u11ff]/);
  });
});

describe('a code counts once', () => {
  it.each(['0x6be', 'hnsCall failed in Win32: (0x6be)', 'error 1460', 'HCS_E_IMAGE_MISMATCH'])('%s is code evidence, never also a word', (text) => {
    const matches = diagnose(kb, text).matches;
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) {
      const words = m.evidence.filter((e) => e.kind === 'keyword' || e.kind === 'fuzzy').flatMap((e) => e.matched.toLowerCase().split(', '));
      const codes = m.evidence.filter((e) => e.kind === 'code').map((e) => e.matched.toLowerCase());
      for (const c of codes) expect(words, `${m.id}: ${c}`).not.toContain(c);
    }
  });
});

describe('words count only when they are shown', () => {
  it('a paste sharing only body words with a topic gets no word evidence without words to show', () => {
    // From a real thread (a socket permission error with no container engine around it).
    const text = ': listen tcp 127.0.0.1:2019: bind: An attempt was made to access a socket in a way forbidden by its access permissions.';
    for (const m of diagnose(kb, text).matches)
      for (const e of m.evidence) if (e.kind === 'keyword' || e.kind === 'fuzzy') expect(e.matched.trim(), m.id).not.toBe('');
    expect(diagnose(kb, text).matches).toEqual([]);
  });
});

describe('one condition counts once', () => {
  it('a code beside its twin\'s message (HCS_E_ and ERROR_VMCOMPUTE_ forms) is one piece of code evidence, the stronger one', () => {
    const text = 'container 6a2f encountered an error during hcs::System::Start: failure in a Windows system call: The virtual machine or container exited unexpectedly. (0xc0370106)';
    const m = diagnose(kb, text).matches.find((x) => x.id === 'image-newer-than-host-patch');
    expect(m).toBeDefined();
    const codes = m!.evidence.filter((e) => e.kind === 'code');
    expect(codes.map((e) => e.matched.toLowerCase())).toEqual(['0xc0370106']);
  });
});
