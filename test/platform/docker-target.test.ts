import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalIp, dockerTalksElsewhere, dockerTalksElsewhereResolved, isLocalAddress, resolveIsLocal } from '../../src/platform/docker-target.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'wcd-docker-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const docker = () => path.join(home, '.docker');
const withConfig = (config: string) => {
  mkdirSync(docker(), { recursive: true });
  writeFileSync(path.join(docker(), 'config.json'), config);
};
/** A context as docker stores it: contexts/meta/<sha256 of its name>/meta.json with its endpoint. */
const withContext = (name: string, host: string, folder = docker()) => {
  const dir = path.join(folder, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
};

describe('dockerTalksElsewhere', () => {
  it("is false for the machine's own engine: nothing set, the default context, a unix socket", () => {
    expect(dockerTalksElsewhere({}, home)).toBe(false);
    withConfig('{"currentContext":"default","auths":{}}');
    expect(dockerTalksElsewhere({}, home)).toBe(false);
    expect(dockerTalksElsewhere({ DOCKER_CONTEXT: 'default' }, home)).toBe(false);
    expect(dockerTalksElsewhere({ DOCKER_CONTEXT: 'Default' }, home)).toBe(false);
    // A socket is this machine's engine whatever it is called (found by a tester: rootless Docker's address passed).
    for (const h of ['unix:///var/run/docker.sock', 'unix:///run/user/1000/docker.sock', 'fd://', '  ']) expect(dockerTalksElsewhere({ DOCKER_HOST: h }, home), h).toBe(false);
  });

  it("follows a context to its endpoint: Docker Desktop's Linux engine and rootless Docker are local, a tcp or ssh host is elsewhere", () => {
    withContext('desktop-linux', 'unix:///home/u/.docker/desktop/docker.sock');
    withContext('rootless', 'unix:///run/user/1000/docker.sock');
    withContext('winhost', 'tcp://winhost.example:2376');
    withContext('viassh', 'ssh://admin@winhost.example');
    for (const [name, elsewhere] of [['desktop-linux', false], ['rootless', false], ['winhost', true], ['viassh', true], ['never-made', false]] as const) {
      expect(dockerTalksElsewhere({ DOCKER_CONTEXT: name }, home), name).toBe(elsewhere);
      withConfig(JSON.stringify({ currentContext: name }));
      expect(dockerTalksElsewhere({}, home), `${name} in config.json`).toBe(elsewhere);
    }
    // DOCKER_CONTEXT wins over the config, as docker reads them; DOCKER_HOST over both.
    withConfig('{"currentContext":"winhost"}');
    expect(dockerTalksElsewhere({ DOCKER_CONTEXT: 'default' }, home)).toBe(false);
    expect(dockerTalksElsewhere({ DOCKER_HOST: 'unix:///var/run/docker.sock' }, home)).toBe(false);
    expect(dockerTalksElsewhere({ DOCKER_HOST: 'tcp://winhost:2376' }, home)).toBe(true);
    // DOCKER_CONFIG names the folder of config.json and of the contexts.
    const other = path.join(home, 'elsewhere');
    mkdirSync(other);
    writeFileSync(path.join(other, 'config.json'), '{"currentContext":"remote"}');
    withContext('remote', 'tcp://10.0.0.5:2376', other);
    expect(dockerTalksElsewhere({ DOCKER_CONFIG: other }, path.join(home, 'nobody'))).toBe(true);
  });

  it("takes a tcp or ssh address of this machine for its own engine: loopback, unspecified, its own name and addresses (found by an attacker helper: tcp://127.0.0.1:2375 let a fix run docker rm -f here)", () => {
    for (const h of ['tcp://127.0.0.1:2375', 'tcp://127.1.2.3:2375', 'tcp://localhost:2375', 'TCP://LocalHost:2376', 'tcp://[::1]:2375', 'tcp://0.0.0.0:2375', 'tcp://[::]:2375', 'tcp://[::ffff:127.0.0.1]:2375', 'ssh://localhost', 'ssh://me@127.0.0.1:22', 'tcp://app.localhost:2375', 'tcp://localhost.:2375', 'npipe:////./pipe/docker_engine', 'http://winhost:2375'])
      expect(dockerTalksElsewhere({ DOCKER_HOST: h }, home), h).toBe(false);
    // Read as docker reads an address: the authority ends at `/`, `?` or `#`, its user information at the last `@` (found
    // by an attacker helper: `#@winhost` and `?@winhost` were taken for the host, and docker connected to 127.0.0.1).
    for (const h of ['tcp://127.0.0.1:2375#@winhost.example', 'tcp://127.0.0.1:2375?@winhost.example', 'tcp://localhost#@10.1.2.3:2376', 'tcp://a@b@127.0.0.1:2375', 'ssh://u@localhost/@winhost'])
      expect(dockerTalksElsewhere({ DOCKER_HOST: h }, home), h).toBe(false);
    expect(dockerTalksElsewhere({ DOCKER_HOST: 'tcp://me@winhost.example:2376#x' }, home)).toBe(true);
    // Without a scheme, `host:port` is tcp to docker (a regression tester: winhost:2375 was taken for this machine's engine).
    expect(dockerTalksElsewhere({ DOCKER_HOST: 'winhost.example:2375' }, home)).toBe(true);
    expect(dockerTalksElsewhere({ DOCKER_HOST: '10.0.0.5:2376' }, home)).toBe(true);
    for (const h of ['127.0.0.1:2375', 'localhost:2375', '[::1]:2375', '/var/run/docker.sock', 'winhost'])
      expect(dockerTalksElsewhere({ DOCKER_HOST: h }, home), h).toBe(false);
    withContext('loop', 'tcp://127.0.0.1:2375');
    expect(dockerTalksElsewhere({ DOCKER_CONTEXT: 'loop' }, home)).toBe(false);
    const own = { hostname: 'MyLaptop', addresses: ['192.168.1.20', 'fe80::1'] };
    for (const h of ['tcp://mylaptop:2375', 'tcp://192.168.1.20:2375', 'ssh://u@[fe80::1%eth0]']) expect(isLocalAddress(h, own), h).toBe(true);
    for (const h of ['tcp://winhost:2376', 'tcp://192.168.1.21:2376', 'ssh://admin@10.0.0.5', 'tcp://127.0.0.1.example.com:2376']) expect(isLocalAddress(h, own), h).toBe(false);
  });

  it('reads every spelling of a loopback or unspecified address as this machine (found by the second attacker helper: ::ffff:7f00:1 and ::ffff:0:0 passed)', () => {
    const own = { hostname: 'box', addresses: ['192.168.1.20'] };
    for (const h of ['tcp://[::ffff:7f00:1]:2375', 'tcp://[0:0:0:0:0:ffff:7f00:1]:2375', 'tcp://[::ffff:0:0]:2375', 'tcp://[::7f00:1]:2375', 'tcp://127.1:2375', 'tcp://0x7f.0.0.1:2375', 'tcp://2130706433:2375', 'tcp://0:2375', 'tcp://[0:0:0:0:0:0:0:1]:2375', 'tcp://[::ffff:c0a8:114]:2375'])
      expect(isLocalAddress(h, own), h).toBe(true);
    // A name that starts with this machine's is no proof (a tester: `ci` took `ci.win.corp` for itself); resolving tells.
    for (const h of ['tcp://[::ffff:c0a8:115]:2375', 'tcp://[2001:db8::1]:2376', 'tcp://10.0.0.5:2376', 'tcp://box.win.corp:2376'])
      expect(isLocalAddress(h, own), h).toBe(false);
    expect(canonicalIp('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(canonicalIp('[fe80::1%eth0]')).toBe('fe80::1');
    expect(canonicalIp('winhost')).toBeUndefined();
  });

  it('resolves a host name and takes it for this machine when any of its addresses is (an /etc/hosts alias of localhost; second attacker helper)', async () => {
    const own = { hostname: 'box', addresses: ['192.168.1.20'] };
    const hosts: Record<string, string[]> = { 'localhost.localdomain': ['127.0.0.1'], 'ip6-loopback': ['::1'], runsc: ['127.0.0.1'], mine: ['10.9.9.9', '192.168.1.20'], winhost: ['10.0.0.5'] };
    const lookup = async (name: string) => {
      if (!(name in hosts)) throw new Error('ENOTFOUND');
      return hosts[name]!;
    };
    for (const [h, local] of [['localhost.localdomain', true], ['ip6-loopback', true], ['runsc', true], ['mine', true], ['winhost', false], ['ssh-alias', false]] as const)
      expect(await resolveIsLocal(`tcp://${h}:2375`, own, lookup), h).toBe(local);
    // A resolver that never answers: the name counts as another machine's once the wait is over (docker would wait too).
    expect(await resolveIsLocal('tcp://slow:2375', own, () => new Promise(() => {}), 20)).toBe(false);
    expect(await dockerTalksElsewhereResolved({ DOCKER_HOST: 'tcp://runsc:2375' }, home, lookup)).toBe(false);
    expect(await dockerTalksElsewhereResolved({ DOCKER_HOST: 'tcp://winhost:2375' }, home, lookup)).toBe(true);
  });

  it('reads a damaged, odd or unreadable config or context as the local engine, without throwing', () => {
    for (const text of ['not json', '[]', 'null', '{"currentContext":42}', '{"currentContext":"  "}']) {
      withConfig(text);
      expect(dockerTalksElsewhere({}, home), text).toBe(false);
    }
    withConfig('{"currentContext":"broken"}');
    const dir = path.join(docker(), 'contexts', 'meta', createHash('sha256').update('broken').digest('hex'));
    mkdirSync(path.join(dir, 'meta.json'), { recursive: true });
    expect(dockerTalksElsewhere({}, home)).toBe(false);
    rmSync(docker(), { recursive: true, force: true });
    mkdirSync(path.join(docker(), 'config.json'), { recursive: true });
    expect(dockerTalksElsewhere({}, home)).toBe(false);
  });
});
