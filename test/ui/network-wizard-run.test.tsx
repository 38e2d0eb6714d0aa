import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DECLINED_REASON } from '../../src/core/fixes/preflight.js';
import { formatArgv } from '../../src/core/fixes/quote.js';
import { initWizardState, wizardReducer, type WizardAction, type WizardState } from '../../src/core/network/wizard-reducer.js';
import { WIZARD_FIX_ID } from '../../src/ui/screens/network/fix.js';
import { fakePlatform, type FakePlatformOptions } from '../helpers/fake-platform.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { plain, waitForFrame } from '../helpers/wait-for.js';
import { networkKb } from './network-kb.js';

afterEach(() => cleanup());

const flat = (s: string): string => s.replace(/\s+/g, ' ');

/** Waits for text the frame may have wrapped over several lines. */
async function waitForWrapped(lastFrame: () => string | undefined, text: string): Promise<string> {
  await vi.waitFor(() => expect(flat(plain(lastFrame()))).toContain(flat(text)), { timeout: 5000, interval: 10 });
  return flat(plain(lastFrame()));
}

/** The wizard at its result for a transparent network on the host subnet (DHCP), through the reducer. */
function doneState(values: { name: string; interfaces: string; vlan?: string }): WizardState {
  const actions: WizardAction[] = [
    { type: 'answer', question: 'scope', value: 'single-host' },
    { type: 'answer', question: 'addressing', value: 'host-subnet' },
    { type: 'answer', question: 'assignment', value: 'dhcp' },
    { type: 'answer', question: 'vlan', value: values.vlan !== undefined },
    { type: 'answer', question: 'teaming', value: values.interfaces.includes(',') },
    { type: 'answer', question: 'dns', value: false },
    { type: 'answer', question: 'hostIsVm', value: false },
    { type: 'answer', question: 'hostBuild', value: '' },
    { type: 'choose-driver', driver: 'transparent' },
    { type: 'set-value', field: 'name', value: values.name },
    { type: 'set-value', field: 'interfaces', value: values.interfaces },
    ...(values.vlan !== undefined ? [{ type: 'set-value', field: 'vlan', value: values.vlan } as const] : []),
    { type: 'submit' },
  ];
  const s = actions.reduce(wizardReducer, initWizardState());
  if (s.step.kind !== 'done' || !s.plan) throw new Error(`wizard not done: ${JSON.stringify(s.problems)}`);
  return s;
}

function openResult(state: WizardState, opts: FakePlatformOptions = {}) {
  const platform = fakePlatform({ kb: networkKb(), clipboard: { ok: true, tool: 'clip.exe' }, ...opts });
  const r = renderApp({ initial: [{ screen: 'network', wizard: state }], platform, columns: 100, rows: 40 });
  const argv = state.plan?.argv ?? [];
  return { ...r, platform, shell: platform.shell, audit: platform.audit.entries, argv };
}

describe('NetworkWizardScreen: running the command through the fix runner', () => {
  it('walks to a teamed transparent network, shows the run key, and y runs exactly the plan argv with streaming and an audit entry', async () => {
    const platform = fakePlatform({ kb: networkKb() });
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'network' }], platform, columns: 100, rows: 40 });
    const choose = async (label: string) => {
      await waitForFrame(lastFrame, label);
      for (let i = 0; i < 8 && !plain(lastFrame()).includes(`❯ ${label}`); i++) {
        stdin.write(KEYS.down);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await waitForFrame(lastFrame, `❯ ${label}`);
      stdin.write(KEYS.enter);
    };
    const fill = async (label: string, value: string) => {
      await waitForFrame(lastFrame, `❯ ${label}`);
      stdin.write(value);
      await waitForFrame(lastFrame, `${value}█`);
      stdin.write(KEYS.enter);
    };
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.hostSubnet'));
    await choose(t('wizard.a.dhcp'));
    await choose(t('wizard.a.no')); // VLAN
    await choose(t('wizard.a.yes')); // teaming
    await choose(t('wizard.a.no')); // DNS
    await choose(t('wizard.a.no')); // VM
    await waitForFrame(lastFrame, t('wizard.q.hostBuild').slice(0, 30));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'transparent' }));
    stdin.write(KEYS.enter);
    await fill(t('wizard.field.name'), 'Teamed');
    await fill(t('wizard.field.interfaces'), 'Ethernet 2,Ethernet 3');
    for (let i = 0; i < 12 && !plain(lastFrame()).includes(`❯ ${t('wizard.submit')}`); i++) {
      stdin.write(KEYS.down);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await waitForFrame(lastFrame, `❯ ${t('wizard.submit')}`);
    stdin.write(KEYS.enter);
    const done = await waitForFrame(lastFrame, t('wizard.done.command'));
    expect(done).toContain(`x ${t('wizard.keys.run')}`);
    expect(done).toContain(`c ${t('wizard.keys.copyCommand')}`);
    const argv = ['docker', 'network', 'create', '-d', 'transparent', '-o', 'com.docker.network.windowsshim.interface=Ethernet 2,Ethernet 3', 'Teamed'];

    stdin.write('x');
    const review = await waitForWrapped(lastFrame, t('fix.confirm.question'));
    expect(review).toContain(flat(formatArgv(argv, 'windows')));
    expect(review).toContain(flat(t('fix.plan.changes', { changes: t('wizard.fix.changes.teamed', { driver: 'transparent', name: 'Teamed', adapters: '"Ethernet 2", "Ethernet 3"' }) })));
    expect(review).toContain(t('fix.plan.admin'));
    expect(review).toContain(t('fix.plan.riskLow'));
    stdin.write('y');
    await vi.waitFor(() => expect(platform.shell.runs).toHaveLength(1), { timeout: 5000, interval: 10 });
    const run = platform.shell.runs[0]!;
    expect([run.file, ...run.args]).toEqual(argv);
    run.emit('a1b2c3d4\n');
    await waitForFrame(lastFrame, 'a1b2c3d4');
    run.finish({ exitCode: 0 });
    await waitForWrapped(lastFrame, 'Fix applied (exit code 0).');
    expect(platform.audit.entries).toMatchObject([{ outcome: 'ran', topic: 'multiple-transparent-networks', fix: WIZARD_FIX_ID, argv }]);

    // Back returns to the wizard's result, where it was.
    stdin.write(KEYS.esc);
    const back = await waitForFrame(lastFrame, t('wizard.done.command'));
    expect(flat(back)).toContain('docker network create -d transparent -o com.docker.network.windowsshim.interface="Ethernet 2,Ethernet 3" Teamed');
  });

  it('Enter (No) and n decline: nothing runs, each refusal is in the audit log, and Esc goes back to the result', async () => {
    const state = doneState({ name: 'MyNet', interfaces: 'Ethernet 2', vlan: '11' });
    const { lastFrame, stdin, t, shell, audit, argv } = openResult(state);
    await waitForFrame(lastFrame, t('wizard.done.command'));
    stdin.write('x');
    const review = await waitForWrapped(lastFrame, t('fix.confirm.question'));
    expect(review).toContain(flat(formatArgv(argv, 'windows')));
    expect(review).toContain(`❯ ${t('fix.confirm.no')}`);
    stdin.write(KEYS.enter);
    const declined = await waitForFrame(lastFrame, t('fix.declined'));
    expect(declined).not.toContain(t('fix.keys.edit'));
    expect(shell.runs).toEqual([]);
    expect(audit).toMatchObject([{ outcome: 'refused', topic: 'network-vlan-id', fix: WIZARD_FIX_ID, reason: DECLINED_REASON, argv }]);

    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('wizard.done.command'));
    stdin.write('x');
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    stdin.write('n');
    await waitForFrame(lastFrame, t('fix.declined'));
    expect(shell.runs).toEqual([]);
    expect(audit.map((e) => e.outcome)).toEqual(['refused', 'refused']);
  });

  it('refuses on a machine that is not Windows, with the command to copy, and runs nothing', async () => {
    const state = doneState({ name: 'MyNet', interfaces: 'Ethernet 2' });
    const { lastFrame, stdin, t, shell, audit, platform, argv } = openResult(state, { os: 'linux' });
    await waitForFrame(lastFrame, t('wizard.done.command'));
    stdin.write('x');
    const reason = 'cannot run here: this command sets up a Windows container host and runs only on Windows, and this machine runs Linux';
    const refused = await waitForWrapped(lastFrame, t('fix.refused.cannotRun', { reason }));
    // The wizard's command is long: shown on several lines, it is copied with c, not selected by hand.
    expect(refused).toContain(flat(t('fix.refused.copyHintWrapped')));
    expect(refused).toContain(`c ${t('fix.keys.copy')}`);
    expect(refused).not.toContain(t('fix.confirm.question'));
    stdin.write('c');
    await waitForFrame(lastFrame, t('fix.copy.done', { tool: 'clip.exe' }));
    // What is copied is the line for the Windows host where it runs, quoted as its cmd and PowerShell read it, not as a
    // POSIX shell here would (an attacker helper ran code through a POSIX line pasted into PowerShell).
    expect(platform.clipboard.copied).toEqual([formatArgv(argv, 'windows')]);
    expect(shell.runs).toEqual([]);
    expect(audit).toMatchObject([{ outcome: 'refused', topic: 'multiple-transparent-networks', fix: WIZARD_FIX_ID, reason }]);
  });

  it('refuses on Windows when docker is not on PATH', async () => {
    const { lastFrame, stdin, t, shell } = openResult(doneState({ name: 'MyNet', interfaces: 'Ethernet 2' }), { programs: [] });
    await waitForFrame(lastFrame, t('wizard.done.command'));
    stdin.write('x');
    await waitForWrapped(lastFrame, 'docker is not installed here');
    expect(shell.runs).toEqual([]);
  });

  it('says so, and stays, when the knowledge base has no network topic to log the run under', async () => {
    const { lastFrame, stdin, t, shell } = openResult(doneState({ name: 'MyNet', interfaces: 'Ethernet 2' }), { kb: networkKb([]) });
    await waitForFrame(lastFrame, t('wizard.done.command'));
    stdin.write('x');
    const frame = await waitForWrapped(lastFrame, t('wizard.run.noTopic', { key: 'c' }));
    expect(frame).toContain(t('wizard.done.command'));
    expect(shell.runs).toEqual([]);
  });
});
