import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingKey } from '../../src/core/knowledge/clean-heading.js';
import { htmlTableToMarkdown, parseMarkdownSections } from '../../src/core/knowledge/parse-markdown.js';
import { isHeadingCandidate, parsePlainTextSections, splitGluedLine } from '../../src/core/knowledge/parse-plain-text.js';

const src = (f: string) => readFileSync(new URL(`../../knowledge/sources/${f}`, import.meta.url), 'utf8');

describe('Markdown sources', () => {
  it.each([
    ['zh-CN/000_fccfbbb8e77d28a8.txt', 25],
    ['ko-KR/001_ea17065c37520634.txt', 25],
    ['zh-CN/003_07a008495d68cca4.txt', 11],
    ['zh-CN/004_e22680d558285481.txt', 31],
  ])('%s has %i headed sections outside code', (file, n) => {
    expect(parseMarkdownSections(src(file)).sections).toHaveLength(n);
  });

  it('reads YAML front matter and keeps it out of the sections', () => {
    const p = parseMarkdownSections(src('zh-CN/000_fccfbbb8e77d28a8.txt'));
    expect(p.frontMatter.title).toBe('Windows 容器工作正在进行中');
    expect(p.frontMatter['ms.date']).toBe('05/26/2016');
    expect(p.sections[0]?.heading).toBe('正在进行的工作');
  });

  it('does not take # lines inside fenced code for headings', () => {
    const md = ['# Title', '```', '# General syntax:', 'docker network create', '```', '## Next', 'text'].join('\n');
    const p = parseMarkdownSections(md);
    expect(p.sections.map((s) => s.heading)).toEqual(['Title', 'Next']);
    expect(p.sections[0]?.body).toContain('# General syntax:');
    const real = parseMarkdownSections(src('zh-CN/004_e22680d558285481.txt'));
    expect(real.sections.some((s) => /General syntax|This should indicate/.test(s.heading))).toBe(false);
  });

  it('repairs the block-quoted fence around Get-NetAdapter without swallowing the rest', () => {
    const p = parseMarkdownSections(src('zh-CN/004_e22680d558285481.txt'));
    const bind = p.sections.find((s) => s.anchor === 'bind-a-network-to-a-specific-network-interface');
    expect(bind?.body).toMatch(/```\nPS C:\\> Get-NetAdapter\n```$/);
    const dns = p.sections.find((s) => s.heading.startsWith('Specify the DNS Suffix'));
    expect(dns?.body).toContain('com.docker.network.windowsshim.dnssuffix');
    expect(dns?.body.startsWith('```')).toBe(false);
    expect(p.sections.at(-1)?.anchor).toBe('service-discovery');
  });

  it('cleans anchors, links and emphasis out of headings but keeps the words', () => {
    const p = parseMarkdownSections(src('zh-CN/004_e22680d558285481.txt'));
    const moby = p.sections.find((s) => s.anchor?.startsWith('moby-linux-vms'));
    expect(moby?.heading).toBe('Moby Linux VM 将 DockerNAT 交换机与适用于 Windows 的 Docker（Docker CE 的产品）配合使用，而不是使用 HNS 内部 vSwitch');
    const subnet = p.sections.find((s) => s.anchor === 'remember-to-specify---subnet-and---gateway-when-using-static-ip-assignment');
    expect(subnet?.heading).toBe('记住在使用静态 IP 分配时要指定 --subnet 和 --gateway');
    expect(headingKey('记住在使用静态 IP 分配时要指定 *--subnet* 和 *--gateway*')).toBe(headingKey(subnet?.heading ?? ''));
  });

  it('turns the HTML compatibility table into a Markdown table', () => {
    const p = parseMarkdownSections(src('zh-CN/003_07a008495d68cca4.txt'));
    const body = p.sections[0]?.body ?? '';
    expect(body).not.toContain('<table>');
    expect(body).toMatch(/\| \*\*Windows Server 2016\/Windows 10 1609、1703\*\* 内部版本：14393。\* \| 支持。 `process` 或 `hyperv` 隔离 \|/);
    expect(htmlTableToMarkdown('<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td/></tr></table>')).toBe('| a | b |\n| --- | --- |\n| 1 |  |');
  });
});

describe('the Swedish plain-text scrape', () => {
  const p = parsePlainTextSections(src('sv-SE/002_95cf66583bec396c.txt'));

  it('recovers its 19 headings in order', () => {
    expect(p.sections.map((s) => s.heading)).toEqual([
      'Kompatibilitet för Windows Server-värdoperativsystem',
      'Kompatibilitet för Windows-klientens värdoperativsystem',
      'Matcha containervärdversion med containeravbildningsversioner',
      'Windows Server-containers',
      'Versionsnummer (ny version av Windows)',
      'Begränsningar för Windows Server 2016',
      'Praktisk tillämpning',
      'Förfrågan om version',
      'Hyper-V isolering av containrar',
      'Fel från felmatchade versioner',
      'Välj vilken version av containeroperativsystemet som ska användas',
      'Matchande versioner med Docker Swarm',
      'Hitta en tjänst som inte startar',
      'Korrigering – Uppdatera tjänsten så att den använder en matchande version',
      'Åtgärd – Använd Hyper-V isolering med Docker Swarm',
      'Åtgärd – Använda etiketter och begränsningar',
      'Matchande versioner med Kubernetes',
      'Det gick inte att hitta poddar på grund av operativsystemets missanpassning',
      'Åtgärd – använda nodetiketter och nodeSelector',
    ]);
  });

  it('keeps the introduction as a preamble', () => {
    expect(p.preamble).toContain('Windows Server 2016 och Windows 10 Anniversary Update');
  });

  it('recovers tables, commands and code as Markdown', () => {
    const table = p.sections[0]?.body ?? '';
    expect(table).toContain('| Windows Server 2019 | ✅ | ❌ |');
    const query = p.sections.find((s) => s.heading === 'Förfrågan om version')?.body ?? '';
    expect(query).toMatch(/```\nMicrosoft Windows \[Version 10\.0\.16299\.125\]/);
    expect(query).toContain('Windows PowerShell');
    expect(query).not.toMatch(/^#+ Windows PowerShell/m);
  });

  it('splits a sentence from the command glued to it', () => {
    expect(splitGluedLine('Detta förutsätter att du kör lokalt i stället.docker node update --label-add OS="windows" $ENV:COMPUTERNAMEDärefter kan du kontrollera dem')).toEqual([
      'Detta förutsätter att du kör lokalt i stället.',
      'docker node update --label-add OS="windows" $ENV:COMPUTERNAME',
      'Därefter kan du kontrollera dem',
    ]);
    const labels = p.sections.find((s) => s.heading === 'Åtgärd – Använda etiketter och begränsningar')?.body ?? '';
    expect(labels).toMatch(/```\ndocker node update --label-add OS="windows"/);
  });

  it.each([
    ['Anmärkning', false],
    ['Windows PowerShell', true],
    ['ID NAME MODE REPLICAS IMAGE PORTS', false],
    ['Kernel Version: 10.0 14393', false],
    ['Anteckna varje nodnamn och', false],
    ['Lägg till två etiketter på varje nod:', false],
    ['Praktisk tillämpning', true],
  ])('heading candidate %s → %s', (line, expected) => {
    expect(isHeadingCandidate(line)).toBe(expected);
  });
});
