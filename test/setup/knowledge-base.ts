// Global setup: the real knowledge base is assembled once per run (and its patterns timed once, before the
// workers make the machine busy: a busy machine is what makes a time budget unreliable) (about a second on 2 cores) and written
// as JSON to a temp file; test files load it with realKb() (test/helpers/real-kb.ts) instead of each
// assembling it again at module load.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { assembleKnowledgeBase } from '../../src/core/knowledge/assemble-kb.js';
import { readKnowledgeInput } from '../../src/platform/knowledge-input.js';
import { patternVerdicts } from '../../src/core/text/regex-safety.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The assembled real knowledge base, as JSON (see test/helpers/real-kb.ts). */
    realKbFile: string;
    /** The regex-safety verdicts reached while assembling it (see test/setup/pattern-verdicts.ts). */
    patternVerdictsFile: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-test-kb-'));
  const file = path.join(dir, 'kb.json');
  const { kb, problems } = assembleKnowledgeBase(readKnowledgeInput());
  writeFileSync(file, JSON.stringify({ kb, problems }));
  project.provide('realKbFile', file);
  const verdictsFile = path.join(dir, 'pattern-verdicts.json');
  writeFileSync(verdictsFile, JSON.stringify(patternVerdicts()));
  project.provide('patternVerdictsFile', verdictsFile);
  return () => rmSync(dir, { recursive: true, force: true });
}
