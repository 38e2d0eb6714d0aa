import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { isLocale, type Locale } from '../core/knowledge/types.js';
import { decodeText } from '../core/text/decode-text.js';

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
}

/** Options for {@link openSettings}; `cwd` (or WCDOCTOR_CONFIG_DIR) points the store at a folder. */
export interface OpenSettingsOptions {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  now?: () => Date;
  platform?: string;
}

/**
 * The per-user config folder for `wcdoctor`: the one conf / env-paths would choose (no suffix), so that settings
 * written by earlier versions, which saved through conf, are found where they were.
 */
export function settingsDir(env: Readonly<Record<string, string | undefined>>, platform: string = process.platform): string {
  if (env.WCDOCTOR_CONFIG_DIR) return env.WCDOCTOR_CONFIG_DIR;
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'wcdoctor', 'Config');
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'wcdoctor');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'wcdoctor');
}

class CorruptSettings extends Error {}

/** Renames, retrying briefly where Windows refuses while another process (an indexer, a virus scanner) has the file open. */
function renameOver(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 5 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * (attempt + 1));
    }
  }
}

/**
 * Writes the settings file atomically and never through a link: the data goes to a new file beside it (created
 * exclusively, so nothing that is already there is opened), which is then renamed over `config.json`. A symbolic link
 * at that path is replaced by the new file; the file it pointed to is left as it was.
 */
export function writeSettingsFile(file: string, data: Readonly<Record<string, unknown>>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      writeSync(fd, `${JSON.stringify(data, undefined, '\t')}\n`);
    } finally {
      closeSync(fd);
    }
    renameOver(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
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
  return data as Record<string, unknown>;
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
 * The file is read at once and written in the background, atomically and never through a link
 * (see writeSettingsFile). A corrupt file is moved to `config.json.bad-<timestamp>` and
 * replaced with defaults; an unreadable or unwritable one leaves the settings in memory. Either way
 * one problem is reported and nothing throws.
 */
export function openSettings(opts: OpenSettingsOptions = {}): SettingsStore {
  const env = opts.env ?? {};
  const dir = opts.cwd ?? settingsDir(env, opts.platform);
  const file = path.join(dir, 'config.json');
  const now = opts.now ?? (() => new Date());
  let problem: SettingsProblem | undefined;
  let values: Settings = { ...DEFAULT_SETTINGS };
  let writable = true;
  let queue: Promise<void> = Promise.resolve();

  const write = () => {
    if (!writable) return;
    const snapshot = { ...values };
    queue = queue
      .then(() => writeSettingsFile(file, snapshot))
      .catch((e: unknown) => {
        writable = false;
        problem ??= { kind: 'unwritable', file, detail: messageOf(e) };
      });
  };

  try {
    values = sanitise(parseSettingsFile(decodeText(readFileSync(file))));
  } catch (e) {
    if (e instanceof CorruptSettings) {
      const backup = `${file}.bad-${now().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(file, backup);
        problem = { kind: 'corrupt', file, backup, detail: e.message };
        write();
      } catch (e2) {
        writable = false;
        problem = { kind: 'unreadable', file, detail: messageOf(e2) };
      }
    } else if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      writable = false;
      problem = { kind: 'unreadable', file, detail: messageOf(e) };
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
      write();
    },
    flush: () => queue,
    takeProblem() {
      const p = problem;
      problem = undefined;
      return p;
    },
  };
}
