import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

function isRunnableFile(file: string, platform: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a program the way a shell would: a name with a path separator is checked as is, a bare name is looked up in
 * each PATH directory (on Windows also with each PATHEXT extension). Returns the full path, or undefined.
 */
export function findProgram(name: string, env: Record<string, string | undefined> = process.env, platform: string = process.platform): string | undefined {
  if (!name) return undefined;
  const win = platform === 'win32';
  const exts = win ? ['', ...(env.PATHEXT ?? env.Pathext ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
  const candidates = (dir: string) => exts.map((e) => path.join(dir, name + e));
  if (name.includes('/') || (win && name.includes('\\'))) return [name, ...exts.slice(1).map((e) => name + e)].find((f) => isRunnableFile(f, platform));
  const pathVar = env.PATH ?? env.Path ?? '';
  for (const entry of pathVar.split(win ? ';' : ':')) {
    const dir = entry.replace(/^"(.*)"$/, '$1');
    // On Windows a relative entry (`.`) is the current folder, where a downloaded powershell.exe could be: skipped.
    if (!dir || (win && !path.win32.isAbsolute(dir))) continue;
    const hit = candidates(dir).find((f) => isRunnableFile(f, platform));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The program to start for `file`: on Windows a bare name becomes the full path findProgram finds on PATH, because
 * Windows looks in the current folder first when a bare name is started (nodejs/node#46264): a powershell.exe or
 * docker.exe in the folder wcdoctor was started from would run instead of the one the preflight found (found by an
 * attacker helper, from the code). Undefined when a bare name is on no PATH folder. Elsewhere `file` as it is: a
 * POSIX exec looks in PATH only.
 */
export function programToStart(file: string, env: Record<string, string | undefined> = process.env, platform: string = process.platform): string | undefined {
  if (platform !== 'win32' || file.includes('\\') || file.includes('/')) return file;
  return findProgram(file, env, platform);
}

/** Whether a program is found on PATH (see findProgram). */
export function isProgramOnPath(name: string, env: Record<string, string | undefined> = process.env, platform: string = process.platform): boolean {
  return findProgram(name, env, platform) !== undefined;
}
