import { accessSync, constants, lstatSync, readlinkSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type Conf from 'conf';
import { isLocale, type Locale } from '../core/knowledge/types.js';
import { decodeText } from '../core/text/decode-text.js';
import { withFileLock } from './file-lock.js';
import { makeDirs } from './make-dirs.js';
import { FileTooLarge, readRegularFile } from './read-regular-file.js';
import { checkPrivateFolder } from './user-cache-dir.js';

/** The colour themes the UI offers. `no-color` is also forced by NO_COLOR. */
export const THEMES = ['default', 'high-contrast', 'no-color'] as const;
/** One of THEMES. */
export type ThemeName = (typeof THEMES)[number];

/** What the app remembers between runs. An unset language means "follow the environment". */
export interface Settings {
  /** Language of the interface; unset until the user picks one (the environment decides meanwhile). */
  language?: Locale;
  /** Language of topic text; unset means the interface language. */
  knowledgeLanguage?: Locale;
  theme: ThemeName;
}

/** The values a fresh install starts with. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({ theme: 'default' });

/** Something went wrong with the settings file; the app carries on with defaults or in memory. */
export interface SettingsProblem {
  kind: 'corrupt' | 'unreadable' | 'unwritable';
  file: string;
  /** Where the damaged file was moved to (only for `corrupt`). */
  backup?: string;
  /** The file was damaged while the app ran: the settings the app held were saved, not the defaults. */
  kept?: boolean;
  detail: string;
}

/** A typed settings store that never throws: failures become one reported problem. */
export interface SettingsStore {
  readonly path: string;
  get(): Settings;
  /** Changes a value now; the file is written in the background (see flush). */
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
  /** Resolves once every change so far is on disk (or has failed and become a problem). */
  flush(): Promise<void>;
  /** The problem found since the last call, once; undefined when there is none (or it was taken). */
  takeProblem(): SettingsProblem | undefined;
  /**
   * Reads the file again, so that what another open copy saved shows here (its changes under this one's not yet
   * written); a file that cannot be read or is damaged leaves the values as they are. Writes nothing.
   */
  reload?(): void;
}

/** Options for {@link openSettings}; `cwd` (or WCDOCTOR_CONFIG_DIR) points the store at a folder. */
export interface OpenSettingsOptions {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  now?: () => Date;
  platform?: string;
}

/**
 * The folder conf would choose for `wcdoctor` (env-paths, no suffix; a test checks they agree). We pass it to conf as
 * `cwd` so that the file can be read at start-up before conf (and its schema validator) is loaded.
 */
export function settingsDir(env: Readonly<Record<string, string | undefined>>, platform: string = process.platform): string {
  if (env.WCDOCTOR_CONFIG_DIR) return env.WCDOCTOR_CONFIG_DIR;
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'wcdoctor', 'Config');
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'wcdoctor');
  // A relative XDG_CONFIG_HOME is none (the XDG base directory specification says to ignore it): the settings would
  // otherwise follow the folder wcdoctor was started from (found by an attacker helper).
  const xdg = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : undefined;
  return path.join(xdg ?? path.join(home, '.config'), 'wcdoctor');
}

class CorruptSettings extends Error {}

/** The most a settings file may hold; ours is a few hundred bytes. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/**
 * Reads the settings file without ever blocking: opened non-blocking (a FIFO put at its path opens at
 * once instead of waiting for a writer), then only a regular file is read, and at most
 * MAX_SETTINGS_BYTES of it (a link to /dev/zero would otherwise grow without end). A link to a
 * regular file is read as that file.
 */
function readSettingsBytes(file: string): Buffer {
  try {
    return readRegularFile(file, MAX_SETTINGS_BYTES);
  } catch (e) {
    if (e instanceof FileTooLarge) throw new CorruptSettings(`it is ${e.size} bytes, more than a settings file holds`);
    throw e;
  }
}

/**
 * Makes sure that what conf writes next lands in a new file at `config.json`, never in a file a link there points to.
 *
 * conf writes through `atomically`, which first resolves the path with `realpath`: for a symbolic link at
 * `config.json` it writes its temporary file beside the link's *target* and renames it over the target (issue 11,
 * item 6: a symlinked config.json had the file it pointed to overwritten). conf passes atomically no option that
 * changes this, and conf also reads the file through the link when it is made and before every write (to keep its
 * internal keys), which for a link to /dev/zero or a FIFO never ends; a custom `serialize` could look at the path
 * too, but only after that read. So, right before conf is made and before every write, the entry at `config.json` is
 * looked at with `lstat` (which does not follow links): anything that is neither a regular file nor a folder (a
 * symbolic link, a FIFO, a socket, a device) is unlinked. Unlinking removes only the directory entry: the link's
 * target is untouched. conf then finds no file, creates `config.json.tmp-…` beside it and renames it into place, a
 * regular file of our own (0600). A regular file, hard-linked or not, is replaced by that rename without being
 * opened, so a hard link's other names keep the old contents. A folder is left alone (the write fails and is reported
 * as unwritable).
 *
 * The check, conf's construction and the write run in one synchronous step, so nothing in this process comes between
 * them; another process would need write access to the config folder, with which it could replace config.json itself.
 * On Windows atomically retries the rename while another process holds the file open.
 */
function releaseLink(file: string): string | undefined {
  let stats;
  try {
    stats = lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (stats.isSymbolicLink()) {
    const target = readlinkSync(file);
    unlinkSync(file);
    return target;
  }
  if (!stats.isFile() && !stats.isDirectory()) unlinkSync(file);
  // A settings file made read-only is not replaced by a writable one (conf's rename ignores the file's mode: an attacker
  // helper's 0444 config.json became 0600 at the first change): the save fails as unwritable, changes last the session.
  else if (stats.isFile()) accessSync(file, constants.W_OK);
  return undefined;
}

/**
 * Puts back the link releaseLink took away when the write that was to replace it failed (a full disk, a quota): the
 * link was removed first and nothing came in its place, so the next start read no settings and said nothing (found by
 * an attacker helper). Only where nothing stands now.
 */
function restoreLink(file: string, target: string): void {
  try {
    lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        symlinkSync(target, file);
      } catch {
        // The write's own error is the one reported.
      }
    }
  }
}

/**
 * Throws unless no other user can change the settings folder (checkPrivateFolder): a folder another user owns or can
 * write, or reaches through a link of theirs, could be pointed at any folder of this user's (root's, run with another
 * user's HOME) between the check of config.json and conf's write, which resolves links when it writes (found by an
 * attacker helper: a link put back in a loop won the race in 6 of 6 runs, and root's daemon.json got a "theme"; and a
 * link as the whole folder had root's config.json elsewhere renamed and replaced). Settings there are read, never
 * written: changes last the session, and the problem says why. On Windows, where this process cannot tell a folder's
 * owner (see privateCacheFolder), the settings folder and the one above it must not be links or junctions.
 */
function checkSettingsFolder(dir: string, platform: string = process.platform): void {
  if (platform === 'win32') {
    // Windows: no owner to read, but a junction needs no privilege, and an elevated start shares %APPDATA% with the
    // user's unelevated programs. The settings folder and the one above it (%APPDATA%\wcdoctor\Config, \wcdoctor) must
    // be folders of their own, not links or junctions (lstat reports both as links), or the settings are not saved.
    for (const at of [dir, path.dirname(dir)]) {
      let link = false;
      try {
        link = lstatSync(at).isSymbolicLink();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      if (link) throw new Error(`${at} is a link or junction: settings are not saved there`);
    }
    return;
  }
  checkPrivateFolder(dir, 'settings are not saved there');
}

/**
 * The conf store for `dir` (`config.json`), made once a first write needs it; conf is an ES-module chunk loaded then.
 * It has no schema: the file may hold keys and values this version does not know (a newer version's, another tool's),
 * and they are kept (see openSettings' write); what the app uses is checked by sanitise when read.
 */
async function loadConf(dir: string): Promise<() => Conf<Record<string, unknown>>> {
  const { default: ConfClass } = await import('conf');
  let conf: Conf<Record<string, unknown>> | undefined;
  return () =>
    (conf ??= new ConfClass<Record<string, unknown>>({
      cwd: dir,
      configName: 'config',
      projectSuffix: '',
      configFileMode: 0o600,
      // conf reads the file as UTF-8 text when it is made and before each write (only to carry over keys of its
      // own, which we do not use); what is written was read by openSettings' write through decodeText. So this
      // parser drops a UTF-8 BOM and treats text that is no JSON object (damaged, or UTF-16 that conf read as UTF-8)
      // as empty rather than failing the write: every write replaces the whole store anyway.
      deserialize: (text) => {
        try {
          return parseSettingsFile(text);
        } catch {
          return {};
        }
      },
    }));
}

/** Parses the settings file: BOM-safe, and only a JSON object counts as settings. */
function parseSettingsFile(text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CorruptSettings(e instanceof Error ? e.message : String(e));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new CorruptSettings('not a JSON object');
  if (depthOver(data, MAX_SETTINGS_DEPTH)) throw new CorruptSettings(`a value is nested deeper than ${MAX_SETTINGS_DEPTH} levels, more than settings are`);
  return data as Record<string, unknown>;
}

/**
 * How deep a settings file's values may nest. A file nested 20,000 deep was read, and every save after it failed
 * (writing it back overflowed the stack: found by an attacker helper), so no setting was kept past the session; such a
 * file is now set aside as damaged, like any other, and the settings start again beside its backup.
 */
const MAX_SETTINGS_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than `max` (walked without recursion). */
function depthOver(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Keeps the values we understand; anything else falls back to its default. */
function sanitise(raw: Record<string, unknown>): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (typeof raw.language === 'string' && isLocale(raw.language)) s.language = raw.language;
  if (typeof raw.knowledgeLanguage === 'string' && isLocale(raw.knowledgeLanguage)) s.knowledgeLanguage = raw.knowledgeLanguage;
  if (typeof raw.theme === 'string' && (THEMES as readonly string[]).includes(raw.theme)) s.theme = raw.theme as ThemeName;
  return s;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

/**
 * Opens the settings (`config.json` in WCDOCTOR_CONFIG_DIR, `cwd`, or the OS config folder).
 * The file is read at once (decodeText: UTF-8, or UTF-16 with a BOM); conf, which validates against the schema and
 * writes atomically, is loaded only when something must be written, to keep start-up light, and never writes through
 * a link (see releaseLink). A corrupt file is moved to `config.json.bad-<timestamp>` and
 * replaced with defaults; an unreadable or unwritable one leaves the settings in memory. Either way
 * one problem is reported (and again after each later change, which is not saved either) and nothing throws.
 */
export function openSettings(opts: OpenSettingsOptions = {}): SettingsStore {
  const env = opts.env ?? {};
  const dir = opts.cwd ?? settingsDir(env, opts.platform);
  const file = path.join(dir, 'config.json');
  const now = opts.now ?? (() => new Date());
  let problem: SettingsProblem | undefined;
  let values: Settings = { ...DEFAULT_SETTINGS };
  /** Why changes are no longer saved (the settings file could not be read or written); reported again at each change. */
  let unsaved: SettingsProblem | undefined;
  let queue: Promise<void> = Promise.resolve();
  let conf: Promise<() => Conf<Record<string, unknown>>> | undefined;
  /** Changes made but not yet written, by key (undefined: removed). */
  const pending = new Map<keyof Settings, unknown>();
  /** The settings file parsed (readSettingsBytes: regular file only, size-capped, through a link). */
  const readFile = (): Record<string, unknown> => parseSettingsFile(decodeText(readSettingsBytes(file)));
  /** Where a damaged file is moved to. */
  const backupName = (): string => `${file}.bad-${now().toISOString().replace(/[:.]/g, '-')}`;
  /** The settings `base` holds with the changes not yet written over them: what the app shows. */
  const withPending = (base: Record<string, unknown>): Settings => {
    const view: Record<string, unknown> = { ...base };
    for (const [k, v] of pending) {
      if (v === undefined) delete view[k];
      else view[k] = v;
    }
    return sanitise(view);
  };

  /**
   * The settings file as it is on disk now, parsed, whatever it holds (keys and values this version does not know
   * included): a write changes only its own key in it, so another copy of the app's change and a newer version's
   * settings survive (found by an attacker helper: each copy wrote its whole snapshot, and unknown keys were dropped).
   * Read through a link at `config.json` (safely: a regular file only, size-capped, never waiting on a FIFO) before
   * releaseLink replaces the link. A missing file is empty; a damaged one is moved aside first, as at start; one
   * that cannot be read (a FIFO, a device, no permission) gives what the app holds, so that nothing it loaded is lost
   * (found by the second attacker helper: a config.json linked from a dotfiles folder lost its theme on the first save).
   */
  const onDisk = (): Record<string, unknown> => {
    try {
      return readFile();
    } catch (e) {
      if (e instanceof CorruptSettings) {
        // Damaged since it was read: moved aside as at start, said, and the values the app holds are saved whole (found
        // by a tester: only the changed setting was kept).
        const backup = backupName();
        renameSync(file, backup);
        problem ??= { kind: 'corrupt', file, backup, detail: e.message, kept: true };
        return { ...values };
      }
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? {} : { ...values };
    }
  };

  /** Saves a change of one key (undefined: removed), or of every key the app holds (`all`, after a damaged file). */
  const write = (change: { key: keyof Settings; value: unknown } | 'all') => {
    if (unsaved) {
      // Each change says again that it is not saved: a screen that shows "saved" must learn otherwise.
      problem ??= unsaved;
      return;
    }
    conf ??= loadConf(dir);
    queue = queue
      .then(() => conf)
      .then((getConf) => {
        if (!getConf) return;
        // One synchronous step: the folder, the link check, the file read, conf (made on the first write, reading the
        // file) and the write. The folder is made here (makeDirs) because conf makes it with mkdirSync's recursive
        // mode, which never returns under /proc (XDG_CONFIG_HOME or WCDOCTOR_CONFIG_DIR there hung the app at its
        // first saved setting).
        // (On Windows first as well: makeDirs would otherwise make the folder through a junction above it.)
        if ((opts.platform ?? process.platform) === 'win32') checkSettingsFolder(dir, 'win32');
        makeDirs(dir, 0o700);
        checkSettingsFolder(dir, opts.platform);
        // Read, merge and write under a lock file: another copy saving at the same moment otherwise wrote over this change.
        const merged = withFileLock(`${file}.lock`, () => {
          const next: Record<string, unknown> = { ...onDisk() };
          const link = releaseLink(file);
          try {
            if (change === 'all') Object.assign(next, values);
            else if (change.value === undefined) delete next[change.key];
            else next[change.key] = change.value;
            const store = getConf();
            releaseLink(file);
            store.store = next;
          } catch (e) {
            if (link !== undefined) restoreLink(file, link);
            throw e;
          }
          return next;
        });
        // What another copy saved meanwhile is the app's now too, under the changes still waiting to be written.
        if (change !== 'all' && pending.get(change.key) === change.value) pending.delete(change.key);
        values = withPending(merged);
      })
      .catch((e: unknown) => {
        unsaved ??= { kind: 'unwritable', file, detail: messageOf(e) };
        problem ??= unsaved;
      });
  };

  try {
    values = sanitise(readFile());
  } catch (e) {
    let folder: string | undefined;
    if (e instanceof CorruptSettings) {
      try {
        checkSettingsFolder(dir, opts.platform);
      } catch (e2) {
        folder = messageOf(e2);
      }
    }
    if (folder !== undefined) {
      // Left as it is: moving it aside would rename a file in a folder another user can point anywhere.
      problem = unsaved = { kind: 'unwritable', file, detail: folder };
    } else if (e instanceof CorruptSettings) {
      const backup = backupName();
      try {
        renameSync(file, backup);
        problem = { kind: 'corrupt', file, backup, detail: e.message };
        write('all');
      } catch (e2) {
        problem = unsaved = { kind: 'unreadable', file, detail: messageOf(e2) };
      }
    } else if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      problem = unsaved = { kind: 'unreadable', file, detail: messageOf(e) };
    }
  }
  return {
    path: file,
    get: () => ({ ...values }),
    set(key, value) {
      const next: Settings = { ...values };
      if (value === undefined) delete next[key];
      else next[key] = value;
      values = sanitise(next as unknown as Record<string, unknown>);
      // A value this version does not take (sanitise dropped it) is not written either.
      pending.set(key, values[key]);
      write({ key, value: values[key] });
    },
    flush: () => queue,
    reload() {
      try {
        values = withPending(readFile());
      } catch {
        // Unreadable or damaged: the values stay as they are (a save says what is wrong).
      }
    },
    takeProblem() {
      const p = problem;
      problem = undefined;
      return p;
    },
  };
}
