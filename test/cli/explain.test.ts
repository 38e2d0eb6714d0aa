import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { explainCommand } from '../../src/cli/commands/explain.js';
import { parseCodeCatalog } from '../../src/core/diagnosis/code-catalog.js';
import type { KnowledgeBase, ResolvedTopic } from '../../src/core/knowledge/kb.js';
import { runCli } from '../helpers/cli-io.js';

const { codes, problems } = parseCodeCatalog([
  {
    file: 'knowledge/codes/test.yaml',
    data: {
      codes: [
        {
          code: '0x800705B4',
          kind: 'win32',
          win32: 1460,
          names: ['ERROR_TIMEOUT'],
          messages: { en: 'This operation returned because the timeout period expired.', de: 'Dieser Vorgang wurde wegen Zeitüberschreitung zurückgegeben.' },
          messageSources: { de: 'test fixture' },
          source: 'test fixture',
        },
        { code: '0x80370101', kind: 'hcs', names: ['HCS_E_IMAGE_MISMATCH'], messages: { en: 'The container operating system does not match the host operating system' }, equivalents: ['0xC0370101'], source: 'test fixture' },
        { code: '0xC0370101', kind: 'hcs', names: ['ERROR_VMCOMPUTE_IMAGE_MISMATCH'], equivalents: ['0x80370101'], source: 'test fixture' },
      ],
    },
  },
]);

const topic = (id: string, title: string, signatureCodes: string[]): ResolvedTopic => ({
  id,
  category: 'general',
  kind: 'issue',
  title: { en: title },
  summary: { en: `${title}.` },
  sections: [{ doc: '000', heading: title }],
  signatures: { codes: signatureCodes, phrases: [], regexes: [], keywords: {}, operations: [], against: [], context: [] },
  fixes: [],
  related: [],
  sectionIds: [],
});

const kb: KnowledgeBase = {
  schema: 1,
  docs: [],
  sections: [],
  topics: [
    topic('processor-count-start-timeout', 'Container start times out with 1 or 2 processors', ['0x800705B4']),
    topic('version-mismatch-error', 'CreateContainer fails: container OS does not match the host', ['0xC0370101']),
    topic('unrelated', 'Something else', ['0x80070005']),
  ],
  structural: [],
  codes,
  compat: {} as KnowledgeBase['compat'],
  trees: [],
};

describe('explainCommand', () => {
  it('uses a valid fixture', () => {
    expect(problems).toEqual([]);
  });

  test.each(['0x800705B4', '800705b4', '(0x5b4)', '1460', '2147943860', '-2147023436', 'ERROR_TIMEOUT'])('prints the same JSON for %j', (input) => {
    const out = explainCommand(kb, input, { json: true });
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({
      input,
      canonical: '0x800705B4',
      hex: '0x800705B4',
      unsigned: 2147943860,
      signed: -2147023436,
      severity: 'error',
      facility: { code: 7, name: 'WIN32' },
      kind: 'win32',
      names: ['ERROR_TIMEOUT'],
      messages: { en: 'This operation returned because the timeout period expired.', de: 'Dieser Vorgang wurde wegen Zeitüberschreitung zurückgegeben.' },
      win32: { code: 1460, hex: '0x5B4' },
      equivalents: [],
      topics: [{ id: 'processor-count-start-timeout', title: 'Container start times out with 1 or 2 processors' }],
    });
  });

  it('finds topics through the equivalent code', () => {
    const json = JSON.parse(explainCommand(kb, 'HCS_E_IMAGE_MISMATCH', { json: true }).stdout) as { topics: unknown; equivalents: unknown; win32?: unknown; messages: unknown };
    expect(json.topics).toEqual([{ id: 'version-mismatch-error', title: 'CreateContainer fails: container OS does not match the host' }]);
    expect(json.equivalents).toEqual(['0xC0370101']);
    expect(json.win32).toBeUndefined();
    expect(JSON.parse(explainCommand(kb, '0xc0370101', { json: true }).stdout).messages).toEqual({ en: 'The container operating system does not match the host operating system' });
  });

  it('prints a certutil-like decoding in text form', () => {
    const out = explainCommand(kb, '1460', {});
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('0x800705B4 (WIN32: 1460 ERROR_TIMEOUT) -- 2147943860 (-2147023436)');
    expect(out.stdout).toMatch(/Facility:\s+7 \(0x7\) WIN32/);
    expect(out.stdout).toMatch(/Message:\s+This operation returned because the timeout period expired\./);
    expect(out.stdout).toMatch(/\[de\]\s+Dieser Vorgang/);
    expect(out.stdout).toMatch(/processor-count-start-timeout\s+Container start times out/);
    expect(out.stdout).not.toContain('unrelated');
  });

  it('reads a POSIX locale as its language tag, and a region as its language when the catalogue has only that', () => {
    expect(explainCommand(kb, '1460', { lang: 'de_DE.UTF-8' }).stdout).toMatch(/\[de\]\s+Dieser Vorgang/);
    expect(explainCommand(kb, '1460', { lang: 'zh_CN' }).code).toBe(0);
  });

  it('shows only the language asked for, and says when it has none', () => {
    expect(explainCommand(kb, '1460', { lang: 'de' }).stdout).toMatch(/\[de\]\s+Dieser Vorgang/);
    const zh = explainCommand(kb, '1460', { lang: 'zh-CN' }).stdout;
    expect(zh).toMatch(/\[zh-CN\]\s+no Windows message text in this language is recorded/);
    expect(zh).not.toContain('[de]');
  });

  it('decodes codes it does not know and says no topic mentions them', () => {
    const out = explainCommand(kb, '0x80072F8F', {});
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('not in the catalogue');
    expect(out.stdout).toContain('No topic in the knowledge base mentions this code.');
  });

  test.each(['hello', '0xZZ', 'ERROR_NOPE'])('exits 2 with a message for %j', (input) => {
    const out = explainCommand(kb, input, { json: true });
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toMatch(/^wcdoctor explain: /);
    expect(out.stderr).toContain(input);
  });

  it('exits 2 for a --lang that is not a language tag', () => {
    expect(explainCommand(kb, '1460', { lang: 'x!' })).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang') });
  });
});

describe('wcdoctor explain --lang as a POSIX locale (found by a tester: ko_KR gave English words where diagnose spoke Korean)', () => {
  it.each(['ko_KR', 'ko_KR.UTF-8', 'ko-KR'])('--lang %s says its own words in Korean', async (lang) => {
    const r = await runCli(['--lang', lang, 'explain', '0x5b4'], { env: { LANG: 'C' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await runCli(['explain', '0x5b4', '--lang', 'ko-KR'], { env: { LANG: 'C' } })).stdout);
    expect(r.stdout).not.toMatch(/^Kind:/m);
  });
});

describe('wcdoctor explain (argument parsing)', () => {
  it('needs a code argument', async () => {
    const r = await runCli(['explain']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  });
});

const built = existsSync(new URL('../../dist/kb.json', import.meta.url)) && existsSync(new URL('../../dist/cli.js', import.meta.url));
const why = built ? '' : ' (skipped: dist/ is not built; run "npm run build")';
describe('wcdoctor explain on the built knowledge base', () => {
  it.skipIf(!built)(`runs as a process and prints JSON for 0x800705B4${why}`, () => {
    // The built CLI as a user runs it (a tsx child compiled the sources again: a second and a half of CPU).
    const r = spawnSync(process.execPath, ['dist/cli.js', 'explain', '0x800705B4', '--json'], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { canonical: string; names: string[]; topics: { id: string }[] };
    expect(json.canonical).toBe('0x800705B4');
    expect(json.names).toContain('ERROR_TIMEOUT');
    expect(json.topics.length).toBeGreaterThan(0);
  });

  it.skipIf(!built)(`takes a negative decimal as the code, and --lang after it${why}`, async () => {
    const r = await runCli(['explain', '-2147023436', '--lang', 'de']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0x800705B4 \(WIN32: 1460 ERROR_TIMEOUT\)/);
    expect(r.stdout).toMatch(/\[de\]\s+Dieser Vorgang/);
    const bad = await runCli(['explain', 'not-a-code']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not-a-code');
  });
});

describe('explain - (a new-user helper: refused, although diagnose takes -)', () => {
  it('reads the code from standard input, its first word, and is refused as any code is when there is none', async () => {
    const { runCli } = await import('../helpers/cli-io.js');
    const viaStdin = await runCli(['explain', '-'], { stdin: '0x5b4\n' });
    expect(viaStdin).toEqual(await runCli(['explain', '0x5b4']));
    expect(viaStdin.stdout).toContain('ERROR_TIMEOUT');
    // A pasted line: its first word that looks like a code (a regression tester: "Error 0x800705B4" failed).
    expect((await runCli(['explain', '-'], { stdin: 'Error (0x800705B4): timeout\n' })).stdout).toBe(viaStdin.stdout.replace('0x5b4', '0x800705B4'));
    const empty = await runCli(['explain', '-'], { stdin: '\n' });
    expect(empty).toEqual({ code: 2, stdout: '', stderr: 'wcdoctor explain: standard input held no code: give one such as 0x800705B4, 1460 or ERROR_TIMEOUT\n' });
    expect((await runCli(['--lang', 'sv-SE', 'explain', '-'], { stdin: ' \t\n' })).stderr).toContain('standard in innehöll ingen kod');
  });

  it('looks for the code word by word in the first 64 KB only (an attacker helper: every word of 50 MB was split out first, 12 s and 1.2 GB)', async () => {
    const { runCli } = await import('../helpers/cli-io.js');
    const big = `Error 0x800705B4 here\n${'0x '.repeat(2_000_000)}`;
    expect((await runCli(['explain', '-'], { stdin: big })).stdout).toContain('ERROR_TIMEOUT');
    // A long word is one word: a piece of it is no code (a regression tester: 200 x's and 12345 gave 12345).
    expect((await runCli(['explain', '-'], { stdin: `${'x'.repeat(200)}12345\nthen 0x80070002\n` })).stdout).toContain('0x80070002');
    // A code the 64 KB cut goes through is left out, not read as its piece (0x800).
    const cut = await runCli(['explain', '-'], { stdin: `${'a'.repeat(65_530)} 0x80070005` });
    expect(cut.code).toBe(2);
    expect(cut.stdout).not.toContain('0x80070800');
    // A code past the first 64 KB is not looked for: the first word is taken, and refused as no code.
    const late = await runCli(['explain', '-'], { stdin: `${'word '.repeat(20_000)}0x800705B4` });
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('"word" is not an error code');
  });
});
