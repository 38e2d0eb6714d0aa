import { z } from 'zod';
import { LOCALES, type Locale } from '../knowledge/types.js';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebab = z.string().regex(ID, 'must be a kebab-case id');

/** Text we write ourselves for a tree: every supported language is required. */
export const treeTextSchema = z
  .object(Object.fromEntries(LOCALES.map((l) => [l, z.string({ error: `the ${l} text is missing` }).trim().min(1, `the ${l} text is empty`)])) as Record<Locale, z.ZodString>)
  .strict();

/** A text in every language, keyed by locale tag. */
export type TreeText = Record<Locale, string>;

const answerSchema = z
  .object({
    id: kebab,
    label: treeTextSchema,
    next: kebab,
  })
  .strict();

const answerFromSchema = z
  .object({
    /** Entity name, as diagnose extracts it (`build`, `driver`, `operation`, `tool`, `code`, …). */
    entity: z.string().min(1),
    /**
     * Checked in order: the first regular expression (flag `i`) that matches the entity value picks the answer.
     * An entry may name another entity to look at (e.g. `service` present → Swarm).
     */
    map: z.array(z.object({ entity: z.string().min(1).optional(), match: z.string().min(1), answer: kebab }).strict()).min(1),
  })
  .strict();

const questionSchema = z
  .object({
    kind: z.literal('question'),
    text: treeTextSchema,
    help: treeTextSchema.optional(),
    answerFrom: answerFromSchema.optional(),
    answers: z.array(answerSchema),
  })
  .strict();

const topicLeafSchema = z
  .object({
    kind: z.literal('topic'),
    topic: kebab,
    fix: kebab.optional(),
    note: treeTextSchema.optional(),
  })
  .strict();

const unknownLeafSchema = z
  .object({
    kind: z.literal('unknown'),
    /** What to collect next; must suggest pasting it into `wcdoctor diagnose`. */
    collect: treeTextSchema,
    /** Commands that gather it (language-neutral). */
    commands: z.array(z.string().min(1)).default([]),
  })
  .strict();

const nodeSchema = z.discriminatedUnion('kind', [questionSchema, topicLeafSchema, unknownLeafSchema]);

/** The schema of `knowledge/trees/<id>.yaml`. */
export const treeFileSchema = z
  .object({
    id: kebab,
    title: treeTextSchema,
    summary: treeTextSchema,
    start: kebab,
    nodes: z.record(kebab, nodeSchema),
  })
  .strict();

/** One answer of a question: its label and the node it leads to. */
export type TreeAnswer = z.infer<typeof answerSchema>;

/** How a question can be answered from an entity diagnose already extracted. */
export type AnswerFrom = z.infer<typeof answerFromSchema>;

/** A question with its answers. */
export type QuestionNode = z.infer<typeof questionSchema> & { id: string };

/** A leaf that names a known topic and, optionally, the fix to apply. */
export type TopicLeaf = z.infer<typeof topicLeafSchema> & { id: string };

/** A leaf for "not a known issue": what to collect next and the commands that collect it. */
export type UnknownLeaf = z.infer<typeof unknownLeafSchema> & { id: string };

/** Any node of a tree. */
export type TreeNode = QuestionNode | TopicLeaf | UnknownLeaf;

/** A leaf node (the end of a path). */
export type TreeLeaf = TopicLeaf | UnknownLeaf;

/** A troubleshooting decision tree, loaded from knowledge/trees. */
export interface Tree {
  id: string;
  title: TreeText;
  summary: TreeText;
  /** Id of the first question. */
  start: string;
  /** Nodes keyed by id; every node also carries its id. */
  nodes: Record<string, TreeNode>;
}
