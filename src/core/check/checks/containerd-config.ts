import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, msg, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** B7: containerd 2.x with a config.toml written for 1.x (version 2) needs migrating (bin_dir → bin_dirs, CRI plugin ids). */
export const containerdConfig: HostCheck = {
  id: 'containerd-config',
  group: 'B',
  title: 'containerd config version fits the containerd release',
  titleKey: 'check.title.containerd-config',
  topic: CODE_TOPIC_REFS.containerdMigration,
  reads: ['containerdVersion'],
  evaluate(host) {
    const v = host.get('containerdVersion');
    if (v.kind === 'missing') return missing(v);
    const { version, major, configVersion } = v.value;
    const e = ev('containerdVersion', msg('check.msg.containerd-config.versions', { version, config: configVersion ?? msg('check.msg.value.notRead') }));
    if (major >= 2 && configVersion !== undefined && configVersion < 3) return warn(msg('check.msg.containerd-config.migrate', { version, config: configVersion }), e);
    return pass(msg('check.msg.containerd-config.ok', { version }), e);
  },
};
