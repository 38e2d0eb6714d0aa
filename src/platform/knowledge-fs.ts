import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../core/knowledge/kb.js';
import { UserError } from '../core/errors.js';
import { findPackageRoot } from './package-root.js';

/** Where the built knowledge base lives, relative to the package root. */
export const KB_ARTEFACT = 'dist/kb.json';

let cache: KnowledgeBase | undefined;

/** Loads the built knowledge base (`dist/kb.json`); a missing or damaged one is a UserError with the fix. */
export function loadKnowledgeBase(root = findPackageRoot()): KnowledgeBase {
  if (cache) return cache;
  const file = path.join(root, KB_ARTEFACT);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`the knowledge base is not built (${KB_ARTEFACT} is missing)`, ['run: npm run build']);
  }
  try {
    const kb = JSON.parse(text) as KnowledgeBase;
    if (kb.schema !== 1) throw new Error('schema');
    return (cache = kb);
  } catch {
    throw new UserError(`the knowledge base ${KB_ARTEFACT} is damaged`, ['run: npm run build']);
  }
}
