import type { Locale, Topic } from '../knowledge/types.js';
import type { Tree, TreeNode } from './types.js';

const INDENT = '  ';

function block(text: string, indent: string, marker: string): string[] {
  const lines = text.trim().split(/\r?\n/);
  const pad = ' '.repeat([...marker].length);
  return lines.map((l, i) => `${indent}${i === 0 ? marker : pad}${l.trim()}`);
}

/** The outline's own words in one language (the tree's text comes from the tree); `ENGLISH_OUTLINE` by default. */
export interface OutlineWords {
  missing: string;
  fix(fix: string): string;
}

export const ENGLISH_OUTLINE: OutlineWords = { missing: '(missing node)', fix: (fix) => `(fix: ${fix})` };

function outlineNode(tree: Tree, node: TreeNode | undefined, depth: number, ctx: { locale: Locale; topics: Map<string, Topic>; words: OutlineWords }): string[] {
  const ind = INDENT.repeat(depth);
  if (!node) return [`${ind}! ${ctx.words.missing}`];
  const { locale } = ctx;
  if (node.kind === 'question') {
    const spec = node.answerFrom;
    const from = spec ? ` [${[...new Set([spec.entity, ...spec.map.map((m) => m.entity ?? spec.entity)])].join(', ')}]` : '';
    const out = block(`${node.text[locale]}${from}`, ind, '? ');
    if (node.help) out.push(...block(node.help[locale], `${ind}  `, ''));
    for (const a of node.answers) {
      out.push(...block(a.label[locale], `${ind}${INDENT}`, '- '));
      out.push(...outlineNode(tree, tree.nodes[a.next], depth + 2, ctx));
    }
    return out;
  }
  if (node.kind === 'topic') {
    const t = ctx.topics.get(node.topic);
    const title = t ? ` ${t.title[locale] ?? t.title.en}` : '';
    const fix = node.fix ? ` ${ctx.words.fix(node.fix)}` : '';
    const out = [`${ind}✔ [${node.topic}]${title}${fix}`];
    if (node.note) out.push(...block(node.note[locale], `${ind}${INDENT}`, ''));
    return out;
  }
  return [...block(node.collect[locale], ind, '✖ '), ...node.commands.map((c) => `${ind}${INDENT}$ ${c}`)];
}

/**
 * Formats a tree as an indented outline in one language: `?` a question (with `[entity]` when diagnose
 * can answer it), `-` an answer, `✔ [topic-id] title` a known issue, `✖` "not a known issue" with what to collect.
 */
export function formatTreeOutline(tree: Tree, opts: { locale: Locale; topics: Topic[]; words?: OutlineWords }): string {
  const ctx = { locale: opts.locale, topics: new Map(opts.topics.map((t) => [t.id, t])), words: opts.words ?? ENGLISH_OUTLINE };
  const head = [`${tree.id}: ${tree.title[opts.locale]}`, ...block(tree.summary[opts.locale], INDENT, ''), ''];
  return [...head, ...outlineNode(tree, tree.nodes[tree.start], 0, ctx)].join('\n');
}
