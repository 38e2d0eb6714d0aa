import { z } from 'zod';
import type { Problem, RawFile } from './problem.js';
import type { Locale, Section } from './types.js';
import type { Translation } from './translations.js';

/**
 * The glossary (knowledge/glossary.yaml): for each term, the word each language uses, following
 * the vendored pages (容器主机, 컨테이너 호스트, containervärd …), and words a translation must not use
 * for it. `kb check` applies it to every translation of ours: where the source uses the term in its
 * language, the translation uses the term of its own; a word listed under `avoid` is never used.
 */

const forms = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const termSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    en: forms,
    'zh-CN': forms,
    'ko-KR': forms,
    'sv-SE': forms,
    /** Words that must not stand for the term in a language (a rival translation). */
    avoid: z.object({ en: z.array(z.string()), 'zh-CN': z.array(z.string()), 'ko-KR': z.array(z.string()), 'sv-SE': z.array(z.string()) }).partial().strict().optional(),
    note: z.string().optional(),
  })
  .strict();
const glossarySchema = z.object({ terms: z.array(termSchema) }).strict();

export type GlossaryTerm = z.infer<typeof termSchema>;

/** Reads the glossary file. */
export function parseGlossary(file: RawFile): { terms: GlossaryTerm[]; problems: Problem[] } {
  const parsed = glossarySchema.safeParse(file.data);
  if (!parsed.success) return { terms: [], problems: parsed.error.issues.map((i) => ({ file: file.file, field: i.path.join('.'), message: i.message })) };
  const problems: Problem[] = [];
  const ids = new Set<string>();
  parsed.data.terms.forEach((t, i) => {
    if (ids.has(t.id)) problems.push({ file: file.file, field: `terms[${i}].id`, message: `duplicate term "${t.id}"` });
    ids.add(t.id);
  });
  return { terms: parsed.data.terms, problems };
}

const list = (f: string | string[]): string[] => (Array.isArray(f) ? f : [f]);
/** Text without its code blocks and inline code: a command is not prose and keeps its words. */
function prose(text: string): string {
  let fenced = false;
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if (/^ {0,3}(?:`{3}|~{3})/.test(line)) fenced = !fenced;
    else if (!fenced) kept.push(line.replace(/`[^`\n]{0,400}`/g, ' '));
  }
  return kept.join('\n').toLowerCase();
}

/**
 * Whether a text uses a form of a term. An English form, or an acronym in any language, must start a
 * word (so "NAT" is not found in "kombination", nor "host" in "ghost"); it may be followed by an
 * inflection ("endpoints"). Swedish forms are found inside compounds too ("containervärd",
 * "operativsystemavbildning"), and Han and Hangul have no word boundaries to respect.
 */
export function usesForm(text: string, form: string, locale: Locale): boolean {
  const f = form.toLowerCase();
  const bounded = locale === 'en' || /^[A-Z0-9-]{2,}$/.test(form);
  if (!bounded) return text.includes(f);
  for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) if (at === 0 || !/\p{L}/u.test(text[at - 1] ?? '')) return true;
  return false;
}

/** The glossary problems of one translation, measured against the source section it translates. */
export function glossaryProblems(terms: readonly GlossaryTerm[], x: Translation, source: Section): Problem[] {
  const out: Problem[] = [];
  const src = prose(`${source.heading}\n${source.body}`);
  const ours = prose(`${x.heading}\n${x.body}`);
  for (const id of Object.keys(x.exempt))
    if (!terms.some((t) => t.id === id)) out.push({ file: x.file, field: `glossaryExempt.${id}`, message: 'no such term in knowledge/glossary.yaml' });
  for (const t of terms) {
    if (x.exempt[t.id]) continue;
    const want = list(t[x.locale]);
    if (list(t[x.translatedFrom]).some((w) => usesForm(src, w, x.translatedFrom)) && !want.some((w) => usesForm(ours, w, x.locale)))
      out.push({ file: x.file, field: `glossary ${t.id}`, message: `the source says "${list(t[x.translatedFrom]).join('" / "')}": write "${want.join('" or "')}"` });
    for (const bad of t.avoid?.[x.locale] ?? [])
      if (usesForm(ours, bad, x.locale)) out.push({ file: x.file, field: `glossary ${t.id}`, message: `"${bad}" is not our word for ${t.id}: write "${want.join('" or "')}"` });
  }
  return out;
}

/**
 * Rival words in our own texts: a topic's title and summary and its fixes' words in zh-CN, ko-KR
 * and sv-SE never use a word the glossary lists under `avoid` (keywords may, as people type them).
 */
export function ownTextGlossaryProblems(terms: readonly GlossaryTerm[], topics: readonly { id: string; title: Partial<Record<Locale, string>>; summary: Partial<Record<Locale, string>>; fixes: readonly { id: string; text?: Partial<Record<Exclude<Locale, 'en'>, { title: string; changes: string; params: Record<string, string> }>> }[] }[]): Problem[] {
  const out: Problem[] = [];
  for (const t of topics)
    for (const l of ['zh-CN', 'ko-KR', 'sv-SE'] as const) {
      const texts: [string, string, string][] = [
        [`knowledge/topics/${t.id}.yaml`, `title.${l}`, t.title[l] ?? ''],
        [`knowledge/topics/${t.id}.yaml`, `summary.${l}`, t.summary[l] ?? ''],
        ...t.fixes.flatMap((f): [string, string, string][] => {
          const x = f.text?.[l];
          return x ? [[`knowledge/fix-text/${l}.yaml`, `${t.id}.${f.id}`, [x.title, x.changes, ...Object.values(x.params)].join('\n')]] : [];
        }),
      ];
      for (const [file, field, text] of texts)
        for (const term of terms)
          for (const bad of term.avoid?.[l] ?? [])
            if (usesForm(text.toLowerCase(), bad, l)) out.push({ file, field, message: `"${bad}" is not our word for ${term.id}: write "${list(term[l]).join('" or "')}"` });
    }
  return out;
}
