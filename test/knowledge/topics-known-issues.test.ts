import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { topicSchema, type TopicInput } from '../../src/core/knowledge/topic-schema.js';
import { signatureFlags } from '../../src/core/diagnosis/regex-literal.js';
import { LOCALES } from '../../src/core/knowledge/types.js';

const TOPICS_DIR = path.resolve(__dirname, '../../knowledge/topics');

/** The topics of the known-issues (000/001) and version-compatibility (002/003) documents, by category. */
const EXPECTED: Record<string, string> = {
  'host-image-build-match': 'versions',
  'container-firewall': 'networking',
  'slow-start-antivirus': 'general',
  'memory-limit-below-48mb': 'general',
  'processor-count-start-timeout': 'general',
  'network-compartments': 'networking',
  'nat-static-mapping-conflict': 'networking',
  'dhcp-mac-spoofing': 'networking',
  'eventlog-unavailable': 'app-compat',
  'localdb-unexpected-error': 'app-compat',
  'rterm-program-files-path': 'app-compat',
  'vcredist-dedup-filter': 'app-compat',
  'docker-exec-hyperv': 'docker',
  'paste-50-char-limit': 'docker',
  'net-use-error-1223': 'docker',
  'remote-desktop-unsupported': 'remote',
  'nano-server-exit-session': 'remote',
  'local-users': 'identity',
  'domain-membership': 'identity',
  'version-compat-matrix': 'versions',
  'windows-client-host-compat': 'versions',
  'build-number-rule': 'versions',
  'ws2016-revision-rule': 'versions',
  'query-host-version': 'versions',
  'hyperv-isolation': 'versions',
  'version-mismatch-error': 'versions',
  'choose-image-tag': 'versions',
  'swarm-version-matching': 'orchestration',
  'swarm-service-wont-start': 'orchestration',
  'swarm-update-service-image': 'orchestration',
  'swarm-hyperv-isolation': 'orchestration',
  'swarm-labels-constraints': 'orchestration',
  'k8s-version-matching': 'orchestration',
  'k8s-pod-os-mismatch': 'orchestration',
  'k8s-node-labels-nodeselector': 'orchestration',
};
const IDS = Object.keys(EXPECTED);

const loadTopic = (id: string): TopicInput =>
  topicSchema.parse(parseYaml(readFileSync(path.join(TOPICS_DIR, `${id}.yaml`), 'utf8')));
const topics = new Map(IDS.map((id) => [id, loadTopic(id)]));
const get = (id: string): TopicInput => {
  const t = topics.get(id);
  if (!t) throw new Error(`no topic ${id}`);
  return t;
};
const matchesAny = (id: string, text: string): boolean =>
  get(id).signatures.regexes.some((r) => new RegExp(r, signatureFlags(r)).test(text));

describe('known-issues and version-compatibility topics', () => {
  it.each(IDS)('%s parses, is named after its file and has the expected category', (id) => {
    const t = get(id);
    expect(t.id).toBe(id);
    expect(t.category).toBe(EXPECTED[id]);
    expect(t.summary.en.length).toBeGreaterThan(80);
  });

  it.each(IDS)('%s has a title and 3-10 keywords in every language', (id) => {
    const t = get(id);
    for (const loc of LOCALES) {
      expect(t.title[loc], `${id} title.${loc}`).toBeTruthy();
      const kw = t.signatures.keywords[loc] ?? [];
      expect(kw.length, `${id} keywords.${loc}`).toBeGreaterThanOrEqual(3);
      expect(kw.length, `${id} keywords.${loc}`).toBeLessThanOrEqual(10);
    }
  });

  it.each(IDS)('%s has canonical codes and discriminative, compilable signatures', (id) => {
    const s = get(id).signatures;
    for (const c of s.codes) {
      expect(c).toMatch(/^0x[0-9A-F]{8}$/);
      expect(c, 'Win32 codes are written in HRESULT form').not.toMatch(/^0x0000/);
    }
    // Generic words are refused by kb check (core/knowledge/content-rules.ts) for every topic.
    for (const r of s.regexes) expect(() => new RegExp(r, signatureFlags(r))).not.toThrow();
  });

  it.each(IDS)('%s fixes declare exactly the placeholders they use and are safe', async (id) => {
    // Loaded lazily: the builder pulls in modules other engineers are still writing.
    const { placeholdersOf } = await import('../../src/core/knowledge/assemble-kb.js');
    for (const fx of get(id).fixes) {
      const used = placeholdersOf(fx.command).sort();
      expect(Object.keys(fx.params).sort(), `${id}/${fx.id}`).toEqual(used);
      // Secrets, read-only and destructive fixes: kb check's content rules, for every topic.
      for (const p of Object.values(fx.params)) if (p.pattern !== undefined) expect(() => new RegExp(p.pattern as string)).not.toThrow();
    }
  });

  it('carries the codes each issue is about', () => {
    expect(get('processor-count-start-timeout').signatures.codes).toContain('0x800705B4');
    expect(get('net-use-error-1223').signatures.codes).toEqual(['0x800704C7']);
    expect(get('nat-static-mapping-conflict').signatures.codes).toEqual(['0x800706BE', '0x80071392']);
    for (const id of ['version-mismatch-error', 'swarm-service-wont-start', 'k8s-pod-os-mismatch'])
      expect(get(id).signatures.codes).toEqual(expect.arrayContaining(['0xC0370101', '0x80370101']));
  });

  it('regexes recognise the structured evidence of real output', () => {
    expect(matchesAny('dhcp-mac-spoofing', 'IPv4 Address. . . : 169.254.13.7(Preferred)')).toBe(true);
    expect(matchesAny('memory-limit-below-48mb', 'new-container "Test" -MaximumBytes 32MB')).toBe(true);
    expect(matchesAny('memory-limit-below-48mb', 'new-container "Test" -MaximumBytes 48MB')).toBe(false);
    expect(matchesAny('memory-limit-below-48mb', 'docker run --memory=40m img')).toBe(true);
    expect(matchesAny('memory-limit-below-48mb', 'docker run -d -m 4000000 img cmd')).toBe(true);
    expect(matchesAny('memory-limit-below-48mb', 'curl -m 5 http://ctr-host-04:9182/metrics ')).toBe(false); // curl's time-out
    expect(matchesAny('rterm-program-files-path', "'C:\\Program' is not recognized as an internal or external command")).toBe(true);
    expect(matchesAny('processor-count-start-timeout', 'Set-ContainerProcessor -ContainerName test2 -Maximum 2')).toBe(true);
    expect(matchesAny('processor-count-start-timeout', 'Set-ContainerProcessor -ContainerName test2 -Maximum 3')).toBe(false);
    expect(matchesAny('nat-static-mapping-conflict', 'failed to create endpoint berserk_bassi on network nat: hnsCall failed in Win32: The remote procedure call failed. (0x6be).')).toBe(true);
    // BuildLabEx's value names the build; cmd's banner only says where a version shows (a setting of the how-to, see below).
    expect(matchesAny('query-host-version', '16299.15.amd64fre.rs3_release.170928-1534')).toBe(true);
    expect(matchesAny('query-host-version', 'Microsoft Windows [Version 10.0.16299.125]')).toBe(false);
    // The engine's refusal of an image newer than the host is the compatibility rule, not the process-isolation error.
    expect(matchesAny('version-compat-matrix', 'a Windows version 10.0.18362-based image is incompatible with a 10.0.17763 host')).toBe(true);
    expect(matchesAny('version-mismatch-error', 'a Windows version 10.0.18362-based image is incompatible with a 10.0.17763 host')).toBe(false);
    expect(matchesAny('nat-static-mapping-conflict', 'failed to create endpoint web2 on network nat: HNS failed with error : The object already exists')).toBe(true);
    // A compatibility question, however the releases are named.
    for (const q of ['can I run Windows Server 2019 images on Windows Server 2022?', 'running our 20H2 based images on a Windows Server 2022 host', 'run ltsc2019 containers on 2025', 'run 1809 images on Windows 11'])
      expect(matchesAny('version-compat-matrix', q), q).toBe(true);
    expect(matchesAny('version-compat-matrix', 'I run 2 images on 3 hosts')).toBe(false);
  });

  it('keeps the setting an issue shows up in (tool output, commands) apart from its cause', () => {
    expect(get('swarm-service-wont-start').signatures.setting).toEqual(expect.arrayContaining(['replicated 0/', 'shutdown failed', 'docker service ps']));
    expect(get('k8s-pod-os-mismatch').signatures.setting).toEqual(expect.arrayContaining(['CrashLoopBackOff', 'ContainerCannotRun']));
    // cmd's banner is in every pasted container session: where the version shows, not a question about it.
    expect(get('query-host-version').signatures.setting).toEqual(['Microsoft Windows [Version']);
    expect(get('k8s-pod-os-mismatch').signatures.phrases).toEqual(['does not match the operating system of the host']);
    expect(get('nat-static-mapping-conflict').signatures.setting).toContain('on network nat');
  });

  it('maps every section of docs 000-003 and reports no problem in these topics', async () => {
    const { assembleKnowledgeBase } = await import('../../src/core/knowledge/assemble-kb.js');
    const { realKnowledgeInput } = await import('../helpers/real-kb.js');
    const { problems } = assembleKnowledgeBase(realKnowledgeInput());
    const mine = new Set(IDS.map((id) => `knowledge/topics/${id}.yaml`));
    const relevant = problems.filter((p) => mine.has(p.file) || /\/00[0-3]_/.test(p.file));
    expect(relevant).toEqual([]);
  });

  it('links only to topics that exist', () => {
    const existing = new Set(readdirSync(TOPICS_DIR).map((f) => f.replace(/\.ya?ml$/, '')));
    for (const id of IDS) for (const r of get(id).related) expect(existing.has(r), `${id} → ${r}`).toBe(true);
  });
});
