import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import type { Locale } from '../../src/core/knowledge/types.js';
import type { Platform } from '../../src/platform/platform.js';
import { AppBody, Providers } from '../../src/ui/App.js';
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
  const result = render(
    <Providers platform={platform} diagnose={diagnose} initial={opts.initial ?? [{ screen: 'home' }]} noColor={opts.noColor ?? true} size={{ columns, rows }} afterBulkMs={opts.afterBulkMs ?? 0} quietMs={opts.quietMs ?? 0} {...(opts.lang ? { lang: opts.lang } : {})}>
      {ui}
    </Providers>,
  );
  const t: T = tFor(locale);
  return { ...result, platform, t, columns, rows };
}

/** Renders the whole app (global keys, router) starting at the given routes. */
export function renderApp(opts: RenderOptions & { onQuit?: () => void } = {}) {
  return renderWithProviders(<AppBody {...(opts.onQuit ? { onQuit: opts.onQuit } : {})} />, opts);
}
