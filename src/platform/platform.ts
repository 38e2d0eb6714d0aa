import { existsSync } from 'node:fs';
import { readLocaleCatalogs } from './locale-catalogs.js';
import path from 'node:path';
import type { CollectorScript } from '../core/check/collect.js';
import type { Elevation } from '../core/fixes/preflight.js';
import type { HostFacts } from '../core/fixes/runnable.js';
import type { AuditEntry, RunCommand } from '../core/fixes/types.js';
import type { Catalog } from '../core/i18n/translate.js';
import type { KnowledgeBase } from '../core/knowledge/kb.js';
import { LOCALES, type Locale } from '../core/knowledge/types.js';
import { appendAuditEntry, getAuditLogPath, probeAuditLog, readAuditLog, type AuditLogRead } from './audit-log.js';
import { readCollector } from './collector.js';
import { DRAW_FIRST_MS, factsWorkerEntry, startFactsFileCheck, startFactsTextCheck, type FactsFileCheck, type FactsFileProgress } from './facts-file.js';
import { copyToClipboard, type ClipboardResult } from './clipboard.js';
import { checkElevation } from './elevation.js';
import { KB_ARTEFACT, loadKnowledgeBase } from './knowledge-fs.js';
import { detectLocales, pickSupportedLocale, readIntlLocale } from './locale.js';
import { findPackageRoot } from './package-root.js';
import { expandHome, getDataDir } from './paths.js';
import { dockerTalksElsewhere, dockerTalksElsewhereResolved } from './docker-target.js';
import { isProgramOnPath } from './program-lookup.js';
import { openSettings, type SettingsStore } from './settings.js';
import { runCommand } from './shell.js';

/**
 * Everything the UI may ask of the machine, handed to it through a React context so that tests
 * can pass fakes.
 */
export interface Platform {
  /** The knowledge base (dist/kb.json), loaded on first use. */
  readonly knowledge: KnowledgeBase;
  readonly settings: SettingsStore;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The UI message catalogs (locales/<locale>.json). */
  readonly catalogs: Readonly<Record<Locale, Catalog>>;
  /** The user's preferred languages from the environment, most preferred first (BCP 47). */
  detectLocales(): string[];
  /** The same, narrowed to the languages wcdoctor supports (may be empty). */
  preferredLocales(): Locale[];
  /** Starts child processes (fix commands): an argv, no shell, streamed output, abort and timeout. */
  readonly shell: { runCommand: RunCommand };
  /** The audit log of fix runs and refusals in the user's data directory (JSON lines, append only). */
  readonly audit: {
    readonly path: string;
    append(entry: AuditEntry): void;
    /** Throws, saying why, when an entry could not be appended (a fix must not run then); writes nothing. */
    probe(): void;
    /** Reads the log (its newest 8 MiB), damaged lines skipped and counted; throws AuditLogError when it is not a regular file. */
    read(): AuditLogRead;
  };
  /** The system clipboard, when this machine has one. */
  readonly clipboard: { copy(text: string): Promise<ClipboardResult> };
  /** Whether this session runs with administrator rights (Windows). */
  readonly elevation: { check(): Promise<Elevation> };
  /** This machine's OS and the programs on its PATH: what decides whether a fix can run here. */
  readonly programs: HostFacts;
  /** What `check` needs beyond the fix runner: the read-only collector and collected files. */
  readonly collector: {
    /** The collector script and its SHA-256 (throws when the package lacks it). */
    read(): CollectorScript;
    /**
     * Reads, parses and evaluates a collected file (a regular file of at most 256 MiB) as `check --from` does, a large
     * one in a worker thread with progress; `cancel` stops it. Never throws: why a file cannot be read is its end.
     */
    checkFile(file: string, onProgress?: (progress: FactsFileProgress) => void): FactsFileCheck;
    /** Parses and evaluates pasted text as `check --from -` does, a large text in a worker thread; as checkFile. */
    checkText(text: string, onProgress?: (progress: FactsFileProgress) => void): FactsFileCheck;
  };
}

/** Options for {@link createNodePlatform}; everything defaults to the real process. */
export interface NodePlatformOptions {
  env?: Readonly<Record<string, string | undefined>>;
  knowledge?: KnowledgeBase;
  settings?: SettingsStore;
  /** For the app: copying may fall back to OSC 52 on the terminal (the app copies only when asked). */
  terminalClipboard?: boolean;
}

export { readLocaleCatalogs } from './locale-catalogs.js';

/** The supported languages the environment prefers, in order, without repeats (may be empty). */
export function preferredLocales(tags: readonly string[]): Locale[] {
  return [...new Set(tags.map((t) => pickSupportedLocale([t])).filter((l): l is Locale => l !== undefined))];
}

/** The real platform: the process environment, the built knowledge base, the catalogs and the settings file. */
export function createNodePlatform(opts: NodePlatformOptions = {}): Platform {
  const env = opts.env ?? process.env;
  const detect = () => detectLocales({ env, platform: process.platform, intlLocale: readIntlLocale });
  // Parsing the knowledge base takes ~20 ms, so it waits until a screen needs it; a missing one
  // still fails here, before anything is drawn.
  let knowledge = opts.knowledge;
  if (!knowledge && !existsSync(path.join(findPackageRoot(), KB_ARTEFACT))) knowledge = loadKnowledgeBase();
  return {
    get knowledge() {
      return (knowledge ??= loadKnowledgeBase());
    },
    settings: opts.settings ?? openSettings({ env }),
    env,
    catalogs: readLocaleCatalogs(),
    detectLocales: detect,
    preferredLocales: () => preferredLocales(detect()),
    shell: { runCommand },
    audit: {
      get path() {
        return getAuditLogPath(getDataDir(env));
      },
      append: (entry) => appendAuditEntry(entry, getDataDir(env)),
      probe: () => probeAuditLog(getDataDir(env)),
      read: () => readAuditLog(getDataDir(env)),
    },
    // The app copies only when the user presses a copy key, so there the terminal may be asked (OSC 52) when no tool is found.
    clipboard: { copy: (text) => copyToClipboard(text, { env, ...(opts.terminalClipboard && process.stdout.isTTY ? { writeTerminal: (s: string) => void process.stdout.write(s) } : {}) }) },
    elevation: { check: () => checkElevation() },
    programs: {
      platform: process.platform,
      hasProgram: (name) => isProgramOnPath(name, env),
      // Read when a fix is checked, not at start: docker's config may change while the app is open.
      get dockerElsewhere() {
        return dockerTalksElsewhere(env);
      },
      resolveDockerElsewhere: () => dockerTalksElsewhereResolved(env),
    },
    collector: {
      read: () => readCollector(),
      checkFile: (file, onProgress) => startFactsFileCheck(expandHome(file), { worker: factsWorkerEntry(), inlineAfterMs: DRAW_FIRST_MS, ...(onProgress ? { onProgress } : {}) }),
      checkText: (text, onProgress) => startFactsTextCheck(text, { worker: factsWorkerEntry(), inlineAfterMs: DRAW_FIRST_MS, ...(onProgress ? { onProgress } : {}) }),
    },
  };
}
