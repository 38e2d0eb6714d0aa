/**
 * The entry of wcdoctor as a single executable (wcdoctor.exe on Windows, and its Linux twin used to
 * test it): built to dist/sea.js and embedded, with the assets listed in its manifest, by
 * scripts/release.mjs.
 *
 * In memory: the CLI bundle and its V8 code cache (the part whose compiling costs start-up time).
 * As files, unpacked once per build (src/platform/unpack.ts): what Node or the CLI read by path
 * from the package root — the ES-module chunks (they import one another by path), dist/kb.json,
 * dist/kb-text.json, dist/kb-display.json, dist/kb-terms.bin, locales/*.json and a package.json — so that the executable runs exactly the
 * code paths of the npm package. The knowledge sources (knowledge/) are not embedded: `kb check`
 * and `kb build` work on a folder given with --root.
 */
import { getAsset, getRawAsset } from 'node:sea';
import path from 'node:path';
import { unpack, unpackBase } from '../platform/unpack.js';
import { EXIT } from './io.js';
import { loadBundle, registerEsmImporter } from './run-bundle.js';

/** What the release script writes beside the assets: the folder name and the files to unpack. */
export interface SeaManifest {
  name: string;
  files: string[];
}
export const SEA_MANIFEST_ASSET = 'wcdoctor-manifest.json';

let dir: string | undefined;
try {
  const manifest = JSON.parse(getAsset(SEA_MANIFEST_ASSET, 'utf8')) as SeaManifest;
  dir = unpack(unpackBase(), manifest.name, () => manifest.files.map((p) => ({ path: p, data: new Uint8Array(getRawAsset(p) as ArrayBuffer) })));
} catch (err) {
  process.stderr.write(`wcdoctor: ${err instanceof Error ? err.message : String(err)}\nwcdoctor: set LOCALAPPDATA or TEMP to a folder you can write to, and run it again.\n`);
  process.exit(EXIT.failure);
}
const distDir = path.join(dir, 'dist');
registerEsmImporter(distDir);
loadBundle({
  file: path.join(distDir, 'main.js'),
  source: getAsset('dist/main.js', 'utf8'),
  cache: Buffer.from(getRawAsset('dist/main.js.cache') as ArrayBuffer),
}).startFromProcess();
