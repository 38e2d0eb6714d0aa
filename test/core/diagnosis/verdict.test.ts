// The bar a match must clear: something specific (code, phrase, pattern, fact) clears `show`; words
// alone need more, and the context of a specialised topic (Kubernetes, Swarm) says where a topic
// applies, not what failed, so it does not lift words over that bar.
import { describe, expect, it } from 'vitest';
import type { PasteFeatures } from '../../../src/core/diagnosis/features.js';
import type { Scored } from '../../../src/core/diagnosis/rules/index.js';
import type { Evidence } from '../../../src/core/diagnosis/types.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { confidenceLimitOf, confidenceOf, minScoreOf, selectMatches } from '../../../src/core/diagnosis/verdict.js';
import { WEIGHTS } from '../../../src/core/diagnosis/weights.js';
import { realKnowledgeBase } from '../../helpers/real-kb.js';

const ev = (rule: Evidence['rule'], weight: number): Evidence => ({ kind: 'keyword', matched: rule, signature: rule, weight, rule });
const scored = (...evidence: Evidence[]): Scored => ({ topic: 0, score: evidence.reduce((t, e) => t + e.weight, 0), evidence }) as unknown as Scored;
// A paste about containers (it names the engine) that shows no mark of Windows.
const failure = { failure: { flat: 'x failed', shown: 'x failed' }, asks: false, scope: { kind: 'unknown', signals: [] }, operations: new Map(), codes: [], showsContainers: true } as unknown as PasteFeatures;
const question = { asks: true, scope: { kind: 'unknown', signals: [] }, operations: new Map(), codes: [], showsContainers: true } as unknown as PasteFeatures;

describe('minScoreOf', () => {
  it('asks `show` of a specific match, context or not', () => {
    expect(minScoreOf(scored(ev('code', 6), ev('context', 3)), failure, WEIGHTS)).toBe(WEIGHTS.verdict.show);
  });
  it('asks of a code of many causes what it asks of words: it says something failed, not which issue', () => {
    const common = { ...ev('code', 2.4), code: { found: { manyCauses: true }, key: '0x80070490' } } as unknown as Evidence;
    expect(minScoreOf(scored(common, ev('operation', 1.5)), failure, WEIGHTS)).toBe(WEIGHTS.verdict.wordsOnlyFailure);
    // … unless the paste is only the code: then every topic listing it answers.
    expect(minScoreOf(scored(common), { ...failure, bareCodes: true } as PasteFeatures, WEIGHTS)).toBe(WEIGHTS.verdict.show);
    // A phrase of the issue beside it is specific.
    expect(minScoreOf(scored(common, ev('phrase', 4)), failure, WEIGHTS)).toBe(WEIGHTS.verdict.show);
  });
  it('asks more of words alone in a failure than in a question', () => {
    expect(minScoreOf(scored(ev('words', 5)), failure, WEIGHTS)).toBe(WEIGHTS.verdict.wordsOnlyFailure);
    expect(minScoreOf(scored(ev('words', 5)), question, WEIGHTS)).toBe(WEIGHTS.verdict.wordsOnlyCalm);
  });
  it('asks of the setting a question names what it asks of words: alone it is what is asked about, not a failure', () => {
    const asked = scored(ev('setting', WEIGHTS.setting.askedFirst));
    expect(minScoreOf(asked, question, WEIGHTS)).toBe(WEIGHTS.verdict.wordsOnlyCalm);
    expect(asked.score < minScoreOf(asked, question, WEIGHTS)).toBe(true);
    // With the topic's words it may still be shown, as a lead; with its message, as any specific match.
    const withWords = scored(ev('setting', WEIGHTS.setting.askedFirst), ev('words', 3));
    expect(withWords.score >= minScoreOf(withWords, question, WEIGHTS)).toBe(true);
    expect(minScoreOf(scored(ev('setting', 4), ev('phrase', 4)), question, WEIGHTS)).toBe(WEIGHTS.verdict.show);
  });
  it("shows no Kubernetes topic on words and the cluster's context where the paste shows and names nothing of Windows", () => {
    const kubernetes = { ...ev('context', WEIGHTS.context.found), kubernetes: true } as unknown as Evidence;
    const words = scored(ev('words', 6), kubernetes);
    expect(minScoreOf(words, failure, WEIGHTS)).toBe(Infinity);
    // A paste that says Windows (a mixed cluster, a node's name) or shows a mark of it is a Windows node's, as before.
    expect(minScoreOf(words, { ...failure, namesWindows: true } as PasteFeatures, WEIGHTS)).toBe(WEIGHTS.verdict.wordsOnlyFailure + WEIGHTS.context.found);
    expect(minScoreOf(words, { ...failure, scope: { kind: 'windows', signals: ['windows node'] } } as PasteFeatures, WEIGHTS)).toBe(WEIGHTS.verdict.wordsOnlyFailure + WEIGHTS.context.found);
    // Swarm's and containerd's contexts are not Kubernetes's: their nodes may all be Windows ones.
    expect(minScoreOf(scored(ev('words', 6), ev('context', WEIGHTS.context.found)), failure, WEIGHTS)).toBe(WEIGHTS.verdict.wordsOnlyFailure + WEIGHTS.context.found);
    // Something specific of the failure is judged as ever (crossPlatformOnly makes it a lead).
    expect(minScoreOf(scored(ev('phrase', 4), kubernetes), failure, WEIGHTS)).toBe(WEIGHTS.verdict.show);
  });
  it('does not let the context lift words alone over the bar', () => {
    const s = scored(ev('words', 4), ev('context', WEIGHTS.context.found));
    expect(s.score).toBeGreaterThan(WEIGHTS.verdict.wordsOnlyCalm);
    expect(minScoreOf(s, question, WEIGHTS)).toBe(WEIGHTS.verdict.wordsOnlyCalm + WEIGHTS.context.found);
    expect(s.score < minScoreOf(s, question, WEIGHTS)).toBe(true);
  });
});

describe('confidenceOf', () => {
  const strong = scored(ev('code', 6), ev('regex', 4));
  it('is high for a specific match well ahead of the next one', () => {
    expect(confidenceOf(strong, failure, WEIGHTS, 0)).toBe('high');
    expect(confidenceOf(strong, failure, WEIGHTS, strong.score * (WEIGHTS.verdict.highMargin - 0.01))).toBe('high');
  });
  it('is not high when its only specific evidence is a code of many causes (access denied, file not found)', () => {
    const common = { ...ev('code', 2.5), code: { found: { manyCauses: true }, key: '0x80070005' } } as unknown as Evidence;
    const s = scored(common, ev('words', WEIGHTS.verdict.high - 2));
    expect(s.score).toBeGreaterThanOrEqual(WEIGHTS.verdict.high);
    // Not even medium: the code cannot say which of its causes this is, and words alone are a lead.
    expect(confidenceOf(s, failure, WEIGHTS, 0)).toBe('low');
    // A paste of only that code asks about the code: the topic is a likely answer, not a sure one (the code has many causes).
    expect(confidenceOf(s, { ...failure, bareCodes: true } as PasteFeatures, WEIGHTS, 0)).toBe('medium');
    // A phrase of the issue beside it makes it likely; a pattern of the output makes it sure.
    expect(confidenceOf(scored(common, ev('phrase', 4), ev('words', WEIGHTS.verdict.high - 6.5)), failure, WEIGHTS, 0)).toBe('medium');
    expect(confidenceOf(scored(common, ev('regex', 4), ev('words', WEIGHTS.verdict.high - 6.5)), failure, WEIGHTS, 0)).toBe('high');
  });
  it("is not high when the paste shows a text the topic says belongs to another failure (its `against`)", () => {
    const s = scored(ev('phrase', 4), ev('regex', 4), ev('words', 6), ev('against', WEIGHTS.against.each));
    expect(s.score).toBeGreaterThanOrEqual(WEIGHTS.verdict.high);
    expect(confidenceOf(s, failure, WEIGHTS, 0)).toBe('medium');
  });
  it('is neither high nor medium for a specialised topic on a message every platform prints, in a paste that shows no Windows', () => {
    const k8s = scored(ev('phrase', 4), ev('regex', 4), ev('context', WEIGHTS.context.found), ev('words', 6));
    const unknown = { ...failure, scope: { kind: 'unknown', signals: [] } } as PasteFeatures;
    const windows = { ...failure, scope: { kind: 'windows', signals: ['windows node'] } } as PasteFeatures;
    // `cni plugin not initialized` reads the same on a Linux node: a lead, shown as such.
    expect(confidenceOf(k8s, unknown, WEIGHTS, 0)).toBe('low');
    expect(confidenceOf(k8s, windows, WEIGHTS, 0)).toBe('high');
    // A Windows code is Windows whatever else the paste shows.
    expect(confidenceOf(scored(ev('code', 6), ev('context', WEIGHTS.context.found), ev('phrase', 4)), unknown, WEIGHTS, 0)).toBe('high');
    // A topic of no particular setting is not concerned.
    expect(confidenceOf(strong, unknown, WEIGHTS, 0)).toBe('high');
  });
  it('is high only on evidence written for one failure: its code (not one of many causes), a pattern of its output or a version fact', () => {
    // Phrases found whole, however many: a message many pastes quote while asking about something else.
    const phrases = scored(ev('phrase', 4), ev('phrase', 2), ev('words', 6));
    expect(phrases.score).toBeGreaterThanOrEqual(WEIGHTS.verdict.high);
    expect(confidenceOf(phrases, failure, WEIGHTS, 0)).toBe('medium');
    for (const rule of ['code', 'regex', 'fact'] as const) expect(confidenceOf(scored(ev('phrase', 4), ev(rule, 4), ev('words', 4)), failure, WEIGHTS, 0), rule).toBe('high');
  });
  it('is low when a code is all that names the failure in a paste that shows nothing of containers', () => {
    const codeOnly = scored(ev('code', 6), ev('words', 5));
    const elsewhere = { ...failure, showsContainers: false } as PasteFeatures;
    expect(codeOnly.score).toBeGreaterThanOrEqual(WEIGHTS.verdict.high);
    // WSL's `0x80370102`, a credential store's `The stub received bad data`: the code, not a container.
    expect(confidenceOf(codeOnly, elsewhere, WEIGHTS, 0)).toBe('low');
    // A word of containers, a failed container operation, a mark of Windows or a paste of only codes: the code is the container's.
    expect(confidenceOf(codeOnly, failure, WEIGHTS, 0)).toBe('high');
    expect(confidenceOf(codeOnly, { ...elsewhere, operations: new Map([['docker start', 'docker start']]) } as PasteFeatures, WEIGHTS, 0)).toBe('high');
    expect(confidenceOf(codeOnly, { ...elsewhere, scope: { kind: 'windows', signals: ['servercore'], containers: true } } as PasteFeatures, WEIGHTS, 0)).toBe('high');
    // A mark that says only Windows (a prompt, a path) is no container's, nor is `net use`, which maps a share on any
    // Windows machine: `System error 1783` (`The stub received bad data`) after `PS C:\> net use` (kno-025).
    const windowsOnly = { ...elsewhere, scope: { kind: 'windows', signals: ['ps c:', 'c:\\'], containers: false } } as PasteFeatures;
    expect(confidenceLimitOf(codeOnly, windowsOnly, WEIGHTS, 0)).toBe('other-program');
    expect(confidenceLimitOf(codeOnly, { ...windowsOnly, operations: new Map([['netuse', 'net use']]) } as PasteFeatures, WEIGHTS, 0)).toBe('other-program');
    expect(confidenceOf(codeOnly, { ...windowsOnly, operations: new Map([['hnscall', 'hnsCall']]) } as PasteFeatures, WEIGHTS, 0)).toBe('high');
    // The topic's own setting in the paste (`Add-NetNatStaticMapping` failing with 1726 at a PS C:\> prompt) is the
    // container networking the topic is about (a regression tester: it had gone from medium to low).
    expect(confidenceLimitOf(scored(ev('code', 6), ev('setting', 1.5), ev('words', 5)), windowsOnly, WEIGHTS, 0)).not.toBe('other-program');
    expect(confidenceOf(codeOnly, { ...elsewhere, bareCodes: true } as PasteFeatures, WEIGHTS, 0)).toBe('high');
    // A message or pattern of the topic beside the code says more than the code.
    expect(confidenceOf(scored(ev('code', 6), ev('regex', 4)), elsewhere, WEIGHTS, 0)).toBe('high');
  });
  it('is not high when another match comes close', () => {
    expect(confidenceOf(strong, failure, WEIGHTS, strong.score * WEIGHTS.verdict.highMargin)).toBe('medium');
  });
  it('is never high, nor medium, for words alone', () => {
    expect(confidenceOf(scored(ev('words', 12)), failure, WEIGHTS, 0)).toBe('low');
    expect(confidenceOf(scored(ev('words', 8), ev('setting', 1.5), ev('operation', 1.5)), failure, WEIGHTS, 0)).toBe('low');
    // Something specific beside the words makes a score above the medium bar medium.
    expect(confidenceOf(scored(ev('phrase', 4), ev('words', 3)), failure, WEIGHTS, 0)).toBe('medium');
  });
  it('is low for the setting a question names, with no code, message, pattern or fact: it may be shown, as a lead', () => {
    const asks = { ...failure, failure: undefined, asks: true } as unknown as PasteFeatures;
    const setting = scored(ev('setting', 4), ev('words', 4), ev('keyword-phrase', 2));
    expect(setting.score).toBeGreaterThanOrEqual(WEIGHTS.verdict.high);
    expect(confidenceOf(setting, asks, WEIGHTS, 0)).toBe('low');
    expect(setting.score).toBeGreaterThanOrEqual(minScoreOf(setting, asks, WEIGHTS));
    // The same question with the topic's message in it makes the issue likely; with a pattern of its output, sure.
    expect(confidenceOf(scored(ev('setting', 4), ev('phrase', 4), ev('words', 4)), asks, WEIGHTS, 0)).toBe('medium');
    expect(confidenceOf(scored(ev('setting', 4), ev('regex', 4), ev('words', 4)), asks, WEIGHTS, 0)).toBe('high');
  });
});

describe('confidenceLimitOf', () => {
  const limit = (s: Scored, f: PasteFeatures, runnerUp = 0) => ({ level: confidenceOf(s, f, WEIGHTS, runnerUp), limit: confidenceLimitOf(s, f, WEIGHTS, runnerUp) });
  const common = { ...ev('code', 2.5), code: { found: { manyCauses: true }, key: '0x80070005' } } as unknown as Evidence;
  it('says nothing of a sure answer, and what kept every other at its level', () => {
    expect(limit(scored(ev('code', 6), ev('regex', 4)), failure)).toEqual({ level: 'high', limit: undefined });
    expect(limit(scored(ev('words', 12)), failure)).toEqual({ level: 'low', limit: 'words' });
    expect(limit(scored(common, ev('words', 6.5)), failure)).toEqual({ level: 'low', limit: 'common-code' });
    expect(limit(scored(ev('setting', 6)), question)).toEqual({ level: 'low', limit: 'setting' });
    expect(limit(scored(ev('phrase', 4), ev('words', 6), ev('unexplained', -1)), failure)).toEqual({ level: 'low', limit: 'unexplained' });
    expect(limit(scored(ev('code', 6), ev('words', 5)), { ...failure, showsContainers: false } as PasteFeatures)).toEqual({ level: 'low', limit: 'other-program' });
    const k8s = scored(ev('phrase', 4), ev('regex', 4), ev('context', WEIGHTS.context.found), ev('words', 6));
    expect(limit(k8s, failure)).toEqual({ level: 'low', limit: 'other-platform' });
    expect(limit(scored(ev('phrase', 4), ev('regex', 4), ev('words', 6), ev('against', WEIGHTS.against.each)), failure)).toEqual({ level: 'medium', limit: 'against' });
    expect(limit(scored(ev('phrase', 4), ev('phrase', 2), ev('words', 6)), failure)).toEqual({ level: 'medium', limit: 'phrase' });
    const strong = scored(ev('code', 6), ev('regex', 4));
    expect(limit(strong, failure, strong.score * WEIGHTS.verdict.highMargin)).toEqual({ level: 'medium', limit: 'close' });
    expect(limit(scored(ev('regex', 4), ev('words', 2)), failure)).toEqual({ level: 'medium', limit: 'score' });
    expect(limit(scored(ev('regex', 4)), failure)).toEqual({ level: 'low', limit: 'score' });
  });
});

// The same two rules on the real knowledge, pastes written for this test.
describe('confidence of a lead that may be another program or platform (real knowledge)', () => {
  const { kb } = realKnowledgeBase();
  const top = (text: string) => diagnose(kb, text).matches[0];
  it("shows no answer for the Hyper-V code where no container word surrounds it, and the same code in a container's failure sure", () => {
    // The Hyper-V message alone is WSL's and every VM program's too: hyperv-isolation-no-hypervisor needs a container.
    expect(top('The virtual machine could not be started because a required feature is not installed. (0x80370102)')).toBeUndefined();
    // The message without its code is the same failure seen, not a code asked about: no answer either.
    expect(top('The virtual machine could not be started because a required feature is not installed.')).toBeUndefined();
    const bare = top('The virtual machine could not be started because a required feature is not installed. (0x80370102)\nwhile starting the container');
    expect(bare?.id).toBe('hyperv-isolation-no-hypervisor');
    expect(bare?.confidence).not.toBe('low');
    const docker = top('PS C:\\> docker run --isolation=hyperv mcr.microsoft.com/windows/nanoserver:ltsc2022\ndocker: Error response from daemon: container 4be01a encountered an error during hcs::System::Start: failure in a Windows system call: The virtual machine could not be started because a required feature is not installed. (0x80370102).');
    expect(docker?.id).toBe('hyperv-isolation-no-hypervisor');
    expect(docker?.confidence).toBe('high');
    // A paste of only the code asks what it means: the topic stays a likely answer.
    expect(top('0x80370102')?.confidence).toBe('medium');
    // hcsshim's own operation, the word container in Chinese, Korean and Swedish, and Server Manager's role wizard are
    // a container's or Windows Server's too (a regression tester: each lost its answer to the needs).
    for (const paste of [
      'Error: hcs::System::Start: failure in a Windows system call: The virtual machine could not be started because a required feature is not installed. (0x80370102)',
      '启动容器失败：hcs::System::Start: 由于未安装所需功能，因此无法启动虚拟机。 (0x80370102)',
      '컨테이너를 시작하지 못했습니다: No hypervisor is present on this system. (0xc0351000)',
      'Hyper-V-isolering: Det finns ingen hypervisor i systemet. (0xC0351000) när jag startar behållaren',
      'Add Roles and Features Wizard: Hyper-V cannot be installed: The processor does not have required virtualization capabilities.',
    ])
      expect(top(paste)?.id, paste).toBe('hyperv-isolation-no-hypervisor');
  });
  it("gives no answer for a code alone in a paste about another program, and still answers the code asked about", () => {
    // An application that never starts, with the loader's code: nothing ties it to a container (the CLI names the
    // topics that list the code as leads).
    expect(diagnose(kb, 'On Windows 11 23H2 our label printer tool PrintAgent.exe never starts: every attempt ends with application error code 0xc0000135.').matches).toEqual([]);
    expect(diagnose(kb, 'PS C:\\> net use Z: \\\\fs01\\share /u:svc pass\nSystem error 1783 has occurred.\nThe stub received bad data.').matches).toEqual([]);
    // The code alone, or with its own message, asks what it means: a lead as before.
    expect(top('Error 0xc0000135')).toMatchObject({ id: 'vcredist-dedup-filter', confidence: 'low', limitedBy: 'other-program' });
    expect(top('The stub received bad data. (0x800706F7)')).toMatchObject({ id: 'wincred-token-too-long', limitedBy: 'other-program' });
    // An HNS code is the container stack's own: HNS's JSON answer names no other program.
    const hns = top('VERBOSE: Result : {"Error":"An adapter was not found. ","ErrorCode":2151350278,"Success":false} and the script stops there.');
    expect(hns?.id).toBe('external-vswitch-own-adapter');
    expect(hns?.limitedBy).not.toBe('other-program');
  });
  it("keeps a node's `cni plugin not initialized` a lead unless the paste shows the node is Windows", () => {
    const line = 'network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';
    expect(top(`Warning  NetworkNotReady  kubelet  ${line}`)).toMatchObject({ id: 'windows-node-notready-cni', confidence: 'low' });
    const windows = top(`E1203 kubelet.go:2855] ${line} (node win-node-1, Windows Server 2022, C:\\k\\kubelet.exe)`);
    expect(windows?.id).toBe('windows-node-notready-cni');
    expect(windows?.confidence).not.toBe('low');
  });
  it('reads Windows named in short ("win2019", "WS2022", a win- node, an AKS Windows node) as a Windows node, not a Linux one', () => {
    // A regression tester (isLinuxClusterByDefault): each lost its answer, a lead, for want of the word "Windows".
    const terminating = (pool: string) =>
      `Pods on our ${pool} are stuck in Terminating for 10 minutes after every rollout; the kubelet never finishes killing the containers and only kubectl delete pod --grace-period=0 --force removes them.`;
    // The same paste that says "Windows" gets the topic: the short forms must do what the word does.
    expect(top(terminating('Windows nodes'))?.id).toBe('k8s-pod-stuck-terminating-windows');
    // "hang in Terminating" is the topic's own symptom, a keyword phrase ("in terminating") that explains the failure
    // line: without it the line's other words, common to every Kubernetes topic, fell under the bar once four more
    // Kubernetes topics were written (the words' rarity is counted over the topics).
    expect(top('Since we upgraded AKS to 1.27 the pods on our Windows node pool hang in Terminating for 10 minutes or more after a rollout.\norders-api-7d9c6b5f4d-2xkqz   0/1     Terminating   0          2d\nOnly kubectl delete pod --grace-period=0 --force gets rid of them.')?.id).toBe('k8s-pod-stuck-terminating-windows');
    for (const pool of ['win2019 node pool', 'WS2022 node pool', 'win-22 node pool', 'node pool (aksnpwin000002)'])
      expect(top(terminating(pool))?.id, pool).toBe('k8s-pod-stuck-terminating-windows');
    expect(top('Our .NET Framework pods on the WS2022 nodes fail their first DNS lookups right after the pod starts: for the first 5-10 seconds every call fails with "No such host is known", then name resolution works. AKS 1.29.')?.id).toBe('windows-pod-dns-fails-first-second');
    // Nothing of Windows, or "win" inside another word (darwin, winget, twin) or SQL Server's release: a Linux node's, as before.
    for (const pool of ['default node pool', 'twin node pool', 'winget node pool', 'SQL Server 2019 node pool', 'node pool (aks-nodepool1-12345678-vmss000000)'])
      expect(top(terminating(pool)), pool).toBeUndefined();
  });
  it('does not read "win" the English word or a .NET runtime identifier as a Windows node (a second regression tester)', () => {
    const terminating = (aside: string) =>
      `Pods of the checkout deployment hang in Terminating for 10+ minutes on every rollout (EKS 1.30, ip-10-0-3-14.ec2.internal). ${aside}`;
    // The control: the same paste naming a Windows node gets the topic.
    expect(top(terminating('They all run on the win-wrk-03 node.'))?.id).toBe('k8s-pod-stuck-terminating-windows');
    for (const aside of ['Any quick win before we dig into the preStop hooks?', 'A win-win fix would be great.', 'The image is built with dotnet publish -r win-x64 by mistake sometimes.', 'The wheel we ship is cp311-win_amd64.'])
      expect(top(terminating(aside)), aside).toBeUndefined();
  });
});

describe('selectMatches', () => {
  const at = (topic: number, ...evidence: Evidence[]) => ({ ...scored(...evidence), topic }) as Scored;
  it('ranks a likely match (something specific, at the medium score) above a lead of words that scores more', () => {
    const lead = at(1, ev('words', 6), ev('setting', 1.5));
    const likely = at(2, ev('fact', 5), ev('words', 2));
    expect(lead.score).toBeGreaterThan(likely.score);
    expect(selectMatches([lead, likely], failure, WEIGHTS, 5).map((s) => s.topic)).toEqual([2, 1]);
  });
  it('ranks by score among likely matches, among leads, and a specific match under the medium score with the leads', () => {
    const a = at(1, ev('regex', 4), ev('words', 4));
    const b = at(2, ev('phrase', 4), ev('words', 3));
    expect(selectMatches([b, a], failure, WEIGHTS, 5).map((s) => s.topic)).toEqual([1, 2]);
    const lead = at(3, ev('words', 6), ev('setting', 1.5));
    const weak = at(4, ev('phrase', 4), ev('words', 1));
    expect(weak.score).toBeLessThan(WEIGHTS.verdict.medium);
    expect(selectMatches([weak, lead], failure, WEIGHTS, 5).map((s) => s.topic)).toEqual([3, 4]);
  });
});
