import { createHash } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readRegularFile } from './read-regular-file.js';

/** The most of docker's config.json, or of a context's meta.json, read (a config with many auths is a few KiB). */
const MAX_DOCKER_FILE = 1024 * 1024;

/** This machine's own names and addresses: its host name and the addresses of its network interfaces. */
export interface OwnMachine {
  hostname: string;
  addresses: string[];
}

function ownMachine(): OwnMachine {
  try {
    return { hostname: os.hostname(), addresses: Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address)) };
  } catch {
    return { hostname: '', addresses: [] };
  }
}

/**
 * An IP address in one spelling, or undefined for a name: IPv4 as four decimal numbers (also from the forms a
 * resolver takes, `127.1`, `0x7f.0.0.1`, `2130706433`, as the URL parser reads them), IPv6 compressed in lower case,
 * an IPv4-mapped or IPv4-compatible IPv6 address (`::ffff:7f00:1`, `::ffff:0:0`, `::7f00:1`) as the IPv4 address it
 * carries (found by the second attacker helper: those forms of 127.0.0.1 and 0.0.0.0 passed as another machine).
 */
export function canonicalIp(host: string): string | undefined {
  let h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h.includes('%')) h = h.slice(0, h.indexOf('%'));
  if (h.includes(':')) {
    if (!isIP(h)) return undefined;
    let v6: string;
    try {
      v6 = new URL(`http://[${h}]/`).hostname.slice(1, -1);
    } catch {
      return undefined;
    }
    const groups = expandV6(v6);
    const v4 = `${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`;
    const zeros = groups.slice(0, 5).every((g) => g === 0);
    if (zeros && groups[5] === 0xffff) return v4;
    // IPv4-compatible (deprecated): ::a.b.c.d, but not :: or ::1.
    if (zeros && groups[5] === 0 && (groups[6] !== 0 || groups[7]! > 1)) return v4;
    return v6;
  }
  if (!/^[0-9a-fx.]+$/.test(h)) return undefined;
  try {
    const parsed = new URL(`http://${h}/`).hostname;
    return isIP(parsed) === 4 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The eight 16-bit groups of a valid IPv6 address in the URL parser's spelling. */
function expandV6(v6: string): number[] {
  const [head, tail] = v6.includes('::') ? v6.split('::') : [v6, undefined];
  const part = (x: string | undefined) => (x ? x.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** Whether an address (canonicalIp's spelling) is this machine: loopback, unspecified, or one of its interfaces'. */
function isOwnAddress(ip: string, own: OwnMachine): boolean {
  if (ip === '::1' || ip === '::' || /^(?:127|0)\./.test(ip)) return true;
  return own.addresses.some((a) => canonicalIp(a) === ip);
}

/**
 * A host name that is this machine by its name alone: localhost (and its subdomains) or its own name. Its name
 * qualified (`box.example.com`) is found by resolving it (resolveIsLocal): a prefix is no proof (a tester's machine `ci`
 * took `ci.win.corp` for itself).
 */
function isOwnName(name: string, own: OwnMachine): boolean {
  const h = name.trim().toLowerCase().replace(/\.$/, '');
  if (!h || h === 'localhost' || h.endsWith('.localhost')) return true;
  const mine = own.hostname.toLowerCase();
  return Boolean(mine) && (h === mine || mine.startsWith(`${h}.`));
}

/**
 * The host a `tcp://` or `ssh://` engine address names; undefined for any other address (a socket, a pipe, none). Read as
 * docker reads it (Go's url.Parse): the authority ends at the first `/`, `?` or `#`, and the user information in it at
 * its last `@`, so `tcp://127.0.0.1:2375#@winhost` names 127.0.0.1 (found by an attacker helper: the `#@winhost` was
 * taken for the host, and a fix ran on this machine's engine).
 */
export function hostOfAddress(address: string | undefined): string | undefined {
  const written = address?.trim() ?? '';
  // Without a scheme docker reads `host:port` as tcp (docker/cli's ParseHost): `winhost:2375` is winhost (found by a
  // regression tester: it was taken for this machine's engine, and a fix for winhost refused). Only a host and port;
  // anything else without a scheme is no address docker connects to.
  if (!written.includes('://') && /^(?:\[[0-9a-fA-F:.]{2,45}\]|[\w.-]{1,253}):\d{1,5}$/.test(written)) return hostOfAddress(`tcp://${written}`);
  const m = /^(?:tcp|ssh):\/\/([^/?#]*)/i.exec(written);
  if (!m) return undefined;
  const hostPort = m[1]!.slice(m[1]!.lastIndexOf('@') + 1);
  return /^(?:\[[^\]]*\]|[^:]*)/.exec(hostPort)![0];
}

/**
 * Whether an engine address is this machine's own engine, by what it says: none (docker's default, the local socket),
 * a unix socket or a file descriptor (Docker on Linux and macOS, rootless Docker, Docker Desktop's Linux engine), any
 * scheme but `tcp://` and `ssh://`, and those two when they name this machine: a loopback or unspecified address in any
 * spelling, one of its interfaces' addresses, localhost, its own name (found by an attacker helper:
 * `tcp://127.0.0.1:2375` let a fix run `docker rm -f` on the local engine). A name that resolves to this machine (an
 * alias in /etc/hosts) is found by resolveIsLocal.
 */
export function isLocalAddress(address: string | undefined, own: OwnMachine = ownMachine()): boolean {
  const host = hostOfAddress(address);
  if (host === undefined) return true;
  const ip = canonicalIp(host);
  return ip !== undefined ? isOwnAddress(ip, own) : isOwnName(host, own);
}

/** Resolves a host name to its addresses, as the system resolver does (/etc/hosts, then DNS). */
export type Lookup = (name: string) => Promise<string[]>;

const systemLookup: Lookup = async (name) => (await dnsLookup(name, { all: true, verbatim: true })).map((a) => a.address);

/**
 * isLocalAddress, and for a host name, whether any address it resolves to is this machine's (`localhost.localdomain`,
 * `ip6-loopback` or another alias in /etc/hosts; found by the second attacker helper). A name that does not resolve
 * within a few seconds is taken as another machine's (an ssh alias from ~/.ssh/config resolves only for ssh; a name
 * that resolves nowhere reaches no engine).
 */
export async function resolveIsLocal(address: string | undefined, own: OwnMachine = ownMachine(), lookup: Lookup = systemLookup, timeoutMs = 3000): Promise<boolean> {
  if (isLocalAddress(address, own)) return true;
  const host = hostOfAddress(address)!;
  if (canonicalIp(host) !== undefined) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), timeoutMs);
    timer.unref?.();
  });
  try {
    const addresses = await Promise.race([lookup(host.replace(/\.$/, '')).catch(() => [] as string[]), timeout]);
    return addresses.some((a) => {
      const ip = canonicalIp(a);
      return ip !== undefined && isOwnAddress(ip, own);
    });
  } finally {
    clearTimeout(timer);
  }
}

/** A JSON file of docker's, parsed; undefined when it is missing, not a regular file, too large or damaged. */
function readDockerJson(file: string): unknown {
  try {
    return JSON.parse(readRegularFile(file, MAX_DOCKER_FILE).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The engine address of a docker context, from its metadata (`contexts/meta/<sha256 of the name>/meta.json`, where
 * docker keeps it: `Endpoints.docker.Host`); undefined when it cannot be read.
 */
function contextAddress(folder: string, name: string): string | undefined {
  const digest = createHash('sha256').update(name).digest('hex');
  const meta = readDockerJson(path.join(folder, 'contexts', 'meta', digest, 'meta.json')) as { Endpoints?: { docker?: { Host?: unknown } } } | undefined;
  const host = meta?.Endpoints?.docker?.Host;
  return typeof host === 'string' ? host : undefined;
}

/**
 * Whether the docker client here talks to an engine on another machine (a Windows host reached from an admin machine)
 * rather than to this machine's own: DOCKER_HOST naming a network address (`tcp://`, `ssh://`), or a context
 * (DOCKER_CONTEXT, else the current context of docker's config.json in DOCKER_CONFIG or ~/.docker) whose endpoint does.
 * A unix socket is this machine's engine whatever it is called (`unix:///run/user/1000/docker.sock` of rootless
 * Docker, the `desktop-linux` or `rootless` context; found by a tester); so is a context whose endpoint cannot be read,
 * and the `default` context. A config or context file that cannot be read says nothing more than docker's default.
 */
export function dockerTalksElsewhere(env: Record<string, string | undefined> = process.env, home: string = env.HOME || env.USERPROFILE || os.homedir()): boolean {
  return !isLocalAddress(engineAddress(env, home));
}

/**
 * dockerTalksElsewhere, with a host name in the engine's address resolved (resolveIsLocal): a fix's preflight asks it
 * before a docker fix runs off Windows.
 */
export async function dockerTalksElsewhereResolved(env: Record<string, string | undefined> = process.env, home: string = env.HOME || env.USERPROFILE || os.homedir(), lookup?: Lookup): Promise<boolean> {
  return !(await resolveIsLocal(engineAddress(env, home), undefined, lookup));
}

/** The engine address docker here uses: DOCKER_HOST, else the current context's endpoint; undefined for docker's default. */
function engineAddress(env: Record<string, string | undefined>, home: string): string | undefined {
  const host = env.DOCKER_HOST?.trim();
  if (host) return host;
  const folder = env.DOCKER_CONFIG?.trim() || path.join(home, '.docker');
  let name = env.DOCKER_CONTEXT?.trim();
  if (!name) {
    const current = (readDockerJson(path.join(folder, 'config.json')) as { currentContext?: unknown } | undefined)?.currentContext;
    name = typeof current === 'string' ? current.trim() : '';
  }
  if (!name || name.toLowerCase() === 'default') return undefined;
  return contextAddress(folder, name);
}
