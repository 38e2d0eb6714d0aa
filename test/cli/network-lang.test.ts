import { describe, expect, it } from 'vitest';
import { DRIVER_NOTES, DRIVERS } from '../../src/core/network/drivers.js';
import { planNetwork } from '../../src/core/network/plan-network.js';
import { refuseOption, UNSUPPORTED_OPTIONS } from '../../src/core/network/unsupported-options.js';
import { readLocaleCatalogs } from '../../src/platform/platform.js';
import { createT } from '../../src/ui/i18n.js';
import { driverNotesText, refusalText, unsupportedText } from '../../src/ui/network-text.js';
import { runCli } from '../helpers/cli-io.js';

// Issue 14: `network plan` and `network explain` speak the user's language (--lang or the environment), with
// the app's words where the wizard already has them; commands, options, values and topic ids stay as typed.

const PLAN = ['network', 'plan', '--driver', 'l2bridge', '--subnet', '10.123.174.0/23', '--gateway', '10.123.174.1', '--vlan', '11', '--host-build', '14393.100', '--host-vm', '--ip', '10.123.174.20', 'MyNet'];
const REFUSED = ['network', 'plan', '--driver', 'transparent', '--internal', '-o', 'com.docker.network.windowsshim.vlanid=11', '--vlan', '5000', 'Net'];

/** The lines a user copies: commands, the run example and the compose snippet (indented under their headings). */
const copyLines = (out: string) => out.split('\n').filter((l) => l.startsWith('  ') && !l.startsWith('  !'));

const LANGS = [
  {
    lang: 'zh-CN',
    env: 'zh_CN.UTF-8',
    headings: ['驱动程序：l2bridge', '创建网络：', '在其上运行容器：', 'docker-compose 片段：', '警告：'],
    warning: /! 主机是虚拟机：[^\n]+（主题：dhcp-mac-spoofing）/,
    kb: '此主机为 14393.100，早于 14393.1066。',
    refusals: ['--internal: Windows 不支持仅限内部的网络', '--opt com.docker.network.windowsshim.vlanid=11: 请改用 --vlan', '--vlan: 5000 超出'],
    explain: ['nat（单主机）', '服务发现：本地：是；全局：不适用', 'Windows 不支持：', '  docker run --link: Windows 不支持容器链接'],
  },
  {
    lang: 'ko-KR',
    env: 'ko_KR.UTF-8',
    headings: ['드라이버: l2bridge', '네트워크 만들기:', '이 네트워크에서 컨테이너 실행:', 'docker-compose 코드:', '경고:'],
    warning: /! 호스트가 가상 머신입니다[^\n]+\(주제: dhcp-mac-spoofing\)/,
    kb: '이 호스트는 14393.100이며 14393.1066보다 이전 버전입니다.',
    refusals: ['--internal: Windows에서는 내부 전용 네트워크가 지원되지 않습니다', '--opt com.docker.network.windowsshim.vlanid=11: 대신 --vlan', '--vlan: 5000'],
    explain: ['nat (단일 호스트)', '서비스 검색: 로컬: 예, 전역: 해당 없음', 'Windows에서 지원되지 않음:', '  docker run --link: Windows에서는 컨테이너 링크가'],
  },
  {
    lang: 'sv-SE',
    env: 'sv_SE.UTF-8',
    headings: ['Drivrutin: l2bridge', 'Skapa nätverket:', 'Kör en container på det:', 'docker-compose-utdrag:', 'Varningar:'],
    warning: /! Värden är en virtuell dator: [^\n]+\(ämne: dhcp-mac-spoofing\)/,
    kb: 'Den här värden har versionsnummer 14393.100, som är äldre än 14393.1066.',
    refusals: ['--internal: interna nätverk stöds inte på Windows', '--opt com.docker.network.windowsshim.vlanid=11: använd --vlan i stället', '--vlan: 5000'],
    explain: ['nat (en värd)', 'tjänstidentifiering: lokal: ja; global: ej tillämpligt', 'Stöds inte på Windows:', '  docker run --link: containerlänkar stöds inte på Windows'],
  },
] as const;

describe('network plan in the user language', () => {
  it.each(LANGS)('$lang: headings and warnings translated, every command line as in English', async (x) => {
    const en = await runCli(PLAN);
    const r = await runCli([...PLAN, '--lang', x.lang]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const h of x.headings) expect(r.stdout.split('\n')).toContain(h);
    expect(r.stdout).toMatch(x.warning);
    expect(r.stdout).toContain(x.kb);
    for (const english of ['Driver:', 'Create the network:', 'Warnings:', 'MAC address spoofing', '(topic:']) expect(r.stdout).not.toContain(english);
    // The command, the run example and the compose snippet are the English run's, line for line.
    expect(copyLines(r.stdout)).toEqual(copyLines(en.stdout));
    expect(copyLines(r.stdout)).toContain('  docker run --network=MyNet --ip=10.123.174.20 IMAGE');
    expect(r.stdout.split('\n').length).toBe(en.stdout.split('\n').length);
  });

  it.each(LANGS)('$lang (from LANG): refused options and invalid values named as typed, the reasons translated, exit 2', async (x) => {
    const en = await runCli(REFUSED);
    const r = await runCli(REFUSED, { env: { LANG: x.env } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(en.stderr.trimEnd().split('\n').length);
    for (const [i, want] of x.refusals.entries()) expect(lines[i]).toContain(`wcdoctor network plan: ${want}`);
    // Each line names the same option as the English run does.
    const option = (l: string) => l.split(': ')[1];
    expect(lines.map(option)).toEqual(en.stderr.trimEnd().split('\n').map(option));
    expect(r.stderr).not.toMatch(/not supported on Windows|instead|outside the VLAN/);
  });

  it('keeps --json as it was: ids beside the engine English, whatever the language', async () => {
    const en = await runCli([...PLAN, '--json']);
    const sv = await runCli([...PLAN, '--json', '--lang', 'sv-SE']);
    expect(sv.stdout).toBe(en.stdout);
    const warnings = (JSON.parse(en.stdout) as { warnings: Record<string, unknown>[] }).warnings;
    for (const w of warnings) expect(Object.keys(w)).toEqual(['id', 'message', 'topic']);
  });

  it('prints English byte for byte with --lang en, as with no language set', async () => {
    expect((await runCli([...PLAN, '--lang', 'en'])).stdout).toBe((await runCli(PLAN)).stdout);
    expect((await runCli(REFUSED, { env: { LANG: 'en_US.UTF-8' } })).stderr).toBe((await runCli(REFUSED)).stderr);
  });
});

describe('network explain in the user language', () => {
  it.each(LANGS)('$lang: the notes of every driver and the options Windows refuses', async (x) => {
    const en = await runCli(['network', 'explain']);
    const r = await runCli(['network', 'explain', '--lang', x.lang]);
    expect(r.code).toBe(0);
    for (const want of x.explain) expect(r.stdout).toContain(want);
    expect(r.stdout).not.toMatch(/addresses:|needs:|service discovery:|Not supported on Windows/);
    // The same number of lines, each option line naming the same docker command and option.
    expect(r.stdout.split('\n')).toHaveLength(en.stdout.split('\n').length);
    const options = (out: string) => out.split('\n').filter((l) => /^ {2}docker /.test(l)).map((l) => l.split(': ')[0]);
    expect(options(r.stdout)).toEqual(options(en.stdout));
    expect(options(r.stdout)).toHaveLength(UNSUPPORTED_OPTIONS.length);
  });

  it.each(LANGS)('$lang: an unknown driver is refused in that language, the name as typed (exit 2)', async (x) => {
    const r = await runCli(['network', 'explain', 'Macvlan'], { env: { LANG: x.env } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^wcdoctor network explain: ["“]Macvlan["”]/);
    expect(r.stderr).toContain('nat, transparent, overlay, l2bridge, l2tunnel');
    expect(r.stderr).not.toContain('is not a Windows network driver');
  });
});

// The English catalogue holds the engine's own words for what the CLI translates, so no language drifts from them.
describe('network catalogue keys say what the engine says', () => {
  const en = createT(readLocaleCatalogs(), 'en');

  it.each([...DRIVERS])('%s: summary, addresses, needs and discovery', (d) => {
    const x = driverNotesText(d, en);
    const n = DRIVER_NOTES[d];
    expect(x).toEqual({ scope: n.scope, summary: n.summary, addresses: n.addresses, needs: n.needs, discovery: n.serviceDiscovery });
  });

  it('every unsupported option and every refusal of an option or image', () => {
    for (const u of UNSUPPORTED_OPTIONS) expect(unsupportedText(u.option, en)).toBe(u.reason);
    for (const req of [{ option: '-o', value: 'com.docker.network.windowsshim.interface=x' }, { option: '--opt', value: 'com.docker.network.windowsshim.bogus=1' }, { option: '--opt', value: 'mtu=1400' }]) {
      const r = refuseOption(req);
      expect(r && refusalText(r, en)).toBe(r?.message);
    }
    const image = planNetwork({ driver: 'nat', name: 'n', image: 'a;b' });
    const refusal = image.ok ? undefined : image.error[0]?.refusal;
    expect(refusal && refusalText(refusal, en)).toBe(refusal?.message);
  });
});
