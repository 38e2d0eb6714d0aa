import { READS, type ReadValueOf } from './reads.js';
import { msg } from './message.js';
import type { FactsDocument, ReadId, ReadValue } from './types.js';

/** One host's facts as the checks see them: each read parsed once, on first use, or why it is missing. */
export interface HostView {
  host: string;
  elevated: boolean | null;
  origin: FactsDocument['origin'];
  get<K extends ReadId>(id: K): ReadValue<ReadValueOf<K>>;
}

/** A collector error text that says the command is not on this host (docker, containerd, the HNS module …). */
const NOT_PRESENT = /not recognized as (?:the )?name of a cmdlet|not recognized as an internal or external command|CommandNotFoundException|Cannot find any service with service name|executable file not found|is not recognized/i;

/** Builds the view of one facts document. Reads are parsed lazily and cached. */
export function viewFacts(doc: FactsDocument): HostView {
  const cache = new Map<ReadId, ReadValue<unknown>>();
  const compute = (id: ReadId): ReadValue<unknown> => {
    const raw = doc.reads[id];
    const admin = READS[id].admin;
    const read = { read: id };
    const needsAdmin = { kind: 'missing', reason: 'needs-admin', detail: msg('check.msg.read.needsAdmin', read) } as const;
    if (!raw) return { kind: 'missing', reason: 'not-collected', detail: msg(doc.origin === 'paste' ? 'check.msg.read.notInPaste' : 'check.msg.read.notCollected', read) };
    if (raw.skipped === 'needs-admin') return needsAdmin;
    if (raw.skipped === 'not-present') return { kind: 'missing', reason: 'not-applicable', detail: raw.error ? msg('check.msg.read.absentError', { ...read, error: raw.error }) : msg('check.msg.read.absent', read) };
    if (raw.output === undefined && raw.error !== undefined) {
      // docker's failure to reach the daemon is data (C1 reads it): an error text its parser reads is a value.
      const fromError = (READS[id].parse as (t: string) => unknown)(raw.error);
      if (fromError !== undefined) return { kind: 'ok', value: fromError };
    }
    if (raw.output === undefined || raw.output.trim() === '') {
      if (admin && doc.elevated === false) return needsAdmin;
      if (raw.error !== undefined) {
        if (/access is denied|requires elevation|administrator/i.test(raw.error) && admin) return needsAdmin;
        if (NOT_PRESENT.test(raw.error)) return { kind: 'missing', reason: 'not-applicable', detail: msg('check.msg.read.absentError', { ...read, error: raw.error }) };
        if (raw.output === undefined) return { kind: 'missing', reason: 'read-failed', detail: msg('check.msg.read.failed', { ...read, error: raw.error }) };
      }
    }
    const value = (READS[id].parse as (t: string) => unknown)(raw.output ?? '');
    if (value === undefined) return raw.error ? { kind: 'missing', reason: 'read-failed', detail: msg('check.msg.read.failed', { ...read, error: raw.error }) } : { kind: 'missing', reason: 'unreadable', detail: msg('check.msg.read.unrecognised', read) };
    return { kind: 'ok', value };
  };
  return {
    host: doc.host,
    elevated: doc.elevated,
    origin: doc.origin,
    get<K extends ReadId>(id: K) {
      let v = cache.get(id);
      if (!v) cache.set(id, (v = compute(id)));
      return v as ReadValue<ReadValueOf<K>>;
    },
  };
}
