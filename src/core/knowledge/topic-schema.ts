import { z } from 'zod';
import { COMPONENTS, DIAGNOSIS_FACTS, LOCALES, TOPIC_LINKS, compareVersions } from './types.js';

/** A release number as projects print it: 25.0.3, 2.0, 3.10.2. */
const release = z.string().regex(/^\d{1,3}\.\d{1,3}(?:\.\d{1,4})?$/, 'a release such as 25.0.3 or 2.0');

const localized = z.object({ en: z.string().min(1) }).catchall(z.string().min(1)).superRefine((v, ctx) => {
  for (const k of Object.keys(v)) if (!(LOCALES as readonly string[]).includes(k)) ctx.addIssue({ code: 'custom', message: `unknown locale "${k}"`, path: [k] });
});

const ref = z
  .object({ doc: z.string().regex(/^\d{3}$/), heading: z.string().min(1).optional(), anchor: z.string().min(1).optional() })
  .strict()
  .refine((r) => Boolean(r.heading ?? r.anchor), { message: 'needs heading or anchor' });

const PARAM_KINDS = [
  'port', 'ipv4', 'cidr', 'build', 'vm-name', 'service-name', 'node-name', 'container-name', 'network-name',
  'switch-name', 'interface-name', 'share-path', 'local-folder', 'user', 'drive-letter', 'label-value', 'image-ref', 'text',
] as const;

const fix = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id'),
    title: z.string().min(1),
    shell: z.enum(['powershell', 'cmd', 'docker', 'kubectl', 'reg', 'net']),
    command: z.string().min(1),
    params: z
      .record(
        z.string().regex(/^[a-z][a-z0-9_]*$/),
        z
          .object({
            kind: z.enum(PARAM_KINDS),
            pattern: z.string().optional(),
            description: z.string().min(1),
            entity: z.string().optional(),
            secret: z.boolean().optional(),
          })
          .strict(),
      )
      .default({}),
    changes: z.string().min(1),
    risk: z.enum(['low', 'high']),
    admin: z.boolean(),
    readOnly: z.boolean().optional(),
    anyEngine: z.boolean().optional(),
  })
  .strict();

/** The schema of `knowledge/topics/<id>.yaml`. */
export const topicSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id'),
    category: z.enum(['general', 'networking', 'app-compat', 'docker', 'remote', 'identity', 'versions', 'orchestration']),
    kind: z.enum(['issue', 'howto', 'reference']),
    title: localized,
    summary: localized,
    // A topic rests on sections of the vendored documents, or (a topic of our own) on public sources
    // with a body we wrote in every language.
    sections: z.array(ref).default([]),
    sources: z.array(z.object({ url: z
            .string()
            .regex(/^https:\/\/\S+$/, 'must be an https URL')
            // No user information before the host: `https://learn.microsoft.com@example.net/` reads as Microsoft's page
            // and a browser opens example.net (an attacker helper).
            .regex(/^https:\/\/[^/?#@]+(?:[/?#]|$)/, 'must name its host right after https:// (no user@ before it)'), title: z.string().min(3) }).strict()).default([]),
    body: localized.optional(),
    signatures: z
      .object({
        codes: z.array(z.string().regex(/^0x[0-9A-F]{8}$/, 'codes are 0x + 8 upper-case hex digits')).default([]),
        phrases: z.array(z.string().min(3)).default([]),
        regexes: z.array(z.string().min(1)).default([]),
        setting: z.array(z.string().min(3)).default([]),
        keywords: z.partialRecord(z.enum(LOCALES), z.array(z.string().min(1))).default({}),
        operations: z.array(z.string().min(1)).default([]),
        against: z.array(z.string().min(1)).default([]),
        context: z.array(z.string().min(2)).default([]),
        needs: z.array(z.string().min(2)).default([]),
        facts: z.array(z.enum(DIAGNOSIS_FACTS)).default([]),
        // Releases of a component where the bug lives: a version seen in a paste inside them counts for
        // the topic, outside them against it.
        versions: z
          .array(
            z
              .object({ component: z.enum(COMPONENTS), introduced: release.optional(), fixed: release.optional() })
              .strict()
              .refine((r) => r.introduced || r.fixed, 'a version range needs introduced, fixed or both')
              .refine((r) => !r.introduced || !r.fixed || compareVersions(r.introduced, r.fixed) < 0, 'introduced must come before fixed'),
          )
          .default([]),
      })
      .strict()
      .default({ codes: [], phrases: [], regexes: [], setting: [], keywords: {}, operations: [], against: [], context: [], needs: [], facts: [], versions: [] }),
    fixes: z.array(fix).default([]),
    related: z.array(z.string()).default([]),
    links: z.array(z.enum(TOPIC_LINKS)).default([]),
    appliesTo: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (!t.sections.length && !t.sources.length) ctx.addIssue({ code: 'custom', message: 'a topic needs source sections, or sources (url and title) and a body of our own', path: ['sections'] });
    if (t.sources.length && t.sections.length) ctx.addIssue({ code: 'custom', message: 'a topic has source sections or sources of its own, not both', path: ['sources'] });
    if (t.sources.length) {
      // A topic of our own is written by us in every language: title, summary and body.
      for (const field of ['title', 'summary', 'body'] as const)
        for (const l of LOCALES) if (!t[field]?.[l]) ctx.addIssue({ code: 'custom', message: `a topic of our own needs its ${field} in ${l}`, path: [field, l] });
    }
  });

export type TopicInput = z.infer<typeof topicSchema>;

/** The schema of `knowledge/structure.yaml`: sections that belong to no topic on purpose. */
export const structureSchema = z
  .object({
    structural: z.array(
      z
        .object({ doc: z.string().regex(/^\d{3}$/), heading: z.string().optional(), anchor: z.string().optional(), role: z.enum(['intro', 'category', 'structural']) })
        .strict(),
    ),
  })
  .strict();

/**
 * Whether a source's `file` names a file inside knowledge/sources: relative, with `/` between its parts, none of them
 * `.` or `..`. A `../../…` path read any file of the machine into the build (found by an attacker helper: a secret of
 * the builder's ended up in dist/kb-text.json).
 * @example isSourceFilePath('zh-CN/000_x.txt') // true
 */
export function isSourceFilePath(file: string): boolean {
  return file !== '' && !file.includes('\\') && !file.startsWith('/') && !/^[A-Za-z]:/.test(file) && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** The schema of `knowledge/sources.yaml`: which vendored file is which document. */
export const sourcesSchema = z
  .object({
    docs: z.array(
      z
        .object({
          id: z.string().regex(/^\d{3}$/),
          file: z.string().min(1).refine(isSourceFilePath, 'must be a path inside knowledge/sources: relative, parts joined by "/", no "." or ".."'),
          locale: z.enum(LOCALES),
          form: z.enum(['markdown-frontmatter', 'markdown-anchors', 'plain-text']),
          family: z.enum(['known-issues', 'version-compatibility', 'networking']),
          title: z.string().optional(),
          translationSource: z.boolean().optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** Turns a zod issue path into the dotted field name `kb check` prints. */
export const issuePath = (path: readonly PropertyKey[]): string =>
  path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') || '(root)';

/** The schema of `knowledge/vocabulary.yaml`: the operations the recognisers name, and which are failure sites. */
export const vocabularySchema = z
  .object({
    operations: z.array(z.object({ name: z.string().min(2), site: z.boolean() }).strict()).min(1),
    contexts: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a context name is lower-case kebab-case'), z.array(z.string().min(2)).min(1)).default({}),
  })
  .strict();
