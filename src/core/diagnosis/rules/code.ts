import type { EvidenceRule } from './types.js';

/**
 * Error codes, in any spelling. A code the topic's own documentation prints counts fully; one it lists
 * only as related evidence counts `relatedKeeps` of that. A code spelled as its message counts a little
 * less than the code itself. A code of many unrelated causes (catalogue `manyCauses`) counts only part
 * of its weight unless the paste is nothing but codes. One condition counts once per topic.
 */
export const codeRule: EvidenceRule = {
  id: 'code',
  describe: 'a code of the topic in any spelling: documented fully, related less, spelled as its message less',
  apply(f, index, acc, w) {
    // One condition counts once per topic: a code and its twin's message (`… exited unexpectedly.
    // (0xc0370106)` is HCS_E_UNEXPECTED_EXIT's message beside ERROR_VMCOMPUTE_UNEXPECTED_EXIT's number)
    // are one failure, not two. Codes written as codes come first, so the stronger spelling is the one kept.
    const credited = new Map<number, Set<string>>();
    const ordered = [...f.codes].sort((a, b) => Number(a.via === 'message') - Number(b.via === 'message'));
    for (const c of ordered) {
      const keys = [c.canonical, ...c.equivalents];
      const topics = new Set(keys.flatMap((k) => index.byCode.get(k) ?? []));
      for (const i of topics) {
        const seen = credited.get(i) ?? new Set<string>();
        if (keys.some((k) => seen.has(k))) continue;
        for (const k of keys) seen.add(k);
        credited.set(i, seen);
        const documented = keys.some((k) => index.matchers[i]?.documentedCodes.has(k));
        // A common condition (element not found, access denied) names no issue by itself, unless the
        // paste is only the code: then the user asks about the code, and every topic listing it answers.
        const common = c.manyCauses && !f.bareCodes;
        const weight = (c.via === 'message' ? w.code.byMessage : w.code.documented) * (documented ? 1 : w.code.relatedKeeps) * (common ? w.code.manyCausesKeeps : 1);
        // The spelling the topic lists, when it lists an equivalent rather than the canonical code.
        const key = keys.find((k) => index.matchers[i]?.codes.has(k)) ?? c.canonical;
        acc.add(i, { kind: 'code', matched: c.raw, signature: [key, ...c.names.slice(0, 1), ...(common ? ['(a code of many causes)'] : [])].join(' '), weight, rule: 'code', code: { found: c, key } });
      }
    }
  },
};
