import { againstRule } from './against.js';
import { codeRule } from './code.js';
import { contextRule } from './context.js';
import { elsewhereRule } from './elsewhere.js';
import { factRule } from './fact.js';
import { keywordPhraseRule } from './keyword-phrase.js';
import { kindRule } from './kind.js';
import { missingContextRule } from './missing-context.js';
import { operationRule } from './operation.js';
import { phraseRule } from './phrase.js';
import { regexRule } from './regex.js';
import { settingRule } from './setting.js';
import { specialisedRule } from './specialised.js';
import { subsumedRule } from './subsumed.js';
import type { EvidenceRule } from './types.js';
import { unexplainedRule } from './unexplained.js';
import { versionRule } from './version.js';
import { wordsRule } from './words.js';

export type { EvidenceRule, RuleEvidence, Scored } from './types.js';
export { TopicScores } from './types.js';

/**
 * Every evidence rule, in the order they run. The order matters where a rule reads what an earlier
 * one recorded, or scales the score earlier ones built:
 *
 * 1. Evidence found in the paste, which brings a topic into play. `code` comes first because
 *    `phrase` and `keyword-phrase` skip a code's message for a topic that already has the code;
 *    the others (setting, regex, words, fact) read no evidence. Their order only sets the order
 *    of evidence (and of topics on a tie), which is kept as it always was.
 * 2. Evidence about a topic already in play, never bringing a new one: `context`, `version`, then the
 *    `missing-context` gate, which scales the score built so far and must come before `against`
 *    and `operation` (a −4 after a halving costs twice what it costs before one: so it always ran),
 *    then `elsewhere`, a gate that reads phrase, pattern and code evidence.
 * 3. `unexplained`: a gate that reads code, phrase, pattern, fact and keyword-phrase evidence.
 * 4. `subsumed`, then `specialised`: each compares the scores of two topics (one whose pattern holds
 *    the other's evidence; two sharing a code), so they need them final but for the kind factor.
 * 5. `kind`: scales the whole score, last.
 */
export const EVIDENCE_RULES: readonly EvidenceRule[] = Object.freeze([
  codeRule,
  phraseRule,
  settingRule,
  keywordPhraseRule,
  regexRule,
  wordsRule,
  factRule,
  contextRule,
  versionRule,
  missingContextRule,
  againstRule,
  operationRule,
  elsewhereRule,
  unexplainedRule,
  subsumedRule,
  specialisedRule,
  kindRule,
]);
