import type { Entities } from '../diagnosis/types.js';
import type { Fix } from '../knowledge/types.js';
import { fillPlaceholders } from '../text/placeholder.js';
import { prefillFromEntities } from './plan-fix.js';
import { checkParamValue } from './validate-param.js';

/** Plain values (letters, digits, `.:@/\-_`) that start with a letter, digit or `\` (never an option or a splat). */
const SAFE_VALUE = /^[\w\\][\w.:@\\/-]{0,127}$/;

/**
 * A fix command with the placeholders that the paste's entities can fill filled in, for showing and
 * copying (the app's topic and tree views, `wcdoctor docs`). Only plain values (SAFE_VALUE) that are
 * what the placeholder takes (its kind and pattern, checkParamValue) are used, so a crafted paste
 * cannot smuggle shell syntax into a command the user may copy; the others keep their `{{name}}`.
 * @example fillFixCommand(fix, { container: 'web-1' }) // 'docker inspect web-1'
 */
export function fillFixCommand(fix: Fix, entities: Entities | undefined): string {
  if (!entities) return fix.command;
  // The same entity → value mapping the fix runner pre-fills its form with.
  const values = prefillFromEntities(fix, entities);
  return fillPlaceholders(fix.command, (name) => {
    const param = fix.params[name];
    const value = values[name];
    if (!value || !param || !SAFE_VALUE.test(value)) return undefined;
    return checkParamValue(param, value).ok ? value : undefined;
  });
}
