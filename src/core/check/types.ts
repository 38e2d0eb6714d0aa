import type { DecimalParam } from '../i18n/translate.js';

/** The schema tag of the facts document the collector writes; `check --from` reads this version. */
export const FACTS_SCHEMA = 'wcdoctor-facts/1';

/** Every read the collector makes (or a paste can stand for), by a stable id. */
export const READ_IDS = [
  'currentVersion', 'win32os', 'computerSystem', 'ver', 'computerInfo',
  'dockerInfo', 'dockerVersion', 'dockerImages', 'containerdVersion',
  'services', 'processes', 'features', 'pipes',
  'disks', 'fveDenyWrite', 'pagefile',
  'hnsNetworks', 'hnsEndpoints', 'netNat', 'netNatStatic', 'vmSwitch',
  'ipv6Binding', 'ipv6Registry', 'excludedPorts', 'dynamicPorts',
  'mpPreference', 'credentialSpecs', 'kubeNode',
] as const;
/** One read's id. */
export type ReadId = (typeof READ_IDS)[number];

/** One read as the collector recorded it: the command, and its raw output or the error that stopped it. */
export interface RawRead {
  command: string;
  /** The raw text the command printed (JSON text for the reads the collector converts). */
  output?: string;
  error?: string;
  /** The collector skipped it: it needs an elevated session and this one is not. */
  skipped?: 'needs-admin' | 'not-present';
}

/** The collector's document: versioned, one per host. */
export interface FactsDocument {
  schema: typeof FACTS_SCHEMA;
  host: string;
  collectedAt?: string;
  /** Recorded first: whether the session was elevated (null: unknown, e.g. a paste). */
  elevated: boolean | null;
  psVersion?: string;
  reads: Partial<Record<ReadId, RawRead>>;
  /** Where the document came from: the collector, or a paste of one command. */
  origin: 'collector' | 'paste';
}

/** Why a check could not judge. */
export type NotEvaluatedReason = 'needs-admin' | 'not-collected' | 'read-failed' | 'not-applicable' | 'unreadable';

/** The outcome of one check. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'not-evaluated';

/** Groups of the host-checks catalogue. */
export type CheckGroup = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K';

/** A catalog key of a check's sentence: `check.msg.<check-id>.<name>` in locales/*.json (or a shared `check.msg.*`). */
export type MessageKey = `check.msg.${string}`;

/**
 * A sentence as a catalog key and its values; the presentation layers render it in the user's language. A value is
 * data from the host (a name, a status word, an error text), a number (`count` also picks the plural form), a number
 * with its count of decimals (DecimalParam: `52.0` in English, `52,0` in Swedish), a sentence of its own, or a list of
 * either, which the renderer joins with the catalog's `check.msg.listSeparator`.
 */
export interface MessageText {
  key: MessageKey;
  params?: Readonly<Record<string, MessageParam>>;
}

/** One value of a sentence (see MessageText). */
export type MessageParam = string | number | DecimalParam | MessageText | readonly (string | MessageText)[];

/** A value read, shown as evidence: which read it came from and what it said (the host's text, or our words about it). */
export interface Evidence {
  read: ReadId | 'elevation';
  value: string | MessageText;
}

/** What one check found on one host. */
export interface Finding {
  check: string;
  group: CheckGroup;
  status: CheckStatus;
  /** What the check found (for not-evaluated: what it lacked), as a sentence to render in the user's language. */
  text: MessageText;
  evidence: Evidence[];
  /** The knowledge topic the finding reveals (its fixes come from the knowledge). */
  topic?: string;
  /** For not-evaluated: why. */
  reason?: NotEvaluatedReason;
}

/** A parsed read, or why it is not there. */
export type ReadValue<T> = { kind: 'ok'; value: T } | { kind: 'missing'; reason: NotEvaluatedReason; detail: MessageText };
