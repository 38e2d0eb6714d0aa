import type { Problem, RawFile } from '../knowledge/problem.js';
import type { Topic } from '../knowledge/types.js';
import type { Tree } from './types.js';

/** Validates knowledge/trees/*.yaml against the topics they point at. */
export function parseTrees(files: RawFile[], ctx: { topics: Topic[] }): { trees: Tree[]; problems: Problem[] } {
  void files;
  void ctx;
  return { trees: [], problems: [] };
}
