import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width.js';
import { compatCommand, registerCompat } from '../../src/cli/commands/compat.js';
import { run } from '../../src/cli/main.js';
import { stdinUnreadable } from '../../src/cli/stdin-limit.js';
import { fakeIO, runCli } from '../helpers/cli-io.js';
import { DOC_003, loadCompatData, sourceBlock } from '../core/compat/load-compat.js';

const data = loadCompatData();

/** Runs `wcdoctor compat ARGS` in-process with the data from knowledge/compat. */
async function compat(args: string[], stdin?: string) {
  const f = fakeIO({ stdin });
  let code = 0;
  const io = { ...f.io, setExitCode: (c: number) => void (code = c) };
  const program = new Command('wcdoctor').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  registerCompat(program, io, { loadCompatData: () => data });
  await program.parseAsync(['compat', ...args], { from: 'user' });
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

describe('compatCommand (pure)', () => {
  it('prints the JSON shape', () => {
    const r = compatCommand(data, { host: '10.0.17763.1234', image: 'mcr.microsoft.com/windows/servercore:ltsc2022', json: true });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['host', 'image', 'process', 'hyperv', 'reasons', 'actions']);
    expect(json).toMatchObject({
      host: { build: 17763, revision: 1234, release: expect.stringContaining('Windows Server 2019') },
      image: { ref: 'mcr.microsoft.com/windows/servercore:ltsc2022', build: 20348, revision: null, release: 'Windows Server 2022', tag: 'ltsc2022' },
      process: 'no',
      hyperv: 'no',
      reasons: [expect.stringContaining('newer than the host')],
      actions: [{ kind: 'tag', title: expect.stringContaining('ltsc2019'), command: 'docker pull mcr.microsoft.com/windows/servercore:ltsc2019', snippet: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019', fixRef: { topic: 'choose-image-tag', fix: 'pull-pinned-image' } }],
    });
  });

  it('prints plain text for people, marks paired with words', () => {
    const r = compatCommand(data, { host: '10.0.14393.1770', image: 'microsoft/nanoserver:10.0.14393.1944' });
    expect(r.out).toContain('! Process isolation: risky');
    expect(r.out).toContain('✔ Hyper-V isolation: yes');
    expect(r.out).toContain('the host is at 1770, the image at 1944');
    expect(r.out).toContain('docker pull mcr.microsoft.com/windows/nanoserver:10.0.14393.1770');
    expect(r.out).toContain('docker run --isolation=hyperv microsoft/nanoserver:10.0.14393.1944');
  });

  it('fills names given as options when the paste has none', () => {
    const r = compatCommand(data, { host: '10.0.17763.1', image: 'microsoft/windowsservercore:10.0.14393.1770', service: 'web', node: 'WIN-7', json: true });
    const cmds = (JSON.parse(r.out) as { actions: { command?: string }[] }).actions.map((a) => a.command);
    expect(cmds).toContain('docker node update --label-add OsVersion=10.0.17763 WIN-7');
    expect(cmds).toContain('docker service update --constraint-add "node.labels.OS == windows" --constraint-add "node.labels.OsVersion == 10.0.14393" web');
  });

  it.each([
    [{ host: 'hello', image: 'ltsc2019' }, /--host: no Windows build found/],
    [{ host: '', image: 'ltsc2019' }, /--host: it is empty/],
    [{ host: '17763', image: 'the container will not start' }, /--image: no image reference found/],
  ])('exit 2 naming the option: %j', (opts, message) => {
    const r = compatCommand(data, opts);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });
});

describe('wcdoctor compat', () => {
  it('reads the host paste from stdin (kubectl describe node, 003)', async () => {
    const nodes = sourceBlock(DOC_003, '$ kubectl get node', '```');
    const r = await compat(['--host', '-', '--image', 'microsoft/windowsservercore:1709', '--json'], nodes);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { host: unknown; process: string; actions: { command?: string }[] };
    expect(json.host).toEqual({ build: 14393, revision: 1715, release: expect.stringContaining('Windows Server 2016') });
    expect(json.process).toBe('no');
    expect(json.actions.map((a) => a.command)).toContain('kubectl label node 38519acs9010 beta.kubernetes.io/osbuild=14393.1715');
  });

  it('reads the image paste from stdin (docker service ps, 003)', async () => {
    const ps = sourceBlock(DOC_003, 'C:\\Program Files\\Docker>docker service ps --no-trunc angry_liskov', '```');
    const r = await compat(['--host', '10.0.16299.125', '--image', '-'], ps);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('service angry_liskov');
    expect(r.stdout).toContain('"exec-opts": ["isolation=hyperv"]');
  });

  it.each([
    [['--image', 'ltsc2019'], /--host is missing/],
    [['--host', '17763'], /--image is missing/],
    [['--host', '-', '--image', '-'], /cannot both be -/],
    [['--host', '-', '--image', 'ltsc2019'], /--host: it is empty/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await compat(args, '');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a word far longer than any image reference, and repeats it cut (found by a tester: 120,000 characters printed twice)', async () => {
    const r = await runCli(['compat', '--host', '10.0.17763.1', '--image', 'a'.repeat(120_000)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wcdoctor compat: --image: "a+…" is not an image reference\n$/);
    expect(r.stderr.length).toBeLessThan(200);
    const sv = await runCli(['compat', '--host', '10.0.17763.1', '--image', 'a'.repeat(120_000), '--lang', 'sv-SE']);
    expect(sv.code).toBe(2);
    expect(sv.stderr.length).toBeLessThan(200);
    // A reference of a usual length is read as before.
    expect((await runCli(['compat', '--host', '10.0.17763.1', '--image', `myregistry.example.com/${'team/'.repeat(20)}app:1.0`])).code).toBe(0);
  });

  it('names in --json the image it judged: a bare tag has none, a pasted list gives the one taken (found by a tester)', () => {
    const tag = JSON.parse(compatCommand(data, { host: '10.0.17763.1234', image: 'ltsc2019', json: true }).out) as { image: { ref: string | null; tag: string } };
    expect(tag.image).toMatchObject({ ref: null, tag: 'ltsc2019' });
    const list = 'REPOSITORY TAG IMAGE ID CREATED SIZE\nmcr.microsoft.com/windows/servercore ltsc2019 3d5b9ef1d9a8 2 weeks ago 4.9GB\nmcr.microsoft.com/windows/nanoserver ltsc2022 0a9a4e7f1c2b 3 weeks ago 290MB\n';
    const judged = JSON.parse(compatCommand(data, { host: '10.0.20348.2227', image: list, json: true }).out) as { image: { ref: string | null; build: number } };
    expect(judged.image.ref).toMatch(/^mcr\.microsoft\.com\/windows\/(servercore|nanoserver):ltsc20(19|22)$/);
    expect(judged.image.build).toBe(judged.image.ref!.endsWith('ltsc2019') ? 17763 : 20348);
  });

  it('judges each image of a pasted docker images table, in text, JSON and the user language (found by a tester: only the first row was judged)', async () => {
    const list = 'REPOSITORY TAG IMAGE ID CREATED SIZE\nmcr.microsoft.com/windows/servercore ltsc2022 3d5b9ef1d9a8 2 weeks ago 4.9GB\nmcr.microsoft.com/windows/nanoserver 1809 0a9a4e7f1c2b 3 weeks ago 290MB\n';
    const text = compatCommand(data, { host: '10.0.17763.5000', image: list }).out;
    expect(text).toMatch(/^The paste lists 2 images; each is judged below\.\n/);
    const first = text.indexOf('── Image 1 of 2 ──');
    const second = text.indexOf('── Image 2 of 2 ──');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text.slice(first, second)).toMatch(/servercore:ltsc2022[\s\S]*Process isolation: no/);
    expect(text.slice(second)).toMatch(/nanoserver:1809[\s\S]*Process isolation: yes/);
    const json = JSON.parse(compatCommand(data, { host: '10.0.17763.5000', image: list, json: true }).out) as { image: { ref: string }; process: string; others: { image: { ref: string }; process: string }[] };
    expect([json.image.ref, json.process]).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022', 'no']);
    expect(json.others.map((o) => [o.image.ref, o.process])).toEqual([['mcr.microsoft.com/windows/nanoserver:1809', 'yes']]);
    const sv = await runCli(['compat', '--lang', 'sv-SE', '--host', '10.0.17763.5000', '--image', '-'], { stdin: list });
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/^Det inklistrade listar 2 avbildningar/);
    expect(sv.stdout).toContain('── Avbildning 2 av 2 ──');
    // More images than are judged: the count is of the whole paste, the rest said at the end.
    const rows = Array.from({ length: 25 }, (_, i) => `myreg.local/app${i} ltsc2019 3d5b9ef1d9a8 2 weeks ago 4.9GB`).join('\n');
    const many = compatCommand(data, { host: '10.0.17763.5000', image: `REPOSITORY TAG IMAGE ID CREATED SIZE\n${rows}\n` }).out;
    expect(many).toMatch(/^The paste lists 25 images; the first 20 are judged below\./);
    expect(many).toContain('5 more images of the paste not judged');
    // One image: the report alone, as before.
    expect(compatCommand(data, { host: '10.0.17763.5000', image: 'ltsc2019' }).out).not.toMatch(/judged below|── Image/);
  });

  it('shows a value still to give as its name in capitals, as the network plan does, and keeps the placeholder in --json (found by a tester: {{image}} printed)', () => {
    const text = compatCommand(data, { host: 'ltsc2022', image: 'ltsc2019' }).out;
    expect(text).toContain('docker run --isolation=hyperv IMAGE');
    expect(text).not.toContain('{{');
    const json = JSON.parse(compatCommand(data, { host: 'ltsc2022', image: 'ltsc2019', json: true }).out) as { actions: { command?: string }[] };
    expect(json.actions.map((a) => a.command)).toContain('docker run --isolation=hyperv {{image}}');
  });

  it('is registered on the real program', async () => {
    const r = await runCli(['compat', '--image', 'ltsc2019']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--host is missing/);
  });
});

// Issue 14: the report in the user's language (the UI catalogue's words, the reasons and actions the app
// shows); English stays the knowledge's own text.
describe('compat in the user language', () => {
  const args = ['compat', '--host', '10.0.17763.1234', '--image', 'mcr.microsoft.com/windows/servercore:ltsc2022'];

  it('speaks Swedish with --lang sv-SE: headings, verdicts, reasons and actions', async () => {
    const r = await runCli([...args, '--lang', 'sv-SE']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Processisolering: nej');
    expect(r.stdout).toContain('Varför:');
    expect(r.stdout).toMatch(/Avbildningen är bygge 20348, nyare än värden \(17763\)/);
    expect(r.stdout).not.toContain('Why:');
    // Commands stay as they are.
    expect(r.stdout).toContain('docker pull mcr.microsoft.com/windows/servercore:ltsc2019');
  });

  it('follows LANG, and says why an input cannot be read in that language', async () => {
    const zh = await runCli(args, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('原因');
    const bad = await runCli(['compat', '--host', 'bogus', '--image', 'ltsc2019'], { env: { LANG: 'ko_KR.UTF-8' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^wcdoctor compat: --host: [^\n]*[\uac00-\ud7a3]/);
  });

  it("says its own refusals in the user's language too: an input missing, both on standard input, a paste too large (found by a reviewer: they stayed English)", async () => {
    const sv = { env: { LANG: 'sv_SE.UTF-8' } };
    expect(await runCli(['compat', '--image', 'ltsc2019'], sv)).toEqual({ code: 2, stdout: '', stderr: 'wcdoctor compat: --host saknas: ange värdens version (t.ex. 10.0.17763.1234) eller - för att klistra in utdata från ver eller docker info\n' });
    expect((await runCli(['compat', '--host', '17763', '--lang', 'ko-KR'])).stderr).toBe('wcdoctor compat: --image가 없습니다: 이미지 참조나 태그(예: mcr.microsoft.com/windows/servercore:ltsc2019)를 주거나 -로 붙여 넣으세요\n');
    expect((await runCli(['compat', '--host', '-', '--image', '-', '--lang', 'zh-CN'])).stderr).toMatch(/^wcdoctor compat: --host 和 --image 不能同时为 -/);
    const large = await runCli(['compat', '--host', '-', '--image', 'ltsc2019'], { ...sv, stdin: 'x'.repeat(1_200_000) });
    expect(large.code).toBe(2);
    expect(large.stderr).toMatch(/^wcdoctor compat: --host: texten är 1172 KiB, mer än de \d+ KiB som wcdoctor läser för den; klistra bara in/);
    // Standard input that cannot be read: its reason, then what compat takes instead, each in the language.
    const f = fakeIO({ stdin: '', env: { LANG: 'sv_SE.UTF-8' } });
    f.io.readStdin = () => Promise.reject(stdinUnreadable(Object.assign(new Error('EBADF: bad file descriptor, read'), { code: 'EBADF' })));
    expect(await run(['compat', '--host', '-', '--image', 'ltsc2019'], f.io)).toBe(2);
    expect(f.stderr()).toBe('wcdoctor compat: standard in kan inte läsas (EBADF)\nwcdoctor compat: ange värdens version och avbildningen som värden (t.ex. --host 10.0.17763.1234 --image ltsc2019)\n');
  });

  it.each(['en', 'zh-CN', 'ko-KR', 'sv-SE'])('lines up the host and the image in %s (found by a tester: the Swedish labels were padded for the English ones)', async (lang) => {
    const r = await runCli([...args, '--lang', lang]);
    const [host, image] = r.stdout.split('\n');
    // Where the value starts: after the label, its colon and the blanks that pad it.
    const valueColumn = (line: string) => displayWidth(/^[^:：]*[:：] */.exec(line)![0]);
    expect(valueColumn(host!), `${host}\n${image}`).toBe(valueColumn(image!));
  });

  it('keeps English, the knowledge text, byte for byte when nothing asks for another language', async () => {
    const en = await runCli(args, { env: { LANG: 'C' } });
    expect(en.stdout).toBe(compatCommand(data, { host: '10.0.17763.1234', image: 'mcr.microsoft.com/windows/servercore:ltsc2022' }).out);
  });
});
