import { err, ok, type Result } from '../result.js';
import { echoed } from '../text/terminal-safe.js';
import type { CodeKind, CodeVariant } from './code-catalog.js';
import { decodeHresult, formatCode, hresultFromWin32, messageOf, type CodeIndex, type DecodedCode } from './parse-error-code.js';

/** Everything `explain` says about one code: every spelling, its parts, names, messages and equivalents. */
export interface Explanation extends DecodedCode {
  input: string;
  /** How the input was read. */
  readAs: 'hex' | 'short-hex' | 'decimal' | 'signed-decimal' | 'symbolic-name';
  /** Canonical form: `0x` + 8 upper-case hex digits (Win32 codes in HRESULT form). */
  canonical: string;
  /** Catalogue kind, or `unknown` when only the bits could be decoded. */
  kind: CodeKind | 'unknown';
  known: boolean;
  names: string[];
  /** Messages by language; taken from an equivalent code when this one has none of its own. */
  messages: Record<string, string>;
  variants: CodeVariant[];
  equivalents: string[];
  /** Where the catalogue entry's facts come from. */
  source?: string;
}

/** Why an input is not a code: an id (for the user's language) and the English sentence. */
export interface ExplainInputError {
  id: 'not-a-code' | 'out-of-range' | 'unknown-name';
  input: string;
  message: string;
}

const ENGLISH: Record<ExplainInputError['id'], (input: string) => string> = {
  'not-a-code': (input) => `"${input}" is not an error code: give hex (0x800705B4, 800705B4, 0x5b4), decimal (1460, 2147943860, -2147023436) or a symbolic name (ERROR_TIMEOUT)`,
  'out-of-range': (input) => `"${input}" is outside the 32-bit range`,
  'unknown-name': (input) => `"${input}" is not a symbolic name the catalogue knows`,
};
// The input is repeated cut to a readable length, in the message and for a translation (a 100,000-character argument was echoed whole).
const problem = (id: ExplainInputError['id'], input: string) => err<ExplainInputError>({ id, input: echoed(input), message: ENGLISH[id](echoed(input)) });

/** Reads the value an input spells, or says why it is not a code. */
function readInput(input: string, index: CodeIndex): Result<{ value: number; readAs: Explanation['readAs'] }, ExplainInputError> {
  const s = input.trim().replace(/^\((.*)\)$/, '$1').trim();
  let m: RegExpMatchArray | null;
  if ((m = /^0x0*([0-9a-f]{1,8})$/i.exec(s))) {
    const v = parseInt(m[1] ?? '', 16);
    return ok(v <= 0xffff ? { value: hresultFromWin32(v), readAs: 'short-hex' } : { value: v, readAs: 'hex' });
  }
  if (/^[89a-f][0-9a-f]{7}$/i.test(s) && !/^\d{8}$/.test(s)) return ok({ value: parseInt(s, 16), readAs: 'hex' });
  if (/^[89][0-9]{7}$/.test(s)) return ok({ value: parseInt(s, 16), readAs: 'hex' });
  if (/^-\d{1,10}$/.test(s)) {
    const n = Number(s);
    return n < -0x80000000 ? problem('out-of-range', input) : ok({ value: n >>> 0, readAs: 'signed-decimal' });
  }
  if (/^\d{1,10}$/.test(s)) {
    const n = Number(s);
    if (n > 0xffffffff) return problem('out-of-range', input);
    return ok(n <= 0xffff ? { value: hresultFromWin32(n), readAs: 'decimal' } : { value: n, readAs: 'decimal' });
  }
  if (/^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/.test(s)) {
    const canonical = index.byName.get(s.toUpperCase());
    if (canonical === undefined) return problem('unknown-name', input);
    return ok({ value: parseInt(canonical, 16), readAs: 'symbolic-name' });
  }
  return problem('not-a-code', input);
}

/**
 * Decodes a code like err.exe and `certutil -error`: canonical form, hex, unsigned and signed decimal,
 * severity, facility, Win32 and NTSTATUS views, symbolic names, messages and equivalent codes.
 * Codes the catalogue does not know still decode from their bits; anything that is not a code is an error.
 * @example explainCode('1460', index) // ok: canonical 0x800705B4, names [ERROR_TIMEOUT], win32 1460
 */
export function explainCode(input: string, index: CodeIndex): Result<Explanation, ExplainInputError> {
  const read = readInput(input, index);
  if (!read.ok) return read;
  const decoded = decodeHresult(read.value.value);
  const canonical = formatCode(read.value.value);
  const e = index.byCode.get(canonical);
  const messages: Record<string, string> = {};
  if (e) {
    const langs = new Set([...Object.keys(e.messages), ...e.equivalents.flatMap((q) => Object.keys(index.byCode.get(q)?.messages ?? {}))]);
    for (const lang of langs) {
      const m = messageOf(e, index, lang);
      if (m !== undefined) messages[lang] = m;
    }
  }
  const out: Explanation = {
    ...decoded,
    input,
    readAs: read.value.readAs,
    canonical,
    kind: e?.kind ?? 'unknown',
    known: e !== undefined,
    names: e?.names ?? [],
    messages,
    variants: e?.variants ?? [],
    equivalents: e?.equivalents ?? [],
  };
  if (e) out.source = e.source;
  return ok(out);
}
