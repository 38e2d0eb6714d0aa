import type { KnowledgeBase } from '../core/knowledge/kb.js';
import { loadKnowledgeBase } from './knowledge-fs.js';
import { detectLocales, readIntlLocale } from './locale.js';
import { openSettings, type SettingsStore } from './settings.js';

/**
 * Everything the UI may ask of the machine, handed to it through a React context so that tests
 * can pass fakes. Other members (shell, audit, clipboard) join as their features land.
 */
export interface Platform {
  /** The loaded knowledge base (dist/kb.json). */
  readonly knowledge: KnowledgeBase;
  readonly settings: SettingsStore;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The user's preferred languages from the environment, most preferred first (BCP 47). */
  detectLocales(): string[];
}

/** Options for {@link createNodePlatform}; everything defaults to the real process. */
export interface NodePlatformOptions {
  env?: Readonly<Record<string, string | undefined>>;
  knowledge?: KnowledgeBase;
  settings?: SettingsStore;
}

/** The real platform: the process environment, the built knowledge base and the conf settings file. */
export function createNodePlatform(opts: NodePlatformOptions = {}): Platform {
  const env = opts.env ?? process.env;
  const knowledge = opts.knowledge ?? loadKnowledgeBase();
  const settings = opts.settings ?? openSettings({ env });
  return {
    knowledge,
    settings,
    env,
    detectLocales: () => detectLocales({ env, platform: process.platform, intlLocale: readIntlLocale }),
  };
}
