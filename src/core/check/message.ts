import type { DecimalParam, MessageParams } from '../i18n/translate.js';
import { oneLine, showControls } from '../text/terminal-safe.js';
import type { Evidence, MessageKey, MessageParam, MessageText } from './types.js';

/** Looks up a UI message (`check.*` in locales/*.json) in the chosen language, English as the fallback; it writes numbers in that language's way. */
export type CheckText = (key: string, params?: MessageParams) => string;

const isDecimal = (v: MessageParam): v is DecimalParam => typeof v === 'object' && 'decimal' in v;

/**
 * A check's sentence: its catalog key and values.
 * @example msg('check.msg.os-build.ok', { build: '20348.2849' })
 */
export const msg = (key: MessageKey, params?: Readonly<Record<string, MessageParam>>): MessageText => (params ? { key, params: boundedParams(params) } : { key });

/**
 * The most items of a list a sentence names; the rest is counted ("and 3,990 more"). A host's output names as many
 * objects as it likes: 4,000 NAT objects of one prefix (a 355 KB file) made 8 million overlapping pairs, one sentence of
 * 131 MB and 2.4 GB of memory (an attacker helper); text and --json alike say the first ten.
 */
export const MAX_LISTED = 10;

/** A sentence's values with each list cut to MAX_LISTED items and the count of the rest. */
function boundedParams(params: Readonly<Record<string, MessageParam>>): Readonly<Record<string, MessageParam>> {
  if (!Object.values(params).some(tooLong)) return params;
  const out: Record<string, MessageParam> = {};
  for (const [name, v] of Object.entries(params)) out[name] = tooLong(v) ? listed(v as readonly (string | MessageText)[], (v as readonly unknown[]).length) : v;
  return out;
}

/** A list longer than MAX_LISTED that `listed` has not cut already (its last item counts the rest). */
const tooLong = (v: MessageParam): boolean => Array.isArray(v) && v.length > MAX_LISTED && !(v.length === MAX_LISTED + 1 && (v.at(-1) as Partial<MessageText>).key === LIST_MORE);

const LIST_MORE = 'check.msg.listMore';

/**
 * The first MAX_LISTED of `total` items, then how many more there are: for a check that finds its items without
 * listing them all (`items` may be just the first ones).
 */
export function listed(items: readonly (string | MessageText)[], total: number): readonly (string | MessageText)[] {
  const shown = items.slice(0, MAX_LISTED);
  return total > shown.length ? [...shown, { key: LIST_MORE, params: { count: total - shown.length } }] : shown;
}

// A value read from a document (a host's text) on one line: its line breaks and tabs shown (␊, ␉), as every other control
// character is; a name holding "\n    → Fix: …" printed a line that looked like wcdoctor's own advice (an attacker helper).
const renderParam = (t: CheckText, v: MessageParam): string | number | DecimalParam => {
  if (typeof v === 'string') return oneLine(v);
  if (typeof v === 'number' || isDecimal(v)) return v;
  if (!Array.isArray(v)) return renderMessage(t, v as MessageText);
  const items = v as readonly (string | MessageText)[];
  // "and N more" joins the list as the language joins it, with its own words and marks, not after a separator: Korean
  // puts "외 N개" right after the last item, Swedish has no comma before "och" (a regression tester).
  const last = items.at(-1);
  // The count grouped as the language groups digits ("and 15,990 more", "och 15 990 till").
  const more = typeof last === 'object' && last.key === LIST_MORE ? t(LIST_MORE, typeof last.params?.count === 'number' ? { count: { grouped: last.params.count } } : {}) : '';
  const shown = more ? items.slice(0, -1) : items;
  return shown.map((item) => (typeof item === 'string' ? oneLine(item) : renderMessage(t, item))).join(t('check.msg.listSeparator')) + more;
};

/**
 * Renders a sentence with a translator: nested sentences first, lists joined by the catalog's separator.
 * @example renderMessage(t, msg('check.msg.ipv6-enabled.unbound', { adapters: ['Ethernet', 'vEthernet (nat)'] }))
 */
export function renderMessage(t: CheckText, m: MessageText): string {
  const params: Record<string, string | number | DecimalParam> = {};
  for (const [name, v] of Object.entries(m.params ?? {})) params[name] = renderParam(t, v);
  return t(m.key, params);
}

/** An evidence value for people: the host's text on one line, our words about it rendered. */
export const renderValue = (t: CheckText, v: Evidence['value']): string => (typeof v === 'string' ? oneLine(v) : renderMessage(t, v));

/** The longest host name shown whole: a name of a million characters padded every row of the fleet grid to it (an attacker helper). */
export const MAX_HOST_SHOWN = 64;

/**
 * A host's name as reports show it: on one line, its control characters shown (`\u202e`, `␛`), and cut with … past
 * MAX_HOST_SHOWN characters. Shown here, not only when printed, so that the fleet grid pads a name by what the terminal
 * gets: a name with U+202E, printed as six characters, moved its row's marks under other checks (an attacker helper).
 */
export function shownHost(host: string): string {
  const line = showControls(oneLine(host));
  if (line.length <= MAX_HOST_SHOWN) return line;
  // Cut before an escape the cut would split (`\u202e`, `\u{e0001}`, `\x9b`), not inside it (a regression tester: `\…`),
  // and never between the two halves of a character outside the BMP (an emoji was shown as U+FFFD).
  const cut = line.slice(0, MAX_HOST_SHOWN - 1);
  const head = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  const split = /\\(?:u\{?[0-9a-f]{0,5}|x[0-9a-f]?)?$/.exec(head);
  return `${split ? head.slice(0, split.index) : head}…`;
}
