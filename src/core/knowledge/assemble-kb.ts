import { computeDiagnosisData } from '../diagnosis/build-index.js';
import { parseCodeCatalog } from '../diagnosis/code-catalog.js';
import { localisePattern, messageWordings } from '../diagnosis/localise-pattern.js';
import { checkFixTemplate } from '../fixes/fill-template.js';
import { unsafePatternReason } from '../text/regex-safety.js';
import { signatureFlags } from '../diagnosis/regex-literal.js';
import { parseCompatData } from '../compat/parse-compat-data.js';
import { parseTrees } from '../trees/parse-trees.js';
import { headingKey } from './clean-heading.js';
import { topicLocales } from './topic-text.js';
import type { KnowledgeBase, ResolvedTopic } from './kb.js';
import { parseMarkdownSections } from './parse-markdown.js';
import { parsePlainTextSections } from './parse-plain-text.js';
import type { Problem, RawFile } from './problem.js';
import { issuePath, sourcesSchema, structureSchema, topicSchema, vocabularySchema } from './topic-schema.js';
import { operationKey } from '../diagnosis/recognise.js';
import { OUR_DOC } from './our-doc.js';
import { contentProblems, controlCharacterProblems } from './content-rules.js';
import { LOCALES, type Section, type SectionRef, type SourceDoc, type Topic } from './types.js';
import { placeholderNames } from '../text/placeholder.js';
import { CODE_TOPIC_REFS, CODE_TOPIC_REF_USES } from './code-topic-refs.js';
import { parseTranslations, type RawText } from './translations.js';
import { attachFixText, fixTextGaps } from './fix-text.js';
import { glossaryProblems, ownTextGlossaryProblems, parseGlossary } from './glossary.js';
import { completenessGaps, type LocaleCoverage, localeCoverage } from './coverage.js';

/** Everything the builder reads from knowledge/, already loaded by the platform layer. */
export interface KnowledgeInput {
  sources: RawFile;
  /** Source texts keyed by their path relative to knowledge/sources/. */
  sourceTexts: Map<string, string>;
  /** Why a listed source text could not be read (a folder or a FIFO in its place, too large), by its file name. */
  sourceErrors?: Map<string, string>;
  structure: RawFile;
  /** knowledge/vocabulary.yaml: the operations the recognisers name (absent in small test inputs). */
  vocabulary?: RawFile;
  topics: RawFile[];
  codes: RawFile[];
  compat: RawFile[];
  trees: RawFile[];
  /** Our translations of source sections (knowledge/translations/<locale>/<doc>/*.md), as text. */
  translations?: RawText[];
  /** knowledge/fix-text/<locale>.yaml: the fixes' words in zh-CN, ko-KR and sv-SE. */
  fixText?: RawFile[];
  /** knowledge/glossary.yaml: the terms our translations must use (absent in small test inputs). */
  glossary?: RawFile;
  /**
   * Every topic must read in full in every language (a section with neither source text nor our
   * translation in some language is a problem). Set for a knowledge folder that has translations;
   * without it such a gap is only a warning.
   */
  requireComplete?: boolean;
}

/** Names of the `{{placeholders}}` in a command template, in order of first use (core/text/placeholder.ts). */
export const placeholdersOf = placeholderNames;

function zodProblems(file: string, error: { issues: { path: readonly PropertyKey[]; message: string }[] }): Problem[] {
  return error.issues.map((i) => ({ file, field: issuePath(i.path), message: i.message }));
}

/** Finds the section a reference names, by anchor or by heading text. */
function resolveRef(ref: SectionRef, sections: Section[]): number {
  const key = ref.heading ? headingKey(ref.heading) : undefined;
  return sections.findIndex(
    (s) => s.doc === ref.doc && s.translatedFrom === undefined && (ref.anchor ? s.anchor === ref.anchor : headingKey(s.heading) === key),
  );
}

/**
 * The language a section of a Chinese or Korean document is really written in, when its prose
 * (code blocks and inline code left out) has no Han or Hangul at all but plenty of Latin words: English.
 */
function proseLocale(heading: string, body: string): 'en' | undefined {
  let fenced = false;
  const prose: string[] = [heading];
  for (const line of body.split('\n')) {
    if (/^ {0,3}(?:`{3}|~{3})/.test(line)) fenced = !fenced;
    else if (!fenced) prose.push(line.replace(/`[^`\n]{0,400}`/g, ' ').replace(/\([^()\n]{0,400}\)/g, ' '));
  }
  const text = prose.join('\n');
  if (/[\u3400-\u9fff\uac00-\ud7af]/.test(text)) return undefined;
  return (text.match(/[A-Za-z]{3,}/g) ?? []).length >= 20 ? 'en' : undefined;
}

/** Parses every source document into sections. */
export function parseSources(input: Pick<KnowledgeInput, 'sources' | 'sourceTexts' | 'sourceErrors'>): {
  docs: SourceDoc[];
  sections: Section[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  if (input.sources.error) return { docs: [], sections: [], problems };
  const parsed = sourcesSchema.safeParse(input.sources.data);
  if (!parsed.success) return { docs: [], sections: [], problems: zodProblems(input.sources.file, parsed.error) };
  const docs: SourceDoc[] = [];
  const sections: Section[] = [];
  parsed.data.docs.forEach((d, i) => {
    const text = input.sourceTexts.get(d.file);
    if (text === undefined) {
      const error = input.sourceErrors?.get(d.file);
      problems.push({ file: input.sources.file, field: `docs[${i}].file`, message: error === undefined ? `no such file knowledge/sources/${d.file}` : `knowledge/sources/${d.file} cannot be read: ${error}` });
      return;
    }
    const p = d.form === 'plain-text' ? parsePlainTextSections(text) : parseMarkdownSections(text);
    const doc: SourceDoc = {
      id: d.id,
      file: d.file,
      locale: d.locale,
      form: d.form,
      family: d.family,
      title: d.title ?? p.frontMatter.title ?? p.sections[0]?.heading ?? d.id,
      preamble: p.preamble,
    };
    const date = p.frontMatter['ms.date'] ?? p.frontMatter['ms.lasthandoff'];
    if (date) doc.date = date;
    if (d.translationSource) doc.translationSource = true;
    docs.push(doc);
    p.sections.forEach((s, index) => {
      const sec: Section = { doc: d.id, locale: d.locale, index, level: s.level, heading: s.heading, line: s.line, body: s.body };
      if (s.anchor !== undefined) sec.anchor = s.anchor;
      const written = d.locale === 'zh-CN' || d.locale === 'ko-KR' ? proseLocale(s.heading, s.body) : undefined;
      if (written && written !== d.locale) sec.textLocale = written;
      sections.push(sec);
    });
  });
  return { docs, sections, problems };
}

/**
 * Builds the knowledge base from its inputs and reports every problem found: schema errors,
 * unknown or unmapped sections, sections mapped twice, undeclared or unused placeholders,
 * dangling related ids. The KB is usable only when `problems` is empty.
 */
export function assembleKnowledgeBase(input: KnowledgeInput): { kb: KnowledgeBase; problems: Problem[]; warnings: Problem[] } {
  const { docs, sections, problems } = parseSources(input);
  const all = [input.sources, input.structure, ...(input.vocabulary ? [input.vocabulary] : []), ...input.topics, ...input.codes, ...input.compat, ...input.trees];
  for (const f of all) if (f.error) problems.push({ file: f.file, field: '(file)', message: `cannot be read: ${f.error}` });
  // Every file we write (the vendored pages are data, never edited, and shown through the same filter as any outside text).
  for (const f of [...all, ...(input.fixText ?? []), ...(input.glossary ? [input.glossary] : [])]) if (!f.error) problems.push(...controlCharacterProblems(f.data, f.file));
  for (const t of input.translations ?? []) problems.push(...controlCharacterProblems(t.text, t.file));
  const readable = (files: RawFile[]) => files.filter((f) => !f.error);
  input = { ...input, topics: readable(input.topics), codes: readable(input.codes), compat: readable(input.compat), trees: readable(input.trees) };
  const owner = new Map<number, string>();
  const claim = (id: number, who: string, file: string, field: string) => {
    const prev = owner.get(id);
    if (prev !== undefined) {
      const s = sections[id];
      problems.push({ file, field, message: `section "${s?.heading}" (${s?.doc}) is already mapped by ${prev}` });
    } else owner.set(id, who);
  };

  const structural: KnowledgeBase['structural'] = [];
  const st = structureSchema.safeParse(input.structure.data);
  if (input.structure.error) {
    // already reported
  } else if (!st.success) problems.push(...zodProblems(input.structure.file, st.error));
  else
    st.data.structural.forEach((r, i) => {
      const id = resolveRef(r, sections);
      const field = `structural[${i}]`;
      if (id < 0) problems.push({ file: input.structure.file, field, message: `no section ${r.anchor ?? r.heading} in doc ${r.doc}` });
      else {
        claim(id, 'structure.yaml', input.structure.file, field);
        structural.push({ ...r, sectionId: id });
      }
    });

  const topics: ResolvedTopic[] = [];
  /** The patterns the safety check refused (reported as each topic is read): their widening, further down, is not tried. */
  const unsafePatterns = new Set<string>();
  const seen = new Set<string>();
  for (const f of input.topics) {
    const parsed = topicSchema.safeParse(f.data);
    if (!parsed.success) {
      problems.push(...zodProblems(f.file, parsed.error));
      continue;
    }
    const t = parsed.data as Topic;
    const expectedId = f.file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    if (t.id !== expectedId) problems.push({ file: f.file, field: 'id', message: `id "${t.id}" must equal the file name "${expectedId}"` });
    if (seen.has(t.id)) problems.push({ file: f.file, field: 'id', message: `duplicate topic id "${t.id}"` });
    seen.add(t.id);
    const sectionIds: number[] = [];
    // A topic of our own: its body in each language becomes a section of the document "ours".
    if (!t.sections.length && t.body)
      for (const l of LOCALES) {
        const body = t.body[l];
        if (!body) continue;
        sectionIds.push(sections.length);
        owner.set(sections.length, `topic ${t.id}`);
        sections.push({ doc: OUR_DOC, locale: l, index: sectionIds.length - 1, level: 2, heading: t.title[l] ?? t.title.en, line: 0, body: body.trim() });
      }
    t.sections.forEach((r, i) => {
      const id = resolveRef(r, sections);
      if (id < 0) problems.push({ file: f.file, field: `sections[${i}]`, message: `no section "${r.anchor ?? r.heading}" in doc ${r.doc}` });
      else {
        claim(id, `topic ${t.id}`, f.file, `sections[${i}]`);
        sectionIds.push(id);
      }
    });
    const fixIds = new Set<string>();
    t.fixes.forEach((fx, i) => {
      if (fixIds.has(fx.id)) problems.push({ file: f.file, field: `fixes[${i}].id`, message: `duplicate fix id "${fx.id}"` });
      fixIds.add(fx.id);
      const template = checkFixTemplate(fx);
      if (template) problems.push({ file: f.file, field: `fixes[${i}].command`, message: template });
      const used = placeholdersOf(fx.command);
      for (const name of used)
        if (!fx.params[name]) problems.push({ file: f.file, field: `fixes[${i}].params.${name}`, message: `placeholder {{${name}}} is used in the command but not declared` });
      for (const name of Object.keys(fx.params))
        if (!used.includes(name)) problems.push({ file: f.file, field: `fixes[${i}].params.${name}`, message: `declared but not used in the command` });
      for (const [name, p] of Object.entries(fx.params))
        if (p.pattern !== undefined) {
          const unsafe = unsafePatternReason(p.pattern, '');
          if (unsafe) problems.push({ file: f.file, field: `fixes[${i}].params.${name}.pattern`, message: unsafe });
        }
    });
    problems.push(...contentProblems(t, f.file));
    t.signatures.regexes.forEach((r, i) => {
      const unsafe = unsafePatternReason(r, signatureFlags(r));
      if (unsafe) {
        unsafePatterns.add(r);
        problems.push({ file: f.file, field: `signatures.regexes[${i}]`, message: `/${r}/ ${unsafe}` });
      }
    });
    topics.push({ ...t, sectionIds });
  }
  // Every topic the code links to must exist (network planner, wizard).
  for (const [key, id] of Object.entries(CODE_TOPIC_REFS))
    if (!seen.has(id)) problems.push({ file: 'knowledge/topics', field: id, message: `no topic "${id}", which the code links to (${CODE_TOPIC_REF_USES[key as keyof typeof CODE_TOPIC_REFS]})` });
  for (const t of topics)
    t.related.forEach((r, i) => {
      if (!seen.has(r)) problems.push({ file: `knowledge/topics/${t.id}.yaml`, field: `related[${i}]`, message: `no topic "${r}"` });
    });
  // The fixes' words in the other languages.
  for (const f of input.fixText ?? []) if (f.error) problems.push({ file: f.file, field: '(file)', message: `cannot be read: ${f.error}` });
  problems.push(...attachFixText(input.fixText ?? [], topics));
  // Our translations: each becomes a section in its language, tied to the topic of its source section.
  if (input.glossary?.error) problems.push({ file: input.glossary.file, field: '(file)', message: `cannot be read: ${input.glossary.error}` });
  const glossary = input.glossary && !input.glossary.error ? parseGlossary(input.glossary) : undefined;
  if (glossary) problems.push(...glossary.problems);
  const tr = parseTranslations(input.translations ?? [], docs, sections);
  problems.push(...tr.problems);
  const byFile = new Map(topics.map((t) => [t.id, t] as const));
  for (const x of tr.translations) {
    const who = owner.get(x.sourceId);
    const topic = who?.startsWith('topic ') ? byFile.get(who.slice(6)) : undefined;
    const src = sections[x.sourceId];
    if (!topic || !src) {
      problems.push({ file: x.file, field: 'heading', message: `section "${src?.heading}" (${src?.doc}) belongs to no topic: there is no page to show the translation on` });
      continue;
    }
    if (glossary) problems.push(...glossaryProblems(glossary.terms, x, src));
    const id = sections.length;
    sections.push({ doc: src.doc, locale: x.locale, index: src.index, level: src.level, heading: x.heading, line: 0, body: x.body, translatedFrom: x.translatedFrom, original: x.sourceId });
    owner.set(id, `translation ${x.file}`);
    (topic.translationIds ??= []).push(id);
  }
  sections.forEach((s, i) => {
    if (!owner.has(i))
      problems.push({ file: `knowledge/sources/${docs.find((d) => d.id === s.doc)?.file ?? s.doc}`, field: `section "${s.heading}" (line ${s.line})`, message: 'is mapped to no topic and not marked structural in knowledge/structure.yaml' });
  });
  topics.sort((a, b) => a.id.localeCompare(b.id, 'en'));

  const codes = parseCodeCatalog(input.codes);
  problems.push(...codes.problems);
  // A Windows message a pattern quotes in English is widened to the catalogue's other wordings of it (a localised host
  // prints its own), unless the widened pattern would not compile or the pattern itself failed the safety check. The
  // widening is safe by its shape (localisePattern widens no text inside a repeated group), so it is not timed: timed,
  // a widened pattern near the budget was kept by one build and dropped by another of the same knowledge on a busy
  // machine (found when a fresh-clone CI run compared the executable's build with the npm one).
  const wordings = messageWordings(codes.codes);
  for (const t of topics)
    t.signatures.regexes = t.signatures.regexes.map((r) => {
      const wide = localisePattern(r, wordings);
      if (wide === r || unsafePatterns.has(r)) return r;
      try {
        new RegExp(wide, signatureFlags(wide));
      } catch {
        return r;
      }
      return wide;
    });
  const compat = parseCompatData(input.compat);
  problems.push(...compat.problems);
  const trees = parseTrees(input.trees, { topics });
  problems.push(...trees.problems);

  // The operations a topic names must be ones the recognisers produce (knowledge/vocabulary.yaml).
  let vocabulary: KnowledgeBase['vocabulary'];
  if (input.vocabulary && !input.vocabulary.error) {
    const v = vocabularySchema.safeParse(input.vocabulary.data);
    if (!v.success) problems.push(...zodProblems(input.vocabulary.file, v.error));
    else {
      vocabulary = v.data;
      const known = new Set(v.data.operations.map((o) => operationKey(o.name)));
      for (const t of topics)
        t.signatures.operations.forEach((op, i) => {
          if (!known.has(operationKey(op)))
            problems.push({ file: `knowledge/topics/${t.id}.yaml`, field: `signatures.operations[${i}]`, message: `"${op}" is no operation the recognisers name (knowledge/vocabulary.yaml): no paste could show it` });
        });
      // A topic names its contexts; their words (knowledge/vocabulary.yaml `contexts`) are what a paste shows.
      for (const t of topics)
        for (const field of ['context', 'needs'] as const) {
          const names = t.signatures[field] ?? [];
          names.forEach((name, i) => {
            if (!v.data.contexts[name])
              problems.push({ file: `knowledge/topics/${t.id}.yaml`, field: `signatures.${field}[${i}]`, message: `"${name}" is no context in knowledge/vocabulary.yaml (${Object.keys(v.data.contexts).join(', ')})` });
          });
          if (field === 'context' || names.length) t.signatures[field] = [...new Set(names.flatMap((name) => v.data.contexts[name] ?? []))];
          // Most topics need nothing: no empty list in every stored topic.
          else delete t.signatures[field];
        }
    }
  }
  const kb: KnowledgeBase = { schema: 1, docs, sections, topics, structural, codes: codes.codes, compat: compat.data, trees: trees.trees, ...(vocabulary ? { vocabulary } : {}) };
  // The diagnosis index, computed when first read (kb build, a diagnosis): kb check and kb stats never read it, and it
  // was about half of assembling the knowledge for them.
  Object.defineProperty(kb, 'diagnosis', {
    get() {
      const diagnosis = computeDiagnosisData(kb);
      Object.defineProperty(kb, 'diagnosis', { value: diagnosis, enumerable: true, writable: true, configurable: true });
      return diagnosis;
    },
    set(value: KnowledgeBase['diagnosis']) {
      Object.defineProperty(kb, 'diagnosis', { value, enumerable: true, writable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
  // A topic without text in a language: a problem where completeness is required, else a warning.
  const gaps = completenessGaps(kb).map((g) => ({
    file: `knowledge/topics/${g.topic}.yaml`,
    field: g.locale,
    message: `no text in ${g.locale} for section "${g.heading}" (doc ${g.doc}): translate it into knowledge/translations/${g.locale}/${g.doc}/`,
  }));
  if (input.requireComplete) {
    problems.push(...gaps);
    problems.push(...fixTextGaps(topics));
    if (glossary) problems.push(...ownTextGlossaryProblems(glossary.terms, topics));
    // Our own words too: every topic's title and summary in every language.
    for (const t of topics)
      for (const l of LOCALES)
        for (const field of ['title', 'summary'] as const)
          if (!t[field][l]?.trim()) problems.push({ file: `knowledge/topics/${t.id}.yaml`, field: `${field}.${l}`, message: `no ${field} in ${l}: every topic has its title and summary in en, zh-CN, ko-KR and sv-SE` });
  }
  return { kb, problems, warnings: input.requireComplete ? [] : gaps };
}

/** Coverage figures for `kb stats`. */
export function computeStats(kb: KnowledgeBase): {
  sources: { doc: string; file: string; locale: string; sections: number; mapped: number }[];
  topics: { id: string; locales: string[] }[];
  locales: LocaleCoverage[];
} {
  const mapped = new Set<number>([...kb.topics.flatMap((t) => t.sectionIds), ...kb.structural.map((s) => s.sectionId)]);
  return {
    sources: kb.docs.map((d) => {
      const ids = kb.sections.map((s, i) => (s.doc === d.id && s.translatedFrom === undefined ? i : -1)).filter((i) => i >= 0);
      return { doc: d.id, file: d.file, locale: d.locale, sections: ids.length, mapped: ids.filter((i) => mapped.has(i)).length };
    }),
    // The languages a topic can be read in whole, from a source or our translation (not "en" by default).
    topics: kb.topics.map((t) => ({ id: t.id, locales: topicLocales(kb, t) })),
    locales: localeCoverage(kb),
  };
}
