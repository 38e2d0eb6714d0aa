import { existsSync, renameSync } from 'node:fs';
import Conf from 'conf';
import { isLocale, type Locale } from '../core/knowledge/types.js';

/** The colour themes the UI offers. `no-color` is also forced by NO_COLOR. */
export const THEMES = ['default', 'high-contrast', 'no-color'] as const;
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
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
  /** The problem found since the last call, once; undefined when there is none (or it was taken). */
  takeProblem(): SettingsProblem | undefined;
}

/** Options for {@link openSettings}; `cwd` (or WCDOCTOR_CONFIG_DIR) points the store at a folder. */
export interface OpenSettingsOptions {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  now?: () => Date;
}

class CorruptSettings extends Error {}

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
 * Opens the settings file (`config.json` in WCDOCTOR_CONFIG_DIR, `cwd`, or the OS config folder).
 * A corrupt file is moved to `config.json.bad-<timestamp>` and replaced with defaults; an unreadable
 * or unwritable one leaves the settings in memory. Either way one problem is reported and nothing throws.
 */
export function openSettings(opts: OpenSettingsOptions = {}): SettingsStore {
  const cwd = opts.cwd ?? (opts.env?.WCDOCTOR_CONFIG_DIR || undefined);
  const now = opts.now ?? (() => new Date());
  let problem: SettingsProblem | undefined;
  let conf: Conf<Record<string, unknown>> | undefined;
  let values: Settings = { ...DEFAULT_SETTINGS };
  let file = cwd ? `${cwd}/config.json` : 'config.json';
  const make = () =>
    new Conf<Record<string, unknown>>({
      projectName: 'wcdoctor',
      projectSuffix: '',
      configName: 'config',
      ...(cwd ? { cwd } : {}),
      deserialize: parseSettingsFile,
    });
  try {
    conf = make();
    file = conf.path;
    values = sanitise(conf.store);
  } catch (e) {
    const path = (e as NodeJS.ErrnoException).path;
    if (typeof path === 'string') file = path;
    if (e instanceof CorruptSettings && existsSync(file)) {
      const backup = `${file}.bad-${now().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(file, backup);
        conf = make();
        conf.store = { ...values };
        problem = { kind: 'corrupt', file, backup, detail: messageOf(e) };
      } catch (e2) {
        conf = undefined;
        problem = { kind: 'unreadable', file, detail: messageOf(e2) };
      }
    } else {
      conf = undefined;
      problem = { kind: 'unreadable', file, detail: messageOf(e) };
    }
  }
  return {
    get path() {
      return file;
    },
    get: () => ({ ...values }),
    set(key, value) {
      const next: Settings = { ...values };
      if (value === undefined) delete next[key];
      else next[key] = value;
      values = sanitise(next as unknown as Record<string, unknown>);
      if (!conf) return;
      try {
        conf.store = { ...values };
      } catch (e) {
        conf = undefined;
        problem ??= { kind: 'unwritable', file, detail: messageOf(e) };
      }
    },
    takeProblem() {
      const p = problem;
      problem = undefined;
      return p;
    },
  };
}
