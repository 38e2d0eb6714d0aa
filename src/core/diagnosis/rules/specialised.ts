import type { EvidenceRule, Scored } from './types.js';

/**
 * A specialised topic (one with a context: Kubernetes, Swarm) and a general topic sharing a code
 * (the pod and the plain version of an OS mismatch): in its context the specialised one is the more
 * specific explanation and ranks just above the general one; without it, it never outranks it.
 * Reads every topic's final score before the kind factor, so it runs after the other gates.
 */
export const specialisedRule: EvidenceRule = {
  id: 'specialised',
  describe: 'a specialised topic ranks just above the general topic sharing its code in its context, and below it without',
  apply(_f, index, acc, w) {
    const margin = w.specialised.margin;
    const codes = new Map<Scored, Set<string>>();
    for (const s of acc.values()) {
      const mine = new Set(s.evidence.flatMap((e) => (e.code ? [e.code.key] : [])));
      if (mine.size) codes.set(s, mine);
    }
    const isGeneral = (s: Scored) => !index.matchers[s.topic]?.context.length;
    const shares = (a: Set<string>, b: Set<string>) => [...a].some((c) => b.has(c));
    for (const [s, mine] of codes) {
      if (isGeneral(s)) continue;
      const context = s.evidence.find((e) => e.rule === 'context');
      let general: Scored | undefined;
      if (!context) {
        for (const [other, theirs] of codes) if (other !== s && isGeneral(other) && shares(theirs, mine) && (!general || other.score > general.score)) general = other;
        if (!general || s.score <= general.score - margin) continue;
        acc.add(s.topic, { kind: 'against', matched: '', signature: `less specific than ${index.matchers[general.topic]?.topic.id ?? ''} without its context`, weight: general.score - margin - s.score, rule: 'specialised' });
        continue;
      }
      for (const [other, theirs] of codes) if (other !== s && isGeneral(other) && other.score >= s.score && shares(theirs, mine) && (!general || other.score > general.score)) general = other;
      if (!general) continue;
      acc.add(s.topic, { kind: 'structure', matched: context.matched, signature: `more specific than ${index.matchers[general.topic]?.topic.id ?? ''} in this context`, weight: general.score - s.score + margin, rule: 'specialised' });
    }
  },
};
