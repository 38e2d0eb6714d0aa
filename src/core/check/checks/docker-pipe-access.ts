import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, pass } from './helpers.js';
import type { HostCheck } from './types.js';

const DENIED = /access is denied|permission denied/i;

/** C1: the docker client reaches the engine's pipe (denied: not elevated or not in docker-users; else the daemon is down). */
export const dockerPipeAccess: HostCheck = {
  id: 'docker-pipe-access',
  group: 'C',
  title: 'docker can reach the engine pipe',
  titleKey: 'check.title.docker-pipe-access',
  topic: CODE_TOPIC_REFS.dockerPipeAccess,
  reads: ['dockerInfo'],
  evaluate(host) {
    const info = host.get('dockerInfo');
    if (info.kind === 'missing') return missing(info);
    const error = info.value.serverError;
    if (!error) return pass(msg('check.msg.docker-pipe-access.ok'), ev('dockerInfo', `Server Version ${info.value.serverVersion ?? '?'}`));
    const e = ev('dockerInfo', error);
    if (DENIED.test(error)) return fail(msg('check.msg.docker-pipe-access.denied'), e);
    return { ...fail(msg('check.msg.docker-pipe-access.noAnswer'), e), topic: CODE_TOPIC_REFS.defaultNetworkFails };
  },
};
