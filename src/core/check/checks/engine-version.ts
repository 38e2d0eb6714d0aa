import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { compareVersions, ev, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** B7: Docker Engine versions with known Windows problems (25.0.0–25.0.3 container-name DNS on the default nat network, moby#47370, fixed in 25.0.4 by moby#47490 — the range of engine-internal-dns-regression's `signatures.versions`; before 19.03). */
export const engineVersion: HostCheck = {
  id: 'engine-version',
  group: 'B',
  title: 'Docker Engine version has no known Windows regression',
  titleKey: 'check.title.engine-version',
  topic: CODE_TOPIC_REFS.engineDnsRegression,
  reads: ['dockerVersion', 'dockerInfo'],
  evaluate(host) {
    const version = host.get('dockerVersion');
    const info = host.get('dockerInfo');
    const v = (version.kind === 'ok' ? version.value.serverVersion : undefined) ?? (info.kind === 'ok' ? info.value.serverVersion : undefined);
    if (!v) {
      const m = version.kind === 'missing' ? version : info.kind === 'missing' ? info : undefined;
      if (m?.reason === 'not-applicable') return notApplicable('docker is not installed');
      return { status: 'not-evaluated', reason: m?.reason ?? 'read-failed', message: 'not evaluated: the engine version is not known (the daemon did not answer)', evidence: [] };
    }
    const e = ev(version.kind === 'ok' && version.value.serverVersion ? 'dockerVersion' : 'dockerInfo', `Engine ${v}`);
    if (!/^\d+\.\d+/.test(v)) return notApplicable(`Engine ${v} is not a release version (a development build)`, e);
    if (compareVersions(v, '19.03') < 0) return warn(`Engine ${v} is older than 19.03, the minimum sig-windows-tools' node check required: update the engine`, e);
    if (compareVersions(v, '25.0.0') >= 0 && compareVersions(v, '25.0.4') < 0)
      return warn(`Engine ${v}: container-name lookups on the default nat network fail from 25.0.0 to 25.0.3 (moby#47370); 25.0.4 fixed them`, e);
    return pass(`Engine ${v}`, e);
  },
};
