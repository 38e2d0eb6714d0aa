import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, notApplicable, pass } from './helpers.js';
import type { HostCheck } from './types.js';

/** B6: where containerd is installed, its pipe exists (kubelet and crictl talk to it there). */
export const containerdPipe: HostCheck = {
  id: 'containerd-pipe',
  group: 'B',
  title: 'containerd pipe exists',
  titleKey: 'check.title.containerd-pipe',
  topic: CODE_TOPIC_REFS.nodeNotReadyCni,
  reads: ['pipes', 'services'],
  evaluate(host) {
    const services = host.get('services');
    const pipes = host.get('pipes');
    if (pipes.kind === 'missing') return missing('pipes', pipes);
    const svc = services.kind === 'ok' ? services.value.find((s) => s.name.toLowerCase() === 'containerd') : undefined;
    if (!svc) return notApplicable('containerd is not installed as a service');
    const exists = pipes.value['containerd-containerd'];
    const e = ev('pipes', `\\\\.\\pipe\\containerd-containerd ${exists === true ? 'exists' : 'missing'}`);
    if (exists === true) return pass('the containerd pipe exists', e);
    return fail(`containerd is ${svc.status} but its pipe \\\\.\\pipe\\containerd-containerd does not exist: the runtime is down or listens elsewhere`, e, ev('services', `containerd ${svc.status}`));
  },
};
