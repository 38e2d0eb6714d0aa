import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { KB_ARTEFACT, KB_DISPLAY_ARTEFACT, KB_TERMS_ARTEFACT, KB_TEXT_ARTEFACT, loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { writeKnowledgeBase } from '../../src/platform/knowledge-input.js';
import { realKnowledgeBase } from '../helpers/real-kb.js';

const { kb } = realKnowledgeBase();
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
const tempRoot = (): string => {
  const root = mkdtempSync(path.join(tmpdir(), 'wcdoctor-kbfs-'));
  roots.push(root);
  return root;
};
/** The knowledge base written once (writeKnowledgeBase), copied by every test that needs a folder of its own. */
let template: string | undefined;
/** A fresh folder with the knowledge base written into it (each root is loaded once per process). */
function written(): string {
  if (!template) writeKnowledgeBase(kb, (template = tempRoot()));
  const root = tempRoot();
  cpSync(template, root, { recursive: true });
  return root;
}
const caught = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('the knowledge base on disk (kb.json + kb-text.json + kb-display.json + kb-terms.bin)', () => {
  it('loads back equal to what was written (a topic of our own keeps its body as its sections only)', () => {
    const loaded = loadKnowledgeBase(written());
    const withoutTopicBodies = { ...kb, topics: kb.topics.map(({ body: _body, ...t }) => t) };
    expect(JSON.parse(JSON.stringify(loaded))).toEqual(JSON.parse(JSON.stringify(withoutTopicBodies)));
    for (const t of kb.topics.filter((x) => x.body)) expect(t.sectionIds.map((i) => loaded.sections[i]?.body)).toEqual(Object.values(t.body ?? {}).map((b) => b.trim()));
  });

  it('keeps section bodies, trees and compatibility data out of kb.json', () => {
    const root = written();
    const main = readFileSync(path.join(root, KB_ARTEFACT), 'utf8');
    const { bodies, trees } = JSON.parse(readFileSync(path.join(root, KB_TEXT_ARTEFACT), 'utf8')) as { bodies: string[]; trees: unknown[] };
    expect(bodies).toHaveLength(kb.sections.length);
    expect(trees).toHaveLength(kb.trees.length);
    expect(main).not.toContain(JSON.stringify(kb.sections[0]!.body));
    expect(JSON.parse(main)).not.toHaveProperty('trees');
  });

  it('reads kb-text.json only when a body, tree or compatibility datum is used', () => {
    const root = written();
    rmSync(path.join(root, KB_TEXT_ARTEFACT));
    const loaded = loadKnowledgeBase(root);
    expect(loaded.topics).toHaveLength(kb.topics.length);
    expect(loaded.sections[0]!.heading).toBe(kb.sections[0]!.heading);
    const e = caught(() => loaded.trees);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toContain(`${KB_TEXT_ARTEFACT} is missing`);
    expect((e as UserError).nextSteps).toEqual(['run: npm run build']);
  });

  it('reports a damaged kb-text.json (bodies that do not fit the sections) as a UserError', () => {
    const root = written();
    writeFileSync(path.join(root, KB_TEXT_ARTEFACT), JSON.stringify({ bodies: ['one'], trees: [], compat: {} }));
    const e = caught(() => loadKnowledgeBase(root).sections[0]!.body);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toContain(`${KB_TEXT_ARTEFACT} is damaged`);
  });

  it("keeps each topic's display fields in kb-display.json, read and parsed for the topics shown", () => {
    const root = written();
    const raw = readFileSync(path.join(root, KB_ARTEFACT));
    // kb.json is ASCII (every other character a \u escape), read as a one-byte string.
    expect(raw.every((b) => b < 0x80)).toBe(true);
    const stored = JSON.parse(raw.toString('latin1')) as { topics: Record<string, unknown>[]; topicRanges: number[] };
    expect(stored.topics[0]).not.toHaveProperty('fixes');
    // The ranges lie beside the topics (four numbers each: display fields, regexes), not in them.
    expect(stored.topics[0]).not.toHaveProperty('display');
    expect(stored.topics[0]).not.toHaveProperty('regexes');
    expect(stored.topicRanges).toHaveLength(4 * kb.topics.length);
    expect(stored.topicRanges.every((n) => Number.isInteger(n))).toBe(true);
    // kb-display.json is one JSON array; each topic's range holds its element.
    const display = readFileSync(path.join(root, KB_DISPLAY_ARTEFACT));
    const [start, end] = stored.topicRanges.slice(4, 6) as [number, number];
    expect(JSON.parse(display.toString('utf8', start, end))).toEqual(JSON.parse(JSON.stringify({ title: kb.topics[1]!.title, summary: kb.topics[1]!.summary, fixes: kb.topics[1]!.fixes, sources: kb.topics[1]!.sources })));
    // Three elements per topic (its display fields, its regexes, its normalised signature texts), one per section, and
    // last the fields no diagnosis reads (at the range kb.json gives as `cold`).
    expect((JSON.parse(display.toString('utf8')) as unknown[]).length).toBe(3 * kb.topics.length + kb.sections.length + 1);
    const [rs, re] = stored.topicRanges.slice(6, 8) as [number, number];
    expect(JSON.parse(display.toString('utf8', rs, re))).toEqual(kb.topics[1]!.signatures.regexes);
    const loaded = loadKnowledgeBase(root);
    expect(loaded.topics[0]).not.toHaveProperty('display');
    expect(loaded).not.toHaveProperty('topicRanges');
    expect(Object.keys(loaded.topics[0]!)).toEqual(expect.arrayContaining(['title', 'summary', 'fixes', 'sources', 'signatures']));
    expect(loaded.topics[1]!.fixes).toEqual(kb.topics[1]!.fixes);
    expect(loaded.topics[1]!.title).toEqual(kb.topics[1]!.title);
  });

  it('reads kb-display.json only when a topic is shown, and reports it missing or damaged as a UserError', () => {
    const root = written();
    rmSync(path.join(root, KB_DISPLAY_ARTEFACT));
    const loaded = loadKnowledgeBase(root);
    expect(loaded.topics[0]!.signatures.codes).toEqual(kb.topics[0]!.signatures.codes);
    expect(caught(() => loaded.topics[0]!.signatures.regexes)).toBeInstanceOf(UserError);
    const missing = caught(() => loaded.topics[0]!.title);
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).message).toContain(`${KB_DISPLAY_ARTEFACT} is missing`);
    const other = written();
    writeFileSync(path.join(other, KB_DISPLAY_ARTEFACT), '[{"title": ');
    const damaged = caught(() => loadKnowledgeBase(other).topics[2]!.title);
    expect(damaged).toBeInstanceOf(UserError);
    expect((damaged as UserError).message).toContain(`${KB_DISPLAY_ARTEFACT} is damaged`);
  });

  it("keeps the topics' regexes and the sections in kb-display.json: a regex source read when a topic's is, a section when it is, all of them in one read once more than a few are", () => {
    const root = written();
    const stored = JSON.parse(readFileSync(path.join(root, KB_ARTEFACT), 'latin1')) as { sections: unknown[]; topics: Record<string, unknown>[] };
    expect(stored.sections).toHaveLength(2 * kb.sections.length);
    expect(stored.sections.every((n) => Number.isInteger(n))).toBe(true);
    const display = readFileSync(path.join(root, KB_DISPLAY_ARTEFACT));
    const [s3, e3] = stored.sections.slice(6, 8) as [number, number];
    const { body: _body, ...third } = kb.sections[3]!;
    expect(JSON.parse(display.toString('utf8', s3, e3))).toEqual(JSON.parse(JSON.stringify(third)));
    const loaded = loadKnowledgeBase(root);
    expect(loaded.sections).toHaveLength(kb.sections.length);
    expect(Array.isArray(loaded.sections)).toBe(true);
    // One by one, then (past eight) all at once: the same objects, equal to what was written, bodies included.
    const first = [0, 5, 1, 7, 2, 9, 3].map((i) => loaded.sections[i]!);
    expect(first.map((x) => x.heading)).toEqual([0, 5, 1, 7, 2, 9, 3].map((i) => kb.sections[i]!.heading));
    expect(loaded.sections.map((x) => x.heading)).toEqual(kb.sections.map((x) => x.heading));
    [0, 5, 1, 7, 2, 9, 3].forEach((i, k) => expect(loaded.sections[i]).toBe(first[k]));
    expect(JSON.parse(JSON.stringify(loaded.sections))).toEqual(JSON.parse(JSON.stringify(kb.sections)));
    expect(loaded.topics.map((t) => t.signatures.regexes)).toEqual(kb.topics.map((t) => t.signatures.regexes));
    // A section's range damaged: reading it says so.
    const other = written();
    const bytes = readFileSync(path.join(other, KB_DISPLAY_ARTEFACT));
    bytes.fill(0x20, s3, e3);
    writeFileSync(path.join(other, KB_DISPLAY_ARTEFACT), bytes);
    expect((caught(() => loadKnowledgeBase(other).sections[3]!.heading) as UserError).message).toContain(`${KB_DISPLAY_ARTEFACT} is damaged`);
    expect(loadKnowledgeBase(other).sections[2]!.heading).toBe(kb.sections[2]!.heading);
  });

  it('makes a section only when it is read, and lists them as an array of every section (length, keys, iteration, JSON)', () => {
    const root = written();
    const stored = JSON.parse(readFileSync(path.join(root, KB_ARTEFACT), 'latin1')) as { sections: number[] };
    // Every section but the fourth blanked in kb-display.json: reading the fourth reads its range alone.
    const bytes = readFileSync(path.join(root, KB_DISPLAY_ARTEFACT));
    bytes.fill(0x20, stored.sections[0], stored.sections[6]);
    bytes.fill(0x20, stored.sections[8], stored.sections[2 * kb.sections.length - 1]);
    writeFileSync(path.join(root, KB_DISPLAY_ARTEFACT), bytes);
    const sections = loadKnowledgeBase(root).sections;
    expect(sections[3]!.heading).toBe(kb.sections[3]!.heading);
    expect(sections[3]).toBe(sections[3]);
    expect(Object.getOwnPropertyDescriptor(sections, 3)).toHaveProperty('value', sections[3]);
    expect(sections.length).toBe(kb.sections.length);
    expect(Array.isArray(sections)).toBe(true);
    expect(0 in sections && kb.sections.length - 1 in sections).toBe(true);
    expect(kb.sections.length in sections).toBe(false);
    expect(sections[kb.sections.length]).toBeUndefined();
    expect(sections['-1' as unknown as number]).toBeUndefined();
    // Any other read goes to kb-display.json, which says it is damaged.
    expect((caught(() => sections[2]!.heading) as UserError).message).toContain(`${KB_DISPLAY_ARTEFACT} is damaged`);
    // Intact, the list reads as the sections written: by index, spread, mapped, keyed and as JSON.
    const whole = loadKnowledgeBase(written()).sections;
    expect(Object.keys(whole)).toEqual(kb.sections.map((_, i) => String(i)));
    expect([...whole].map((x) => x.heading)).toEqual(kb.sections.map((x) => x.heading));
    expect(whole.filter((x) => x.locale === 'en').length).toBe(kb.sections.filter((x) => x.locale === 'en').length);
    expect(JSON.parse(JSON.stringify(whole))).toEqual(JSON.parse(JSON.stringify(kb.sections)));
  });

  it('reports a topic whose display range holds a list, or whose sections are not indexes, as damaged, never an internal error (a regression tester)', () => {
    const text = readFileSync(path.join(written(), KB_ARTEFACT), 'latin1');
    const stored = JSON.parse(text) as { topicRanges: number[]; topics: { sectionIds: unknown[] }[] };
    // Topic 1's display range and regex range swapped: its display fields read as a list of patterns.
    const swapped = [...stored.topicRanges];
    [swapped[4], swapped[5], swapped[6], swapped[7]] = [swapped[6]!, swapped[7]!, swapped[4]!, swapped[5]!];
    const root = written();
    writeFileSync(path.join(root, KB_ARTEFACT), JSON.stringify({ ...stored, topicRanges: swapped }), 'latin1');
    const error = caught(() => loadKnowledgeBase(root).topics[1]!.title);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/^the knowledge base dist\/kb(-display)?\.json is damaged/);
    const nullTopic = written();
    writeFileSync(path.join(nullTopic, KB_ARTEFACT), JSON.stringify({ ...stored, topics: [null, ...stored.topics.slice(1)] }), 'latin1');
    expect((caught(() => loadKnowledgeBase(nullTopic)) as UserError).message).toContain(`${KB_ARTEFACT} is damaged`);
    for (const ids of [['__proto__'], ['length'], [-1], [1.5], [1e9], 'x']) {
      const other = written();
      const topics = stored.topics.map((t, i) => (i === 0 ? { ...t, sectionIds: ids } : t));
      writeFileSync(path.join(other, KB_ARTEFACT), JSON.stringify({ ...stored, topics }), 'latin1');
      expect((caught(() => loadKnowledgeBase(other)) as UserError).message, String(ids)).toContain(`${KB_ARTEFACT} is damaged`);
    }
  });

  it('reports damaged topic ranges in kb.json as a UserError when it loads', () => {
    const text = readFileSync(path.join(written(), KB_ARTEFACT), 'latin1');
    const stored = JSON.parse(text) as { topicRanges: unknown[] };
    for (const topicRanges of [stored.topicRanges.slice(1), [...stored.topicRanges.slice(0, -2), 9, 8], [...stored.topicRanges.slice(0, -1), 'x'], undefined]) {
      const root = written();
      writeFileSync(path.join(root, KB_ARTEFACT), JSON.stringify({ ...stored, topicRanges }), 'latin1');
      expect((caught(() => loadKnowledgeBase(root)) as UserError).message).toContain(`${KB_ARTEFACT} is damaged`);
    }
  });

  it('a diagnosis reads none of the fields kept apart, in any language the message comes in', () => {
    const root = written();
    const { cold } = JSON.parse(readFileSync(path.join(root, KB_ARTEFACT), 'latin1')) as { cold: [number, number] };
    // The kept-apart element blanked: reading it now fails as damaged, so any read shows.
    const display = readFileSync(path.join(root, KB_DISPLAY_ARTEFACT));
    display.fill(0x20, cold[0], cold[1]);
    writeFileSync(path.join(root, KB_DISPLAY_ARTEFACT), display);
    const loaded = loadKnowledgeBase(root);
    for (const paste of [
      '0x800705B4',
      'Error response from daemon: failed to create endpoint web on network nat: hnsCall failed in Win32: 다른 프로세스가 파일을 사용 중이기 때문에 프로세스가 액세스 할 수 없습니다. (0x20)',
      'hcsshim::PrepareLayer - failed failed in Win32: Element nicht gefunden. (0x490)',
      'docker: Error response from daemon: container 3f2a: hcsshim::CreateComputeSystem web: The container operating system does not match the host operating system.',
    ])
      expect(diagnose(loaded, paste).matches.map((m) => m.id), paste).toEqual(diagnose(kb, paste).matches.map((m) => m.id));
    expect(caught(() => loaded.codes[0]!.variants)).toBeInstanceOf(UserError);
  });

  it('keeps the fields no diagnosis reads (keywords, phrases and settings as written, source sections, related topics, code variants and sources) in kb-display.json, parsed all at once when one is read', () => {
    const root = written();
    const stored = JSON.parse(readFileSync(path.join(root, KB_ARTEFACT), 'latin1')) as { topics: { signatures: Record<string, unknown> }[]; codes: Record<string, unknown>[]; cold: [number, number] };
    expect(stored.topics[0]!.signatures).not.toHaveProperty('keywords');
    expect(stored.topics[0]!.signatures).not.toHaveProperty('setting');
    expect(stored.topics[0]!.signatures).not.toHaveProperty('regexes');
    expect(stored.topics[0]).not.toHaveProperty('related');
    expect(stored.topics[0]).not.toHaveProperty('sections');
    expect(stored.topics[0]).toHaveProperty('sectionIds');
    expect(stored.codes[0]).not.toHaveProperty('variants');
    expect(stored.codes[0]).toHaveProperty('messages');
    const loaded = loadKnowledgeBase(root);
    expect(loaded).not.toHaveProperty('cold');
    // Read, they are what was written, in every topic and code; and plain fields after the first read.
    const code = kb.codes.findIndex((c) => c.variants.length > 0);
    expect(loaded.codes[code]!.variants).toEqual(kb.codes[code]!.variants);
    expect(Object.getOwnPropertyDescriptor(loaded.codes[0], 'source')).toHaveProperty('value', kb.codes[0]!.source);
    expect(loaded.codes.map((c) => [c.messageSources, c.seenIn, c.source])).toEqual(kb.codes.map((c) => [c.messageSources, c.seenIn, c.source]));
    expect(loaded.topics.map((t) => t.signatures)).toEqual(kb.topics.map((t) => t.signatures));
    expect(loaded.topics.map((t) => [t.sections, t.related, t.links])).toEqual(kb.topics.map((t) => [t.sections, t.related, t.links]));
    // Missing or damaged, the first read says so.
    const gone = written();
    const unread = loadKnowledgeBase(gone);
    rmSync(path.join(gone, KB_DISPLAY_ARTEFACT));
    expect((caught(() => unread.topics[3]!.signatures.keywords) as UserError).message).toContain(`${KB_DISPLAY_ARTEFACT} is missing`);
    const other = written();
    const display = readFileSync(path.join(other, KB_DISPLAY_ARTEFACT), 'utf8');
    writeFileSync(path.join(other, KB_DISPLAY_ARTEFACT), display.replace(/,\{"signatures":\[\[/, ',{"signatures":[[1],['));
    expect((caught(() => loadKnowledgeBase(other).codes[0]!.variants) as UserError).message).toContain(`${KB_DISPLAY_ARTEFACT} is damaged`);
  });

  it("keeps each topic's normalised signature texts in kb-display.json, at ranges kb.json gives, parsed for the topics a diagnosis reads", () => {
    const root = written();
    const stored = JSON.parse(readFileSync(path.join(root, KB_ARTEFACT), 'latin1')) as { diagnosis: { flat: unknown[] } };
    expect(stored.diagnosis.flat).toHaveLength(2 * kb.topics.length);
    expect(stored.diagnosis.flat.every((n) => Number.isInteger(n))).toBe(true);
    // At its range, a topic's texts as kb build computed them.
    const display = readFileSync(path.join(root, KB_DISPLAY_ARTEFACT));
    const [start, end] = stored.diagnosis.flat.slice(8, 10) as [number, number];
    expect(JSON.parse(display.subarray(start, end).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(kb.diagnosis!.flat[4])));
    const loaded = loadKnowledgeBase(root);
    const parsed = () => kb.topics.filter((_, i) => 'value' in Object.getOwnPropertyDescriptor(loaded.diagnosis!.flat, i)!).length;
    expect(parsed()).toBe(0);
    for (const paste of ['0x800705B4', 'docker: Error response from daemon: failed to create endpoint web on network nat: hnsCall failed in Win32: The remote procedure call failed. (0x6be).'])
      expect(diagnose(loaded, paste).matches.map((m) => [m.id, m.score])).toEqual(diagnose(kb, paste).matches.map((m) => [m.id, m.score]));
    // Read, the texts are the same as in memory, for every topic (and plain values after the first read).
    expect(parsed()).toBeGreaterThan(0);
    expect(parsed()).toBeLessThan(kb.topics.length / 2);
    expect(JSON.parse(JSON.stringify(loaded.diagnosis!.flat))).toEqual(JSON.parse(JSON.stringify(kb.diagnosis!.flat)));
    expect(parsed()).toBe(kb.topics.length);
    // One topic's texts damaged: reading that topic's says so; the others read as before.
    const other = written();
    const text = readFileSync(path.join(other, KB_DISPLAY_ARTEFACT));
    const [s4, e4] = stored.diagnosis.flat.slice(8, 10) as [number, number];
    const damagedText = Buffer.concat([text.subarray(0, s4), Buffer.from('{"phrases": [1]}'.padEnd(e4 - s4, ' ')), text.subarray(e4)]);
    writeFileSync(path.join(other, KB_DISPLAY_ARTEFACT), damagedText);
    const damagedKb = loadKnowledgeBase(other);
    expect((caught(() => damagedKb.diagnosis!.flat[4]) as UserError).message).toContain(`${KB_DISPLAY_ARTEFACT} is damaged`);
    expect(damagedKb.diagnosis!.flat[5]).toEqual(kb.diagnosis!.flat[5]);
    // A range that is no range: damaged when that topic's texts are read.
    const bad = JSON.parse(readFileSync(path.join(root, KB_ARTEFACT), 'latin1')) as { diagnosis: { flat: unknown[] } };
    const swapped = written();
    bad.diagnosis.flat[8] = (bad.diagnosis.flat[9] as number) + 1;
    writeFileSync(path.join(swapped, KB_ARTEFACT), JSON.stringify(bad), 'latin1');
    expect((caught(() => loadKnowledgeBase(swapped).diagnosis!.flat[4]) as UserError).message).toContain(`${KB_ARTEFACT} is damaged`);
    // Not one range per topic: damaged when loaded.
    const short = written();
    bad.diagnosis.flat = bad.diagnosis.flat.slice(2);
    writeFileSync(path.join(short, KB_ARTEFACT), JSON.stringify(bad), 'latin1');
    expect((caught(() => loadKnowledgeBase(short)) as UserError).message).toContain(`${KB_ARTEFACT} is damaged`);
  });

  it('reports a missing or damaged kb.json as a UserError', () => {
    const missing = mkdtempSync(path.join(tmpdir(), 'wcdoctor-kbfs-'));
    roots.push(missing);
    expect((caught(() => loadKnowledgeBase(missing)) as UserError).message).toContain(`${KB_ARTEFACT} is missing`);
    const root = written();
    writeFileSync(path.join(root, KB_ARTEFACT), '{"schema": 1, "topics": [');
    const e = caught(() => loadKnowledgeBase(root));
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).message).toContain(`${KB_ARTEFACT} is damaged`);
  });
  it('keeps the word index out of kb.json, in kb-terms.bin, and diagnoses every fixture paste as the knowledge base in memory does', () => {
    const root = written();
    const stored = JSON.parse(readFileSync(path.join(root, KB_ARTEFACT), 'latin1')) as { diagnosis: { terms: Record<string, unknown> } };
    expect(Object.keys(stored.diagnosis.terms)).toEqual(['vocabulary']);
    const loaded = loadKnowledgeBase(root);
    const cases = readFileSync(new URL('../fixtures/errors/cases.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(cases.length).toBeGreaterThan(30);
    // Compared as JSON text and asserted once (an expect per case cost more than the diagnoses); a difference is shown in full.
    const differing = [...cases, '0x800705B4', '要素が見つかりません', '요소를 찾을 수 없습니다', 'Elementet hittades inte'].filter(
      (text) => JSON.stringify(diagnose(loaded, text)) !== JSON.stringify(diagnose(kb, text)),
    );
    for (const text of differing.slice(0, 3)) expect(JSON.parse(JSON.stringify(diagnose(loaded, text))), text).toEqual(JSON.parse(JSON.stringify(diagnose(kb, text))));
    expect(differing).toEqual([]);
  });

  it('reads kb-terms.bin on the first lookup, and reports it missing or damaged as a UserError', () => {
    const root = written();
    rmSync(path.join(root, KB_TERMS_ARTEFACT));
    const loaded = loadKnowledgeBase(root);
    expect(loaded.topics).toHaveLength(kb.topics.length);
    const missing = caught(() => diagnose(loaded, 'The container failed to start'));
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).message).toContain(`${KB_TERMS_ARTEFACT} is missing`);
    expect((missing as UserError).nextSteps).toEqual(['run: npm run build']);
    const other = written();
    writeFileSync(path.join(other, KB_TERMS_ARTEFACT), readFileSync(path.join(other, KB_TERMS_ARTEFACT)).subarray(0, 100));
    const damaged = caught(() => diagnose(loadKnowledgeBase(other), 'The container failed to start'));
    expect(damaged).toBeInstanceOf(UserError);
    expect((damaged as UserError).message).toContain(`${KB_TERMS_ARTEFACT} is damaged`);
  });
});
