import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, ftruncateSync, lstatSync, openSync, readSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { withFileLock } from './file-lock.js';
import type { AuditEntry, AuditOutcome } from '../core/fixes/types.js';
import { formatMiB } from '../core/i18n/format-number.js';
import { getDataDir } from './paths.js';
import { makeDirs } from './make-dirs.js';
import { checkPrivateFolder } from './user-cache-dir.js';
import { fileErrorReason } from './write-file-atomic.js';

/** File name of the audit log inside the data directory. */
export const AUDIT_FILE = 'audit.jsonl';

const OUTCOMES: readonly AuditOutcome[] = ['ran', 'refused', 'cancelled', 'timeout', 'failed'];

/**
 * The newest older log: where the log is moved when it reaches MAX_AUDIT_LOG_BYTES. The older logs before it move one
 * place on first (audit.1.jsonl to audit.2.jsonl, …), up to MAX_PREVIOUS_AUDIT_FILES.
 */
export const PREVIOUS_AUDIT_FILE = 'audit.1.jsonl';

/**
 * How many older logs are kept, audit.1.jsonl (the newest) to audit.3.jsonl: a move drops only the oldest beyond them.
 * A move replaced audit.1.jsonl, so the second lost the entries of the first (found by a new-user helper); with the log,
 * the newest 96 to 128 MiB of entries are kept.
 */
export const MAX_PREVIOUS_AUDIT_FILES = 3;

/**
 * How large the log grows before it is moved to PREVIOUS_AUDIT_FILE and a new one begun: 32 MiB, some 100,000 entries.
 * A run without a terminal that forgot `--yes` appends a refusal at every start (a scheduled task, every minute: 3 MB a
 * day), and the log had no bound (found by an attacker helper: 200 MiB). With the older logs (MAX_PREVIOUS_AUDIT_FILES),
 * the newest 96 to 128 MiB are kept.
 */
export const MAX_AUDIT_LOG_BYTES = 32 * 1024 * 1024;

/** How much of the log `readAuditLog` reads at most: the newest 8 MiB (about 25,000 entries). */
export const MAX_AUDIT_READ_BYTES = 8 * 1024 * 1024;

/** How many damaged lines are named one by one; the rest are only counted. */
export const MAX_AUDIT_WARNINGS = 5;

// Where the platform has them (not on Windows): never follow a link at the log's path, and never wait on a FIFO.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * The audit log cannot be used: its path is not a regular file, its folder is another user's to change, or it cannot be
 * opened. The message says why. Something the user can put right (a UserError, exit 3), not a bug: the app's History
 * screen said "This is a bug in wcdoctor" for a folder another user could change (a regression tester).
 */
export class AuditLogError extends UserError {
  constructor(message: string) {
    super(message, [], 3);
    this.name = 'AuditLogError';
  }
}

/** The audit log's path for a data directory (the user's one by default). */
export function getAuditLogPath(dataDir: string = getDataDir()): string {
  return path.join(dataDir, AUDIT_FILE);
}

/** The path of older log `n` (1, PREVIOUS_AUDIT_FILE, is the newest; see MAX_PREVIOUS_AUDIT_FILES). */
export function getPreviousAuditLogPath(dataDir: string = getDataDir(), n = 1): string {
  return path.join(dataDir, n === 1 ? PREVIOUS_AUDIT_FILE : `audit.${n}.jsonl`);
}

function kindOf(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(file: string, kind: string): AuditLogError {
  return new AuditLogError(`the audit log ${file} is ${kind}, not a regular file; wcdoctor only uses a regular file there (move it away)`);
}

/** Turns an error from opening or creating the log into a plain reason. */
function openError(file: string, e: unknown): Error {
  if (e instanceof AuditLogError) return e;
  if ((e as NodeJS.ErrnoException).code === 'ELOOP' && folderLoops(file)) return loopingFolder(file);
  return new AuditLogError(`cannot write the audit log ${file}: ${fileErrorReason(e)}`);
}

const loopingFolder = (file: string) =>
  new AuditLogError(`the folder of the audit log, ${path.dirname(file)}, is a chain of symbolic links that never ends (set WCDOCTOR_DATA_DIR to a folder)`);

/**
 * Throws an AuditLogError unless no other user can change the log's folder (checkPrivateFolder): a log in a folder
 * another user owns or can write is theirs to replace. Found by an attacker helper: root run with another user's HOME
 * (sudo keeping HOME, an elevated prompt) recorded its fixes there, and `history` showed entries that user had written
 * as root's own. A missing folder is judged by the nearest folder above it that exists. Not on Windows, where the owner
 * of a folder cannot be read.
 */
function checkLogFolder(dataDir: string): void {
  try {
    // The folder, or the nearest one above it that exists: a folder is never made inside another user's (a regression
    // tester: root with that user's HOME left root-owned ~/.local and ~/.local/share there, then refused to write).
    // (The folder above where it is made need not be this user's: /tmp, or a data folder not made yet under a fresh HOME;
    // a regression tester found WCDOCTOR_DATA_DIR=/tmp/new refused.)
    let at = path.resolve(dataDir);
    while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
    checkPrivateFolder(at, 'the audit log is neither written nor read there', { parent: at !== path.resolve(dataDir) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw loopingFolder(getAuditLogPath(dataDir));
    throw new AuditLogError(`${e instanceof Error ? e.message : String(e)} (set WCDOCTOR_DATA_DIR to a folder of your own)`);
  }
}

/**
 * Opens the log for appending, creating it (0600, its folder 0700) when missing. A link, FIFO, device or directory
 * at its path is refused: `lstat` first, then the open itself with O_NOFOLLOW and O_NONBLOCK (where the platform has
 * them) so that nothing is written through a link and a FIFO cannot block, then `fstat` of what was opened.
 */
function openForAppend(dataDir: string): { fd: number; file: string } {
  const file = getAuditLogPath(dataDir);
  try {
    checkLogFolder(dataDir);
    makeDirs(dataDir, 0o700);
    // Again once it exists: the folder made (or found made meanwhile, in /tmp by another user) must be this user's.
    checkLogFolder(dataDir);
    let existing: Stats | undefined;
    try {
      existing = lstatSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const kind = existing && kindOf(existing);
    if (kind) throw notRegular(file, kind);
    const fd = openSync(file, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | NOFOLLOW | NONBLOCK, 0o600);
    const st = fstatSync(fd);
    const opened = kindOf(st);
    if (opened) {
      closeSync(fd);
      throw notRegular(file, opened);
    }
    return { fd, file };
  } catch (e) {
    throw openError(file, e);
  }
}

/** How many bytes the probe proves the disk takes: more than any entry needs (one with 1,000-character values is about 2 KB). */
export const AUDIT_PROBE_BYTES = 16 * 1024;

/**
 * Checks, before a fix runs, that its run can be recorded: opens the log for appending (creating it empty when
 * missing), and proves the disk has room for the entry by writing AUDIT_PROBE_BYTES to a file of its own beside the log
 * (same folder, same disk and quota) and removing it. Opening alone passed on a full disk, so a fix ran and then could
 * not be recorded (found by an attacker helper). The log itself is never written here: a first version appended line
 * feeds to it and cut it back, and a copy whose wait for the lock ran out appended its entry in between, which the cut
 * then took away (found by a regression tester). Throws an AuditLogError that says why when the log cannot be written.
 * `write` is fs.writeSync (replaceable in tests).
 */
export function probeAuditLog(dataDir: string = getDataDir(), write: (fd: number, b: Buffer, offset: number, length: number) => number = writeSync): void {
  const { fd, file } = openForAppend(dataDir);
  closeSync(fd);
  // A name no other copy uses; created anew (O_EXCL, never through a link) and readable by the user only.
  const probe = path.join(dataDir, `.${AUDIT_FILE}.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  let probeFd: number | undefined;
  try {
    probeFd = openSync(probe, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
    writeWhole(probeFd, Buffer.alloc(AUDIT_PROBE_BYTES, 0x0a), 0, write);
  } catch (e) {
    throw e instanceof AuditLogError ? new AuditLogError(`cannot write the audit log ${file}: ${e.message}`) : openError(file, e);
  } finally {
    if (probeFd !== undefined) closeSync(probeFd);
    try {
      rmSync(probe, { force: true });
    } catch {
      // held open by another program (an antivirus scanning it on Windows): it stays, and the fix is not refused for it
    }
  }
}

/**
 * Appends one entry as a JSON line. The file is opened with O_APPEND and written with a single write, so earlier
 * lines are never rewritten; when the last line was cut short (no final newline) the entry starts on a fresh line.
 * A link, FIFO, device or directory at the log's path is refused (AuditLogError) and nothing is written.
 */
export function appendAuditEntry(entry: AuditEntry, dataDir: string = getDataDir(), maxLogBytes: number = MAX_AUDIT_LOG_BYTES): void {
  // Under a lock file: a write that fails is cut back to the size the log had (writeWhole), which must not cut off what
  // another copy appended meanwhile (found by an attacker helper reading the code).
  let opened = openForAppend(dataDir);
  try {
    withFileLock(`${getAuditLogPath(dataDir)}.lock`, (held) => {
      // Another copy may have moved the log away (below) since it was opened here: the entry goes to the log at the path.
      if (!isFileAtPath(opened.fd, opened.file)) {
        closeSync(opened.fd);
        opened = openForAppend(dataDir);
      }
      const size = fstatSync(opened.fd).size;
      // Moved only under the lock: two copies that both gave up waiting could each move a log, the second a new one of a
      // single entry over the full older one (a reviewer).
      if (held && size > 0 && size + Buffer.byteLength(JSON.stringify(entry)) + 2 > maxLogBytes && moveToPrevious(dataDir)) {
        closeSync(opened.fd);
        opened = openForAppend(dataDir);
      }
      appendAt(opened.fd, entry);
    });
  } finally {
    closeSync(opened.fd);
  }
}

/** Whether what `fd` has open is still the file at `file` (not moved away by another copy). */
export function isFileAtPath(fd: number, file: string): boolean {
  try {
    const open = fstatSync(fd);
    const there = lstatSync(file);
    return open.ino === there.ino && open.dev === there.dev;
  } catch {
    return false;
  }
}

/**
 * Moves the log to PREVIOUS_AUDIT_FILE, under the log's lock. The log moves first, to a name of its own beside it: when
 * it cannot (a file open elsewhere on Windows without sharing, an append-only log), nothing else has moved, and the entry
 * is appended to the log as it is, which then grows past the bound (a regression tester: the older logs moved on first,
 * and each append past the bound dropped one of them). Then the older logs move one place on, from the first free place
 * down (audit.1.jsonl to audit.2.jsonl when audit.2.jsonl is free): with no place free, the oldest beyond
 * MAX_PREVIOUS_AUDIT_FILES is replaced (renames, which never follow a link there). Anything else in an older log's place
 * (a folder, a link) stops the move: the log goes back, none is replaced. Returns whether it moved.
 */
function moveToPrevious(dataDir: string): boolean {
  const log = getAuditLogPath(dataDir);
  const moving = `${log}.moving`;
  const kind = (p: string): 'file' | 'none' | 'other' => {
    try {
      return lstatSync(p).isFile() ? 'file' : 'other';
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : 'other';
    }
  };
  /** The older logs one place on and the log moving at audit.1.jsonl; false, with nothing replaced, when it cannot. */
  const place = (): boolean => {
    try {
      let free = MAX_PREVIOUS_AUDIT_FILES;
      for (let n = 1; n <= MAX_PREVIOUS_AUDIT_FILES; n++)
        if (kind(getPreviousAuditLogPath(dataDir, n)) === 'none') {
          free = n;
          break;
        }
      if (kind(getPreviousAuditLogPath(dataDir, free)) === 'other') return false;
      for (let n = free - 1; n >= 1; n--) {
        const from = getPreviousAuditLogPath(dataDir, n);
        if (kind(from) !== 'file') return false;
        renameSync(from, getPreviousAuditLogPath(dataDir, n + 1));
      }
      renameSync(moving, getPreviousAuditLogPath(dataDir));
      return true;
    } catch {
      return false;
    }
  };
  // A log left under the moving name by a move that was cut off (a process killed between the renames) is the newest
  // older log: its move is finished first (a regression tester: it stopped every later move, and history never showed it).
  const left = kind(moving);
  if (left === 'other' || (left === 'file' && !place())) return false;
  try {
    renameSync(log, moving);
  } catch {
    return false;
  }
  if (place()) return true;
  try {
    renameSync(moving, log);
  } catch {
    // It stays under the moving name, and the next move places it first.
  }
  return false;
}

/**
 * Cuts the log at `fd` back to `size`, only when it ends where this copy's own write ended (`end`): a lock another copy
 * waited on for longer than it waits (a stalled disk) is given up, and a cut then took away the entry that copy had
 * appended meanwhile (found by a regression tester). Otherwise, and when the cut fails, what was written stays: line
 * feeds, which reading skips, or part of a line, after which the next entry starts on a fresh line.
 */
function cutBack(fd: number, size: number, end: number): void {
  try {
    if (fstatSync(fd).size === end) ftruncateSync(fd, size);
  } catch {
    // see above
  }
}

/** appendAuditEntry's write, the log open at `fd`: reads its size under the lock. */
function appendAt(fd: number, entry: AuditEntry): void {
  const size = fstatSync(fd).size;
  let lead = '';
  if (size > 0) {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] !== 0x0a) lead = '\n';
  }
  writeWhole(fd, Buffer.from(`${lead}${JSON.stringify(entry)}\n`, 'utf8'), size, writeSync);
}

/**
 * Writes all of `bytes` at the end of the log, or none: a write can take only part of them without an error (a full
 * disk; an attacker helper found an entry of a fix that ran cut to 100 bytes, and the run reported as recorded), so
 * it goes on until every byte is written, and when the disk takes no more, the part written is cut off again (the log
 * back at `size`) and AuditLogError says so. `write` is fs.writeSync (replaceable in tests).
 */
export function writeWhole(fd: number, bytes: Buffer, size: number, write: (fd: number, b: Buffer, offset: number, length: number) => number): void {
  let done = 0;
  try {
    while (done < bytes.length) {
      const n = write(fd, bytes, done, bytes.length - done);
      if (n <= 0) throw new AuditLogError('the disk took no more of the audit entry (is it full?)');
      done += n;
    }
  } catch (err) {
    // The part written is cut off again, unless another copy appended after it (cutBack).
    if (done > 0) cutBack(fd, size, size + done);
    throw err;
  }
}

/** The time of an entry as runs write it (Date's toISOString): anything else is no time this log holds. */
const AUDIT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
/** No run lasts longer than a week: the longest time limit is a day (and a stop's grace after it). */
const MAX_DURATION_MS = 7 * 24 * 3600 * 1000;

function isEntry(v: unknown): v is AuditEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.time === 'string' &&
    AUDIT_TIME.test(e.time) &&
    Number.isFinite(Date.parse(e.time)) &&
    typeof e.topic === 'string' &&
    typeof e.fix === 'string' &&
    typeof e.outcome === 'string' &&
    (OUTCOMES as readonly string[]).includes(e.outcome) &&
    typeof e.command === 'string' &&
    Array.isArray(e.argv) &&
    e.argv.every((a) => typeof a === 'string') &&
    // Numbers as a run records them: a whole exit code and a duration of zero or more. JSON's 1e309 reads as Infinity,
    // which a line damaged or written by hand may hold: such a line is damaged, not a run that took 1e+297 s.
    (e.exitCode === null || Number.isSafeInteger(e.exitCode)) &&
    (e.durationMs === null || (typeof e.durationMs === 'number' && Number.isFinite(e.durationMs) && e.durationMs >= 0 && e.durationMs <= MAX_DURATION_MS)) &&
    (e.reason === undefined || typeof e.reason === 'string') &&
    (e.inputSha256 === undefined || (typeof e.inputSha256 === 'string' && /^[0-9a-f]{64}$/.test(e.inputSha256)))
  );
}

/** A warning about reading the log as an id with its values, for a translation (`warnings` holds the English). */
export type AuditLogNote =
  | { id: 'damaged'; line: number }
  | { id: 'moreDamaged'; more: number; total: number }
  | { id: 'tail'; sizeBytes: number; readBytes: number }
  | { id: 'oversized'; count: number; limitBytes: number }
  | { id: 'previousDamaged'; count: number; file: string }
  | { id: 'previousTail'; file: string }
  | { id: 'previousUnreadable'; reason: string };

/** What reading the log found: the entries in order, the first few warnings, how many lines were skipped, what was left unread. */
export interface AuditLogRead {
  file: string;
  entries: AuditEntry[];
  /** The first MAX_AUDIT_WARNINGS warnings (damaged lines), then one line that counts the rest; plus a note when only the log's tail was read. */
  warnings: string[];
  /** The same warnings, in the same order, as ids with values. */
  notes: AuditLogNote[];
  /** How many damaged lines were skipped in all. */
  skipped: number;
  /** Bytes at the start of a large log that were not read (0 when all of it was). */
  unreadBytes: number;
}

/**
 * Parses audit-log text: every well-formed line is kept in order; each damaged line is skipped and counted, the
 * first `maxWarnings` with a warning that names the line, the rest in one closing warning.
 */
export function parseAuditLog(text: string, maxWarnings: number = MAX_AUDIT_WARNINGS): { entries: AuditEntry[]; warnings: string[]; notes: AuditLogNote[]; skipped: number } {
  const entries: AuditEntry[] = [];
  const warnings: string[] = [];
  const notes: AuditLogNote[] = [];
  let skipped = 0;
  let lineNo = 0;
  for (const raw of text.split('\n')) {
    lineNo++;
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isEntry(value)) entries.push(value);
    else if (++skipped <= maxWarnings) {
      warnings.push(`audit log line ${lineNo} is damaged and was skipped`);
      notes.push({ id: 'damaged', line: lineNo });
    }
  }
  if (skipped > maxWarnings) {
    warnings.push(`${skipped - maxWarnings} more damaged lines were skipped (${skipped} in all)`);
    notes.push({ id: 'moreDamaged', more: skipped - maxWarnings, total: skipped });
  }
  return { entries, warnings, notes, skipped };
}

/** Whether the folder of `file` cannot be reached because its path loops (ELOOP on the folder, not on the file). */
function folderLoops(file: string): boolean {
  try {
    statSync(path.dirname(file));
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ELOOP';
  }
}

/**
 * Reads the audit log, oldest first; a missing log is empty. Only a regular file is read (a link, FIFO, device or
 * directory is refused with an AuditLogError; the open uses O_NOFOLLOW and O_NONBLOCK where the platform has them, so
 * a FIFO cannot hang it), and at most the newest `maxBytes` (from the first whole line in them). When the log holds
 * less than that, the newest entries of the older logs (PREVIOUS_AUDIT_FILE, then audit.2.jsonl, …) come before its
 * own, up to `maxBytes` in all; an older log that cannot be read, or is damaged, is said in a note, never an error (and
 * none older than one that cannot be read is read). The files are only read, never repaired in place.
 */
export function readAuditLog(dataDir: string = getDataDir(), maxBytes: number = MAX_AUDIT_READ_BYTES): AuditLogRead {
  checkLogFolder(dataDir);
  const current = readLogFile(getAuditLogPath(dataDir), maxBytes);
  let room = maxBytes - current.bytesRead;
  const { bytesRead: _read, ...read } = current;
  if (current.unreadBytes > 0 || room <= 0) return read;
  let entries = read.entries;
  let skipped = read.skipped;
  let unreadBytes = 0;
  const notes: AuditLogNote[] = [];
  const warnings: string[] = [];
  for (let n = 1; n <= MAX_PREVIOUS_AUDIT_FILES && room > 0 && unreadBytes === 0; n++) {
    const previous = getPreviousAuditLogPath(dataDir, n);
    let older: ReturnType<typeof readLogFile>;
    try {
      older = readLogFile(previous, room);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      warnings.push(`the older audit log could not be read: ${reason}`);
      notes.push({ id: 'previousUnreadable', reason });
      break;
    }
    if (older.skipped > 0) {
      warnings.push(`${older.skipped} damaged line(s) of the older audit log ${previous} were skipped`);
      notes.push({ id: 'previousDamaged', count: older.skipped, file: previous });
    }
    if (older.unreadBytes > 0) {
      warnings.push(`the older audit log ${previous} was read only in part, so its oldest entries are not shown`);
      notes.push({ id: 'previousTail', file: previous });
    }
    entries = [...older.entries, ...entries];
    skipped += older.skipped;
    unreadBytes = older.unreadBytes;
    room -= older.bytesRead;
  }
  return { ...read, entries, warnings: [...warnings, ...read.warnings], notes: [...notes, ...read.notes], skipped, unreadBytes };
}

/** One log file read as readAuditLog describes (a missing file is empty), and how many bytes of it were read. */
function readLogFile(file: string, maxBytes: number): AuditLogRead & { bytesRead: number } {
  let fd: number;
  try {
    const kind = kindOf(lstatSync(file));
    if (kind) throw notRegular(file, kind);
    fd = openSync(file, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file, entries: [], warnings: [], notes: [], skipped: 0, unreadBytes: 0, bytesRead: 0 };
    if (e instanceof AuditLogError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' && folderLoops(file)) throw loopingFolder(file);
    throw new AuditLogError(code === 'ELOOP' ? `the audit log ${file} is a symbolic link, not a regular file; wcdoctor only uses a regular file there (move it away)` : `cannot read the audit log ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let bytes: Buffer;
  let unreadBytes = 0;
  /** Lines at the end of the log longer than what is read (no entry is): skipped, so that the entries before them are read. */
  let oversized = 0;
  let size = 0;
  try {
    const st = fstatSync(fd);
    const kind = kindOf(st);
    if (kind) throw notRegular(file, kind);
    size = st.size;
    const readAt = (start: number, length: number): Buffer => {
      const buf = Buffer.alloc(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, buf, got, length - got, start + got);
        if (n === 0) break;
        got += n;
      }
      return buf.subarray(0, got);
    };
    // The window ends at `end`: the end of the file, or the start of an oversized last line.
    let end = st.size;
    for (;;) {
      const start = Math.max(0, end - maxBytes);
      bytes = readAt(start, end - start);
      if (start === 0) break;
      // A newline that ends the window starts no line in it: the last line's own end, written with every line (a
      // regression tester: an oversized last line that ended in one hid the entries before it).
      const nl = bytes.indexOf(0x0a);
      if (nl >= 0 && nl < bytes.length - 1) {
        // Start at the first whole line of the tail.
        bytes = bytes.subarray(nl + 1);
        unreadBytes = start + nl + 1;
        break;
      }
      // No line starts in the window: its last line is longer than the window. Skip back to where that line starts
      // (the newline before it), a window at a time, and read the entries before it.
      let back = start;
      let found = -1;
      while (back > 0 && found < 0) {
        const from = Math.max(0, back - maxBytes);
        const chunk = readAt(from, back - from);
        const at = chunk.lastIndexOf(0x0a);
        if (at >= 0) found = from + at;
        back = from;
      }
      oversized++;
      end = Math.max(0, found);
      if (found < 0) {
        bytes = Buffer.alloc(0);
        break;
      }
    }
  } finally {
    closeSync(fd);
  }
  // Read as what wcdoctor writes, UTF-8 (a byte-order mark dropped): guessing the encoding from its start let one damaged
  // first line (FF FE, or letters with zero bytes between them) turn every line after it into UTF-16 and hide them all.
  const parsed = parseAuditLog(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  const tail = { id: 'tail', sizeBytes: size, readBytes: bytes.length } as const;
  const long = { id: 'oversized', count: oversized, limitBytes: maxBytes } as const;
  const warnings = [
    ...(oversized ? [`the audit log ends with ${oversized} line(s) longer than ${formatMiB(maxBytes, 'en')}, which no entry is; skipped, so that the entries before them are read`] : []),
    ...(unreadBytes > 0 ? [`the audit log is ${formatMiB(size, 'en')}; only its newest ${formatMiB(bytes.length, 'en')} were read (line numbers below count from there), so older entries are not shown`] : []),
    ...parsed.warnings,
  ];
  const notes: AuditLogNote[] = [...(oversized ? [long] : []), ...(unreadBytes > 0 ? [tail] : []), ...parsed.notes];
  return { file, entries: parsed.entries, warnings, notes, skipped: parsed.skipped + oversized, unreadBytes, bytesRead: bytes.length };
}
