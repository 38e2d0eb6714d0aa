// One row per evidence rule: a paste where the rule records evidence of a known weight for a topic,
// and whose verdict changes when the rule is left out of the registry. Removing a rule, or breaking
// what it finds or weighs, fails its row.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOfTag, resolveName } from '../../../../src/core/compat/versions.js';
import { diagnose, diagnosisIndexOf } from '../../../../src/core/diagnosis/diagnose.js';
import { readFeatures } from '../../../../src/core/diagnosis/features.js';
import { scoreTopics } from '../../../../src/core/diagnosis/rank.js';
import { EVIDENCE_RULES } from '../../../../src/core/diagnosis/rules/index.js';
import { regexRule } from '../../../../src/core/diagnosis/rules/regex.js';
import { WEIGHTS } from '../../../../src/core/diagnosis/weights.js';
import type { RuleId } from '../../../../src/core/diagnosis/types.js';
import { kb, scoredFor, verdictOf } from './helpers.js';

interface Row {
  rule: RuleId;
  paste: string;
  topic: string;
  /** The weight of the rule's evidence for the topic (to two decimals, or `digits`). */
  weight?: number;
  digits?: number;
  /**
   * For a gate: the fraction of the score it keeps, so that its weight is the score before it times
   * (keeps − 1), whatever the words before it weigh (they move a little with every topic added).
   */
  keeps?: number;
  /** For a gate that also weighs (against): the weight added to the gate's. */
  plus?: number;
}

const ROWS: Row[] = [
  { rule: 'code', paste: '-1070137087', topic: 'version-mismatch-error', weight: 6 },
  { rule: 'code', paste: 'net use Z: \\\\srv01\\share\nSystemfel 1223 har uppstått.', topic: 'net-use-error-1223', weight: 4.8 },
  { rule: 'phrase', paste: '컨테이너에서 이벤트 로그를 사용할 수 없습니다 get-eventlog 오류', topic: 'eventlog-unavailable', weight: 4 },
  { rule: 'setting', paste: 'Nano Server 컨테이너 호스트에서 exit 를 입력하면 원격 세션이 끊어집니다', topic: 'nano-server-exit-session', weight: 1.5 },
  // Both name Windows: a cluster's words with nothing of Windows are a Linux node's (verdict.ts, isLinuxClusterByDefault).
  { rule: 'setting', paste: 'kubectl describe pod on my Windows node shows what?', topic: 'k8s-pod-os-mismatch', weight: 4 },
  // A plea that asks nothing of its own ("…, any idea?") makes no question: the setting stays weak.
  { rule: 'setting', paste: 'My Windows pods never start and kubectl describe pod lists them all, any idea?', topic: 'k8s-pod-os-mismatch', weight: 1.5 },
  { rule: 'keyword-phrase', paste: 'Nano Server 컨테이너 호스트에서 exit 를 입력하면 원격 세션이 끊어집니다', topic: 'nano-server-exit-session', weight: 2 },
  { rule: 'keyword-phrase', paste: 'how do I clean up stale endpoints', topic: 'hns-stale-endpoint-after-reboot', weight: 2 }, // the keyword "stale endpoint", in the plural
  { rule: 'regex', paste: 'docker run --network=mynet --ip6 fd00::20 myimage: options not supported on Windows?', topic: 'unsupported-network-options', weight: 4 },
  // A long path's \\?\ prefix, which a paste may carry with one backslash fewer once its escapes are read (train-side t46-051).
  { rule: 'regex', paste: 'failed to register layer: re-exec error: exit status 1: output: ProcessUtilityVMImage \\\\?\\C:\\ProgramData\\Docker\\windowsfilter\\9f3c\\UtilityVM: Incorrect function.', topic: 'layer-import-path-not-found', weight: 4 },
  // Words weigh by their rarity among all topics: the figure moves a little with every topic added, so one decimal.
  { rule: 'words', paste: '容器启动非常缓慢，超过 30 秒，怀疑是防病毒软件扫描', topic: 'slow-start-antivirus', weight: 6.53, digits: 1 },
  {
    rule: 'fact',
    paste: 'PS C:\\> docker run mcr.microsoft.com/windows/servercore:ltsc2022 cmd\nMicrosoft Windows [Version 10.0.17763.5830]\ndocker: Error response from daemon: container encountered an error during CreateContainer: The container operating system does not match the host operating system.',
    topic: 'version-mismatch-error',
    weight: 5,
  },
  // A Windows image pulled by an engine that runs Linux containers (a Unix prompt's sudo), whatever the engine printed.
  {
    rule: 'fact',
    paste: 'simon@build-01:~/shop$ sudo docker pull mcr.microsoft.com/dotnet/framework/aspnet:4.8\n4.8: Pulling from dotnet/framework/aspnet\n8f616e6e9eec: Downloading\nunknown blob',
    topic: 'windows-image-on-linux-engine',
    weight: 5,
  },
  // The same pull told with no mark of the engine: a Windows base image stopping at `unknown blob` (its foreign layers
  // asked of the registry), where nothing shows a Windows host or a registry between.
  {
    rule: 'fact',
    paste: 'Expected: the nanoserver image is downloaded.\nActual: the download of microsoft/nanoserver stops with "unknown blob".\nDocker 1.13.0 on my Windows 10 laptop.',
    topic: 'windows-image-on-linux-engine',
    weight: 5,
  },
  { rule: 'context', paste: 'docker service ls\nID             NAME      MODE         REPLICAS   IMAGE\nq2w3e4r5t6y7   web       replicated   0/3        contoso/web:1809', topic: 'swarm-service-wont-start', weight: 3 },
  { rule: 'missing-context', paste: '0xc0370101', topic: 'k8s-pod-os-mismatch', weight: -1 },
  {
    rule: 'missing-context',
    paste: 'container 7ab14c9e encountered an error during CreateContainer: failure in a Windows system call: The operating system of the container does not match the operating system of the host. (0xc0370101)',
    topic: 'k8s-pod-os-mismatch',
    weight: -3, // half of what the topic had before the gate (its code); the operation comes after it
  },
  // A topic that needs containers (signatures.needs), in a paste about a program that is no container: the same gate.
  {
    rule: 'missing-context',
    paste: 'tftpd64 cannot listen on its port 2994: netsh interface ipv4 show excludedportrange protocol=tcp lists 2912-3011 as excluded',
    topic: 'host-port-reserved-or-in-use',
    keeps: 0.25,
  },
  { rule: 'against', paste: 'kubectl describe pod web: Failed to create pod sandbox: The operating system of the container does not match the operating system of the host. (0xc0370101) docker service', topic: 'k8s-pod-os-mismatch', keeps: 0.3, plus: -4 },
  { rule: 'operation', paste: 'net use Z: \\\\srv01\\share\nSystemfel 1223 har uppstått.', topic: 'net-use-error-1223', weight: 1.5 },
  // hcsshim's name of the engine's CreateContainer step: a topic listing either one is at that step.
  { rule: 'operation', paste: 'Error response from daemon: hcsshim::CreateComputeSystem web: The paging file is too small for this operation to complete.', topic: 'container-paging-file-too-small', weight: 1.5 },
  // containerd's words for a failed pull (here with its platform refusal) are the pull operation too.
  { rule: 'operation', paste: 'ctr: failed to pull and unpack image "docker.io/library/redis:7": no match for platform in manifest: not found', topic: 'linux-image-on-windows-engine', weight: 1.5 },
  { rule: 'elsewhere', paste: 'network create failed: HNS failed with error : 0x800705b4', topic: 'processor-count-start-timeout', weight: -3 },
  { rule: 'unexplained', paste: 'docker run -it mcr.microsoft.com/windows/servercore:ltsc2022 cmd fails: The paging file is too small for this operation to complete. (0x800705af)', topic: 'choose-image-tag', keeps: 0.35 },
  {
    rule: 'version',
    paste: 'win-node-1 NotReady v1.31.1 containerd://1.7.20\nlevel=warning msg="failed to load plugin" error="invalid cri image config: `mirrors` cannot be set when `config_path` is provided" id=io.containerd.podsandbox.controller.v1.podsandbox',
    topic: 'containerd-config-migration',
    weight: -3, // containerd 1.7 predates the 2.0 config migration the topic is about
  },
  // The weight lifts the topic to the other's score plus the margin, so it moves with the words: subsumed.test.ts checks the sum.
  { rule: 'subsumed', paste: 'docker pull nginx\nUsing default tag: latest\nlatest: Pulling from library/nginx\nno matching manifest for windows/amd64 10.0.17763 in the manifest list entries', topic: 'linux-image-on-windows-engine' },
  { rule: 'specialised', paste: 'swarm: The operating system of the container does not match the operating system of the host. (0xc0370101)', topic: 'swarm-service-wont-start', weight: 1.5 },
  { rule: 'kind', paste: 'Error response from daemon: no matching manifest for windows/amd64 10.0.17763 in the manifest list entries', topic: 'choose-image-tag', weight: -1.2 },
];

describe('the evidence rules registry', () => {
  it('has one rule per id, each with a description and a file of its own', () => {
    const ids = EVIDENCE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of EVIDENCE_RULES) expect(r.describe.length, r.id).toBeGreaterThan(20);
    const files = readdirSync(new URL('../../../../src/core/diagnosis/rules/', import.meta.url)).filter((f) => !['index.ts', 'types.ts'].includes(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...ids].sort());
  });

  it('has a row in this table for every rule', () => {
    expect([...new Set(ROWS.map((r) => r.rule))].sort()).toEqual(EVIDENCE_RULES.map((r) => r.id).sort());
  });

  it('rules read earlier evidence by its rule id, never by its display text or kind', () => {
    const dir = new URL('../../../../src/core/diagnosis/rules/', import.meta.url);
    for (const f of readdirSync(dir)) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      expect(text, f).not.toMatch(/\.signature\s*===|\.kind\s*===|e\.kind\b/);
    }
  });
});

describe.each(ROWS.map((r) => [r.rule, r.topic, r] as const))('rule %s (%s)', (rule, topic, row) => {
  it('records its evidence with its weight', () => {
    const s = scoredFor(row.paste).get(topic);
    const mine = s?.evidence.filter((e) => e.rule === rule) ?? [];
    expect(mine.length, `${rule} evidence for ${topic}`).toBeGreaterThan(0);
    const weight = mine.reduce((t, e) => t + e.weight, 0);
    if (row.keeps !== undefined) {
      const at = s!.evidence.indexOf(mine[0]!);
      const before = s!.evidence.slice(0, at).reduce((t, e) => t + e.weight, 0);
      expect(before).toBeGreaterThan(0);
      expect(weight).toBeCloseTo(before * (row.keeps - 1) + (row.plus ?? 0), 2);
    } else if (row.weight !== undefined) expect(weight).toBeCloseTo(row.weight, row.digits ?? 2);
  });

  it('changes the verdict when left out of the registry', () => {
    const without = EVIDENCE_RULES.filter((r) => r.id !== rule);
    expect(verdictOf(row.paste, without)).not.toEqual(verdictOf(row.paste));
  });
});

describe('the containers context (vocabulary.yaml)', () => {
  it('a paste about Dockerfiles is about containers, in the plural too (train-side t46-021 lost its topic to the missing context)', () => {
    const rulesOf = (paste: string) => scoredFor(paste).get('container-tls12-not-enabled')?.evidence.map((e) => e.rule) ?? [];
    const paste = (what: string) => `Since the site dropped TLS 1.1, our ${what} that call Invoke-WebRequest fail on Windows Server 2016 unless [Net.ServicePointManager]::SecurityProtocol is set to Tls12 first.`;
    expect(rulesOf(paste('Windows Dockerfiles'))).not.toContain('missing-context');
    expect(rulesOf(paste('Windows Dockerfile'))).not.toContain('missing-context');
    expect(rulesOf(paste('deployment scripts'))).toContain('missing-context');
  });
});

describe("the containers context: a Dockerfile's RUN instruction named in words (vocabulary.yaml)", () => {
  it('a RUN instruction runs in a container, so a topic that needs containers keeps its score; a run step may be a CI workflow\'s', () => {
    const rulesOf = (paste: string) => scoredFor(paste).get('container-tls12-not-enabled')?.evidence.map((e) => e.rule) ?? [];
    const paste = (where: string) => `Building our image on a Windows Server 2016 host, ${where} that downloads the installer with Invoke-WebRequest fails:\nInvoke-WebRequest : The request was aborted: Could not create SSL/TLS secure channel.`;
    expect(rulesOf(paste('the RUN instruction'))).not.toContain('missing-context');
    expect(rulesOf(paste('each of the RUN instructions'))).not.toContain('missing-context');
    // GitHub Actions calls its `run:` entries run steps (a regression tester: a runner's TLS failure read as a container's).
    const runner = 'In our GitHub Actions workflow on windows-2019, the run step that calls Invoke-WebRequest to download the installer fails:\nInvoke-WebRequest : The request was aborted: Could not create SSL/TLS secure channel.';
    expect(scoredFor(runner).get('container-tls12-not-enabled')?.evidence.map((e) => e.rule) ?? ['missing-context']).toContain('missing-context');
    // A step of a deployment script is no container's.
    expect(rulesOf(paste('the script step'))).toContain('missing-context');
  });
});

describe("train-side pastes that got no answer: the words and messages their topics lacked", () => {
  const top = (paste: string) => verdictOf(paste)[0]?.split(' ')[0];
  const keywordsOf = (paste: string, topic: string) => scoredFor(paste).get(topic)?.evidence.filter((e) => e.rule === 'keyword-phrase').map((e) => e.matched) ?? [];
  // Train-side pastes that got no answer (t49-035, c8t-049) or a lead only (c27t-016) said so; these are our own words.
  it("a Hyper-V container's 1 GB ceiling called a memory limit", () => {
    const paste = 'Our CI job builds in a Windows container on a Windows 11 laptop and the compiler dies: it looks like a 1GB memory limit that I cannot raise.';
    expect(keywordsOf(paste, 'hyperv-container-default-memory')).toContain('1gb memory limit');
    expect(top(paste)).toBe('hyperv-container-default-memory');
  });
  it('a custom network that comes back from a reboot with a different ID', () => {
    const paste = 'After each reboot of the host the nat network our stack made returns with a different ID, and the containers attached to it with a restart policy never start.';
    expect(keywordsOf(paste, 'stale-network-id-after-restart')).toContain('different id');
    expect(top(paste)).toBe('stale-network-id-after-restart');
  });
  it("Testcontainers refusing an engine in Windows-containers mode (its OSType check), not another tool's refusal of Windows", () => {
    const log = '2021-03-04 10:11:12.345  WARN 4242 --- [    Test worker] o.t.d.DockerClientProviderStrategy       : windows is currently not supported';
    const thrown = 'NpipeSocketClientProviderStrategy: failed with exception InvalidConfigurationException (windows containers are currently not supported)';
    expect(top(log)).toBe('linux-image-on-windows-engine');
    expect(top(thrown)).toBe('linux-image-on-windows-engine');
    expect(top('Error: Windows is currently not supported by this installer.')).not.toBe('linux-image-on-windows-engine');
  });
  it("a container network left behind after its virtual switch is gone", () => {
    const paste = 'Remove-ContainerNetwork fails for the old nat network on our Server 2016 host; Hyper-V Manager shows its virtual switch no longer exists.';
    expect(keywordsOf(paste, 'hns-store-corrupted-cleanup')).toContain('virtual switch no longer exists');
    expect(top(paste)).toBe('hns-store-corrupted-cleanup');
  });
  it('Hyper-V isolation asked of a host where Hyper-V is not installed', () => {
    const paste = 'Since the update the helper creates the container with Hyper-V isolation, but Hyper-V is not installed on this build server, so creating it fails.';
    expect(keywordsOf(paste, 'hyperv-isolation-no-hypervisor')).toContain('hyper-v is not installed');
  });
});

describe("the containers context: hcsshim's wording of a failed call (vocabulary.yaml)", () => {
  it("a failed call as hcsshim words it is a container's, so a topic that needs containers keeps its score", () => {
    const rulesOf = (paste: string) => scoredFor(paste).get('hyperv-isolation-no-hypervisor')?.evidence.map((e) => e.rule) ?? [];
    expect(rulesOf('failure in a Windows system call: No hypervisor is present on this system.')).not.toContain('missing-context');
    expect(rulesOf('The emulator does not start: No hypervisor is present on this system.')).toContain('missing-context');
  });
});

describe("the HNS load balancers context (vocabulary.yaml): kube-proxy's load balancers are Kubernetes'", () => {
  const rulesOf = (paste: string, topic: string) => scoredFor(paste).get(topic)?.evidence.map((e) => e.rule) ?? [];
  const lost = 'kube-proxy-hns-loadbalancers-lost';
  const stale = 'kube-proxy-stale-hns-loadbalancers';
  const sibling = 'kube-proxy-deletes-local-endpoint-ip-reuse';

  it('a Kubernetes paste gives the load-balancer topics the context their kube-proxy siblings get, not only those', () => {
    const paste = 'On our Windows worker nodes, kube-proxy runs but the ClusterIP services stop answering from the pods an hour after each deployment; the HNS load balancers are gone.';
    expect(rulesOf(paste, sibling)).toContain('context');
    expect(rulesOf(paste, lost)).toContain('context');
    expect(rulesOf(paste, stale)).toContain('context');
  });

  it("the node's own count or call of HNS load balancers shows the context without a Kubernetes word", () => {
    const counts = '09:14 - loadbalancers: 211\n09:15 - loadbalancers: 211\n09:16 - loadbalancers: 2';
    expect(rulesOf(counts, lost)).toContain('context');
    expect(rulesOf(counts, lost)).not.toContain('missing-context');
    const call = 'hcnCreateLoadBalancer failed in Win32: Cannot create a file when that file already exists. (0x800700b7)';
    expect(rulesOf(call, lost)).not.toContain('missing-context');
  });

  it("hnsdiag's other listings are every HNS user's: no context there", () => {
    expect(rulesOf('After a reboot, hnsdiag list endpoints shows the old endpoints of the nat network, and loadbalancer policies are empty.', lost)).not.toContain('context');
  });
});

describe("keyword phrases name a topic's failure or subject, not the set-up every paste of a kind names", () => {
  const keywordsOf = (paste: string, topic: string) =>
    (scoredFor(paste).get(topic)?.evidence ?? []).filter((e) => e.rule === 'keyword-phrase').map((e) => String(e.matched).toLowerCase());

  it("Docker Desktop is most client machines' engine: no keyword of the client-host compatibility table", () => {
    const paste = 'Docker Desktop on my laptop: the switch to Windows containers finishes, but every container then fails to start and the Hyper-V isolation error says the virtual machine could not start.';
    expect(keywordsOf(paste, 'windows-client-host-compat')).not.toContain('docker desktop');
    // The client host's own name still is.
    expect(keywordsOf('Can ltsc2022 images run with process isolation on Windows 11?', 'windows-client-host-compat')).toContain('windows 11');
  });

  it("Docker for Windows is the product every such machine runs: a question naming it is not about its DockerNAT switch", () => {
    const question = 'Is Docker for Windows able to run Linux and Windows containers side by side, or do I have to switch every time?';
    expect(keywordsOf(question, 'dockernat-moby-vm')).not.toContain('docker for windows');
    expect(verdictOf(question).map((v) => v.split(' ')[0])).not.toContain('dockernat-moby-vm');
    // Its own names still are its keywords.
    expect(keywordsOf('Containers lose their network after the DockerNAT switch was removed with the Moby Linux VM.', 'dockernat-moby-vm')).toContain('moby linux vm');
  });
});

describe('the kind gate', () => {
  it("leaves a reference topic whole where the paste holds the topic's own long failure message", () => {
    const message = 'docker: Error response from daemon: Windows client operating systems earlier than version 1809 can only run Hyper-V containers.';
    const rulesOf = (paste: string) => scoredFor(paste).get('windows-client-host-compat')?.evidence.map((e) => e.rule) ?? [];
    expect(rulesOf(`PS C:\\> docker run --isolation=process mcr.microsoft.com/windows/servercore:1803 cmd /c ver\n${message}`)).not.toContain('kind');
    // A short phrase of the topic in a stated failure does not exempt it.
    expect(rulesOf('docker run failed on Windows 10 version 1803: process isolation is not supported')).toContain('kind');
  });
  it('leaves it whole where a message, pattern or fact of its own says that something failed', () => {
    const kindOf = (paste: string, topic: string) => scoredFor(paste).get(topic)?.evidence.some((e) => e.rule === 'kind');
    // The Windows engine has no `bridge` network: "network bridge not found" is network-drivers' own failure (c24t-018).
    expect(kindOf("Creating the container from Portainer's defaults fails: Error response from daemon: network bridge not found", 'network-drivers')).toBe(false);
    expect(kindOf('PS C:\\> docker network create -d bridge mynet\nError response from daemon: plugin not found', 'network-drivers')).toBe(false);
    // A fact that says the image is incompatible with the host is the compatibility table's failure.
    expect(kindOf('docker pull failed: a Windows version 10.0.20348-based image is incompatible with a 10.0.19045 host', 'windows-client-host-compat')).toBe(false);
    // A refusal in the words of what is allowed ("… only support Hyper-V containers", "… can only run …") says it failed.
    expect(kindOf('Error response from daemon: Windows client operating systems only support Hyper-V containers.', 'windows-client-host-compat')).toBe(false);
    // A message that says what was asked for, not that it failed ("no matching manifest for windows"), does not exempt it.
    expect(kindOf('Error response from daemon: no matching manifest for windows/amd64 10.0.17763 in the manifest list entries', 'choose-image-tag')).toBe(true);
  });
});

describe('a pattern match longer than what is shown', () => {
  it('is cut for display, and kept whole for the gates that read it (a code message it quotes)', () => {
    const id = 'a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef';
    const paste = `Error response from daemon: failed to remove root filesystem for ${id}: remove C:\\ProgramData\\docker\\containers\\${id}\\${id}-json.log: The process cannot access the file because it is being used by another process.`;
    const e = scoredFor(paste).get('k8s-pod-stuck-terminating-windows')?.evidence.find((x) => x.rule === 'regex');
    expect(e?.matched.length).toBe(120);
    expect(e?.whole?.startsWith(e.matched)).toBe(true);
    expect(e?.whole).toMatch(/being used by another process$/);
  });
});

describe('a message broken over lines', () => {
  it('still matches when kubelet or Markdown puts the Windows error a line or two below its context', () => {
    const id = 'cdce17ef7168b13b58d9409524324d0067f46a554979cfea0db7f6a2fcc0627d';
    const paste = `RemoveContainer "${id}" from runtime service failed: rpc error: code = Unknown desc = failed to remove container "${id}":\n\nError response from daemon: unable to remove filesystem for ${id}: \n\nCreateFile C:\\ProgramData\\docker\\containers\\${id}\\${id}-json.log: Access is denied.`;
    expect(scoredFor(paste).get('k8s-pod-stuck-terminating-windows')?.evidence.some((x) => x.rule === 'regex')).toBe(true);
    // … but not when the error is further away than that, in another message.
    const far = paste.replace('\n\nCreateFile', '\n1\n2\n3\n4\nCreateFile');
    expect(scoredFor(far).get('k8s-pod-stuck-terminating-windows')?.evidence.some((x) => x.rule === 'regex') ?? false).toBe(false);
  });
});

describe('the regex rule tries only the patterns whose first clause a reading of the paste holds', () => {
  it('records the same evidence, in the same order, as trying every pattern of every topic on every paste', () => {
    const index = diagnosisIndexOf(kb);
    // Every pattern with no clause known: each is tried, in the order of the topics and their patterns.
    const everyPattern = Object.create(index, {
      matchers: { value: index.matchers.map((m) => ({ ...m, patterns: m.patterns.map((p) => ({ ...p, literals: undefined })) })) },
    }) as typeof index;
    const pastes = [
      ...readFileSync(new URL('../../../fixtures/errors/cases.jsonl', import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text),
      // A localized catalogue message (read in English too), and a wrapped line.
      'hcsshim::PrepareLayer - failed failed in Win32: 找不到元素。 (0x490)',
      'docker: Error response from daemon: failed to create endpoint web on network nat: hnsCall failed in Win32: The remote pro\ncedure call failed. (0x6be).',
    ];
    const regexEvidence = (i: typeof index, paste: string) => {
      const f = readFeatures(index, paste, (tag) => buildOfTag(kb.compat, tag), WEIGHTS, (name) => resolveName(kb.compat, name)?.build);
      return scoreTopics(i, f, [regexRule]).map((s) => [index.matchers[s.topic]!.topic.id, s.evidence.map((e) => `${e.matched} ${e.weight}`)]);
    };
    let found = 0;
    for (const paste of pastes) {
      const got = regexEvidence(index, paste);
      expect(got, paste.slice(0, 80)).toEqual(regexEvidence(everyPattern, paste));
      found += got.length;
    }
    expect(found).toBeGreaterThan(200);
  });
});

describe('the words evidence shows each word of the paste once', () => {
  it('leaves out the part of a hyphenated word that is shown whole ("Hyper-V", not "Hyper-V, Hyper")', () => {
    const m = diagnose(kb, 'Error response from daemon: filesystem operations against a running Hyper-V container are not supported').matches[0];
    const words = m?.evidence.find((e) => e.rule === 'words')?.matched ?? '';
    expect(words.split(', ')).toContain('Hyper-V');
    expect(words.split(', ')).not.toContain('Hyper');
  });
});
