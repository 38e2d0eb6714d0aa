import { asRecord, asRecords, num, parseBuild, parseJsonLoose, prop, str, strList } from './common.js';

/** What `docker info` says, from its JSON (`--format '{{json .}}'`) or its text. */
export interface DockerInfo {
  osType?: string;
  operatingSystem?: string;
  osVersion?: string;
  kernelVersion?: string;
  /** Build and revision read from KernelVersion or OperatingSystem. */
  build?: number;
  ubr?: number;
  isolation?: string;
  serverVersion?: string;
  dockerRootDir?: string;
  containersRunning?: number;
  networkPlugins?: string[];
  /** The daemon could not be reached: the error text (access denied, not running, …). */
  serverError?: string;
}

/** An error text that says the daemon was not reached (any of docker's wordings). */
const SERVER_ERROR = /(?:error during connect|Cannot connect to the Docker daemon|Access is denied|permission denied while trying to connect|pipe\/docker_engine|The system cannot find the file specified)[^\n]{0,300}/i;

/** Parses `docker info` output (JSON or text); an error-only output is kept as serverError. */
export function parseDockerInfo(text: string): DockerInfo | undefined {
  const json = asRecord(parseJsonLoose(text));
  if (json) {
    const errors = prop(json, 'ServerErrors');
    const plugins = asRecord(prop(json, 'Plugins'));
    const info: DockerInfo = {
      osType: str(json, 'OSType'),
      operatingSystem: str(json, 'OperatingSystem'),
      osVersion: str(json, 'OSVersion'),
      kernelVersion: str(json, 'KernelVersion'),
      isolation: str(json, 'Isolation'),
      serverVersion: str(json, 'ServerVersion'),
      dockerRootDir: str(json, 'DockerRootDir'),
      containersRunning: num(json, 'ContainersRunning'),
      networkPlugins: strList(plugins, 'Network'),
      serverError: Array.isArray(errors) && errors.length ? errors.filter((e) => typeof e === 'string').join('; ') : undefined,
    };
    return withBuild(info);
  }
  const field = (label: string): string | undefined => {
    for (const line of text.replace(/\r/g, '').split('\n')) {
      const t = line.trim();
      if (t.toLowerCase().startsWith(`${label.toLowerCase()}:`)) return t.slice(label.length + 1).trim();
    }
    return undefined;
  };
  const serverVersion = field('Server Version');
  const err = SERVER_ERROR.exec(text)?.[0];
  if (serverVersion === undefined && field('OSType') === undefined && err === undefined) return undefined;
  const running = field('Running');
  const network = field('Network');
  return withBuild({
    osType: field('OSType'),
    operatingSystem: field('Operating System'),
    osVersion: field('OS Version'),
    kernelVersion: field('Kernel Version'),
    isolation: field('Default Isolation'),
    serverVersion,
    dockerRootDir: field('Docker Root Dir'),
    containersRunning: running !== undefined && /^\d+$/.test(running) ? Number(running) : undefined,
    networkPlugins: network?.split(/[ \t]+/).filter(Boolean),
    serverError: serverVersion === undefined ? err : undefined,
  });
}

function withBuild(info: DockerInfo): DockerInfo {
  // "(OS Build 20348.2227)" in OperatingSystem carries the revision; KernelVersion's "(20348.1.amd64fre…)" is the
  // build lab's, which monthly updates do not change, so only its build is used.
  const os = /OS Build (\d{5})\.(\d{1,6})(?!\d)/.exec(info.operatingSystem ?? '');
  const kernel = parseBuild(info.kernelVersion) ?? parseBuild(info.osVersion);
  const b = os ? { build: Number(os[1]), ubr: Number(os[2]) } : kernel ? { build: kernel.build } : undefined;
  return Object.fromEntries(Object.entries({ ...info, build: b?.build, ubr: b?.ubr }).filter(([, v]) => v !== undefined)) as DockerInfo;
}

/** What `docker version` says: client and server versions and the server's OS. */
export interface DockerVersion {
  clientVersion?: string;
  serverVersion?: string;
  serverOs?: string;
  /** The server's platform name: `Docker Desktop 4.21.1 (114176)`, `Docker Engine - Community`. */
  serverPlatform?: string;
  serverError?: string;
}

/** Parses `docker version` (JSON from `--format '{{json .}}'`, or the text with Client: and Server: sections). */
export function parseDockerVersion(text: string): DockerVersion | undefined {
  const json = asRecord(parseJsonLoose(text));
  if (json) {
    const client = asRecord(prop(json, 'Client'));
    const server = asRecord(prop(json, 'Server'));
    if (!client && !server) return undefined;
    return strip({ clientVersion: str(client, 'Version'), serverVersion: str(server, 'Version'), serverOs: str(server, 'Os'), serverPlatform: str(asRecord(prop(server, 'Platform')), 'Name') || undefined, serverError: server ? undefined : SERVER_ERROR.exec(text)?.[0] });
  }
  const lines = text.replace(/\r/g, '').split('\n');
  let section: 'client' | 'server' | undefined;
  const out: DockerVersion = {};
  for (const line of lines) {
    if (/^Client\b/.test(line)) section = 'client';
    else if (/^Server\b/.test(line)) {
      section = 'server';
      const platform = /^Server:[ \t]*(\S[^\n]{0,100})$/.exec(line)?.[1]?.trim();
      if (platform) out.serverPlatform = platform;
    }
    const m = /^[ \t]+(Version|OS\/Arch):[ \t]*(\S+)/.exec(line);
    if (!m || !section) continue;
    if (m[1] === 'Version') {
      if (section === 'client') out.clientVersion ??= m[2];
      else out.serverVersion ??= m[2];
    } else if (section === 'server') out.serverOs ??= m[2]?.split('/')[0];
  }
  if (out.clientVersion === undefined && out.serverVersion === undefined) return undefined;
  if (out.serverVersion === undefined) {
    const e = SERVER_ERROR.exec(text)?.[0];
    if (e) out.serverError = e;
  }
  return out;
}

/** One local image, from `docker image inspect` JSON. */
export interface DockerImage {
  tags: string[];
  os?: string;
  osVersion?: string;
  build?: number;
  ubr?: number;
}

/** Parses `docker image inspect …` JSON (an array of images). */
export function parseDockerImages(text: string): DockerImage[] | undefined {
  const json = parseJsonLoose(text);
  if (json === undefined) return undefined;
  return asRecords(json).map((r) => {
    const osVersion = str(r, 'OsVersion');
    const b = parseBuild(osVersion);
    return strip({ tags: strList(r, 'RepoTags') ?? [], os: str(r, 'Os'), osVersion, build: b?.build, ubr: b?.ubr }) as DockerImage;
  });
}

/** `containerd --version` (`containerd github.com/containerd/containerd/v2 v2.0.4 …`), with the `version = N` line of config.toml the collector adds. */
export function parseContainerdVersion(text: string): { version: string; major: number; configVersion?: number } | undefined {
  const version = /containerd[^\n]{0,80}?[ \t]v?(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!version) return undefined;
  const config = /^[ \t]*version[ \t]*=[ \t]*(\d)[ \t]*$/m.exec(text);
  const out = { version: `${version[1]}.${version[2]}.${version[3]}`, major: Number(version[1]) };
  return config ? { ...out, configVersion: Number(config[1]) } : out;
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
