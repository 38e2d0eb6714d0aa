import { fstatSync } from 'node:fs';

/**
 * Whether a file descriptor is a terminal. The same answer as `tty.isatty`, without loading
 * node:tty (and node:net, which it pulls in) for the common headless case: a pipe or a file
 * is never a terminal, and fstat says so cheaply (and, on Linux, that /dev/null is none). Only
 * another character device (a terminal) is asked of isatty. On Windows, where a console handle's
 * fstat is not a reliable witness, isatty decides every time.
 */
export function isTerminal(fd: number): boolean {
  if (process.platform !== 'win32') {
    try {
      const st = fstatSync(fd);
      if (!st.isCharacterDevice()) return false;
      // Linux's memory devices (/dev/null, /dev/zero, /dev/full: major number 1) are never terminals:
      // `2>/dev/null` in a script need not load node:tty either.
      if (process.platform === 'linux' && ((st.rdev >> 8) & 0xfff) === 1) return false;
    } catch {
      return false;
    }
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}
