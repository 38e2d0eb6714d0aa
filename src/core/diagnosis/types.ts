import type { Fix, Locale } from '../knowledge/types.js';
import type { Scope } from './scope.js';

/** A Windows error code found in a paste, with every spelling that means the same condition. */
export interface FoundCode {
  /** Canonical form: `0x` + 8 upper-case hex digits. Win32 codes are given in HRESULT form (0x8007xxxx). */
  canonical: string;
  /** Other canonical codes for the same condition (e.g. the HCS 0xC037/0x8037 twin). */
  equivalents: string[];
  /** The text as it appeared in the paste. */
  raw: string;
  /** How it was spelled. */
  via: 'hex' | 'short-hex' | 'decimal' | 'signed-decimal' | 'symbolic-name' | 'message';
  /** Offset of `raw` in the normalised paste. */
  index: number;
  /** Symbolic names and English message when the catalogue knows the code. */
  names: string[];
  message?: string;
  /** Set when the catalogue marks the code as saying only that something failed (E_FAIL, E_INVALIDARG …). */
  generic?: boolean;
  /** Set when the catalogue marks the code as a common condition with many unrelated causes (ERROR_NOT_FOUND, E_ACCESSDENIED …). */
  manyCauses?: boolean;
}

/** One piece of evidence: what in the paste matched what in the topic, and its weight. */
export interface Evidence {
  /**
   * `setting`: a phrase of where the issue shows up (weak); `fact`: something read from the paste's
   * structure (signature `build-mismatch`: the host and image builds differ); `structure`: the tool
   * output or context the paste shows; `against`: text or a gate that counts against the topic.
   */
  kind: 'code' | 'phrase' | 'regex' | 'keyword' | 'fuzzy' | 'operation' | 'against' | 'structure' | 'setting' | 'fact';
  /** What matched in the paste (as written there). */
  matched: string;
  /** What it matched in the knowledge (code name, phrase, keyword …), or why a gate applied. */
  signature: string;
  /** What it adds to the score (negative: against); a match's score is the sum of its evidence. */
  weight: number;
  /** The evidence rule that recorded it (rules/index.ts). */
  rule: RuleId;
}

/**
 * The evidence rules, in the order they run: additive evidence first, then the gates. Each id is one
 * file in `rules/`, and what `Evidence.rule` names.
 */
export type RuleId =
  | 'version'
  | 'code'
  | 'phrase'
  | 'setting'
  | 'keyword-phrase'
  | 'regex'
  | 'words'
  | 'fact'
  | 'context'
  | 'missing-context'
  | 'against'
  | 'operation'
  | 'elsewhere'
  | 'unexplained'
  | 'subsumed'
  | 'specialised'
  | 'kind';

/** Entities a recogniser pulled out of the paste, for filling fix placeholders. */
export interface Entities {
  node?: string;
  kernelVersion?: string;
  build?: string;
  revision?: string;
  service?: string;
  containerId?: string;
  container?: string;
  pod?: string;
  namespace?: string;
  image?: string;
  tag?: string;
  network?: string;
  driver?: string;
  ports?: string[];
  ip?: string;
  tool?: string;
  operation?: string;
  vmName?: string;
  interfaceName?: string;
  sharePath?: string;
  user?: string;
  [key: string]: string | string[] | undefined;
}

/**
 * Why a match is no surer than it is: only words matched (`words`), its only code has many causes
 * (`common-code`), a question names a setting, not a failure (`setting`), the topic does not explain the
 * failure the paste states (`unexplained`), a code alone in a paste that shows nothing of containers
 * (`other-program`), a message every platform prints in a paste with no mark of Windows (`other-platform`),
 * text the topic says belongs to another failure (`against`), a message found whole but nothing written for
 * this failure alone (`phrase`), another match close to it (`close`), or a score below the next level (`score`).
 */
export type ConfidenceLimit = 'words' | 'common-code' | 'setting' | 'unexplained' | 'other-program' | 'other-platform' | 'against' | 'phrase' | 'close' | 'score';

/** A known issue that explains the paste. */
export interface Match {
  id: string;
  title: string;
  score: number;
  confidence: 'high' | 'medium' | 'low';
  /** Below "high": what kept it from the next level (`confidenceLimitOf`). */
  limitedBy?: ConfidenceLimit;
  evidence: Evidence[];
  sources: { locale: Locale; doc: string; heading: string }[];
  fixes: Fix[];
}

/** What `diagnose` returns: ranked matches (empty when nothing known applies), entities and codes. */
export interface DiagnoseResult {
  matches: Match[];
  entities: Entities;
  codes: FoundCode[];
  /** Which recognisers fired (kubectl-describe-pod, docker-service-ps, …). */
  structures: string[];
  /**
   * Whether the paste is about Windows containers: `linux` when it comes from a Linux host or runtime
   * (and then `matches` is empty: it is out of wcdoctor's scope), with the texts that decided it.
   */
  scope: Scope;
}
