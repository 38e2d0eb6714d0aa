import { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import { ev, missing, notApplicable, pass, warn } from './helpers.js';
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
    if (services.kind === 'ok' && defender?.status !== 'Running') return notApplicable(`Microsoft Defender is ${defender ? defender.status : 'not installed'}`);
    const mp = host.get('mpPreference');
    if (mp.kind === 'missing') return missing('mpPreference', mp);
    if (mp.value.exclusionPath === 'needs-admin') return { status: 'not-evaluated', reason: 'needs-admin', message: 'not evaluated: run as administrator (Get-MpPreference hides exclusions from other sessions)', evidence: [ev('mpPreference', 'N/A: Must be an administrator to view exclusions')] };
    if (mp.value.exclusionPath === 'hidden') return { status: 'not-evaluated', reason: 'read-failed', message: 'not evaluated: a policy hides the exclusions from administrators (HideExclusionsFromLocalAdmins)', evidence: [ev('mpPreference', 'N/A: Administrators are not allowed to view exclusions')] };
    if (mp.value.realtimeDisabled) return pass('real-time protection is off', ev('mpPreference', 'DisableRealtimeMonitoring True'));
    const info = host.get('dockerInfo');
    const wanted = [
      ...(info.kind === 'ok' && info.value.osType === 'windows' ? [info.value.dockerRootDir ?? 'C:\\ProgramData\\docker'] : []),
      ...(services.kind === 'ok' && services.value.some((s) => s.name.toLowerCase() === 'containerd') ? ['C:\\ProgramData\\containerd'] : []),
    ];
    const paths = mp.value.exclusionPath.map((p) => trimBackslashes(p.toLowerCase()));
    const covered = (dir: string) => paths.some((p) => dir.toLowerCase() === p || dir.toLowerCase().startsWith(`${p}\\`));
    const runtimeKnown = info.kind === 'ok' || services.kind === 'ok';
    if (!wanted.length && runtimeKnown) return notApplicable('no docker or containerd data folder to exclude');
    // A paste of Get-MpPreference alone: either runtime's default folder will do.
    const defaults = ['C:\\ProgramData\\docker', 'C:\\ProgramData\\containerd'];
    const absent = wanted.length ? wanted.filter((d) => !covered(d)) : defaults.some(covered) ? [] : defaults;
    const e = ev('mpPreference', `ExclusionPath ${mp.value.exclusionPath.length ? mp.value.exclusionPath.join(', ') : '(none listed)'}`);
    if (absent.length) return warn(`${absent.join(', ')} not excluded from real-time scanning: containers start slowly and layers can stay locked (automatic server exclusions are not listed here)`, e);
    return pass('the container data folders are excluded', e);
  },
};
