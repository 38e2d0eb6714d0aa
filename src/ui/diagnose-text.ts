import type { ConfidenceLimit, Evidence } from '../core/diagnosis/types.js';
import type { T } from './i18n.js';
import type { MessageKey } from './message-keys.js';

/** The entities diagnosis names, each with its label in the UI language (the app's topic screen and the CLI's report). */
export const ENTITY_LABEL: Readonly<Record<string, MessageKey>> = {
  node: 'entity.node',
  kernelVersion: 'entity.kernelVersion',
  build: 'entity.build',
  revision: 'entity.revision',
  service: 'entity.service',
  containerId: 'entity.containerId',
  container: 'entity.container',
  pod: 'entity.pod',
  namespace: 'entity.namespace',
  image: 'entity.image',
  tag: 'entity.tag',
  network: 'entity.network',
  driver: 'entity.driver',
  ports: 'entity.ports',
  ip: 'entity.ip',
  tool: 'entity.tool',
  operation: 'entity.operation',
  vmName: 'entity.vmName',
  interfaceName: 'entity.interfaceName',
  sharePath: 'entity.sharePath',
  user: 'entity.user',
};

/** The label key of an entity, when the catalogue has one. */
export const entityLabelKey = (name: string): MessageKey | undefined => (Object.hasOwn(ENTITY_LABEL, name) ? ENTITY_LABEL[name] : undefined);

const EVIDENCE_KEY: Readonly<Record<Evidence['kind'], MessageKey>> = {
  code: 'diagnose.evidence.code',
  phrase: 'diagnose.evidence.phrase',
  regex: 'diagnose.evidence.regex',
  keyword: 'diagnose.evidence.keyword',
  fuzzy: 'diagnose.evidence.fuzzy',
  operation: 'diagnose.evidence.operation',
  structure: 'diagnose.evidence.structure',
  against: 'diagnose.evidence.against',
  setting: 'diagnose.evidence.setting',
  fact: 'diagnose.evidence.fact',
};

/** Evidence that a version seen in the paste lies where the topic's bug lives (the version rule's finding for it). */
export const isVersionEvidence = (e: Pick<Evidence, 'kind' | 'rule'>): boolean => e.rule === 'version' && e.kind === 'fact';

/**
 * Evidence that the paste shows the setting a specialised topic lives in (Kubernetes, Swarm, an Arm64 host): the
 * context rule's word, and the specialised rule's ranking by it. Named as a context, not as the output of a tool:
 * "snapdragon" is no program.
 */
export const isContextEvidence = (e: Pick<Evidence, 'kind' | 'rule'>): boolean => e.kind === 'structure' && (e.rule === 'context' || e.rule === 'specialised');

/** The fact rule's finding of a Windows image on an engine that runs Linux containers (no builds in it). */
export const isWindowsImageOnLinuxEvidence = (e: Pick<Evidence, 'kind' | 'rule'> & { signature?: string }): boolean =>
  e.rule === 'fact' && e.signature?.startsWith('linux-engine-windows-image:') === true;

/** How a piece of evidence is named (the app's list and the CLI's "why"): by its kind; a version seen in the paste, a context and a Windows image on a Linux engine by their rule. */
export const evidenceLabelKey = (e: Pick<Evidence, 'kind' | 'rule'> & { signature?: string }): MessageKey =>
  isVersionEvidence(e)
    ? 'diagnose.evidence.version'
    : isContextEvidence(e)
      ? 'diagnose.evidence.context'
      : isWindowsImageOnLinuxEvidence(e)
        ? 'diagnose.evidence.windowsImageOnLinux'
        : EVIDENCE_KEY[e.kind];

/** A code as pastes write one: hex with or without 0x, or decimal. */
const CODE_SPELLING = /^(?:0x)?[0-9a-f]{1,8}$|^-?\d{1,10}$/i;

/**
 * The code a piece of code evidence stands for when the paste gave its message, not the code (`Element not found.`):
 * named beside the message, which alone read as "code Element not found." (a new-user helper). Undefined otherwise.
 */
export const codeOfMessage = (e: Pick<Evidence, 'kind' | 'matched' | 'signature'>): string | undefined =>
  e.kind === 'code' && !CODE_SPELLING.test(e.matched.trim()) ? /^0x[0-9A-Fa-f]{8}\b/.exec(e.signature)?.[0] : undefined;

/** A piece of evidence in words (the app's list and the CLI's "why"), with `value` for what the paste showed. */
export function evidenceInWords(t: (key: MessageKey, params: Record<string, string>) => string, e: Pick<Evidence, 'kind' | 'rule' | 'matched' | 'signature'>, value: string): string {
  const code = codeOfMessage(e);
  return code ? t('diagnose.evidence.codeByMessage', { code, value }) : t(evidenceLabelKey(e), { value });
}

/** Why a medium or low answer is no surer (`Match.limitedBy`), as the app's list and the CLI's report say it. */
export const LIMIT_KEY: Readonly<Record<ConfidenceLimit, MessageKey>> = {
  words: 'diagnose.limit.words',
  'common-code': 'diagnose.limit.common-code',
  setting: 'diagnose.limit.setting',
  unexplained: 'diagnose.limit.unexplained',
  'other-program': 'diagnose.limit.other-program',
  'other-platform': 'diagnose.limit.other-platform',
  against: 'diagnose.limit.against',
  phrase: 'diagnose.limit.phrase',
  close: 'diagnose.limit.close',
  score: 'diagnose.limit.score',
};

/** The sentence that says why a match is no surer ("why not surer: …"), in the UI language. */
export const limitSentence = (t: T, reason: ConfidenceLimit): string => t('diagnose.cli.limit', { reason: t(LIMIT_KEY[reason]) });
