import type { QuestionNode, TreeLeaf, TreeNode } from './types.js';

// Kept apart from types.ts, whose zod schemas the app has no use for at run time.

/** Predicate for a question node. */
export const isQuestion = (n: TreeNode | undefined): n is QuestionNode => n?.kind === 'question';

/** Predicate for a leaf node. */
export const isLeaf = (n: TreeNode | undefined): n is TreeLeaf => n !== undefined && n.kind !== 'question';
