import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalScanner, requiredAllOf, requiredAnyOf, requiredLiteral, signatureFlags } from '../../../src/core/diagnosis/regex-literal.js';
import { anyCodePoints } from '../../helpers/arbitraries.js';
import { realKnowledgeBase } from '../../helpers/real-kb.js';

/**
 * What each topic pattern matches in each section of the knowledge base (compiled as diagnosis compiles it), per
 * section in order (undefined where it matches nothing): computed once per test worker and read by every check
 * below, which would otherwise run the same 200,000 matches each.
 */
let sectionMatches: { id: string; source: string; found: (string | undefined)[] }[] | undefined;
function topicPatternMatches() {
  if (sectionMatches) return sectionMatches;
  const { kb } = realKnowledgeBase();
  const bodies = Object.values(kb.sections).map((s) => s.body);
  sectionMatches = kb.topics.flatMap((t) =>
    t.signatures.regexes.map((source) => {
      const re = new RegExp(source, signatureFlags(source));
      return { id: t.id, source, found: bodies.map((body) => re.exec(body)?.[0]) };
    }),
  );
  return sectionMatches;
}

/**
 * Every match satisfies each clause `required` reads off its pattern (holds one of the clause's texts): each topic
 * pattern on every section of the knowledge base, and random patterns (letters, spaces and regex syntax) on random
 * text. An any-of (requiredAnyOf, requiredLiteral) is one clause.
 */
function expectMatchesHold(required: (source: string) => string[][] | undefined, numRuns: number): void {
  const holds = (clauses: string[][], found: string) => clauses.every((any) => any.some((l) => found.toLowerCase().includes(l)));
  let checked = 0;
  for (const { id, source, found } of topicPatternMatches()) {
    const clauses = required(source);
    if (!clauses) continue;
    for (const m of found)
      if (m !== undefined) {
        checked++;
        if (!holds(clauses, m)) expect(holds(clauses, m), `${id}: ${source} on ${JSON.stringify(m)}`).toBe(true);
      }
  }
  expect(checked).toBeGreaterThan(100);
  fc.assert(
    fc.property(fc.stringMatching(/^[a-z .:()|?*+\\-]{0,24}$/), fc.string({ maxLength: 30 }), (source, text) => {
      let re: RegExp;
      try {
        re = new RegExp(source, 'i');
      } catch {
        return;
      }
      const clauses = required(source);
      const m = re.exec(text);
      if (clauses && m) expect(holds(clauses, m[0])).toBe(true);
    }),
    { numRuns },
  );
}
/** An any-of as the one clause it is. */
const oneClause = (any: string[] | undefined): string[][] | undefined => (any ? [any] : undefined);

describe('requiredLiteral', () => {
  it.each([
    ['failed to create endpoint \\S+ on network nat', 'failed to create endpoint '],
    ['hnsCall failed in Win32:[^\\n]*\\(0x6be\\)', 'hnscall failed in win32:'],
    ["'C:\\\\Program' is not recognized", "'c:\\program' is not recognized"],
    ['169\\.254\\.\\d{1,3}\\.\\d{1,3}', '169.254.'],
    ['does not match the (?:operating system of the host|host operating system)', 'does not match the '],
    ['Set-ContainerProcessor\\b[^\\n]*-Maximum\\s+[12]\\b', 'set-containerprocessor'],
    ['colou?r scheme', 'r scheme'],
    ['foo|bar', undefined],
    ['\\d+\\.\\d+', undefined],
    ['ab', undefined],
    // An escape that names a character or a class is read whole: its digits and name are no text (found by an attacker helper).
    ['windowsshim(?:\\p{Script=Cyrillic}+)+$', 'windowsshim'],
    ['\\p{Script=Cyrillic}+ failed', ' failed'],
    ['abc\\u03c9def', 'abc'],
    ['x\\u{1F600}smile', 'smile'],
    ['net \\x41ble', 'net '],
  ])('%s → %s', (source, expected) => {
    expect(requiredLiteral(source)).toBe(expected);
  });

  it('names no text of an escape as required: a pattern of \\p{…} or \\u matches the paste it should', () => {
    for (const [source, flags, text] of [['windowsshim(?:\\p{Script=Cyrillic}+)', 'iu', 'windowsshimдд'], ['abc\\u03c9def', 'i', 'abcωdef']] as const) {
      expect(new RegExp(source, flags).test(text)).toBe(true);
      for (const clause of requiredAllOf(source) ?? []) expect(clause.some((t) => text.toLowerCase().includes(t)), JSON.stringify(clause)).toBe(true);
    }
  });

  it('never claims a literal that a matching text lacks (topic patterns, and random ones)', () => {
    expectMatchesHold((source) => {
      const literal = requiredLiteral(source);
      return literal ? [[literal]] : undefined;
    }, 2000);
  });
});

describe('signatureFlags', () => {
  it.each([
    ['failed to create endpoint \\S+ on network nat', 'i'],
    ['pipe[\\\\/%2F]{1,4}docker[^\\n]{0,200}500', 'i'],
    ['找不到元素', 'iu'],
    ['\\p{L}+ failed', 'iu'],
    ['\\u{1F600}', 'iu'],
  ] as const)('%s compiles with %s', (source, flags) => {
    expect(signatureFlags(source)).toBe(flags);
  });

  it('reads every topic pattern as Unicode mode would: the same match on every section of the knowledge base', () => {
    const { kb } = realKnowledgeBase();
    const bodies = Object.values(kb.sections).map((s) => s.body);
    // Compared in a plain loop and asserted once: an expect() per pattern and section (some 190,000) cost more than the matching.
    const differing: string[] = [];
    let compared = 0;
    for (const { id, source, found } of topicPatternMatches()) {
      const unicode = new RegExp(source, 'iu');
      bodies.forEach((body, k) => {
        compared++;
        const a = found[k];
        const b = unicode.exec(body)?.[0];
        if (a !== b) differing.push(`${id}: ${source}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      });
    }
    expect(compared).toBeGreaterThan(100_000);
    expect(differing).toEqual([]);
  });
});

describe('requiredAnyOf', () => {
  it.each([
    ['failed to create endpoint \\S+ on network nat', ['failed to create endpoint ']],
    ['(?:servercore|nanoserver|windows\\/server)(?::latest)?:?\\s*(?:not found|manifest unknown)', ['servercore', 'nanoserver', 'windows/server']],
    ['hyper-?v[^\\n]{0,80}docker\\s+exec|docker\\s+exec[^\\n]{0,80}hyper-?v', ['docker']],
    ['\\b50 (?:characters|chars)\\b', ['characters', 'chars']],
    ['\\b(Start|Stop|New)-Container\\b', ['-container']],
    ['(?:^|\\n)[ \\t]*links:[ \\t]*(?:\\n|$)|`links:`', ['links:', '`links:`']],
    ['foo|bar', ['foo', 'bar']],
    ['(?:abc)?def', ['def']],
    ['(?:abcd){0,2}xy', undefined],
    ['x(?=abcd)', undefined],
    ['(?<name>alpha|beta)', ['alpha', 'beta']],
    ['(?i:abcd)', undefined],
    ['(?:--memory|-m)[ =]\\d', undefined],
    ['foo|\\d+', undefined],
    ['[(]abc', ['abc']],
  ])('%s → %j', (source, expected) => {
    expect(requiredAnyOf(source)).toEqual(expected);
  });

  it('never rules out a text that a pattern matches (topic patterns on the sections, and random patterns)', () => {
    expectMatchesHold((source) => oneClause(requiredAnyOf(source)), 3000);
  });
});


describe('requiredAllOf', () => {
  it.each([
    ['failed to create endpoint \\S+ on network nat', [['failed to create endpoint '], [' on network nat']]],
    // A window written both ways round needs both ends.
    ['hyper-?v[^\\n]{0,80}docker exec|docker exec[^\\n]{0,80}hyper-?v', [['docker exec'], ['hyper']]],
    ['(?:docker|kubectl) logs [^\\n]{1,200}(?:empty|blank)', [['docker', 'kubectl'], ['empty', 'blank'], [' logs ']]],
    ['foo|bar', [['foo', 'bar']]],
    ['(?:abc)?def', [['def']]],
    ['(?:abcd){0,2}xy', undefined],
    ['foo|\\d+', undefined],
  ])('%s → %j', (source, expected) => {
    expect(requiredAllOf(source)).toEqual(expected);
  });

  it('keeps at most five clauses, the most telling first, and no clause holding every text of another', () => {
    const clauses = requiredAllOf('alpha beta (?:gamma|delta) epsilon[^x]{0,9}zeta-eta[^x]{0,9}theta[^x]{0,9}iota[^x]{0,9}kappa')!;
    expect(clauses.length).toBe(5);
    expect(clauses[0]).toEqual(['alpha beta ']);
  });

  it('keeps the clauses past the three most telling that rule a pattern out (a command line of common words with its option)', () => {
    // "docker", "network" and "create" are in most network failures; the option is what such a paste lacks.
    const line = 'docker: error response from daemon: failed to create endpoint web on network nat: hnscall failed in win32';
    const clauses = requiredAllOf('docker\\s+network\\s+create\\b[^\\n]{0,300}--(?:internal|ip-range|ipam-driver|ipam-opt|aux-address|ipv6)\\b')!;
    expect(clauses).toContainEqual(['internal', 'ip-range', 'ipam-driver', 'ipam-opt', 'aux-address', 'ipv6']);
    expect(clauses.every((c) => c.some((t) => line.includes(t)))).toBe(false);
  });

  it('never rules out a text that a pattern matches: every clause holds (topic patterns on the sections, and random patterns)', () => {
    // The clauses joined into one any-of would prove nothing: each clause is checked on its own.
    expectMatchesHold(requiredAllOf, 3000);
  });
});

describe('literalScanner', () => {
  const byIncludes = (texts: string[], text: string) => new Set(texts.filter((t) => text.includes(t)));

  it('finds exactly the texts that includes finds: random texts and random sets, from a small alphabet (many overlaps)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ab c]{0,7}$/), { maxLength: 12 }), fc.stringMatching(/^[ab c]{0,40}$/), (texts, text) => {
        expect(literalScanner(texts)(text)).toEqual(byIncludes(texts, text));
      }),
      { numRuns: 400 },
    );
  });

  it('finds exactly the texts that includes finds with any UTF-16 units (surrogate halves, Hangul, one-unit texts)', () => {
    fc.assert(
      fc.property(fc.array(anyCodePoints({ maxLength: 6 }), { maxLength: 8 }), anyCodePoints({ maxLength: 30 }), (texts, text) => {
        // Texts taken from the text itself as well, so that some are found.
        const pieces = [...texts, text.slice(1, 3), text.slice(-2), text.slice(4, 5), text.slice(2, 7), text.slice(-5)];
        expect(literalScanner(pieces)(text)).toEqual(byIncludes(pieces, text));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the clauses of the real patterns in a paste as includes does', () => {
    const { kb } = realKnowledgeBase();
    const texts = kb.topics.flatMap((t) => t.signatures.regexes.flatMap((s) => requiredAllOf(s)?.flat() ?? []));
    expect(texts.length).toBeGreaterThan(500);
    const scan = literalScanner(texts);
    for (const s of Object.values(kb.sections).slice(0, 200)) {
      const lower = s.body.toLowerCase();
      expect(scan(lower)).toEqual(byIncludes(texts, lower));
    }
  });

  it('counts an empty text as in every text, and finds nothing in an empty text but that', () => {
    expect(literalScanner(['', 'a'])('')).toEqual(new Set(['']));
    expect(literalScanner(['', 'a'])('xa')).toEqual(new Set(['', 'a']));
  });
});
