import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDataDir } from '../../src/platform/paths.js';

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
    expect(getDataDir(env, platform, home)).toBe(expected);
  });
});
