import { Box, measureElement, Text, type DOMElement } from 'ink';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { SettingsProblem } from '../../platform/settings.js';
import { useNavigationState } from '../contexts/NavigationContext.js';
import { useSettings } from '../contexts/SettingsContext.js';
import { useT } from '../hooks/use-t.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import type { T } from '../i18n.js';
import { displayWidth } from '../../core/text/display-width.js';
import { truncateWidth, wrapAnsiText } from '../../core/text/wrap-ansi.js';
import type { Theme } from '../theme.js';
import type { Scope } from '../keys.js';
import { HelpPanel } from './HelpPanel.js';
import { KeyHints, layoutHints, type KeyHint } from './KeyHints.js';
import { StatusLine } from './StatusLine.js';
import { useEnding } from '../contexts/EndingContext.js';

/** The measured chrome of a screen: what is left for its body. */
export interface Frame {
  columns: number;
  rows: number;
  /** Lines the screen's body may use. */
  bodyRows: number;
  hintLines: ReturnType<typeof layoutHints>;
  notice?: string;
  theme: Theme;
  /** The registry scopes the screen has on: the help overlay lists their commands. */
  scopes: readonly Scope[];
  /** The key hints at the frame's foot: the help overlay says what Enter does as they say it. */
  hints: readonly KeyHint[];
}

function noticeOf(p: SettingsProblem | undefined, t: T): string | undefined {
  if (!p) return undefined;
  const params = { file: p.file, backup: p.backup ?? '', detail: p.detail };
  if (p.kind === 'corrupt') return t(p.kept ? 'settings.problem.corruptKept' : 'settings.problem.corrupt', params);
  if (p.kind === 'unreadable') return t('settings.problem.unreadable', params);
  return t('settings.problem.unwritable', params);
}

/**
 * Whether the screens below may show the settings notice: only the screen the app opened on, so
 * the notice is gone in the very frame that shows the next screen.
 */
export const SettingsNoticeScope = createContext(true);

/**
 * Measures the frame for a screen's hints. The body sizes to its content (no full-height layout)
 * but must fit `bodyRows`, which keeps the output a line shorter than the terminal: Ink repaints
 * the whole screen (and flickers) once its output fills it.
 */
export function useFrame(hints: readonly KeyHint[], scopes: readonly Scope[] = []): Frame {
  const { columns, rows } = useTerminalSize();
  const { theme, problem } = useSettings();
  const t = useT();
  const hintLines = layoutHints(hints, t, columns);
  const notice = useContext(SettingsNoticeScope) ? noticeOf(problem, t) : undefined;
  const noticeRows = notice ? wrapAnsiText(`! ${notice}`, columns).length : 0;
  const bodyRows = Math.max(3, rows - 1 - 1 - hintLines.length - noticeRows);
  return { columns, rows, bodyRows, hintLines, theme, scopes, hints, ...(notice ? { notice } : {}) };
}

/**
 * Body rows below which a screen's first frame is held to them (ScreenFrame): in a terminal of fewer than about 20 rows
 * (40 columns: 16) screens can have more to show than fits; at 80 x 24 (21 body rows) none does before it is measured.
 */
export const CLIP_FIRST_FRAME_BELOW = 16;

/** A screen's frame: breadcrumb header, the settings notice, the body (or help), and the key hints. */
export function ScreenFrame({ frame, title, status, children }: { frame: Frame; title: string; status?: string; hints?: readonly KeyHint[]; children: ReactNode }) {
  const t = useT();
  const { help } = useNavigationState();
  const ending = useEnding();
  const { theme } = frame;
  const right = status ? truncateWidth(status, Math.floor(frame.columns / 2)) : '';
  // Whether the body's content is taller than its rows, measured once ink has laid the frame out.
  const body = useRef<DOMElement>(null);
  // In a short terminal the body starts held to its rows: its first frame is drawn before it can be measured, and a
  // frame taller than the terminal scrolls part of itself into the scrollback (a fuzzer helper: the version check at
  // 40 x 14, 15 lines). Where a screen's content fits as a rule, it starts at its own height.
  const [clipped, setClipped] = useState(() => frame.bodyRows < CLIP_FIRST_FRAME_BELOW);
  useEffect(() => {
    if (!body.current) return;
    const over = measureElement(body.current).height > frame.bodyRows;
    if (over !== clipped) setClipped(over);
  });
  const left = truncateWidth(t('app.breadcrumb', { app: t('app.name'), screen: title }), frame.columns - displayWidth(right) - (right ? 2 : 0));
  return (
    <Box flexDirection="column" width={frame.columns}>
      <Box justifyContent="space-between">
        <Text wrap="truncate-end" bold={theme.bold} color={theme.text.heading}>
          {left}
        </Text>
        {right && (
          <Text wrap="truncate-end" color={theme.text.secondary}>
            {right}
          </Text>
        )}
      </Box>
      {frame.notice && <StatusLine kind="warning" text={frame.notice} theme={theme} width={frame.columns} />}
      {/* The body never grows past its rows: a screen whose content is taller (a small terminal) is cut at the bottom,
          so the breadcrumb and the key hints stay on screen and no frame taller than the terminal leaves lines behind.
          Only then is the body held to its rows: a body of fixed height makes every frame as tall as the terminal,
          which cost an app session diagnosing a 1 MB paste 6 MiB more at its peak (scripts/bench.mjs). */}
      <Box flexDirection="column" {...(clipped ? { height: frame.bodyRows, overflowY: 'hidden' as const } : {})}>
        {/* At its own height (never squeezed, which dropped lines from the middle), cut by the box above. */}
        <Box ref={body} flexDirection="column" flexShrink={0}>
          {help ? <HelpPanel scopes={frame.scopes} hints={frame.hints} theme={theme} height={frame.bodyRows} width={frame.columns} /> : children}
        </Box>
      </Box>
      {/* The app's last frame on a signal offers no keys: none will be read (EndingContext). */}
      {ending ? <Text color={theme.text.secondary}>{t('app.ending', { signal: ending })}</Text> : <KeyHints lines={frame.hintLines} theme={theme} />}
    </Box>
  );
}
