import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../src/core/knowledge/assemble-kb.js';
import { parseMarkdownSections } from '../../src/core/knowledge/parse-markdown.js';
import { topicSchema, type TopicInput } from '../../src/core/knowledge/topic-schema.js';
import { signatureFlags } from '../../src/core/diagnosis/regex-literal.js';
import { LOCALES } from '../../src/core/knowledge/types.js';

/** The networking topics of doc 004 and their kind. */
const EXPECTED: Record<string, TopicInput['kind']> = {
  'network-architecture': 'reference',
  'network-drivers': 'reference',
  'network-ipam': 'reference',
  'hns-management': 'reference',
  'switch-embedded-teaming': 'howto',
  'network-vlan-id': 'howto',
  'hns-network-name': 'howto',
  'bind-network-interface': 'howto',
  'network-dns-options': 'howto',
  'vfp-extension': 'issue',
  'hns-requires-ipv6': 'issue',
  'dockernat-moby-vm': 'reference',
  'multiple-transparent-networks': 'howto',
  'static-ip-subnet-gateway': 'issue',
  'l2bridge-no-dhcp': 'issue',
  'external-vswitch-own-adapter': 'issue',
  'ip-assignment-stopped-containers': 'issue',
  'hidden-vswitch-blocks-transparent': 'issue',
  'unsupported-network-options': 'issue',
  'ws2016-multiple-nat': 'issue',
  'compose-networks': 'howto',
  'service-discovery': 'reference',
};
const IDS = Object.keys(EXPECTED);
/** Topics of other engineers that ours may point at. */
const EXTERNAL_RELATED = ['dhcp-mac-spoofing', 'nat-static-mapping-conflict', 'container-firewall', 'network-compartments'];

const load = (id: string): TopicInput =>
  topicSchema.parse(parseYaml(readFileSync(new URL(`../../knowledge/topics/${id}.yaml`, import.meta.url), 'utf8')));
const topics = new Map(IDS.map((id) => [id, load(id)]));
const topic = (id: string): TopicInput => {
  const t = topics.get(id);
  if (!t) throw new Error(`no topic ${id}`);
  return t;
};
const regexesOf = (id: string) => topic(id).signatures.regexes.map((r) => new RegExp(r, signatureFlags(r)));
const anyMatch = (id: string, text: string) => regexesOf(id).some((r) => r.test(text));
const sections004 = parseMarkdownSections(
  readFileSync(new URL('../../knowledge/sources/zh-CN/004_e22680d558285481.txt', import.meta.url), 'utf8'),
).sections;

describe('networking topics (doc 004)', () => {
  it.each(IDS)('%s parses, is named after its file and has the expected kind', (id) => {
    const t = topic(id);
    expect(t.id).toBe(id);
    expect(t.category).toBe('networking');
    expect(t.kind).toBe(EXPECTED[id]);
  });

  it.each(IDS)('%s has a title in every language and a 2-4 sentence English summary', (id) => {
    const t = topic(id);
    for (const l of LOCALES) expect(t.title[l], `${id} title.${l}`).toBeTruthy();
    const sentences = t.summary.en.split(/(?<=[.!?])\s+/).length;
    expect(sentences).toBeGreaterThanOrEqual(2);
    expect(sentences).toBeLessThanOrEqual(4);
  });

  it.each(IDS)('%s points at existing sections of doc 004', (id) => {
    for (const ref of topic(id).sections) {
      expect(ref.doc).toBe('004');
      const found = sections004.some((s) => (ref.anchor ? s.anchor === ref.anchor : s.heading === ref.heading));
      expect(found, `${id}: ${ref.anchor ?? ref.heading}`).toBe(true);
    }
  });

  it('no two topics claim the same section', () => {
    const refs = IDS.flatMap((id) => topic(id).sections.map((r) => r.anchor ?? r.heading));
    expect(new Set(refs).size).toBe(refs.length);
  });

  it.each(IDS)('%s has discriminative signatures', (id) => {
    const s = topic(id).signatures;
    for (const c of s.codes) expect(c).toMatch(/^0x[0-9A-F]{8}$/);
    for (const l of LOCALES) {
      const kw = s.keywords[l] ?? [];
      expect(kw.length, `${id} keywords.${l}`).toBeGreaterThanOrEqual(3);
      expect(kw.length).toBeLessThanOrEqual(10);
    }
    // Generic words are refused by kb check (core/knowledge/content-rules.ts) for every topic.
    for (const r of s.regexes) expect(() => new RegExp(r, signatureFlags(r))).not.toThrow();
  });

  it.each(IDS)('%s fixes declare every placeholder they use and use every one they declare', (id) => {
    for (const f of topic(id).fixes) {
      expect(placeholdersOf(f.command).sort(), `${id}/${f.id}`).toEqual(Object.keys(f.params).sort());
      for (const p of Object.values(f.params)) if (p.pattern) expect(() => new RegExp(p.pattern ?? '')).not.toThrow();
    }
  });

  it.each(IDS)('%s relates only to known topics, never to itself', (id) => {
    for (const r of topic(id).related) {
      expect(r).not.toBe(id);
      expect([...IDS, ...EXTERNAL_RELATED]).toContain(r);
    }
  });

  it('marks the network checks read-only (which fixes are read-only or high risk is a kb check rule for every topic)', () => {
    for (const f of IDS.flatMap((id) => topic(id).fixes))
      if (/^(?:Get-Service vfpext|Get-NetNat|Get-NetAdapter|docker network ls)/i.test(f.command)) expect(f.readOnly, f.id).toBe(true);
  });

  it('keeps the IPv6 topic on 0x80070490 and its registry fix', () => {
    const t = topic('hns-requires-ipv6');
    expect(t.signatures.codes).toEqual(['0x80070490']);
    expect(t.signatures.phrases).toEqual(expect.arrayContaining(['Element not found', 'DisabledComponents']));
    const del = t.fixes.find((f) => f.command.startsWith('reg delete'));
    expect(del?.command).toContain('Tcpip6\\Parameters /v DisabledComponents');
    expect(anyMatch('hns-requires-ipv6', 'encountered an error during CreateContainer: failure in a Windows system call: Element not found.')).toBe(true);
  });

  it('accepts VLAN IDs 1-4094 only', () => {
    const vlan = topic('network-vlan-id').fixes[0]?.params.vlan?.pattern ?? '';
    const re = new RegExp(vlan);
    for (const ok of ['1', '11', '999', '1000', '4089', '4094']) expect(re.test(ok), ok).toBe(true);
    for (const bad of ['0', '4095', '5000', '01', '-1', 'abc']) expect(re.test(bad), bad).toBe(false);
  });

  it('spots an l2bridge network created without --subnet', () => {
    expect(anyMatch('l2bridge-no-dhcp', 'PS C:\\> docker network create -d l2bridge mynet')).toBe(true);
    expect(anyMatch('l2bridge-no-dhcp', 'docker network create --driver=l2bridge br1')).toBe(true);
    expect(anyMatch('l2bridge-no-dhcp', 'docker network create -d l2bridge --subnet=10.0.0.0/24 --gateway=10.0.0.1 br1')).toBe(false);
  });

  it('spots unsupported options and a nat network created on a 2016 host', () => {
    expect(anyMatch('unsupported-network-options', 'docker run --ip6 2001:db8::33 -it myimage')).toBe(true);
    expect(anyMatch('unsupported-network-options', 'docker network create --internal isolated')).toBe(true);
    expect(anyMatch('unsupported-network-options', 'docker run --ip 10.0.0.5 myimage')).toBe(false);
    const paste = 'OS: Windows Server 2016 Datacenter\nPS C:\\> docker network create -d nat --subnet=192.168.5.0/24 nat2\nHNS failed with error : The object already exists.';
    expect(anyMatch('ws2016-multiple-nat', paste)).toBe(true);
    expect(anyMatch('ws2016-multiple-nat', 'docker network create -d transparent t1')).toBe(false);
  });

  it('recognises the Docker message for --ip on a network without a subnet', () => {
    const msg = 'docker: Error response from daemon: user specified IP address is supported only when connecting to networks with user configured subnets.';
    expect(topic('static-ip-subnet-gateway').signatures.phrases.some((p) => msg.toLowerCase().includes(p.toLowerCase()))).toBe(true);
  });
});
