import { describe, expect, it } from 'vitest';
import { compatCommandFor, formatDiagnosis } from '../../src/cli/commands/diagnose.js';
import { readCompatHints } from '../../src/core/compat/read-compat-hints.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { realKnowledgeBase } from '../helpers/real-kb.js';

const { kb } = realKnowledgeBase();

describe('a diagnosis of an OS mismatch links to the compatibility check', () => {
  it('fills host, image and node from the paste', () => {
    const paste = 'C:\\>ver\nMicrosoft Windows [Version 10.0.17763.1879]\nC:\\>docker run mcr.microsoft.com/windows/servercore:ltsc2022\ndocker: Error response from daemon: container 1 encountered an error during CreateContainer: failure in a Windows system call: The container operating system does not match the host operating system. (0xc0370101)';
    const result = diagnose(kb, paste);
    expect(result.matches[0]?.id).toBe('version-mismatch-error');
    expect(compatCommandFor(paste, kb, readCompatHints, result.entities)).toBe('wcdoctor compat --host 10.0.17763.1879 --image mcr.microsoft.com/windows/servercore:ltsc2022');
    expect(formatDiagnosis(result, kb, 'en', paste, readCompatHints)).toContain('Check which image fits this host: wcdoctor compat --host 10.0.17763.1879');
  });

  it('leaves what the paste did not show as a placeholder to fill', () => {
    expect(compatCommandFor('0xc0370101', kb, readCompatHints)).toBe('wcdoctor compat --host HOST-VERSION --image IMAGE');
  });

  it('does not offer the check for an unrelated issue', () => {
    const paste = 'net use Z: \\\\fs\\share  System error 1223 has occurred.';
    expect(formatDiagnosis(diagnose(kb, paste), kb, 'en', paste, readCompatHints)).not.toContain('wcdoctor compat');
  });
});
