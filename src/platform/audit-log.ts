import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeSync, fstatSync } from 'node:fs';
import path from 'node:path';
import type { AuditEntry, AuditOutcome } from '../core/fixes/types.js';
import { getDataDir } from './paths.js';

/** File name of the audit log inside the data directory. */
export const AUDIT_FILE = 'audit.jsonl';

const OUTCOMES: readonly AuditOutcome[] = ['ran', 'refused', 'cancelled', 'timeout', 'failed'];

/** The audit log's path for a data directory (the user's one by default). */
export function getAuditLogPath(dataDir: string = getDataDir()): string {
  return path.join(dataDir, AUDIT_FILE);
}

/**
 * Appends one entry as a JSON line. The file is opened with O_APPEND and written with a single write, so earlier
 * lines are never rewritten; when the last line was cut short (no final newline) the entry starts on a fresh line.
 */
export function appendAuditEntry(entry: AuditEntry, dataDir: string = getDataDir()): void {
  mkdirSync(dataDir, { recursive: true });
  const fd = openSync(getAuditLogPath(dataDir), 'a+');
  try {
    const { size } = fstatSync(fd);
    let lead = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) lead = '\n';
    }
    writeSync(fd, `${lead}${JSON.stringify(entry)}\n`);
  } finally {
    closeSync(fd);
  }
}

function isEntry(v: unknown): v is AuditEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.time === 'string' &&
    typeof e.topic === 'string' &&
    typeof e.fix === 'string' &&
    typeof e.outcome === 'string' &&
    (OUTCOMES as readonly string[]).includes(e.outcome) &&
    typeof e.command === 'string' &&
    Array.isArray(e.argv) &&
    e.argv.every((a) => typeof a === 'string') &&
    (e.exitCode === null || typeof e.exitCode === 'number') &&
    (e.durationMs === null || typeof e.durationMs === 'number')
  );
}

/** Parses audit-log text: every well-formed line is kept in order; each damaged line is skipped with a warning. */
export function parseAuditLog(text: string): { entries: AuditEntry[]; warnings: string[] } {
  const entries: AuditEntry[] = [];
  const warnings: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isEntry(value)) entries.push(value);
    else warnings.push(`audit log line ${i + 1} is damaged and was skipped`);
  });
  return { entries, warnings };
}

/** Reads the audit log, oldest first; a missing log is empty. The file is only read, never repaired in place. */
export function readAuditLog(dataDir: string = getDataDir()): { file: string; entries: AuditEntry[]; warnings: string[] } {
  const file = getAuditLogPath(dataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file, entries: [], warnings: [] };
    throw e;
  }
  return { file, ...parseAuditLog(text) };
}
