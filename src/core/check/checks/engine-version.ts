import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { compareVersions, ev, msg, notApplicable, notEvaluated, pass, warn } from './helpers.js';
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
      if (m?.reason === 'not-applicable') return notApplicable(msg('check.msg.engine.noDocker'));
      return notEvaluated(m?.reason ?? 'read-failed', msg('check.msg.engine-version.unknown'));
    }
    const e = ev(version.kind === 'ok' && version.value.serverVersion ? 'dockerVersion' : 'dockerInfo', `Engine ${v}`);
    if (!/^\d+\.\d+/.test(v)) return notApplicable(msg('check.msg.engine-version.devBuild', { version: v }), e);
    if (compareVersions(v, '19.03') < 0) return warn(msg('check.msg.engine-version.old', { version: v }), e);
    if (compareVersions(v, '25.0.0') >= 0 && compareVersions(v, '25.0.4') < 0)
      return warn(msg('check.msg.engine-version.dns', { version: v }), e);
    return pass(msg('check.msg.engine-version.ok', { version: v }), e);
  },
};
