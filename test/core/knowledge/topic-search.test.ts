import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTopicSearch, nearTopicIds } from '../../../src/core/knowledge/topic-search.js';
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
