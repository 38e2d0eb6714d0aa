/**
 * The `wcdoctor` executable of the npm package (built to dist/cli.js, CommonJS). It loads the CLI
 * bundle (dist/main.js) through V8's code cache when the build left one beside it
 * (dist/main.js.cache); see run-bundle.ts. Nothing is written at run time unless
 * WCDOCTOR_WRITE_CODE_CACHE=1 (the build sets it for one warm-up run).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadBundle, registerEsmImporter } from './run-bundle.js';

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

const file = path.join(__dirname, 'main.js');
const writeCache = process.env.WCDOCTOR_WRITE_CODE_CACHE === '1';
registerEsmImporter(__dirname);
loadBundle({
  file,
  source: readFileSync(file, 'utf8'),
  ...(writeCache ? { writeCacheTo: `${file}.cache` } : { cache: readOptional(`${file}.cache`) }),
}).startFromProcess();
