import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, msg, notApplicable, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/**
 * A2: the OS name docker reports. Engines before 23.0 built OperatingSystem from the registry ProductName, which
 * says "Windows 10" on Windows 11 (build 22000 and later); 23.0 dropped ProductName (moby 9aacaeb667).
 */
export const osNameReported: HostCheck = {
  id: 'os-name-reported',
  group: 'A',
  title: 'OS name reported by docker matches the build',
  titleKey: 'check.title.os-name-reported',
  topic: CODE_TOPIC_REFS.queryHostVersion,
  reads: ['dockerInfo'],
  evaluate(host) {
    const info = host.get('dockerInfo');
    if (info.kind === 'missing') return missing(info);
    const { operatingSystem, build, osType } = info.value;
    if (osType !== undefined && osType !== 'windows') return notApplicable(msg('check.msg.engine.runs', { os: osType }), ev('dockerInfo', `OSType ${osType}`));
    if (operatingSystem === undefined || build === undefined) return notApplicable(msg('check.msg.os-name-reported.noName'), ...(operatingSystem ? [ev('dockerInfo', operatingSystem)] : []));
    const e = ev('dockerInfo', msg('check.msg.os-name-reported.reported', { name: operatingSystem, build }));
    if (build >= 22000 && /Windows 10\b/.test(operatingSystem))
      return warn(msg('check.msg.os-name-reported.windows10', { build }), e);
    return pass(msg('check.msg.os-name-reported.ok', { name: operatingSystem, build }), e);
  },
};
