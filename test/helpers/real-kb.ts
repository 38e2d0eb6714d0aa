import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { assembleKnowledgeBase } from '../../src/core/knowledge/assemble-kb.js';
import type { Problem } from '../../src/core/knowledge/problem.js';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import type { KnowledgeInput } from '../../src/core/knowledge/assemble-kb.js';
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

let inputJson: string | undefined;

/**
 * What readKnowledgeInput() reads from knowledge/ (the YAML parsed, the source texts, the translations), read once
 * per test run by the global setup and handed over as JSON; read in place when a file runs without the setup.
 * A fresh copy on every call: a test may change it.
 */
export function realKnowledgeInput(): KnowledgeInput {
  if (inputJson === undefined) {
    const file = inject('realKbInputFile');
    if (!file) return readKnowledgeInput();
    inputJson = readFileSync(file, 'utf8');
  }
  const parsed = JSON.parse(inputJson) as Omit<KnowledgeInput, 'sourceTexts'> & { sourceTexts: [string, string][] };
  return { ...parsed, sourceTexts: new Map(parsed.sourceTexts) };
}
