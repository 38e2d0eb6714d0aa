import type { DecimalParam, MessageParams } from '../i18n/translate.js';
import type { Evidence, MessageKey, MessageParam, MessageText } from './types.js';

/** Looks up a UI message (`check.*` in locales/*.json) in the chosen language, English as the fallback; it writes numbers in that language's way. */
export type CheckText = (key: string, params?: MessageParams) => string;

const isDecimal = (v: MessageParam): v is DecimalParam => typeof v === 'object' && 'decimal' in v;

/**
 * A check's sentence: its catalog key and values.
 * @example msg('check.msg.os-build.ok', { build: '20348.2849' })
 */
export const msg = (key: MessageKey, params?: Readonly<Record<string, MessageParam>>): MessageText => (params ? { key, params } : { key });

const renderParam = (t: CheckText, v: MessageParam): string | number | DecimalParam => {
  if (typeof v === 'string' || typeof v === 'number' || isDecimal(v)) return v;
  if (!Array.isArray(v)) return renderMessage(t, v as MessageText);
  return (v as readonly (string | MessageText)[]).map((item) => (typeof item === 'string' ? item : renderMessage(t, item))).join(t('check.msg.listSeparator'));
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

/** An evidence value for people: the host's text as it is, our words about it rendered. */
export const renderValue = (t: CheckText, v: Evidence['value']): string => (typeof v === 'string' ? v : renderMessage(t, v));
