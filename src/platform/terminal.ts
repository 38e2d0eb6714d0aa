import { createInterface } from 'node:readline';
import { QUIET_MS } from '../core/fixes/answer-timing.js';
import { INTERRUPT_SIGNALS, type InterruptSignal } from '../core/signals.js';

/** How a question on the terminal ended: a typed answer, Ctrl+C, or the end of input (Ctrl+D, a closed terminal). */
export type Answer = { kind: 'answer'; text: string } | { kind: 'interrupted' } | { kind: 'ended' };

/** A terminal's input as askKeys needs it: a stream that can be put in raw mode (process.stdin on a TTY). */
type KeyInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** What askKeys says when a read carries more than one key, unless the caller says it in the user's language. */
export const TYPE_KEYS_NOTE = 'Text typed ahead, pasted, or typed at once after the question is not taken here: wait a moment, then type the answer key by key.';

/** Longest answer kept: a confirmation word is a fix id, far shorter. */
const MAX_ANSWER = 200;

/**
 * One key of a read, or a whole escape sequence (CSI, SS3, or Esc with one character, as Alt+key is sent); a
 * terminal that sends Enter as CR LF sends one key. Anything after the first key in the same read is another key.
 */
const FIRST_KEY = /^(?:\r\n|\x1b\[[0-?]*[ -/]*[@-~]|\x1bO.|\x1b[\s\S]?|[\s\S])/u;

/** The keys of one read: bracketed-paste marks and escape sequences each count as one key. */
export function keysOf(chunk: string): string[] {
  const keys: string[] = [];
  for (let rest = chunk; rest; ) {
    const key = FIRST_KEY.exec(rest)![0];
    keys.push(key);
    rest = rest.slice(key.length);
  }
  return keys;
}

/** Enter as a terminal sends it. */
const isEnter = (key: string): boolean => key === '\r' || key === '\n' || key === '\r\n';

/**
 * Asks one question and reads the answer key by key, in raw mode: a read that carries more than one key
 * (text pasted where the terminal marks no pastes, a bracketed paste, or keys typed before the question
 * was shown, which the terminal hands over in one read with their Enter) is not taken: the answer typed so
 * far is cleared, `note` is shown, and the question is asked again. So a two-line paste of a command and its
 * confirmation word, or `y` and Enter typed while wcdoctor starts, never confirms a plan the user has not
 * seen. Printable ASCII is taken (answers are `y`, `yes` and fix ids); Backspace and Ctrl+U edit; Ctrl+C is
 * `interrupted`, Ctrl+D or the end of input `ended`. The answer's Enter acts after a quiet moment with no other key
 * (another Enter says it again). Without a terminal that has a raw mode, the line is read as readline reads it.
 */
export function askKeys(question: string, note: string = TYPE_KEYS_NOTE, input: KeyInput = process.stdin, output: NodeJS.WritableStream = process.stderr, quietMs: number = QUIET_MS): Promise<Answer> {
  if (!input.isTTY || typeof input.setRawMode !== 'function') return askWithReadline(question, input, output);
  const setRaw = input.setRawMode.bind(input);
  return new Promise((resolve) => {
    let text = '';
    let done = false;
    /** Whether the last read was refused: a paste that arrives in several reads gets one note, not one per read. */
    let noted = false;
    /** When the question was shown, then when the last read came: the first key of an answer comes quietMs after. */
    let lastReadAt = performance.now();
    /** Whether a key of the answer was taken: then its next keys and corrections may come quickly (a tester: a letter after Backspace was refused). */
    let begun = false;
    /**
     * An answer's Enter acts after a quiet moment with no further key: a paste a console types key by key whose first
     * line is the answer goes on typing, and its next key takes the answer back (found by an attacker helper).
     */
    let held: ReturnType<typeof setTimeout> | undefined;
    const holdAnswer = () => {
      const answer = text.trim();
      held = setTimeout(() => finish({ kind: 'answer', text: answer }), quietMs);
    };
    const finish = (answer: Answer) => {
      if (done) return;
      done = true;
      clearTimeout(held);
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('close', onEnd);
      input.off('error', onEnd);
      input.pause();
      try {
        setRaw(false);
      } catch {
        // a terminal already gone
      }
      output.write('\n');
      resolve(answer);
    };
    // The end of input, a closed terminal or a read error (setRawMode's failure is reported so too) is no answer.
    const onEnd = () => finish({ kind: 'ended' });
    const onData = (chunk: Buffer | string) => {
      const keys = keysOf(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      const now = performance.now();
      const hurried = now - lastReadAt < quietMs;
      lastReadAt = now;
      // A key after an Enter held for its quiet moment takes the answer back: it starts over, as after any paste. Another
      // Enter is the same answer said again: the quiet moment starts over from it.
      const takenBack = held !== undefined;
      clearTimeout(held);
      held = undefined;
      if (takenBack && keys.length === 1 && isEnter(keys[0]!)) return holdAnswer();
      // One key right after the question or another key, before any answer was typed: a console typing a paste.
      const typedAtOnce = hurried && !begun && keys.length === 1 && keys[0] !== '\x03' && keys[0] !== '\x04';
      if (takenBack || keys.length !== 1 || typedAtOnce) {
        // More than one key in one read is no key pressed: Ctrl+C inside it still cancels.
        if (keys.includes('\x03')) return finish({ kind: 'interrupted' });
        text = '';
        begun = false;
        if (!noted) output.write(`\n${note}\n${question}`);
        noted = true;
        return;
      }
      noted = false;
      const key = keys[0]!;
      if (key === '\x03') return finish({ kind: 'interrupted' });
      if (key === '\x04') return finish({ kind: 'ended' });
      if (isEnter(key)) return holdAnswer();
      if (key === '\x7f' || key === '\b') {
        if (text) {
          text = text.slice(0, -1);
          output.write('\b \b');
        }
        return;
      }
      if (key === '\x15') {
        output.write('\b \b'.repeat(text.length));
        text = '';
        return;
      }
      if (/^[ -~]$/.test(key) && text.length < MAX_ANSWER) {
        begun = true;
        text += key;
        output.write(key);
      }
      // Any other key (arrows, function keys, Alt+key, a character outside ASCII) is no part of an answer.
    };
    output.write(question);
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('close', onEnd);
    input.once('error', onEnd);
    try {
      setRaw(true);
    } catch {
      return finish({ kind: 'ended' });
    }
    input.resume();
  });
}

function askWithReadline(question: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<Answer> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, output, terminal: true });
    let answered = false;
    const finish = (answer: Answer) => {
      if (answered) return;
      answered = true;
      rl.close();
      resolve(answer);
    };
    rl.on('SIGINT', () => {
      output.write('\n');
      finish({ kind: 'interrupted' });
    });
    rl.on('close', () => {
      if (!answered) output.write('\n');
      finish({ kind: 'ended' });
    });
    rl.question(question, (text) => finish({ kind: 'answer', text: text.trim() }));
  });
}

export { exitCodeOfSignal, type InterruptSignal } from '../core/signals.js';

/**
 * Routes Ctrl+C (SIGINT), SIGTERM and SIGHUP to a handler instead of ending wcdoctor, until the returned function is called.
 * Used while a fix runs: Ctrl+C then cancels the child, not wcdoctor.
 */
export function trapInterrupt(onInterrupt: (signal: InterruptSignal) => void): () => void {
  // A closed terminal (SIGHUP) or a request to end (SIGTERM) cancels the run too: without a handler Node ended at
  // once, leaving the child running and its run out of the audit log.
  const handlers = INTERRUPT_SIGNALS.map((s) => [s, () => onInterrupt(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  return () => {
    for (const [s, h] of handlers) process.off(s, h);
  };
}
