import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, pass, warn } from './helpers.js';
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
    if (files.kind === 'missing') return missing('pagefile', files);
    const cs = host.get('computerSystem');
    const automatic = cs.kind === 'ok' ? cs.value.automaticManagedPagefile : undefined;
    const total = files.value.reduce((n, f) => n + f.allocatedMb, 0);
    const evidence = [ev('pagefile', files.value.map((f) => `${f.name} ${f.allocatedMb} MB`).join(', ') || '(no page file)')];
    if (automatic !== undefined) evidence.push(ev('computerSystem', `AutomaticManagedPagefile ${automatic}`));
    if (!files.value.length) return warn('no page file: containers can fail with "The paging file is too small for this operation to complete"', ...evidence);
    if (total < 1024 && automatic !== true) return warn(`page file of ${total} MB (less than 1024 MB) and not managed by Windows`, ...evidence);
    return pass(`${total} MB of page file${automatic ? ', managed by Windows' : ''}`, ...evidence);
  },
};
