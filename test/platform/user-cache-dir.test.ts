import { describe, expect, it } from 'vitest';
import { userCacheDir } from '../../src/platform/user-cache-dir.js';

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
