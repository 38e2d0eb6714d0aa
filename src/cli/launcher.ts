/**
 * The `wcdoctor` executable of the npm package (built to dist/cli.js, CommonJS). It loads a CLI
 * bundle through V8's code cache when the build left one beside it (dist/<bundle>.cache): the
 * diagnose bundle (dist/diagnose.js) for a plain `wcdoctor diagnose`, the full one (dist/main.js)
 * for anything else; see run-bundle.ts. Nothing is written at run time unless
 * WCDOCTOR_WRITE_CODE_CACHE=1 (the build sets it for its warm-up runs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleNameFor, loadBundle, registerEsmImporter, registerMainBundle, registerPackageRoot } from './run-bundle.js';
import { isTerminal } from './terminal.js';

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

const writeCache = process.env.WCDOCTOR_WRITE_CODE_CACHE === '1';
/** Loads dist/<name> with its code cache (or, for the build's warm-up run, to write one). */
const load = (name: string, write: boolean) => {
  const file = path.join(__dirname, name);
  return loadBundle({
    file,
    source: readFileSync(file, 'utf8'),
    ...(write ? { writeCacheTo: `${file}.cache` } : { cache: readOptional(`${file}.cache`) }),
  });
};
registerEsmImporter(__dirname);
registerPackageRoot(path.dirname(__dirname));
registerMainBundle(() => load('main.js', false));
load(bundleNameFor(process.argv.slice(2), isTerminal), writeCache).startFromProcess();
