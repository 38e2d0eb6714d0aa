import { describe, expect, it } from 'vitest';
import { checkFixTemplate } from '../../src/core/fixes/fill-template.js';
import { planFix } from '../../src/core/fixes/plan-fix.js';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import { planNetwork, type NetworkPlan, type NetworkPlanInput } from '../../src/core/network/plan-network.js';
import { buildNetworkFix, WIZARD_FIX_ID } from '../../src/ui/screens/network/fix.js';
import { tFor } from '../helpers/i18n.js';
import { networkKb } from './network-kb.js';

const t = tFor('en');

function planOf(input: NetworkPlanInput): NetworkPlan {
  const r = planNetwork(input);
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('; '));
  return r.value;
}

/** Builds the wizard's fix and plans it with planFix, as the runner does, against the topic it names. */
function runnerPlan(plan: NetworkPlan, kb: KnowledgeBase = networkKb(), quoting: 'windows' | 'posix' = 'windows') {
  const built = buildNetworkFix(plan, kb, t);
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const { topicId, inline } = built.value;
  const topic = kb.topics.find((x) => x.id === topicId);
  if (!topic) throw new Error(`no topic ${topicId}`);
  const planned = planFix({ ...topic, fixes: [inline.fix] }, inline.fix.id, inline.values, {}, { quoting });
  return { topicId, inline, planned };
}

const CASES: [string, NetworkPlanInput, string][] = [
  ['nat', { driver: 'nat', name: 'MyNat' }, 'network-drivers'],
  [
    'nat with a subnet, gateway, HNS name and DNS',
    { driver: 'nat', name: 'Extra', subnet: '172.16.1.0/24', gateway: '172.16.1.1', hnsName: 'Extra net (nat)', dnsSuffix: 'corp.example.com', dnsServers: '10.0.0.10, 10.0.0.11' },
    'network-drivers',
  ],
  ['transparent on "Ethernet 2" with a VLAN', { driver: 'transparent', name: 'MyNet', interfaces: 'Ethernet 2', vlan: '11' }, 'network-vlan-id'],
  ['transparent on a team "Ethernet 2,Ethernet 3"', { driver: 'transparent', name: 'Teamed', interfaces: 'Ethernet 2,Ethernet 3' }, 'multiple-transparent-networks'],
  ['transparent with static addresses', { driver: 'transparent', name: 'Static', subnet: '10.123.174.0/23', gateway: '10.123.174.1' }, 'static-ip-subnet-gateway'],
  ['l2bridge on "Ethernet 2"', { driver: 'l2bridge', name: 'MyBridge', subnet: '10.123.174.0/23', gateway: '10.123.174.1', interfaces: 'Ethernet 2' }, 'static-ip-subnet-gateway'],
  ['overlay with DNS servers', { driver: 'overlay', name: 'MyOverlay', interfaces: 'Ethernet 2', dnsServers: '10.0.0.10' }, 'network-drivers'],
];

describe('buildNetworkFix', () => {
  it.each(CASES)('%s: planFix builds exactly the wizard plan argv', (_name, input, topicId) => {
    const plan = planOf(input);
    const r = runnerPlan(plan);
    expect(r.topicId).toBe(topicId);
    expect(checkFixTemplate(r.inline.fix)).toBeUndefined();
    expect(r.planned.ok).toBe(true);
    if (!r.planned.ok) return;
    expect(r.planned.value.argv).toEqual(plan.argv);
    expect(r.planned.value).toMatchObject({ topic: topicId, fix: WIZARD_FIX_ID, shell: 'docker', program: 'docker', risk: 'low', admin: true, readOnly: false, windowsOnly: true });
    const posix = runnerPlan(plan, networkKb(), 'posix');
    expect(posix.planned.ok && posix.planned.value.argv).toEqual(plan.argv);
    // Every value is a placeholder: the template holds none of them.
    for (const value of Object.values(r.inline.values)) expect(r.inline.fix.command).not.toContain(value);
  });

  it('gives each value its kind: one interface-name placeholder per teamed adapter, cidr, ipv4, text with a pattern', () => {
    const plan = planOf({ driver: 'l2bridge', name: 'B', subnet: '10.0.0.0/24', gateway: '10.0.0.1', interfaces: 'Ethernet 2,Ethernet 3', vlan: '11', dnsSuffix: 'corp.example.com', dnsServers: '10.0.0.10,10.0.0.11' });
    const { inline } = runnerPlan(plan);
    expect(inline.fix.command).toBe(
      'docker network create -d l2bridge --subnet={{subnet}} --gateway={{gateway}} -o com.docker.network.windowsshim.interface={{interface}},{{interface_2}} ' +
        '-o com.docker.network.windowsshim.vlanid={{vlan}} -o com.docker.network.windowsshim.dnssuffix={{dns_suffix}} ' +
        '-o com.docker.network.windowsshim.dnsservers={{dns_server}},{{dns_server_2}} {{network}}',
    );
    const kinds = Object.fromEntries(Object.entries(inline.fix.params).map(([n, p]) => [n, p.kind]));
    expect(kinds).toEqual({ subnet: 'cidr', gateway: 'ipv4', interface: 'interface-name', interface_2: 'interface-name', vlan: 'text', dns_suffix: 'text', dns_server: 'ipv4', dns_server_2: 'ipv4', network: 'network-name' });
    expect(inline.fix.params.vlan?.pattern).toBeDefined();
    expect(inline.fix.params.dns_suffix?.pattern).toBeDefined();
    expect(inline.values).toMatchObject({ interface: 'Ethernet 2', interface_2: 'Ethernet 3', vlan: '11', network: 'B' });
  });

  it('says in plain words which network it creates on which adapters', () => {
    expect(runnerPlan(planOf({ driver: 'transparent', name: 'MyNet', interfaces: 'Ethernet 2' })).inline.fix.changes).toBe(
      t('wizard.fix.changes.adapter', { driver: 'transparent', name: 'MyNet', adapter: 'Ethernet 2' }),
    );
    expect(runnerPlan(planOf({ driver: 'transparent', name: 'T', interfaces: 'Ethernet 2,Ethernet 3' })).inline.fix.changes).toContain('"Ethernet 2", "Ethernet 3"');
    expect(runnerPlan(planOf({ driver: 'nat', name: 'N' })).inline.fix.changes).toBe(t('wizard.fix.changes.nat', { name: 'N' }));
  });

  it('falls back to network-drivers when the matching topic is missing, and refuses with no network topic at all', () => {
    const plan = planOf({ driver: 'transparent', name: 'MyNet', interfaces: 'Ethernet 2', vlan: '11' });
    expect(runnerPlan(plan, networkKb(['network-drivers'])).topicId).toBe('network-drivers');
    expect(buildNetworkFix(plan, networkKb([]), t)).toEqual({ ok: false, error: { kind: 'no-topic' } });
  });

  it('leaves the kind validators as a second gate: an adapter name the wizard takes but interface-name refuses does not plan', () => {
    const r = runnerPlan(planOf({ driver: 'transparent', name: 'MyNet', interfaces: 'Ethernet 2;x' }));
    expect(r.planned.ok).toBe(false);
    expect(!r.planned.ok && r.planned.error[0]).toMatchObject({ kind: 'invalid', name: 'interface' });
  });
});
