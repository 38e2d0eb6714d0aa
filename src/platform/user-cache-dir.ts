import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { makeDirs } from './make-dirs.js';

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

/**
 * Throws unless no other user can change what is in `dir`: the real folders (links resolved) from it up are this user's
 * and writable by no one else, up to a folder whose sticky bit keeps others from renaming or removing what is not theirs
 * (/tmp), or one of root's that others cannot write; and a link on the way as written (`/home` -> `/var/home`, a
 * `~/.cache` on another disk) is root's or this user's, in a folder that passes the same rule. Group write counts as
 * others' write unless the group is this user's own private group (umask 002 systems). Found by attacker helpers: another
 * user who ran the exe first owned the build folder in /tmp; root run with another user's HOME (`sudo -E`) ran compiled
 * code that user had planted in their cache folder. A regression tester then found links and private groups refused on
 * ordinary homes (Fedora Silverblue's /home, Ubuntu's umask 002). Not on Windows (see privateCacheFolder).
 * `parent`: `dir` is where a folder of this user's is about to be made, so it need not be this user's itself: /tmp
 * (sticky) or a folder of root's that no one else writes passes, as it does above one's own folders.
 */
export function checkPrivateFolder(dir: string, consequence = 'nothing is run from it', { parent = false }: { parent?: boolean } = {}): void {
  if (typeof process.getuid !== 'function') return;
  const me = process.getuid();
  walkUp(realpathSync.native(dir), me, !parent, consequence);
  for (let at = path.resolve(dir); path.dirname(at) !== at; at = path.dirname(at)) {
    const st = lstatSync(at);
    if (!st.isSymbolicLink()) continue;
    if (st.uid !== me && st.uid !== 0) throw new Error(`${at} is a link another user owns (owner ${st.uid}): ${consequence}`);
    walkUp(realpathSync.native(path.dirname(at)), me, false, consequence);
  }
}

/** Checks real folders from `start` up (see checkPrivateFolder); `own`: `start` itself must be this user's. */
function walkUp(start: string, me: number, own: boolean, consequence: string): void {
  for (let at = start; ; at = path.dirname(at)) {
    const st = lstatSync(at);
    if (!st.isDirectory()) throw new Error(`${at} is not a folder`);
    const othersWrite = (st.mode & 0o002) !== 0 || ((st.mode & 0o020) !== 0 && !isPrivateGroup(st.gid, me));
    const sticky = (st.mode & 0o1000) !== 0;
    if (st.uid === me && !othersWrite) {
      if (path.dirname(at) === at) return;
      continue;
    }
    // Above our own folders: a sticky folder (others cannot replace ours in it), or root's that no one else writes.
    // (A sticky folder of another user's is theirs to rename things in: found by an attacker helper.)
    if (!(own && at === start) && (st.uid === 0 || st.uid === me) && (sticky || !othersWrite)) return;
    // Said as it is: a folder of another user's (mode 755 is no one else's write), or one others may write to.
    const why = st.uid !== me ? `it belongs to another user, owner ${st.uid}` : `others may write to it: mode ${(st.mode & 0o7777).toString(8)}`;
    throw new Error(`${at} can be changed by another user (${why}): ${consequence}`);
  }
}

/**
 * Whether group `gid` is this user's private group: their primary group, with no other member in /etc/group and no other
 * account in /etc/passwd whose primary group it is. Read only for a group-writable folder; false when the files cannot
 * be read (groups from a directory service), so such a folder stays refused.
 */
function isPrivateGroup(gid: number, me: number): boolean {
  if (typeof process.getgid !== 'function' || gid !== process.getgid()) return false;
  try {
    const group = readFileSync('/etc/group', 'utf8').split('\n').map((l) => l.split(':')).find((f) => f[2] === String(gid));
    const accounts = readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':')).filter((f) => f[3] === String(gid));
    const mine = accounts.find((f) => f[2] === String(me));
    if (!group || !mine || accounts.length !== 1) return false;
    const members = (group[3] ?? '').split(',').filter(Boolean);
    return members.every((m) => m === mine[0]);
  } catch {
    return false;
  }
}

/**
 * `<user cache folder>/<sub>` when what is kept there can be trusted to be this user's: compiled code that is run
 * (code caches, Node's compile cache) and verdicts that switch a safety check off (pattern verdicts). With `create`, the
 * folder is made (0700) first; without, a missing folder is undefined (nothing to read). Undefined when another user
 * could change it (checkPrivateFolder), and always on Windows: an elevated PowerShell uses the same %LOCALAPPDATA% as
 * the user's unelevated processes, and this process cannot tell a folder's owner there, so code kept there by an
 * unelevated program would run elevated (found by an attacker helper); those starts compile their code each time.
 */
export function privateCacheFolder(sub: string, opts: { create: boolean }, env: Record<string, string | undefined> = process.env, platform: string = process.platform): string | undefined {
  if (platform === 'win32') return undefined;
  const base = userCacheDir(env, platform);
  if (!base) return undefined;
  const dir = sub ? path.join(base, sub) : base;
  try {
    if (opts.create) makeDirs(dir, 0o700);
    checkPrivateFolder(dir);
    return dir;
  } catch (e) {
    // Said where asked (WCDOCTOR_DEBUG), in ASCII: a start without its caches is slower, and this is why.
    if (env.WCDOCTOR_DEBUG && (e as NodeJS.ErrnoException).code !== 'ENOENT')
      process.stderr.write(`wcdoctor: ${sub || 'cache'} folder not used: ${(e instanceof Error ? e.message : String(e)).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);
    return undefined;
  }
}
