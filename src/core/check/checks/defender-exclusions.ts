import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, msg, notApplicable, notEvaluated, pass, warn } from './helpers.js';
import type { HostCheck } from './types.js';

/** The path without trailing backslashes (a loop: a regex over a run of them would backtrack). */
function trimBackslashes(p: string): string {
  let end = p.length;
  while (end > 0 && p[end - 1] === '\\') end--;
  return p.slice(0, end);
}

/**
 * I1: Defender excludes the container data folders. Unelevated, Get-MpPreference prints "N/A: Must be an
 * administrator to view exclusions": not evaluated. Windows Server's automatic exclusions are not listed, so a
 * missing exclusion is a warning, not a failure.
 */
export const defenderExclusions: HostCheck = {
  id: 'defender-exclusions',
  group: 'I',
  title: 'Defender excludes the container data folders',
  titleKey: 'check.title.defender-exclusions',
  topic: CODE_TOPIC_REFS.antivirus,
  reads: ['mpPreference', 'services', 'dockerInfo'],
  evaluate(host) {
    const services = host.get('services');
    const defender = services.kind === 'ok' ? services.value.find((s) => s.name.toLowerCase() === 'windefend') : undefined;
    if (services.kind === 'ok' && defender?.status !== 'Running') return notApplicable(defender ? msg('check.msg.defender-exclusions.defenderState', { status: defender.status }) : msg('check.msg.defender-exclusions.noDefender'));
    const mp = host.get('mpPreference');
    if (mp.kind === 'missing') return missing(mp);
    if (mp.value.exclusionPath === 'needs-admin') return notEvaluated('needs-admin', msg('check.msg.defender-exclusions.needsAdmin'), ev('mpPreference', 'N/A: Must be an administrator to view exclusions'));
    if (mp.value.exclusionPath === 'hidden') return notEvaluated('read-failed', msg('check.msg.defender-exclusions.hidden'), ev('mpPreference', 'N/A: Administrators are not allowed to view exclusions'));
    if (mp.value.realtimeDisabled) return pass(msg('check.msg.defender-exclusions.realtimeOff'), ev('mpPreference', 'DisableRealtimeMonitoring True'));
    const info = host.get('dockerInfo');
    const wanted = [
      ...(info.kind === 'ok' && info.value.osType === 'windows' ? [info.value.dockerRootDir ?? 'C:\\ProgramData\\docker'] : []),
      ...(services.kind === 'ok' && services.value.some((s) => s.name.toLowerCase() === 'containerd') ? ['C:\\ProgramData\\containerd'] : []),
    ];
    const paths = mp.value.exclusionPath.map((p) => trimBackslashes(p.toLowerCase()));
    const covered = (dir: string) => paths.some((p) => dir.toLowerCase() === p || dir.toLowerCase().startsWith(`${p}\\`));
    const runtimeKnown = info.kind === 'ok' || services.kind === 'ok';
    if (!wanted.length && runtimeKnown) return notApplicable(msg('check.msg.defender-exclusions.noFolders'));
    // A paste of Get-MpPreference alone: either runtime's default folder will do.
    const defaults = ['C:\\ProgramData\\docker', 'C:\\ProgramData\\containerd'];
    const absent = wanted.length ? wanted.filter((d) => !covered(d)) : defaults.some(covered) ? [] : defaults;
    const e = ev('mpPreference', mp.value.exclusionPath.length ? `ExclusionPath ${mp.value.exclusionPath.join(', ')}` : msg('check.msg.defender-exclusions.noneListed'));
    if (absent.length) return warn(msg('check.msg.defender-exclusions.notExcluded', { count: absent.length, folders: absent }), e);
    return pass(msg('check.msg.defender-exclusions.ok'), e);
  },
};
