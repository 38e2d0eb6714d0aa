import { describe, expect, it } from 'vitest';
import { glossaryProblems, ownTextGlossaryProblems, parseGlossary, usesForm, type GlossaryTerm } from '../../src/core/knowledge/glossary.js';
import type { KnowledgeBase, ResolvedTopic } from '../../src/core/knowledge/kb.js';
import { localeCoverage, completenessGaps } from '../../src/core/knowledge/coverage.js';
import { resolveTopicText, sectionsWithOriginals, topicLocales } from '../../src/core/knowledge/topic-text.js';
import { codeBlocksOf, parseTranslations, type RawText } from '../../src/core/knowledge/translations.js';
import type { Section, SourceDoc } from '../../src/core/knowledge/types.js';

const doc = (id: string, locale: SourceDoc['locale'], family: SourceDoc['family'], translationSource = false): SourceDoc => ({ id, file: `${locale}/${id}.txt`, locale, form: 'markdown-anchors', family, title: id, preamble: '', ...(translationSource ? { translationSource } : {}) });
const sec = (d: string, locale: Section['locale'], index: number, heading: string, body: string, extra: Partial<Section> = {}): Section => ({ doc: d, locale, index, level: 2, heading, line: index + 1, body, ...extra });

const DOCS = [doc('000', 'zh-CN', 'known-issues', true), doc('001', 'ko-KR', 'known-issues'), doc('004', 'zh-CN', 'networking', true)];
const SOURCE = [
  sec('000', 'zh-CN', 0, '静态 NAT 映射冲突', '示例：\n\n```\ndocker run -p 80:80 x\n```\n\n解决方法：\n\n```powershell\nGet-NetNatStaticMapping\n```'),
  sec('001', 'ko-KR', 0, '정적 NAT 매핑 충돌', '예:\n\n```\ndocker run -p 80:80 x\n```\n\n```powershell\nGet-NetNatStaticMapping\n```'),
  sec('004', 'zh-CN', 0, '防火墙', '容器主机的防火墙规则适用于所有容器。'),
  sec('004', 'zh-CN', 1, 'VFP', 'The VFP extension is a forwarding extension of the Hyper-V virtual switch used to enforce network policy and manipulate packets for overlay and l2bridge networks.', { textLocale: 'en' }),
];
const file = (path: string, front: Record<string, string>, body: string): RawText => ({
  file: `knowledge/translations/${path}`,
  text: `---\n${Object.entries(front).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n\n${body}\n`,
});
const EN_NAT = file('en/000/nat.md', { doc: '000', heading: '静态 NAT 映射冲突', title: 'Static NAT mapping conflict', translatedFrom: 'zh-CN' }, 'Example:\n\n<!-- code 1 -->\n\nWorkaround:\n\n<!-- code 2 -->');

describe('parseTranslations', () => {
  it('takes the code blocks from the source, byte for byte, in the places the translation names', () => {
    const { translations, problems } = parseTranslations([EN_NAT], DOCS, SOURCE);
    expect(problems).toEqual([]);
    expect(translations).toHaveLength(1);
    expect(translations[0]).toMatchObject({ locale: 'en', sourceId: 0, translatedFrom: 'zh-CN', heading: 'Static NAT mapping conflict' });
    expect(translations[0]!.body).toBe('Example:\n\n```\ndocker run -p 80:80 x\n```\n\nWorkaround:\n\n```powershell\nGet-NetNatStaticMapping\n```');
    expect(codeBlocksOf(translations[0]!.body)).toEqual(codeBlocksOf(SOURCE[0]!.body));
  });

  it.each([
    ['an unknown doc', file('en/009/x.md', { doc: '009', heading: 'x', title: 'X', translatedFrom: 'zh-CN' }, 'text'), 'doc', 'no source document "009"'],
    ['an unknown heading', file('en/000/x.md', { doc: '000', heading: '没有这一节', title: 'X', translatedFrom: 'zh-CN' }, 'text'), 'heading', 'no section "没有这一节" in doc 000'],
    ['the wrong source language', file('en/000/x.md', { doc: '000', heading: '静态 NAT 映射冲突', title: 'X', translatedFrom: 'ko-KR' }, '<!-- code 1 -->\n<!-- code 2 -->'), 'translatedFrom', 'must be the language the section is written in: zh-CN'],
    ['a "translation" into the source language', file('zh-CN/000/x.md', { doc: '000', heading: '静态 NAT 映射冲突', title: 'X', translatedFrom: 'zh-CN' }, '<!-- code 1 -->\n<!-- code 2 -->'), '(path)', 'already in zh-CN'],
    ['a code block left out', file('en/000/x.md', { doc: '000', heading: '静态 NAT 映射冲突', title: 'X', translatedFrom: 'zh-CN' }, 'Example:\n\n<!-- code 1 -->'), '(body)', 'code block 2 of the source is missing'],
    ['a code block used twice', file('en/000/x.md', { doc: '000', heading: '静态 NAT 映射冲突', title: 'X', translatedFrom: 'zh-CN' }, '<!-- code 1 -->\n<!-- code 1 -->\n<!-- code 2 -->'), '<!-- code 1 -->', 'used twice'],
    ['a block that does not exist', file('en/000/x.md', { doc: '000', heading: '静态 NAT 映射冲突', title: 'X', translatedFrom: 'zh-CN' }, '<!-- code 1 -->\n<!-- code 2 -->\n<!-- code 3 -->'), '<!-- code 3 -->', 'has 2 code block(s)'],
    ['a missing title', file('en/000/x.md', { doc: '000', heading: '静态 NAT 映射冲突', translatedFrom: 'zh-CN' }, '<!-- code 1 -->\n<!-- code 2 -->'), 'title', 'required'],
    ['an unknown field', file('en/000/x.md', { doc: '000', heading: '静态 NAT 映射冲突', title: 'X', translatedFrom: 'zh-CN', reviewer: 'me' }, '<!-- code 1 -->\n<!-- code 2 -->'), 'reviewer', 'unknown field'],
    ['a folder that is no locale', file('fr/000/x.md', { doc: '000', heading: '静态 NAT 映射冲突', title: 'X', translatedFrom: 'zh-CN' }, 'x'), '(path)', 'locale of en, zh-CN, ko-KR, sv-SE'],
    ['a folder not named after the doc', file('en/004/x.md', { doc: '000', heading: '静态 NAT 映射冲突', title: 'X', translatedFrom: 'zh-CN' }, '<!-- code 1 -->\n<!-- code 2 -->'), '(path)', 'translations/en/000/'],
    ['no front matter', { file: 'knowledge/translations/en/000/x.md', text: 'just text' }, '(front matter)', 'no front matter'],
  ])('refuses %s, naming the field', (_name, raw, field, message) => {
    const { problems } = parseTranslations([raw], DOCS, SOURCE);
    expect(problems.some((p) => p.field === field && p.message.includes(message)), JSON.stringify(problems)).toBe(true);
  });

  it('refuses a translation that drops or changes a code, number, option or command of the source prose', () => {
    const src = [sec('004', 'zh-CN', 0, 'IPv6', '自 KB4015217 起需要 IPv6；错误 0x490，请使用 `docker network create` 和 --subnet，版本 10.0.14393.1944。')];
    const ok = file('en/004/x.md', { doc: '004', heading: 'IPv6', title: 'IPv6', translatedFrom: 'zh-CN' }, 'Since KB4015217 IPv6 is needed; error 0x490, use `docker network create` and --subnet, version 10.0.14393.1944.');
    expect(parseTranslations([ok], DOCS, src).problems).toEqual([]);
    const bad = file('en/004/x.md', { doc: '004', heading: 'IPv6', title: 'IPv6', translatedFrom: 'zh-CN' }, 'Since KB4015127 IPv6 is needed; error 0x490, use docker net create and --sub-net, version 10.0.14393.');
    expect(parseTranslations([bad], DOCS, src).problems.map((p) => p.message.split('"')[1]).sort()).toEqual(['--subnet', '10.0.14393.1944', 'KB4015217', 'docker network create']);
  });

  it('refuses two translations of one section into one language', () => {
    const { translations, problems } = parseTranslations([EN_NAT, { ...EN_NAT, file: 'knowledge/translations/en/000/nat-again.md' }], DOCS, SOURCE);
    expect(translations).toHaveLength(1);
    expect(problems[0]?.message).toContain('already translated into en');
  });

  it('translates an English section of a Chinese document from English, and takes a source line as it is', () => {
    const vfp = file('zh-CN/004/vfp.md', { doc: '004', heading: 'VFP', title: 'VFP', translatedFrom: 'en' }, 'VFP 扩展是 Hyper-V 虚拟交换机的转发扩展。');
    expect(parseTranslations([vfp], DOCS, SOURCE).problems).toEqual([]);
    const line = file('en/004/fw.md', { doc: '004', heading: '防火墙', title: 'Firewall', translatedFrom: 'zh-CN' }, 'As the page says:\n\n<!-- line 1 -->');
    expect(parseTranslations([line], DOCS, SOURCE).translations[0]?.body).toBe('As the page says:\n\n容器主机的防火墙规则适用于所有容器。');
  });
});

describe('glossary', () => {
  const terms: GlossaryTerm[] = [
    { id: 'container-host', en: 'container host', 'zh-CN': '容器主机', 'ko-KR': '컨테이너 호스트', 'sv-SE': 'containervärd', avoid: { 'zh-CN': ['宿主机'] } },
    { id: 'nat', en: 'NAT', 'zh-CN': 'NAT', 'ko-KR': 'NAT', 'sv-SE': 'NAT' },
  ];
  const x = (locale: 'en' | 'sv-SE' | 'zh-CN', body: string, from: 'zh-CN' | 'sv-SE' = 'zh-CN') => ({ file: 'f.md', locale, sourceId: 0, translatedFrom: from, heading: 'h', body, exempt: {} });

  it.each([
    ['an English form starts a word', 'the container hosts', 'container host', 'en', true],
    ['an English form is not found inside a word', 'the subcontainer host', 'container host', 'en', false],
    ['an acronym is not found inside a Swedish word', 'en kombination', 'NAT', 'sv-SE', false],
    ['a Swedish form is found inside a compound', 'på windows-containervärden', 'containervärd', 'sv-SE', true],
    ['Han text has no word boundaries', '在容器主机上', '容器主机', 'zh-CN', true],
  ] as const)('%s', (_name, text, form, locale, expected) => {
    expect(usesForm(text, form, locale)).toBe(expected);
  });

  it("asks for the term where the source uses it, outside code, and refuses a rival word", () => {
    const src = sec('000', 'zh-CN', 0, '标题', '容器主机上的规则。\n\n```\nNAT\n```');
    expect(glossaryProblems(terms, x('en', 'Rules on the container host.'), src)).toEqual([]);
    expect(glossaryProblems(terms, x('en', 'Rules on the host machine.'), src).map((p) => p.field)).toEqual(['glossary container-host']);
    expect(glossaryProblems(terms, { ...x('zh-CN', '宿主机上的容器主机规则。', 'sv-SE') }, sec('002', 'sv-SE', 0, 'h', 'containervärd')).map((p) => p.message)).toEqual(['"宿主机" is not our word for container-host: write "容器主机"']);
    // A term the translation exempts, with its reason, is not asked for.
    expect(glossaryProblems(terms, { ...x('en', 'Rules on the host machine.'), exempt: { 'container-host': 'the source means something else here' } }, src)).toEqual([]);
  });

  it('refuses a rival word in our own titles, summaries and fix words, never in keywords', () => {
    const topic = { id: 't', title: { en: 'T', 'zh-CN': '宿主机上的容器' }, summary: { en: 'S', 'zh-CN': '容器主机' }, fixes: [{ id: 'f', text: { 'zh-CN': { title: '检查', changes: '宿主机不变', params: {} } } }] };
    expect(ownTextGlossaryProblems(terms, [topic]).map((p) => `${p.file} ${p.field}`)).toEqual(['knowledge/topics/t.yaml title.zh-CN', 'knowledge/fix-text/zh-CN.yaml t.f']);
  });

  it('reads the shipped shape and refuses duplicate ids', () => {
    const ok = parseGlossary({ file: 'g.yaml', data: { terms } });
    expect(ok.problems).toEqual([]);
    const dup = parseGlossary({ file: 'g.yaml', data: { terms: [terms[0], terms[0]] } });
    expect(dup.problems[0]?.message).toContain('duplicate term');
  });
});

describe('a topic in every language', () => {
  const topic = (sectionIds: number[], translationIds: number[]): ResolvedTopic => ({
    id: 't', category: 'networking', title: { en: 'T' }, summary: { en: 'S' }, kind: 'issue', sections: [], sectionIds, translationIds,
    signatures: { codes: [], phrases: [], regexes: [], keywords: {}, operations: [], against: [], context: [] }, fixes: [], related: [],
  });
  // The NAT topic draws on the known-issues list (zh, ko) and the networking document (zh only).
  const sections: Section[] = [
    ...SOURCE,
    sec('000', 'en', 0, 'Static NAT mapping conflict', 'Example.', { translatedFrom: 'zh-CN', original: 0 }),
    sec('004', 'en', 0, 'Firewall', 'Host rules apply.', { translatedFrom: 'zh-CN', original: 2 }),
    sec('004', 'ko-KR', 0, '방화벽', '호스트 규칙이 적용됩니다.', { translatedFrom: 'zh-CN', original: 2 }),
  ];
  const kb = { docs: DOCS, sections, topics: [topic([0, 1, 2], [4, 5, 6])] } as unknown as KnowledgeBase;
  const t = kb.topics[0]!;

  it.each([
    // language, sections shown (doc:locale), translatedFrom, fallback
    ['zh-CN', ['000:zh-CN', '004:zh-CN'], undefined, false],
    ['ko-KR', ['001:ko-KR', '004:ko-KR'], 'zh-CN', false],
    ['en', ['000:en', '004:en'], 'zh-CN', false],
    // No Swedish: English comes next in the fallback order (STYLE.md §5), here our translation.
    ['sv-SE', ['000:en', '004:en'], 'zh-CN', true],
  ] as const)('%s: source text where it exists, our translation of each other part, else a fallback', (locale, shown, from, fallback) => {
    const view = resolveTopicText(kb, t, locale);
    expect(view.sections.map((s) => `${s.doc}:${s.locale}`)).toEqual(shown);
    expect(view.translatedFrom).toBe(from);
    expect(view.fallback).toBe(fallback);
  });

  it('lists the languages it reads in whole, and what each lacks', () => {
    expect(topicLocales(kb, t)).toEqual(['en', 'zh-CN', 'ko-KR']);
    expect(completenessGaps(kb).map((g) => `${g.locale} ${g.doc} ${g.heading}`)).toEqual(['sv-SE 000 静态 NAT 映射冲突', 'sv-SE 004 防火墙']);
    expect(localeCoverage(kb)).toEqual([
      { locale: 'en', source: 0, translated: 2, ours: 0, missing: 0 },
      { locale: 'zh-CN', source: 2, translated: 0, ours: 0, missing: 0 },
      { locale: 'ko-KR', source: 1, translated: 1, ours: 0, missing: 0 },
      { locale: 'sv-SE', source: 0, translated: 0, ours: 0, missing: 2 },
    ]);
  });

  it('puts each source section, quoted, after our translation of it', () => {
    const view = resolveTopicText(kb, t, 'ko-KR');
    const md = sectionsWithOriginals(view, (src) => `Original: ${src.heading}`);
    expect(md).toBe('### 정적 NAT 매핑 충돌\n\n' + SOURCE[1]!.body + '\n\n### 방화벽\n\n호스트 규칙이 적용됩니다.\n\n#### Original: 防火墙\n\n> 容器主机的防火墙规则适用于所有容器。');
  });
});
