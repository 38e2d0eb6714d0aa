import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, hostOs, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** H5: free physical memory (warn < 2 GB, fail < 500 MB): containers fail to start or are killed. */
export const memoryFree: HostCheck = {
  id: 'memory-free',
  group: 'H',
  title: 'Enough free memory',
  titleKey: 'check.title.memory-free',
  topic: CODE_TOPIC_REFS.pagingFile,
  reads: ['win32os', 'computerInfo'],
  evaluate(host) {
    const { os, from } = hostOs(host);
    if (os.freeMemoryKb === undefined) return { status: 'not-evaluated', reason: 'not-collected', message: 'not evaluated: free memory was not read', evidence: [] };
    const mb = Math.round(os.freeMemoryKb / 1024);
    const e = ev(from.includes('win32os') ? 'win32os' : 'computerInfo', `${mb} MB free${os.totalMemoryKb ? ` of ${Math.round(os.totalMemoryKb / 1024)} MB` : ''}`);
    if (mb < 500) return fail(`${mb} MB of memory free: containers will fail to start`, e);
    if (mb < 2048) return warn(`${mb} MB of memory free (less than 2 GB)`, e);
    return pass(`${mb} MB free`, e);
  },
};
