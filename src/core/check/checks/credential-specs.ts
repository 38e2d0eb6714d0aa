import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, fail, missing, notApplicable, pass } from './helpers.js';
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
    if (specs.kind === 'missing') return missing('credentialSpecs', specs);
    if (!specs.value.length) return notApplicable('no credential specs (gMSA not used here)');
    const bad = specs.value.filter((s) => s.problem);
    const evidence = specs.value.map((s) => ev('credentialSpecs', `${s.name}${s.problem ? `: ${s.problem}` : ': ok'}`));
    if (bad.length) return fail(`${bad.length} credential spec(s) are incomplete: containers started with them get no domain identity`, ...evidence);
    return pass(`${specs.value.length} credential spec(s)`, ...evidence);
  },
};
