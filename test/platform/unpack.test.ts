import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePrivate, removeOtherBuilds, unpack, unpackBase, unpackInto, UNPACK_MARKER } from '../../src/platform/unpack.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const base = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'wcd-unpack-'));
  dirs.push(d);
  return d;
};
const files = (text = 'x') => [
  { path: 'package.json', data: Buffer.from('{"name":"wcdoctor"}') },
  { path: 'dist/esm/chunks/a.mjs', data: Buffer.from(text) },
];
const NAME = '0.2.0-0123456789abcdef';

describe('unpackBase', () => {
  it.each([
    ['win32, LOCALAPPDATA and TEMP', { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local', TEMP: 'C:\\Temp' }, 'win32', ['C:\\Users\\a\\AppData\\Local\\wcdoctor\\app', 'C:\\Temp\\wcdoctor\\app']],
    ['linux, XDG_CACHE_HOME', { XDG_CACHE_HOME: '/c' }, 'linux', ['/c/wcdoctor/app', path.join(tmpdir(), `wcdoctor-${process.getuid!()}`, 'app')]],
    ['linux, relative XDG_CACHE_HOME is ignored', { XDG_CACHE_HOME: 'rel' }, 'linux', ['/home/a/.cache/wcdoctor/app', path.join(tmpdir(), `wcdoctor-${process.getuid!()}`, 'app')]],
  ] as const)('%s', (_name, env, platform, expected) => {
    expect(unpackBase(env, platform, () => '/home/a')).toEqual(expected);
  });

  it("win32 without LOCALAPPDATA or TEMP has no folder (the machine's temporary folder is other users' too), and unpack says so", () => {
    expect(unpackBase({}, 'win32', () => 'C:\\Users\\a')).toEqual([]);
    expect(() => unpack([], NAME, files)).toThrow(/no folder of this user's to unpack them into \(LOCALAPPDATA and TEMP are not set\)/);
  });

  it('win32 without LOCALAPPDATA falls back to TEMP', () => {
    expect(unpackBase({ TEMP: 'C:\\Temp' }, 'win32', () => 'C:\\Users\\a')).toEqual(['C:\\Temp\\wcdoctor\\app']);
  });
});

describe('unpackInto', () => {
  it('writes the files and the marker, then reuses the folder without calling for the files again', () => {
    const b = base();
    const dir = unpackInto(b, NAME, () => files('one'));
    expect(dir).toBe(path.join(b, NAME));
    expect(readFileSync(path.join(dir, 'dist/esm/chunks/a.mjs'), 'utf8')).toBe('one');
    expect(existsSync(path.join(dir, UNPACK_MARKER))).toBe(true);
    expect(unpackInto(b, NAME, () => { throw new Error('should not be asked again'); })).toBe(dir);
    expect(readdirSync(b)).toEqual([NAME]);
  });

  it('replaces a folder that lost its marker (a half-deleted copy)', () => {
    const b = base();
    mkdirSync(path.join(b, NAME, 'dist'), { recursive: true });
    writeFileSync(path.join(b, NAME, 'dist', 'stale'), '');
    const dir = unpackInto(b, NAME, () => files('fresh'));
    expect(readFileSync(path.join(dir, 'dist/esm/chunks/a.mjs'), 'utf8')).toBe('fresh');
    expect(existsSync(path.join(dir, 'dist', 'stale'))).toBe(false);
  });

  it('writes again a folder that lost a file or holds one cut short since, instead of failing on it from then on (found by a helper)', () => {
    const b = base();
    const dir = unpackInto(b, NAME, () => files('one'));
    rmSync(path.join(dir, 'dist/esm/chunks/a.mjs'));
    expect(unpackInto(b, NAME, () => files('one'))).toBe(dir);
    expect(readFileSync(path.join(dir, 'dist/esm/chunks/a.mjs'), 'utf8')).toBe('one');
    writeFileSync(path.join(dir, 'dist/esm/chunks/a.mjs'), 'o');
    unpackInto(b, NAME, () => files('one'));
    expect(readFileSync(path.join(dir, 'dist/esm/chunks/a.mjs'), 'utf8')).toBe('one');
    // A marker of an older build, which lists no files, is written again once.
    writeFileSync(path.join(dir, UNPACK_MARKER), `${NAME}\n`);
    unpackInto(b, NAME, () => files('one'));
    expect(readFileSync(path.join(dir, UNPACK_MARKER), 'utf8')).toMatch(/^\d+ dist\/esm\/chunks\/a\.mjs$/m);
  });

  it('refuses names that are not build folders, and file paths that leave the folder', () => {
    const b = base();
    expect(() => unpackInto(b, '../evil', files)).toThrow(/not a build folder/);
    expect(() => unpackInto(b, NAME, () => [{ path: '../outside', data: Buffer.from('') }])).toThrow(/leaves the folder/);
    expect(existsSync(path.join(b, '..', 'outside'))).toBe(false);
    expect(readdirSync(b)).toEqual([]);
  });

  it('removes the folders of other builds and stale temporary folders, and nothing else', () => {
    const b = base();
    const old = path.join(b, '0.1.0-fedcba9876543210');
    const staleTemp = path.join(b, `${NAME}.123.abc.tmp`);
    const freshTemp = path.join(b, `${NAME}.456.def.tmp`);
    for (const d of [old, staleTemp, freshTemp, path.join(b, 'notes')]) mkdirSync(d);
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(staleTemp, hourAgo, hourAgo);
    unpackInto(b, NAME, files);
    expect(readdirSync(b).sort()).toEqual([NAME, `${NAME}.456.def.tmp`, 'notes'].sort());
  });

  it('removeOtherBuilds is quiet when the folder does not exist', () => {
    expect(() => removeOtherBuilds(path.join(base(), 'missing'), NAME)).not.toThrow();
  });
});

describe('unpack', () => {
  it('takes a copy in the temporary folder only when its files are byte for byte this build\'s (an attacker helper: planted files of the right sizes were run)', () => {
    const own = base();
    const shared = base();
    // Planted in the shared folder: the marker and files of the right sizes, other code.
    unpackInto(shared, NAME, () => files('EVIL'));
    const planted = path.join(shared, NAME);
    // The user's own folder cannot be written: the shared one is the one used, and its planted copy is replaced.
    const blocked = path.join(own, 'file');
    writeFileSync(blocked, '');
    expect(unpack([path.join(blocked, 'app'), shared], NAME, () => files('good'))).toBe(planted);
    expect(readFileSync(path.join(planted, 'dist/esm/chunks/a.mjs'), 'utf8')).toBe('good');
    // A planted extra file listed in the marker is not this build's either.
    writeFileSync(path.join(planted, 'extra.mjs'), 'x');
    writeFileSync(path.join(planted, UNPACK_MARKER), `${readFileSync(path.join(planted, UNPACK_MARKER), 'utf8')}1 extra.mjs\n`);
    expect(unpack([shared], NAME, () => files('good'))).toBe(planted);
    expect(existsSync(path.join(planted, 'extra.mjs'))).toBe(false);
    // The user's own cache folder is checked by its sizes only (no read of every file at each start).
    const mine = base();
    unpackInto(mine, NAME, () => files('ones'));
    expect(unpack([mine, shared], NAME, () => { throw new Error('not asked: the own folder is complete'); })).toBe(path.join(mine, NAME));
  });

  it("runs nothing from a temporary folder another user can change (an attacker helper: another user's build folder in /tmp passed the byte check, and a chunk swapped later was imported)", () => {
    const b = base();
    // Ours and private, under a sticky folder (as /tmp): taken.
    const sticky = path.join(b, 'sticky');
    mkdirSync(sticky, { mode: 0o1777 });
    chmodSync(sticky, 0o1777);
    expect(() => ensurePrivate(path.join(sticky, 'wcdoctor-me', 'app'))).not.toThrow();
    expect(statSync(path.join(sticky, 'wcdoctor-me')).mode & 0o777).toBe(0o700);
    // A folder on the way that others may write, without the sticky bit: refused, and unpack says so.
    const open = path.join(b, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(() => ensurePrivate(path.join(open, 'app'))).toThrow(/can be changed by another user/);
    expect(() => unpack([path.join(open, 'app')], NAME, files)).toThrow(/could not unpack wcdoctor's files .*can be changed by another user/);
    // A link in its place to a folder others may write: refused, as that folder is. A link of this user's to a private
    // folder of theirs is taken (a regression tester: homes reached through a link, as /home -> /var/home, lost their caches).
    symlinkSync(sticky, path.join(b, 'link'));
    expect(() => ensurePrivate(path.join(b, 'link'))).toThrow(/can be changed by another user/);
    mkdirSync(path.join(b, 'private'), { mode: 0o700 });
    symlinkSync(path.join(b, 'private'), path.join(b, 'link-to-private'));
    expect(() => ensurePrivate(path.join(b, 'link-to-private', 'app'))).not.toThrow();
    // Another user's folder (made so where the tests run as root): refused, however private.
    if (process.getuid!() === 0) {
      const theirs = path.join(sticky, 'wcdoctor-them');
      mkdirSync(theirs, { mode: 0o700 });
      chownSync(theirs, 54321, 54321);
      expect(() => ensurePrivate(path.join(theirs, 'app'))).toThrow(/owner 54321/);
      rmSync(theirs, { recursive: true, force: true });
      // A sticky folder of another user's: they may rename what is in it (an attacker helper swapped the build so).
      const theirSticky = path.join(b, 'their-sticky');
      mkdirSync(theirSticky, { mode: 0o1777 });
      chmodSync(theirSticky, 0o1777);
      chownSync(theirSticky, 54321, 54321);
      expect(() => ensurePrivate(path.join(theirSticky, 'wcdoctor-me', 'app'))).toThrow(/owner 54321/);
    }
  });

  it.runIf(process.platform !== 'win32' && process.getuid?.() === 0)("takes nothing from a first folder another user owns, such as their cache folder under root with their HOME (an attacker helper: a planted module of the right size was run as root)", () => {
    const b = base();
    const theirs = path.join(b, 'their-cache');
    const mine = path.join(b, 'mine');
    expect(unpack([path.join(theirs, 'app'), mine], NAME, files)).toBe(path.join(theirs, 'app', NAME));
    // Their copy, a same-size edit of a module: not taken; the next folder, this user's own, gets a copy of its own.
    writeFileSync(path.join(theirs, 'app', NAME, 'dist', 'esm', 'chunks', 'a.mjs'), 'y');
    for (const d of [theirs, path.join(theirs, 'app'), path.join(theirs, 'app', NAME)]) chownSync(d, 54321, 54321);
    const taken = unpack([path.join(theirs, 'app'), mine], NAME, files);
    expect(taken).toBe(path.join(mine, NAME));
    expect(readFileSync(path.join(taken, 'dist', 'esm', 'chunks', 'a.mjs'), 'utf8')).toBe('x');
  });

  it('falls back to the next folder when the first cannot be written, and says why when none can', () => {
    const b = base();
    const blocked = path.join(b, 'file');
    writeFileSync(blocked, '');
    const second = path.join(b, 'second');
    expect(unpack([path.join(blocked, 'app'), second], NAME, files)).toBe(path.join(second, NAME));
    expect(() => unpack([path.join(blocked, 'app')], NAME, files)).toThrow(/could not unpack wcdoctor's files \(.*file.app: /);
  });
});

describe('unpackInto on a machine that holds new files for a moment (Windows anti-virus)', () => {
  const refusing = (times: number, code = 'EPERM') => {
    let left = times;
    const waits: number[] = [];
    return {
      waits,
      rename: (from: string, to: string) => {
        if (left-- > 0) throw Object.assign(new Error(`${code}: operation not permitted, rename`), { code });
        renameSync(from, to);
      },
      // The waits are recorded, not slept (3 s of the suite's time otherwise).
      sleep: (ms: number) => void waits.push(ms),
    };
  };

  it('retries a rename refused with EPERM, EACCES or EBUSY', () => {
    for (const code of ['EPERM', 'EACCES', 'EBUSY']) {
      const b = base();
      const io = refusing(3, code);
      expect(unpackInto(b, NAME, files, io)).toBe(path.join(b, NAME));
      expect(readdirSync(b)).toEqual([NAME]);
      expect(io.waits).toEqual([50, 100, 150]);
    }
  });

  it('gives up after ten tries, leaving no temporary folder', () => {
    const b = base();
    const io = refusing(100);
    expect(() => unpackInto(b, NAME, files, io)).toThrow(/EPERM/);
    expect(readdirSync(b)).toEqual([]);
    expect(io.waits).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450]);
  });

  it('does not retry other errors', () => {
    const b = base();
    let calls = 0;
    const rename = () => {
      calls++;
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    expect(() => unpackInto(b, NAME, files, { rename, sleep: () => undefined })).toThrow(/ENOSPC/);
    expect(calls).toBe(1);
  });
});
