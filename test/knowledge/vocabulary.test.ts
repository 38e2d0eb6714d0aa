// The operation vocabulary lives once, in knowledge/vocabulary.yaml: every name the recognisers
// produce is in it, every name in it can be produced, and kb check refuses a topic naming another.
import { describe, expect, it } from 'vitest';
import { assembleKnowledgeBase } from '../../src/core/knowledge/assemble-kb.js';
import { OPERATIONS, operationKey, recognise } from '../../src/core/diagnosis/recognise.js';
import { realKnowledgeBase, realKnowledgeInput } from '../helpers/real-kb.js';

const input = realKnowledgeInput();
// The real knowledge base as the global setup assembled it once for the run (from the same input).
const { kb } = realKnowledgeBase();
const names = new Set((kb.vocabulary?.operations ?? []).map((o) => operationKey(o.name)));

describe('the operation vocabulary', () => {
  it('is in the knowledge base, with its failure sites', () => {
    expect(names.size).toBeGreaterThan(20);
    // CreateComputeSystem and CreateContainer are one operation (one key): see the next test.
    expect([...new Set(kb.vocabulary?.operations.filter((o) => o.site).map((o) => operationKey(o.name)))].sort()).toEqual(
      ['createcontainer', 'createendpoint', 'createprocess', 'exec', 'hnscall', 'netuse', 'networkcreate', 'preparelayer', 'pull', 'start', 'startcontainer'],
    );
  });

  it("reads hcsshim's CreateComputeSystem and the engine's CreateContainer as one operation", () => {
    expect(operationKey('CreateComputeSystem')).toBe(operationKey('CreateContainer'));
    expect(operationKey('CreateProcess')).not.toBe(operationKey('CreateContainer'));
  });

  it('holds every fixed name a recogniser produces', () => {
    const fixed = OPERATIONS.map(([, out]) => out).filter((o) => !o.includes('$1') && o !== '$0');
    for (const o of fixed) expect(names, o).toContain(operationKey(o));
  });

  it.each([
    ['docker: Error response from daemon: container 1 encountered an error during CreateContainer: failure', 'CreateContainer'],
    ['hcsshim::System::CreateProcess failed', 'CreateProcess'],
    ['docker service create --name web iis', 'service create'],
    ['docker service update --image x web', 'service update'],
    ['docker-compose -f a.yml up', 'compose up'],
    ['docker build -t x .', 'docker build'],
    ['docker network connect nat web', 'network connect'],
    ['Start-Container web', 'Start-Container'],
    // Named as the paste writes it, and the same operation as hnsCall.
    ['failed to create endpoint web on network nat: HNS failed with error : Element not found.', 'hnsCall'],
  ])('a paste produces a name of the vocabulary: %s', (paste, op) => {
    const ops = recognise(paste).operations.map(operationKey);
    expect(ops).toContain(operationKey(op));
    for (const o of ops) expect(names, o).toContain(o);
  });

  it('kb check refuses a topic naming an operation no recogniser produces', () => {
    const topics = input.topics.map((f) =>
      f.file.endsWith('/local-users.yaml') ? { ...f, data: { ...(f.data as object), signatures: { ...(f.data as { signatures: object }).signatures, operations: ['net user'] } } } : f,
    );
    const { problems } = assembleKnowledgeBase({ ...input, topics });
    expect(problems).toContainEqual({ file: 'knowledge/topics/local-users.yaml', field: 'signatures.operations[0]', message: expect.stringMatching(/"net user" is no operation the recognisers name/) });
  });
});

describe('the contexts by name', () => {
  it('a topic names its contexts; the knowledge base holds their words', () => {
    // Each context has a kebab-case name and words; the ones the engine's own rules rely on are there.
    for (const [name, words] of Object.entries(kb.vocabulary?.contexts ?? {})) {
      expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(words.length, name).toBeGreaterThan(0);
    }
    expect(Object.keys(kb.vocabulary?.contexts ?? {})).toEqual(expect.arrayContaining(['kubernetes', 'swarm', 'containerd', 'containers']));
    const k8s = kb.topics.find((t) => t.id === 'k8s-pod-os-mismatch')!;
    expect(k8s.signatures.context).toEqual(kb.vocabulary?.contexts.kubernetes);
    // A context a topic needs (no evidence, only a gate) is resolved the same way; a topic that needs none stores none.
    const ports = kb.topics.find((t) => t.id === 'host-port-reserved-or-in-use')!;
    expect(ports.signatures.needs).toEqual(kb.vocabulary?.contexts.containers);
    expect(k8s.signatures.needs).toBeUndefined();
    for (const f of input.topics) {
      const sig = (f.data as { signatures?: { context?: string[]; needs?: string[] } }).signatures;
      for (const name of [...(sig?.context ?? []), ...(sig?.needs ?? [])]) expect(Object.keys(kb.vocabulary?.contexts ?? {}), f.file).toContain(name);
    }
  });

  it('kb check refuses a topic naming a context the vocabulary does not have', () => {
    const topics = input.topics.map((f) =>
      f.file.endsWith('/k8s-pod-os-mismatch.yaml') ? { ...f, data: { ...(f.data as object), signatures: { ...(f.data as { signatures: object }).signatures, context: ['kubectl'] } } } : f,
    );
    const { problems } = assembleKnowledgeBase({ ...input, topics });
    expect(problems).toContainEqual({ file: 'knowledge/topics/k8s-pod-os-mismatch.yaml', field: 'signatures.context[0]', message: expect.stringMatching(/"kubectl" is no context in knowledge\/vocabulary.yaml/) });
  });
});
