import { prefillFromEntities } from '../../core/fixes/plan-fix.js';
import { checkParamValue } from '../../core/fixes/validate-param.js';
import type { Entities } from '../../core/diagnosis/types.js';
import type { Fix } from '../../core/knowledge/types.js';

// Choosing a topic's text by language is pure knowledge logic, shared with the CLI.
export { findTopic, originalOf, resolveTopicText, sectionsMarkdown, sectionsWithOriginals, topicLocales, type TopicText } from '../../core/knowledge/topic-text.js';

/** Plain values (letters, digits, `.:@/\-_`) that start with a letter, digit or `\` (never an option or a splat). */
const SAFE_VALUE = /^[\w\\][\w.:@\\/-]{0,127}$/;

/**
 * A fix command with the placeholders that the paste's entities can fill filled in. Only plain
 * values (see SAFE_VALUE) that are what the placeholder takes (its kind and pattern, checkParamValue)
 * are used, so a crafted paste cannot smuggle shell syntax into a command the user may copy.
 */
export function fillFixCommand(fix: Fix, entities: Entities | undefined): string {
  if (!entities) return fix.command;
  // The same entity → value mapping the fix runner pre-fills its form with.
  const values = prefillFromEntities(fix, entities);
  return fix.command.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const param = fix.params[name];
    const value = values[name];
    if (!value || !param || !SAFE_VALUE.test(value)) return whole;
    return checkParamValue(param, value).ok ? value : whole;
  });
}
