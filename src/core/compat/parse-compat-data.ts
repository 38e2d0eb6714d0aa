import type { Problem, RawFile } from '../knowledge/problem.js';
import type { CompatData } from './types.js';

/** Validates knowledge/compat/*.yaml into compatibility data. */
export function parseCompatData(files: RawFile[]): { data: CompatData; problems: Problem[] } {
  void files;
  return { data: { builds: [], rules: [] }, problems: [] };
}
