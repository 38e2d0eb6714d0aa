import type { Problem } from './problem.js';
import type { Topic } from './types.js';

/**
 * The content rules every topic follows, one definition each, applied by `kb check` to every topic
 * (they lived as two test files with hard-coded topic lists and two definitions of "generic" and
 * "destructive"):
 * - no phrase or keyword is a word every paste has (error, failed, docker, container, network …);
 * - no fix parameter asks for a secret;
 * - a read-only fix is low risk and its command changes nothing (no delete, remove, restart, set …);
 * - a fix that deletes, removes, restarts, stops, uninstalls or disables something is high risk.
 */

/** Words too common in pastes to point at any one issue, in every language of the knowledge. */
export const GENERIC_WORDS = new Set([
  'error', 'errors', 'failed', 'failure', 'fail', 'fails', 'docker', 'container', 'containers', 'windows', 'network', 'image',
  '错误', '失败', '容器', '网络', '오류', '실패', '컨테이너', '네트워크', 'fel', 'misslyckades', 'container', 'nätverk',
]);

/** A command that changes the system: deletes, removes, restarts, stops, uninstalls, disables or sets something. */
export const CHANGES_SYSTEM = /\b(?:Remove-|Uninstall-|Disable-|Stop-|Restart-|Set-|New-|Add-|Enable-|Install-)|\breg\s+(?:delete|add)\b|\b(?:rm|rmi|rmdir|del|delete|prune|kill)\b|\bnetsh\b[^\n]{0,80}\b(?:delete|add|set)\b/i;

/** A command that destroys or interrupts: what a user must confirm as high risk. */
export const DESTRUCTIVE = /\b(?:Remove-|Uninstall-|Disable-|Stop-|Restart-)|\breg\s+delete\b|\b(?:rm|rmi|rmdir|del|delete|prune|kill)\b|\bnetsh\b[^\n]{0,80}\bdelete\b/i;

/** The content problems of one topic file. */
export function contentProblems(t: Topic, file: string): Problem[] {
  const out: Problem[] = [];
  const s = t.signatures;
  s.phrases.forEach((p, i) => {
    if (GENERIC_WORDS.has(p.trim().toLowerCase())) out.push({ file, field: `signatures.phrases[${i}]`, message: `"${p}" is in every other paste: a phrase must point at this issue` });
  });
  for (const [lang, list] of Object.entries(s.keywords))
    (list ?? []).forEach((k, i) => {
      if (GENERIC_WORDS.has(k.trim().toLowerCase())) out.push({ file, field: `signatures.keywords.${lang}[${i}]`, message: `"${k}" is in every other paste: a keyword must point at this issue` });
    });
  t.fixes.forEach((fx, i) => {
    for (const name of Object.keys(fx.params))
      if (/pass|pwd|secret/i.test(name)) out.push({ file, field: `fixes[${i}].params.${name}`, message: 'a fix never asks for a password or secret' });
    if (fx.readOnly && fx.risk !== 'low') out.push({ file, field: `fixes[${i}].risk`, message: 'a read-only fix is low risk' });
    if (fx.readOnly && CHANGES_SYSTEM.test(fx.command)) out.push({ file, field: `fixes[${i}].readOnly`, message: 'the command changes the system, so the fix is not read-only' });
    if (DESTRUCTIVE.test(fx.command) && fx.risk !== 'high') out.push({ file, field: `fixes[${i}].risk`, message: 'the command deletes, removes, stops or restarts something: it is high risk' });
  });
  return out;
}
