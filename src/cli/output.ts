import { writeSync } from 'node:fs';

/** What the writer needs from the process; injectable for tests. */
export interface OutputTarget {
  /** Writes bytes to the descriptor, returning how many were written (fs.writeSync). */
  writeSync(fd: number, data: Uint8Array): number;
  /** The stream for the same descriptor (process.stdout or process.stderr), made on first use. */
  stream(): NodeJS.WritableStream;
  /** Called when the reader has gone away (`wcdoctor … | head`): nothing more can be written. */
  onClosed(): void;
  /** Called when the output cannot be written for another reason (a full disk, /dev/full, EIO): also the end of it. */
  onFailed(error: NodeJS.ErrnoException): void;
}

/**
 * A writer for a descriptor that is a pipe or a file. It writes synchronously with fs.writeSync,
 * which keeps start-up light (process.stdout on a pipe builds a socket stream and loads node:net,
 * about 3 ms) and the output in order. A descriptor left non-blocking by whoever opened it (EAGAIN)
 * hands the rest to the stream; a closed reader (EPIPE, or ECONNRESET: see readerGone) ends the output quietly.
 */
export function createSyncWriter(fd: number, target: OutputTarget): (text: string) => void {
  let streaming = false;
  return (text) => {
    if (streaming) {
      target.stream().write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += target.writeSync(fd, bytes.subarray(done));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (readerGone(code)) return target.onClosed();
      if (code !== 'EAGAIN') return target.onFailed(e as NodeJS.ErrnoException);
      streaming = true;
      target.stream().write(bytes.subarray(done));
    }
  };
}

/**
 * Whether a write error says the reader went away: EPIPE on a pipe, and ECONNRESET on a socket whose reader closed it
 * with data unread (Node gives a child's stdio as a socket pair: the CI saw `cannot write standard output: ECONNRESET`,
 * exit 3, where a pipe's reader leaving gives 141).
 */
export const readerGone = (code: string | undefined): boolean => code === 'EPIPE' || code === 'ECONNRESET';

/** Calls `onClosed` when the reader of a stream has gone away (readerGone), `onFailed` on any other write error; once per stream. */
export function onClosedReader(stream: NodeJS.WritableStream, onClosed: () => void, onFailed?: (e: NodeJS.ErrnoException) => void): void {
  if (stream.listenerCount('error') === 0) stream.on('error', (e: NodeJS.ErrnoException) => (readerGone(e.code) ? onClosed() : onFailed?.(e)));
}

/** The real process's target for a descriptor (1 or 2); `onClosed` and `onFailed` decide what the end of the output means. */
export function processTarget(fd: 1 | 2, onClosed: () => void, onFailed: (e: NodeJS.ErrnoException) => void): OutputTarget {
  return {
    writeSync: (f, data) => writeSync(f, data),
    stream: () => {
      const stream = fd === 1 ? process.stdout : process.stderr;
      onClosedReader(stream, onClosed, onFailed);
      return stream;
    },
    onClosed,
    onFailed,
  };
}
