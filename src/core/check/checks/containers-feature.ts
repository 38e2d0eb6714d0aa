import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, pass } from './helpers.js';
import type { HostCheck } from './types.js';

/** B1: the Containers feature is enabled (Get-WindowsOptionalFeature needs an elevated session). */
export const containersFeature: HostCheck = {
  id: 'containers-feature',
  group: 'B',
  title: 'Containers feature is enabled',
  titleKey: 'check.title.containers-feature',
  topic: CODE_TOPIC_REFS.desktopSwitch,
  reads: ['features'],
  evaluate(host) {
    const features = host.get('features');
    if (features.kind === 'missing') return missing(features);
    const f = features.value.find((x) => /^containers$/i.test(x.name));
    if (!f) return fail(msg('check.msg.containers-feature.notListed'), ev('features', features.value.map((x) => `${x.name} ${x.state}`).join(', ')));
    const e = ev('features', `${f.name} ${f.state}`);
    return f.enabled ? pass(msg('check.msg.containers-feature.ok'), e) : fail(msg('check.msg.containers-feature.off', { state: f.state }), e);
  },
};
