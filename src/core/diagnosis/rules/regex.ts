import { hasEvidence, type EvidenceRule } from './types.js';

/**
 * The topic's patterns. Each is tried on the paste (its words cut by console wrapping already joined),
 * then (unless it looks at line ends itself) on the paste with all its lines joined, then with the
 * catalogue messages it gives in another language put in English. Two patterns that matched the same
 * text are one piece of evidence.
 */
export const regexRule: EvidenceRule = {
  id: 'regex',
  describe: 'a pattern of the topic matches the paste (or the paste unwrapped): the first fully, further ones on other text less',
  apply(f, index, acc, w) {
    // The texts every match needs decide first (one of each clause), so a pattern the paste cannot match is never
    // compiled; which of them each reading of the paste holds is found in one pass over it.
    const inFocusText = index.patternTextsIn(f.focus.toLowerCase());
    const inUnwrappedText = f.unwrapped === f.focus ? inFocusText : index.patternTextsIn(f.unwrapped.toLowerCase());
    let inEnglishText: ReadonlySet<string> | undefined;
    const englishTexts = () => (inEnglishText ??= index.patternTextsIn(f.englishFocus.text.toLowerCase()));
    const mayMatch = (clauses: readonly (readonly string[])[] | undefined, present: ReadonlySet<string>) => clauses === undefined || clauses.every((any) => any.some((l) => present.has(l)));
    index.matchers.forEach((m, i) => {
      for (const pattern of m.patterns) {
        const inFocus = mayMatch(pattern.literals, inFocusText);
        const inUnwrapped = f.unwrapped !== f.focus && mayMatch(pattern.literals, inUnwrappedText);
        const inEnglish = f.englishFocus.swaps.length > 0 && mayMatch(pattern.literals, englishTexts());
        if (!inFocus && !inUnwrapped && !inEnglish) continue;
        const re = pattern.regex();
        let hit = inFocus ? re.exec(f.focus) : null;
        if (!hit && inUnwrapped && !/\\n|\^|\$/.test(re.source)) hit = re.exec(f.unwrapped);
        // A catalogue message given in another language, read in English; the evidence shows it as written.
        let written: string | undefined;
        if (!hit && inEnglish) {
          hit = re.exec(f.englishFocus.text);
          if (hit) written = f.englishFocus.swaps.reduce((t, [en, raw]) => t.split(en).join(raw), hit[0]);
        }
        if (!hit) continue;
        const shown = written ?? hit[0];
        const s = acc.get(i);
        if (s?.evidence.some((e) => e.rule === 'regex' && (e.matched.includes(shown) || shown.includes(e.matched)))) continue;
        acc.add(i, { kind: 'regex', matched: shown.slice(0, w.display.regexMatched), whole: hit[0], signature: re.source, weight: hasEvidence(s, 'regex') ? w.regex.more : w.regex.first, rule: 'regex' });
      }
    });
  },
};
