import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { assembleKnowledgeBase, computeStats } from '../../src/core/knowledge/assemble-kb.js';
import type { RawFile } from '../../src/core/knowledge/problem.js';
import { readKnowledgeInput } from '../../src/platform/knowledge-input.js';
import { realKnowledgeBase, realKnowledgeInput } from '../helpers/real-kb.js';
import { runCli } from '../helpers/cli-io.js';

const input = realKnowledgeInput();
// The real knowledge base as the global setup assembled it once for the run (from the same input).
const { kb, problems } = realKnowledgeBase();

/**
 * The input with one topic file's data replaced, without the trees, code catalogues, translations and fix texts: a case
 * looks for a problem of the topics, and assembling those files again for each case took a third of this file's CPU.
 */
function withTopic(id: string, edit: (data: Record<string, unknown>) => unknown): ReturnType<typeof realKnowledgeInput> {
  const topics: RawFile[] = input.topics.map((f) =>
    f.file.endsWith(`/${id}.yaml`) ? { ...f, data: edit(structuredClone(f.data) as Record<string, unknown>) } : f,
  );
  return { ...input, topics, trees: [], codes: [], translations: [], fixText: [] };
}

describe('the real knowledge base', () => {
  it('is read once per run for every test file, exactly as readKnowledgeInput reads it (test/setup/knowledge-base.ts)', () => {
    expect(realKnowledgeInput()).toStrictEqual(readKnowledgeInput());
  });

  it('has no problems', () => {
    expect(problems).toEqual([]);
  });

  it('maps every headed section of every source, with the counts the documents hold', () => {
    const stats = computeStats(kb);
    expect(stats.sources.map((s) => [s.doc, s.locale, s.sections, s.mapped])).toEqual([
      ['000', 'zh-CN', 25, 25],
      ['001', 'ko-KR', 25, 25],
      ['002', 'sv-SE', 19, 19],
      ['003', 'zh-CN', 11, 11],
      ['004', 'zh-CN', 31, 31],
    ]);
  });

  it('aligns the zh-CN and ko-KR known-issues lists section by section', () => {
    const owner = new Map<number, string>();
    for (const t of kb.topics) for (const id of t.sectionIds) owner.set(id, t.id);
    for (const s of kb.structural) owner.set(s.sectionId, 'structural');
    // Source sections only: our translations carry the doc they translate.
    const zh = kb.sections.map((s, i) => [s, i] as const).filter(([s]) => s.doc === '000' && !s.translatedFrom);
    const ko = kb.sections.map((s, i) => [s, i] as const).filter(([s]) => s.doc === '001' && !s.translatedFrom);
    expect(zh.map(([, i]) => owner.get(i))).toEqual(ko.map(([, i]) => owner.get(i)));
    expect(zh.map(([s]) => s.level)).toEqual(ko.map(([s]) => s.level));
  });

  it('gives every section of the older compatibility revision a newer Swedish counterpart', () => {
    for (const t of kb.topics.filter((t) => t.sectionIds.some((i) => kb.sections[i]?.doc === '003'))) {
      expect(t.sectionIds.map((i) => kb.sections[i]?.doc), t.id).toContain('002');
    }
    const svOnly = kb.topics.filter((t) => t.sectionIds.every((i) => kb.sections[i]?.doc === '002')).map((t) => t.id);
    expect(svOnly.length).toBeGreaterThan(0);
  });

  it('lists the languages each topic reads in whole (source or our translation), and per language nothing missing', () => {
    const stats = computeStats(kb);
    for (const t of stats.topics) expect(t.locales, t.id).toEqual(['en', 'zh-CN', 'ko-KR', 'sv-SE']);
    expect(stats.locales.map((l) => l.locale)).toEqual(['en', 'zh-CN', 'ko-KR', 'sv-SE']);
    for (const l of stats.locales) {
      expect(l.missing, l.locale).toBe(0);
      // Every language counts the same sections: each is source text, our translation, or a topic of our own.
      expect(l.source + l.translated + l.ours).toBe(stats.locales[0]!.source + stats.locales[0]!.translated + stats.locales[0]!.ours);
    }
    // English has no vendored document, only the two English sections of the networking one.
    expect(stats.locales[0]).toMatchObject({ locale: 'en', source: 2 });
  });
});

describe('kb build, check and stats say what they are doing while they work', () => {
  it.each(['build', 'check', 'stats'])("kb %s: a first line on a terminal's stderr; nothing on a pipe", async (command) => {
    const empty = mkdtempSync(path.join(tmpdir(), 'wcd-kb-say-'));
    mkdirSync(path.join(empty, 'knowledge'));
    try {
      // Without the kept verdicts of earlier runs (--no-cache): with them, the line says "timing its new patterns".
      const said = `kb ${command}: reading the knowledge and timing each of its patterns…\n`;
      const tty = await runCli(['kb', command, '--root', empty, '--no-cache'], { stderrTTY: true });
      expect(tty.stderr.startsWith(said)).toBe(true);
      const piped = await runCli(['kb', command, '--root', empty, '--no-cache']);
      expect(piped.stderr).not.toContain(said);
      // The rest is the same either way.
      expect(tty.stderr.slice(said.length)).toBe(piped.stderr);
      expect(tty.stdout).toBe(piped.stdout);
      expect(tty.code).toBe(piped.code);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('kb build, check and stats on a folder without knowledge/', () => {
  it.each(['build', 'check', 'stats'])('kb %s --root says so in one line and exits 2, for a missing folder, an empty one and a file', async (command) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wcd-kb-noroot-'));
    try {
      writeFileSync(path.join(dir, 'a-file'), 'x');
      for (const root of [path.join(dir, 'missing'), dir, path.join(dir, 'a-file')]) {
        const r = await runCli(['kb', command, '--root', root]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`kb ${command}: ${JSON.stringify(root)} has no knowledge/ folder; --root takes the wcdoctor folder that holds knowledge/ (a clone of the repository)\n`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kb build --root where the output cannot be written', () => {
  it('says which file and why, with exit 3, instead of an internal error', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wcd-kb-out-'));
    try {
      cpSync(new URL('../../knowledge', import.meta.url), path.join(root, 'knowledge'), { recursive: true });
      writeFileSync(path.join(root, 'dist'), 'a file where the output folder goes');
      const r = await runCli(['kb', 'build', '--root', root]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`cannot write ${path.join(root, 'dist')}`);
      expect(r.stderr).toContain('part of its path is a file, not a folder');
      expect(r.stderr).not.toContain('internal error');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 30_000);

  it('writes nothing through a dist link of the contributed folder (an attacker helper: the four files went where it pointed)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wcd-kb-link-'));
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'wcd-kb-elsewhere-'));
    try {
      cpSync(new URL('../../knowledge', import.meta.url), path.join(root, 'knowledge'), { recursive: true });
      writeFileSync(path.join(elsewhere, 'kb.json'), '{"precious":true}');
      symlinkSync(elsewhere, path.join(root, 'dist'));
      const r = await runCli(['kb', 'build', '--root', root]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`cannot write ${path.join(root, 'dist')}: it is a link`);
      expect(readdirSync(elsewhere)).toEqual(['kb.json']);
      expect(readFileSync(path.join(elsewhere, 'kb.json'), 'utf8')).toBe('{"precious":true}');
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('kb check on broken topic files', () => {
  it('refuses a body whose lists nest deeper than can be drawn (an attacker helper: rendering them took gigabytes)', () => {
    const deep = Array.from({ length: 12 }, (_, k) => `${'  '.repeat(k)}- level ${k}`).join('\n');
    const r = assembleKnowledgeBase(withTopic('container-tls12-not-enabled', (d) => ({ ...d, body: { ...(d.body as object), en: `${(d.body as { en: string }).en}\n\n${deep}` } })));
    expect(r.problems.some((p) => p.field === 'body.en' && p.message.includes('nested 12 deep'))).toBe(true);
  });

  it('refuses a body of more characters than can be drawn in bounded time, words or not (an attacker helper: a run of code marks passed the word count and took 45 s to show)', () => {
    const marks = Array.from({ length: 4_000 }, (_, i) => `${'`'.repeat(1 + (i % 50))}.`).join('');
    const r = assembleKnowledgeBase(withTopic('container-tls12-not-enabled', (d) => ({ ...d, body: { ...(d.body as object), en: `${(d.body as { en: string }).en}\n\n${marks}` } })));
    expect(r.problems.find((p) => p.field === 'body.en' && /characters: keep it under/.test(p.message))?.message, JSON.stringify(r.problems)).toMatch(/^is \d{5,6} characters/);
  });

  it('refuses a body of more emphasis marks than can be drawn in bounded time (15,900 characters of `_*a` took 8 s to show)', () => {
    const withBody = (extra: string) => assembleKnowledgeBase(withTopic('container-tls12-not-enabled', (d) => ({ ...d, body: { ...(d.body as object), en: `${(d.body as { en: string }).en}\n\n${extra}` } })));
    const marks = (r: ReturnType<typeof withBody>) => r.problems.filter((p) => p.field === 'body.en' && p.message.includes('emphasis marks'));
    expect(marks(withBody('_*a'.repeat(600)))).toHaveLength(1);
    expect(marks(withBody('_*a'.repeat(400)))).toEqual([]);
  });

  it('refuses a topic with more patterns than the diagnosis can number (an attacker helper: 1,024 passed, and every diagnosis of that build was an internal error)', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `zq${i} (?:mount|bind) vx${i}`);
    const withPatterns = (n: number) => assembleKnowledgeBase(withTopic('container-tls12-not-enabled', (d) => ({ ...d, signatures: { ...(d.signatures as object), regexes: many(n) } })));
    expect(withPatterns(1024).problems.find((p) => p.field === 'signatures.regexes')?.message).toMatch(/^has 1024 patterns: at most 1023/);
    expect(withPatterns(1023).problems.filter((p) => p.field === 'signatures.regexes')).toEqual([]);
  });

  it('refuses quotes nested as deep, which grow the rendering too (a regression tester: 199 levels took 20 s)', () => {
    const quotes = Array.from({ length: 12 }, (_, k) => `${'>'.repeat(k + 1)} .`).join('\n');
    const r = assembleKnowledgeBase(withTopic('container-tls12-not-enabled', (d) => ({ ...d, body: { ...(d.body as object), en: `${(d.body as { en: string }).en}\n\n${quotes}` } })));
    expect(r.problems.some((p) => p.field === 'body.en' && p.message.includes('nested 12 deep'))).toBe(true);
  });

  it.each([
    ['an unknown category', (d: Record<string, unknown>) => ({ ...d, category: 'bogus' }), 'category'],
    ['a missing title', (d: Record<string, unknown>) => ({ ...d, title: undefined }), 'title'],
    ['a non-canonical code', (d: Record<string, unknown>) => ({ ...d, signatures: { ...(d.signatures as object), codes: ['800705b4'] } }), 'signatures.codes[0]'],
    ['an unknown field', (d: Record<string, unknown>) => ({ ...d, colour: 'red' }), '(root)'],
    ['an unknown context in needs', (d: Record<string, unknown>) => ({ ...d, signatures: { ...(d.signatures as object), needs: ['containerz'] } }), 'signatures.needs[0]'],
  ])('names the file and field for %s', (_name, edit, field) => {
    const r = assembleKnowledgeBase(withTopic('processor-count-start-timeout', edit));
    expect(r.problems).toContainEqual(expect.objectContaining({ file: 'knowledge/topics/processor-count-start-timeout.yaml', field }));
  });

  it('reports an undeclared and an unused placeholder', () => {
    const r = assembleKnowledgeBase(
      withTopic('processor-count-start-timeout', (d) => {
        const fixes = d.fixes as { command: string; params: Record<string, unknown> }[];
        fixes[0]!.command += ' -Extra {{undeclared}}';
        fixes[0]!.params.unused = { kind: 'text', description: 'never used' };
        return d;
      }),
    );
    const fields = r.problems.map((p) => p.field);
    expect(fields).toContain('fixes[0].params.undeclared');
    expect(fields).toContain('fixes[0].params.unused');
  });

  it('reports a fix command that would need a shell to run', () => {
    const r = assembleKnowledgeBase(
      withTopic('nat-static-mapping-conflict', (d) => {
        const fixes = d.fixes as { shell: string; command: string; params: Record<string, unknown> }[];
        fixes.push({ ...fixes[0]!, id: 'piped', shell: 'docker', command: 'docker ps | findstr {{port}}' } as never);
        return d;
      }),
    );
    expect(r.problems).toContainEqual(expect.objectContaining({ file: 'knowledge/topics/nat-static-mapping-conflict.yaml', field: `fixes[${2}].command` }));
  });

  it('reports a dangling related id, an id that is not the file name and a section that does not exist', () => {
    const r = assembleKnowledgeBase(
      withTopic('processor-count-start-timeout', (d) => ({ ...d, id: 'other-id', related: ['no-such-topic'], sections: [{ doc: '000', heading: 'No such heading' }] })),
    );
    const msgs = r.problems.map((p) => `${p.file} ${p.field}`);
    expect(msgs).toContain('knowledge/topics/processor-count-start-timeout.yaml id');
    expect(msgs).toContain('knowledge/topics/processor-count-start-timeout.yaml sections[0]');
    expect(r.problems.some((p) => p.field.startsWith('section "当 4 核 VM'))).toBe(true);
  });

  it('reports a section claimed by two topics', () => {
    // Another topic that rests on vendored sections (a topic of our own has none).
    const other = input.topics.find((f) => !f.file.endsWith('/processor-count-start-timeout.yaml') && ((f.data as { sections?: unknown[] }).sections?.length ?? 0) > 0)!;
    const r = assembleKnowledgeBase(
      withTopic(path.basename(other.file, '.yaml'), (d) => ({ ...d, sections: [...(d.sections as object[]), { doc: '000', heading: '当 4 核 VM 上的处理器计数为 1 或 2 时，启动容器会失败' }] })),
    );
    expect(r.problems.some((p) => p.message.includes('already mapped'))).toBe(true);
  });
});

describe('wcdoctor kb check --root on a copy with a broken file', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'wcd-kb-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  cpSync(new URL('../../knowledge', import.meta.url), path.join(root, 'knowledge'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), '{"name":"wcdoctor"}');

  it('passes on the unmodified copy and fails naming file and field once a topic is broken', async () => {
    const good = await runCli(['kb', 'check', '--root', root]);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    const file = path.join(root, 'knowledge/topics/slow-start-antivirus.yaml');
    const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...data, kind: 'rumour' }));
    const bad = await runCli(['kb', 'check', '--root', root]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('knowledge/topics/slow-start-antivirus.yaml: kind:');
    writeFileSync(file, 'id: [unclosed');
    const unreadable = await runCli(['kb', 'check', '--root', root]);
    expect(unreadable.stderr).toContain('knowledge/topics/slow-start-antivirus.yaml: (file): cannot be read');
  });

  it('fails naming the file when a translation goes missing, drops a code or uses a rival word', async () => {
    // The topic file was broken above: restore it from the shipped copy first.
    cpSync(new URL('../../knowledge/topics/slow-start-antivirus.yaml', import.meta.url), path.join(root, 'knowledge/topics/slow-start-antivirus.yaml'));
    const tr = (rel: string) => path.join(root, 'knowledge/translations', rel);
    rmSync(tr('sv-SE/000/memory-limit-below-48mb.md'));
    const nat = tr('en/000/nat-static-mapping-conflict.md');
    writeFileSync(nat, readFileSync(nat, 'utf8').replaceAll('port 80', 'port eighty'));
    const zh = tr('zh-CN/002/hyperv-isolation.md');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace('容器主机', '宿主机').replace('主机和映像', '宿主机和映像'));
    const r = await runCli(['kb', 'check', '--root', root]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('knowledge/topics/memory-limit-below-48mb.yaml: sv-SE: no text in sv-SE');
    expect(r.stderr).toContain('knowledge/translations/en/000/nat-static-mapping-conflict.md: (body): the source says "80"');
    expect(r.stderr).toContain('knowledge/translations/zh-CN/002/hyperv-isolation.md: glossary container-host: "宿主机" is not our word');
    const stats = await runCli(['kb', 'stats', '--root', root, '--json']);
    const sv = (JSON.parse(stats.stdout) as { languages: { locale: string; missing: number }[] }).languages.find((l) => l.locale === 'sv-SE');
    expect(sv?.missing).toBe(1);
  });

  it('a YAML tag it cannot resolve is a problem of the file, worded with its control characters shown; nothing reaches the terminal through a warning (found by an attacker helper: an OSC in a tag set the title while kb check said ok)', async () => {
    const file = path.join(root, 'knowledge/topics/slow-start-antivirus.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^category: (\S+)$/m, 'category: !<t\u001b]0;OWNED\u0007\u001b]52;c;eA==\u0007> $1'));
    const warned = vi.spyOn(process, 'emitWarning');
    try {
      const r = await runCli(['kb', 'check', '--root', root]);
      expect(warned).not.toHaveBeenCalled();
      expect(r.code).toBe(3);
      expect(r.stderr).not.toContain('\u001b');
      expect(r.stderr).toContain('knowledge/topics/slow-start-antivirus.yaml: (file): cannot be read: Unresolved tag: t␛]0;OWNED␇␛]52;c;eA==␇');
    } finally {
      warned.mockRestore();
      writeFileSync(file, original);
    }
  });

  it('reads no source file outside knowledge/sources: a "../" path is a problem, and nothing of the file it names is read or built (found by an attacker helper)', async () => {
    const sources = path.join(root, 'knowledge/sources.yaml');
    const original = readFileSync(sources, 'utf8');
    const secret = path.join(root, 'secret.md');
    writeFileSync(secret, '---\ntitle: x\n---\n# SECRET-HEADING-abc123\n\nhunter2\n');
    const structure = path.join(root, 'knowledge/structure.yaml');
    const structureText = readFileSync(structure, 'utf8');
    writeFileSync(sources, original.replace(/^docs:\n/m, 'docs:\n  - { id: "009", file: ../secret.md, locale: en, form: markdown-frontmatter, family: networking }\n'));
    writeFileSync(structure, `${structureText.trimEnd()}\n  - { doc: "009", heading: "SECRET-HEADING-abc123", role: structural }\n`);
    try {
      const r = await runCli(['kb', 'check', '--root', root]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('must be a path inside knowledge/sources');
      expect(r.stderr + r.stdout).not.toContain('hunter2');
      const built = await runCli(['kb', 'build', '--root', root]);
      expect(built.code).not.toBe(0);
      expect(existsSync(path.join(root, 'dist/kb-text.json')) ? readFileSync(path.join(root, 'dist/kb-text.json'), 'utf8') : '').not.toContain('hunter2');
    } finally {
      writeFileSync(sources, original);
      writeFileSync(structure, structureText);
      rmSync(secret);
    }
  });

  it.skipIf(process.platform === 'win32')('reads no link to a file outside the knowledge folder, in sources or translations (found by a reviewer)', async () => {
    const secret = path.join(root, 'secret.md');
    writeFileSync(secret, '---\ntitle: x\n---\nhunter2\n');
    const sources = readFileSync(path.join(root, 'knowledge/sources.yaml'), 'utf8');
    const source = path.join(root, 'knowledge/sources', /file:\s*(\S+)/.exec(sources)![1]!);
    const translation = path.join(root, 'knowledge/translations/en/000/nat-static-mapping-conflict.md');
    const kept = [source, translation].map((f) => [f, readFileSync(f)] as const);
    for (const [f] of kept) {
      rmSync(f);
      symlinkSync(secret, f);
    }
    try {
      const r = await runCli(['kb', 'check', '--root', root]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('it is a link to a file outside the knowledge folder');
      expect(r.stderr + r.stdout).not.toContain('hunter2');
    } finally {
      for (const [f, bytes] of kept) {
        rmSync(f);
        writeFileSync(f, bytes);
      }
      rmSync(secret);
    }
  });

  it("prints each problem on one line: a quoted value's line feeds cannot print a verdict of their own (found by an attacker helper)", async () => {
    const file = path.join(root, 'knowledge/topics/slow-start-antivirus.yaml');
    const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const fake = 'wcdoctor kb check: ok (134 topics, all mapped)';
    writeFileSync(file, JSON.stringify({ ...data, related: [`x\n\n${fake}\n`] }));
    try {
      const r = await runCli(['kb', 'check', '--root', root]);
      expect(r.code).toBe(3);
      const lines = r.stderr.split('\n');
      expect(lines.some((l) => l.startsWith('wcdoctor kb check: ok'))).toBe(false);
      expect(lines.find((l) => l.includes('related[0]'))).toContain(`␊␊${fake}␊`);
    } finally {
      cpSync(new URL('../../knowledge/topics/slow-start-antivirus.yaml', import.meta.url), file);
    }
  });
});
