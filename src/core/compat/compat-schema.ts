import { z } from 'zod';

const sourceRef = z.union([
  z
    .object({ doc: z.string().regex(/^\d{3}$/), heading: z.string().min(1).optional(), anchor: z.string().min(1).optional() })
    .strict()
    .refine((r) => Boolean(r.heading ?? r.anchor), { message: 'a doc source needs heading or anchor' }),
  z.object({ url: z.url() }).strict(),
]);
const sources = z.array(sourceRef).min(1, 'every fact needs a source');

const buildNumber = z.number().int().min(10240).max(65535);
const verdict = z.enum(['yes', 'no']);
const family = z.enum(['server', 'client']);

const tag = z
  .union([z.string().min(1), z.object({ name: z.string().min(1), notIn: z.array(z.string().min(1)).default([]) }).strict()])
  .transform((t) => (typeof t === 'string' ? { name: t, notIn: [] as string[] } : t));

const build = z
  .object({
    build: buildNumber,
    releases: z
      .array(
        z
          .object({
            name: z.string().min(1),
            family,
            channel: z.enum(['ltsc', 'sac', 'annual', 'client']),
            version: z.string().min(1).optional(),
          })
          .strict(),
      )
      .min(1),
    tags: z.array(tag).default([]),
    sources,
  })
  .strict();

const table = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    status: z.enum(['current', 'history']),
    sources,
    rows: z
      .array(z.object({ host: buildNumber, hostFamily: family.optional(), image: buildNumber, process: verdict, hyperv: verdict }).strict())
      .min(1),
  })
  .strict();

const actionTemplate = z
  .object({
    kind: z.enum(['tag', 'inspect', 'hyperv', 'swarm-hyperv', 'swarm-label', 'swarm-constraint', 'k8s-label', 'k8s-selector']),
    title: z.string().min(1),
    command: z.string().min(1).optional(),
    snippet: z.string().min(1).optional(),
    topic: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
    fix: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
  })
  .strict()
  .refine((a) => Boolean(a.command ?? a.snippet), { message: 'an action needs a command or a snippet' })
  .refine((a) => !a.fix || Boolean(a.topic), { message: 'a fix needs its topic' });

/** The parts of the compatibility data; each knowledge/compat file holds some of them. */
export const compatPartsSchema = {
  builds: z.array(build).min(1),
  process: z.object({ exactFrom: buildNumber, ltsc: z.array(buildNumber).min(1), sources }).strict(),
  revision: z.object({ mustMatch: z.array(buildNumber), sources }).strict(),
  hyperv: z.object({ sources }).strict(),
  client: z
    .object({ previewImageBuild: buildNumber, ws2025ImageBuild: buildNumber, ws2025MinHostBuild: buildNumber, sources })
    .strict(),
  latest: z
    .object({
      retiredOn: z.iso.date(),
      sources,
      legacy: z.object({ repositories: z.array(z.string().min(1)).min(1), build: buildNumber, sources }).strict(),
    })
    .strict(),
  baseImages: z
    .array(
      z
        .object({ repository: z.string().min(1), short: z.string().min(1), aliases: z.array(z.string().min(1)).default([]), fromBuild: z.number().int().positive().optional(), sources })
        .strict(),
    )
    .min(1),
  tables: z.array(table).min(1),
  messages: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.string().min(1)),
  actions: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), actionTemplate),
};

/** The schema of one knowledge/compat/*.yaml file: any of the parts, each part in exactly one file. */
export const compatFileSchema = z.object(compatPartsSchema).partial().strict();

/** The schema of the merged compatibility data. */
export const compatDataSchema = z.object(compatPartsSchema).strict();
