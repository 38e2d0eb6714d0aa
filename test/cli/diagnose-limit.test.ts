import { describe, expect, it } from 'vitest';
import { diagnoseWords, ENGLISH_DIAGNOSE_WORDS, formatDiagnosis } from '../../src/cli/commands/diagnose.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import type { ConfidenceLimit } from '../../src/core/diagnosis/types.js';
import { readLocaleCatalogs } from '../../src/platform/platform.js';
import { LIMIT_KEY } from '../../src/ui/diagnose-text.js';
import { createT } from '../../src/ui/i18n.js';
import { matchItem } from '../../src/ui/screens/diagnose/format.js';
import { runCli } from '../helpers/cli-io.js';
import { realKb } from '../helpers/real-kb.js';

// A medium or low answer says why it is no surer (Match.limitedBy), in the report, its --json and the app's list.

const kb = realKb();
const catalogs = readLocaleCatalogs();
// A credential store's RPC error, which Docker's credential helpers meet and many other programs too: a lead. (The Hyper-V
// message, which WSL prints too, is no answer at all without a container word: hyperv-isolation-no-hypervisor needs one.)
const LEAD = 'The stub received bad data. (0x800706F7)';
// The engine's own failure as docker prints it for a Hyper-V container on a host without the feature: a sure answer.
const SURE = 'PS C:\\> docker run --isolation=hyperv mcr.microsoft.com/windows/nanoserver:ltsc2022\ndocker: Error response from daemon: container 4be01a encountered an error during hcs::System::Start: failure in a Windows system call: The virtual machine could not be started because a required feature is not installed. (0x80370102).';

describe('why an answer is no surer', () => {
  it('is said under the confidence of a lead, and not for a sure answer', () => {
    const lead = diagnose(kb, LEAD);
    expect(lead.matches[0]).toMatchObject({ id: 'wincred-token-too-long', confidence: 'low', limitedBy: 'other-program' });
    const report = formatDiagnosis(lead, kb, 'en', LEAD).split('\n');
    const at = report.findIndex((l) => l.trim().startsWith('confidence: low'));
    expect(report[at + 1]).toBe('  why not surer: only a code matched, and the paste shows nothing of containers: other programs print it too');
    const sure = diagnose(kb, SURE);
    expect(sure.matches[0]).toMatchObject({ confidence: 'high' });
    expect(sure.matches[0]).not.toHaveProperty('limitedBy');
    expect(formatDiagnosis(sure, kb, 'en', SURE)).not.toContain('why not surer');
  });

  it('is in --json as limitedBy, only below high', async () => {
    const lead = JSON.parse((await runCli(['diagnose', '--json', LEAD])).stdout) as { matches: { confidence: string; limitedBy?: string }[] };
    expect(lead.matches[0]).toMatchObject({ confidence: 'low', limitedBy: 'other-program' });
    const sure = JSON.parse((await runCli(['diagnose', '--json', SURE])).stdout) as { matches: { confidence: string; limitedBy?: string }[] };
    expect(sure.matches[0]!.confidence).toBe('high');
    expect(Object.keys(sure.matches[0]!)).not.toContain('limitedBy');
  });

  it('reads in English as locales/en.json says it, and in each language from its catalogue', () => {
    const en = createT(catalogs, 'en');
    for (const reason of Object.keys(LIMIT_KEY) as ConfidenceLimit[]) expect(ENGLISH_DIAGNOSE_WORDS.limit(reason), reason).toBe(en('diagnose.cli.limit', { reason: en(LIMIT_KEY[reason]) }));
    for (const locale of ['zh-CN', 'ko-KR', 'sv-SE'] as const) {
      const t = createT(catalogs, locale);
      const report = formatDiagnosis(diagnose(kb, LEAD, { locale }), kb, locale, LEAD, undefined, undefined, diagnoseWords(t));
      expect(report).toContain(t('diagnose.cli.limit', { reason: t('diagnose.limit.other-program') }));
      expect(report).not.toContain('why not surer');
    }
  });

  it("is shown in the app's list row, after the evidence", () => {
    const t = createT(catalogs, 'en');
    const row = matchItem(diagnose(kb, LEAD).matches[0]!, t);
    expect(row.detail).toMatch(/^code 0x800706F7 · why not surer: only a code matched/);
    expect(matchItem(diagnose(kb, SURE).matches[0]!, t).detail).not.toContain('why not surer');
  });
});
