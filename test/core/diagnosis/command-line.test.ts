// The command-line model: options read with their arity, so entities (and the fix commands filled
// from them) get the right values.
import { describe, expect, it } from 'vitest';
import { imageOf, optionOf, parseCommand, splitWords } from '../../../src/core/diagnosis/command-line.js';
import { recognise } from '../../../src/core/diagnosis/recognise.js';

describe('splitWords', () => {
  it('groups quotes, drops them, and joins continued lines', () => {
    expect(splitWords('docker network create -o "com.docker.network.windowsshim.interface=Ethernet 2" net')).toEqual(['docker', 'network', 'create', '-o', 'com.docker.network.windowsshim.interface=Ethernet 2', 'net']);
    expect(splitWords("docker run --name 'my app' \\\n  -p 80:80 img")).toEqual(['docker', 'run', '--name', 'my app', '-p', '80:80', 'img']);
    expect(splitWords('docker run `\n  -it img')).toEqual(['docker', 'run', '-it', 'img']);
  });
});

describe('images and options of docker and kubectl commands', () => {
  it.each([
    ['docker run -it --rm mcr.microsoft.com/windows/servercore:ltsc2022 cmd', 'mcr.microsoft.com/windows/servercore:ltsc2022'],
    ['docker run -p 8080:80 -it myimage:1.0', 'myimage:1.0'],
    ['docker run -dit --name web -v C:\\data:C:\\data --isolation=hyperv nanoserver:1809 powershell', 'nanoserver:1809'],
    ['docker container run --network=nat -e A=1 -m 2g iis', 'iis'],
    ['docker create --cpus 2 mcr.microsoft.com/dotnet/framework/aspnet:4.8', 'mcr.microsoft.com/dotnet/framework/aspnet:4.8'],
    ['docker pull --platform windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022', 'mcr.microsoft.com/windows/nanoserver:ltsc2022'],
    ['docker pull -q alpine', 'alpine'],
    ['docker service create --name web --replicas 2 --publish 80:80 --constraint node.platform.os==windows microsoft/iis', 'microsoft/iis'],
    ['kubectl run iis --image=mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019 --restart=Never', 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019'],
    ['kubectl create deployment web --image mcr.microsoft.com/windows/nanoserver:1809', 'mcr.microsoft.com/windows/nanoserver:1809'],
    ['PS C:\\> docker.exe run -e "A=B C" --rm -it --entrypoint powershell contoso/app:2.1 -Command dir', 'contoso/app:2.1'],
  ])('%s → %s', (line, image) => {
    const cmd = parseCommand(line);
    expect(cmd && imageOf(cmd)).toBe(image);
  });

  it('skips a mention that is not a command ("docker: Error response …") and reads the next one', () => {
    const cmd = parseCommand('docker: Error response from daemon: x\nC:\\> docker run -p 80:80 web');
    expect(cmd?.command).toBe('run');
    expect(cmd && optionOf(cmd, 'p', 'publish')).toBe('80:80');
  });

  it('reads attached short values and grouped switches', () => {
    const cmd = parseCommand('docker run -itp8080:80 img')!;
    expect(optionOf(cmd, 'p')).toBe('8080:80');
    expect(optionOf(cmd, 'i')).toBe('true');
    expect(imageOf(cmd)).toBe('img');
  });
});

describe('entities from the model', () => {
  it('docker run: image, name, network, ports, isolation', () => {
    const e = recognise('C:\\> docker run -it --name web1 --network mynat -p 8080:80 --isolation=process mcr.microsoft.com/windows/servercore:ltsc2019 cmd').entities;
    expect(e).toMatchObject({ image: 'mcr.microsoft.com/windows/servercore:ltsc2019', container: 'web1', network: 'mynat', ports: ['8080:80'], port: '8080', isolation: 'process' });
  });

  it('docker network create: driver, subnet, gateway, adapter with a space, VLAN and name', () => {
    const e = recognise('docker network create -d transparent --subnet=10.0.0.0/24 --gateway 10.0.0.1 -o "com.docker.network.windowsshim.interface=Ethernet 2" -o com.docker.network.windowsshim.vlanid=11 MyNet').entities;
    expect(e).toMatchObject({ driver: 'transparent', subnet: '10.0.0.0/24', gateway: '10.0.0.1', interfaceName: 'Ethernet 2', vlan: '11', network: 'MyNet' });
  });

  it('docker service create: the service name and image', () => {
    const e = recognise('docker service create --name shop_web --replicas 3 contoso/web:2.0-ltsc2019').entities;
    expect(e).toMatchObject({ service: 'shop_web', image: 'contoso/web:2.0-ltsc2019', tag: '2.0-ltsc2019' });
  });

  it('kubectl run: the image', () => {
    expect(recognise('kubectl run test --image=mcr.microsoft.com/windows/nanoserver:ltsc2022').entities.image).toBe('mcr.microsoft.com/windows/nanoserver:ltsc2022');
  });
});

describe('bounded on adversarial input', () => {
  it.each([
    ['a million spaces after docker run', `docker run${' '.repeat(1_000_000)}img`],
    ['an unclosed quote over a long line', `docker run -e "${'a'.repeat(500_000)}`],
    ['200,000 mentions of docker that are no command', 'docker: '.repeat(200_000)],
    ['100,000 continuation lines', `docker run \\\n${'-e A=1 \\\n'.repeat(100_000)}img`],
    ['control characters and tabs', `docker\trun\t-it\u0000\u001b[31m\t${'\t'.repeat(100_000)}img`],
  ])('%s: reads at most a bounded part and answers', (_name, text) => {
    const cmd = parseCommand(text);
    if (cmd) expect(cmd.positionals.join(' ').length).toBeLessThanOrEqual(4096);
    expect(recognise(text.slice(0, 65536)).structures).toBeDefined();
  }, 10_000);
});
