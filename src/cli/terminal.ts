import { fstatSync, ReadStream } from 'node:fs';

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

/** POSIX's file-type bits of st_mode, which libuv also gives on Windows (a pipe there is S_IFIFO). */
const S_IFMT = 0o170000;
const S_IFIFO = 0o010000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** What stdinIsPipeOrFile asks about standard input; tests give their own answers. */
export interface StdinProbe {
  platform: NodeJS.Platform;
  /** fstat's st_mode of fd 0; throws when fstat fails. */
  mode(): number;
  /** Whether the stream Node builds for fd 0 is a file's (fs.ReadStream: Node found a file there). */
  nodeReadsAFile(): boolean;
}

const processStdin: StdinProbe = {
  platform: process.platform,
  mode: () => fstatSync(0).mode,
  nodeReadsAFile: () => {
    try {
      return process.stdin instanceof ReadStream;
    } catch {
      return false;
    }
  },
};

/**
 * Whether standard input is a pipe or a file: what `echo … | wcdoctor` and `wcdoctor < file` give, and what
 * wcdoctor with no command then diagnoses. A terminal (a Windows console), /dev/null or NUL (character
 * devices) and, on Linux and macOS, a socket a parent process left open (Node's `stdio: 'pipe'`) are none.
 *
 * The file type is read from the mode's bits, not with Stats.isFIFO(): Node answers false there on
 * Windows whatever the mode, so a pipe into wcdoctor on Windows (where libuv reports one as S_IFIFO) got
 * the help. When fstat fails on Windows, the stream Node builds for fd 0 decides: Wine's handle for a
 * redirected file (`wine wcdoctor.exe < file`) fails fstat with EBADF, though Node reads it as a file
 * (found by a helper: the exe printed the help there). Only then is process.stdin built.
 */
export function stdinIsPipeOrFile(probe: StdinProbe = processStdin): boolean {
  let mode: number;
  try {
    mode = probe.mode();
  } catch {
    return probe.platform === 'win32' && probe.nodeReadsAFile();
  }
  const type = mode & S_IFMT;
  return type === S_IFIFO || type === S_IFREG;
}

/** Whether standard input is a folder (`wcdoctor diagnose - < /`); false when fstat cannot tell. */
export function stdinIsFolder(probe: StdinProbe = processStdin): boolean {
  try {
    return (probe.mode() & S_IFMT) === S_IFDIR;
  } catch {
    return false;
  }
}
