import type { Locale, Topic } from '../knowledge/types.js';
import type { Tree, TreeNode } from './types.js';
import { nodeOf } from './validate-tree.js';

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
  /** A question the outline has shown already (several answers lead to it): its first line and this. */
  above: string;
}

export const ENGLISH_OUTLINE: OutlineWords = { missing: '(missing node)', fix: (fix) => `(fix: ${fix})`, above: '(as above)' };

interface OutlineContext {
  locale: Locale;
  topics: Map<string, Topic>;
  words: OutlineWords;
  /** The questions shown so far: one reached again is named, not shown again with all that follows it. */
  shown: Set<string>;
}

function outlineNode(tree: Tree, id: string, depth: number, ctx: OutlineContext): string[] {
  const ind = INDENT.repeat(depth);
  const node: TreeNode | undefined = nodeOf(tree, id);
  if (!node) return [`${ind}! ${ctx.words.missing}`];
  const { locale } = ctx;
  if (node.kind === 'question') {
    // Answers that lead to the same question (a contributed tree can chain such diamonds) doubled the outline at each
    // one: 30 of them would have printed a billion lines (an attacker helper). Shown once, named after that.
    if (ctx.shown.has(id)) return [`${ind}↑ ${node.text[locale].trim().split(/\r?\n/)[0]} ${ctx.words.above}`];
    ctx.shown.add(id);
    const spec = node.answerFrom;
    const from = spec ? ` [${[...new Set([spec.entity, ...spec.map.map((m) => m.entity ?? spec.entity)])].join(', ')}]` : '';
    const out = block(`${node.text[locale]}${from}`, ind, '? ');
    if (node.help) out.push(...block(node.help[locale], `${ind}  `, ''));
    for (const a of node.answers) {
      out.push(...block(a.label[locale], `${ind}${INDENT}`, '- '));
      out.push(...outlineNode(tree, a.next, depth + 2, ctx));
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
  const ctx: OutlineContext = { locale: opts.locale, topics: new Map(opts.topics.map((t) => [t.id, t])), words: opts.words ?? ENGLISH_OUTLINE, shown: new Set() };
  const head = [`${tree.id}: ${tree.title[opts.locale]}`, ...block(tree.summary[opts.locale], INDENT, ''), ''];
  return [...head, ...outlineNode(tree, tree.start, 0, ctx)].join('\n');
}
