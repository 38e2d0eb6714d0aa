import type { CompatInputError, CompatInputId } from '../core/compat/input-error.js';
import type { ActionId, CompatAction, CompatReason, MessageId, OtherNodeVerdict } from '../core/compat/types.js';
import type { MessageKey, T } from './i18n.js';

/** The message of each reason id (exhaustive: a new id in core fails the typecheck until it has a key). */
const REASON: Readonly<Record<MessageId, MessageKey>> = {
  'image-newer': 'compat.reason.image-newer',
  'process-same-build': 'compat.reason.process-same-build',
  'process-build-differs': 'compat.reason.process-build-differs',
  'process-window': 'compat.reason.process-window',
  'process-below-floor': 'compat.reason.process-below-floor',
  'process-own-build': 'compat.reason.process-own-build',
  'process-own-build-older': 'compat.reason.process-own-build-older',
  'revision-same': 'compat.reason.revision-same',
  'revision-differs': 'compat.reason.revision-differs',
  'revision-unknown': 'compat.reason.revision-unknown',
  'revision-free': 'compat.reason.revision-free',
  'hyperv-ok': 'compat.reason.hyperv-ok',
  'client-old-host': 'compat.reason.client-old-host',
  'win11-preview': 'compat.reason.win11-preview',
  'ws2025-needs-24h2': 'compat.reason.ws2025-needs-24h2',
  'latest-retired': 'compat.reason.latest-retired',
  'tag-missing': 'compat.reason.tag-missing',
  'tag-says-nothing': 'compat.reason.tag-says-nothing',
  'legacy-latest': 'compat.reason.legacy-latest',
  'image-build-unknown': 'compat.reason.image-build-unknown',
  'no-process-image': 'compat.reason.no-process-image',
  'unknown-build': 'compat.reason.unknown-build',
  'other-nodes': 'compat.reason.other-nodes',
};

/** The title of each action id. */
const ACTION: Readonly<Record<ActionId, MessageKey>> = {
  'pull-tag': 'compat.action.pull-tag',
  'pull-variant': 'compat.action.pull-variant',
  'rebuild-on-tag': 'compat.action.rebuild-on-tag',
  'find-host-revision': 'compat.action.find-host-revision',
  'inspect-image': 'compat.action.inspect-image',
  'run-hyperv': 'compat.action.run-hyperv',
  'swarm-daemon-hyperv': 'compat.action.swarm-daemon-hyperv',
  'swarm-restart-docker': 'compat.action.swarm-restart-docker',
  'swarm-node-label-os': 'compat.action.swarm-node-label-os',
  'swarm-node-label': 'compat.action.swarm-node-label',
  'swarm-service-constraint': 'compat.action.swarm-service-constraint',
  'k8s-node-label': 'compat.action.k8s-node-label',
  'k8s-node-selector': 'compat.action.k8s-node-selector',
};

/** Why a host or image input cannot be read (exhaustive, like REASON). */
const INPUT: Readonly<Record<CompatInputId, MessageKey>> = {
  empty: 'compat.input.empty',
  linuxEngine: 'compat.input.linuxEngine',
  otherServer: 'compat.input.otherServer',
  oldWindows: 'compat.input.oldWindows',
  noBuild: 'compat.input.noBuild',
  noImage: 'compat.input.noImage',
  notReference: 'compat.input.notReference',
};

const WHICH: Readonly<Record<string, MessageKey>> = { host: 'compat.which.host', image: 'compat.which.image', both: 'compat.which.both' };
const VERDICT_WORD: Readonly<Record<OtherNodeVerdict['process'], MessageKey>> = { yes: 'compat.verdict.yes', no: 'compat.verdict.no', risky: 'compat.verdict.risky' };

const describeNode = (n: OtherNodeVerdict, t: T): string =>
  t('compat.otherNode', { name: n.name, version: n.version, process: t(VERDICT_WORD[n.process]), hyperv: t(VERDICT_WORD[n.hyperv]) });

/** A reason of the compat report in the UI language (advice.yaml stays the English source the CLI prints). */
export function reasonText(r: CompatReason, t: T): string {
  const params: Record<string, string> = { ...r.params };
  const which = r.params.which === undefined ? undefined : WHICH[r.params.which];
  if (which) params.which = t(which);
  if ('ref' in r.params && !r.params.ref) params.ref = t('compat.theImage');
  if (r.nodes) params.nodes = r.nodes.map((n) => describeNode(n, t)).join('; ');
  return t(REASON[r.id], params);
}

/** An action's title in the UI language; values the input did not give stay `{{placeholders}}`, as in English. */
export const actionTitle = (a: CompatAction, t: T): string => t(ACTION[a.id], a.params);

/** Why a host or image input cannot be read, in the UI language (the CLI prints the English `message`). */
export const translateInputError = (e: CompatInputError, t: T): string => t(INPUT[e.id], e.params);
