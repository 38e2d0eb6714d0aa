import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, hostOs, msg, notEvaluated, pass, warn } from './helpers.js';
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
    if (os.freeMemoryKb === undefined) return notEvaluated('not-collected', msg('check.msg.memory-free.notRead'));
    const mb = Math.round(os.freeMemoryKb / 1024);
    const e = ev(from.includes('win32os') ? 'win32os' : 'computerInfo', os.totalMemoryKb ? msg('check.msg.memory-free.freeOf', { free: mb, total: Math.round(os.totalMemoryKb / 1024) }) : msg('check.msg.memory-free.free', { free: mb }));
    if (mb < 500) return fail(msg('check.msg.memory-free.tooLow', { free: mb }), e);
    if (mb < 2048) return warn(msg('check.msg.memory-free.low', { free: mb }), e);
    return pass(msg('check.msg.memory-free.free', { free: mb }), e);
  },
};
