import { createHash } from 'node:crypto';
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

/** A host name or address that is this machine: loopback (127.0.0.0/8, ::1, localhost), unspecified (0.0.0.0, ::), or one of its own. */
function isThisMachine(host: string, own: OwnMachine): boolean {
  // Brackets of an IPv6 address, its zone (`%eth0`) and a final dot of a fully qualified name go.
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
  const h = (bare.includes('%') ? bare.slice(0, bare.indexOf('%')) : bare).replace(/\.$/, '');
  if (!h || h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '::' || /^0+(?:\.0+){0,3}$/.test(h) || /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^0*:(?:0*:){0,6}0*1?$/.test(h)) return true;
  if (own.hostname && h === own.hostname.toLowerCase()) return true;
  return own.addresses.some((a) => a.toLowerCase() === h || a.toLowerCase() === h.replace(/^::ffff:/, ''));
}

/**
 * Whether an engine address is this machine's own engine: none (docker's default, the local socket), a unix socket or
 * a file descriptor (Docker on Linux and macOS, rootless Docker, Docker Desktop's Linux engine), any scheme but
 * `tcp://` and `ssh://`, and those two when they name this machine (`tcp://127.0.0.1:2375`, `tcp://localhost:2375`,
 * `ssh://localhost`, its own name or address: found by an attacker helper, a fix ran `docker rm -f` on the local engine).
 */
export function isLocalAddress(address: string | undefined, own: OwnMachine = ownMachine()): boolean {
  const a = address?.trim();
  if (!a) return true;
  const m = /^(tcp|ssh):\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(a);
  if (!m) return true;
  return isThisMachine(m[2]!, own);
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
  const host = env.DOCKER_HOST?.trim();
  if (host) return !isLocalAddress(host);
  const folder = env.DOCKER_CONFIG?.trim() || path.join(home, '.docker');
  let name = env.DOCKER_CONTEXT?.trim();
  if (!name) {
    const current = (readDockerJson(path.join(folder, 'config.json')) as { currentContext?: unknown } | undefined)?.currentContext;
    name = typeof current === 'string' ? current.trim() : '';
  }
  if (!name || name.toLowerCase() === 'default') return false;
  return !isLocalAddress(contextAddress(folder, name));
}
