import type { DiagnosisFact } from '../../knowledge/types.js';
import type { EvidenceRule } from './types.js';

/**
 * Facts read from the paste's structure: a host and an image on different Windows builds cause a
 * version mismatch; an image newer than the host runs under no isolation mode at all; and on a host
 * whose build only Windows 10 or 11 ships, the client compatibility rules decide.
 */
export const factRule: EvidenceRule = {
  id: 'fact',
  describe: 'the paste shows the host and the image on different builds: evidence for topics with `facts: [build-mismatch]`, and more for those with `image-newer-than-host` when the image is the newer, or `client-host` when the host is a Windows client build; `linux-engine-windows-image` when it shows a Windows image on an engine that runs Linux containers',
  apply(f, index, acc, w) {
    // A Windows image on an engine that runs Linux containers: read apart from the builds, which such a paste seldom shows.
    if (f.windowsImageOnLinux)
      index.matchers.forEach((m, i) => {
        if (m.topic.signatures.facts?.includes('linux-engine-windows-image'))
          acc.add(i, { kind: 'fact', matched: f.windowsImageOnLinux ?? '', signature: `linux-engine-windows-image: ${f.windowsImageOnLinux}`, weight: w.fact.windowsImageOnLinux, rule: 'fact' });
      });
    const { host, image, refusedFor } = f.builds;
    // A pull's refusal names the host's build: it says which host (a client one), not that the builds mismatch.
    if (!host && refusedFor && image && refusedFor.build !== image.build && index.clientBuilds.has(refusedFor.build)) {
      index.matchers.forEach((m, i) => {
        if (m.topic.signatures.facts?.includes('client-host'))
          acc.add(i, { kind: 'fact', matched: refusedFor.said, signature: `client-host: build ${refusedFor.build} is a Windows client release`, weight: w.fact.clientHost, rule: 'fact' });
      });
      return;
    }
    if (!host || !image || host.build === image.build) return;
    const seen: [DiagnosisFact, string, string, number][] = [
      ['build-mismatch', `${image.build} ≠ ${host.build}`, `build-mismatch: image ${image.build} (${image.said}), host ${host.build} (${host.said})`, w.fact.buildMismatch],
    ];
    if (image.build > host.build) seen.push(['image-newer-than-host', `${image.build} > ${host.build}`, `image-newer-than-host: image ${image.build} (${image.said}), host ${host.build} (${host.said})`, w.fact.imageNewer]);
    if (host.client || index.clientBuilds.has(host.build)) seen.push(['client-host', host.said, `client-host: build ${host.build} is a Windows client release`, w.fact.clientHost]);
    index.matchers.forEach((m, i) => {
      for (const [fact, matched, signature, weight] of seen)
        if (m.topic.signatures.facts?.includes(fact)) acc.add(i, { kind: 'fact', matched, signature, weight, rule: 'fact' });
    });
  },
};
