import { describe, expect, it } from 'vitest';
import type { CodeEntry } from '../../../src/core/diagnosis/code-catalog.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { localisePattern, messageWordings } from '../../../src/core/diagnosis/localise-pattern.js';
import { requiredAnyOf } from '../../../src/core/diagnosis/regex-literal.js';
import { realKb } from '../../helpers/real-kb.js';

const entry = (en: string, others: Record<string, string>, variants: string[] = []): CodeEntry =>
  ({ code: '0x80070005', kind: 'win32', names: [], messages: { en, ...others }, messageSources: {}, variants: variants.map((text) => ({ text, lang: 'xx', source: 's' })), equivalents: [], matchText: true, generic: false, manyCauses: true }) as unknown as CodeEntry;

describe('a pattern that quotes a Windows message in English reads it in every language the catalogue has', () => {
  const wordings = messageWordings([
    entry('Access is denied.', { de: 'Zugriff verweigert.', 'zh-CN': '拒绝访问。', fr: 'Accès refusé.' }, ['Access denied (x)']),
    entry('The process cannot access the file because it is being used by another process.', { it: 'Impossibile accedere al file. Il file è utilizzato da un altro processo.' }),
    entry('Short.', { de: 'Kurz.' }),
  ]);

  it('widens the message where it is plain text, escaping what the other wordings hold', () => {
    const wide = localisePattern('unable to remove filesystem for [^\\n]{0,300}Access is denied', wordings);
    expect(wide).toBe('unable to remove filesystem for [^\\n]{0,300}(?:Access is denied|Zugriff verweigert|拒绝访问|Accès refusé|Access denied \\(x\\))');
    const re = new RegExp(wide, 'iu');
    for (const text of ['unable to remove filesystem for abc: Zugriff verweigert.', 'unable to remove filesystem for abc: 拒绝访问。', 'unable to remove filesystem for abc: Access is denied.']) expect(re.test(text), text).toBe(true);
  });

  it('leaves alone a message in a character class or after a backslash, a short one, and a pattern without any', () => {
    expect(localisePattern('[Access is denied]', wordings)).toBe('[Access is denied]');
    expect(localisePattern('\\Access is denied', wordings)).toBe('\\Access is denied');
    expect(localisePattern('Short', wordings)).toBe('Short');
    expect(localisePattern('hcsshim::ImportLayer failed', wordings)).toBe('hcsshim::ImportLayer failed');
  });

  it('widens no message inside a group that repeats, where choices could backtrack: the shape decides, never a clock', () => {
    for (const source of ['(?:Access is denied\\s*)+$', '(?:x|Access is denied)*y', '(?:Access is denied ){2,}', '(?:a(?:Access is denied))+', '(?:Access is denied){3}'])
      expect(localisePattern(source, wordings), source).toBe(source);
    // An optional group, a group that occurs once or at most once, and a lookahead inside no repeat are widened.
    for (const source of ['(?:error: )?Access is denied', '(?:Access is denied)?', '(?:Access is denied){0,1}', 'x(?=Access is denied)'])
      expect(localisePattern(source, wordings), source).toContain('Zugriff verweigert');
  });

  it('keeps what a pattern can be skipped by: the group of wordings, not a shorter word elsewhere', () => {
    const wide = localisePattern('hcs::[^\\n]{0,160}Access is denied', wordings);
    expect(requiredAnyOf(wide)).toEqual(['access is denied', 'zugriff verweigert', '拒绝访问', 'accès refusé', 'access denied (x)']);
  });
});

describe('on the real knowledge', () => {
  const kb = realKb();
  it('the same held log file gets the same verdict in English and in German', () => {
    const paste = (message: string) =>
      `E0325 00:32:14.667270 4400 remote_runtime.go:261] RemoveContainer "cdce17" from runtime service failed: rpc error: code = Unknown desc = failed to remove container "cdce17": Error response from daemon: unable to remove filesystem for cdce17: CreateFile C:\\ProgramData\\docker\\containers\\cdce17\\cdce17-json.log: ${message}`;
    const en = diagnose(kb, paste('Access is denied.')).matches[0];
    const de = diagnose(kb, paste('Zugriff verweigert.')).matches[0];
    expect(en?.id).toBe('k8s-pod-stuck-terminating-windows');
    expect(de?.id).toBe(en?.id);
    expect(de?.confidence).toBe(en?.confidence);
  });
});
