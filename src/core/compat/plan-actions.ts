import { isShellNeutral } from '../text/shell-safe.js';
import { fillTemplate, placeholderNames } from './template.js';
import type { ActionId, CompatAction, CompatData, CompatReport, HostInfo, ImageInfo } from './types.js';
import { findBaseImage, suggestTag } from './versions.js';

/**
 * Builds one action from its template, filling what is known and keeping the rest as placeholders. A command
 * or snippet is filled only with values that read the same bare in any shell (isShellNeutral): a node or
 * service name from a paste that carries shell syntax, spaces or control characters stays a placeholder there,
 * so the printed command is safe to paste (the fix runner asks for the value and validates it).
 */
function makeAction(data: CompatData, id: ActionId, values: Record<string, string>): CompatAction | undefined {
  const t = data.actions[id];
  if (!t) return undefined;
  // A value may hold a placeholder of ours (`17763.{{revision}}`), which the fix runner fills in turn.
  const neutral = Object.fromEntries(Object.entries(values).filter(([, v]) => isShellNeutral(v.replace(/\{\{[a-z_]+\}\}/g, '0'))));
  const fill = (s: string | undefined, with_ = neutral) => (s === undefined ? undefined : fillTemplate(s, with_));
  const used = new Set([t.title, t.command ?? '', t.snippet ?? ''].flatMap(placeholderNames));
  const action: CompatAction = {
    id,
    kind: t.kind,
    title: fill(t.title, values) ?? '',
    params: Object.fromEntries(Object.entries(values).filter(([k]) => used.has(k))),
  };
  const command = fill(t.command);
  const snippet = fill(t.snippet);
  if (command) action.command = command;
  if (snippet) action.snippet = snippet;
  if (t.topic) action.topic = t.topic;
  if (t.topic && t.fix) action.fixRef = { topic: t.topic, fix: t.fix };
  return action;
}

/** The value of a `beta.kubernetes.io/osbuild` label: build.revision where the revision must match, else the build. */
function osbuildOf(data: CompatData, build: number, revision: number | null): string {
  return data.revision.mustMatch.includes(build) ? `${build}.${revision ?? '{{revision}}'}` : String(build);
}

/** Drops values that are unknown, so their placeholders stay for the fix runner. */
function known(values: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

/**
 * The same Microsoft image with its tag naming the host's release instead of the image's: Microsoft's images built on a
 * base image (IIS, .NET Framework, .NET, PowerShell) name the release in their tags as the base images do
 * (`4.8-windowsservercore-ltsc2019`, `lts-nanoserver-1809`), so the variant for the host is that tag with the release
 * changed, and keeps the image's family (Nano Server stays Nano Server; found by a new-user helper: "rebuild on Server
 * Core" was advised for these). The release is the one the family's base image uses for the host (Nano Server's 1809,
 * not ltsc2019), and only a release name, never a revision (a tester found `…-windowsservercore-10.0.14393.7000` and
 * `…-nanoserver-ltsc2019` offered). Undefined for another publisher's image, the retired `mcr.microsoft.com/windows`
 * (its newer images are in windows/server), or a tag with no release between dashes (`6.0.1809` is a version).
 */
function microsoftVariant(data: CompatData, host: HostInfo, repository: string, tag: string | null): string | undefined {
  if (!tag || !/^(?:mcr\.microsoft\.com\/|microsoft\/)/i.test(repository) || /^(?:mcr\.microsoft\.com\/)?windows$/i.test(repository)) return undefined;
  const family = /nanoserver/i.test(tag) ? 'nanoserver' : 'servercore';
  const suggested = suggestTag(data, host.build, host.revision, family);
  const releases = new Set(data.builds.flatMap((b) => b.tags.map((t) => t.name.toLowerCase())));
  if (!suggested || suggested.needsRevision || !releases.has(suggested.tag.toLowerCase())) return undefined;
  const parts = tag.split(/([-_])/);
  let changed = false;
  const next = parts.map((p) => {
    if (!releases.has(p.toLowerCase())) return p;
    changed = true;
    return suggested.tag;
  });
  return changed && next.join('') !== tag ? `${repository}:${next.join('')}` : undefined;
}

/**
 * The retired full Windows image (`mcr.microsoft.com/windows`) on a host it has no tag for: its successor, the Windows
 * Server image (windows/server, published from Windows Server 2022 on), with the host's tag. A tester found
 * `mcr.microsoft.com/windows:1809` on a 2022 host told to be rebuilt on Server Core, which lacks what the full image has.
 * Undefined for any other repository, or a host older than the successor's first build.
 */
function windowsSuccessor(data: CompatData, host: HostInfo, repository: string): string | undefined {
  if (!/^(?:mcr\.microsoft\.com\/)?windows$/i.test(repository)) return undefined;
  const server = data.baseImages.find((b) => b.short === 'server');
  const suggested = server ? suggestTag(data, host.build, host.revision, server.short) : null;
  return server && suggested && !suggested.needsRevision ? `${server.repository}:${suggested.tag}` : undefined;
}

/**
 * Plans what to do when process isolation is not a clear yes: the tag that fits the host, finding the
 * missing facts, Hyper-V isolation, and in a Swarm or Kubernetes paste the labels and constraints that keep
 * the workload on matching nodes, with the real node and service names where the paste had them.
 */
export function planActions(
  host: HostInfo,
  image: ImageInfo,
  verdict: Pick<CompatReport, 'process' | 'hyperv'>,
  data: CompatData,
): CompatAction[] {
  if (verdict.process === 'yes') return [];
  const ids: [ActionId, Record<string, string | null | undefined>][] = [];
  const base = image.repository ? findBaseImage(data, image.repository) : undefined;
  const fallback = data.baseImages[0];
  const own = suggestTag(data, host.build, host.revision, (base ?? (image.repository ? undefined : fallback))?.short ?? null);
  // A base image with no tag for this host (windows/server before 2022): the first base image's tag instead.
  const instead = !own && base && fallback && base !== fallback ? suggestTag(data, host.build, host.revision, fallback.short) : null;
  const suggestion = own ?? instead;
  const sameBuildAlready = suggestion && image.build === suggestion.build && !data.revision.mustMatch.includes(suggestion.build);
  // An image of unknown build is looked at first: whether it needs another tag, its build says (found by a new-user
  // helper: "rebuild" came before "find the build").
  if (image.build === null) ids.push(['inspect-image', { image: image.ref }]);
  if (suggestion && !sameBuildAlready) {
    if (suggestion.needsRevision) ids.push(['find-host-revision', {}]);
    const repo = (instead ? fallback : (base ?? fallback))?.repository;
    const values = { tag: suggestion.tag, image: repo ? `${repo}:${suggestion.tag}` : null, repository: image.repository };
    const variant = !base && image.repository ? (microsoftVariant(data, host, image.repository, image.tag) ?? windowsSuccessor(data, host, image.repository)) : undefined;
    if (variant) ids.push(['pull-variant', { image: variant }]);
    else ids.push([base || !image.repository ? 'pull-tag' : 'rebuild-on-tag', values]);
  }
  const swarm = image.orchestrator === 'swarm' || host.orchestrator === 'swarm' || image.serviceName !== null;
  const k8s = !swarm && (image.orchestrator === 'kubernetes' || host.orchestrator === 'kubernetes');
  if (verdict.hyperv === 'yes' && swarm) ids.push(['swarm-daemon-hyperv', {}], ['swarm-restart-docker', {}]);
  else if (verdict.hyperv === 'yes' && !k8s) ids.push(['run-hyperv', { image: image.ref }]);
  if (swarm && image.build !== null) {
    const node = host.nodeName ?? image.nodeName;
    ids.push(['swarm-node-label-os', { node }], ['swarm-node-label', { node, os_version: `10.0.${host.build}` }]);
    ids.push(['swarm-service-constraint', { service: image.serviceName, os_version: `10.0.${image.build}` }]);
  }
  if (k8s) {
    const nodes = [{ name: host.nodeName ?? image.nodeName, build: host.build, revision: host.revision }, ...host.otherNodes];
    for (const n of nodes) ids.push(['k8s-node-label', { node: n.name, build: osbuildOf(data, n.build, n.revision) }]);
    if (image.build !== null) ids.push(['k8s-node-selector', { build: osbuildOf(data, image.build, image.revision) }]);
  }
  return ids.map(([id, values]) => makeAction(data, id, known(values))).filter((a): a is CompatAction => a !== undefined);
}
