import type { EvidenceRule } from './types.js';

/** Facts read from the paste's structure: a host and an image on different Windows builds cause a version mismatch. */
export const factRule: EvidenceRule = {
  id: 'fact',
  describe: 'the paste shows the host and the image on different builds: evidence for topics with `facts: [build-mismatch]`',
  apply(f, index, acc, w) {
    const { host, image } = f.builds;
    if (!host || !image || host.build === image.build) return;
    index.matchers.forEach((m, i) => {
      if (!m.topic.signatures.facts?.includes('build-mismatch')) return;
      acc.add(i, { kind: 'fact', matched: `${image.build} ≠ ${host.build}`, signature: `build-mismatch: image ${image.build} (${image.said}), host ${host.build} (${host.said})`, weight: w.fact.buildMismatch, rule: 'fact' });
    });
  },
};
