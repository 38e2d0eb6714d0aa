import { foldForMatching, normaliseLineEnds, stripEscapeSequences } from '../text/normalise.js';

/**
 * Cleans a paste before matching: ANSI escape sequences, CR/CRLF line ends, control characters,
 * JSON escaping (`\"`, `\\`, `\n` inside docker `extra info` blobs and kubectl events) and the
 * commonest mojibake (UTF-8 read as Latin-1 or Windows-1252). Linear in the size of the input.
 */
export function normalisePaste(input: string): string {
  // Controls become spaces (words must not join) and the C1 range stays: mojibake repair below reads it.
  let text = normaliseLineEnds(stripEscapeSequences(input)).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
  text = withoutLineTimestamps(unquoteMarkdown(text));
  // The few HTML entities a paste copied from a web page's source or a mail keeps (&quot;windows&quot;), as the
  // characters they stand for; only printable ones, so no entity becomes a control character.
  if (text.includes('&') && /&(?:quot|amp|lt|gt|apos|nbsp|#3[49]|#x2[27]);/i.test(text)) text = text.replace(/&(quot|amp|lt|gt|apos|nbsp|#3[49]|#x2[27]);/gi, (_m, e: string) => HTML_ENTITIES[e.toLowerCase()] ?? _m);
  // Typographic quotes (a paste that went through a mail, a chat or a word processor) as the tools print them.
  if (/[\u2018-\u201f]/.test(text)) text = text.replace(/[\u201c-\u201f]/g, '"').replace(/[\u2018-\u201b]/g, "'");
  // The window cut the text as it showed it, escapes and all: its lines are joined first, or a path the cut split
  // would lose the protection of its backslashes (`C:\ProgramData\c` + `ontainerd\root`: `\r` read as an escape).
  if (/\\["\\nrtu]/.test(text)) text = unescapeJsonishTwice(joinAtWindowWidth(text));
  if (/[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/.test(text)) {
    text = repairMojibake(text);
  }
  return text;
}

const HTML_ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ', '#34': '"', '#39': "'", '#x22': '"', '#x27': "'" };

// The patterns below that are functions are made on first use: V8 parses a regex literal when its module loads, and a
// bare code asks none of these and a failure line few (together about 0.6 million instructions of each start).
let lineTimestampPattern: RegExp | undefined;
/** An ISO time that starts a line: GitHub Actions, Azure Pipelines and `kubectl logs --timestamps` put one before every line. */
const LINE_TIMESTAMP = (): RegExp => (lineTimestampPattern ??= /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?[ \t]/);

/**
 * A log whose every line that is not empty starts with an ISO time (two lines or more), without those times: a
 * message the tool printed over two lines reads as one again.
 */
export function withoutLineTimestamps(text: string): string {
  // Its fifth character is the date's first hyphen: a text without one there never compiles the pattern.
  if (text.charCodeAt(4) !== 0x2d || !LINE_TIMESTAMP().test(text) || text.split('\n').filter((l) => l.trim()).length < 2) return text;
  return withoutPrefixOfEveryLine(text, LINE_TIMESTAMP()) ?? text;
}

/** The text with `prefix` (anchored at a line's start) taken off every line, or undefined when a line that is not empty lacks it. */
function withoutPrefixOfEveryLine(text: string, prefix: RegExp): string | undefined {
  const lines = text.split('\n');
  if (!lines.every((l) => l.trim() === '' || prefix.test(l))) return undefined;
  return lines.map((l) => l.replace(prefix, '')).join('\n');
}

/** A Markdown quote mark at a line's start. */
const QUOTE_MARK = /^[ \t]{0,3}> ?/;

/**
 * A paste quoted as Markdown (every line that is not empty starts with `>`, as a reply on an issue
 * thread or an e-mail quotes it) without its quote marks, nested ones too: "> The container operating
 * system does not match the" + "> host operating system." reads as the message it quotes.
 */
export function unquoteMarkdown(text: string): string {
  if (!text.trimStart().startsWith('>')) return text;
  let out = text;
  for (let depth = 0; depth < 4; depth++) {
    const inner = withoutPrefixOfEveryLine(out, QUOTE_MARK);
    if (inner === undefined) break;
    out = inner;
  }
  return out;
}

/** How much of a text unescapeJsonishTwice reads at a time, at the least: a part ends at the first line end after this. */
const UNESCAPE_PART = 16 * 1024;

/**
 * unescapeJsonish twice (a blob escaped twice, as a JSON log quotes a tool's JSON, reads as if escaped once), a part
 * of the text at a time. The parts end at line ends: no escape and no Windows path spans one, and a part begins as a
 * line does, so each pass gives what it gives for the whole text. On a paste of 1 MB each pass over the whole made a
 * copy of it and a list of its pieces about as large: 8 MiB of large objects, most of them kept until the next full
 * garbage collection. A part's are small and die young. `part` is for tests.
 */
export function unescapeJsonishTwice(text: string, part = UNESCAPE_PART): string {
  if (text.length <= part) return unescapeJsonish(unescapeJsonish(text));
  const out: string[] = [];
  for (let from = 0; from < text.length; ) {
    const end = text.indexOf('\n', from + part);
    const to = end < 0 ? text.length : end + 1;
    out.push(unescapeJsonish(unescapeJsonish(text.slice(from, to))));
    from = to;
  }
  return out.join('');
}

/**
 * Undoes one level of JSON string escaping wherever it appears in free text. It never produces a
 * control character other than \n: `\u001b`, `\u0007`, `\u009d` and the like become a space, as raw
 * control characters do above, so an escaped sequence cannot come back to life as a real one.
 */
function unescapeJsonish(text: string): string {
  const paths = windowsPaths(text);
  let p = 0;
  return text.replace(/\\(u[0-9a-fA-F]{4}|["\\/nrt])/g, (m, e: string, at: number) => {
    // `C:\etc\cni\net.d`, `C:\tools\nssm`, `D:\root`: a backslash inside a Windows path separates its
    // parts; its \n, \t and \r are no escapes (a JSON-escaped path reads `C:\\net` and comes here as `C:\net`).
    while (p < paths.length && paths[p]![1] <= at) p++;
    if ((e === 'n' || e === 'r' || e === 't') && p < paths.length && paths[p]![0] < at) return m;
    // A rooted path a tool quotes in single quotes (`invalid volume specification: '\test1'`): JSON escapes live in
    // double-quoted strings, so after an opening single quote `\t`, `\n` and `\r` start a path's first part.
    if ((e === 'n' || e === 'r' || e === 't') && text[at - 1] === "'" && (at < 2 || /[\s:=([]/.test(text[at - 2]!))) return m;
    if (e[0] === 'u') {
      const cp = parseInt(e.slice(1), 16);
      if (cp === 0x0a) return '\n';
      if (cp === 0x0d) return '';
      return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? ' ' : String.fromCharCode(cp);
    }
    return e === 'n' ? '\n' : e === 'r' ? '' : e === 't' ? ' ' : e;
  });
}

/**
 * A Windows path on a drive (`C:\`), then what a path may hold up to white space, a quote or a bracket, at
 * most MAX_PATH (260) characters. A UNC path (`\\srv\share`) is not told from an escaped backslash here.
 */
const WINDOWS_PATH = /(?<![A-Za-z0-9])[A-Za-z]:\\[^\s"'`<>|(){}[\],;=]{0,260}/g;

/** Where the Windows paths of a text are, in order: [start, end) of each. */
function windowsPaths(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(WINDOWS_PATH)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const CP1252: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/**
 * Re-decodes runs of text that are UTF-8 bytes shown as Latin-1/Windows-1252 characters
 * (`Ã©` → `é`, `æ‰¾ä¸åˆ°` → `找不到`). Runs that do not decode cleanly are left alone.
 */
export function repairMojibake(text: string): string {
  return text.replace(/[\u00c2-\u00f4][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]+(?:[\u00c2-\u00f4][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]+)*/g, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const cp = ch.codePointAt(0) ?? 0;
      const b = cp <= 0xff ? cp : CP1252[cp];
      if (b === undefined) return run;
      bytes.push(b);
    }
    return decodeUtf8(bytes) ?? run;
  });
}

/**
 * Bytes read as UTF-8, or undefined where they are not valid UTF-8 (as TextDecoder with `fatal` refuses them: a stray
 * continuation byte, a sequence cut short, an overlong form, a surrogate, a code point past U+10FFFF). Written out
 * because the runs are short and many: a TextDecoder call each took 1.5 s for 4.7 MB of mojibake (an attacker helper).
 */
export function decodeUtf8(bytes: readonly number[]): string | undefined {
  let out = '';
  // A byte order mark at the start is dropped, as TextDecoder drops it (a reviewer: `ï»¿` before mojibake).
  for (let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (n === 0) return undefined;
    let cp = b & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < (n === 1 ? 0x80 : n === 2 ? 0x800 : 0x10000) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}

/**
 * A single-line, lower-case view of the paste for phrase matching: console line-wrapping is
 * undone (a word cut at the edge of the window is joined again), then the text is in the form
 * phrases are compared in (foldForMatching).
 */
export function flattenForMatching(text: string): string {
  return foldForMatching(joinWrappedWords(text));
}

/**
 * The text with console line-wrapping undone where it shows: when two lines or more of the paste have
 * the same length of 79 or more (the width of the window that printed it), every line of that length
 * is joined to the next without a separator, as the window cut it ("…during Create" + "Container:");
 * elsewhere, a word cut at the edge of a line of 79 or more is joined ("hcsshim::ImportL" + "ayer"), but
 * not after a whole short word ("does not match the" + "host": the copy dropped a space there).
 */
export function joinWrappedWords(text: string, opts: { ungated?: boolean } = {}): string {
  // Only a line of 79 characters or more that ends in a line feed can have been wrapped: without one,
  // the patterns below (whose Unicode classes take half a millisecond to compile) could match nothing.
  // (`ungated` skips that shortcut, for tests that show it changes nothing.)
  if (!opts.ungated && !mayBeWrapped(text)) return text;
  const joined = joinAtWindowWidth(text);
  if (!opts.ungated && !mayBeWrapped(joined)) return joined;
  // A line that starts with a tool's record prefix (git's "fatal:", "error:", "hint:") starts a record of its own.
  return joined.replace(/([\p{L}\p{N}])\n(?=[\p{Ll}\p{N}])(?!(?:error|fatal|warning|hint|remote|note|info|debug|docker):)(?<=^.{79,}\n)/gmu, (whole, last: string, at: number) => {
    const word = /[A-Za-z]{1,5}$/.exec(joined.slice(Math.max(0, at - 5), at + 1))?.[0];
    if (word && WHOLE_WORDS.has(word.toLowerCase()) && !/[A-Za-z]/.test(joined[at - word.length] ?? '')) return whole;
    // A number that ends a line before a word ("… hcn error 2151350327" + "npm ERR!") is whole too; a hash cut
    // in two ("c424d7940" + "ce4") has letters in it.
    const token = /[A-Za-z0-9]{1,40}$/.exec(joined.slice(Math.max(0, at - 39), at + 1))?.[0] ?? '';
    if (/^\d+$/.test(token) && /[A-Za-z]/.test(joined[at + 2] ?? '')) return whole;
    // A command's last word and the program's first line saying it again is no cut: docker prints the names it acted on
    // (`docker service update … web`, then `web`; `docker stop web`, then `web`). Joined, the service read as `webweb`
    // (an attacker helper).
    const name = /[\w.-]{1,64}$/.exec(joined.slice(Math.max(0, at - 63), at + 1))?.[0] ?? '';
    const end = joined.indexOf('\n', at + 2);
    return joined.slice(at + 2, end < 0 ? undefined : end).trim() === name ? whole : last;
  });
}

/** Short words that end a line whole, never as the start of a longer word cut by the window's edge. */
const WHOLE_WORDS = new Set('a an the of to in on at by is are was be and or not no for with from as if it its this that does do has have can will when then than but into'.split(' '));

/** The width of the window a paste was printed in: a length of 79 or more that two lines or more followed by another have, the most common such. */
function wrapWidth(text: string): number | undefined {
  const counts = new Map<number, number>();
  let prev = -1;
  for (let at = text.indexOf('\n'); at >= 0; prev = at, at = text.indexOf('\n', at + 1)) {
    const length = at - prev - 1;
    if (length >= 79) counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [length, n] of counts) if (n >= 2 && (best === undefined || n > counts.get(best)! || (n === counts.get(best) && length > best))) best = length;
  // One line cut once has no second line of its length: a line as long as a terminal's usual width is taken as cut there.
  if (best === undefined) for (const length of counts.keys()) if (CONSOLE_WIDTHS.has(length) && (best === undefined || length > best)) best = length;
  return best;
}

/** The widths terminals open with (conhost's 80 and 120, and the other common ones). */
const CONSOLE_WIDTHS: ReadonlySet<number> = new Set([80, 100, 120, 132, 160, 200]);

/** The lines the window cut at its width joined (`joinAtWidth`), when the text shows a width (`wrapWidth`). */
function joinAtWindowWidth(text: string): string {
  const width = wrapWidth(text);
  return width === undefined ? text : joinAtWidth(text, width);
}

/** Every line exactly `width` long joined to the next, except the rows and rules of a drawn table (`| a | b |`, `-----`). */
function joinAtWidth(text: string, width: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    current += line;
    const wrapped = line.length === width && i < lines.length - 1 && !/[|+]\s*$/.test(line) && !/^[\s=+|-]*$/.test(line) && !endsWhole(line, lines[i + 1]!);
    if (!wrapped) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out.join('\n');
}

/**
 * A line of the window's width that ends a whole statement (a full stop, a colon, a closing bracket) or a whole
 * HRESULT, followed by a line that starts with a capital: a line that happens to be that long, not one the window
 * cut, which would have left the space between them on one side ("… = 0x800f0950" + "At line:1 char:1" of a
 * PowerShell error record is no "0x800f0950At").
 */
function endsWhole(line: string, next: string): boolean {
  return /(?:[.!?:;)\]]|\b0x[0-9A-Fa-f]{8})$/.test(line) && /^\p{Lu}/u.test(next);
}

/** Whether some line feed ends a line of 79 UTF-16 units or more (other line breaks counted as characters: a superset of what the pattern above needs). */
export function mayBeWrapped(text: string): boolean {
  let prev = -1;
  for (let at = text.indexOf('\n'); at >= 0; prev = at, at = text.indexOf('\n', at + 1)) if (at - prev - 1 >= 79) return true;
  return false;
}

/**
 * For very large pastes, the lines that carry evidence, capped at `limit` characters and kept in their order: the
 * first and last 40 lines (the command that failed, and how it ended), then lines that look like failures, then lines
 * that look like warnings, each kind taken from both ends inwards, and a line that only repeats an earlier one with
 * other numbers, ids or timestamps (lineTemplate) not again. Small pastes are returned whole.
 * @example focusLines(`${'12:00:01 warning: retry\n'.repeat(5000)}Error: failed (0x6be)`).endsWith('(0x6be)') // true
 */
export function focusLines(text: string, limit = 65536): string {
  if (text.length <= limit) return text;
  return pickLines(text.split('\n'), { ends: 40, limit, longest: 4000 }).join('\n');
}

let evidenceMarkerPattern: RegExp | undefined;
/** Lines that may carry evidence: words of failure, codes, in the five languages of the knowledge. */
const EVIDENCE_MARKER = (): RegExp => (evidenceMarkerPattern ??= /error|fail|exception|denied|not found|timeout|timed out|0x[0-9a-f]{2,}|hresult|cannot|unable|refused|backoff|warning|错误|失败|오류|실패|\bfel\b|fehler|misslyckades/i);
let failureMarkerPattern: RegExp | undefined;
/** Of those, the lines that state a failure (EVIDENCE_MARKER without warnings): kept before the warnings. */
const FAILURE_MARKER = (): RegExp => (failureMarkerPattern ??= /error|fail|exception|denied|not found|timeout|timed out|0x[0-9a-f]{2,}|hresult|cannot|unable|refused|backoff|错误|失败|오류|실패|\bfel\b|fehler|misslyckades/i);

let failureMarkersPattern: RegExp | undefined;
/** FAILURE_MARKER for finding every match in a piece of text. */
const FAILURE_MARKERS = (): RegExp => (failureMarkersPattern ??= new RegExp(FAILURE_MARKER().source, 'gi'));
/** How much of a long line is read at a time, from its end, looking for its last failure marker, and how far back at most. */
const EXCERPT_CHUNK = 4096;
const EXCERPT_SCAN = 1024 * 1024;

/**
 * What is read of a line longer than `longest`: its start, and the part around its last failure marker (a code or a
 * failure word) when there is one past that start, in its last MiB. A one-line document (`ConvertTo-Json -Compress` of event records,
 * a JSON log) keeps its error wherever it is on the line; reading only its first characters lost it (found by a helper:
 * a 92 KB line ending in `(0xc0370101)` gave "no known issue" and no code). The end is read back a chunk at a time,
 * so a line is read once at most.
 */
export function excerptOf(line: string, longest: number): string {
  if (line.length <= longest) return line;
  const head = line.slice(0, longest >> 1);
  const rest = longest - head.length - 3;
  const stop = Math.max(head.length, line.length - EXCERPT_SCAN);
  for (let end = line.length; end > stop; end -= EXCERPT_CHUNK) {
    // Chunks overlap by a marker's length, so that none is cut in two.
    const start = Math.max(stop, end - EXCERPT_CHUNK - 32);
    const chunk = line.slice(start, end);
    let last = -1;
    const markers = FAILURE_MARKERS();
    markers.lastIndex = 0;
    for (let m = markers.exec(chunk); m; m = markers.exec(chunk)) last = m.index;
    if (last < 0) continue;
    const at = start + last;
    // The marker in the middle of what is kept: the message before a code, and the code after a message.
    const from = Math.max(head.length, Math.min(at - (rest >> 1), line.length - rest));
    return `${head} … ${line.slice(from, from + rest)}`;
  }
  return line.slice(0, longest);
}

/**
 * A line as a log repeats it: trimmed, with its runs of digits and its long hexadecimal ids (hashes, container ids)
 * made one token each. An error code written 0x… stays as it is: two codes are two pieces of evidence.
 */
export const lineTemplate = (line: string): string => line.trim().replace(/0x[0-9a-f]+|[0-9a-f]{12,}|\d+/gi, (m) => (/^0x/i.test(m) ? m : '#'));

/**
 * The lines of a paste to keep within `limit` characters, in their order: the first and last `ends` lines first (a
 * line of them longer than the budget left is skipped), then the lines that state a failure, then those that warn,
 * each read from the last and the first inwards, at most `longest` characters of each; a line whose template
 * (lineTemplate) was kept already is not kept again. Reading the evidence from both ends keeps the first failure (often
 * the cause) and the last (how the command ended) however much the middle repeats itself.
 */
function pickLines(lines: readonly string[], o: { ends: number; limit: number; longest: number }): string[] {
  const n = lines.length;
  const kept = new Array<string | undefined>(n);
  const seen = new Set<string>();
  let size = 0;
  // A long line is read as its excerpt (its start and the part around its last failure marker), made once.
  const excerpts = new Map<number, string>();
  const readable = (i: number) => {
    const whole = lines[i]!;
    if (whole.length <= o.longest) return whole;
    let e = excerpts.get(i);
    if (e === undefined) excerpts.set(i, (e = excerptOf(whole, o.longest)));
    return e;
  };
  const take = (i: number, cut: boolean) => {
    if (kept[i] !== undefined) return;
    const line = cut ? readable(i) : lines[i]!;
    // Over the budget left, a line is skipped before its template is made (a first line of 5 MB cost 300 ms there).
    if (size + line.length + 1 > o.limit) return;
    const key = lineTemplate(line);
    if (!key || seen.has(key)) return;
    seen.add(key);
    kept[i] = line;
    size += line.length + 1;
  };
  for (let i = 0; i < Math.min(o.ends, n); i++) take(i, false);
  for (let i = Math.max(0, n - o.ends); i < n; i++) take(i, false);
  for (const marker of [FAILURE_MARKER(), EVIDENCE_MARKER()])
    for (let lo = 0, hi = n - 1; lo <= hi && size < o.limit; ) {
      if (kept[hi] === undefined && marker.test(readable(hi))) take(hi, true);
      hi--;
      if (lo <= hi && kept[lo] === undefined && marker.test(readable(lo))) take(lo, true);
      lo++;
    }
  return kept.filter((l): l is string => l !== undefined);
}

/**
 * Bounds the work on a very large paste before anything else reads it: past `limit` characters only the first and
 * last 200 lines and the lines that carry evidence (each read up to 20,000 characters) are kept, as pickLines chooses
 * them, up to `limit` in all. A 50 MB log thus costs what 2 MB does, and its last lines are always among them.
 */
export function reduceLargePaste(text: string, limit = 2 * 1024 * 1024): string {
  if (text.length <= limit) return text;
  return pickLines(text.split('\n'), { ends: 200, limit, longest: 20000 }).join('\n');
}
