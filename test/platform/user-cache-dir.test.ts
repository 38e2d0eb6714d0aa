import { chmodSync, chownSync, lchownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkPrivateFolder, privateCacheFolder, userCacheDir } from '../../src/platform/user-cache-dir.js';

describe('userCacheDir: where this user keeps compiled code', () => {
  it.each([
    [{ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local', TEMP: 'C:\\Users\\a\\AppData\\Local\\Temp' }, 'win32', 'C:\\Users\\a\\AppData\\Local\\wcdoctor'],
    [{ TEMP: 'C:\\Users\\a\\AppData\\Local\\Temp' }, 'win32', 'C:\\Users\\a\\AppData\\Local\\Temp\\wcdoctor'],
    [{}, 'win32', undefined],
    [{ XDG_CACHE_HOME: '/home/a/.xdg' }, 'linux', '/home/a/.xdg/wcdoctor'],
    [{ XDG_CACHE_HOME: 'relative/dir' }, 'linux', '/home/a/.cache/wcdoctor'],
    [{}, 'darwin', '/home/a/.cache/wcdoctor'],
  ])('%o on %s: %s', (env, platform, expected) => {
    expect(userCacheDir(env, platform, () => '/home/a')).toBe(expected);
  });

  it('has none without a home folder, rather than the shared temporary folder', () => {
    expect(userCacheDir({}, 'linux', () => '')).toBeUndefined();
    expect(userCacheDir({}, 'linux', () => 'relative')).toBeUndefined();
    expect(
      userCacheDir({}, 'linux', () => {
        throw new Error('no passwd entry');
      }),
    ).toBeUndefined();
  });
});

describe('privateCacheFolder: kept code and verdicts only from a folder no other user can change (an attacker helper: root run with another user\'s HOME ran code planted there)', () => {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const cacheHome = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'wcd-private-'));
    made.push(d);
    return d;
  };

  it("is the user's folder when it and every folder above are theirs and no one else's to write, made when asked", () => {
    const home = cacheHome();
    expect(privateCacheFolder('code-cache', { create: false }, { XDG_CACHE_HOME: home }, 'linux')).toBeUndefined();
    const dir = privateCacheFolder('code-cache', { create: true }, { XDG_CACHE_HOME: home }, 'linux');
    expect(dir).toBe(path.join(home, 'wcdoctor', 'code-cache'));
    expect(statSync(dir!).mode & 0o777).toBe(0o700);
    expect(privateCacheFolder('code-cache', { create: false }, { XDG_CACHE_HOME: home }, 'linux')).toBe(dir);
  });

  it('is none when another user can write the folder or one above it', () => {
    const home = cacheHome();
    mkdirSync(path.join(home, 'wcdoctor', 'code-cache'), { recursive: true, mode: 0o700 });
    chmodSync(path.join(home, 'wcdoctor'), 0o777);
    expect(privateCacheFolder('code-cache', { create: false }, { XDG_CACHE_HOME: home }, 'linux')).toBeUndefined();
    expect(privateCacheFolder('code-cache', { create: true }, { XDG_CACHE_HOME: home }, 'linux')).toBeUndefined();
    expect(() => checkPrivateFolder(path.join(home, 'wcdoctor', 'code-cache'))).toThrow(/can be changed by another user/);
  });

  it.skipIf(!isRoot)("is none in another user's folder (root with that user's HOME, as sudo -E runs)", () => {
    const home = cacheHome();
    mkdirSync(path.join(home, 'wcdoctor', 'code-cache'), { recursive: true, mode: 0o700 });
    for (const d of [home, path.join(home, 'wcdoctor'), path.join(home, 'wcdoctor', 'code-cache')]) chownSync(d, 65534, 65534);
    expect(privateCacheFolder('code-cache', { create: false }, { XDG_CACHE_HOME: home }, 'linux')).toBeUndefined();
    expect(privateCacheFolder('compile-cache', { create: true }, { XDG_CACHE_HOME: home }, 'linux')).toBeUndefined();
  });

  it('is the folder through a link of the user\'s (a home at /var/home reached as /home, a ~/.cache on another disk), and none through a link another user owns (a regression tester)', () => {
    const root = cacheHome();
    const real = path.join(root, 'var-home');
    mkdirSync(real, { mode: 0o700 });
    symlinkSync(real, path.join(root, 'home'));
    const dir = privateCacheFolder('code-cache', { create: true }, { XDG_CACHE_HOME: path.join(root, 'home') }, 'linux');
    expect(dir).toBe(path.join(root, 'home', 'wcdoctor', 'code-cache'));
    if (isRoot) {
      const theirs = path.join(root, 'their-link');
      symlinkSync(real, theirs);
      lchownSync(theirs, 65534, 65534);
      expect(() => checkPrivateFolder(path.join(theirs, 'wcdoctor', 'code-cache'))).toThrow(/a link another user owns/);
    }
  });

  it("takes a group-writable folder when the group is the user's own private group (umask 002), and only then (a regression tester)", () => {
    const home = cacheHome();
    mkdirSync(path.join(home, 'wcdoctor'), { mode: 0o700 });
    chmodSync(path.join(home, 'wcdoctor'), 0o770);
    // Whether this machine's files say the user's primary group is theirs alone, read here as a person would.
    const gid = String(process.getgid!());
    const accounts = readFileSync('/etc/passwd', 'utf8').split('\n').filter((l) => l.split(':')[3] === gid);
    const group = readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.split(':')[2] === gid);
    const members = (group?.split(':')[3] ?? '').split(',').filter(Boolean);
    const privateGroup = accounts.length === 1 && accounts[0]!.split(':')[2] === String(process.getuid!()) && group !== undefined && members.every((m) => m === accounts[0]!.split(':')[0]);
    expect(privateCacheFolder('code-cache', { create: true }, { XDG_CACHE_HOME: home }, 'linux') !== undefined).toBe(privateGroup);
    // Another group's write is never taken.
    if (isRoot) {
      chownSync(path.join(home, 'wcdoctor'), 0, 65534);
      expect(privateCacheFolder('code-cache', { create: true }, { XDG_CACHE_HOME: home }, 'linux')).toBeUndefined();
    }
  });

  it('says why a folder is not used, where asked (WCDOCTOR_DEBUG)', () => {
    const home = cacheHome();
    mkdirSync(path.join(home, 'wcdoctor'), { mode: 0o700 });
    chmodSync(path.join(home, 'wcdoctor'), 0o777);
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(privateCacheFolder('code-cache', { create: true }, { XDG_CACHE_HOME: home, WCDOCTOR_DEBUG: '1' }, 'linux')).toBeUndefined();
      expect(String(write.mock.calls[0]?.[0])).toMatch(/^wcdoctor: code-cache folder not used: .*can be changed by another user/);
    } finally {
      write.mockRestore();
    }
  });

  it('is none on Windows, where an unelevated program of the user can write what an elevated start would run', () => {
    expect(privateCacheFolder('code-cache', { create: true }, { LOCALAPPDATA: cacheHome() }, 'win32')).toBeUndefined();
  });
});
