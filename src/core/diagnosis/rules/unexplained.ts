import { STRONG_FIELD, type DiagnosisIndex } from '../build-index.js';
import { foldForMatching } from '../../text/normalise.js';
import { messageKeyOf } from '../features.js';
import { hasPhrase } from '../phrase-match.js';
import { termsOf } from '../terms.js';
import type { Weights } from '../weights.js';
import { hasEvidence, type EvidenceRule } from './types.js';

/**
 * When the paste states why something failed (its failure lines), a topic must explain that
 * statement: by a code, or a phrase, pattern or fact of its cause anywhere in the paste, or a keyword
 * phrase or enough of its rare words in the failure lines. A topic that only shares the setting (the
 * tool, the command, the object names) keeps part of its score and no longer counts as specific.
 * A specific code stated with the failure that the topic does not list weighs the same way.
 * A gate: it runs after all the evidence it reads.
 */
export const unexplainedRule: EvidenceRule = {
  id: 'unexplained',
  describe: "a topic that does not explain the paste's failure lines (or whose failure is another code) keeps part of its score",
  apply(f, index, acc, w) {
    if (!f.failure) return;
    const reason = f.failure.flat;
    // A code stated with the failure that a topic does not list says the failure is that code's; not a
    // generic one (something failed), and one of many causes (file not found, access denied) only for a
    // topic that has codes of its own: it fits an issue that names none. Nor one the catalogue does not know
    // (`winapi error #3489661090` after a layer step's own message): what failure it stands for, nothing says.
    const stated = f.codes.filter((c) => !c.generic && index.codeIndex.byCode.has(c.canonical) && reason.includes(foldForMatching(c.raw)));
    let strong: Map<number, [string, number][]> | undefined;
    for (const s of [...acc.values()]) {
      const m = index.matchers[s.topic];
      if (!m || hasEvidence(s, 'code')) continue;
      // A code the topic's own pattern or phrase quoted (its message, even without the full stop) is part of its evidence, not another failure.
      const quoted = stated.length ? s.evidence.filter((e) => e.rule === 'regex' || e.rule === 'phrase').map((e) => foldForMatching(e.whole ?? e.matched)) : [];
      // (Quoted as written, or in English where the paste gave the message in another language.)
      const foreign = stated.filter((c) => (!c.manyCauses || m.codes.size > 0) && !quoted.some((q) => q.includes(messageKeyOf(c.raw)) || (c.message !== undefined && q.includes(messageKeyOf(c.message)))));
      const byCause = s.evidence.some((e) => e.rule === 'phrase' || e.rule === 'regex' || e.rule === 'fact');
      const byWords = () => {
        if (s.evidence.some((e) => e.rule === 'keyword-phrase' && hasPhrase(reason, e.matched))) return true;
        strong ??= strongTermsByTopic(index, reason, w);
        let rarity = 0;
        for (const [term, idf] of strong.get(s.topic) ?? []) if (!m.settingTerms.has(term)) rarity += idf;
        return rarity >= w.unexplained.wordsIdf;
      };
      if (!foreign.length && (byCause || byWords())) continue;
      const said = foreign[0] ? `${foreign[0].raw}${foreign[0].message ? ` (${foreign[0].message})` : ''}` : f.failure.shown;
      const signature = foreign.length ? 'the error is a code this issue does not produce' : 'the error says something this issue does not explain';
      acc.scale(s.topic, w.unexplained.keeps, { kind: 'against', matched: said, signature, rule: 'unexplained' });
    }
  },
};

/**
 * For each topic, its strong words (title, keyword and heading words that are rare among topics)
 * among the terms of a text, with their rarity: one pass over the text's postings.
 */
function strongTermsByTopic(index: DiagnosisIndex, text: string, w: Weights): Map<number, [string, number][]> {
  const out = new Map<number, [string, number][]>();
  for (const term of new Set(termsOf(text))) {
    const idf = index.idfOf(term);
    if (idf <= w.words.strongIdf) continue;
    for (const p of index.postingsOf(term)) {
      if (p.weight < STRONG_FIELD) continue;
      const list = out.get(p.topic);
      if (list) list.push([term, idf]);
      else out.set(p.topic, [[term, idf]]);
    }
  }
  return out;
}
