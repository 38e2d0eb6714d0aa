import type { EvidenceRule } from './types.js';

/** The paste's failed operation is one where the topic happens (named as the paste names it, never by its comparison key). */
export const operationRule: EvidenceRule = {
  id: 'operation',
  describe: 'the operation that failed in the paste is one where the topic happens',
  apply(f, index, acc, w) {
    if (!f.operations.size) return;
    for (const s of [...acc.values()]) {
      const m = index.matchers[s.topic];
      const shared = m ? [...f.operations.keys()].filter((o) => m.operations.has(o)) : [];
      if (!shared.length) continue;
      const named = shared.map((o) => f.operations.get(o) ?? o).join(', ');
      acc.add(s.topic, { kind: 'operation', matched: named, signature: named, weight: w.operation.shared, rule: 'operation' });
    }
  },
};
