import { describe, expect, it } from 'vitest';
import { diagnoseWords, ENGLISH_DIAGNOSE_WORDS, formatDiagnosis, sourceList } from '../../src/cli/commands/diagnose.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { readLocaleCatalogs } from '../../src/platform/platform.js';
import { createT } from '../../src/ui/i18n.js';
import { realKb } from '../helpers/real-kb.js';

// Issue 14: the headless diagnosis speaks the user's language around the knowledge's own text: confidence, why,
// the documentation label, fixes, sources, what was found in the paste, the other matches, and the no-match and
// Linux answers. Commands, ids, codes, values and the quoted evidence stay as they are; English is unchanged.

const kb = realKb();
const catalogs = readLocaleCatalogs();
const PASTE = 'docker: Error response from daemon: container 3f2a9c: hcsshim::CreateComputeSystem web: The requested operation timed out (0x800705B4). docker run -it --cpus 2 mcr.microsoft.com/windows/servercore:ltsc2022';
const ENGLISH_SCAFFOLD = ['confidence:', 'why:', 'From the documentation', 'Fixes (run with', 'Sources:', 'Found in the paste:', 'Also possible:', 'low risk', 'high risk', 'No known issue', 'Paste more of the output', 'This looks like output from a Linux host'];

describe.each(['zh-CN', 'ko-KR', 'sv-SE'] as const)('wcdoctor diagnose --lang %s', (locale) => {
  const t = createT(catalogs, locale);
  const words = diagnoseWords(t);

  it('says its own words in the language and keeps commands, ids, codes and values as they are', () => {
    const result = diagnose(kb, PASTE, { locale });
    const report = formatDiagnosis(result, kb, locale, PASTE, undefined, undefined, words);
    const english = formatDiagnosis(diagnose(kb, PASTE, { locale: 'en' }), kb, 'en', PASTE);
    for (const w of ENGLISH_SCAFFOLD) expect(report, w).not.toContain(w);
    expect(report).toContain(t('diagnose.cli.confidence', { level: t(`diagnose.confidence.${result.matches[0]!.confidence}`), score: result.matches[0]!.score }));
    expect(report).toContain(t('diagnose.evidence.code', { value: '0x800705B4' }));
    expect(report).toContain(t('diagnose.cli.fixes', { command: 'wcdoctor fix TOPIC FIX' }));
    expect(report).toContain(`${t('entity.image')}=mcr.microsoft.com/windows/servercore:ltsc2022`);
    expect(report).toContain('[processor-count-start-timeout]');
    // Each fix line names the same fix and command as in English; only the risk words differ.
    const fixLines = (text: string) => text.split('\n').filter((l) => /^ {4}[a-z0-9-]+ {2}\[/.test(l)).map((l) => l.replace(/\[[^\]]*\]/, '[]'));
    expect(fixLines(report).length).toBeGreaterThan(0);
    expect(fixLines(report)).toEqual(fixLines(english));
    expect(report).toContain(`"wcdoctor docs processor-count-start-timeout"`);
  });

  it('names our own text among the sources in the language, once, with its languages (found by a tester: "ours (en), ours (zh-CN), …")', () => {
    const paste = 'docker: Error response from daemon: failed to create endpoint web on network nat: hnsCall failed in Win32: The specified port already exists. (0x803b0013)';
    const report = formatDiagnosis(diagnose(kb, paste, { locale }), kb, locale, paste, undefined, undefined, words);
    expect(report).toContain(t('diagnose.cli.sources', { sources: `${t('topic.oursMark')} (en, zh-CN, ko-KR, sv-SE)`, command: 'wcdoctor docs hns-port-already-exists' }));
    expect(report).not.toMatch(/\bours\b/);
  });

  it('answers no match and a Linux paste in the language', () => {
    const none = formatDiagnosis(diagnose(kb, 'hello there, nothing failed'), kb, locale, '', undefined, undefined, words);
    expect(none).toBe(`${t('diagnose.cli.none')}\n${t('diagnose.cli.pasteMore', { command: 'wcdoctor docs' })}\n${t('diagnose.cli.troubleshoot', { command: 'wcdoctor troubleshoot' })}\n`);
    // A whole dump is not asked for more of it (found by a new-user helper, after a kubectl describe pod).
    const dump = Array.from({ length: 12 }, (_, i) => `line ${i}: nothing failed here`).join('\n');
    const long = formatDiagnosis(diagnose(kb, dump), kb, locale, dump, undefined, undefined, words);
    expect(long).toContain(t('diagnose.cli.browseDocs', { command: 'wcdoctor docs' }));
    expect(long).not.toContain(t('diagnose.cli.pasteMore', { command: 'wcdoctor docs' }));
    // A dump joined on one line of kilobytes too (a tester: 100 KB on one line was asked for more).
    const oneLine = 'nothing failed here, '.repeat(200);
    expect(formatDiagnosis(diagnose(kb, oneLine), kb, locale, oneLine, undefined, undefined, words)).toContain(t('diagnose.cli.browseDocs', { command: 'wcdoctor docs' }));
    const codes = formatDiagnosis(diagnose(kb, 'it printed 0x80070057 and stopped'), kb, locale, '', undefined, undefined, words);
    expect(codes).toContain(t('diagnose.cli.codes', { codes: '0x80070057 (ERROR_INVALID_PARAMETER)', command: 'wcdoctor explain CODE' }));
    const linux = formatDiagnosis(diagnose(kb, 'kernel: cgroup: fork rejected by pids controller in /system.slice/docker.service'), kb, locale, '', undefined, undefined, words);
    expect(linux.startsWith(t('diagnose.results.linux', { signals: 'cgroup' }))).toBe(true);
    for (const w of ENGLISH_SCAFFOLD) expect(linux, w).not.toContain(w);
  });
});

describe('a score with decimals (F10)', () => {
  /** A real diagnosis, its scores set to decimals. */
  const scored = () => {
    const result = diagnose(kb, PASTE);
    const [best, ...rest] = result.matches;
    return { ...result, matches: [{ ...best!, score: 7.68 }, ...rest.map((m) => ({ ...m, score: 2.5 }))] };
  };

  it('has the decimal separator of the language: 7,68 in Swedish, 7.68 in the others', () => {
    expect(scored().matches.length).toBeGreaterThan(1);
    const sv = formatDiagnosis(scored(), kb, 'sv-SE', PASTE, undefined, undefined, diagnoseWords(createT(catalogs, 'sv-SE')));
    expect(sv).toContain('(poäng 7,68)');
    // In the one-line answers a semicolon, not a comma, parts the confidence from the score.
    expect(sv).toMatch(/\(\p{L}+; 2,5\)\n/u);
    const ko = formatDiagnosis(scored(), kb, 'ko-KR', PASTE, undefined, undefined, diagnoseWords(createT(catalogs, 'ko-KR')));
    expect(ko).toContain('7.68');
    expect(ko).toMatch(/\(\p{L}+, 2\.5\)\n/u);
    const en = formatDiagnosis(scored(), kb, 'en', PASTE);
    expect(en).toContain(' (score 7.68)');
    expect(en).toMatch(/\((?:high|medium|low), 2\.5\)\n/);
  });
});

describe('wcdoctor diagnose in English', () => {
  it('lists each source document once, with its languages', () => {
    expect(sourceList([{ doc: 'ours', locale: 'en' }, { doc: 'ours', locale: 'zh-CN' }, { doc: '000', locale: 'zh-CN' }, { doc: '001', locale: 'ko-KR' }, { doc: '000', locale: 'zh-CN' }], 'ours')).toBe('ours (en, zh-CN), 000 (zh-CN), 001 (ko-KR)');
    // A vendored document by its title where the knowledge has one (its number alone said nothing: a new-user helper).
    expect(sourceList([{ doc: '000', locale: 'zh-CN' }, { doc: '001', locale: 'ko-KR' }], 'ours', (d) => (d === '000' ? 'Windows 容器' : undefined))).toBe('“Windows 容器” (zh-CN), 001 (ko-KR)');
  });

  it('reads as it always has: the English words are the default', () => {
    const result = diagnose(kb, PASTE);
    const report = formatDiagnosis(result, kb, 'en', PASTE);
    expect(formatDiagnosis(result, kb, 'en', PASTE, undefined, undefined, ENGLISH_DIAGNOSE_WORDS)).toBe(report);
    expect(report).toContain(`  confidence: ${result.matches[0]!.confidence} (score ${result.matches[0]!.score})`);
    expect(report).toContain('  why: code "0x800705B4"');
    expect(report).toContain('  Fixes (run with "wcdoctor fix TOPIC FIX", nothing runs without your confirmation):');
    expect(report).toContain('  Found in the paste: tool=docker, image=mcr.microsoft.com/windows/servercore:ltsc2022');
  });
});

describe('a version seen in the paste', () => {
  const paste = 'docker version\nServer: Docker Engine - Community\n Engine:\n  Version: 25.0.3\nContainers on the default nat network cannot resolve each other by name since the upgrade; windows-dns-proxy is not set';
  it('is named a version, not a difference of image and host builds, in English and in each language', () => {
    const result = diagnose(kb, paste);
    expect(result.matches[0]?.evidence.some((e) => e.rule === 'version' && e.kind === 'fact')).toBe(true);
    const english = formatDiagnosis(result, kb, 'en', paste);
    expect(english).toMatch(/why: .*version "Engine:/);
    expect(english).not.toContain('image and host builds differ');
    for (const locale of ['zh-CN', 'ko-KR', 'sv-SE'] as const) {
      const t = createT(catalogs, locale);
      const report = formatDiagnosis(result, kb, locale, paste, undefined, undefined, diagnoseWords(t));
      expect(report).toContain(t('diagnose.evidence.version', { value: 'Engine:' }).split('Engine:')[0]!);
      expect(report).not.toContain(t('diagnose.evidence.fact', { value: '' }).trim());
    }
  });
});

describe('the setting a specialised topic lives in', () => {
  const paste = 'New Copilot+ PC with a Snapdragon X Elite: docker run mcr.microsoft.com/windows/servercore:ltsc2022 fails with The container operating system does not match the host operating system. (0xc0370101)';
  it('is named a context, not the output of a program, in English and in each language', () => {
    const result = diagnose(kb, paste);
    expect(result.matches[0]?.id).toBe('windows-arm64-host');
    expect(result.matches[0]?.evidence.some((e) => e.rule === 'context')).toBe(true);
    const english = formatDiagnosis(result, kb, 'en', paste);
    expect(english).toMatch(/why: .*context "(?:copilot\+ pc|snapdragon)"/);
    expect(english).not.toMatch(/output of "(?:copilot\+ pc|snapdragon)"/);
    for (const locale of ['zh-CN', 'ko-KR', 'sv-SE'] as const) {
      const t = createT(catalogs, locale);
      const report = formatDiagnosis(result, kb, locale, paste, undefined, undefined, diagnoseWords(t));
      expect(report).toContain(t('diagnose.evidence.context', { value: 'X' }).split('X')[0]!);
      expect(report).not.toContain(t('diagnose.evidence.structure', { value: 'snapdragon' }));
    }
  });
});
