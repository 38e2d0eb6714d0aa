import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EN from '../../locales/en.json' with { type: 'json' };
import { NETWORK_PROBLEM_TEXT } from '../../src/core/network/problems.js';
import type { Locale } from '../../src/core/knowledge/types.js';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import { realKb } from '../helpers/real-kb.js';
import type { Route } from '../../src/ui/navigation.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { plain, waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';

/** A frame with its wrapped lines joined again, so long commands and sentences can be matched whole. */
const flat = (frame: string): string => frame.replace(/\s*\n\s*/g, ' ');

afterEach(() => cleanup());

function open(opts: { route?: Route; clipboard?: boolean; locale?: Locale; rows?: number; kb?: KnowledgeBase } = {}) {
  const locale = opts.locale ?? 'en';
  const platform = fakePlatform({ settings: { language: locale }, ...(opts.clipboard ? { clipboard: { ok: true as const, tool: 'clip.exe' } } : {}), ...(opts.kb ? { kb: opts.kb } : {}) });
  const r = renderApp({ initial: [opts.route ?? { screen: 'network' }], platform, locale, columns: 100, rows: opts.rows ?? 40 });
  const { lastFrame, stdin, t } = r;
  /** Moves the cursor to the row that starts with `label` and presses Enter. */
  const choose = async (label: string) => {
    await waitForFrame(lastFrame, label);
    for (let i = 0; i < 8 && !plain(lastFrame()).includes(`❯ ${label}`); i++) {
      stdin.write(KEYS.down);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await waitForFrame(lastFrame, `❯ ${label}`);
    stdin.write(KEYS.enter);
  };
  /** Types the host build (or nothing) at its question and goes on to the recommendation. */
  const build = async (text = '') => {
    await waitForFrame(lastFrame, t('wizard.q.hostBuild').slice(0, 30));
    if (text) stdin.write(text);
    if (text) await waitForFrame(lastFrame, `${text}█`);
    stdin.write(KEYS.enter);
  };
  /** Fills the focused field and moves to the next one. */
  const fill = async (label: string, value: string) => {
    await waitForFrame(lastFrame, `❯ ${label}`);
    stdin.write(value);
    await waitForFrame(lastFrame, `${value}█`);
    stdin.write(KEYS.enter);
  };
  /** Moves to the submit row and presses Enter. */
  const submit = async () => {
    for (let i = 0; i < 12 && !plain(lastFrame()).includes(`❯ ${t('wizard.submit')}`); i++) {
      stdin.write(KEYS.down);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await waitForFrame(lastFrame, `❯ ${t('wizard.submit')}`);
    stdin.write(KEYS.enter);
  };
  const field = (key: Parameters<typeof t>[0]) => t(key);
  /** Answers for one host on the host network with DHCP, a VLAN, no teaming, no DNS, the host a VM: transparent. */
  const transparentOnVm = async () => {
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.hostSubnet'));
    await choose(t('wizard.a.dhcp'));
    await choose(t('wizard.a.yes')); // VLAN
    await choose(t('wizard.a.no')); // teaming
    await choose(t('wizard.a.no')); // DNS
    await choose(t('wizard.a.yes')); // host is a VM
    await build();
  };
  return { ...r, platform, choose, build, fill, submit, field, transparentOnVm };
}

describe('NetworkWizardScreen', () => {
  it('is on the home menu', async () => {
    const { lastFrame, stdin, t } = renderApp({ rows: 30 });
    await waitForFrame(lastFrame, t('wizard.menu'));
    for (let i = 0; i < 2; i++) stdin.write(KEYS.down);
    await waitForFrame(lastFrame, `❯ ${t('wizard.menu')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('wizard.q.scope'));
  });

  it('a paste without markers of a few lines of digits into a field is one paste, not keys (found by a tester: the first line filled the field, its Enter moved on, the rest was lost)', async () => {
    const { lastFrame, stdin, t, choose, build, field } = open();
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.private'));
    await choose(t('wizard.a.no'));
    await build();
    await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'nat' }));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, `❯ ${field('wizard.field.name')}`);
    stdin.write('10.0.0.7\r10.0.0.8');
    const frame = await waitForFrame(lastFrame, '10.0.0.8');
    // Still on the first field, with both lines in it: nothing went on to the next field.
    expect(frame).toContain(`❯ ${field('wizard.field.name')}`);
    expect(frame).toMatch(/10\.0\.0\.7[ \n]+10\.0\.0\.8/);
  });

  it('nat: one host on a private subnet gives the command, the compose snippet and the run line; c copies the command', async () => {
    const { lastFrame, stdin, t, choose, build, fill, submit, field, platform } = open({ clipboard: true });
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.private'));
    await choose(t('wizard.a.no'));
    await build();
    const rec = await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'nat' }));
    expect(flat(rec)).toContain(t('wizard.reason.private'));
    expect(rec).toContain(t('wizard.short.hostBuild'));
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('wizard.values.title', { driver: 'nat' }));
    await fill(field('wizard.field.name'), 'MyNat');
    await submit();
    const done = await waitForFrame(lastFrame, t('wizard.done.command'));
    expect(done).toContain('docker network create -d nat MyNat');
    expect(done).toContain('docker run --network=MyNat IMAGE');
    expect(done).toContain(t('wizard.done.compose'));
    expect(done).toContain('networks:');
    expect(done).toContain('driver: "nat"');
    stdin.write('c');
    await waitForFrame(lastFrame, t('wizard.copy.done', { what: t('wizard.copy.command'), tool: 'clip.exe' }));
    expect(platform.clipboard.copied).toEqual(['docker network create -d nat MyNat']);
  });

  it('transparent: DHCP on the host network with a VLAN; an invalid VLAN id shows its reason and does not advance', async () => {
    const { lastFrame, stdin, t, fill, submit, field, transparentOnVm } = open();
    await transparentOnVm();
    const rec = await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'transparent' }));
    expect(flat(rec)).toContain(t('wizard.reason.host-subnet-dhcp'));
    expect(rec).toContain(`! ${t('wizard.warning.mac-spoofing-vm').slice(0, 40)}`);
    stdin.write(KEYS.enter);
    await fill(field('wizard.field.name'), 'MyNet');
    await fill(field('wizard.field.vlan'), '5000');
    await fill(field('wizard.field.interfaces'), 'Ethernet 2');
    await submit();
    const refused = await waitForFrame(lastFrame, '5000 is outside the VLAN id range 1-4094');
    expect(refused).toMatch(new RegExp(`❯ ${t('wizard.field.vlan')}`));
    expect(refused).not.toContain(t('wizard.done.command'));
    stdin.write(KEYS.ctrlU);
    await waitForFrameWithout(lastFrame, '5000 is outside');
    stdin.write('11');
    await waitForFrame(lastFrame, '11█');
    await submit();
    const done = await waitForFrame(lastFrame, t('wizard.done.command'));
    expect(flat(done)).toContain('docker network create -d transparent -o com.docker.network.windowsshim.interface="Ethernet 2" -o com.docker.network.windowsshim.vlanid=11 MyNet');
    expect(flat(done)).toContain(t('wizard.warning.vlan-trunk', { vlan: '11' }));
  });

  it('reads bursts key by key: the build and Enter in one write, then mynat Tab 10.0.0.0/24 Enter (issue 17, defect 1)', async () => {
    const { lastFrame, stdin, t, choose } = open();
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.private'));
    await choose(t('wizard.a.no'));
    await waitForFrame(lastFrame, t('wizard.q.hostBuild').slice(0, 30));
    stdin.write('20348\r');
    const rec = await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'nat' }));
    expect(rec).toContain('20348');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, `❯ ${t('wizard.field.required', { label: t('wizard.field.name') })}`);
    stdin.write('mynat\t10.0.0.0/24\r');
    const form = await waitForFrame(lastFrame, '10.0.0.0/24');
    const row = (label: string) => form.split('\n').find((l) => l.includes(label)) ?? '';
    expect(row(t('wizard.field.name'))).toMatch(/: mynat\s*$/);
    expect(row(t('wizard.field.subnet'))).toContain(': 10.0.0.0/24');
    expect(form).not.toMatch(/mynat\s+10\.0\.0\.0/);
  });

  it('scrolls the recommendation at 80×24 so that its last warning can be read (issue 17, defect 5)', async () => {
    const { lastFrame, stdin, t, transparentOnVm } = open({ rows: 24 });
    await transparentOnVm();
    const rec = await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'transparent' }));
    const position = /lines 1–(\d+) of (\d+)/.exec(rec);
    expect(position, rec).not.toBeNull();
    const last = t('wizard.warning.no-service-discovery').slice(0, 30);
    expect(flat(rec)).not.toContain(last);
    // PgDn three times, each its own key, reaches the end (a page is the room less one line).
    for (let i = 0; i < 3; i++) stdin.write(KEYS.pageDown);
    await vi.waitFor(() => expect(flat(plain(lastFrame()))).toContain(last), { timeout: 15000, interval: 10 });
    expect(plain(lastFrame())).toMatch(/lines \d+–14 of 14/);
  });

  it('keeps its title on a short terminal after many answers: the answers show their latest at most a third of the body (found by a helper at 100×15)', async () => {
    const { lastFrame, t, transparentOnVm } = open({ rows: 15 });
    await transparentOnVm();
    const rec = await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'transparent' }).slice(0, 20));
    const lines = rec.split('\n');
    expect(lines[0]).toContain(`› ${t('wizard.title')}`);
    expect(lines.length).toBeLessThan(15);
    // The earlier answers left out are counted beside the heading (found by a new-user helper: they were cut silently).
    expect(lines.find((l) => l.startsWith(t('wizard.answers')))).toMatch(/↑ \d+/);
  });

  it('overlay: a Swarm across hosts, with the Windows Server 2016 update warning', async () => {
    const { lastFrame, stdin, t, choose, build, fill, submit, field } = open();
    await choose(t('wizard.a.swarm'));
    await choose(t('wizard.a.no')); // teaming
    await choose(t('wizard.a.no')); // DNS
    await build('14393.1000');
    const rec = await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'overlay' }));
    expect(flat(rec)).toContain(t('wizard.warning.swarm-mode'));
    expect(flat(rec)).toContain(t('wizard.warning.ws2016-kb4015217'));
    stdin.write(KEYS.enter);
    await fill(field('wizard.field.name'), 'MyOverlay');
    await submit();
    const done = await waitForFrame(lastFrame, t('wizard.done.service'));
    expect(done).toContain('docker network create -d overlay MyOverlay');
    expect(done).toContain('docker service create --network=MyOverlay IMAGE');
  });

  it('l2bridge: static addresses on the host subnet need subnet and gateway', async () => {
    const { lastFrame, stdin, t, choose, build, fill, submit, field } = open();
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.hostSubnet'));
    await choose(t('wizard.a.static'));
    for (let i = 0; i < 4; i++) await choose(t('wizard.a.no')); // VLAN, teaming, DNS, VM
    await build();
    const rec = await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'l2bridge' }));
    expect(flat(rec)).toContain(t('wizard.recommend.alternative', { driver: 'transparent' }));
    stdin.write(KEYS.enter);
    await fill(field('wizard.field.name'), 'MyBridge');
    await fill(field('wizard.field.subnet'), '10.123.174.0/23');
    await fill(field('wizard.field.gateway'), '10.123.174.1');
    await submit();
    const done = await waitForFrame(lastFrame, t('wizard.done.command'));
    expect(flat(done)).toContain('docker network create -d l2bridge --subnet=10.123.174.0/23 --gateway=10.123.174.1 MyBridge');
    expect(flat(done)).toContain(t('wizard.warning.l2bridge-static'));
  });

  it('shows a validation problem in the UI language (ko-KR), with its values', async () => {
    const { lastFrame, stdin, t, choose, build, fill, submit, field } = open({ locale: 'ko-KR' });
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.hostSubnet'));
    await choose(t('wizard.a.static'));
    for (let i = 0; i < 4; i++) await choose(t('wizard.a.no')); // VLAN, teaming, DNS, VM
    await build();
    await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'l2bridge' }));
    stdin.write(KEYS.enter);
    await fill(field('wizard.field.name'), 'MyBridge');
    await fill(field('wizard.field.subnet'), '10.123.174.0/23');
    await fill(field('wizard.field.gateway'), '10.200.0.1');
    await submit();
    const refused = await waitForFrame(lastFrame, t('wizard.problem.gateway-outside-subnet', { address: '10.200.0.1', subnet: '10.123.174.0/23' }));
    expect(refused).toContain('10.200.0.1은(는) 서브넷 10.123.174.0/23 밖에 있습니다');
    expect(refused).not.toContain('is outside the subnet');
  });

  it('keeps the English wizard problems the same as the messages the CLI prints', () => {
    for (const [id, text] of Object.entries(NETWORK_PROBLEM_TEXT)) expect(EN[`wizard.problem.${id}` as keyof typeof EN], id).toBe(text);
  });

  it('l2tunnel is explained only: it never opens the values form', async () => {
    const { lastFrame, stdin, t, choose, build } = open();
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.private'));
    await choose(t('wizard.a.no'));
    await build();
    await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'nat' }));
    await choose('l2tunnel');
    const frame = await waitForFrame(lastFrame, t('wizard.l2tunnel.only'));
    expect(frame).toContain(t('wizard.l2tunnel.title'));
    expect(flat(frame)).toContain(t('wizard.l2tunnel.text'));
    expect(frame).not.toContain(t('wizard.values.title', { driver: 'nat' }));
  });

  it('applies the Windows Server 2016 NAT prefix rule to an extra NAT network', async () => {
    const { lastFrame, stdin, t, choose, build, fill, submit, field } = open();
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.private'));
    await choose(t('wizard.a.no'));
    await build('14393');
    await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'nat' }));
    stdin.write(KEYS.enter);
    await fill(field('wizard.field.name'), 'Extra');
    await fill(field('wizard.field.subnet'), '10.0.0.0/24');
    await submit();
    const refused = await waitForFrame(lastFrame, 'an extra NAT network');
    expect(flat(refused)).toContain("must be a part of the host's NAT prefix 172.16.0.0/16");
    expect(refused).not.toContain(t('wizard.done.command'));
    // The cursor is on the refused field.
    await waitForFrame(lastFrame, `❯ ${t('wizard.field.subnet')}`);
    stdin.write(KEYS.ctrlU);
    stdin.write('172.16.1.0/24');
    await waitForFrame(lastFrame, '172.16.1.0/24█');
    await submit();
    const done = await waitForFrame(lastFrame, t('wizard.done.command'));
    expect(done).toContain('docker network create -d nat --subnet=172.16.1.0/24 Extra');
  });

  it('takes a release name as the host build (ltsc2016), and applies that build\'s rules (found by a tester: "ltsc2019" was refused)', async () => {
    const { lastFrame, stdin, t, choose } = open({ kb: realKb() });
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.private'));
    await choose(t('wizard.a.no'));
    await waitForFrame(lastFrame, t('wizard.q.hostBuild').slice(0, 30));
    stdin.write('ltsc2016');
    await waitForFrame(lastFrame, 'ltsc2016█');
    stdin.write(KEYS.enter);
    const frame = await waitForFrame(lastFrame, `${t('wizard.short.hostBuild')}: 14393`);
    expect(frame).not.toContain('is neither a Windows build');
  });

  it('refuses a host build it cannot read, and Esc goes back one question', async () => {
    const { lastFrame, stdin, t, choose } = open();
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.private'));
    await choose(t('wizard.a.no'));
    await waitForFrame(lastFrame, t('wizard.q.hostBuild').slice(0, 30));
    stdin.write('ltsc');
    await waitForFrame(lastFrame, 'ltsc█');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'is neither a Windows build');
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('wizard.q.dns'));
  });

  it('sends a paste to Diagnose and keeps its place for when the user comes back', async () => {
    const { lastFrame, stdin, t, choose } = open();
    await choose(t('wizard.a.swarm'));
    await waitForFrame(lastFrame, t('wizard.q.teaming'));
    stdin.write(bracketedPaste('Element not found'));
    await waitForFrame(lastFrame, t('diagnose.results.title'));
    stdin.write(KEYS.esc);
    const back = await waitForFrame(lastFrame, t('wizard.q.teaming'));
    expect(back).toContain(t('wizard.answer', { question: t('wizard.short.scope'), answer: t('wizard.a.swarm') }));
  });

  it('takes the host build from a diagnosis', async () => {
    const { lastFrame, t, choose } = open({ route: { screen: 'network', entities: { build: '10.0.14393.1715' } } });
    await choose(t('wizard.a.singleHost'));
    await choose(t('wizard.a.private'));
    await choose(t('wizard.a.no'));
    const rec = await waitForFrame(lastFrame, t('wizard.recommend.title', { driver: 'nat' }));
    expect(rec).toContain(t('wizard.answer.prefilled', { question: t('wizard.short.hostBuild'), answer: '14393.1715' }));
  });
});
