import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, msg, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** H5: a page file of at least 1024 MB, or one Windows manages ("The paging file is too small" otherwise). */
export const pagefile: HostCheck = {
  id: 'pagefile',
  group: 'H',
  title: 'Page file is large enough',
  titleKey: 'check.title.pagefile',
  topic: CODE_TOPIC_REFS.pagingFile,
  reads: ['pagefile', 'computerSystem'],
  evaluate(host) {
    const files = host.get('pagefile');
    if (files.kind === 'missing') return missing(files);
    const cs = host.get('computerSystem');
    const automatic = cs.kind === 'ok' ? cs.value.automaticManagedPagefile : undefined;
    const total = files.value.reduce((n, f) => n + f.allocatedMb, 0);
    const evidence = [ev('pagefile', files.value.map((f) => `${f.name} ${f.allocatedMb} MB`).join(', ') || msg('check.msg.pagefile.noneRead'))];
    if (automatic !== undefined) evidence.push(ev('computerSystem', `AutomaticManagedPagefile ${automatic}`));
    if (!files.value.length) return warn(msg('check.msg.pagefile.none'), ...evidence);
    if (total < 1024 && automatic !== true) return warn(msg('check.msg.pagefile.small', { total }), ...evidence);
    return pass(msg(automatic ? 'check.msg.pagefile.managed' : 'check.msg.pagefile.ok', { total }), ...evidence);
  },
};
