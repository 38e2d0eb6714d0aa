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
      for (const r of ranges) {
        const seen = f.versions.find((v) => v.component === r.component);
        if (!seen) continue;
        const affected = inRange(seen.version, r);
        acc.add(s.topic, {
          kind: affected ? 'fact' : 'against',
          matched: seen.said,
          signature: affected ? `affected: ${describeRange(r)}` : `not affected: ${describeRange(r)}`,
          weight: affected ? w.version.affected : w.version.outside,
          rule: 'version',
        });
      }
    }
  },
};
