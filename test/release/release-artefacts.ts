import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The artefacts of `npm run release` that the release tests use. They run only when
 * WCDOCTOR_RELEASE_DIR names the folder (CI sets it after the release step: building the
 * executables takes a minute and a half, too long for every `npm test`); otherwise they say why
 * they were skipped.
 */
export const repoRoot = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
export const version = pkg.version;
const dir = process.env.WCDOCTOR_RELEASE_DIR ? path.resolve(process.env.WCDOCTOR_RELEASE_DIR) : undefined;

export const release = dir
  ? {
      dir,
      linuxTwin: path.join(dir, 'unpublished', 'wcdoctor'),
      exe: path.join(dir, 'unpublished', 'wcdoctor.exe'),
      zip: path.join(dir, `wcdoctor-${version}-win-x64.zip`),
      tarball: path.join(dir, `wcdoctor-${version}.tgz`),
      sums: path.join(dir, `wcdoctor-${version}-SHA256SUMS`),
    }
  : undefined;

/** Why a release test cannot run here, or undefined when it can. */
export function releaseSkipReason(...needs: ('linuxTwin' | 'exe' | 'zip' | 'tarball' | 'sums')[]): string | undefined {
  if (!release) return 'WCDOCTOR_RELEASE_DIR is not set (run `npm run release`, then set it to release/<version>)';
  const missing = needs.map((n) => release[n]).filter((f) => !existsSync(f));
  return missing.length ? `missing ${missing.join(', ')}` : undefined;
}

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** The Linux Node of a line scripts/fetch-node.mjs names (`oldest`, `exe`), fetched and checked there, cached in .tmp/node; undefined when it cannot be had. */
export function fetchedNode(which: 'oldest' | 'exe'): string | undefined {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'fetch-node.mjs'), 'linux', which], { encoding: 'utf8', timeout: 120000 });
  const node = r.stdout?.trim().split('\n').pop();
  return r.status === 0 && node && existsSync(node) ? node : undefined;
}

/**
 * Starts a command in a detached 80×24 tmux session and returns the screen once `needle` shows
 * (or throws with the last screen after 15 s); the session is killed either way.
 */
export async function firstFrame(command: string, needle: string, env: Record<string, string>): Promise<string> {
  const socket = `wcd-release-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...a], { encoding: 'utf8' });
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('new-session', '-d', '-s', 'app', '-x', '80', '-y', '24', ...envArgs, command);
  let screen = '';
  try {
    const until = Date.now() + 15000;
    while (Date.now() < until) {
      screen = tmux('capture-pane', '-p', '-t', 'app');
      if (screen.includes(needle)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`"${needle}" never showed; the screen was:\n${screen}`);
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
}

/** The build folder (`<version>-<16 hex digits>`) a start of the executable or its twin unpacked under `appDir` (…/wcdoctor/app). */
export function unpackedBuild(appDir: string): string {
  const build = readdirSync(appDir).find((d) => /^\d+\.\d+\.\d+-[0-9a-f]{16}$/.test(d));
  if (build === undefined) throw new Error(`no unpacked build in ${appDir}`);
  return path.join(appDir, build);
}
