import { fillTemplate } from './template.js';
import { planActions } from './plan-actions.js';
import type { CompatData, CompatReason, CompatReport, HostInfo, HyperVVerdict, ImageInfo, MessageId, OtherNodeVerdict, ProcessVerdict } from './types.js';
import { canRunProcess, familyOf, findBaseImage, findBuild, processFloor, releaseName, suggestTag } from './versions.js';

/** Adds a reason; `english` overrides values only in the English text (words a UI translates itself), `extra` adds structured detail. */
type Say = (id: MessageId, params?: Record<string, string | number>, english?: Record<string, string>, extra?: Pick<CompatReason, 'nodes'>) => void;

/** When the image paste names the node it ran on and the host paste describes that node, check that node. */
function selectNode(host: HostInfo, image: ImageInfo, data: CompatData): HostInfo {
  const hit = host.otherNodes.find((n) => n.name === image.nodeName);
  if (!hit || host.nodeName === null) return host;
  const rest = host.otherNodes.filter((n) => n !== hit);
  const first = { name: host.nodeName, build: host.build, revision: host.revision };
  const family = familyOf(data, hit.build);
  const release = releaseName(data, hit.build, family);
  return { ...host, nodeName: hit.name, build: hit.build, revision: hit.revision, family, release, otherNodes: [first, ...rest] };
}

/** Reasons about the tag itself: `latest`, no tag, a tag that names no build, a build inferred. */
function explainTag(host: HostInfo, image: ImageInfo, data: CompatData, say: Say): void {
  const short = image.repository ? (findBaseImage(data, image.repository)?.short ?? null) : null;
  const older = data.builds.filter((b) => b.build <= host.build && b.tags.length).pop()?.tags[0]?.name;
  const tag = suggestTag(data, host.build, host.revision, short)?.tag ?? older ?? data.builds.find((b) => b.tags.length)?.tags[0]?.name ?? '';
  const common = { ref: image.ref ?? '', date: data.latest.retiredOn, tag };
  if (image.tagForm === 'latest') say('latest-retired', common, { ref: image.ref ?? 'The image' });
  // A reference pinned by its digest names one image, whatever its tag: Docker asks for no latest.
  else if (image.tagForm === 'missing' && image.ref && !image.ref.includes('@sha256:')) say('tag-missing', common);
  else if (image.build === null && image.ref) say('tag-says-nothing', common);
  if (image.assumed && image.build !== null) say('legacy-latest', { repository: image.repository ?? '', image_build: image.build });
}

/** Process isolation for an image no newer than the host. */
function judgeProcess(host: HostInfo, image: ImageInfo & { build: number }, data: CompatData, say: Say): ProcessVerdict {
  const p = { host_build: host.build, image_build: image.build, floor: processFloor(data, host.build) };
  const below = host.build < data.process.exactFrom;
  // A host at the first build of the window runs its own build only: "from 20348 up to 20348" says that badly.
  const ownOnly = p.floor === host.build;
  if (!canRunProcess(data, host.build, image.build)) {
    say(below ? 'process-build-differs' : ownOnly ? 'process-own-build-older' : 'process-below-floor', p);
    return 'no';
  }
  if (!below) {
    say(ownOnly ? 'process-own-build' : 'process-window', p);
    if (host.family === 'client' && image.build === data.client.previewImageBuild) say('win11-preview');
    return 'yes';
  }
  say('process-same-build', p);
  if (host.family === 'client') {
    say('client-old-host');
    return 'risky';
  }
  const known = host.revision !== null && image.revision !== null;
  if (!data.revision.mustMatch.includes(image.build)) {
    if (known && host.revision !== image.revision) say('revision-free');
    return 'yes';
  }
  if (known && host.revision === image.revision) {
    say('revision-same', { revision: host.revision ?? '' });
    return 'yes';
  }
  if (known) say('revision-differs', { host_revision: host.revision ?? '', image_revision: image.revision ?? '' });
  else {
    const which = host.revision === null ? (image.revision === null ? 'both' : 'host') : 'image';
    say('revision-unknown', { which }, { which: which === 'both' ? 'host and the image' : which });
  }
  return 'risky';
}

/** The verdicts for another node of the same paste. */
function judgeOtherNode(n: HostInfo['otherNodes'][number], host: HostInfo, image: ImageInfo, data: CompatData): OtherNodeVerdict {
  const node = { ...host, nodeName: n.name, build: n.build, revision: n.revision, family: familyOf(data, n.build), otherNodes: [] };
  const r = checkCompat(node, image, data);
  return { name: n.name, version: `${n.build}${n.revision === null ? '' : `.${n.revision}`}`, process: r.process, hyperv: r.hyperv };
}

/** A one-line English verdict for another node. */
const describeOtherNode = (v: OtherNodeVerdict): string => `${v.name} (build ${v.version}: process ${v.process}, Hyper-V ${v.hyperv})`;

/**
 * Decides whether an image runs on a host with process and with Hyper-V isolation, says why in plain words,
 * and plans what to do (the tag that fits, Hyper-V isolation, Swarm labels and constraints, Kubernetes labels).
 */
export function checkCompat(hostIn: HostInfo, image: ImageInfo, data: CompatData): CompatReport {
  const host = selectNode(hostIn, image, data);
  const reasons: CompatReason[] = [];
  const say: Say = (id, params = {}, english = {}, extra = {}) => {
    const strings = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
    reasons.push({ id, text: fillTemplate(data.messages[id] ?? id, { ...strings, ...english }), params: strings, ...extra });
  };
  explainTag(host, image, data, say);
  let process: ProcessVerdict;
  let hyperv: HyperVVerdict;
  if (image.build === null) {
    process = 'risky';
    hyperv = 'risky';
    say('image-build-unknown');
  } else if (image.build > host.build) {
    process = 'no';
    hyperv = 'no';
    say('image-newer', { host_build: host.build, image_build: image.build });
    const c = data.client;
    if (host.family === 'client' && image.build >= c.ws2025ImageBuild && host.build < c.ws2025MinHostBuild) say('ws2025-needs-24h2');
  } else {
    process = judgeProcess(host, { ...image, build: image.build }, data, say);
    hyperv = 'yes';
    say('hyperv-ok', { host_build: host.build, image_build: image.build });
  }
  if (process !== 'yes' && !suggestTag(data, host.build, host.revision, null)) say('no-process-image', { host_build: host.build });
  for (const b of new Set([host.build, image.build])) if (b !== null && !findBuild(data, b)) say('unknown-build', { build: b });
  if (host.otherNodes.length) {
    const nodes = host.otherNodes.map((n) => judgeOtherNode(n, host, image, data));
    say('other-nodes', { node: host.nodeName ?? '', nodes: nodes.map(describeOtherNode).join('; ') }, {}, { nodes });
  }
  return {
    host: { build: host.build, revision: host.revision, release: host.release, family: host.family, node: host.nodeName },
    image: { build: image.build, revision: image.revision, release: image.release, tag: image.tag, ref: image.ref, service: image.serviceName },
    process,
    hyperv,
    reasons,
    actions: planActions(host, image, { process, hyperv }, data),
  };
}
