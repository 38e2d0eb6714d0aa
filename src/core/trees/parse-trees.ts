import type { Problem, RawFile } from '../knowledge/problem.js';
import { issuePath } from '../knowledge/topic-schema.js';
import type { Topic } from '../knowledge/types.js';
import { treeFileSchema, type Tree, type TreeNode } from './types.js';
import { findUncoveredIssues, validateTree } from './validate-tree.js';

/**
 * Validates knowledge/trees/*.yaml against the topics they point at: the schema (all four languages),
 * id = file name, unique ids, the graph (reachable, no cycles, every path ends at a leaf) and references.
 * When trees are given and all parse, every actionable topic (`kind: issue`) must be reachable from some tree.
 */
export function parseTrees(files: RawFile[], ctx: { topics: Topic[] }): { trees: Tree[]; problems: Problem[] } {
  const trees: Tree[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  for (const f of files) {
    const parsed = treeFileSchema.safeParse(f.data);
    if (f.error || !parsed.success) unreadable++;
    if (f.error) continue;
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push({ file: f.file, field: issuePath(i.path), message: i.message });
      continue;
    }
    const d = parsed.data;
    const nodes: Record<string, TreeNode> = {};
    for (const [id, n] of Object.entries(d.nodes)) nodes[id] = { ...n, id } as TreeNode;
    const tree: Tree = { id: d.id, title: d.title, summary: d.summary, start: d.start, nodes };
    const expectedId = f.file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    if (tree.id !== expectedId) problems.push({ file: f.file, field: 'id', message: `id "${tree.id}" must equal the file name "${expectedId}"` });
    if (seen.has(tree.id)) problems.push({ file: f.file, field: 'id', message: `duplicate tree id "${tree.id}"` });
    seen.add(tree.id);
    problems.push(...validateTree(tree, f.file, ctx.topics));
    trees.push(tree);
  }
  // Coverage is judged only on a complete set of trees: a tree that failed to parse would make it noise.
  if (files.length > 0 && unreadable === 0)
    for (const id of findUncoveredIssues(trees, ctx.topics))
      problems.push({ file: `knowledge/topics/${id}.yaml`, field: 'kind', message: 'an actionable topic (kind: issue) must be reachable from some tree in knowledge/trees' });
  trees.sort((a, b) => a.id.localeCompare(b.id, 'en'));
  return { trees, problems };
}
