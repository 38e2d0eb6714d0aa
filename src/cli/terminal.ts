import { fstatSync } from 'node:fs';

/**
 * Whether a file descriptor is a terminal. The same answer as `tty.isatty`, without loading
 * node:tty (and node:net, which it pulls in) for the common headless case: a pipe or a file
 * is never a terminal, and fstat says so cheaply. Only a character device (a terminal, or
 * /dev/null) is asked of isatty. On Windows, where a console handle's fstat is not a reliable
 * witness, isatty decides every time.
 */
export function isTerminal(fd: number): boolean {
  if (process.platform !== 'win32') {
    try {
      if (!fstatSync(fd).isCharacterDevice()) return false;
    } catch {
      return false;
    }
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}
