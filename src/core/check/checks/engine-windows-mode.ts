import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, msg, notApplicable, notEvaluated, pass } from './helpers.js';
import type { HostCheck } from './types.js';

/** B5: the docker engine runs Windows containers (not Linux containers, as Docker Desktop does by default). */
export const engineWindowsMode: HostCheck = {
  id: 'engine-windows-mode',
  group: 'B',
  title: 'Docker engine is in Windows containers mode',
  titleKey: 'check.title.engine-windows-mode',
  topic: CODE_TOPIC_REFS.desktopSwitch,
  reads: ['dockerInfo', 'dockerVersion'],
  evaluate(host) {
    const info = host.get('dockerInfo');
    const version = host.get('dockerVersion');
    const os = (info.kind === 'ok' ? info.value.osType : undefined) ?? (version.kind === 'ok' ? version.value.serverOs : undefined);
    if (os === undefined) {
      const reason = info.kind === 'missing' ? info : version.kind === 'missing' ? version : undefined;
      if (reason?.reason === 'not-applicable') return notApplicable(msg('check.msg.engine.noDocker'));
      return notEvaluated(reason?.reason ?? 'read-failed', msg('check.msg.engine-windows-mode.noAnswer'));
    }
    const e = ev(info.kind === 'ok' && info.value.osType ? 'dockerInfo' : 'dockerVersion', `OSType ${os}`);
    return os === 'windows' ? pass(msg('check.msg.engine-windows-mode.ok'), e) : fail(msg('check.msg.engine-windows-mode.other', { os }), e);
  },
};
