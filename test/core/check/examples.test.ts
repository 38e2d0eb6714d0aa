// The fleet examples in src/check-examples run the collector as it is (no copy of it), only read, and produce what
// `check --from` reads: one document per line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { evaluateFleet } from '../../../src/core/check/evaluate.js';
import { readCheckInput } from '../../../src/core/check/read-input.js';
import { fixture } from './fixtures.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../src/check-examples');
const read = (f: string) => readFileSync(path.join(EXAMPLES, f), 'utf8');

describe('fleet examples', () => {
  it('the Kubernetes DaemonSet runs the collector from a ConfigMap in a HostProcess pod on Windows nodes only', () => {
    const docs = parseAllDocuments(read('k8s-wcdoctor-collector.yaml')).map((d) => d.toJS() as Record<string, any>);
    expect(docs).toHaveLength(1);
    const ds = docs[0]!;
    expect(ds.kind).toBe('DaemonSet');
    const pod = ds.spec.template.spec;
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/os': 'windows' });
    expect(pod.securityContext.windowsOptions.hostProcess).toBe(true);
    expect(pod.hostNetwork).toBe(true);
    expect(pod.containers).toHaveLength(1);
    const c = pod.containers[0];
    expect(c.ports).toBeUndefined();
    expect(c.command.join(' ')).toMatch(/CONTAINER_SANDBOX_MOUNT_POINT "collector\\collect\.ps1"/);
    expect(c.volumeMounts).toEqual([{ name: 'collector', mountPath: '/collector', readOnly: true }]);
    expect(pod.volumes).toEqual([{ name: 'collector', configMap: { name: 'wcdoctor-collector' } }]);
    expect(ds.spec.template.metadata.labels.app).toBe(ds.spec.selector.matchLabels.app);
  });

  it('the Ansible playbook runs collect.ps1 with win_powershell, changes nothing, and assembles one document per line', () => {
    const plays = parse(read('ansible-wcdoctor-check.yml')) as { tasks: Record<string, any>[] }[];
    const run = plays[0]!.tasks[0]!;
    expect(run['ansible.windows.win_powershell'].script).toBe("{{ lookup('ansible.builtin.file', 'collect.ps1') }}");
    expect(run.changed_when).toBe(false);
    expect(plays[1]!.tasks[0]!['ansible.builtin.assemble'].dest).toBe('wcdoctor-facts/fleet.jsonl');
  });

  it('documents one per line (kubectl logs, the assembled Ansible files) are a fleet', () => {
    const lines = ['hosts/ws2022-healthy.json', 'hosts/k8s-node-containerd2.json'].map((f) => JSON.stringify(JSON.parse(fixture(f)))).join('\n');
    const r = readCheckInput(`${lines}\n`);
    expect(r.ok && r.value.docs.map((d) => d.host)).toEqual(['CONTAINERHOST01', 'AKSWIN000001']);
    if (r.ok) expect(evaluateFleet(r.value.docs).hosts).toHaveLength(2);
  });
});
