import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, msg, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** E10: IPv6 is not disabled (DisabledComponents 0xFF turns it off whatever the bindings say; HNS needs it). */
export const ipv6Enabled: HostCheck = {
  id: 'ipv6-enabled',
  group: 'E',
  title: 'IPv6 is not disabled',
  titleKey: 'check.title.ipv6-enabled',
  topic: CODE_TOPIC_REFS.ipv6,
  reads: ['ipv6Registry', 'ipv6Binding'],
  evaluate(host) {
    const reg = host.get('ipv6Registry');
    const bind = host.get('ipv6Binding');
    if (reg.kind === 'missing' && bind.kind === 'missing') return missing(bind);
    const evidence = [];
    if (reg.kind === 'ok') {
      const v = reg.value.disabledComponents;
      evidence.push(ev('ipv6Registry', v === null ? msg('check.msg.value.notSet', { name: 'DisabledComponents' }) : `DisabledComponents 0x${v.toString(16)}`));
      if (v !== null && (v & 0xff) === 0xff) return fail(msg('check.msg.ipv6-enabled.disabledComponents'), ...evidence);
    }
    if (bind.kind === 'ok') {
      const off = bind.value.filter((b) => !b.enabled);
      evidence.push(ev('ipv6Binding', bind.value.map((b) => `${b.adapter} ${b.enabled ? 'True' : 'False'}`).join(', ')));
      if (off.length && off.length === bind.value.length) return fail(msg('check.msg.ipv6-enabled.unboundAll'), ...evidence);
      if (off.length) return warn(msg('check.msg.ipv6-enabled.unbound', { adapters: off.map((b) => b.adapter) }), ...evidence);
    }
    return pass(msg('check.msg.ipv6-enabled.ok'), ...evidence);
  },
};
