import { describe, expect, it } from 'vitest';
import { fieldsFor, initWizardState, recommendationOf, wizardReducer, type WizardAction, type WizardState } from '../../../src/core/network/wizard-reducer.js';

const run = (actions: WizardAction[], s: WizardState = initWizardState()) => actions.reduce(wizardReducer, s);
const ans = (question: Extract<WizardAction, { type: 'answer' }>['question'], value: string | boolean): WizardAction => ({ type: 'answer', question, value });
const set = (field: Extract<WizardAction, { type: 'set-value' }>['field'], value: string): WizardAction => ({ type: 'set-value', field, value });

describe('wizardReducer: questions', () => {
  it('asks only the questions that apply to one host with a private subnet', () => {
    const asked: string[] = [];
    let s = initWizardState();
    const answers: Record<string, string | boolean> = { scope: 'single-host', addressing: 'private', dns: false, hostBuild: '' };
    while (s.step.kind === 'question') {
      const q = s.step.question;
      asked.push(q);
      s = wizardReducer(s, ans(q, answers[q] ?? false));
    }
    expect(asked).toEqual(['scope', 'addressing', 'dns', 'hostBuild']);
    expect(s.step).toEqual({ kind: 'recommend' });
    expect(recommendationOf(s).driver).toBe('nat');
  });

  it('asks assignment, VLAN, teaming and VM for the host subnet', () => {
    const s = run([ans('scope', 'single-host'), ans('addressing', 'host-subnet'), ans('assignment', 'dhcp'), ans('vlan', true), ans('teaming', false), ans('dns', false)]);
    expect(s.step).toEqual({ kind: 'question', question: 'hostIsVm' });
  });

  it('ignores an answer to another question or of the wrong type', () => {
    const s = initWizardState();
    expect(wizardReducer(s, ans('dns', true))).toBe(s);
    expect(wizardReducer(s, ans('scope', 'galaxy'))).toBe(s);
    expect(wizardReducer(s, ans('scope', true))).toBe(s);
  });

  it('rejects an invalid host build and stays on the question', () => {
    const s = run([ans('scope', 'swarm'), ans('teaming', false), ans('dns', false), ans('hostBuild', 'ltsc2019')]);
    expect(s.step).toEqual({ kind: 'question', question: 'hostBuild' });
    expect(s.problems[0]).toMatchObject({ field: 'hostBuild', option: '--host-build' });
    expect(wizardReducer(s, ans('hostBuild', '10.0.14393.1715')).answers.hostBuild).toBe('14393.1715');
  });

  it('goes back one step and asks the later questions again after a changed answer', () => {
    let s = run([ans('scope', 'single-host'), ans('addressing', 'host-subnet')]);
    expect(s.step).toEqual({ kind: 'question', question: 'assignment' });
    s = run([{ type: 'back' }], s);
    expect(s.step).toEqual({ kind: 'question', question: 'addressing' });
    s = run([ans('addressing', 'private')], s);
    expect(s.step).toEqual({ kind: 'question', question: 'dns' });
    expect(s.answers).toEqual({ scope: 'single-host', addressing: 'private' });
  });

  it('does nothing on back at the first question, and restart starts over', () => {
    const s0 = initWizardState();
    expect(wizardReducer(s0, { type: 'back' })).toBe(s0);
    expect(run([ans('scope', 'swarm'), { type: 'restart' }])).toEqual(initWizardState());
  });

  it('prefills the host build from diagnose and skips that question, keeping it on restart', () => {
    let s = run([{ type: 'prefill', entities: { build: '14393.1066' } }, ans('scope', 'single-host'), ans('addressing', 'private'), ans('dns', false)]);
    expect(s.step).toEqual({ kind: 'recommend' });
    expect(s.answers.hostBuild).toBe('14393.1066');
    s = run([{ type: 'restart' }], s);
    expect(s.answers).toEqual({ hostBuild: '14393.1066' });
    expect(run([{ type: 'prefill', entities: { build: 'nonsense' } }])).toEqual(initWizardState());
  });
});

const toValues = (answers: WizardAction[]) => {
  const s = run(answers);
  expect(s.step).toEqual({ kind: 'recommend' });
  return run([{ type: 'choose-driver', driver: recommendationOf(s).driver }], s);
};

describe('wizardReducer: to a command for each driver', () => {
  it('nat on Windows Server 2016 needs a subnet inside the NAT prefix', () => {
    let s = toValues([ans('scope', 'single-host'), ans('addressing', 'private'), ans('dns', false), ans('hostBuild', '14393')]);
    expect(s.driver).toBe('nat');
    expect(fieldsFor(s).filter((f) => f.required).map((f) => f.field)).toEqual(['name', 'subnet']);
    expect(fieldsFor(s).map((f) => f.field)).toContain('natPrefix');
    s = run([set('name', 'CustomNat1'), set('subnet', '10.0.0.0/24'), { type: 'submit' }], s);
    expect(s.step).toEqual({ kind: 'values' });
    expect(s.problems).toEqual([expect.objectContaining({ field: 'subnet', option: '--subnet' })]);
    s = run([set('subnet', '172.16.1.0/24'), { type: 'submit' }], s);
    expect(s.step).toEqual({ kind: 'done' });
    expect(s.plan?.command).toBe('docker network create -d nat --subnet=172.16.1.0/24 CustomNat1');
  });

  it('transparent with DHCP on a VM, with a VLAN', () => {
    let s = toValues([ans('scope', 'single-host'), ans('addressing', 'host-subnet'), ans('assignment', 'dhcp'), ans('vlan', true), ans('teaming', false), ans('dns', false), ans('hostIsVm', true), ans('hostBuild', '')]);
    expect(s.driver).toBe('transparent');
    // On DHCP the network has no subnet, so no container address is asked: one could never be accepted (found by a helper).
    expect(fieldsFor(s).map((f) => f.field)).not.toContain('ip');
    expect(fieldsFor(s).map((f) => f.field)).not.toContain('subnet');
    s = run([set('name', 'Lan'), { type: 'submit' }], s);
    expect(s.problems).toEqual([expect.objectContaining({ field: 'vlan', option: '--vlan' })]);
    s = run([set('vlan', '11'), { type: 'submit' }], s);
    expect(s.plan?.command).toBe('docker network create -d transparent -o com.docker.network.windowsshim.vlanid=11 Lan');
    expect(s.plan?.warnings[0]?.id).toBe('mac-spoofing');
  });

  it('l2bridge with static addresses and DNS settings', () => {
    let s = toValues([ans('scope', 'single-host'), ans('addressing', 'host-subnet'), ans('assignment', 'static'), ans('vlan', false), ans('teaming', false), ans('dns', true), ans('hostIsVm', false), ans('hostBuild', '17763')]);
    expect(s.driver).toBe('l2bridge');
    s = run([set('name', 'L2'), { type: 'submit' }], s);
    expect(s.problems.map((p) => p.field).sort()).toEqual(['gateway', 'subnet']);
    s = run([set('subnet', '10.1.0.0/16'), set('gateway', '10.1.0.1'), set('dnsSuffix', 'corp.example.com'), set('ip', '10.1.0.20'), { type: 'submit' }], s);
    expect(s.plan?.command).toBe('docker network create -d l2bridge --subnet=10.1.0.0/16 --gateway=10.1.0.1 -o com.docker.network.windowsshim.dnssuffix=corp.example.com L2');
    expect(s.plan?.runExample).toBe('docker run --network=L2 --ip=10.1.0.20 IMAGE');
  });

  it('overlay across Swarm hosts with teamed adapters', () => {
    let s = toValues([ans('scope', 'swarm'), ans('teaming', true), ans('dns', false), ans('hostBuild', '')]);
    expect(s.driver).toBe('overlay');
    s = run([set('name', 'Ov'), set('interfaces', 'Ethernet 2'), { type: 'submit' }], s);
    expect(s.problems[0]?.message).toContain('two or more');
    s = run([set('interfaces', 'Ethernet 2,Ethernet 3'), { type: 'submit' }], s);
    expect(s.plan?.argv).toContain('com.docker.network.windowsshim.interface=Ethernet 2,Ethernet 3');
    expect(s.plan?.warnings.map((w) => w.id)).toContain('swarm-mode');
  });

  it('lets the user choose another driver than the recommendation, and back from done', () => {
    const rec = run([ans('scope', 'single-host'), ans('addressing', 'host-subnet'), ans('assignment', 'static'), ans('vlan', false), ans('teaming', false), ans('dns', false), ans('hostIsVm', false), ans('hostBuild', '')]);
    expect(recommendationOf(rec).alternative?.driver).toBe('transparent');
    let s = run([{ type: 'choose-driver', driver: 'transparent' }, set('name', 'T'), set('subnet', '10.0.0.0/24'), set('gateway', '10.0.0.1'), { type: 'submit' }], rec);
    expect(s.plan?.driver).toBe('transparent');
    s = run([{ type: 'back' }], s);
    expect(s.step).toEqual({ kind: 'values' });
    expect(s.plan).toBeUndefined();
    s = run([{ type: 'back' }], s);
    expect(s.step).toEqual({ kind: 'recommend' });
  });

  it("builds a driver's command only from the fields its form shows: values typed on another driver's form stay out (a new-user helper)", () => {
    const rec = run([ans('scope', 'single-host'), ans('addressing', 'private'), ans('dns', false), ans('hostBuild', '17763')]);
    let s = run([{ type: 'choose-driver', driver: 'nat' }, set('name', 'MyNet'), set('subnet', '10.123.174.0/23'), set('gateway', '10.123.175.1'), set('ip', '10.123.174.20'), { type: 'submit' }], rec);
    expect(s.plan?.command).toBe('docker network create -d nat --subnet=10.123.174.0/23 --gateway=10.123.175.1 MyNet');
    // Back to the choice, then transparent on DHCP: its form has no subnet, gateway or address.
    s = run([{ type: 'back' }, { type: 'back' }, { type: 'choose-driver', driver: 'transparent' }], s);
    expect(fieldsFor(s).map((f) => f.field)).toEqual(['name', 'interfaces', 'hnsName']);
    s = run([{ type: 'submit' }], s);
    expect(s.plan?.command).toBe('docker network create -d transparent MyNet');
    expect(s.plan?.runExample).not.toContain('--ip');
    // The values are still there for the nat form.
    s = run([{ type: 'back' }, { type: 'back' }, { type: 'choose-driver', driver: 'nat' }, { type: 'submit' }], s);
    expect(s.plan?.command).toBe('docker network create -d nat --subnet=10.123.174.0/23 --gateway=10.123.175.1 MyNet');
  });

  it('ignores form actions outside the form', () => {
    const s = initWizardState();
    expect(wizardReducer(s, set('name', 'x'))).toBe(s);
    expect(wizardReducer(s, { type: 'submit' })).toBe(s);
    expect(wizardReducer(s, { type: 'choose-driver', driver: 'nat' })).toBe(s);
  });
});
