import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { assembleKnowledgeBase } from '../../src/core/knowledge/assemble-kb.js';
import type { Problem } from '../../src/core/knowledge/problem.js';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import { readKnowledgeInput } from '../../src/platform/knowledge-input.js';

let cached: { kb: KnowledgeBase; problems: Problem[] } | undefined;

/**
 * The real knowledge base (knowledge/), assembled once per test run by the global setup
 * (test/setup/knowledge-base.ts) and read here from its JSON; assembled in place when a file runs
 * without the setup. Shared within a test file: copy before changing it.
 */
export function realKnowledgeBase(): { kb: KnowledgeBase; problems: Problem[] } {
  if (!cached) {
    const file = inject('realKbFile');
    cached = file ? (JSON.parse(readFileSync(file, 'utf8')) as { kb: KnowledgeBase; problems: Problem[] }) : assembleKnowledgeBase(readKnowledgeInput());
  }
  return cached;
}

/** The real knowledge base (see realKnowledgeBase). */
export const realKb = (): KnowledgeBase => realKnowledgeBase().kb;
