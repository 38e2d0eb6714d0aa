import type { Locale } from '../core/knowledge/types.js';
import { render } from 'ink';
import { createElement } from 'react';
import { diagnose } from '../core/diagnosis/diagnose.js';
import { INTERRUPT_SIGNALS, type InterruptSignal } from '../core/signals.js';
import { showControlsKeepCsi } from '../core/text/terminal-safe.js';
import type { Platform } from '../platform/platform.js';
import { App, type AppProps } from './App.js';
import { BRACKETED_PASTE } from './hooks/use-bracketed-paste.js';
import type { Route } from './navigation.js';

/** Where the app opens: home, the diagnose screen (with text), the docs (at a topic), the troubleshooting trees (at one), or the version check. */
export interface OpenAppInitial {
  screen: 'home' | 'diagnose' | 'docs' | 'tree' | 'compat' | 'network';
  text?: string;
  topic?: string;
  tree?: string;
}

export interface OpenAppOptions {
  /** What the UI may ask of the machine; the CLI creates it (createNodePlatform). */
  platform: Platform;
  noColor?: boolean;
  /** --lang: the language of this run (interface and knowledge), until one is chosen in Settings. */
  lang?: Locale;
}

/** The routes an entry point opens, bottom first. */
export function routesFor(initial: OpenAppInitial): Route[] {
  switch (initial.screen) {
    case 'home':
      return [{ screen: 'home' }];
    case 'diagnose':
      return [{ screen: 'home' }, { screen: 'diagnose', text: initial.text ?? '' }];
    case 'docs':
      return [{ screen: 'home' }, { screen: 'docs' }, ...(initial.topic ? [{ screen: 'topic' as const, topicId: initial.topic }] : [])];
    case 'tree':
      return [{ screen: 'home' }, { screen: 'tree' }, ...(initial.tree ? [{ screen: 'tree' as const, treeId: initial.tree }] : [])];
    case 'compat':
      return [{ screen: 'home' }, { screen: 'compat' }];
    case 'network':
      return [{ screen: 'home' }, { screen: 'network' }];
  }
}

// Show the cursor and turn bracketed paste off whatever way the process ends.
const restoreTerminal = () => {
  if (process.stdout.isTTY) process.stdout.write(`${BRACKETED_PASTE.off}\u001B[?25h`);
};

/**
 * The app's writes without ESC[3J, which erases the terminal's scrollback. Ink clears the whole terminal before a frame
 * when the one before it was as tall as the terminal (a screen's first frame can be, in a small terminal, before its
 * body is measured and cut to fit), and its clear includes the scrollback: the output of the user's earlier commands was
 * gone after the app opened its version check in a terminal of 40 x 14 (tmux). The screen itself is still cleared.
 */
const keepScrollback = (text: string): string => (text.includes('\u001B[3J') ? text.replaceAll('\u001B[3J', '') : text);

/**
 * The stream the app draws to: `stdout` itself, except that every write passes showControlsKeepCsi, so the
 * CSI sequences Ink and the bracketed-paste hook write go through and anything else that could still carry
 * a control sequence (OSC title or clipboard writes, DCS, BEL, C1) is shown visibly. The screens already
 * make outside text safe where it enters the display; this is the last line of defence. The scrollback is kept
 * (keepScrollback).
 */
export function terminalSafeStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk);
    return (stdout.write as (c: string, ...r: unknown[]) => boolean)(keepScrollback(showControlsKeepCsi(text)), ...rest.filter((r) => typeof r === 'function'));
  };
  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * How fast V8's young generation grows while the app runs. V8 doubles its semi-spaces (up to 16 MiB) as objects
 * survive its collections, and a paste of 1 MB, held with what is derived from it while it is diagnosed, grew the young
 * generation to 24 MiB of memory in use, a fifth of the session's peak. At 1 it keeps the size it has once the first
 * screen is drawn (semi-spaces of 4 MiB here). The size limit itself (--max-semi-space-size) is read only when the
 * process starts, and the npm launcher cannot pass node flags (see scripts/release.mjs), but V8 reads the growth factor
 * each time it would grow. Set after the first frame: set when the app's modules began to load, it cost the first frame
 * about 30 ms of scavenges. Set back to V8's default when the app closes, because V8 keys its code caches to its flags:
 * a cache the launcher writes at exit (run-bundle.ts) must be one the next start can use. The ES-module parts the app
 * imports later (marked-terminal, conf) are cached under the app's flags, and a run of the CLI that imports them
 * compiles them again once.
 */
function setYoungGenerationGrowth(factor: number): void {
  process.getBuiltinModule('node:v8').setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}

/** V8's own --semi-space-growth-factor. */
const V8_YOUNG_GENERATION_GROWTH = 2;

/**
 * How the app ended: `interruptedBy` the signal that ended it, or SIGINT for Ctrl+C (quitting otherwise leaves it out),
 * for the exit code a shell expects (exitCodeOfSignal).
 */
export interface AppEnd {
  interruptedBy?: InterruptSignal;
}

/**
 * Runs the interactive app until the user quits (q, or Ctrl+C, which the app's keymap turns into a
 * quit unless a fix is running, when it stops the fix instead). Ink's unmount leaves the terminal as
 * it was. Needs a TTY on stdin and stdout; the caller checks.
 */
export async function openApp(initial: OpenAppInitial, opts: OpenAppOptions): Promise<AppEnd> {
  const { platform } = opts;
  // Also on 'exit': Ink may still write (and hide the cursor) after waitUntilExit resolves.
  process.once('exit', restoreTerminal);
  let signal: InterruptSignal | undefined;
  // A request to end (SIGTERM), a closed terminal (SIGHUP) or a SIGINT from another process closes the app as its own
  // quit does: the screens are unmounted, a running fix is stopped, and its run is recorded as cancelled before the
  // process ends, with the code a shell gives a program ended so. Without these handlers Ink's exit hook unmounted the
  // screens and raised the signal again at once: the fix was stopped, and its run was in no audit log (found by an
  // attacker helper). Reads and writes of a terminal that is gone fail from then on: they are dropped, not thrown.
  const onSignal = (received: InterruptSignal) => {
    if (signal) return;
    signal = received;
    for (const stream of [process.stdin, process.stdout, process.stderr]) stream.on('error', () => undefined);
    // The last frame says why the app is closing (a running fix: that it is being stopped, not "Running…").
    if (props) instance?.rerender(createElement(App, { ...props, endingBy: received }));
    instance?.unmount();
  };
  const handlers: (readonly [NodeJS.Signals, () => void])[] = INTERRUPT_SIGNALS.map((s) => [s, () => onSignal(s)] as const);
  // Stopped by a signal from outside (a job-control shell's kill -TSTP, a parent such as `timeout --foreground`; Ctrl+Z
  // itself is a key in raw mode): the terminal as the shell expects it while the app waits, then, when continued, raw
  // mode, bracketed paste and the hidden cursor again, and the frame drawn whole (useRedrawOnResize). Without this the
  // shell's cooked mode stayed after `fg`: keys were echoed under the frame and never read (an attacker helper).
  // The stop itself waits for the signals already here to be handled: a CONT right behind the TSTP (a supervisor pausing
  // and resuming quickly) takes it back; stopped at once, the app stayed stopped after the CONT (a regression tester).
  // A CONT that lands after they are read and before the stop is still lost (the kernel's own stop had no such gap, but
  // left the terminal as the shell set it): a storm of hundreds of pairs can leave the app stopped, as it can leave many
  // programs that catch SIGTSTP.
  let stopping = false;
  if (process.platform !== 'win32')
    handlers.push(
      ['SIGTSTP', () => {
        restoreTerminal();
        if (process.stdin.isTTY) process.stdin.setRawMode(false);
        stopping = true;
        setImmediate(() => {
          if (!stopping) return;
          stopping = false;
          process.kill(process.pid, 'SIGSTOP');
        });
      }],
      ['SIGCONT', () => {
        stopping = false;
        if (process.stdin.isTTY) process.stdin.setRawMode(true);
        if (!process.stdout.isTTY) return;
        process.stdout.write(`${BRACKETED_PASTE.on}\u001B[?25l`);
        // The terminal may have changed size while the app was stopped: the shell, in the foreground, got the SIGWINCH.
        // Node reads the size again only then (getWindowSize gives what it read last); _refreshSize is what its own
        // SIGWINCH listener calls: it asks the terminal and emits 'resize' when the size changed.
        (process.stdout as NodeJS.WriteStream & { _refreshSize?: () => void })._refreshSize?.();
      }],
    );
  let instance: ReturnType<typeof render> | undefined;
  let props: AppProps | undefined;
  try {
    let interrupted = false;
    const onQuit = (how: { interrupted: boolean }) => {
      interrupted = how.interrupted;
    };
    props = { platform, diagnose, initial: routesFor(initial), noColor: opts.noColor ?? false, ...(opts.lang ? { lang: opts.lang } : {}), onQuit };
    instance = render(createElement(App, props), { exitOnCtrlC: false, stdout: terminalSafeStdout(process.stdout) });
    for (const [s, h] of handlers) process.on(s, h);
    // Ink has drawn the first frame by now (it renders synchronously).
    setYoungGenerationGrowth(1);
    await instance.waitUntilExit();
    const interruptedBy = signal ?? (interrupted ? 'SIGINT' : undefined);
    return interruptedBy ? { interruptedBy } : {};
  } finally {
    for (const [s, h] of handlers) process.off(s, h);
    setYoungGenerationGrowth(V8_YOUNG_GENERATION_GROWTH);
    restoreTerminal();
  }
}


