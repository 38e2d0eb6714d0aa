import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandHome, getDataDir, homeOf } from '../../src/platform/paths.js';

describe('getDataDir', () => {
  it.each([
    [{ WCDOCTOR_DATA_DIR: '/tmp/wcd' }, 'linux', '/home/u', path.resolve('/tmp/wcd')],
    [{ WCDOCTOR_DATA_DIR: '/tmp/wcd', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u', path.resolve('/tmp/wcd')],
    [{ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u', 'C:\\Users\\u\\AppData\\Local\\wcdoctor'],
    [{}, 'win32', 'C:\\Users\\u', 'C:\\Users\\u\\AppData\\Local\\wcdoctor'],
    [{ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/u', '/xdg/wcdoctor'],
    [{ XDG_DATA_HOME: 'relative' }, 'linux', '/home/u', '/home/u/.local/share/wcdoctor'],
    [{}, 'darwin', '/Users/u', '/Users/u/.local/share/wcdoctor'],
  ])('%j on %s', (env, platform, home, expected) => {
    expect(getDataDir(env, platform, () => home)).toBe(expected);
  });
});

describe('the home folder', () => {
  it('is asked of the system only where a path needs it: WCDOCTOR_DATA_DIR or XDG_DATA_HOME given, never (an attacker helper: a HOME over 4 KB made libuv fail and `history` end in "internal error")', () => {
    const asked: string[] = [];
    const home = () => (asked.push('home'), '/home/u');
    getDataDir({ WCDOCTOR_DATA_DIR: '/tmp/wcd' }, 'linux', home);
    getDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', home);
    getDataDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', home);
    expect(asked).toEqual([]);
    expect(homeOf({ HOME: 'x'.repeat(5000) }, 'linux')).toBe('x'.repeat(5000));
    expect(homeOf({ USERPROFILE: 'C:\\Users\\u', HOME: '/c/Users/u' }, 'win32')).toBe('C:\\Users\\u');
  });
});

describe('expandHome', () => {
  it('reads a leading ~ as the home folder, as a shell would, and leaves every other path as it is (found by a tester)', () => {
    expect(expandHome('~/host.json', () => '/home/ann')).toBe(path.join('/home/ann', 'host.json'));
    expect(expandHome('~\\facts.json', () => '/home/ann')).toBe(path.join('/home/ann', 'facts.json'));
    expect(expandHome('~', () => '/home/ann')).toBe('/home/ann');
    for (const other of ['~ann/x.json', 'a/~/b.json', '/tmp/~x', 'C:\\x\\~1.json', 'host.json']) expect(expandHome(other, () => '/home/ann')).toBe(other);
  });
});
