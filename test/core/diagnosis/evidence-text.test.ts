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
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const HAN = /\p{Script=Han}/u;
const standsIn = (text: string, piece: string): boolean => {
  // Edges of a word piece must not touch other word characters; Han has no spaces between words, so a Han edge is free.
  const first = String.fromCodePoint(piece.codePointAt(0)!);
  const last = Array.from(piece).at(-1)!;
  const guardLeft = WORD_CHAR.test(first) && !HAN.test(first);
  const guardRight = WORD_CHAR.test(last) && !HAN.test(last);
  for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
    const before = at > 0 ? Array.from(text.slice(Math.max(0, at - 2), at)).at(-1)! : '';
    const after = text.slice(at + piece.length, at + piece.length + 2);
    const next = after ? String.fromCodePoint(after.codePointAt(0)!) : '';
    if ((!guardLeft || !before || !WORD_CHAR.test(before)) && (!guardRight || !next || !WORD_CHAR.test(next))) return true;
  }
  return false;
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

  it('the whole-word check it uses refuses a stem and a word inside another, and takes Han without spaces', () => {
    expect(standsIn('hnscall failed in win32', 'hnscal')).toBe(false);
    expect(standsIn('xhnscall failed', 'hnscall')).toBe(false);
    expect(standsIn('the hnscall failed', 'hnscall')).toBe(true);
    expect(standsIn('error (0x6be).', '0x6be')).toBe(true);
    expect(standsIn('容器启动很慢，防病毒', '容器启动很慢')).toBe(true);
    expect(standsIn('컨테이너가 시작', '컨테이너')).toBe(false);
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
