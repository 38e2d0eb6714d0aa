import type { CodeEntry } from './code-catalog.js';
import type { FoundCode } from './types.js';
import { foldCodeUnit, foldMessage, isFoldSpace } from '../text/normalise.js';

// Facility numbers of the HRESULT layout (winerror.h FACILITY_*). Format knowledge, as err.exe carries it.
const FACILITY_NAMES: Record<number, string> = {
  0: 'NULL', 1: 'RPC', 2: 'DISPATCH', 3: 'STORAGE', 4: 'ITF', 7: 'WIN32', 8: 'WINDOWS', 9: 'SECURITY', 10: 'CONTROL',
  11: 'CERT', 12: 'INTERNET', 13: 'MEDIASERVER', 14: 'MSMQ', 15: 'SETUPAPI', 16: 'SCARD', 17: 'COMPLUS', 23: 'SXS',
  25: 'HTTP', 27: 'WER', 32: 'BACKGROUNDCOPY', 36: 'WINDOWSUPDATE', 40: 'TPM_SERVICES', 50: 'FWP', 51: 'WINRM',
  52: 'NDIS', 53: 'USERMODE_HYPERVISOR', 54: 'CMI', 55: 'USERMODE_VIRTUALIZATION', 56: 'USERMODE_VOLMGR', 57: 'BCD',
  58: 'USERMODE_VHD', 59: 'USERMODE_HNS', 60: 'SDIAG',
};

/** A 32-bit code taken apart as err.exe and `certutil -error` do. */
export interface DecodedCode {
  /** Canonical spelling: `0x` + 8 upper-case hex digits. */
  hex: string;
  unsigned: number;
  signed: number;
  severity: 'success' | 'error';
  /** The customer bit (bit 29): set on codes defined outside Microsoft. */
  customer: boolean;
  facility: { code: number; name: string };
  /** The low 16 bits. */
  code: number;
  /** The wrapped Win32 code when the facility is WIN32. */
  win32?: number;
  /** The NTSTATUS reading, for values with both top bits set (0xC…). */
  ntstatus?: { severity: 'error'; facility: number; code: number };
}

/** Formats a 32-bit value as `0x` + 8 upper-case hex digits. */
export const formatCode = (value: number): string => `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

/** HRESULT_FROM_WIN32: wraps a Win32 code in facility 7 (`1460` → `0x800705B4`), as an unsigned number. */
export function hresultFromWin32(n: number): number {
  return n <= 0 ? n >>> 0 : ((n & 0xffff) | 0x80070000) >>> 0;
}

/** The Win32 code inside a facility-7 HRESULT (`0x800706BE` → 1726), as hcsshim unwraps it; undefined otherwise. */
export function win32FromHresult(h: number): number | undefined {
  const v = h >>> 0;
  return v >= 0x80000000 && (v & 0x1fff0000) === 0x00070000 ? v & 0xffff : undefined;
}

/** Decodes severity, customer bit, facility (number and name) and code of an HRESULT or NTSTATUS value. */
export function decodeHresult(value: number): DecodedCode {
  const v = value >>> 0;
  const nt = v >>> 30 === 3;
  const facility = nt ? (v >>> 16) & 0xfff : (v >>> 16) & 0x7ff;
  const name = nt && facility === 0 ? 'NTSTATUS' : (FACILITY_NAMES[facility] ?? 'unknown');
  const d: DecodedCode = {
    hex: formatCode(v),
    unsigned: v,
    signed: v | 0,
    severity: v >= 0x80000000 ? 'error' : 'success',
    customer: (v & 0x20000000) !== 0,
    facility: { code: facility, name },
    code: v & 0xffff,
  };
  const w = win32FromHresult(v);
  if (w !== undefined) d.win32 = w;
  if (nt) d.ntstatus = { severity: 'error', facility, code: v & 0xffff };
  return d;
}

/** True when the value is an error whose facility err.exe would name. */
const hasKnownFacility = (v: number): boolean => v >= 0x80000000 && decodeHresult(v).facility.name !== 'unknown';

const isAlnum = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);
const isCjk = (c: number): boolean => (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);

/**
 * The message trie, flat: node 0 is the root; the child of node n for a lower-cased UTF-16 unit c
 * (32 for any whitespace run) is `next.get(n * 65536 + c)`. One map instead of a map per node
 * keeps building it cheap at start-up.
 */
export interface TextTrie {
  next: Map<number, number>;
  /** Canonical code of the text that ends at each node. */
  canonical: (string | undefined)[];
  /**
   * Texts not yet in the trie, by their first two units (`first * 65536 + second`). A word starting
   * with those two units is matched against the group's texts one by one; the group goes into the trie
   * once it has been tried PROBES_BEFORE_TRIE times, or at once in a paste over ONE_BY_ONE_MAX characters.
   * A short paste (a cold start) builds no trie at all.
   */
  pending: Map<number, PendingGroup>;
  /** How many times a group is tried text by text before it goes into the trie (PROBES_BEFORE_TRIE). */
  probeLimit: number;
}

/** Texts sharing their first two units, not yet in the trie, and how often a paste has tried them. */
interface PendingGroup {
  texts: [string, string][];
  probes: number;
}

/**
 * How many times a group is matched text by text before it goes into the trie. A word of a short paste
 * starting like a catalogue message ("the …", "fa…") used to put every text of its group into the trie:
 * some 600 KB of map entries, a garbage collection at the cold start of a one-line paste.
 */
export const PROBES_BEFORE_TRIE = 8;

/**
 * The longest paste matched text by text. Each comparison walks the paste as the trie would, once per text
 * of the group (85 texts start with "th"), so a long whitespace run after "the" cost a 5 MB paste ten times the trie's
 * time; a paste longer than this goes straight to the trie, and a shorter one is bounded by
 * PROBES_BEFORE_TRIE × the group × its length.
 */
const ONE_BY_ONE_MAX = 4096;

function insertText(trie: TextTrie, t: string, canonical: string): void {
  let node = 0;
  for (let k = 0; k < t.length; k++) {
    const key = node * 65536 + t.charCodeAt(k);
    let child = trie.next.get(key);
    if (child === undefined) {
      child = trie.canonical.length;
      trie.canonical.push(undefined);
      trie.next.set(key, child);
    }
    node = child;
  }
  trie.canonical[node] = canonical;
}

/** The key of a group of pending texts: their first two folded units. */
const pairKey = (first: number, second: number): number => first * 65536 + second;

/** Puts a pending group's texts into the trie. */
function growTrie(trie: TextTrie, key: number, group: PendingGroup): void {
  trie.pending.delete(key);
  for (let g = 0; g < group.texts.length; g++) insertText(trie, group.texts[g]![0], group.texts[g]![1]);
}

/** Lookup tables over the catalogue: canonical values, symbolic names, Win32 numbers and message texts. */
export interface CodeIndex {
  byCode: Map<string, CodeEntry>;
  /** Upper-case symbolic name → canonical code. */
  byName: Map<string, string>;
  /** Plain Win32 number → canonical HRESULT form. */
  byWin32: Map<number, string>;
  /** The same texts as a trie, so a paste is scanned once whatever the number of messages. */
  texts: TextTrie;
  /** 1 for each lower-cased UTF-16 unit a text starts with: a quick reject while scanning. */
  textStarts: Uint8Array;
}

/**
 * The catalogue's message texts (every language and variant), normalised, each with its canonical
 * code; texts too short to be telling, or that would name two different codes, are left out.
 */
export function computeCodeTexts(codes: CodeEntry[]): [string, string][] {
  const byText = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const e of codes) {
    if (!e.matchText) continue;
    for (const raw of [...Object.values(e.messages), ...e.variants.map((v) => v.text)]) {
      const t = foldMessage(raw);
      const cjk = [...t].some((ch) => isCjk(ch.charCodeAt(0)));
      if (t.length < (cjk ? 5 : 10)) continue;
      const prev = byText.get(t);
      if (prev === undefined) byText.set(t, e.code);
      else if (prev !== e.code && !e.equivalents.includes(prev)) ambiguous.add(t);
    }
  }
  for (const t of ambiguous) byText.delete(t);
  return [...byText];
}

/**
 * Builds the lookup index the extractor and `explain` use. `texts` is computeCodeTexts(codes),
 * which `kb build` stores precomputed; `probeLimit` is PROBES_BEFORE_TRIE but in tests, which compare
 * the trie (0) with the one-by-one comparison (Infinity).
 */
export function buildCodeIndex(codes: CodeEntry[], texts: readonly [string, string][] = computeCodeTexts(codes), probeLimit = PROBES_BEFORE_TRIE): CodeIndex {
  const index: CodeIndex = {
    byCode: new Map(),
    byName: new Map(),
    byWin32: new Map(),
    texts: { next: new Map(), canonical: [undefined], pending: new Map(), probeLimit },
    textStarts: new Uint8Array(0x10000),
  };
  // Counted loops: this runs at the start of every diagnosis, before anything is optimised.
  for (let c = 0; c < codes.length; c++) {
    const e = codes[c]!;
    index.byCode.set(e.code, e);
    for (let k = 0; k < e.names.length; k++) {
      const name = e.names[k]!.toUpperCase();
      if (!index.byName.has(name)) index.byName.set(name, e.code);
    }
    if (e.kind === 'win32') index.byWin32.set(win32FromHresult(parseInt(e.code, 16)) ?? -1, e.code);
  }
  const pending = index.texts.pending;
  for (let k = 0; k < texts.length; k++) {
    const entry = texts[k]!;
    const t = entry[0];
    const key = pairKey(t.charCodeAt(0), t.charCodeAt(1));
    const group = pending.get(key);
    if (group) group.texts.push(entry);
    else pending.set(key, { texts: [entry], probes: 0 });
    index.textStarts[t.charCodeAt(0)] = 1;
  }
  return index;
}

interface Hit {
  canonical: string;
  raw: string;
  via: FoundCode['via'];
  index: number;
  rank: number;
}

// Numbers and names, each alternative with its own guards against GUIDs, digests, versions and IPs.
export const TOKEN = new RegExp(
  [
    String.raw`(?<![0-9A-Za-z_])0[xX]0*([0-9A-Fa-f]{1,8})(?![0-9A-Za-z_])`,
    String.raw`(?<![0-9A-Za-z_.\-{])([89A-Fa-f][0-9A-Fa-f]{7})(?![0-9A-Za-z_\-}])`,
    String.raw`(?<![0-9A-Za-z_.\-])(-?\d{10}|\d{1,5})(?![0-9A-Za-z_]|[.,:]\d)`,
    String.raw`(?<![0-9A-Za-z_])([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)(?![0-9A-Za-z_])`,
  ].join('|'),
  'g',
);
const TAIL = String.raw`\s*(?:[:=#]\s*)?(?:[(\[]\s*)?$`;
/** Words before a small decimal that make it a Win32 code even when the catalogue does not know it. */
export const STRONG_CTX = new RegExp(String.raw`(?:\bsystem\s*error|\bwin32\s*error|\bwindows\s*error|\berror\s*code|\bgetlasterror(?:\s*\(\s*\))?|\blast\s*error|\bwin32|系统错误|系統錯誤|错误代码|시스템\s*오류|\bsystemfel|\bfelkod|\bsystemfehler|\bfehlercode|\bhresult)${TAIL}`, 'i');
/** Words before a small decimal that make a catalogue Win32 code count. */
export const WEAK_CTX = new RegExp(String.raw`(?:\berror|\berr|\bfailed(?:\s+with)?|\bfailure|\bfehler|\berreur|错误|报错|出错|오류|에러|\bfel)${TAIL}`, 'i');
// The patterns below that are functions are made on first use: V8 parses a regex literal when its module loads, and a
// bare code asks none of these and a failure line few (together about 0.6 million instructions of each start).
let weakCtxAfterPattern: RegExp | undefined;
/**
 * The word for an error right after a short hex code, which makes a catalogue code count: Korean and Chinese name the
 * error after its code (`0x5b4 오류가 발생합니다`, `0x5b4 错误`), and so does `0x5b4 error`. Only the noun itself, next
 * to the code: a word or two before "failed" let `ReadFile at offset 0x5 failed` read as code 5 (found by a reviewer).
 */
const WEAK_CTX_AFTER = (): RegExp => (weakCtxAfterPattern ??= /^\s*(?:\)\s*)?(?:(?:error|fehler|erreur|fel)\b|错误|报错|出错|오류|에러)/i);
/**
 * An exit status written out and then restated in hex, right before a short hex code: `"docker" exited with code 126
 * (0x7E)`. A process's exit status is its own number (Linux's 126 is "command not executable"), not a Win32 error, even when
 * the catalogue has a code of that value.
 */
export const EXIT_STATUS_BEFORE = /\bexit(?:ed)?(?: with)? (?:code|status):? ?-?\d{1,10} ?\($/i;
/** Words before a 10-digit decimal or bare hex that make an uncatalogued value count. */
export const LARGE_CTX = new RegExp(String.raw`(?:\bcode|\bstatus|\bhresult|\bresult|\breturned|\berror|\berr|\bfailed|\bfailure|\bexception|错误|오류|\bfel|\bfehler)${TAIL}`, 'i');
let unitAfterPattern: RegExp | undefined;
/** A unit after a small number ("Failed 6 seconds ago", "40 MB", "on 3 nodes"): a quantity, not a code. */
const UNIT_AFTER = (): RegExp => (unitAfterPattern ??= /^\s*(?:%|(?:ms|s|secs?|seconds?|mins?|minutes?|h|hours?|days?|weeks?|months?|years?|times|x|[kmgt]i?b|bytes?|nodes?|cores?|cpus?|processors?|replicas?|containers?|lines?|chars?|characters?)\b)/i);
const sliceBefore = (text: string, at: number): string => text.slice(Math.max(0, at - 32), at);
/** Cheap pre-check: a window without any of these cannot hold a context word. */
const CTX_HINT = /err|fail|win|fel|fehl|hresult|错误|系|오류/i;

function makeHit(canonical: string, raw: string, via: Hit['via'], index: number, rank: number): Hit {
  return { canonical, raw, via, index, rank };
}

/** How hcsshim and moby report a Win32 failure: `… failed in Win32: <message> (0x3f1)`, `failure in a Windows system call: <message> (0x…)`. */
const WIN32_REPORT = /(?:failed in win32|in a windows system call)\s*:/i;

/**
 * Whether the short hex at `at` closes such a report on its own line, in parentheses: a Win32 code
 * whatever it is, known to the catalogue or not (an uncatalogued one still says which failure it was).
 */
function isWin32Report(text: string, at: number): boolean {
  if (text[at - 1] !== '(') return false;
  const from = Math.max(0, at - 400);
  const line = text.slice(from, at);
  const nl = line.lastIndexOf('\n');
  return WIN32_REPORT.test(nl < 0 ? line : line.slice(nl + 1));
}

/** Whether a token is all the paste holds (white space aside): a bare code asked about, as `explain` takes it. */
function isWholePaste(text: string, at: number, token: string): boolean {
  return text.length <= 40 && text.slice(0, at).trim() === '' && text.slice(at + token.length).trim() === '';
}

/** Interprets one token match; returns the hit or undefined when it is not a code. No closures: this runs per number. */
function readToken(m: RegExpExecArray, text: string, index: CodeIndex): Hit | undefined {
  const at = m.index;
  if (m[1] !== undefined) {
    const v = parseInt(m[1], 16);
    if (v <= 0xffff) {
      if (EXIT_STATUS_BEFORE.test(sliceBefore(text, at))) return undefined;
      if (!index.byWin32.has(v)) return v > 0 && isWin32Report(text, at) ? makeHit(formatCode(hresultFromWin32(v)), m[0], 'short-hex', at, 5) : undefined;
      const ctx = sliceBefore(text, at);
      const ok = text[at - 1] === '(' || isWholePaste(text, at, m[0]) || WEAK_CTX.test(ctx) || STRONG_CTX.test(ctx) || LARGE_CTX.test(ctx) || WEAK_CTX_AFTER().test(text.slice(at + m[0].length, at + m[0].length + 40));
      return ok ? makeHit(formatCode(hresultFromWin32(v)), m[0], 'short-hex', at, 5) : undefined;
    }
    return v >= 0x80000000 && (index.byCode.has(formatCode(v)) || hasKnownFacility(v)) ? makeHit(formatCode(v), m[0], 'hex', at, 6) : undefined;
  }
  if (m[2] !== undefined) {
    const v = parseInt(m[2], 16);
    if (!hasKnownFacility(v)) return undefined;
    return index.byCode.has(formatCode(v)) || LARGE_CTX.test(sliceBefore(text, at)) ? makeHit(formatCode(v), m[0], 'hex', at, 5) : undefined;
  }
  if (m[3] !== undefined) {
    const s = m[3];
    const negative = s.charCodeAt(0) === 45;
    const n = Number(s);
    if (s.length - (negative ? 1 : 0) === 10) {
      if (n < -0x80000000 || n > 0xffffffff || (n >= 0 && n < 0x80000000)) return undefined;
      const v = n >>> 0;
      if (!hasKnownFacility(v)) return undefined;
      const ok = index.byCode.has(formatCode(v)) || LARGE_CTX.test(sliceBefore(text, at));
      return ok ? makeHit(formatCode(v), m[0], negative ? 'signed-decimal' : 'decimal', at, 4) : undefined;
    }
    if (n <= 0 || n > 0xffff || negative || UNIT_AFTER().test(text.slice(at + s.length, at + s.length + 14))) return undefined;
    const known = index.byWin32.has(n);
    // A number alone (`wcdoctor diagnose 1460`) is the code the user asks about, when it is one.
    if (isWholePaste(text, at, s)) return known ? makeHit(formatCode(hresultFromWin32(n)), m[0], 'decimal', at, 3) : undefined;
    const ctx = sliceBefore(text, at);
    if (!CTX_HINT.test(ctx)) return undefined;
    // A probe's thresholds (`#success=1 #failure=3` in kubectl describe) are counts, not codes.
    if (/#(?:failure|success)=$/i.test(ctx)) return undefined;
    return STRONG_CTX.test(ctx) || (known && WEAK_CTX.test(ctx)) ? makeHit(formatCode(hresultFromWin32(n)), m[0], 'decimal', at, 3) : undefined;
  }
  const canonical = m[4] === undefined ? undefined : index.byName.get(m[4].toUpperCase());
  return canonical === undefined ? undefined : makeHit(canonical, m[0], 'symbolic-name', at, 2);
}

/** Walks the message trie from position i; returns the longest text that ends on a word boundary. */
function matchTextAt(text: string, i: number, trie: TextTrie): { end: number; canonical: string } | undefined {
  let node = 0;
  let j = i;
  let best: { end: number; canonical: string } | undefined;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    const space = isFoldSpace(c);
    const child = trie.next.get(node * 65536 + (space ? 32 : foldCodeUnit(c)));
    if (child === undefined) break;
    node = child;
    j++;
    const canonical = trie.canonical[node];
    if (space) while (j < text.length && isFoldSpace(text.charCodeAt(j))) j++;
    else if (canonical !== undefined && !(isAlnum(c) && j < text.length && isAlnum(text.charCodeAt(j)))) best = { end: j, canonical };
  }
  return withFullStop(text, best);
}

/** A match's end moved past a full stop right after it. */
function withFullStop(text: string, best: { end: number; canonical: string } | undefined): { end: number; canonical: string } | undefined {
  if (best && best.end < text.length && '.。!！'.includes(text[best.end] ?? '')) best.end++;
  return best;
}

/**
 * What matchTextAt would find at position i with a group's texts in the trie, found by comparing them
 * one by one: the longest text that the paste spells from i (any whitespace run for a space) and that
 * ends on a word boundary.
 */
function matchGroupAt(text: string, i: number, group: PendingGroup): { end: number; canonical: string } | undefined {
  let best: { end: number; canonical: string } | undefined;
  for (let g = 0; g < group.texts.length; g++) {
    const t = group.texts[g]![0];
    let j = i;
    let k = 0;
    let c = 0;
    for (; k < t.length && j < text.length; k++) {
      c = text.charCodeAt(j);
      const space = isFoldSpace(c);
      if ((space ? 32 : foldCodeUnit(c)) !== t.charCodeAt(k)) break;
      j++;
      if (space) while (j < text.length && isFoldSpace(text.charCodeAt(j))) j++;
    }
    if (k < t.length || isFoldSpace(c) || (isAlnum(c) && j < text.length && isAlnum(text.charCodeAt(j)))) continue;
    if (!best || j > best.end) best = { end: j, canonical: group.texts[g]![1] };
  }
  return withFullStop(text, best);
}

/** Finds catalogue messages (any language) in the paste, the longest text at each word start. */
function scanTexts(text: string, index: CodeIndex, hits: Hit[]): void {
  const root = index.texts;
  const starts = index.textStarts;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (starts[c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : foldCodeUnit(c)] !== 1) continue;
    if (isAlnum(c) && i > 0 && isAlnum(text.charCodeAt(i - 1))) continue;
    let group: PendingGroup | undefined;
    if (root.pending.size > 0 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      const key = pairKey(isFoldSpace(c) ? 32 : foldCodeUnit(c), isFoldSpace(next) ? 32 : foldCodeUnit(next));
      group = root.pending.get(key);
      if (group && (text.length > ONE_BY_ONE_MAX || ++group.probes > root.probeLimit)) {
        growTrie(root, key, group);
        group = undefined;
      }
    }
    // Only texts of this position's group can match here, in the trie or still pending.
    const m = group ? matchGroupAt(text, i, group) : matchTextAt(text, i, root);
    if (!m) continue;
    hits.push({ canonical: m.canonical, raw: text.slice(i, m.end), via: 'message', index: i, rank: 1 });
    i = m.end - 1;
  }
}

/**
 * The most codes one paste yields: the catalogued ones first, then others, the first and the last of each group. Real
 * pastes name a handful (the most in our 2,400 labelled pastes is three); every code found is then looked for in the
 * whole paste by the features and the English reading of a localized paste, so thousands of made-up codes cost
 * codes × length (64 KiB of `(0x1)(0x2)…` after "failed in Win32:" gave 8,373 codes, 0.46 s and a 1.1 MB `--json`
 * answer; found by an attacker helper).
 */
export const MAX_CODES_PER_PASTE = 64;

/**
 * The first and the last of `items`, `n` in all: a log's failure is mostly at its end, what led to it at its start (a
 * regression tester: a failure's code after 64 other catalogued ones lost the answer when only the first were kept).
 */
function firstAndLast<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const head = Math.ceil(n / 2);
  return [...items.slice(0, head), ...items.slice(items.length - (n - head))];
}

/**
 * Finds every Windows error code in a paste, in any spelling (hex, bare hex, hcsshim short form, decimal,
 * signed decimal, symbolic name, catalogue message in any language), one result per canonical code in order
 * of first appearance, each with its most explicit spelling; at most MAX_CODES_PER_PASTE of them, catalogued codes
 * before others, the first and the last of each kind. Linear in the length of the paste.
 * @example extractCodes('hnsCall failed in Win32: The remote procedure call failed. (0x6be)', index)[0].canonical // '0x800706BE'
 */
export function extractCodes(text: string, index: CodeIndex): FoundCode[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const h = readToken(m, text, index);
    if (h) hits.push(h);
  }
  scanTexts(text, index, hits);
  const groups = new Map<string, { first: number; best: Hit }>();
  for (const h of hits) {
    const g = groups.get(h.canonical);
    if (!g) groups.set(h.canonical, { first: h.index, best: h });
    else {
      g.first = Math.min(g.first, h.index);
      if (h.rank > g.best.rank || (h.rank === g.best.rank && h.index < g.best.index)) g.best = h;
    }
  }
  let kept = [...groups.values()];
  if (kept.length > MAX_CODES_PER_PASTE) {
    const catalogued = kept.filter((g) => index.byCode.has(g.best.canonical)).sort((a, b) => a.first - b.first);
    const others = kept.filter((g) => !index.byCode.has(g.best.canonical)).sort((a, b) => a.first - b.first);
    kept = [...firstAndLast(catalogued, MAX_CODES_PER_PASTE), ...firstAndLast(others, MAX_CODES_PER_PASTE - Math.min(catalogued.length, MAX_CODES_PER_PASTE))];
  }
  return kept
    .sort((a, b) => a.first - b.first)
    .map(({ best }) => {
      const e = index.byCode.get(best.canonical);
      const found: FoundCode = { canonical: best.canonical, equivalents: e?.equivalents ?? [], raw: best.raw, via: best.via, index: best.index, names: e?.names ?? [] };
      const message = e && messageOf(e, index, 'en');
      if (message) found.message = message;
      if (e?.generic) found.generic = true;
      if (e?.manyCauses) found.manyCauses = true;
      return found;
    });
}

/** The message of an entry in a language, falling back to the same condition's equivalent codes. */
export function messageOf(e: CodeEntry, index: CodeIndex, lang: string): string | undefined {
  return e.messages[lang] ?? e.equivalents.map((q) => index.byCode.get(q)?.messages[lang]).find((m) => m !== undefined);
}
