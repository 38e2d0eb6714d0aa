import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('is none on Windows, where an unelevated program of the user can write what an elevated start would run', () => {
    expect(privateCacheFolder('code-cache', { create: true }, { LOCALAPPDATA: cacheHome() }, 'win32')).toBeUndefined();
  });
});
