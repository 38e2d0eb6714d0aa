// Every signature string matches on word boundaries, contexts and "against" texts included.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { loadKnowledgeBase } from '../../../src/platform/knowledge-fs.js';

const kb = loadKnowledgeBase();
const contextsOf = (text: string) => diagnose(kb, text, { limit: 10 }).matches.flatMap((m) => m.evidence.filter((e) => e.signature === 'context').map((e) => `${m.id}:${e.matched}`));

describe('contexts match whole words', () => {
  it('"podman" is no Kubernetes context ("pod")', () => {
    const ctx = contextsOf('podman run mcr.microsoft.com/windows/servercore:ltsc2019: Error: image platform (windows/amd64) does not match the expected platform (0xc0370101)');
    expect(ctx.filter((c) => c.endsWith(':pod'))).toEqual([]);
  });

  it('a kubectl dump that says "Replicas:" gives no Swarm topic a context, nor a high rank', () => {
    const dump = [
      'Name:                   web',
      'Namespace:              default',
      'Replicas:               3 desired | 3 updated | 3 total | 0 available | 3 unavailable',
      'NewReplicaSet:          web-5d9c7 (3/3 replicas created)',
      'Events:',
      '  Warning  Failed  kubelet  Error: failed to create containerd task: hcs::CreateComputeSystem: The container operating system does not match the host operating system. (0xc0370101)',
    ].join('\n');
    const r = diagnose(kb, dump, { limit: 10 });
    expect(r.matches.filter((m) => m.id.startsWith('swarm-') && m.confidence === 'high')).toEqual([]);
    expect(contextsOf(dump).filter((c) => c.startsWith('swarm-'))).toEqual([]);
  });
});
