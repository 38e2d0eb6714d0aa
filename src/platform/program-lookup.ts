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
  for (const dir of pathVar.split(win ? ';' : ':')) {
    if (!dir) continue;
    const hit = candidates(dir.replace(/^"(.*)"$/, '$1')).find((f) => isRunnableFile(f, platform));
    if (hit) return hit;
  }
  return undefined;
}

/** Whether a program is found on PATH (see findProgram). */
export function isProgramOnPath(name: string, env: Record<string, string | undefined> = process.env, platform: string = process.platform): boolean {
  return findProgram(name, env, platform) !== undefined;
}
