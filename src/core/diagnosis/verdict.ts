import { CONTAINER_FACILITY, type PasteFeatures } from './features.js';
import { termsOf } from './terms.js';
import type { Scored } from './rules/index.js';
import type { ConfidenceLimit, Match, RuleId } from './types.js';
import type { Weights } from './weights.js';

/** Evidence that says what went wrong, not only words about it. */
const SPECIFIC: ReadonlySet<RuleId> = new Set(['code', 'phrase', 'regex', 'fact']);

/**
 * A code of many unrelated causes (access denied, element not found, file in use) in a paste that is
 * more than codes: it counts for a topic that lists it, but cannot say which of its causes this is.
 */
const isCommonCode = (e: Scored['evidence'][number], f: PasteFeatures): boolean => e.rule === 'code' && e.code?.found.manyCauses === true && !f.bareCodes;

/** Whether evidence of the kinds `counts` takes (other than a code of many causes) matched, and the topic explains the paste's failure. */
function hasSpecific(s: Scored, f: PasteFeatures, counts: (e: Scored['evidence'][number]) => boolean): boolean {
  return s.evidence.some((e) => e.weight > 0 && counts(e) && !isCommonCode(e, f)) && !s.evidence.some((e) => e.rule === 'unexplained');
}

/**
 * The score a topic needs to be shown at all; below it the answer is "no known issue". A match that names
 * a failure (`namesAFailure`) needs `show`. Otherwise words carry the match, and words must say more:
 * `Element not found` beside the failed operation is every topic's that lists it, and none of them is
 * shown on that alone. Words alone need more when the paste states a failure, whose own vocabulary
 * (error, failed, network, start) overlaps many topics; less in a question or description, which is short
 * and names its subject. The setting a question names (a tool, a command) is such a lead too, and needs
 * the words' bar: alone it is what the question is about, not a failure (`buildx` asked for in another
 * image had been shown on it alone; on the training pastes the two answers it carried alone were a paste about
 * no known issue and a wrong topic).
 */
export function minScoreOf(s: Scored, f: PasteFeatures, w: Weights): number {
  if (namesAFailure(s, f)) return w.verdict.show;
  // The context (Kubernetes, Swarm) says where a topic applies, not what failed: when words carry the
  // match, the context's share does not help it over the bar (it still ranks the topic among those shown).
  const context = s.evidence.reduce((sum, e) => sum + (e.rule === 'context' && e.weight > 0 ? e.weight : 0), 0);
  // Nor does a cluster's when the paste shows and names nothing of Windows: then the words are a Linux node's.
  if (isLinuxClusterByDefault(s, f)) return Infinity;
  return (f.failure ? w.verdict.wordsOnlyFailure : w.verdict.wordsOnlyCalm) + context;
}

/**
 * A Kubernetes topic (every one is about Windows nodes) that words carry with the cluster's context, in a paste that
 * shows no mark of Windows and never says "Windows": a Kubernetes cluster always has Linux nodes (its control plane runs
 * only on Linux; Windows nodes join it as workers), so its words (pod, node, NotReady, cni, sandbox) are every node's, and
 * a paste that names no Windows node is a Linux node's until it says otherwise. Something specific of the failure (its
 * message, pattern or code) is judged as before (`crossPlatformOnly` makes it a lead). On the training pastes
 * (2026-12-08, `npm run eval`) this left out two answers as they are, three in the thread estimate and eight in the
 * stricter one, each about no known issue on a Linux node (an EKS Amazon Linux AMI's pods stuck Terminating, flannel
 * without a pod CIDR, kubeadm on Ubuntu with `cni config uninitialized`, a Linux node's pause image, a fresh Calico
 * cluster); no right answer there, on our pastes or the development set moved: the right answers of Windows-node
 * topics in such pastes say Windows ("a mixed Linux/Windows cluster", "CAPZ Windows test nodes", a pod
 * `kube-proxy-windows-…`). Not Swarm's or containerd's contexts, whose nodes may all be Windows ones: with them it cost
 * one of our Swarm pastes and, in both estimates, two of containerd's config migration.
 */
const isLinuxClusterByDefault = (s: Scored, f: PasteFeatures): boolean =>
  f.scope.kind !== 'windows' && !f.namesWindows && s.evidence.some((e) => e.rule === 'context' && e.weight > 0 && e.kubernetes === true);

/**
 * Evidence written for one failure: its code (not one of many causes), a pattern of its output, or a version
 * fact (a code of many causes names none of them). A phrase found whole is a message many pastes quote while asking about something else: on the training
 * pastes (real, train side), the "high" answers carried by phrases without any of these were right 35 times in 41
 * (85 %), those with one of them 167 in 174 (96 %); our own and the development pastes agree (12 of 13, 107 of 109).
 * A phrase alone therefore makes a match "medium" at most.
 */
const isSignatureOfTheFailure = (e: Scored['evidence'][number]): boolean => e.rule === 'regex' || e.rule === 'fact' || (e.rule === 'code' && e.code?.found.manyCauses !== true);

/**
 * Whether a code (not one of many causes), message, pattern or fact matched, and the topic explains the
 * paste's failure. The setting a question names does not count: a question
 * about a setting (the proxy, buildx, an image's size) is about that setting, but whether its asker has
 * the issue, or only wonders about the setting, the question does not say; on real pastes read before
 * anything was tuned on them, a "high" answer carried by a setting alone was wrong more often than right.
 */
function namesAFailure(s: Scored, f: PasteFeatures): boolean {
  return hasSpecific(s, f, (e) => SPECIFIC.has(e.rule));
}

/**
 * A specialised topic (Kubernetes, Swarm, containerd) matched in a paste that shows no mark of Windows,
 * on evidence that is no Windows code: the orchestrator prints the same message on every node it runs
 * (`cni plugin not initialized` on a Linux node reads as on a Windows one), so the paste may be the
 * same failure on another platform.
 */
function crossPlatformOnly(s: Scored, f: PasteFeatures): boolean {
  return f.scope.kind !== 'windows' && s.evidence.some((e) => e.rule === 'context' && e.weight > 0) && !s.evidence.some((e) => e.rule === 'code' && e.weight > 0);
}

/** Failed operations that any Windows machine runs, with or without containers (`operationKey`s): `net use`. */
const HOST_OPERATIONS: ReadonlySet<string> = new Set(['netuse']);

/**
 * A code is all that names the failure (no message, pattern or fact of the topic matched) in a paste that shows
 * nothing of containers (no engine, image or cluster word, no failed container operation) and is more than codes:
 * Windows gives every program the same codes (WSL prints `0x80370102` when its VM cannot start, a credential store
 * `The stub received bad data`), so the code says which failure, not that a container had it. On the training pastes
 * judged without the signatures written from their own thread (`npm run eval`, "unseen estimate"), which fare as
 * unseen pastes do, 8 of the 13 such answers "medium" or "high" were about other programs (WSL, a credential store).
 * A mark that says only Windows (a `PS C:\>` prompt, a `C:\` path: `Scope.containers` false) and `net use`, which
 * maps a share on any Windows machine (HOST_OPERATIONS), show no container either: `System error 1783` (`The stub
 * received bad data`) from `net use` at a PowerShell prompt had been a "medium" credential-store answer in both
 * estimates (kno-025, a paste about no known issue); no other training, own or development answer moved.
 */
function codeOnlyOutsideContainers(s: Scored, f: PasteFeatures): boolean {
  if (f.bareCodes || f.scope.containers === true || f.showsContainers || [...f.operations.keys()].some((o) => !HOST_OPERATIONS.has(o))) return false;
  // A code of the container stack's own facilities (HCS, HNS) is printed by no other program's failure.
  if (f.codes.some((c) => CONTAINER_FACILITY.test(c.canonical))) return false;
  // Nor where the topic's own setting is in the paste: `Add-NetNatStaticMapping` on the hosts' WinNAT failing with
  // error 1726 is the container networking the topic is about (a regression tester: it had gone from medium to low).
  if (s.evidence.some((e) => e.rule === 'setting' && e.weight > 0)) return false;
  const specific = s.evidence.filter((e) => e.weight > 0 && SPECIFIC.has(e.rule));
  return specific.length > 0 && specific.every((e) => e.rule === 'code');
}

/**
 * A match that a code alone carries (nothing else of the topic: no words, setting or operation of it) in a paste that
 * says more than the code and its message and shows nothing of containers (`codeOnlyOutsideContainers`): the paste is
 * about a program that printed the code, and nothing ties it to the topic; the topics that list the code are named as
 * leads instead (`diagnose`'s `leads`). A paste of only the code (and its message) asks what it means: still answered.
 * On the training pastes, as they are and judged as unseen ones fare, such answers were about no known issue each time
 * (an application's missing DLL, `net use` refused by a credential store); a right one, an HNS code in HNS's JSON, is a
 * code of the container stack (`codeOnlyOutsideContainers`).
 */
function isCodeAloneOutsideContainers(s: Scored, f: PasteFeatures): boolean {
  return codeOnlyOutsideContainers(s, f) && s.evidence.every((e) => e.weight <= 0 || e.rule === 'code') && saysMoreThanCodes(f);
}

/** Whether the paste has a term beside its codes and their messages: read once per paste, not once per topic asked. */
const saysMore = new WeakMap<PasteFeatures, boolean>();
function saysMoreThanCodes(f: PasteFeatures): boolean {
  let more = saysMore.get(f);
  if (more === undefined) saysMore.set(f, (more = termsOf(f.wordsText).length > 0));
  return more;
}

/**
 * How sure a match is, and what kept it from the next level up (undefined for "high"), as one ladder. Low when a
 * code alone names the failure outside containers (`codeOnlyOutsideContainers`), when nothing specific names a failure
 * (`namesAFailure`: words, a code of many causes, a setting asked about, a failure the topic does not explain), when
 * the paste may be another platform's (`crossPlatformOnly`) or the score is below `medium`. High only when, besides,
 * nothing in the paste belongs to another failure by the topic's own `against` texts (`no such host` after `failed to
 * get sandbox image` may still be that issue, but not surely), evidence written for this failure alone matched
 * (`isSignatureOfTheFailure`), no other match shown comes close (`runnerUp`, the next match's score: two near answers
 * are no sure one) and the score is high; otherwise medium.
 */
export function verdictOf(s: Scored, f: PasteFeatures, w: Weights, runnerUp = 0): { confidence: Match['confidence']; limitedBy?: ConfidenceLimit } {
  if (codeOnlyOutsideContainers(s, f)) return { confidence: 'low', limitedBy: 'other-program' };
  // Words alone, however many, are a lead to check, not a likely answer: on real pastes read before anything was
  // tuned on them, a top answer that only words (and settings) carried was right about one time in four.
  // The setting a question names helps words show a topic (`minScoreOf`), but is a lead too: on real pastes, an answer
  // it alone made "medium" was right one time in five (train side), the questions being about the setting, not a failure.
  if (!namesAFailure(s, f)) return { confidence: 'low', limitedBy: withoutAFailure(s, f) };
  // A specialised topic on evidence its orchestrator prints on every platform, in a paste with no mark of Windows, is a
  // lead too: of the six such "medium" answers on the training pastes judged without their own thread's signatures,
  // four were Linux nodes' `cni plugin not initialized` (on the training pastes as they are: two wrong of eight).
  if (crossPlatformOnly(s, f)) return { confidence: 'low', limitedBy: 'other-platform' };
  const notSure = whyNotSure(s, w, runnerUp);
  if (!notSure) return { confidence: 'high' };
  return s.score >= w.verdict.medium ? { confidence: 'medium', limitedBy: notSure } : { confidence: 'low', limitedBy: 'score' };
}

/** What keeps a match that names a failure from "high", or undefined when nothing does. */
function whyNotSure(s: Scored, w: Weights, runnerUp: number): ConfidenceLimit | undefined {
  if (s.evidence.some((e) => e.rule === 'against')) return 'against';
  if (!s.evidence.some((e) => e.weight > 0 && isSignatureOfTheFailure(e))) return 'phrase';
  if (runnerUp >= s.score * w.verdict.highMargin) return 'close';
  return s.score < w.verdict.high ? 'score' : undefined;
}

/** Why nothing specific names a failure (`namesAFailure` is false). */
function withoutAFailure(s: Scored, f: PasteFeatures): ConfidenceLimit {
  if (s.evidence.some((e) => e.rule === 'unexplained')) return 'unexplained';
  if (s.evidence.some((e) => e.weight > 0 && isCommonCode(e, f))) return 'common-code';
  if (f.asks && s.evidence.some((e) => e.weight > 0 && e.rule === 'setting')) return 'setting';
  return 'words';
}

/** How sure a match is (`verdictOf`). */
export const confidenceOf = (s: Scored, f: PasteFeatures, w: Weights, runnerUp = 0): Match['confidence'] => verdictOf(s, f, w, runnerUp).confidence;

/** What kept a match at its confidence from the next level up (`verdictOf`); undefined for "high". */
export const confidenceLimitOf = (s: Scored, f: PasteFeatures, w: Weights, runnerUp = 0): ConfidenceLimit | undefined => verdictOf(s, f, w, runnerUp).limitedBy;

/**
 * A match on something specific that names the failure (`namesAFailure`), at the `medium` score or above. Such a match
 * ranks above every match that is a lead only (words, a setting asked about, a common code), whatever their scores: words say what a paste is about, the failure's
 * own message or pattern, or a fact of its builds, what went wrong. On the training pastes a lead of words had outscored
 * a "medium" answer of the right topic three times (the Windows Server 2016 words of a paste whose build mismatch the
 * compatibility table explains; a Windows 10 release asked about, ranked under a question's isolation words); judged as
 * unseen pastes fare (`npm run eval`'s estimates), top-1 rose in both, and no "high" answer changed.
 */
const isLikely = (s: Scored, f: PasteFeatures, w: Weights): boolean => s.score >= w.verdict.medium && namesAFailure(s, f);

/**
 * The topics to show, best first (the likely ones, `isLikely`, before the leads): those that reach their threshold, none for a paste out of scope
 * (a Linux host or runtime, or words about another program), none far below the best one, at most `limit`.
 */
export function selectMatches(scored: Scored[], f: PasteFeatures, w: Weights, limit: number): Scored[] {
  if (f.scope.kind === 'linux' || f.scope.kind === 'unrelated') return [];
  const passing = scored.filter((s) => s.score >= minScoreOf(s, f, w) && !isCodeAloneOutsideContainers(s, f));
  const likely = new Set(passing.filter((s) => isLikely(s, f, w)));
  const shown = passing.sort((a, b) => Number(likely.has(b)) - Number(likely.has(a)) || b.score - a.score || a.topic - b.topic);
  const top = shown[0]?.score ?? 0;
  return shown.filter((s) => s.score >= top * w.verdict.relative).slice(0, limit);
}

/**
 * The matches to show (`selectMatches`, at most `limit`), best first, each with its verdict (`verdictOf`). Ranked once,
 * the two best whatever the limit, so that confidence does not depend on how many are asked for.
 */
export function judgeMatches(scored: Scored[], f: PasteFeatures, w: Weights, limit: number): ({ scored: Scored } & ReturnType<typeof verdictOf>)[] {
  const ranked = selectMatches(scored, f, w, Math.max(limit, 2));
  const [best, next] = ranked;
  return ranked.slice(0, limit).map((s) => ({ scored: s, ...verdictOf(s, f, w, s === best ? (next?.score ?? 0) : (best?.score ?? 0)) }));
}
