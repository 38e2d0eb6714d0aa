import { Text } from 'ink';
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
}

/**
 * ink-testing-library's stdout has columns (100) but no rows. Ink 8 then asks the terminal-size package for
 * the rows on every frame, which runs `tput` twice each time (the UI tests went from 14 to 63 s). Its fake
 * stdout gets rows here, as many as any frame needs, so Ink never clips or clears a frame for its height
 * (as with Ink 6, which read no size of its own): the app lays out for the size a test gives (`size` below).
 */
function giveFakeStdoutRows(): void {
  const probe = render(<Text />);
  const proto = Object.getPrototypeOf(probe.stdout) as object;
  if (!('rows' in proto)) Object.defineProperty(proto, 'rows', { get: () => 1000, configurable: true });
  probe.unmount();
}
giveFakeStdoutRows();

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
    <Providers platform={platform} diagnose={diagnose} initial={opts.initial ?? [{ screen: 'home' }]} noColor={opts.noColor ?? true} size={{ columns, rows }}>
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
