// Estimates, on the training pastes alone, of how the engine fares on pastes it has never seen.
//
// Signatures are written from the training threads, so a training paste is often matched by a text written
// from that very thread, which an unseen paste never is. Here each training paste is judged as if some texts
// had never been written: a topic's phrases, patterns, keyword phrases, settings and `against` texts, and the
// scope marks (a Linux or another program's word) that made a paste out of scope. Which texts, `mode` says:
//
//  - 'thread' (row real/train/unseen-estimate): the texts that match pastes of the paste's own thread and of
//    no other training thread, of our pastes or of the development set.
//  - 'ours' (row real/train/ours-estimate): every text that matches no paste of ours and no paste of the
//    development set, whatever training threads it matches: only what our own pastes (written from the
//    documents, before any real thread was read) also exercise is kept.
//
// Codes, words, operations and contexts stay: they are facts of the paste, not texts written for it.
//
// The verdict is then made as the engine makes it (judgeMatches) from the candidates'
// evidence without those pieces. The score is recomputed from the evidence: additive evidence summed, and
// each gate (a missing context, an `against` text, a failure elsewhere, the kind) keeping the fraction of
// the score it kept. That is an approximation (a rule that reads another topic's score is not run again).
//
// Until the twenty-fourth session the cases carried no thread (loadCases left it out), so every training
// paste counted as one thread and the estimate of that time was the 'ours' one, not the 'thread' one its
// comment described. Measured at the start of the twenty-fourth session (held-out: top-1 0.628, top-3 0.654,
// rejection 0.765): 'ours' reads 0.637 / 0.681 / 0.852, 'thread' 0.756 / 0.777 / 0.880. A text matched by
// several training threads was often written after reading all of them, so leaving out only one thread's texts
// keeps much that an unseen paste does not meet; 'ours' is the closer stand-in for top-1 on unseen pastes.

const ABLATED = new Set(['phrase', 'regex', 'keyword-phrase', 'setting', 'against']);
const ADDITIVE = new Set(['version', 'code', 'phrase', 'setting', 'keyword-phrase', 'regex', 'words', 'fact', 'context', 'operation']);
const SHARED = '\u0000shared';
const TRAIN = '\u0000train';

/**
 * The verdicts of the training pastes with the texts `mode` names left out (see above): `[{ case, matches }]`,
 * each match `{ id, score, confidence }`, best first. `engine` is `loadEngine()`'s (judgeMatches among them).
 * Every training case must name its thread.
 */
export function unseenEstimate(engine, cases, mode = 'thread') {
  return unseenEstimates(engine, cases, [mode])[mode];
}

/**
 * The same for several modes at once (`{ [mode]: verdicts }`): the pastes are read and scored once, which is most
 * of the work, and judged once per mode.
 */
export function unseenEstimates(engine, cases, modes) {
  return unseenEstimatesUnderBands(engine, cases, modes, [{}])[0];
}

/**
 * The same under several settings of the confidence bands (each a set of `verdict` rows of the weights table, `{}` for
 * the table's own): the pastes are read, scored and judged without their texts once per mode and setting, read only
 * once. `npm run calibrate` chooses the bands on it. Returns one `{ [mode]: verdicts }` per setting.
 */
export function unseenEstimatesUnderBands(engine, cases, modes, settings) {
  for (const mode of modes) if (mode !== 'thread' && mode !== 'ours') throw new Error(`unseenEstimate: unknown mode ${mode}`);
  const { kb, WEIGHTS: w, diagnosisIndexOf, readFeatures, scoreTopics, buildOfTag, resolveName } = engine;
  const index = diagnosisIndexOf(kb);
  const featuresOf = (c) => readFeatures(index, c.text, (t) => buildOfTag(kb.compat, t), w, (n) => resolveName(kb.compat, n)?.build);

  const train = cases.filter((c) => c.split === 'train');
  const unnamed = train.filter((c) => typeof c.thread !== 'string' || !c.thread);
  if (unnamed.length) throw new Error(`unseenEstimate: ${unnamed.length} training case(s) name no thread (${unnamed[0].id})`);
  const shared = cases.filter((c) => c.set === 'ours' || c.set === 'dev');
  const read = [...train, ...shared].map((c) => {
    const f = featuresOf(c);
    return { c, f, scored: scoreTopics(index, f, undefined, w) };
  });
  // The bands decide nothing about scores: only the judging is done again per setting.
  return settings.map((verdict) => {
    const judging = { ...engine, WEIGHTS: { ...w, verdict: { ...w.verdict, ...verdict } } };
    return Object.fromEntries(modes.map((mode) => [mode, judgeWithout(judging, index, read, mode)]));
  });
}

/** The training pastes of `read` (each with its features and scored candidates) judged as `mode` says (see above). */
function judgeWithout(engine, index, read, mode) {
  const { WEIGHTS: w, judgeMatches } = engine;
  const idOf = (s) => index.matchers[s.topic].topic.id;
  const keyOf = (s, e) => `${idOf(s)}|${e.rule}|${e.rule === 'keyword-phrase' || e.rule === 'setting' ? String(e.matched).toLowerCase() : e.signature}`;
  /** The thread a case's texts are counted under: in 'ours', every training paste under one name. */
  const threadOf = (c) => (c.split !== 'train' ? SHARED : mode === 'ours' ? TRAIN : c.thread);
  /** Per text (a topic's signature, or a scope mark): the threads whose pastes it matches. */
  const threadsOf = new Map();
  const seen = (key, thread) => (threadsOf.get(key) ?? threadsOf.set(key, new Set()).get(key)).add(thread);
  for (const { c, f, scored } of read) {
    const thread = threadOf(c);
    for (const s of scored) for (const e of s.evidence) if (ABLATED.has(e.rule)) seen(keyOf(s, e), thread);
    for (const mark of f.scope.signals ?? []) seen(`scope|${mark}`, thread);
  }
  const judged = read.filter(({ c }) => c.split === 'train');
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
    const scoped = (f.scope.kind === 'linux' || f.scope.kind === 'unrelated') && marks.length > 0 && marks.every((m) => ownOnly(`scope|${m}`, threadOf(c)));
    const g = scoped ? { ...f, scope: { kind: 'unknown', signals: [] } } : f;
    const verdicts = judgeMatches(
      scored.map((s) => without(s, threadOf(c))),
      g,
      w,
      w.verdict.limit,
    );
    return { case: c, matches: verdicts.map(({ scored: s, confidence }) => ({ id: idOf(s), score: s.score, confidence })) };
  });
}
