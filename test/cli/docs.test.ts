import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width.js';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import { KB_ARTEFACT, loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { findPackageRoot } from '../../src/platform/package-root.js';
import { tFor } from '../helpers/i18n.js';
import { runCli } from '../helpers/cli-io.js';

const built = existsSync(path.join(findPackageRoot(), KB_ARTEFACT));
if (!built) console.warn(`test/cli/docs.test.ts: skipped, ${KB_ARTEFACT} is not built (npm run build)`);

const configDir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-docs-'));
afterAll(() => rmSync(configDir, { recursive: true, force: true }));
const env = (extra: Record<string, string> = {}) => ({ WCDOCTOR_CONFIG_DIR: configDir, LANG: 'en_US.UTF-8', ...extra });

/** A topic with Chinese and Korean source text but no Swedish (the known-issues list only): the seed's shape. */
function pickTopic(kb: KnowledgeBase) {
  const localesOf = (t: KnowledgeBase['topics'][number]) => new Set(t.sectionIds.map((i) => kb.sections[i]?.locale));
  const knownIssuesOnly = (t: KnowledgeBase['topics'][number]) => t.sectionIds.every((i) => ['000', '001'].includes(kb.sections[i]?.doc ?? ''));
  const topic = kb.topics.find((t) => knownIssuesOnly(t) && localesOf(t).has('zh-CN') && localesOf(t).has('ko-KR') && !localesOf(t).has('sv-SE'));
  if (!topic) throw new Error('the knowledge base has no topic in zh-CN and ko-KR only');
  return topic;
}

describe.runIf(built)('wcdoctor docs', () => {
  const kb = built ? loadKnowledgeBase() : (undefined as never);
  const en = tFor('en');

  it('lists the topics by category without a TOPIC', async () => {
    const r = await runCli(['docs'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(en('cli.docs.topics'));
    expect(r.stdout).toContain(en('docs.category.general'));
    for (const t of kb.topics) expect(r.stdout).toContain(t.id);
  });

  it('lists them as JSON with --json', async () => {
    const r = await runCli(['docs', '--json'], { env: env() });
    const json = JSON.parse(r.stdout) as { categories: { category: string; topics: { id: string; locales: string[] }[] }[] };
    expect(json.categories.flatMap((c) => c.topics.map((t) => t.id)).sort()).toEqual(kb.topics.map((t) => t.id).sort());
  });

  it('prints plain Markdown when stdout is not a terminal: our summary, then the source in the language', async () => {
    const topic = pickTopic(kb);
    const r = await runCli(['docs', topic.id, '--lang', 'ko'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`# ${topic.title['ko-KR'] ?? topic.title.en}`);
    expect(r.stdout).toContain(topic.summary['ko-KR']);
    const koT = tFor('ko-KR');
    expect(r.stdout).toContain(`## ${koT('topic.sources', { language: koT('language.text.ko-KR') })}`);
    const ko = topic.sectionIds.map((i) => kb.sections[i]!).find((s) => s.locale === 'ko-KR')!;
    expect(r.stdout).toContain(`### ${ko.heading}`);
    expect(r.stdout.indexOf(topic.summary['ko-KR']!)).toBeLessThan(r.stdout.indexOf(ko.heading));
  });

  it('shows our translation where the language has no source text, marked as ours, with translatedFrom in --json', async () => {
    const topic = pickTopic(kb);
    const r = await runCli(['docs', topic.id, '--lang', 'sv-SE'], { env: env() });
    expect(r.code).toBe(0);
    const sv = tFor('sv-SE');
    expect(r.stdout).not.toContain(sv('topic.fallback', { requested: sv('language.text.sv-SE'), shown: sv('language.text.zh-CN') }));
    expect(r.stdout).toContain(`## ${sv('topic.translated', { language: sv('language.text.sv-SE'), from: sv('language.text.zh-CN') })}`);
    const json = JSON.parse((await runCli(['docs', topic.id, '--lang', 'sv-SE', '--json'], { env: env() })).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ id: topic.id, summary: topic.summary.en, locale: 'sv-SE', fallback: false, translatedFrom: 'zh-CN' });
    expect(Object.keys(json).sort()).toEqual(['fallback', 'id', 'locale', 'ours', 'sections', 'sources', 'summary', 'title', 'translatedFrom']);
    expect(json).toMatchObject({ ours: false, sources: [] });
    const zh = topic.sectionIds.map((i) => kb.sections[i]!).filter((s) => s.locale === 'zh-CN');
    const sections = json.sections as { locale: string; doc: string; heading: string; body: string; translatedFrom: string; original: { locale: string; heading: string; body?: string } }[];
    expect(sections).toHaveLength(zh.length);
    sections.forEach((s, i) => {
      expect(s).toMatchObject({ locale: 'sv-SE', doc: '000', translatedFrom: 'zh-CN', original: { locale: 'zh-CN', heading: zh[i]!.heading } });
      expect(s.original.body).toBeUndefined();
      expect(s.heading).not.toBe(zh[i]!.heading);
    });
  });

  it('shows the source beside each translated section with --original (text and JSON)', async () => {
    const topic = pickTopic(kb);
    const zh = topic.sectionIds.map((i) => kb.sections[i]!).filter((s) => s.locale === 'zh-CN');
    const r = await runCli(['docs', topic.id, '--lang', 'en', '--original'], { env: env() });
    expect(r.code).toBe(0);
    for (const s of zh) {
      expect(r.stdout).toContain(`#### ${en('topic.original', { language: en('language.text.zh-CN'), heading: s.heading })}`);
      // The source body, quoted line by line.
      const first = s.body.split('\n').find((l) => l.trim())!;
      expect(r.stdout).toContain(`> ${first}`);
    }
    const json = JSON.parse((await runCli(['docs', topic.id, '--lang', 'en', '--original', '--json'], { env: env() })).stdout) as { sections: { original: { body: string } }[] };
    expect(json.sections.map((s) => s.original.body)).toEqual(zh.map((s) => s.body));
    // A source text has no original to show: the flag changes nothing there.
    const ko = await runCli(['docs', topic.id, '--lang', 'ko-KR', '--original'], { env: env() });
    expect(ko.stdout).toBe((await runCli(['docs', topic.id, '--lang', 'ko-KR'], { env: env() })).stdout);
  });

  it('takes --lang before the command too, and POSIX names', async () => {
    const topic = pickTopic(kb);
    const json = JSON.parse((await runCli(['--lang', 'ko_KR.UTF-8', 'docs', topic.id, '--json'], { env: env() })).stdout) as { locale: string; fallback: boolean };
    expect(json).toMatchObject({ locale: 'ko-KR', fallback: false });
  });

  it('uses the environment language for its own words and as the default text language', async () => {
    const topic = pickTopic(kb);
    const r = await runCli(['docs', topic.id], { env: env({ LANG: 'ko_KR.UTF-8' }) });
    const ko = tFor('ko-KR');
    // Our Korean summary, not the English one.
    expect(r.stdout).toContain(`**${ko('topic.summary')}:** ${topic.summary['ko-KR']}`);
    expect(r.stdout).not.toContain(ko('topic.summaryEnglish'));
    expect(r.stdout).toContain(ko('topic.sources', { language: ko('language.text.ko-KR') }));
  });

  it("follows the environment, not the app's saved language, as every other command does (found by a tester)", async () => {
    const topic = pickTopic(kb);
    writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ language: 'sv-SE', knowledgeLanguage: 'sv-SE', theme: 'default' }));
    try {
      const r = await runCli(['docs', topic.id, '--json'], { env: env() });
      expect((JSON.parse(r.stdout) as { locale: string }).locale).toBe('en');
      const sv = await runCli(['docs', topic.id, '--json'], { env: env({ LANG: 'sv_SE.UTF-8' }) });
      expect((JSON.parse(sv.stdout) as { locale: string }).locale).toBe('sv-SE');
    } finally {
      rmSync(path.join(configDir, 'config.json'), { force: true });
    }
  });

  it('renders for the terminal when stdout is a TTY', async () => {
    const topic = pickTopic(kb);
    const r = await runCli(['docs', topic.id, '--lang', 'zh-CN'], { env: env({ NO_COLOR: '1' }), tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^#{2,3} /m);
    const zh = tFor('zh-CN');
    expect(r.stdout).toContain(zh('topic.sources', { language: zh('language.text.zh-CN') }));
    expect(r.stdout).not.toContain('\u001B[');
  });

  it("lays a topic out for the terminal's own width, paragraphs joined and wrapped there (found by a tester: lines laid out for 80 columns and the source's line breaks kept, ragged at 60)", async () => {
    const width = (r: { stdout: string }) => Math.max(...r.stdout.split('\n').map((l) => displayWidth(l)));
    const at60 = await runCli(['docs', 'hns-port-already-exists'], { env: env({ NO_COLOR: '1' }), tty: true, columns: 60 });
    expect(at60.code).toBe(0);
    expect(width(at60)).toBeLessThanOrEqual(60);
    expect(width(at60)).toBeGreaterThan(50);
    // One paragraph's sentence, across what were two lines of the source, reads on as one.
    expect(at60.stdout.replace(/\s+/g, ' ')).toContain('A second port mapping on the same host port, a load balancer');
    const zh = await runCli(['docs', 'hns-port-already-exists', '--lang', 'zh-CN'], { env: env({ NO_COLOR: '1' }), tty: true, columns: 60 });
    expect(width(zh)).toBeLessThanOrEqual(60);
    expect(zh.stdout.replace(/\n/g, '')).toContain('对于健康检查的情况，在 Windows Server 2019 节点上');
    // COLUMNS, when the user sets it, decides.
    const at100 = await runCli(['docs', 'hns-port-already-exists'], { env: env({ NO_COLOR: '1', COLUMNS: '100' }), tty: true, columns: 60 });
    expect(width(at100)).toBeGreaterThan(60);
  });

  it('takes a topic id in any case (found by a tester: Version-Mismatch-Error was "no topic")', async () => {
    const lower = await runCli(['docs', 'version-mismatch-error', '--json'], { env: env() });
    const mixed = await runCli(['docs', 'Version-Mismatch-Error', '--json'], { env: env() });
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toBe(lower.stdout);
    expect((await runCli(['fix', 'NAT-STATIC-MAPPING-CONFLICT'], { env: env() })).stdout).toBe((await runCli(['fix', 'nat-static-mapping-conflict'], { env: env() })).stdout);
  });

  // --lang is the language of everything docs prints, as for every other command, whatever the environment's.
  it('speaks the --lang language in its own words: list, topic and errors', async () => {
    const ko = tFor('ko-KR');
    const list = await runCli(['docs', '--lang', 'ko-KR'], { env: env() });
    expect(list.stdout.split('\n')[0]).toBe(ko('cli.docs.topics'));
    expect(list.stdout).toContain(`\n${ko('docs.category.general')}\n`);
    expect(list.stdout).toContain(`(${ko('topic.oursMark')})`);
    // The mark is said once at the end (a new-user helper met it without a word about it).
    expect(list.stdout.trimEnd().split('\n').at(-1)).toBe(ko('cli.docs.oursLegend', { mark: ko('topic.oursMark') }));
    expect(list.stdout).not.toContain(`\n${en('docs.category.general')}\n`);

    const topic = kb.topics.find((t) => t.fixes.some((f) => f.admin))!;
    const page = await runCli(['--lang', 'ko-KR', 'docs', topic.id], { env: env() });
    expect(page.stdout).toContain(`## ${ko('topic.fixes')}`);
    expect(page.stdout).toContain(ko('topic.fix.admin'));
    expect(page.stdout).not.toContain(en('topic.fix.admin'));

    const typo = pickTopic(kb).id.slice(0, -2);
    const missing = await runCli(['docs', typo, '--lang', 'zh-CN'], { env: env() });
    const zh = tFor('zh-CN');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`wcdoctor docs: ${zh('cli.docs.noTopic', { topic: typo })}\n`);
    expect(missing.stderr).toContain(zh('cli.docs.listTopics'));
    expect(missing.stderr).not.toContain('did you mean');

    // And English for --lang en in a Korean environment.
    const english = await runCli(['docs', '--lang', 'en'], { env: env({ LANG: 'ko_KR.UTF-8' }) });
    expect(english.stdout.split('\n')[0]).toBe(en('cli.docs.topics'));
  });

  it('fails with exit 2 and close suggestions for an unknown topic', async () => {
    const topic = pickTopic(kb);
    const typo = topic.id.slice(0, -2);
    const r = await runCli(['docs', typo], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`wcdoctor docs: no topic "${typo}"\n  → did you mean: ${topic.id}`);
    expect(r.stderr).toContain('  → run "wcdoctor docs" to list the topics\n');
    expect(r.stdout).toBe('');
  });

  it('fails with exit 2 naming --lang for a language it does not know', async () => {
    const r = await runCli(['docs', pickTopic(kb).id, '--lang', 'fr'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang');
    expect(r.stderr).toContain('"fr"');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('wcdoctor (no command)', () => {
  it('prints the help of the commands and exits 0 without a terminal', async () => {
    const r = await runCli([], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: wcdoctor');
    expect(r.stdout).toContain('docs');
    expect(r.stdout).toContain('diagnose');
  });

  it('names an unknown command and exits 2', async () => {
    const r = await runCli(['bogus'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'bogus'");
  });
});
