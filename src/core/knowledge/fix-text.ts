import type { Problem, RawFile } from './problem.js';
import { LOCALES, type Fix, type FixText, type Locale } from './types.js';
import type { ResolvedTopic } from './kb.js';

/**
 * The words of the fixes in zh-CN, ko-KR and sv-SE (knowledge/fix-text/<locale>.yaml): for each
 * topic and fix, its title, what it changes, and each placeholder's description. The English words
 * and everything that must not drift (the command, its parameters, the risk) stay in the topic file.
 *
 * @example localizeFix(fix, 'sv-SE').title // "Ge containern tre eller fler processorer"
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the fix-text files and attaches each text to its fix; reports unknown topics, fixes and placeholders. */
export function attachFixText(files: readonly RawFile[], topics: readonly ResolvedTopic[]): Problem[] {
  const problems: Problem[] = [];
  for (const f of files) {
    const locale = f.file.slice(f.file.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
    if (!(LOCALES as readonly string[]).includes(locale) || locale === 'en') {
      problems.push({ file: f.file, field: '(file)', message: 'must be named after a language other than en: zh-CN.yaml, ko-KR.yaml or sv-SE.yaml (English is in the topic files)' });
      continue;
    }
    const l = locale as Exclude<Locale, 'en'>;
    if (f.error) continue;
    if (!isRecord(f.data)) {
      problems.push({ file: f.file, field: '(file)', message: 'must map topic ids to their fixes' });
      continue;
    }
    for (const [topicId, fixes] of Object.entries(f.data)) {
      const topic = topics.find((t) => t.id === topicId);
      if (!topic) {
        problems.push({ file: f.file, field: topicId, message: `no topic "${topicId}"` });
        continue;
      }
      if (!isRecord(fixes)) {
        problems.push({ file: f.file, field: topicId, message: 'must map fix ids to {title, changes, params}' });
        continue;
      }
      for (const [fixId, raw] of Object.entries(fixes)) {
        const field = `${topicId}.${fixId}`;
        const fix = topic.fixes.find((x) => x.id === fixId);
        if (!fix) {
          problems.push({ file: f.file, field, message: `topic "${topicId}" has no fix "${fixId}"` });
          continue;
        }
        if (!isRecord(raw) || typeof raw.title !== 'string' || typeof raw.changes !== 'string') {
          problems.push({ file: f.file, field, message: 'needs a title and a changes text (strings)' });
          continue;
        }
        for (const k of Object.keys(raw)) if (!['title', 'changes', 'params'].includes(k)) problems.push({ file: f.file, field: `${field}.${k}`, message: 'unknown field (title, changes, params)' });
        const params: Record<string, string> = {};
        if (raw.params !== undefined && !isRecord(raw.params)) problems.push({ file: f.file, field: `${field}.params`, message: 'must map placeholder names to descriptions' });
        for (const [name, d] of Object.entries(isRecord(raw.params) ? raw.params : {})) {
          if (!fix.params[name]) problems.push({ file: f.file, field: `${field}.params.${name}`, message: `fix "${fixId}" has no placeholder {{${name}}}` });
          else if (typeof d !== 'string' || !d.trim()) problems.push({ file: f.file, field: `${field}.params.${name}`, message: 'the description is empty' });
          else params[name] = d.trim();
        }
        const text: FixText = { title: raw.title.trim(), changes: raw.changes.trim(), params };
        (fix.text ??= {})[l] = text;
      }
    }
  }
  return problems;
}

/** The fixes whose words are missing in a language: what `kb check` reports. */
export function fixTextGaps(topics: readonly ResolvedTopic[]): Problem[] {
  const out: Problem[] = [];
  for (const t of topics)
    for (const fx of t.fixes)
      for (const l of LOCALES) {
        if (l === 'en') continue;
        const file = `knowledge/fix-text/${l}.yaml`;
        const text = fx.text?.[l];
        if (!text) {
          out.push({ file, field: `${t.id}.${fx.id}`, message: `no ${l} words for the fix "${fx.id}" of topic ${t.id} (title, changes, params)` });
          continue;
        }
        for (const name of Object.keys(fx.params)) if (!text.params[name]) out.push({ file, field: `${t.id}.${fx.id}.params.${name}`, message: `no ${l} description of {{${name}}}` });
      }
  return out;
}

/** A fix with its title, changes text and placeholder descriptions in a language (English where we have none). */
export function localizeFix(fix: Fix, locale: Locale): Fix;
export function localizeFix(fix: Fix | undefined, locale: Locale): Fix | undefined;
export function localizeFix(fix: Fix | undefined, locale: Locale): Fix | undefined {
  if (!fix || locale === 'en') return fix;
  const text = fix.text?.[locale];
  if (!text) return fix;
  const params = Object.fromEntries(Object.entries(fix.params).map(([name, p]) => [name, { ...p, description: text.params[name] ?? p.description }]));
  return { ...fix, title: text.title, changes: text.changes, params };
}
