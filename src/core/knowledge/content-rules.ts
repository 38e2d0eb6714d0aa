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
 * And one rule for every file of the knowledge we write (controlCharacterProblems): no control characters and no
 * invisible direction marks in its text, which terminals, the fix runner and the audit log all receive.
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

/**
 * Characters no text of the knowledge may hold: C0 controls but tab and line feed (an escape starts a terminal
 * sequence, a carriage return overwrites the line it is printed on), DEL, C1 controls, and the invisible marks that
 * reorder or hide text (bidirectional overrides and isolates, which can make a command read otherwise than it runs).
 * wcdoctor shows such characters as symbols wherever it prints outside text; in our own text they are a mistake.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Each string of `value` (a parsed YAML file, or a text) that holds a FORBIDDEN character, as a problem naming where. */
export function controlCharacterProblems(value: unknown, file: string, field = ''): Problem[] {
  const out: Problem[] = [];
  const visit = (v: unknown, at: string) => {
    if (typeof v === 'string') {
      const found = FORBIDDEN.exec(v);
      if (found) {
        const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        out.push({ file, field: at || '(text)', message: `holds the invisible character U+${code} at position ${found.index + 1}: text is printed to terminals and into commands; remove it` });
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${at}[${i}]`));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) visit(x, at ? `${at}.${k}` : k);
  };
  visit(value, field);
  return out;
}
