import { useEffect, useState } from 'react';
import type { DecimalParam } from '../../../core/i18n/translate.js';
import type { FactsFileProgress } from '../../../platform/facts-file.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useT } from '../../hooks/use-t.js';
import type { T } from '../../i18n.js';
import type { Theme } from '../../theme.js';
import { safeText } from '../../text/safe-text.js';
import { useEnding } from '../../contexts/EndingContext.js';

/** A file being read: its path, when the read was asked for, and the last progress reported. */
export interface Reading {
  path: string;
  startedAt: number;
  progress?: FactsFileProgress;
}

/** Bytes as MiB, one decimal below 10 MiB (as formatMiB writes sizes), in the message's locale. */
const mib = (bytes: number, of: number): DecimalParam => ({ decimal: bytes / 1048576, digits: of < 10 * 1048576 ? 1 : 0 });

/** What the read has got to, in the interface language. */
export function readingText(t: T, reading: Reading, seconds: number): string {
  const file = safeText(reading.path);
  const p = reading.progress;
  if (!p) return t('check.app.reading', { file });
  switch (p.phase) {
    case 'read':
      return t('check.app.progress.read', { file, done: mib(p.done, p.total), total: mib(p.total, p.total), seconds });
    case 'parse':
      return t('check.app.progress.parse', { file, size: mib(p.bytes, p.bytes), seconds });
    case 'documents':
      return t('check.app.progress.documents', { file, done: p.done, total: p.total, seconds });
    case 'hosts':
      return t('check.app.progress.hosts', { done: p.done, total: p.total, seconds });
  }
}

/** The line under the field while a file is read: how far it is and for how long (parsing a large file reports no count for a while). */
export function FileProgress({ reading, theme }: { reading: Reading; theme: Theme }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const ending = useEnding();
  const seconds = Math.max(0, Math.floor((now - reading.startedAt) / 1000));
  // The app's last frame on a signal: the read stops with it.
  if (ending) return <StatusLine kind="warning" wrap="truncate-end" text={t('app.ending', { signal: ending })} theme={theme} />;
  return <StatusLine kind="info" wrap="truncate-end" text={readingText(t, reading, seconds)} theme={theme} />;
}
