import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import { preferredLocales, type Platform } from '../../src/platform/platform.js';
import { DEFAULT_SETTINGS, type Settings, type SettingsProblem, type SettingsStore } from '../../src/platform/settings.js';
import { CATALOGS } from './i18n.js';
import { fixtureKb } from './kb-fixture.js';

/** A settings store in memory, with an optional problem to report once. */
export function memorySettings(initial: Partial<Settings> = {}, problem?: SettingsProblem, writeProblem?: SettingsProblem): SettingsStore & { saved: Settings[] } {
  let values: Settings = { ...DEFAULT_SETTINGS, ...initial };
  let pending = problem;
  const saved: Settings[] = [];
  return {
    path: '/tmp/wcdoctor-test/config.json',
    saved,
    get: () => ({ ...values }),
    set(key, value) {
      values = { ...values, [key]: value };
      if (value === undefined) delete values[key];
      saved.push({ ...values });
      if (writeProblem) {
        pending ??= writeProblem;
        writeProblem = undefined;
      }
    },
    flush: async () => undefined,
    takeProblem() {
      const p = pending;
      pending = undefined;
      return p;
    },
  };
}

export interface FakePlatformOptions {
  kb?: KnowledgeBase;
  settings?: Partial<Settings>;
  problem?: SettingsProblem;
  /** A problem the first write reports (an unwritable file). */
  writeProblem?: SettingsProblem;
  env?: Record<string, string | undefined>;
  /** What locale detection returns (BCP 47 tags, most preferred first). */
  locales?: string[];
}

/** A platform with a fixture knowledge base, memory settings and a fixed environment. */
export function fakePlatform(opts: FakePlatformOptions = {}): Platform & { settings: ReturnType<typeof memorySettings> } {
  return {
    knowledge: opts.kb ?? fixtureKb(),
    settings: memorySettings(opts.settings, opts.problem, opts.writeProblem),
    env: opts.env ?? {},
    catalogs: CATALOGS,
    detectLocales: () => opts.locales ?? ['en-US'],
    preferredLocales: () => preferredLocales(opts.locales ?? ['en-US']),
  };
}
