import path from 'node:path';

/**
 * The folder of wcdoctor's files that only this user may write, or undefined when there is none:
 * `%LOCALAPPDATA%\wcdoctor` on Windows (`%TEMP%\wcdoctor`, which is per-user there, without it),
 * `$XDG_CACHE_HOME/wcdoctor` or `~/.cache/wcdoctor` elsewhere. Never the shared temporary folder of
 * a Linux machine: what is kept here (compiled code) must not be writable by another user.
 */
export function userCacheDir(env: Record<string, string | undefined> = process.env, platform: string = process.platform, home: () => string = homedir): string | undefined {
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA || env.TEMP;
    return base ? path.win32.join(base, 'wcdoctor') : undefined;
  }
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'wcdoctor');
  let dir: string;
  try {
    dir = home();
  } catch {
    return undefined;
  }
  return dir && path.isAbsolute(dir) ? path.join(dir, '.cache', 'wcdoctor') : undefined;
}

/** node:os's homedir, loaded when first asked: the launcher imports this module, and node:os cost every start a quarter of a millisecond. */
const homedir = (): string => process.getBuiltinModule('node:os').homedir();
