import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, notApplicable, pass, warn } from './helpers.js';
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
    if (info.kind === 'missing') return missing('dockerInfo', info);
    const { operatingSystem, build, osType } = info.value;
    if (osType !== undefined && osType !== 'windows') return notApplicable(`the engine runs ${osType} containers`, ev('dockerInfo', `OSType ${osType}`));
    if (operatingSystem === undefined || build === undefined) return notApplicable('docker info shows no OS name and build', ...(operatingSystem ? [ev('dockerInfo', operatingSystem)] : []));
    const e = ev('dockerInfo', `${operatingSystem} (build ${build})`);
    if (build >= 22000 && /Windows 10\b/.test(operatingSystem))
      return warn(`docker calls build ${build} "Windows 10": it is Windows 11; go by the build number (engines before 23.0 report the registry ProductName)`, e);
    return pass(`"${operatingSystem}" agrees with build ${build}`, e);
  },
};
