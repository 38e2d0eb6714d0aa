import { READS, type ReadValueOf } from './reads.js';
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
    if (!raw) return { kind: 'missing', reason: 'not-collected', detail: doc.origin === 'paste' ? 'not in the pasted output' : 'not collected' };
    if (raw.skipped === 'needs-admin') return { kind: 'missing', reason: 'needs-admin', detail: 'run as administrator' };
    if (raw.skipped === 'not-present') return { kind: 'missing', reason: 'not-applicable', detail: raw.error ?? 'not on this host' };
    if (raw.output === undefined && raw.error !== undefined) {
      // docker's failure to reach the daemon is data (C1 reads it): an error text its parser reads is a value.
      const fromError = (READS[id].parse as (t: string) => unknown)(raw.error);
      if (fromError !== undefined) return { kind: 'ok', value: fromError };
    }
    if (raw.output === undefined || raw.output.trim() === '') {
      const error = raw.error ?? 'no output';
      if (admin && doc.elevated === false) return { kind: 'missing', reason: 'needs-admin', detail: 'run as administrator' };
      if (/access is denied|requires elevation|administrator/i.test(error) && admin) return { kind: 'missing', reason: 'needs-admin', detail: 'run as administrator' };
      if (NOT_PRESENT.test(error)) return { kind: 'missing', reason: 'not-applicable', detail: error };
      if (raw.output === undefined && raw.error !== undefined) return { kind: 'missing', reason: 'read-failed', detail: error };
    }
    const value = (READS[id].parse as (t: string) => unknown)(raw.output ?? '');
    if (value === undefined) return raw.error ? { kind: 'missing', reason: 'read-failed', detail: raw.error } : { kind: 'missing', reason: 'unreadable', detail: 'output not recognised' };
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
