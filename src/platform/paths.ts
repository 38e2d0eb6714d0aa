import os from 'node:os';
import path from 'node:path';

/**
 * The directory wcdoctor keeps user data in (the audit log): `WCDOCTOR_DATA_DIR` when set, else
 * `%LOCALAPPDATA%\wcdoctor` on Windows, else `$XDG_DATA_HOME/wcdoctor` or `~/.local/share/wcdoctor`.
 * @example getDataDir({WCDOCTOR_DATA_DIR: '/tmp/x'}) === '/tmp/x'
 */
export function getDataDir(env: Record<string, string | undefined> = process.env, platform: string = process.platform, home: () => string = () => homeOf(env, platform)): string {
  const override = env.WCDOCTOR_DATA_DIR;
  if (override) return path.resolve(override);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? path.win32.join(home(), 'AppData', 'Local');
    return path.win32.join(local, 'wcdoctor');
  }
  const xdg = env.XDG_DATA_HOME;
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'wcdoctor');
  return path.join(home(), '.local', 'share', 'wcdoctor');
}

/**
 * The home folder, asked only where a path needs it: HOME (USERPROFILE on Windows) as the environment gives it, then the
 * system's answer (as node:os reads them). node:os asks libuv, which fails (ENOBUFS) for a HOME longer than a path may
 * be, and it was asked even where WCDOCTOR_DATA_DIR made it needless (an attacker helper: `history` ended in "internal
 * error").
 */
export function homeOf(env: Record<string, string | undefined> = process.env, platform: string = process.platform): string {
  return (platform === 'win32' ? env.USERPROFILE : env.HOME) || os.homedir();
}

/**
 * A path typed into the app with the home folder written as `~` (`~/host.json`, `~\facts.json`), as a shell or
 * PowerShell would read it: the app's field reaches no shell, and the file was "not found" (found by a tester).
 * @example expandHome('~/host.json', () => '/home/ann') === '/home/ann/host.json'
 */
export function expandHome(file: string, home: () => string = () => homeOf()): string {
  if (file === '~') return home();
  return /^~[\\/]/.test(file) ? path.join(home(), file.slice(2)) : file;
}
