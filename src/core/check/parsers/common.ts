/** Helpers shared by the command-output parsers: JSON that may be one object or an array, and PowerShell list output. */

/** Parses JSON text (a BOM or surrounding blank lines allowed); undefined when it is not JSON. */
export function parseJsonLoose(text: string): unknown {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/** A plain object, or undefined. */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** `ConvertTo-Json` writes one object as an object and several as an array: always an array of objects. */
export function asRecords(v: unknown): Record<string, unknown>[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list.map(asRecord).filter((r): r is Record<string, unknown> => r !== undefined);
}

/** A property looked up without regard to case (PowerShell names are case-insensitive). */
export function prop(r: Record<string, unknown> | undefined, name: string): unknown {
  if (!r) return undefined;
  if (name in r) return r[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(r)) if (k.toLowerCase() === lower) return r[k];
  return undefined;
}

/** A property as text (numbers and booleans as written), or undefined. */
export function str(r: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = prop(r, name);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A property as a finite number (a numeric string too), or undefined. */
export function num(r: Record<string, unknown> | undefined, name: string): number | undefined {
  const v = prop(r, name);
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** A property as a boolean (`True`/`False` text too), or undefined. */
export function bool(r: Record<string, unknown> | undefined, name: string): boolean | undefined {
  const v = prop(r, name);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(?:true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return undefined;
}

/** A property as a list of strings: an array, a single string, or PowerShell's `{a, b}` list text. */
export function strList(r: Record<string, unknown> | undefined, name: string): string[] | undefined {
  const v = prop(r, name);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (t === '') return [];
  const inner = t.startsWith('{') && t.endsWith('}') ? t.slice(1, -1) : t;
  return inner.split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== '...' && s !== '…');
}

const LIST_LINE = /^([A-Za-z][\w.-]{0,80})[ \t]*:[ \t]?(.*)$/;

/**
 * Parses PowerShell `Format-List` output (`Name : value` lines, a value wrapped onto indented lines, records
 * separated by blank lines) into one record per block. Property names are English in every locale.
 */
export function parsePsList(text: string): Record<string, string>[] {
  const records: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  let last: string | undefined;
  for (const raw of text.replace(/\r/g, '').split('\n')) {
    if (raw.trim() === '') {
      if (current) records.push(current);
      current = undefined;
      last = undefined;
      continue;
    }
    const m = LIST_LINE.exec(raw);
    if (m && !/^[ \t]/.test(raw)) {
      current ??= {};
      last = m[1] ?? '';
      current[last] = (m[2] ?? '').trim();
    } else if (current && last !== undefined && /^[ \t]/.test(raw)) {
      // The value so far is trimmed already and a line that is not blank adds words: joined without trimming the whole
      // again, which copied the value at each of its lines (a value wrapped over 20,000 lines took a minute: an attacker helper).
      const more = raw.trim();
      current[last] = current[last] ? `${current[last]} ${more}` : more;
    }
  }
  if (current) records.push(current);
  return records.filter((r) => Object.keys(r).length > 1);
}

/** JSON records when the text is JSON, else the records of a PowerShell list. */
export function recordsOf(text: string): Record<string, unknown>[] {
  const json = parseJsonLoose(text);
  return json !== undefined ? asRecords(json) : parsePsList(text);
}

/** A Windows build from `10.0.17763.1234`, `10.0 17763 (17763.1.amd64fre…)`, `17763.1234`: build and revision. */
export function parseBuild(text: string | undefined): { build: number; ubr?: number } | undefined {
  if (!text) return undefined;
  // A build has five digits and a revision up to six: `10.0 177639` or `17763.1234567` is no version (the digits go on).
  const full = /\b10\.0[. ](\d{5})(?!\d)(?:\.(\d{1,6})(?!\d))?/.exec(text);
  const kernel = /\b10\.0 \d{5} \((\d{5})\.(\d{1,6})\./.exec(text);
  const m = kernel ?? full ?? /\b(\d{5})\.(\d{1,6})\b/.exec(text);
  if (!m) return undefined;
  const build = Number(m[1]);
  if (build < 10000) return undefined;
  return m[2] !== undefined ? { build, ubr: Number(m[2]) } : { build };
}
