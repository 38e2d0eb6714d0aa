import type { z } from 'zod';
import type { compatDataSchema } from './compat-schema.js';

/** Windows builds, tags, rules, tables and advice, validated from knowledge/compat/*.yaml. */
export type CompatData = z.output<typeof compatDataSchema>;

/** One Windows build with its releases and base-image tags. */
export type BuildEntry = CompatData['builds'][number];

/** One row of a compatibility table from the sources. */
export type CompatTableRow = CompatData['tables'][number]['rows'][number];

/** The reason ids the checker uses; each needs a text in advice.yaml `messages`. */
export const MESSAGE_IDS = [
  'image-newer', 'process-same-build', 'process-build-differs', 'process-window', 'process-below-floor',
  'process-own-build', 'process-own-build-older',
  'revision-same', 'revision-differs', 'revision-unknown', 'revision-free', 'hyperv-ok', 'client-old-host',
  'win11-preview', 'ws2025-needs-24h2', 'latest-retired', 'tag-missing', 'tag-says-nothing', 'legacy-latest',
  'image-build-unknown', 'no-process-image', 'unknown-build', 'other-nodes',
] as const;
/** A reason id known to the checker. */
export type MessageId = (typeof MESSAGE_IDS)[number];

/** The action ids the planner uses; each needs a template in advice.yaml `actions`. */
export const ACTION_IDS = [
  'pull-tag', 'pull-variant', 'rebuild-on-tag', 'find-host-revision', 'inspect-image', 'run-hyperv', 'swarm-daemon-hyperv',
  'swarm-restart-docker', 'swarm-node-label-os', 'swarm-node-label', 'swarm-service-constraint', 'k8s-node-label',
  'k8s-node-selector',
] as const;
/** An action id known to the planner. */
export type ActionId = (typeof ACTION_IDS)[number];

/** Windows Server or Windows client (10, 11). */
export type HostFamily = 'server' | 'client';
/** The orchestrator a paste came from, which decides the Swarm or Kubernetes actions. */
export type Orchestrator = 'swarm' | 'kubernetes';

/** Which form of input a host was read from. */
export type HostForm =
  | 'version' | 'build' | 'name' | 'ver' | 'build-lab' | 'kubectl-node' | 'docker-info' | 'docker-version' | 'pull-error';

/** A container host as read from a value or a paste. */
export interface HostInfo {
  build: number;
  /** The revision (UBR), or null when the input does not show it. */
  revision: number | null;
  /** Release name(s) from the data, or null for a build wcdoctor does not list. */
  release: string | null;
  family: HostFamily | null;
  nodeName: string | null;
  form: HostForm;
  /** Default isolation when `docker info` showed it. */
  isolation: 'process' | 'hyperv' | null;
  orchestrator: Orchestrator | null;
  /** Further nodes when a paste described several (kubectl describe node). */
  otherNodes: { name: string; build: number; revision: number | null }[];
}

/** How an image names its Windows build. */
export type TagForm = 'ltsc' | 'release' | 'version' | 'build' | 'latest' | 'missing' | 'other';

/** An image as read from a reference, a bare tag, a build number or a paste. */
export interface ImageInfo {
  /** The reference without digest (`mcr.microsoft.com/windows/servercore:ltsc2019`), null for a bare tag or build. */
  ref: string | null;
  repository: string | null;
  tag: string | null;
  build: number | null;
  revision: number | null;
  /** KB number named in the tag (`1809-KB4493509`). */
  kb: string | null;
  release: string | null;
  tagForm: TagForm;
  /** True when the build was inferred (legacy `latest`), not read. */
  assumed: boolean;
  serviceName: string | null;
  nodeName: string | null;
  orchestrator: Orchestrator | null;
}

/** A process-isolation verdict. */
export type ProcessVerdict = 'yes' | 'no' | 'risky';
/** A Hyper-V verdict; `risky` only when the image build cannot be known. */
export type HyperVVerdict = 'yes' | 'no' | 'risky';

/** The verdicts for another node a paste described (the `other-nodes` reason). */
export interface OtherNodeVerdict {
  name: string;
  /** build or build.revision */
  version: string;
  process: ProcessVerdict;
  hyperv: HyperVVerdict;
}

/**
 * A reason in plain words (English, from advice.yaml), with its id and values so a UI can translate it.
 * Values are language-neutral: `ref` is empty when the input named no image reference, `which` (revision-unknown)
 * is `host`, `image` or `both`; `nodes` gives the other-nodes verdicts one by one.
 */
export interface CompatReason {
  id: MessageId;
  text: string;
  params: Record<string, string>;
  nodes?: OtherNodeVerdict[];
}

/** Something to do about the verdict; `fixRef` names the fix runner's topic and fix. */
export interface CompatAction {
  id: ActionId;
  kind: CompatData['actions'][string]['kind'];
  title: string;
  command?: string;
  snippet?: string;
  topic?: string;
  fixRef?: { topic: string; fix: string };
  /** The values filled into the templates (image, tag, node, service, ...). */
  params: Record<string, string>;
}

/** The answer to "does this image run on this host?". */
export interface CompatReport {
  host: { build: number; revision: number | null; release: string | null; family: HostFamily | null; node: string | null };
  image: { build: number | null; revision: number | null; release: string | null; tag: string | null; ref: string | null; service: string | null };
  process: ProcessVerdict;
  hyperv: HyperVVerdict;
  reasons: CompatReason[];
  actions: CompatAction[];
}
