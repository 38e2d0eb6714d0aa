import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../../src/core/knowledge/kb.js';
import { createTopicSearch, nearTopicIds, TOPIC_FUSE_OPTIONS } from '../../../src/core/knowledge/topic-search.js';
import { realKb } from '../../helpers/real-kb.js';
import { fixtureKb } from '../../helpers/kb-fixture.js';

// "Did you mean" for a mistyped topic id (wcdoctor docs ID, wcdoctor fix ID).
describe('nearTopicIds', () => {
  const ids = realKb().topics.map((t) => t.id);

  it.each([
    ['proces-count-timeout', 'processor-count-start-timeout'],
    ['processor-count-start-timout', 'processor-count-start-timeout'],
    ['natt-static', 'nat-static-mapping-conflict'],
    ['hns_port_exist', 'hns-port-already-exists'],
    ['GMSA', 'gmsa-container-no-domain-trust'],
  ])('%s → %s first', (typed, id) => {
    expect(nearTopicIds(ids, typed)[0]).toBe(id);
  });

  it('suggests nothing for a word found only with a quarter of its letters wrong, or for nothing', () => {
    expect(nearTopicIds(ids, 'nope')).toEqual([]);
    expect(nearTopicIds(ids, '  -_ ')).toEqual([]);
  });

  it("reads the extended search's operators as letters, never as operators", () => {
    expect(nearTopicIds(ids, '!gmsa')).toEqual(nearTopicIds(ids, 'gmsa'));
    expect(nearTopicIds(ids, "'gmsa | ^nat$")).toEqual(nearTopicIds(ids, 'gmsa nat'));
  });

  it('answers at most the limit, each an id it was given, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const near = nearTopicIds(ids, text, 3);
        expect(near.length).toBeLessThanOrEqual(3);
        for (const id of near) expect(ids).toContain(id);
      }),
      { numRuns: 200 },
    );
  });
});

describe('createTopicSearch: several words (found by a helper: word order decided the result)', () => {
  const search = createTopicSearch(realKb());
  const ids = (q: string) => search.search(q).map((t) => t.id);
  it.each([
    ['transparent vSwitch', 'vSwitch transparent', 'hidden-vswitch-blocks-transparent'],
    ['DNS 解析', '解析 DNS', 'container-dns-resolution-fails'],
    ['server DNS', 'DNS server', 'network-dns-options'],
  ])('%j and %j find the same topics, %s among them', (a, b, topic) => {
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).toContain(topic);
  });

  it('finds only topics that have every word', () => {
    expect(ids('ipv6 transparent nosuchwordanywhere')).toEqual([]);
  });
});

describe('createTopicSearch: what it keeps of earlier searches', () => {
  // Each word's results are kept (typing "dns se", "dns ser"… searches "dns" once): whatever was searched before, in
  // whatever case, a query finds what a search made for it alone finds.
  const kb = fixtureKb();
  const words = ['ipv6', 'IPv6', 'hns', 'element', 'found', 'processor', 'Processors', 'tag', 'ltsc2019', '处理器', '프로세서', 'x', 'ip'];
  it('answers a query as a fresh search does, after any searches before it', () => {
    const shared = createTopicSearch(kb);
    const query = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 80 }), fc.nat(60), (queries, limit) => {
        for (const q of queries) expect(shared.search(q, limit).map((t) => t.id), q).toEqual(createTopicSearch(kb).search(q, limit).map((t) => t.id));
      }),
      { numRuns: 30 },
    );
  });
});

describe('createTopicSearch: fuse.js asked only where a topic may hold the pattern', () => {
  /** One fuse.js search over every topic, as the search ran before: what it must still find, in the same order. */
  const everyTopic = (kb: KnowledgeBase) => {
    const docs = kb.topics.map((t) => {
      const sections = t.sectionIds.map((i) => kb.sections[i]).filter((x) => x !== undefined);
      return { id: t.id, titles: Object.values(t.title), summaries: Object.values(t.summary), headings: sections.map((x) => x.heading), bodies: sections.map((x) => x.body) };
    });
    const fuse = new Fuse(docs, TOPIC_FUSE_OPTIONS);
    return (pattern: string) => fuse.search(pattern, { limit: 50 }).map((r) => r.item.id);
  };

  it('finds what one search over every topic finds, for any word (the fixture knowledge)', () => {
    const kb = fixtureKb();
    const reference = everyTopic(kb);
    const text = kb.sections.map((x) => `${x.heading} ${x.body}`).join(' ');
    // Words cut from the topics' own text, with an edit or two, so that near matches are common.
    const word = fc
      .tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(fc.nat(40), fc.constantFrom('', 'x', 'e', 'ä', '器')), { maxLength: 3 }))
      .map(([at, n, edits]) => edits.reduce((w, [i, c]) => w.slice(0, i % (w.length + 1)) + c + w.slice((i % (w.length + 1)) + 1), text.slice(at, at + n)).trim())
      .filter((w) => w.length > 0 && !/\s/.test(w));
    fc.assert(
      fc.property(word, (w) => {
        expect(createTopicSearch(kb).search(w).map((t) => t.id), w).toEqual(reference(w));
      }),
      { numRuns: 300 },
    );
  });

  it('finds what one search over every topic finds on the real knowledge: a common word, a typo, a code name, Han, a long word', () => {
    const kb = realKb();
    const reference = everyTopic(kb);
    const search = createTopicSearch(kb);
    for (const w of ['nat', 'Transparnet', 'ERROR_TIMEOUT', '解析', 'windowsshim.interface']) expect(search.search(w).map((t) => t.id), w).toEqual(reference(w));
  });

  it("puts first the topics that give an error code, then what the text search finds (found by a tester: 0x800705AF's topic came first for 0x800705b4)", () => {
    const kb = realKb();
    const search = createTopicSearch(kb);
    for (const code of ['0x800705b4', '0x800705B4', '0x803B0013']) {
      const giving = kb.topics.filter((t) => t.signatures.codes.some((c) => c.toUpperCase() === code.toUpperCase())).map((t) => t.id);
      expect(giving.length, code).toBeGreaterThan(0);
      const got = search.search(code).map((t) => t.id);
      expect(got.slice(0, giving.length), code).toEqual(giving);
      // The rest in the text search's order, each once, and only topics whose text holds the code itself (a new-user
      // helper: 0x800705AF's and 0x80070522's topics, a letter away, were listed too).
      const holds = (id: string) => {
        const t = kb.topics.find((x) => x.id === id)!;
        const texts = [id, ...Object.values(t.title), ...Object.values(t.summary), ...t.sectionIds.flatMap((i) => [kb.sections[i]?.heading, kb.sections[i]?.body])];
        return texts.some((x) => typeof x === 'string' && x.toLowerCase().includes(code.toLowerCase()));
      };
      const rest = everyTopic(kb)(code).filter((id) => !giving.includes(id) && holds(id));
      expect(got.slice(giving.length)).toEqual(rest.slice(0, 50 - giving.length));
    }
    expect(search.search('0x800705b4').map((t) => t.id)).not.toContain('container-paging-file-too-small');
    // A code no topic gives is still searched fuzzily: a mistyped one finds its topic.
    expect(search.search('0x800705B5').map((t) => t.id).length).toBeGreaterThan(0);
  });
});
