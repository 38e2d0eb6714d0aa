import type { DiagnoseResult, Match } from '../../src/core/diagnosis/types.js';
import type { KnowledgeBase, ResolvedTopic } from '../../src/core/knowledge/kb.js';
import type { Category, Fix, Locale, Section } from '../../src/core/knowledge/types.js';

const section = (doc: string, locale: Locale, index: number, heading: string, body: string): Section => ({ doc, locale, index, level: 2, heading, line: index * 10 + 1, body });

/** Four source sections (the processor topic in zh-CN and ko-KR, IPv6 in zh-CN, tags in sv-SE) and our English translation of the IPv6 one. */
export const FIXTURE_SECTIONS: Section[] = [
  section('000', 'zh-CN', 0, '当 4 核 VM 上的处理器计数为 1 或 2 时，启动容器会失败', 'Windows 容器无法启动，并带有错误：\n\n`0x800705B4`\n\n**解决方法：** 为容器分配更多处理器。'),
  section('001', 'ko-KR', 0, '프로세서 수가 4코어 VM에서 1 또는 2인 경우 컨테이너 시작에 실패합니다.', 'Windows 컨테이너는 다음 오류로 시작에 실패합니다.\n\n`0x800705B4`\n\n**해결 방법:** 컨테이너에 사용할 수 있는 프로세서를 늘립니다.'),
  section('000', 'zh-CN', 1, '禁用 IPv6 时 HNS 失败', '`CreateContainer` 失败并显示 `Element not found`。\n\n请重新启用 IPv6。'),
  section('002', 'sv-SE', 0, 'Taggar för containeravbildningar', 'Taggen **ltsc2019** pekar på Windows Server 2019.\n\n' + Array.from({ length: 40 }, (_, i) => `Rad ${i + 1} om versioner och taggar.`).join('\n\n')),
  // Our English translation of the IPv6 section (index 2).
  { ...section('000', 'en', 1, 'HNS fails when IPv6 is disabled', '`CreateContainer` fails with `Element not found`.\n\nTurn IPv6 back on.'), line: 0, translatedFrom: 'zh-CN', original: 2 },
];

const fix = (over: Partial<Fix> = {}): Fix => ({
  id: 'raise-processor-count',
  title: 'Give the container three or more processors',
  shell: 'powershell',
  command: 'Set-ContainerProcessor -ContainerName {{container}} -Maximum {{count}}',
  params: {
    container: { kind: 'container-name', description: 'name of the container', entity: 'container' },
    count: { kind: 'text', description: 'processor count' },
  },
  changes: 'Raises the processor limit.',
  risk: 'low',
  admin: true,
  ...over,
});

const topic = (id: string, category: Category, title: string, summary: string, sectionIds: number[], fixes: Fix[] = [], extra: Partial<ResolvedTopic> = {}): ResolvedTopic => ({
  id,
  category,
  title: { en: title },
  summary: { en: summary },
  kind: 'issue',
  sections: [],
  sectionIds,
  signatures: { codes: [], phrases: [], regexes: [], keywords: {}, operations: [], against: [], context: [] },
  fixes,
  related: [],
  ...extra,
});

/** A small knowledge base built in code: four topics over three categories, one with no source text. */
export function fixtureKb(): KnowledgeBase {
  return {
    schema: 1,
    docs: [],
    sections: FIXTURE_SECTIONS,
    topics: [
      topic('processor-count-start-timeout', 'general', 'Container start times out with 1 or 2 processors', 'A container capped at one or two processors on a 4-core VM fails to start with ERROR_TIMEOUT.', [0, 1], [fix()], {
        title: { en: 'Container start times out with 1 or 2 processors', 'ko-KR': '프로세서가 1~2개이면 컨테이너 시작 시간 초과' },
      }),
      topic('hns-requires-ipv6', 'networking', 'CreateContainer fails with "Element not found" when IPv6 is off', 'HNS needs IPv6 enabled on the host; turn it back on.', [2], [], { translationIds: [4] }),
      topic('version-tags', 'versions', 'Which image tag matches which Windows Server', 'Tags such as ltsc2019 name a Windows Server release.', [3]),
      topic('summary-only', 'general', 'A topic we only summarise', 'No source covers this; our summary is all there is.', []),
    ],
    structural: [],
    codes: [],
    compat: {} as KnowledgeBase['compat'],
    trees: [],
  };
}

const match = (id: string, title: string, confidence: Match['confidence'], matched: string): Match => ({
  id,
  title,
  score: confidence === 'high' ? 9 : 5,
  confidence,
  evidence: [{ kind: 'code', matched, signature: matched, weight: 5, rule: 'code' }],
  sources: [],
  fixes: [],
});

/**
 * A stand-in for the diagnosis engine: 0x800705B4 → processor topic, "Element not found" → IPv6.
 * Every call is recorded so tests can check what text reached the engine.
 */
export function fakeDiagnose() {
  const calls: string[] = [];
  const fn = (_kb: KnowledgeBase, text: string): DiagnoseResult => {
    calls.push(text);
    const matches: Match[] = [];
    if (/0x800705B4/i.test(text)) matches.push(match('processor-count-start-timeout', 'Container start times out with 1 or 2 processors', 'high', '0x800705B4'));
    if (/element not found/i.test(text)) matches.push(match('hns-requires-ipv6', 'CreateContainer fails with "Element not found" when IPv6 is off', 'medium', 'Element not found'));
    const container = /'(\w+)' failed to start/.exec(text)?.[1];
    return { matches, entities: container ? { container } : {}, codes: [], structures: [], scope: { kind: 'unknown', signals: [] } };
  };
  return { fn, calls };
}
