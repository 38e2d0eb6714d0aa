import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, pass } from './helpers.js';
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
    if (info.kind === 'missing') return missing('dockerInfo', info);
    const error = info.value.serverError;
    if (!error) return pass('the engine answered', ev('dockerInfo', `Server Version ${info.value.serverVersion ?? '?'}`));
    const e = ev('dockerInfo', error);
    if (DENIED.test(error)) return fail('access to the docker pipe is denied: run elevated, or add the user to docker-users (or the engine\'s allowed group)', e);
    return { ...fail('the docker engine did not answer: the service is stopped or listens on another pipe', e), topic: CODE_TOPIC_REFS.defaultNetworkFails };
  },
};
