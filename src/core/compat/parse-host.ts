import { err, ok, type Result } from '../result.js';
import { refuseInput as refuse, type CompatInputError } from './input-error.js';
import type { CompatData, HostFamily, HostForm, HostInfo } from './types.js';
import { familyOf, releaseName, resolveName, revisionOf } from './versions.js';

/** The build-lab string of `BuildLabEx` and of a kernel version: `14393.321.amd64fre.rs1_release...`. */
const BUILD_LAB = /\b(\d{5})\.(\d+)\.[a-z0-9]+(?:fre|chk)\b/i;
const KERNEL_LINE = /Kernel Version:[ \t]*10\.0[ .](\d{5})(?!\d)(?:\.(\d+))?(?:[ \t]*\((\d{5})\.(\d+)\.)?/i;
const NAME_LINE = /^[ \t]*Name:[ \t]*(\S+)[ \t]*$/im;

interface Found {
  build: number;
  revision: number | null;
  form: HostForm;
}


function familyFromText(text: string): HostFamily | null {
  const m = /(?:Operating System|OS Name|OS Image|ProductName)[ \t]*:?[ \t]*(?:REG_SZ[ \t]*)?([^\r\n]*)/i.exec(text);
  const name = m?.[1] ?? '';
  if (/Windows Server/i.test(name)) return 'server';
  if (/Windows 1[01]\b/i.test(name)) return 'client';
  return null;
}

/** Reads the Kernel Version of each node in a `kubectl describe node` paste, with the node's name. */
function readNodes(text: string): { name: string; build: number; revision: number | null }[] {
  const nodes: { name: string; build: number; revision: number | null }[] = [];
  const lines = text.split(/\r?\n/);
  let name: string | null = null;
  for (const line of lines) {
    const n = /^[ \t]*Name:[ \t]*(\S+)[ \t]*$/i.exec(line) ?? /^\s*(?:\$\s*)?kubectl describe (?:node|no)\s+(\S+)/i.exec(line);
    if (n?.[1]) name = n[1];
    const k = KERNEL_LINE.exec(line);
    if (k?.[1]) nodes.push({ name: name ?? '', build: Number(k[1]), revision: revisionOf(k[4] ?? k[2]) });
  }
  return nodes;
}

/** Finds the build in pasted text, most trustworthy form first. */
function findInText(text: string): Found | undefined {
  const osBuild = /\(OS Build (\d{5})\.(\d+)\)/i.exec(text);
  if (osBuild) return { build: Number(osBuild[1]), revision: revisionOf(osBuild[2]), form: 'docker-info' };
  const ver = /Microsoft Windows \[Version 10\.0\.(\d{5})(?:\.(\d+))?\]/i.exec(text);
  if (ver) return { build: Number(ver[1]), revision: revisionOf(ver[2]), form: 'ver' };
  const kernel = KERNEL_LINE.exec(text);
  if (kernel) {
    const form: HostForm = /OS\/Arch:/i.test(text) && !/Operating System:/i.test(text) ? 'docker-version' : /System Info:|Machine ID:|kubectl/i.test(text) ? 'kubectl-node' : 'docker-info';
    return { build: Number(kernel[1]), revision: revisionOf(kernel[4] ?? kernel[2]), form };
  }
  const lab = BUILD_LAB.exec(text);
  if (lab) return { build: Number(lab[1]), revision: revisionOf(lab[2]), form: 'build-lab' };
  const pull = /incompatible with a 10\.0\.(\d{5})(?:\.(\d+))? host/i.exec(text);
  if (pull) return { build: Number(pull[1]), revision: revisionOf(pull[2]), form: 'pull-error' };
  const version = /(?:^|[^\d.])10\.0\.(\d{5})(?:\.(\d+))?(?!\d)/.exec(text);
  if (version) return { build: Number(version[1]), revision: revisionOf(version[2]), form: 'version' };
  const bare = /^\s*(\d{5})(?:\.(\d+))?\s*$/.exec(text);
  if (bare) return { build: Number(bare[1]), revision: revisionOf(bare[2]), form: 'build' };
  return undefined;
}

/** Why a text cannot describe a Windows container host, if it clearly cannot. */
function rejectText(text: string): CompatInputError | undefined {
  const osType = /^[ \t]*OSType:[ \t]*(\S+)/im.exec(text)?.[1];
  if (osType && osType.toLowerCase() !== 'windows')
    return refuse('linuxEngine', `the Docker engine runs ${osType} containers; switch it to Windows containers and paste again`, { os: osType });
  const archs = [...text.matchAll(/OS\/Arch:\s*(\S+)/gi)].map((m) => m[1] ?? '');
  const server = archs[archs.length - 1];
  if (archs.length > 1 && server && !server.startsWith('windows'))
    return refuse('otherServer', `the Docker server runs ${server}; switch it to Windows containers and paste again`, { arch: server });
  const old = /\b(?:Version|OsVersion\s*:)\s*\[?(\d+)\.(\d+)\.(\d{4,5})/i.exec(text);
  if (old && (old[1] !== '10' || old[2] !== '0')) {
    const version = `${old[1]}.${old[2]}`;
    return refuse('oldWindows', `Windows ${version} cannot run Windows containers; they need Windows Server 2016 or Windows 10 (version 10.0) or later`, { version });
  }
  return undefined;
}

/**
 * Reads a container host from a value (`10.0.17763.1234`, `17763`, `ltsc2019`, `Windows Server 2022`) or from
 * pasted output of `ver`, `reg query ... BuildLabEx`, `(Get-ComputerInfo).OsVersion`, `kubectl describe node`,
 * `docker info` or `docker version`.
 */
export function parseHost(input: string, data: CompatData): Result<HostInfo, CompatInputError> {
  const text = input.trim();
  if (!text) return err(refuse('empty', 'it is empty'));
  const rejected = rejectText(text);
  if (rejected) return err(rejected);
  const nodes = /System Info:|Machine ID:|kubectl describe (?:node|no)\b/i.test(text) ? readNodes(text) : [];
  const first = nodes[0];
  let found: Found | undefined = first ? { build: first.build, revision: first.revision, form: 'kubectl-node' } : findInText(text);
  let family = familyFromText(text);
  if (!found) {
    const named = resolveName(data, text);
    if (named) {
      found = { build: named.build, revision: null, form: 'name' };
      family ??= named.family;
    }
  }
  if (!found)
    return err(refuse('noBuild', 'no Windows build found in it; give a version such as 10.0.17763.1234, or paste the output of ver, docker info or kubectl describe node'));
  family ??= familyOf(data, found.build);
  const nodeName = first ? first.name || null : found.form === 'docker-info' ? (NAME_LINE.exec(text)?.[1] ?? null) : null;
  const isolation = /Default Isolation:\s*(process|hyperv)/i.exec(text)?.[1]?.toLowerCase() as HostInfo['isolation'] | undefined;
  const swarm = /^[ \t]*Swarm:[ \t]*active/im.test(text);
  return ok({
    build: found.build,
    revision: found.revision,
    release: releaseName(data, found.build, family),
    family,
    nodeName,
    form: found.form,
    isolation: isolation ?? null,
    orchestrator: found.form === 'kubectl-node' ? 'kubernetes' : swarm ? 'swarm' : null,
    otherNodes: nodes.slice(1).filter((n) => n.name),
  });
}
