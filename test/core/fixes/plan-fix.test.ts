import { describe, expect, it } from 'vitest';
import { commandToPaste, imageRegistry, planFix, SECRET_MASK, summarizeFixes } from '../../../src/core/fixes/plan-fix.js';
import { checkFixTemplate } from '../../../src/core/fixes/fill-template.js';
import { checkRunnable } from '../../../src/core/fixes/runnable.js';
import { formatArgv, tokenizeTemplate } from '../../../src/core/fixes/quote.js';
import type { Topic } from '../../../src/core/knowledge/types.js';
import { decodeEncodedCommand, makeTopic } from './fix-fixtures.js';
import { realKb } from '../../helpers/real-kb.js';

const topic = makeTopic();

function withFix(command: string, shell: Topic['fixes'][number]['shell'] = 'powershell'): Topic {
  return { ...topic, fixes: [{ id: 'x', title: 'x', shell, command, params: { v: { kind: 'text', description: 'v' } }, changes: 'x', risk: 'low', admin: false }] };
}

describe('planFix', () => {
  it('builds a PowerShell plan passed with -EncodedCommand', () => {
    const r = planFix(topic, 'ps-set', { name: 'web_1', value: "it's" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.command).toBe("Set-Thing -Name 'web_1' -Value 'it''s'");
    expect(p.program).toBe('powershell.exe');
    expect(p.argv.slice(0, 4)).toEqual(['powershell.exe', '-NoProfile', '-NonInteractive', '-EncodedCommand']);
    expect(decodeEncodedCommand(p.argv[4] ?? '')).toBe(p.script);
    // The command inside try, the console's output code page put back in finally (the shell wcdoctor runs in shares it).
    expect(p.script).toBe(
      `$ErrorActionPreference = 'Stop'\n$ProgressPreference = 'SilentlyContinue'\n$wcdOutputEncoding = [Console]::OutputEncoding\n[Console]::OutputEncoding = [System.Text.Encoding]::UTF8\n` +
        `try {\n${p.command}\n$wcdSucceeded = $?\n} finally {\n[Console]::OutputEncoding = $wcdOutputEncoding\n}\nif (-not $wcdSucceeded) { exit 1 }`,
    );
    expect(p).toMatchObject({ topic: 'demo-topic', fix: 'ps-set', risk: 'low', admin: true, readOnly: false });
    expect(p.confirmWord).toBeUndefined();
    expect(p.placeholders).toEqual([
      { name: 'name', kind: 'container-name', value: 'web_1', from: 'set', secret: false },
      { name: 'value', kind: 'text', value: "it's", from: 'set', secret: false },
    ]);
  });

  it('fills placeholders from diagnosis entities, and a given value wins', () => {
    const r = planFix(topic, 'docker-net', { note: 'n' }, { interfaceName: 'Ethernet 2', network: 'from-paste' });
    expect(r.ok && r.value.argv).toEqual(['docker', 'network', 'create', '-d', 'nat', '-o', 'com.docker.network.windowsshim.interface=Ethernet 2', '--label', 'note=n', 'from-paste']);
    expect(r.ok && r.value.placeholders.map((p) => p.from)).toEqual(['entity', 'set', 'entity']);
    const given = planFix(topic, 'docker-net', { note: 'n', network: 'mine' }, { interfaceName: 'Ethernet 2', network: 'from-paste' });
    expect(given.ok && given.value.argv.at(-1)).toBe('mine');
  });

  it('takes the first value of a list entity', () => {
    const r = planFix(topic, 'kubectl-label', { text: 'a=b' }, { nodes: ['n1', 'n2'] } as never);
    expect(r.ok && r.value.argv).toEqual(['kubectl', 'label', 'node', 'n1', 'a=b', '--overwrite']);
  });

  it('names every missing, invalid and unknown placeholder', () => {
    const r = planFix(topic, 'net-use', { drive: 'Z', share: '\\\\srv\\s', bogus: '1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => [p.kind, p.name])).toEqual([
      ['unknown-name', 'bogus'],
      ['invalid', 'drive'],
      ['missing', 'user'],
      ['missing', 'password'],
    ]);
    expect(r.error[1]?.message).toBe('"drive" "Z" must be a drive letter with a colon, such as Z:');
    expect(r.error[2]?.message).toMatch(/"user" has no value: account \(user\)/);
  });

  it('says when an entity value from the paste is invalid', () => {
    const r = planFix(topic, 'ps-set', { value: 'v' }, { container: 'x;y' });
    expect(!r.ok && r.error[0]?.message).toMatch(/taken from the pasted text/);
  });

  it('lists the valid fixes for an unknown fix id', () => {
    const r = planFix(topic, 'nope', {});
    expect(!r.ok && r.error[0]).toMatchObject({ kind: 'unknown-fix' });
    expect(!r.ok && r.error[0]?.message).toMatch(/its fixes are: ps-set, restart-hns, docker-net/);
  });

  it('gives high-risk fixes a confirmation word', () => {
    const r = planFix(topic, 'restart-hns', { service: 'hns' });
    expect(r.ok && r.value.confirmWord).toBe('restart-hns');
    const reg = planFix(topic, 'reg-delete', {});
    expect(reg.ok && reg.value.argv).toEqual(['reg', 'delete', 'HKLM\\SYSTEM\\Some Key', '/v', 'DisabledComponents', '/f']);
    expect(reg.ok && reg.value.command).toBe('reg delete "HKLM\\SYSTEM\\Some Key" /v DisabledComponents /f');
  });

  it('masks secrets in the redacted command and argv only', () => {
    const r = planFix(topic, 'net-use', { drive: 'Z:', share: '\\\\srv\\s', user: 'CONTOSO\\bob', password: 'p@ss word' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.argv).toEqual(['net', 'use', 'Z:', '\\\\srv\\s', '/user:CONTOSO\\bob', 'p@ss word']);
    expect(r.value.redacted.argv).toEqual(['net', 'use', 'Z:', '\\\\srv\\s', '/user:CONTOSO\\bob', SECRET_MASK]);
    expect(JSON.stringify(r.value.redacted)).not.toContain('p@ss');
  });

  it('rejects a whole-argument value that a program would read as an option', () => {
    const r = planFix(topic, 'kubectl-label', { node: 'n1', text: '--all' });
    expect(!r.ok && r.error[0]?.message).toMatch(/would read it as an option/);
    const net = planFix(topic, 'net-use', { drive: 'Z:', share: '\\\\srv\\s', user: 'bob', password: '/delete' });
    expect(!net.ok && net.error[0]?.name).toBe('password');
  });

  it('uses POSIX quoting for docker display strings when asked, and hands out the Windows line to paste on the host', () => {
    const r = planFix(topic, 'docker-net', { iface: 'Ethernet 2', note: "it's", network: 'n1' }, {}, { quoting: 'posix' });
    expect(r.ok && r.value.command).toBe("docker network create -d nat -o 'com.docker.network.windowsshim.interface=Ethernet 2' --label 'note=it'\\''s' n1");
    const windows = 'docker network create -d nat -o "com.docker.network.windowsshim.interface=Ethernet 2" --label "note=it\'s" n1';
    expect(r.ok && r.value.pasteCommand).toBe(windows);
    expect(r.ok && commandToPaste(r.value)).toBe(windows);
    // The same line as a plan made on Windows shows (test/pwsh/copy-lines.test.ts pastes those into PowerShell).
    const onWindows = planFix(topic, 'docker-net', { iface: 'Ethernet 2', note: "it's", network: 'n1' }, {}, { quoting: 'windows' });
    expect(onWindows.ok && onWindows.value.command).toBe(windows);
    expect(onWindows.ok && onWindows.value.pasteCommand).toBeUndefined();
  });

  it("refuses cmd's substitution with a space (%PATH: =%) and a value with a space and a final backslash, which Windows PowerShell 5.1 passes on as a quote (an attacker helper)", () => {
    for (const [note, id] of [['Eth %PATH: =%', 'cmdVariable'], ['C:\\data!USERNAME!', 'cmdVariable'], ['C:\\my app\\', 'trailingBackslash'], ['\\\\srv\\a b\\', 'trailingBackslash']] as const) {
      const r = planFix(topic, 'docker-net', { iface: 'Ethernet', note, network: 'n1' });
      expect(!r.ok && r.error.map((p) => p.id), note).toEqual([id]);
    }
    // A PowerShell fix passes its values on to programs as well.
    const ps = planFix({ ...topic, fixes: [{ id: 'p', title: 'p', shell: 'powershell', command: 'compact.exe /c /s:{{path}}', params: { path: { kind: 'text', description: 'p' } }, changes: 'c', risk: 'low', admin: false }] }, 'p', { path: 'C:\\Docker Data\\' });
    expect(!ps.ok && ps.error.map((p) => p.id)).toEqual(['trailingBackslash']);
    // Without the space, or without the final backslash, the line reads the same to every shell.
    expect(planFix(topic, 'docker-net', { iface: 'Ethernet', note: 'C:\\app\\', network: 'n1' }).ok).toBe(true);
    expect(planFix(topic, 'docker-net', { iface: 'Ethernet', note: 'C:\\my app', network: 'n1' }).ok).toBe(true);
  });

  it('refuses a value that PowerShell or cmd reads as code only together with the text the template glues to it (an attacker helper)', () => {
    const glued = (command: string, a: string, b = 'x') => ({ ...topic, fixes: [{ id: 'g', title: 'g', shell: 'docker' as const, command, params: { a: { kind: 'text' as const, description: 'a' }, b: { kind: 'text' as const, description: 'b' } }, changes: 'c', risk: 'low' as const, admin: false }] });
    // `C:\data$` is no variable alone, but `$:C:` is: the pasted line passed -v C:\data\app.
    const dollar = planFix(glued('docker run -v {{a}}:{{b}} img', 'x'), 'g', { a: 'C:\\data$', b: 'C:\\app' });
    expect(!dollar.ok && dollar.error.map((p) => [p.id, p.name])).toEqual([['notPasteable', 'a']]);
    // A % at a value's end and another at the next one's start make a cmd variable between them.
    const percent = planFix(glued('docker run --label {{a}}{{b}} img', 'x'), 'g', { a: 'x%PATH', b: '%y' });
    expect(!percent.ok && percent.error.map((p) => p.id)).toEqual(['cmdVariable']);
    // A $ before a space or at the end of an argument stays text, as do the template's own characters.
    expect(planFix(glued('docker run -v {{a}}:{{b}} img', 'x'), 'g', { a: 'C:\\data', b: 'C:\\app$' }).ok).toBe(true);
    expect(planFix(glued('docker run -e A={{a}} -v {{b}}:c img', 'x'), 'g', { a: 'x$', b: 'y' }).ok).toBe(true);
  });

  it('refuses off Windows too a value PowerShell would read as code in the line handed out for the host (an attacker helper)', () => {
    // Planned with POSIX quoting, the line went out with \'\\'' and ’ (which end a PowerShell string) for the Windows host.
    for (const note of ['a$(calc)', 'a`b', 'x"y', '%PATH%']) {
      const r = planFix(topic, 'docker-net', { iface: 'Ethernet 2', note, network: 'n1' }, {}, { quoting: 'posix' });
      expect(r.ok, note).toBe(false);
      expect(!r.ok && r.error.map((p) => p.id)).toEqual([note === '%PATH%' ? 'cmdVariable' : 'notPasteable']);
    }
    const quoteThenCode = planFix(topic, 'docker-net', { iface: 'Ethernet 2', note: 'a\u2019;calc;#', network: 'n1' }, {}, { quoting: 'posix' });
    expect(quoteThenCode.ok && quoteThenCode.value.command).toContain("'note=a\u2019;calc;#'");
    expect(quoteThenCode.ok && commandToPaste(quoteThenCode.value)).toBe('docker network create -d nat -o "com.docker.network.windowsshim.interface=Ethernet 2" --label "note=a\u2019;calc;#" n1');
  });

  it.each([
    ["Set-X -Name '{{v}}'", /inside a quoted string/],
    ['Set-X -Name "{{v}}"', /inside a quoted string/],
    ['Set-X # {{v}}', /inside a quoted string or comment/],
    ['Set-X <# {{v}} #>', /inside a quoted string or comment/],
    ['Set-X -Path HKLM:\\Key\\{{v}}', /glues/],
    ['Set-X -Name {{v}}x', /glues/],
    ["Set-X 'unterminated {{v}}", /quoted string/],
  ])('refuses the PowerShell template %j', (command, why) => {
    const r = planFix(withFix(command), 'x', { v: 'a' });
    expect(!r.ok && r.error[0]?.kind).toBe('template');
    expect(!r.ok && r.error[0]?.message).toMatch(why);
  });

  it.each([
    ['Set-X -Name {{v}}', "Set-X -Name 'a'"],
    ['Set-X -Name:{{v}}', "Set-X -Name:'a'"],
    ["Write-Output 'it''s' {{v}} # done", "Write-Output 'it''s' 'a' # done"],
    ['Get-X ({{v}}).Length', "Get-X ('a').Length"],
  ])('fills the PowerShell template %j', (command, filled) => {
    const r = planFix(withFix(command), 'x', { v: 'a' });
    expect(r.ok && r.value.command).toBe(filled);
  });

  it.each([
    ['docker ps | findstr {{v}}', 'docker', /shell syntax/],
    ['docker run %USERPROFILE% {{v}}', 'docker', /shell syntax \(%USERPROFILE%\)/],
    ['kubectl get {{v}}', 'docker', /starts with "kubectl"/],
    ['{{v}} --help', 'cmd', /program name/],
    ['cmd /c echo {{v}}', 'cmd', /starts a shell/],
    ['docker run "{{v}}', 'docker', /unterminated/],
  ] as const)('refuses the argv template %j', (command, shell, why) => {
    const r = planFix(withFix(command, shell), 'x', { v: 'a' });
    expect(!r.ok && r.error[0]?.message).toMatch(why);
  });
});

// Found by an attacker helper (attack44 F3): a pasted line chose the image a low-risk fix pulled and started, and one
// `y` ran `docker service update --image contoso-mirror.example/iis:ltsc2019 web`.
describe('planFix: an image the paste named asks for the typed word', () => {
  const kb = realKb();
  const topic = (id: string) => kb.topics.find((t) => t.id === id)!;
  const pasted = { image: 'contoso-mirror.example/iis:ltsc2019' };

  it('a low-risk fix that runs the image: the word is its id, and the plan names the image', () => {
    const r = planFix(topic('container-start-resource-in-use'), 'run-process-isolated', {}, pasted);
    expect(r.ok && r.value).toMatchObject({ risk: 'low', confirmWord: 'run-process-isolated', pastedImage: 'contoso-mirror.example/iis:ltsc2019' });
  });

  it('the same image typed by the user, and a read-only fix, need no word', () => {
    const typed = planFix(topic('container-start-resource-in-use'), 'run-process-isolated', pasted);
    expect(typed.ok && typed.value.confirmWord).toBeUndefined();
    expect(typed.ok && typed.value.pastedImage).toBeUndefined();
    const readOnly = kb.topics.flatMap((t) => t.fixes.filter((f) => f.readOnly && Object.values(f.params).some((p) => p.entity === 'image' && p.kind === 'image-ref')).map((f) => [t, f] as const));
    for (const [t, f] of readOnly) {
      const values = Object.fromEntries(Object.entries(f.params).filter(([, p]) => p.entity !== 'image').map(([n, p]) => [n, p.kind === 'container-name' ? 'web' : 'x']));
      const r = planFix(t, f.id, values, pasted);
      if (r.ok) expect(r.value.confirmWord, `${t.id}/${f.id}`).toBeUndefined();
    }
  });

  it('the tag a build gives what it makes is no image fetched or started: no word for it (a regression tester)', () => {
    const r = planFix(topic('buildkit-windows-images'), 'build-with-classic-builder', {}, pasted);
    expect(r.ok, JSON.stringify(!r.ok && r.error)).toBe(true);
    expect(r.ok && r.value.confirmWord).toBeUndefined();
    expect(r.ok && r.value.pastedImage).toBeUndefined();
  });

  it('the fixes meant to use another image than the one that failed do not take it from the paste', () => {
    for (const [t, f] of [['swarm-update-service-image', 'update-service-image'], ['version-mismatch-error', 'pull-matching-image']] as const) {
      expect(topic(t).fixes.find((x) => x.id === f)!.params.image!.entity, `${t}/${f}`).toBeUndefined();
    }
  });

  it.each([
    ['contoso-mirror.example/iis:ltsc2019', 'contoso-mirror.example'],
    ['rnicrosoft/windows-servercore:ltsc2019', 'docker.io'],
    ['nanoserver', 'docker.io'],
    ['localhost/app:1', 'localhost'],
    ['registry:5000/app:1', 'registry:5000'],
    ['mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com'],
  ])('imageRegistry(%s) is %s', (image, registry) => expect(imageRegistry(image)).toBe(registry));
});

describe('planFix problems carry an id and values for the UI', () => {
  it('names missing, invalid and unknown placeholders by id, with the reason of an invalid value', () => {
    const r = planFix(topic, 'net-use', { drive: 'Z', share: '\\\\srv\\s', bogus: '1' });
    expect(!r.ok && r.error.map((p) => p.id)).toEqual(['unknownName', 'invalid', 'missing', 'missing']);
    if (r.ok) return;
    expect(r.error[0]?.params).toEqual({ fix: 'net-use', name: 'bogus', names: 'drive, share, user, password' });
    expect(r.error[1]).toMatchObject({ params: { name: 'drive', value: '"Z"' }, reason: { id: 'driveLetter' } });
    expect(r.error[2]?.params).toEqual({ name: 'user', description: 'account', kind: 'user' });
  });

  it('marks a value taken from the paste', () => {
    const r = planFix(topic, 'ps-set', { value: 'v' }, { container: 'x;y' });
    expect(!r.ok && r.error[0]).toMatchObject({ id: 'invalidFromPaste', params: { name: 'name', value: '"x;y"' }, reason: { id: 'containerName' } });
  });

  it('gives the option-like value, its first character and the program', () => {
    const r = planFix(topic, 'kubectl-label', { node: 'n1', text: '--all' });
    expect(!r.ok && r.error[0]).toMatchObject({ kind: 'invalid', id: 'optionLike', name: 'text', params: { name: 'text', value: '"--all"', first: '-', program: 'kubectl' } });
  });

  it('refuses a value of a PowerShell fix that a program the script runs would read as an option, or split at a quote (found by an attacker helper)', () => {
    for (const value of ['-OutFile', '/add', '--all']) {
      const r = planFix(topic, 'ps-set', { name: 'web_1', value });
      expect(!r.ok && r.error[0]).toMatchObject({ kind: 'invalid', id: 'optionLikeInScript', name: 'value', params: { first: value[0] } });
    }
    const quoted = planFix(topic, 'ps-set', { name: 'web_1', value: 'a" b' });
    expect(!quoted.ok && quoted.error[0]).toMatchObject({ kind: 'invalid', name: 'value' });
    expect(planFix(topic, 'ps-set', { name: 'web_1', value: 'a-b/c' }).ok).toBe(true);
  });

  it('names an unknown fix, a topic without fixes, a fix that takes no values and a broken template', () => {
    const unknown = planFix(topic, 'nope', {});
    expect(!unknown.ok && unknown.error[0]).toMatchObject({ id: 'unknownFix', params: { topic: 'demo-topic', fix: 'nope', fixes: expect.stringContaining('ps-set, restart-hns') } });
    const none = planFix({ ...topic, fixes: [] }, 'nope', {});
    expect(!none.ok && none.error[0]).toMatchObject({ id: 'noFixes', params: { topic: 'demo-topic', fix: 'nope' }, message: 'topic "demo-topic" has no fixes' });
    const extra = planFix(topic, 'list-networks', { x: '1' });
    expect(!extra.ok && extra.error[0]).toMatchObject({ id: 'takesNoValues', params: { fix: 'list-networks', name: 'x' } });
    const broken = planFix(withFix("Set-X -Name '{{v}}'"), 'x', { v: 'a' });
    expect(!broken.ok && broken.error[0]).toMatchObject({ kind: 'template', id: 'template', params: { fix: 'x', topic: 'demo-topic', detail: expect.stringMatching(/inside a quoted string/) } });
  });
});

describe('checkRunnable', () => {
  const host = (platform: string, programs: string[] = [], dockerElsewhere?: boolean) => ({ platform, hasProgram: (n: string) => programs.includes(n), ...(dockerElsewhere === undefined ? {} : { dockerElsewhere }) });
  it.each([
    ['powershell', 'powershell.exe', host('linux'), /only on Windows, and this machine runs Linux/],
    ['reg', 'reg', host('darwin'), /only on Windows/],
    ['net', 'net', host('linux'), /only on Windows/],
    ['cmd', 'sc.exe', host('win32'), /not found on PATH/],
    ['cmd', 'ver', host('win32', ['ver']), /built into cmd\.exe/],
    ['docker', 'docker', host('win32'), /not installed here/],
    ['kubectl', 'kubectl', host('linux', ['docker']), /kubectl is not installed/],
    // docker off Windows that talks to its own engine (found by a tester: a Windows container's fix ran on a Linux laptop's Docker).
    ['docker', 'docker', host('linux', ['docker']), /docker on this Linux machine talks to its own engine/],
    ['docker', 'docker', host('darwin', ['docker'], false), /docker on this macOS machine talks to its own engine/],
  ] as const)('refuses %s here', (shell, program, h, why) => {
    const r = checkRunnable({ shell, program }, h);
    expect(!r.ok && r.error).toMatch(why);
  });

  it.each([
    ['powershell', 'powershell.exe', host('win32')],
    ['docker', 'docker', host('win32', ['docker'])],
    // … pointed at a Windows host (DOCKER_HOST, a docker context).
    ['docker', 'docker', host('linux', ['docker'], true)],
    ['kubectl', 'kubectl', host('darwin', ['kubectl'])],
    ['cmd', 'sc.exe', host('win32', ['sc.exe'])],
  ] as const)('allows %s here', (shell, program, h) => {
    expect(checkRunnable({ shell, program }, h).ok).toBe(true);
  });

  it('allows a docker fix that means the same on any engine against the local one', () => {
    expect(checkRunnable({ shell: 'docker', program: 'docker', anyEngine: true }, host('linux', ['docker'])).ok).toBe(true);
    expect(checkRunnable({ shell: 'docker', program: 'docker' }, host('linux', ['docker'])).ok).toBe(false);
  });
});

describe('summarizeFixes, tokenizeTemplate, formatArgv', () => {
  it('lists placeholders with kind, description and entity', () => {
    const s = summarizeFixes(topic).find((f) => f.id === 'ps-set');
    expect(s?.placeholders).toEqual([
      { name: 'name', kind: 'container-name', description: 'name of the container', entity: 'container', secret: false, pattern: null },
      { name: 'value', kind: 'text', description: 'any text', entity: null, secret: false, pattern: null },
    ]);
  });

  it('tokenises with template quotes and literal backslashes', () => {
    expect(tokenizeTemplate(`reg add "HKLM\\A B" /v 'x y'`).tokens.map((t) => t.text)).toEqual(['reg', 'add', 'HKLM\\A B', '/v', 'x y']);
  });

  it('quotes for Windows what PowerShell would read as code: braces, commas, a leading @, numbers of another spelling', () => {
    // Each was read differently by PowerShell 7 (test/pwsh/copy-lines.test.ts): a script block, an array, a splat, 1000.
    expect(formatArgv(['docker', 'image', 'inspect', '--format', '{{.OsVersion}}', 'img'])).toBe('docker image inspect --format "{{.OsVersion}}" img');
    // PowerShell would drop a bare -- before calling kubectl: quoted, every shell passes it (test/pwsh/copy-lines runs it).
    expect(formatArgv(['kubectl', 'exec', 'web-0', '--', 'ipconfig', '/all'])).toBe('kubectl exec web-0 "--" ipconfig /all');
    expect(formatArgv(['kubectl', 'exec', 'web-0', '--', 'ipconfig'], 'posix')).toBe('kubectl exec web-0 -- ipconfig');
    expect(formatArgv(['docker', 'network', 'create', '-o', 'com.docker.network.windowsshim.interface=a,b', 'n'])).toBe('docker network create -o "com.docker.network.windowsshim.interface=a,b" n');
    expect(formatArgv(['net', 'user', '@x', 'a@b'])).toBe('net user "@x" a@b');
    expect(formatArgv(['docker', 'inspect', '1e3', '0x10', '1kb', '07', '1.0', '42', '10.0.17763.1234'])).toBe('docker inspect "1e3" "0x10" "1kb" "07" "1.0" 42 10.0.17763.1234');
    // A parameter-like word PowerShell ends at its first dot (an attacker helper: -m1.5g reached docker as -m1 and .5g;
    // test/pwsh/copy-lines runs these through a real program).
    expect(formatArgv(['docker', 'run', '-m1.5g', '-lapp.kubernetes.io/name=web', '-a=1.5', '--x=a.b', '-a:b.c', '-1.5', '-d'])).toBe('docker run "-m1.5g" "-lapp.kubernetes.io/name=web" "-a=1.5" --x=a.b -a:b.c "-1.5" -d');
  });

  it('starts a Windows line whose program path is quoted with the call operator, which PowerShell needs', () => {
    expect(formatArgv(['C:\\Program Files\\containerd\\bin\\containerd.exe', '--version'])).toBe('& "C:\\Program Files\\containerd\\bin\\containerd.exe" --version');
    expect(formatArgv(['C:\\Program Files\\x.exe'], 'posix')).toBe("'C:\\Program Files\\x.exe'");
  });

  it('quotes arguments for Windows the way the C runtime reads them', () => {
    // A trailing backslash: quoted from the first character that needs it, the backslash after the closing quote, so
    // cmd, the C runtime and PowerShell all read C:\\dir" with space"\\ as C:\\dir with space\\ (checked in pwsh by test/pwsh).
    expect(formatArgv(['a', 'b c', 'say "hi"', 'C:\\dir with space\\', ''])).toBe('a "b c" "say \\"hi\\"" C:\\dir" with space"\\ ""');
    expect(formatArgv(['net', 'use', '\\\\srv\\a b\\', '\\\\srv\\ b\\'])).toBe('net use \\\\srv\\a" b"\\ \\\\srv"\\ b"\\');
    expect(formatArgv(['x', '-a b\\'])).toBe('x "-a b\\\\"');
  });
});

describe('checkFixTemplate', () => {
  it('accepts the fixture templates and names what is wrong with a broken one', () => {
    for (const f of topic.fixes) expect(checkFixTemplate(f), f.id).toBeUndefined();
    expect(checkFixTemplate({ shell: 'powershell', command: 'Get-X "{{v}}"', params: { v: {} } })).toMatch(/^the command places \{\{v\}\} inside a quoted string/);
    expect(checkFixTemplate({ shell: 'net', command: 'net use {{v}} && dir', params: { v: {} } })).toMatch(/shell syntax \(&\)/);
  });

  it('refuses a bare -- in a template the docs show as written (PowerShell drops it from a pasted line), and takes "--"', () => {
    expect(checkFixTemplate({ shell: 'kubectl', command: 'kubectl exec {{pod}} -- ipconfig', params: { pod: {} } })).toMatch(/bare --/);
    expect(checkFixTemplate({ shell: 'kubectl', command: 'kubectl exec {{pod}} "--" ipconfig', params: { pod: {} } })).toBeUndefined();
    expect(checkFixTemplate({ shell: 'kubectl', command: 'kubectl logs {{pod}} --previous', params: { pod: {} } })).toBeUndefined();
  });
});

describe('the data-root fixes of the real knowledge', () => {
  // A tester: `D:\Bob's data` was refused by these fixes' own pattern, though a single-quoted PowerShell literal
  // carries a quote doubled (test/pwsh runs the same fixes with quotes in the value).
  const topic = realKb().topics.find((t) => t.id === 'data-root-unsupported-volume')!;
  it.each(['show-folder-attributes', 'find-flagged-vhdx', 'uncompress-decrypt-data-root', 'move-data-root'])('%s takes a folder with an apostrophe, quoted once', (fix) => {
    const plan = planFix(topic, fix, { folder: "D:\\Bob's data" }, {});
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.value.script).toContain("'D:\\Bob''s data'");
  });
});
