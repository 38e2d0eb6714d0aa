import { createHash } from 'node:crypto';
import type { Elevation } from '../../src/core/fixes/preflight.js';
import type { AuditEntry, RunCommand } from '../../src/core/fixes/types.js';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import type { ClipboardResult } from '../../src/platform/clipboard.js';
import { DRAW_FIRST_MS, startFactsFileCheck, startFactsTextCheck } from '../../src/platform/facts-file.js';
import { preferredLocales, type Platform } from '../../src/platform/platform.js';
import { DEFAULT_SETTINGS, type Settings, type SettingsProblem, type SettingsStore } from '../../src/platform/settings.js';
import { fakeShell, type FakeShell } from './fake-shell.js';
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
  /** A real runner instead of the controllable fake shell (e.g. platform/shell.ts runCommand). */
  runCommand?: RunCommand;
  /** The OS fixes are checked against (`process.platform` form); win32 by default, so Windows fixes can run. */
  os?: string;
  /** Programs on the fake PATH (all of them by default). */
  programs?: string[];
  elevation?: Elevation;
  /** What copying to the clipboard answers (a missing clipboard by default). */
  clipboard?: ClipboardResult;
  /** Set: the audit log cannot be written, for this reason (its probe throws). */
  auditUnwritable?: string;
  /** Files the check screen may read by path (their text, stored as UTF-8); any other path is missing. */
  files?: Record<string, string | Uint8Array>;
  /** How the check screen checks a file (by default, on this thread over `files`, as the app checks a small file). */
  checkFile?: Platform['collector']['checkFile'];
  checkText?: Platform['collector']['checkText'];
}

/** What the fake platform's collector "script" is (never run: the fake shell records what it was given), with its digest. */
export const FAKE_COLLECTOR = { text: '# the collector (test stand-in)', sha256: createHash('sha256').update('# the collector (test stand-in)').digest('hex') };

/** The fake platform: the recorded audit entries and clipboard copies, and the shell the test drives. */
export type FakePlatform = Platform & {
  settings: ReturnType<typeof memorySettings>;
  shell: FakeShell;
  audit: Platform['audit'] & { entries: AuditEntry[] };
  clipboard: Platform['clipboard'] & { copied: string[] };
  collector: Platform['collector'];
};

/** A platform with a fixture knowledge base, memory settings and a fixed environment. */
export function fakePlatform(opts: FakePlatformOptions = {}): FakePlatform {
  const entries: AuditEntry[] = [];
  const copied: string[] = [];
  return {
    knowledge: opts.kb ?? fixtureKb(),
    settings: memorySettings(opts.settings, opts.problem, opts.writeProblem),
    env: opts.env ?? {},
    catalogs: CATALOGS,
    detectLocales: () => opts.locales ?? ['en-US'],
    preferredLocales: () => preferredLocales(opts.locales ?? ['en-US']),
    shell: opts.runCommand ? { runCommand: opts.runCommand, runs: [] } : fakeShell(),
    audit: {
      path: '/tmp/wcdoctor-test/audit.jsonl',
      entries,
      append: (e) => void entries.push(e),
      probe: () => {
        if (opts.auditUnwritable) throw new Error(opts.auditUnwritable);
      },
      read: () => ({ file: '/tmp/wcdoctor-test/audit.jsonl', entries: [...entries], warnings: [], notes: [], skipped: 0, unreadBytes: 0 }),
    },
    clipboard: { copied, copy: async (text) => (copied.push(text), opts.clipboard ?? { ok: false, reason: 'no clipboard tool is available here' }) },
    elevation: { check: async () => opts.elevation ?? { kind: 'elevated' } },
    programs: { platform: opts.os ?? 'win32', hasProgram: (name) => opts.programs?.includes(name) ?? true },
    collector: {
      read: () => FAKE_COLLECTOR,
      checkFile:
        opts.checkFile ??
        ((file, onProgress) =>
          startFactsFileCheck(file, {
            ...(onProgress ? { onProgress } : {}),
            inlineAfterMs: DRAW_FIRST_MS,
            read: (name) => {
              const data = opts.files?.[name];
              if (data === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, stat '${name}'`), { code: 'ENOENT' });
              return typeof data === 'string' ? new TextEncoder().encode(data) : data;
            },
          })),
      // No worker here: a large paste is checked on this thread, after the note is drawn, as without dist/.
      checkText: opts.checkText ?? ((text, onProgress) => startFactsTextCheck(text, { ...(onProgress ? { onProgress } : {}), inlineAfterMs: DRAW_FIRST_MS })),
    },
  };
}
