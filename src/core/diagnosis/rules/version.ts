import { describeRange, inRange } from '../component-versions.js';
import type { EvidenceRule } from './types.js';

/**
 * A topic whose bug lives in a range of releases (`signatures.versions`: introduced, fixed) and a paste
 * that shows that component's version: inside the range it counts a little for the topic, outside it
 * (before the bug came, or at or after its fix) it counts against. A version is never evidence on its
 * own: the rule weighs only topics already in play.
 */
export const versionRule: EvidenceRule = {
  id: 'version',
  describe: "a component version in the paste inside a topic's affected releases counts for it, outside them against it",
  apply(f, index, acc, w) {
    if (!f.versions.length) return;
    for (const s of [...acc.values()]) {
      const ranges = index.matchers[s.topic]?.topic.signatures.versions ?? [];
      // Per component: affected when inside any of its ranges (a topic may name two bugs), not when outside all.
      for (const component of new Set(ranges.map((r) => r.component))) {
        const seen = f.versions.find((v) => v.component === component);
        if (!seen) continue;
        const mine = ranges.filter((r) => r.component === component);
        const hit = mine.find((r) => inRange(seen.version, r));
        acc.add(s.topic, {
          kind: hit ? 'fact' : 'against',
          matched: seen.said,
          signature: hit ? `affected: ${describeRange(hit)}` : `not affected: ${mine.map(describeRange).join(', ')}`,
          weight: hit ? w.version.affected : w.version.outside,
          rule: 'version',
        });
      }
    }
  },
};
