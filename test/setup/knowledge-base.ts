// Global setup: the knowledge's input files are read once per run, and the real knowledge base is assembled
// once from them (and its patterns timed once, before the workers make the machine busy: a busy machine is what
// makes a time budget unreliable). Both are written as JSON; test files load them with realKb() and
// realKnowledgeInput() (test/helpers/real-kb.ts) instead of each reading the YAML and assembling the knowledge
// again at module load.
//
// Reading and assembling take about 1 s of one core before any test file starts (7 s when the patterns must be timed), so the three files are kept
// in node_modules/.cache/wcdoctor-test-kb/, under a key made of everything they are made from: the content of
// knowledge/ and src/, package-lock.json (the YAML and schema libraries), the Node version and the platform. A
// rerun with none of it changed takes them from there; any change makes a new key, and older entries are removed
// after a while. WCDOCTOR_TEST_KB_CACHE=0 turns the cache off.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

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

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'wcdoctor-test-kb');
const FILES = ['kb.json', 'kb-input.json', 'pattern-verdicts.json'] as const;

/** Every file under a folder, in a fixed order, with its path relative to the root. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
    });
}

/** The key of what the three files are made from (see the head of this file). */
export function inputsKey(root = ROOT): string {
  const hash = createHash('sha256');
  hash.update(`${process.version} ${process.platform} ${process.arch}\n`);
  for (const file of [...filesUnder(path.join(root, 'knowledge')), ...filesUnder(path.join(root, 'src')), path.join(root, 'package-lock.json')]) {
    hash.update(`${path.relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Reads and assembles the knowledge, writing the three files into `dir` (what it needs is imported only then). */
async function build(dir: string): Promise<void> {
  const [{ assembleKnowledgeBase }, { readKnowledgeInput }, { patternVerdicts }, verdictCache, { userCacheDir }] = await Promise.all([
    import('../../src/core/knowledge/assemble-kb.js'),
    import('../../src/platform/knowledge-input.js'),
    import('../../src/core/text/regex-safety.js'),
    import('../../src/platform/pattern-verdict-cache.js'),
    import('../../src/platform/user-cache-dir.js'),
  ]);
  // The safe verdicts `npm run build` just reached (its `kb build` keeps them in the user's cache folder, under the
  // checker's hash and the Node version): read, never written, so that a fresh clone does not time the same
  // patterns a second time (about 6 s of one core before any test file could start). Only safe verdicts are kept
  // there, for this very checker and Node; anything else is timed here as before.
  verdictCache.loadPatternVerdicts(verdictCache.verdictCacheFile(verdictCache.checkerFingerprint(), userCacheDir()));
  const input = readKnowledgeInput();
  const { kb, problems } = assembleKnowledgeBase(input);
  writeFileSync(path.join(dir, 'kb.json'), JSON.stringify({ kb, problems }));
  // The input too: parsing the knowledge's YAML took most of a second of CPU in each of eight files that read it.
  writeFileSync(path.join(dir, 'kb-input.json'), JSON.stringify({ ...input, sourceTexts: [...input.sourceTexts] }));
  writeFileSync(path.join(dir, 'pattern-verdicts.json'), JSON.stringify(patternVerdicts()));
}

/** The folder holding the three files: the cache's entry for the current inputs, made when missing; or a temp folder. */
async function filesFolder(): Promise<{ dir: string; temporary: boolean }> {
  const useCache = process.env.WCDOCTOR_TEST_KB_CACHE !== '0' && existsSync(path.join(ROOT, 'node_modules'));
  if (!useCache) {
    const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-test-kb-'));
    await build(dir);
    return { dir, temporary: true };
  }
  const entry = path.join(CACHE, inputsKey());
  if (FILES.every((f) => existsSync(path.join(entry, f)))) return { dir: entry, temporary: false };
  mkdirSync(CACHE, { recursive: true });
  // Built beside the entry and renamed into place: a run stopped half-way leaves no entry that looks whole.
  const staging = mkdtempSync(path.join(CACHE, 'staging-'));
  await build(staging);
  // Entries of other inputs go once they are ten minutes old (a run still reading one is not left without it), and
  // another run's staging folder once it is an hour old (that run ended without cleaning up).
  for (const old of readdirSync(CACHE)) {
    const p = path.join(CACHE, old);
    const age = Date.now() - statSync(p).mtimeMs;
    if (p !== staging && age > (old.startsWith('staging-') ? 3_600_000 : 600_000)) rmSync(p, { recursive: true, force: true });
  }
  try {
    renameSync(staging, entry);
    return { dir: entry, temporary: false };
  } catch {
    // Another run put the same entry in place first: its files are the same.
    rmSync(staging, { recursive: true, force: true });
    return { dir: entry, temporary: false };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const { dir, temporary } = await filesFolder();
  project.provide('realKbFile', path.join(dir, 'kb.json'));
  project.provide('realKbInputFile', path.join(dir, 'kb-input.json'));
  project.provide('patternVerdictsFile', path.join(dir, 'pattern-verdicts.json'));
  return () => {
    if (temporary) rmSync(dir, { recursive: true, force: true });
  };
}
