import { STRONG_FIELD, type AnchoredPhrase, type DiagnosisIndex } from './build-index.js';
import { flattenPhrase } from './normalise.js';
import { FAILURE_SITES, operationKey, type Recognised } from './recognise.js';
import type { PasteBuilds } from './builds.js';
import { termsOf, termSurfaces } from './terms.js';
import type { Evidence, FoundCode } from './types.js';

/** A topic's score and the evidence behind it, before presentation. */
export interface Scored {
  topic: number;
  score: number;
  evidence: Evidence[];
  /** Whether anything specific (a code, phrase or pattern) matched, not only words. */
  specific: boolean;
}

const W = { code: 6, codeByMessage: 5, undocumentedCode: 0.8, keywordPhrase: 2, keywordPhraseExtra: 1, context: 3, phrase: 4, phraseExtra: 2, regex: 4, regexExtra: 2, setting: 1.5, settingExtra: 0.5, fact: 5, operation: 1.5, against: -4, bareWithoutContext: -1 } as const;
/** What a topic keeps of its score when the paste states a failure it does not explain. */
const UNEXPLAINED_FACTOR = 0.35;
/** How rare (summed IDF) the strong words of a topic in the failure lines must be for words alone to explain them. */
const REASON_WORDS_IDF = 3;
const TERM_CAP = 6;
const FUZZY_FACTOR = 0.6;

/**
 * Scores every topic that has any evidence for the paste. `focus` is the (bounded) paste text,
 * `flat` its flattened lower-case view, `codes` the codes found in the whole paste.
 */
export function scoreTopics(index: DiagnosisIndex, focus: string, flat: string, codes: FoundCode[], rec: Recognised, reason = '', builds: PasteBuilds = {}, reasonShown = '', bareCodes = false): Scored[] {
  const acc = new Map<number, Scored>();
  const get = (i: number): Scored => {
    let s = acc.get(i);
    if (!s) acc.set(i, (s = { topic: i, score: 0, evidence: [], specific: false }));
    return s;
  };

  for (const c of codes) {
    const keys = [c.canonical, ...c.equivalents];
    const topics = new Set(keys.flatMap((k) => index.byCode.get(k) ?? []));
    for (const i of topics) {
      const s = get(i);
      // A code the topic's own documentation prints (in any of its spellings) counts fully; one
      // listed only as related evidence counts less.
      const documented = keys.some((k) => index.matchers[i]?.documentedCodes.has(k));
      const weight = (c.via === 'message' ? W.codeByMessage : W.code) * (documented ? 1 : W.undocumentedCode);
      const key = keys.find((k) => index.matchers[i]?.codes.has(k)) ?? c.canonical;
      s.score += weight;
      s.specific = true;
      s.evidence.push({ kind: 'code', matched: c.raw, signature: [key, ...c.names.slice(0, 1)].join(' '), weight });
    }
  }

  const words = new Set(flat.match(/[a-z0-9_]{3,}/g) ?? []);
  // A phrase that is only the message of a code found in the paste says nothing the code did not:
  // it counts for a topic that has the code, not as a second piece of evidence.
  // Its message in any language counts, so that a failure reads the same in English, German or Chinese.
  const codeMessages = codes.flatMap((c) =>
    [c.canonical, ...c.equivalents].flatMap((k) => {
      const e = index.codeIndex.byCode.get(k);
      return [...(c.message ? [c.message] : []), ...Object.values(e?.messages ?? {}), ...(e?.variants ?? []).map((v) => v.text)].map((m) => flattenPhrase(m).replace(/(?<![.。\s])[.。\s]+$/, '')).filter((m) => m.length >= 4);
    }),
  );
  const isCodeMessage = (phrase: string) => codeMessages.some((m) => m.includes(phrase) || phrase.includes(m));
  // Phrases are found through their anchor word, then checked whole in the flattened paste.
  const hitsOf = (anchored: Map<string, AnchoredPhrase[]>, loose: AnchoredPhrase[]) =>
    [...words].flatMap((w) => anchored.get(w) ?? []).concat(loose).filter((h) => hasPhrase(flat, h.phrase));
  for (const { topic, phrase } of hitsOf(index.phraseAnchors, index.unanchoredPhrases)) {
    if (isCodeMessage(phrase) && acc.get(topic)?.evidence.some((e) => e.kind === 'code')) continue;
    const s = get(topic);
    if (s.evidence.some((e) => e.kind === 'phrase' && e.signature === phrase)) continue;
    const weight = s.evidence.some((e) => e.kind === 'phrase') ? W.phraseExtra : W.phrase;
    s.score += weight;
    s.specific = true;
    s.evidence.push({ kind: 'phrase', matched: phrase, signature: phrase, weight });
  }

  // The setting of an issue (a command, a tool's output) is weak evidence, unless the paste asks a
  // question and states no failure: then it is what the paste is about.
  const asks = !reason && /[?？]/.test(focus);
  for (const { topic, phrase } of hitsOf(index.settingAnchors, index.unanchoredSetting)) {
    const s = get(topic);
    const found = s.evidence.filter((e) => e.kind === 'setting');
    if (found.some((e) => e.matched === phrase) || found.length >= 3) continue;
    const weight = !asks ? (found.length ? W.settingExtra : W.setting) : found.length ? W.phraseExtra : W.phrase;
    s.score += weight;
    if (asks) s.specific = true;
    s.evidence.push({ kind: 'setting', matched: phrase, signature: 'setting', weight });
  }

  for (const { topic, phrase } of hitsOf(index.keywordAnchors, index.unanchoredKeywords)) {
    if (isCodeMessage(phrase) && acc.get(topic)?.evidence.some((e) => e.kind === 'code')) continue;
    const s = get(topic);
    const found = s.evidence.filter((e) => e.kind === 'keyword' && e.signature === 'keyword phrase');
    if (found.some((e) => e.matched === phrase) || found.length >= 2) continue;
    const weight = found.length ? W.keywordPhraseExtra : W.keywordPhrase;
    s.score += weight;
    s.evidence.push({ kind: 'keyword', matched: phrase, signature: 'keyword phrase', weight });
  }

  const focusLower = focus.toLowerCase();
  // The same text with console line-wrapping undone ("does not match the⏎host operating system"),
  // for the patterns that do not look at line ends themselves.
  const unwrapped = focus.includes('\n') ? focus.replace(/(?<![ \t])[ \t]*\n[ \t]*/g, ' ') : focus;
  const unwrappedLower = unwrapped === focus ? focusLower : unwrapped.toLowerCase();
  index.matchers.forEach((m, i) => {
    for (const pattern of m.patterns) {
      const re = pattern.regex();
      const lineAware = /\\n|\^|\$/.test(re.source);
      let hit: RegExpExecArray | null = null;
      if (pattern.literal === undefined || focusLower.includes(pattern.literal)) hit = re.exec(focus);
      if (!hit && !lineAware && unwrapped !== focus && (pattern.literal === undefined || unwrappedLower.includes(pattern.literal))) hit = re.exec(unwrapped);
      if (!hit) continue;
      const s = get(i);
      // Two patterns that matched the same text are one piece of evidence.
      if (s.evidence.some((e) => e.kind === 'regex' && (e.matched.includes(hit[0]) || hit[0].includes(e.matched)))) continue;
      const weight = s.evidence.some((e) => e.kind === 'regex') ? W.regexExtra : W.regex;
      s.score += weight;
      s.specific = true;
      s.evidence.push({ kind: 'regex', matched: hit[0].slice(0, 120), signature: re.source, weight });
    }
  });

  // The words of a code's message are the code's evidence, already counted: only the rest of the
  // paste speaks in words, whatever the language the message was printed in.
  let wordsText = flat;
  for (const m of new Set(codeMessages)) if (wordsText.includes(m)) wordsText = wordsText.split(m).join(' ');
  scoreTerms(index, wordsText, get);

  // The paste shows the host and the image on different builds: the cause of a version mismatch.
  const { host, image } = builds;
  if (host && image && host.build !== image.build) {
    index.matchers.forEach((m, i) => {
      if (!m.topic.signatures.facts?.includes('build-mismatch')) return;
      const s = get(i);
      s.score += W.fact;
      s.specific = true;
      s.evidence.push({ kind: 'fact', matched: `${image.build} ≠ ${host.build}`, signature: `build-mismatch: image ${image.build} (${image.said}), host ${host.build} (${host.said})`, weight: W.fact });
    });
  }

  // `docker info` prints "Swarm: inactive" on every host: that is no Swarm context.
  const contextText = flat.includes('swarm: inactive') ? flat.replaceAll('swarm: inactive', '') : flat;
  const ops = new Set(rec.operations.map(operationKey));
  // Evidence names an operation as the paste says it ("docker run -p"), never by its comparison key.
  const opName = new Map(rec.operations.map((o) => [operationKey(o), o]));
  const sites = [...ops].filter((o) => FAILURE_SITES.has(o));
  for (const s of acc.values()) {
    const m = index.matchers[s.topic];
    if (!m) continue;
    // Whole words only: "podman" is no Kubernetes context, "replicaset" no Swarm one.
    const context = m.context.find((c) => hasPhrase(contextText, c));
    if (context) {
      s.score += W.context;
      s.evidence.push({ kind: 'structure', matched: context, signature: 'context', weight: W.context });
    } else if (m.context.length) {
      // Without its context a specialised topic loses half its score; for a bare code, which has
      // no context to show, it only ranks below the general topic.
      const penalty = bareCodes ? W.bareWithoutContext : -s.score / 2;
      s.score += penalty;
      s.evidence.push({ kind: 'against', matched: '', signature: `needs context: ${m.context.slice(0, 3).join(', ')}`, weight: penalty });
    }
    for (const a of m.against)
      if (hasPhrase(flat, a)) {
        s.score += W.against;
        s.evidence.push({ kind: 'against', matched: a, signature: a, weight: W.against });
      }
    if (!ops.size || !m.operations.size) continue;
    const shared = [...ops].filter((o) => m.operations.has(o));
    const topicSites = (m.topic.signatures.operations ?? []).filter((o) => FAILURE_SITES.has(operationKey(o)));
    if (shared.length) {
      s.score += W.operation;
      const named = shared.map((o) => opName.get(o) ?? o).join(', ');
      s.evidence.push({ kind: 'operation', matched: named, signature: named, weight: W.operation });
    } else if (sites.length && topicSites.length && !s.evidence.some((e) => e.kind === 'phrase' || e.kind === 'regex' || (e.kind === 'code' && /\s/.test(e.matched)))) {
      // A code alone does not carry a match when the paste says the failure happened elsewhere.
      const penalty = -s.score / 2;
      s.score += penalty;
      s.evidence.push({ kind: 'against', matched: sites.map((o) => opName.get(o) ?? o).join(', '), signature: `happens during ${topicSites.join('/')}`, weight: penalty });
    }
  }
  if (reason) weighReasons(index, reason, reasonShown || reason.slice(0, 100), codes, acc);
  preferSpecialised(index, acc);
  // Diagnosis looks for known issues: reference and how-to material explains a failure less well.
  // A paste that states no failure (a question, a description) may be asking for exactly that.
  for (const s of reason ? acc.values() : []) {
    const kind = index.matchers[s.topic]?.topic.kind;
    const factor = kind === 'reference' ? KIND_FACTOR.reference : kind === 'howto' ? KIND_FACTOR.howto : 1;
    if (factor !== 1) s.score *= factor;
  }
  return [...acc.values()];
}

const KIND_FACTOR = { reference: 0.6, howto: 0.85 } as const;

const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** A letter, digit or underscore; ASCII without the Unicode pattern, which is costly to compile at start-up. */
function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return WORD_CHAR.test(c);
}

/**
 * Whether a normalised phrase stands in the text as a whole: "net use" is not in "net user".
 * The ends are checked only where the phrase itself starts or ends with a letter or digit.
 */
export function hasPhrase(text: string, phrase: string): boolean {
  let at = text.indexOf(phrase);
  if (at < 0) return false;
  const wordStart = isWordChar(phrase[0]);
  const wordEnd = isWordChar(phrase[phrase.length - 1]);
  for (; at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (wordStart && isWordChar(text[at - 1])) continue;
    if (wordEnd && isWordChar(text[at + phrase.length])) continue;
    return true;
  }
  return false;
}

/**
 * A topic that needs a context (Kubernetes, Swarm) and finds it is the more specific explanation
 * of a code it shares with a general topic (the pod or service version of an OS mismatch): it ranks
 * just above that topic, with the reason in its evidence.
 */
function preferSpecialised(index: DiagnosisIndex, acc: Map<number, Scored>): void {
  const codes = new Map<Scored, Set<string>>();
  for (const s of acc.values()) {
    const mine = new Set(s.evidence.filter((e) => e.kind === 'code').map((e) => e.signature));
    if (mine.size) codes.set(s, mine);
  }
  for (const [s, mine] of codes) {
    const context = s.evidence.find((e) => e.signature === 'context');
    if (!context) {
      // Without its context a specialised topic never outranks the general topic it shares a code with.
      if (!index.matchers[s.topic]?.context.length) continue;
      let general: Scored | undefined;
      for (const [other, theirs] of codes)
        if (other !== s && !index.matchers[other.topic]?.context.length && [...theirs].some((c) => mine.has(c)) && (!general || other.score > general.score)) general = other;
      if (!general || s.score <= general.score - 0.5) continue;
      const weight = general.score - 0.5 - s.score;
      s.score += weight;
      s.evidence.push({ kind: 'against', matched: '', signature: `less specific than ${index.matchers[general.topic]?.topic.id ?? ''} without its context`, weight: Math.round(weight * 100) / 100 });
      continue;
    }
    let best: Scored | undefined;
    for (const [other, theirs] of codes) {
      if (other === s || index.matchers[other.topic]?.context.length) continue;
      if (other.score >= s.score && [...theirs].some((c) => mine.has(c)) && (!best || other.score > best.score)) best = other;
    }
    if (!best) continue;
    const weight = best.score - s.score + 0.5;
    s.score += weight;
    s.evidence.push({ kind: 'structure', matched: context.matched, signature: `more specific than ${index.matchers[best.topic]?.topic.id ?? ''} in this context`, weight: Math.round(weight * 100) / 100 });
  }
}

/**
 * When the paste states why something failed (its failure lines, flattened in `reason`), a topic
 * must explain that statement: a code, or a phrase, pattern or keyword of its own found in a failure
 * line, or enough of its strong words there. A topic that only shares the setting (the tool, the
 * command, the object names) keeps a fraction of its score and no longer counts as specific.
 * A code in the paste that a topic does not list weighs the same way: the failure is that code's.
 */
function weighReasons(index: DiagnosisIndex, reason: string, shown: string, codes: FoundCode[], acc: Map<number, Scored>): void {
  // A code stated with the failure that a topic does not list says the failure is that code's.
  const foreign = codes.filter((c) => !c.generic && reason.includes(flattenPhrase(c.raw)));
  let strong: Map<number, [string, number][]> | undefined;
  for (const s of acc.values()) {
    const m = index.matchers[s.topic];
    if (!m) continue;
    if (s.evidence.some((e) => e.kind === 'code')) continue;
    // Otherwise a phrase or pattern of the topic's cause anywhere in the paste explains it, and
    // words of the topic explain it when they stand in the failure lines.
    const byCause = s.evidence.some((e) => e.kind === 'phrase' || e.kind === 'regex' || e.kind === 'fact');
    const byWords = () => {
      if (s.evidence.some((e) => e.kind === 'keyword' && e.signature === 'keyword phrase' && hasPhrase(reason, e.matched))) return true;
      strong ??= strongTermsByTopic(index, reason);
      let rarity = 0;
      for (const [term, idf] of strong.get(s.topic) ?? []) if (!m.settingTerms.has(term)) rarity += idf;
      return rarity >= REASON_WORDS_IDF;
    };
    if (!foreign.length && (byCause || byWords())) continue;
    const penalty = -s.score * (1 - UNEXPLAINED_FACTOR);
    s.score += penalty;
    s.specific = false;
    const said = foreign[0] ? `${foreign[0].raw}${foreign[0].message ? ` (${foreign[0].message})` : ''}` : shown;
    s.evidence.push({ kind: 'against', matched: said, signature: foreign.length ? 'the error is a code this issue does not produce' : 'the error says something this issue does not explain', weight: Math.round(penalty * 100) / 100 });
  }
}

/**
 * For each topic, its strong words (title, keyword and heading words that are rare among topics,
 * IDF > 1) among the terms of a text, with their rarity: one pass over the text's postings.
 */
function strongTermsByTopic(index: DiagnosisIndex, text: string): Map<number, [string, number][]> {
  const out = new Map<number, [string, number][]>();
  for (const term of new Set(termsOf(text))) {
    const idf = index.idfOf(term);
    if (idf <= 1) continue;
    for (const p of index.postingsOf(term)) {
      if (p.weight < STRONG_FIELD) continue;
      const list = out.get(p.topic);
      if (list) list.push([term, idf]);
      else out.set(p.topic, [[term, idf]]);
    }
  }
  return out;
}

/** Word evidence: IDF-weighted overlap of the paste's terms with each topic's words, fuzzy for typos. */
function scoreTerms(index: DiagnosisIndex, focus: string, get: (i: number) => Scored): void {
  // Each term with the word of the paste it came from: evidence shows that, never a stem or bigram.
  const surfaces = termSurfaces(focus);
  const query = new Set(surfaces.keys());
  if (!query.size) return;
  const sums = new Map<number, { sum: number; strong: Set<string>; hits: string[] }>();
  const credited = new Map<string, number>();
  const add = (term: string, shown: string, factor: number) => {
    if ((credited.get(term) ?? 0) >= factor) return;
    factor -= credited.get(term) ?? 0;
    credited.set(term, (credited.get(term) ?? 0) + factor);
    const idf = index.idfOf(term);
    for (const p of index.postingsOf(term)) {
      let e = sums.get(p.topic);
      if (!e) sums.set(p.topic, (e = { sum: 0, strong: new Set(), hits: [] }));
      e.sum += idf * p.weight * factor;
      if (p.weight >= STRONG_FIELD && idf > 1) e.strong.add(term);
      if (e.hits.length < 6 && p.weight >= 0.5 && !e.hits.includes(shown)) e.hits.push(shown);
    }
  };
  const fuzzyAllowed = focus.length <= 500;
  for (const term of query) {
    const shown = surfaces.get(term) ?? term;
    if (index.idfOf(term) > 0) add(term, shown, 1);
    else if (fuzzyAllowed && term.length >= 5 && /^[a-z]+$/.test(term)) {
      const best = index.nearestWord(term);
      if (best && best.score <= 0.3) add(best.word, `${shown}≈`, FUZZY_FACTOR);
    }
  }
  const norm = Math.max(1, Math.sqrt(query.size / 6));
  for (const [topic, e] of sums) {
    if (e.strong.size < 2 && e.sum / norm < 4) continue;
    const raw = e.sum / norm;
    // Saturates at TERM_CAP but keeps growing a little, so that more words still rank higher.
    const weight = raw <= TERM_CAP ? raw : TERM_CAP + Math.log1p(raw - TERM_CAP) / 4;
    if (weight < 1) continue;
    const s = get(topic);
    s.score += weight;
    const fuzzy = e.hits.some((h) => h.endsWith('≈'));
    const shown = e.hits.map((h) => h.replace(/≈$/, ''));
    s.evidence.push({ kind: fuzzy ? 'fuzzy' : 'keyword', matched: shown.join(', '), signature: fuzzy ? 'words (one spelled differently)' : 'words', weight: Math.round(weight * 100) / 100 });
  }
}
