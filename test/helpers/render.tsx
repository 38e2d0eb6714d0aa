import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import type { Locale } from '../../src/core/knowledge/types.js';
import type { Platform } from '../../src/platform/platform.js';
import { AppBody, Providers } from '../../src/ui/App.js';
import { EndingContext } from '../../src/ui/contexts/EndingContext.js';
import type { InterruptSignal } from '../../src/core/signals.js';
import type { DiagnoseFn } from '../../src/ui/contexts/PlatformContext.js';
import type { T } from '../../src/ui/i18n.js';
import { tFor } from './i18n.js';
import type { Route } from '../../src/ui/navigation.js';
import { fakeDiagnose } from './kb-fixture.js';
import { fakePlatform } from './fake-platform.js';

export interface RenderOptions {
  platform?: Platform;
  /** Interface language; sets the fake platform's language setting when no platform is given. */
  locale?: Locale;
  columns?: number;
  rows?: number;
  diagnose?: DiagnoseFn;
  initial?: Route[];
  noColor?: boolean;
  /** --lang of the command line: the run's language, over the settings. */
  lang?: Locale;
  /**
   * How long a lone key after a paste or a burst still belongs to it. Tests write a key right after a paste, faster than
   * any person, so 0 unless a test is about that rule (the app's own is AFTER_BULK_MS).
   */
  afterBulkMs?: number;
  /** How long input must be quiet before an answer's first key (InputContext's QUIET_MS); 0 unless a test says. */
  quietMs?: number;
  /** How long a paste without its end marker waits for more of itself (InputContext's PASTE_IDLE_MS, the default). */
  pasteIdleMs?: number;
}

/**
 * Renders UI inside every provider with a fake platform, a language and a terminal size
 * (ink-testing-library's stdout is 100 columns; the size given here is what the app lays out for).
 */
export function renderWithProviders(ui: ReactElement, opts: RenderOptions = {}) {
  const locale = opts.locale ?? 'en';
  const platform = opts.platform ?? fakePlatform({ settings: { language: locale } });
  const diagnose = opts.diagnose ?? fakeDiagnose().fn;
  const columns = opts.columns ?? 80;
  const rows = opts.rows ?? 24;
  const initial = opts.initial ?? [{ screen: 'home' }];
  let size = { columns, rows };
  const tree = (inner: ReactElement) => (
    <Providers platform={platform} diagnose={diagnose} initial={initial} noColor={opts.noColor ?? true} size={size} afterBulkMs={opts.afterBulkMs ?? 0} quietMs={opts.quietMs ?? 0} {...(opts.pasteIdleMs !== undefined ? { pasteIdleMs: opts.pasteIdleMs } : {})} {...(opts.lang ? { lang: opts.lang } : {})}>
      {inner}
    </Providers>
  );
  const result = render(tree(ui));
  const t: T = tFor(locale);
  /** Draws `next` inside the same providers, which keep their state (the app's own rerender). */
  let current = ui;
  const rerenderInside = (next: ReactElement) => result.rerender(tree((current = next)));
  /** The terminal resized to `columns` × `rows`: the app drawn again inside the same providers, at the new size. */
  const resize = (c: number, r: number) => {
    size = { columns: c, rows: r };
    result.rerender(tree(current));
  };
  return { ...result, platform, t, columns, rows, rerenderInside, resize };
}

/** Renders the whole app (global keys, router) starting at the given routes. */
export function renderApp(opts: RenderOptions & { onQuit?: () => void } = {}) {
  const body = (endingBy?: InterruptSignal) => (
    <EndingContext.Provider value={endingBy}>
      <AppBody {...(opts.onQuit ? { onQuit: opts.onQuit } : {})} />
    </EndingContext.Provider>
  );
  const r = renderWithProviders(body(), opts);
  /** What openApp does on a signal: the last frame drawn with the signal the app is ending on. */
  const endWith = (signal: InterruptSignal) => r.rerenderInside(body(signal));
  return { ...r, endWith };
}
