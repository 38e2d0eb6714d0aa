import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, pass, warn } from './helpers.js';
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
    if (v.kind === 'missing') return missing('containerdVersion', v);
    const { version, major, configVersion } = v.value;
    const e = ev('containerdVersion', `containerd ${version}, config version ${configVersion ?? '(not read)'}`);
    if (major >= 2 && configVersion !== undefined && configVersion < 3) return warn(`containerd ${version} runs with a version ${configVersion} config.toml: migrate it (containerd config migrate) so the CRI plugin loads`, e);
    return pass(`containerd ${version}`, e);
  },
};
