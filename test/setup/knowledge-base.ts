// Global setup: the knowledge's input files are read once per run, and the real knowledge base is assembled
// once from them (and its patterns timed once, before the workers make the machine busy: a busy machine is what
// makes a time budget unreliable) (about a second on 2 cores). Both are written as JSON to a temp folder; test
// files load them with realKb() and realKnowledgeInput() (test/helpers/real-kb.ts) instead of each reading the
// YAML and assembling the knowledge again at module load.
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
    /** What readKnowledgeInput() read from knowledge/, as JSON (see realKnowledgeInput in test/helpers/real-kb.ts). */
    realKbInputFile: string;
    /** The regex-safety verdicts reached while assembling it (see test/setup/pattern-verdicts.ts). */
    patternVerdictsFile: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-test-kb-'));
  const file = path.join(dir, 'kb.json');
  const input = readKnowledgeInput();
  const { kb, problems } = assembleKnowledgeBase(input);
  writeFileSync(file, JSON.stringify({ kb, problems }));
  project.provide('realKbFile', file);
  // The input too: parsing the knowledge's YAML took most of a second of CPU in each of eight files that read it.
  const inputFile = path.join(dir, 'kb-input.json');
  writeFileSync(inputFile, JSON.stringify({ ...input, sourceTexts: [...input.sourceTexts] }));
  project.provide('realKbInputFile', inputFile);
  const verdictsFile = path.join(dir, 'pattern-verdicts.json');
  writeFileSync(verdictsFile, JSON.stringify(patternVerdicts()));
  project.provide('patternVerdictsFile', verdictsFile);
  return () => rmSync(dir, { recursive: true, force: true });
}
