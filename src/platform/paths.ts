import os from 'node:os';
import path from 'node:path';

/**
 * The directory wcdoctor keeps user data in (the audit log): `WCDOCTOR_DATA_DIR` when set, else
 * `%LOCALAPPDATA%\wcdoctor` on Windows, else `$XDG_DATA_HOME/wcdoctor` or `~/.local/share/wcdoctor`.
 * @example getDataDir({WCDOCTOR_DATA_DIR: '/tmp/x'}) === '/tmp/x'
 */
export function getDataDir(env: Record<string, string | undefined> = process.env, platform: string = process.platform, home: string = os.homedir()): string {
  const override = env.WCDOCTOR_DATA_DIR;
  if (override) return path.resolve(override);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, 'wcdoctor');
  }
  const xdg = env.XDG_DATA_HOME;
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'wcdoctor');
  return path.join(home, '.local', 'share', 'wcdoctor');
}

/**
 * A path typed into the app with the home folder written as `~` (`~/host.json`, `~\facts.json`), as a shell or
 * PowerShell would read it: the app's field reaches no shell, and the file was "not found" (found by a tester).
 * @example expandHome('~/host.json', '/home/ann') === '/home/ann/host.json'
 */
export function expandHome(file: string, home: string = os.homedir()): string {
  if (file === '~') return home;
  return /^~[\\/]/.test(file) ? path.join(home, file.slice(2)) : file;
}
