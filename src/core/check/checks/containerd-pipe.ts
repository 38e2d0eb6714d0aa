import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, notApplicable, pass } from './helpers.js';

const PIPE = '\\\\.\\pipe\\containerd-containerd';
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
    if (pipes.kind === 'missing') return missing(pipes);
    const svc = services.kind === 'ok' ? services.value.find((s) => s.name.toLowerCase() === 'containerd') : undefined;
    if (!svc) return notApplicable(msg('check.msg.containerd-pipe.noService'));
    const exists = pipes.value['containerd-containerd'];
    const e = ev('pipes', msg(exists === true ? 'check.msg.containerd-pipe.exists' : 'check.msg.containerd-pipe.absent', { pipe: PIPE }));
    if (exists === true) return pass(msg('check.msg.containerd-pipe.ok'), e);
    return fail(msg('check.msg.containerd-pipe.noPipe', { status: svc.status, pipe: PIPE }), e, ev('services', `containerd ${svc.status}`));
  },
};
