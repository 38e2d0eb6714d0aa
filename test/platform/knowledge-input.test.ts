import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { assembleKnowledgeBase } from '../../src/core/knowledge/assemble-kb.js';
import { joinFoldedHan } from '../../src/core/text/normalise.js';
import { readKnowledgeInput } from '../../src/platform/knowledge-input.js';

const REPO = path.resolve(import.meta.dirname, '../..');

describe('reading a knowledge folder more than once in a process', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'wcd-input-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  cpSync(path.join(REPO, 'knowledge'), path.join(root, 'knowledge'), { recursive: true });

  it('gives the same data as the first read, each caller its own copy', () => {
    const first = readKnowledgeInput(root);
    const second = readKnowledgeInput(root);
    expect(second).toStrictEqual(first);
    // A caller that edits what it got (kb check's tests do) changes nothing another read gives.
    const topic = second.topics[0]!.data as { title: { en: string } };
    topic.title.en = 'changed by a caller';
    expect((readKnowledgeInput(root).topics[0]!.data as { title: { en: string } }).title.en).toBe((first.topics[0]!.data as { title: { en: string } }).title.en);
    expect((first.topics[0]!.data as { title: { en: string } }).title.en).not.toBe('changed by a caller');
  });

  it('reads a file again once its text changes, and reports one that no longer parses', () => {
    const file = readKnowledgeInput(root).topics[1]!.file;
    const full = path.join(root, file);
    writeFileSync(full, 'id: renamed-topic\n');
    expect(readKnowledgeInput(root).topics[1]!.data).toEqual({ id: 'renamed-topic' });
    writeFileSync(full, 'id: [unclosed\n');
    const broken = readKnowledgeInput(root).topics[1]!;
    expect(broken.data).toBeNull();
    expect(broken.error).toEqual(expect.any(String));
  });
});

describe('odd entries in a knowledge folder are problems of theirs: never a crash, never a hang (found by trying it)', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  /**
   * A copy of the shipped knowledge folder cut down to two topics, one tree and the English translations, changed by
   * `spoil` (given the copy's knowledge/ path). Every kind of file is still there to be spoilt; the problems the cut
   * itself makes (a tree's missing topics, missing translations) are of other files than the one a case looks at, and
   * reading and assembling the whole folder for each case took most of this file's time (4.6 s of CPU of 6 s).
   */
  const shipped = path.join(REPO, 'knowledge');
  /** What the cut leaves out, relative to knowledge/: the topics after the first two, the trees after the first, the translations but English. */
  const left = new Set([
    ...([['topics', 2], ['trees', 1]] as const).flatMap(([folder, keep]) => readdirSync(path.join(shipped, folder)).sort().slice(keep).map((f) => path.join(folder, f))),
    ...readdirSync(path.join(shipped, 'translations')).filter((locale) => locale !== 'en').map((locale) => path.join('translations', locale)),
  ]);
  const spoilt = (spoil: (knowledge: string) => void): string => {
    const root = mkdtempSync(path.join(tmpdir(), 'wcd-input-odd-'));
    roots.push(root);
    const knowledge = path.join(root, 'knowledge');
    // Copied without what the cut leaves out (rather than copied whole and cut).
    cpSync(shipped, knowledge, { recursive: true, filter: (from) => !left.has(path.relative(shipped, from)) });
    spoil(knowledge);
    return root;
  };
  const firstSource = (): string => (parseYaml(readFileSync(path.join(REPO, 'knowledge', 'sources.yaml'), 'utf8')) as { docs: { file: string }[] }).docs[0]!.file;
  const unix = process.platform !== 'win32';

  it.each([
    ['a translation that is a folder', (k: string) => mkdirSync(path.join(k, 'translations', 'en', '000', 'zz.md')), 'knowledge/translations/en/000/zz.md', /cannot be read: .*not a regular file/],
    ['a listed source text that is a folder', (k: string) => (rmSync(path.join(k, 'sources', firstSource())), mkdirSync(path.join(k, 'sources', firstSource()))), 'knowledge/sources.yaml', /cannot be read: .*not a regular file/],
    ['the topics folder a file', (k: string) => (rmSync(path.join(k, 'topics'), { recursive: true }), writeFileSync(path.join(k, 'topics'), 'x')), 'knowledge/topics', /not a folder/],
    ['the translations folder a file', (k: string) => (rmSync(path.join(k, 'translations'), { recursive: true }), writeFileSync(path.join(k, 'translations'), 'x')), 'knowledge/translations', /not a folder/],
    ...(unix
      ? ([
          ['a topic file that is a FIFO', (k: string) => execFileSync('mkfifo', [path.join(k, 'topics', 'fifo.yaml')]), 'knowledge/topics/fifo.yaml', /not a regular file/],
          ['a topic file that is a link to /dev/zero', (k: string) => symlinkSync('/dev/zero', path.join(k, 'topics', 'zero.yaml')), 'knowledge/topics/zero.yaml', /a link to a file outside the knowledge folder/],
          ['a topic file that is a link to a FIFO inside the folder', (k: string) => (execFileSync('mkfifo', [path.join(k, 'topics', 'pipe')]), symlinkSync(path.join(k, 'topics', 'pipe'), path.join(k, 'topics', 'zero.yaml'))), 'knowledge/topics/zero.yaml', /not a regular file/],
          ['a translation that is a FIFO', (k: string) => execFileSync('mkfifo', [path.join(k, 'translations', 'en', '000', 'zz.md')]), 'knowledge/translations/en/000/zz.md', /not a regular file/],
          // A name that is not valid UTF-8 (found by an attacker helper: reported as "no such file or directory").
          ['a topic file whose name is not UTF-8', (k: string) => writeFileSync(Buffer.concat([Buffer.from(path.join(k, 'topics', 'bad')), Buffer.from([0x9b]), Buffer.from('.yaml')]), 'id: x\n'), 'knowledge/topics/bad\ufffd.yaml', /name is not valid UTF-8/],
        ] as const)
      : []),
  ] as const)('%s', (_, spoil, file, message) => {
    const input = readKnowledgeInput(spoilt(spoil));
    const { problems } = assembleKnowledgeBase(input);
    expect(problems.filter((p) => p.file === file).map((p) => p.message).join('\n')).toMatch(message);
  });
});

describe('our Chinese text without the spaces YAML folding puts between its characters (found by a helper: 204 on screen)', () => {
  it('joins a folded line of Chinese, and keeps the spaces around Latin words and in Korean', () => {
    expect(joinFoldedHan('构建 Windows 映像， 或在 Windows 上原生构建')).toBe('构建 Windows 映像，或在 Windows 上原生构建');
    expect(joinFoldedHan('在创建容器之前 就被拒绝')).toBe('在创建容器之前就被拒绝');
    expect(joinFoldedHan('컨테이너 네트워크 오류')).toBe('컨테이너 네트워크 오류');
  });

  it('reads every zh-CN text of our topics, fix texts and trees without one', () => {
    const input = readKnowledgeInput(path.resolve(import.meta.dirname, '../..'));
    const folded = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef] [\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    const found: string[] = [];
    const visit = (v: unknown, chinese: boolean, at: string) => {
      if (typeof v === 'string') {
        if (chinese && folded.test(v)) found.push(at);
      } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, chinese, `${at}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, chinese || k === 'zh-CN', `${at}.${k}`);
    };
    for (const f of [...input.topics, ...(input.fixText ?? []), ...input.trees]) visit(f.data, /zh-CN\.ya?ml$/.test(f.file), f.file);
    expect(found).toEqual([]);
    // The same files hold Chinese at all (the test reads what it means to).
    expect(JSON.stringify(input.topics.map((t) => t.data))).toMatch(/[\u4e00-\u9fff]/);
  });
});
