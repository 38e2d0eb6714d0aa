import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import type { CredentialSpec } from '../parsers/system.js';
import { ev, fail, missing, msg, notApplicable, pass } from './helpers.js';

const SPEC_KEY = {
  ok: 'check.msg.credential-specs.specOk',
  'not-json': 'check.msg.credential-specs.specNotJson',
  'no-dns-name': 'check.msg.credential-specs.specNoDnsName',
  'no-gmsa': 'check.msg.credential-specs.specNoGmsa',
} as const satisfies Record<NonNullable<CredentialSpec['problem']> | 'ok', string>;
import type { HostCheck } from './types.js';

/** J2: the gMSA credential specs in docker's CredentialSpecs folder are complete JSON. */
export const credentialSpecs: HostCheck = {
  id: 'credential-specs',
  group: 'J',
  title: 'gMSA credential specs are complete',
  titleKey: 'check.title.credential-specs',
  topic: CODE_TOPIC_REFS.gmsaTrust,
  reads: ['credentialSpecs'],
  evaluate(host) {
    const specs = host.get('credentialSpecs');
    if (specs.kind === 'missing') return missing(specs);
    if (!specs.value.length) return notApplicable(msg('check.msg.credential-specs.none'));
    const bad = specs.value.filter((s) => s.problem);
    const evidence = specs.value.map((s) => ev('credentialSpecs', msg(SPEC_KEY[s.problem ?? 'ok'], { name: s.name })));
    if (bad.length) return fail(msg('check.msg.credential-specs.incomplete', { count: bad.length }), ...evidence);
    return pass(msg('check.msg.credential-specs.ok', { count: specs.value.length }), ...evidence);
  },
};
