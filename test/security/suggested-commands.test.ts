import { describe, expect, it } from 'vitest';
import { planFix, prefillFromEntities } from '../../src/core/fixes/plan-fix.js';
import type { Fix, Topic } from '../../src/core/knowledge/types.js';
import { isShellNeutral } from '../../src/core/text/shell-safe.js';
import { fillFixCommand } from '../../src/core/fixes/fill-fix-command.js';
import { makeTopic } from '../core/fixes/fix-fixtures.js';
import { runCli } from '../helpers/cli-io.js';

// Item 3 of issue 11: a command line wcdoctor suggests is safe to paste into a shell.

const INJECTED = 'akswin000001;touch${IFS}pwned-by-paste;#';

/** A kubectl describe pod whose node name carries shell syntax. */
const podPaste = (node: string): string =>
  [
    'Events:',
    '  Type     Reason     Age   From               Message',
    `  Warning  Failed     2m    kubelet, ${node}  Error: failed to start containerd task: hcs::System::CreateProcess: The container operating system does not match the host operating system. (0xc0370101)`,
    `Node: ${node}/10.240.0.4`,
    'Image: mcr.microsoft.com/windows/servercore:ltsc2022',
  ].join('\n');

/** A `kubectl describe node` of a build 20348 host, named `node`. */
const nodePaste = (node: string): string =>
  [`Name:               ${node}`, 'Roles:              agent', 'System Info:', '  Kernel Version:             10.0.20348.2113', '  OS Image:                   Windows Server 2022 Datacenter', '  Operating System:           windows'].join('\n');

describe('suggested command lines are safe to paste', () => {
  it('diagnose: the suggested compat command leaves out a node name with shell syntax, and keeps a real one', async () => {
    const bad = await runCli(['diagnose', '-'], { stdin: podPaste(INJECTED), env: { LANG: 'en_US.UTF-8' } });
    const line = /wcdoctor compat .*/.exec(bad.stdout)?.[0] ?? '';
    expect(line).toBe('wcdoctor compat --host HOST-VERSION --image mcr.microsoft.com/windows/servercore:ltsc2022');
    expect(bad.stdout).not.toContain('pwned-by-paste;');
    const good = await runCli(['diagnose', '-'], { stdin: podPaste('akswin000001'), env: { LANG: 'en_US.UTF-8' } });
    expect(good.stdout).toContain('wcdoctor compat --host HOST-VERSION --image mcr.microsoft.com/windows/servercore:ltsc2022 --node akswin000001');
  });

  it("compat: an action's command keeps the placeholder instead of a pasted node name with shell syntax", async () => {
    const bad = await runCli(['compat', '--host', '-', '--image', 'mcr.microsoft.com/windows/servercore:ltsc2019'], { stdin: nodePaste(INJECTED) });
    expect(bad.stdout).toContain('kubectl label node NODE beta.kubernetes.io/osbuild=20348');
    const commands = bad.stdout.split('\n').filter((l) => /^\s+(?:kubectl|docker) /.test(l));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(c).not.toContain('pwned');
    const good = await runCli(['compat', '--host', '-', '--image', 'mcr.microsoft.com/windows/servercore:ltsc2019'], { stdin: nodePaste('akswin000001') });
    expect(good.stdout).toContain('kubectl label node akswin000001 beta.kubernetes.io/osbuild=20348');
  });

  it('topic fix commands are filled only with values that are what the placeholder takes', () => {
    const fix: Fix = {
      id: 'f', title: 'f', shell: 'docker', command: 'docker inspect {{container}}', changes: 'c', risk: 'low', admin: false,
      params: { container: { kind: 'container-name', description: 'container', entity: 'container' } },
    };
    expect(fillFixCommand(fix, { container: 'web-1' })).toBe('docker inspect web-1');
    for (const bad of ['-rm', '@args', 'web;rm -rf ~', 'a$(calc)', 'a\u001b]0;x\u0007'])
      expect(fillFixCommand(fix, { container: bad }), bad).toBe('docker inspect {{container}}');
  });

  it('a fix is not pre-filled from a paste with a value that no shell quoting makes safe to show', () => {
    const topic: Topic = {
      ...makeTopic(),
      fixes: [{ id: 'team', title: 't', shell: 'docker', command: 'docker network create -o com.docker.network.windowsshim.interface={{interfaces}} {{network}}', changes: 'c', risk: 'low', admin: false,
        params: { interfaces: { kind: 'text', description: 'adapters', entity: 'interfaceName' }, network: { kind: 'network-name', description: 'name', entity: 'network' } } }],
    };
    const entities = { interfaceName: 'Ethernet$(calc)', network: 'net1' };
    expect(prefillFromEntities(topic.fixes[0]!, entities)).toEqual({ network: 'net1' });
    const planned = planFix(topic, 'team', {}, entities, { quoting: 'windows' });
    expect(!planned.ok && planned.error.map((p) => p.id)).toEqual(['missing']);
    // A value the person gives themselves is refused too, off Windows as well: the line printed and copied for the
    // Windows host would run $(calc) when pasted into PowerShell, whatever the quoting (an attacker helper: off Windows
    // the POSIX line was handed out, and it ran code there).
    const given = planFix(topic, 'team', { interfaces: 'Ethernet$(calc)' }, entities, { quoting: 'posix' });
    expect(!given.ok && given.error.map((p) => [p.id, p.name])).toEqual([['notPasteable', 'interfaces']]);
    const onWindows = planFix(topic, 'team', { interfaces: 'Ethernet$(calc)' }, entities, { quoting: 'windows' });
    expect(!onWindows.ok && onWindows.error.map((p) => [p.id, p.name])).toEqual([['notPasteable', 'interfaces']]);
  });

  it('network plan: the run example is offered only for an image reference, never for shell syntax', async () => {
    const bad = await runCli(['network', 'plan', 'net1', '--image', 'a"&calc&"']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--image');
    const good = await runCli(['network', 'plan', 'net1', '--image', 'mcr.microsoft.com/windows/nanoserver:ltsc2022']);
    expect(good.stdout).toContain('docker run --network=net1 mcr.microsoft.com/windows/nanoserver:ltsc2022');
  });

  it('a shell-neutral value reads the same bare in sh, PowerShell and cmd; shell syntax never is', () => {
    for (const v of ['mcr.microsoft.com/windows/servercore:ltsc2022', 'akswin000001', '10.0.17763.1234', 'web_1', 'repo@sha256:0123abcd']) expect(isShellNeutral(v), v).toBe(true);
    for (const v of [INJECTED, '-rm', '@splat', 'a b', 'a$(x)', 'a`b', '%PATH%', '!x!', 'a"b', "a'b", 'a\nb', 'a\u001bb', '']) expect(isShellNeutral(v), v).toBe(false);
  });
});
