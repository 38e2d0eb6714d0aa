// An estimate, on the training pastes alone, of how the engine fares on pastes it has never seen.
//
// Signatures are written from the training threads, so a training paste is often matched by a text written
// from that very thread, which an unseen paste never is. Here each training paste is judged as if the
// texts that match only its own thread had never been written: the phrases, patterns, keyword phrases,
// settings and `against` texts of a topic, and the scope marks (a Linux or other program's word), that
// match pastes of that thread and of no other training thread, of our pastes or of the development set.
// Codes, words, operations and contexts stay: they are facts of the paste, not texts written for it.
//
// The verdict is then made as the engine makes it (judgeMatches) from the candidates'
// evidence without those pieces. The score is recomputed from the evidence: additive evidence summed, and
// each gate (a missing context, an `against` text, a failure elsewhere, the kind) keeping the fraction of
// the score it kept. That is an approximation (a rule that reads another topic's score is not run again).
//
// On the training pastes of the twenty-third session it read top-1 0.637 where the held-out pastes read
// 0.624, so it stands in for them when a change is weighed; it is kinder on rejection (0.852 against
// 0.769): it removes what was written for a thread, not what was tuned on all of them.

const ABLATED = new Set(['phrase', 'regex', 'keyword-phrase', 'setting', 'against']);
const ADDITIVE = new Set(['version', 'code', 'phrase', 'setting', 'keyword-phrase', 'regex', 'words', 'fact', 'context', 'operation']);
const SHARED = '\u0000shared';

/**
 * The verdicts of the training pastes with their own thread's texts left out: `[{ case, matches }]`, each
 * match `{ id, score, confidence }`, best first. `engine` is `loadEngine()`'s (judgeMatches among them).
 */
export function unseenEstimate(engine, cases) {
  const { kb, WEIGHTS: w, diagnosisIndexOf, readFeatures, scoreTopics, buildOfTag, resolveName, judgeMatches } = engine;
  const index = diagnosisIndexOf(kb);
  const idOf = (s) => index.matchers[s.topic].topic.id;
  const keyOf = (s, e) => `${idOf(s)}|${e.rule}|${e.rule === 'keyword-phrase' || e.rule === 'setting' ? String(e.matched).toLowerCase() : e.signature}`;
  const featuresOf = (c) => readFeatures(index, c.text, (t) => buildOfTag(kb.compat, t), w, (n) => resolveName(kb.compat, n)?.build);

  const train = cases.filter((c) => c.split === 'train');
  const shared = cases.filter((c) => c.set === 'ours' || c.set === 'dev');
  /** Per text (a topic's signature, or a scope mark): the threads whose pastes it matches. */
  const threadsOf = new Map();
  const seen = (key, thread) => (threadsOf.get(key) ?? threadsOf.set(key, new Set()).get(key)).add(thread);
  const judged = [];
  for (const c of [...train, ...shared]) {
    const f = featuresOf(c);
    const scored = scoreTopics(index, f, undefined, w);
    const thread = c.split === 'train' ? c.thread : SHARED;
    for (const s of scored) for (const e of s.evidence) if (ABLATED.has(e.rule)) seen(keyOf(s, e), thread);
    for (const mark of f.scope.signals ?? []) seen(`scope|${mark}`, thread);
    if (c.split === 'train') judged.push({ c, f, scored });
  }
  const ownOnly = (key, thread) => {
    const t = threadsOf.get(key);
    return t !== undefined && t.size === 1 && t.has(thread);
  };

  /** A candidate without the evidence only its paste's thread shows, its score recomputed. */
  function without(s, thread) {
    let before = 0;
    let now = 0;
    let changed = false;
    let againstSeen = false;
    const evidence = [];
    for (const e of s.evidence) {
      const drop = ABLATED.has(e.rule) && ownOnly(keyOf(s, e), thread);
      if (ADDITIVE.has(e.rule)) {
        before += e.weight;
        if (drop) changed = true;
        else {
          now += e.weight;
          evidence.push(e);
        }
        continue;
      }
      if (e.rule === 'against') {
        // The first text found is a gate as well as a weight (rules/against.ts).
        const first = !againstSeen;
        againstSeen = true;
        const kept = first && before > 0 ? 1 + (e.weight - w.against.each) / before : 1;
        before += e.weight;
        if (drop) {
          changed = true;
          continue;
        }
        const weight = (kept - 1) * Math.max(0, now) + w.against.each;
        now += weight;
        evidence.push({ ...e, weight });
        continue;
      }
      const kept = before !== 0 ? 1 + e.weight / before : 1;
      const weight = before !== 0 ? (kept - 1) * now : e.weight;
      before += e.weight;
      now += weight;
      evidence.push({ ...e, weight });
    }
    return changed ? { ...s, score: now, evidence } : s;
  }

  return judged.map(({ c, f, scored }) => {
    // A scope decided only by marks of this thread is no scope.
    const marks = f.scope.signals ?? [];
    const scoped = (f.scope.kind === 'linux' || f.scope.kind === 'unrelated') && marks.length > 0 && marks.every((m) => ownOnly(`scope|${m}`, c.thread));
    const g = scoped ? { ...f, scope: { kind: 'unknown', signals: [] } } : f;
    const verdicts = judgeMatches(
      scored.map((s) => without(s, c.thread)),
      g,
      w,
      w.verdict.limit,
    );
    return { case: c, matches: verdicts.map(({ scored: s, confidence }) => ({ id: idOf(s), score: s.score, confidence })) };
  });
}
