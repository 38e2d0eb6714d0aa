import type { EvidenceRule } from './types.js';

/**
 * Error codes, in any spelling. A code the topic's own documentation prints counts fully; one it lists
 * only as related evidence counts `relatedKeeps` of that. A code spelled as its message counts a little
 * less than the code itself.
 */
export const codeRule: EvidenceRule = {
  id: 'code',
  describe: 'a code of the topic in any spelling: documented fully, related less, spelled as its message less',
  apply(f, index, acc, w) {
    for (const c of f.codes) {
      const keys = [c.canonical, ...c.equivalents];
      const topics = new Set(keys.flatMap((k) => index.byCode.get(k) ?? []));
      for (const i of topics) {
        const documented = keys.some((k) => index.matchers[i]?.documentedCodes.has(k));
        const weight = (c.via === 'message' ? w.code.byMessage : w.code.documented) * (documented ? 1 : w.code.relatedKeeps);
        // The spelling the topic lists, when it lists an equivalent rather than the canonical code.
        const key = keys.find((k) => index.matchers[i]?.codes.has(k)) ?? c.canonical;
        acc.add(i, { kind: 'code', matched: c.raw, signature: [key, ...c.names.slice(0, 1)].join(' '), weight, rule: 'code', code: { found: c, key } });
      }
    }
  },
};
