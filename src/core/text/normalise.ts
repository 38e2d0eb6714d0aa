/**
 * The text normalisers, one per purpose. Each is the only implementation of its job in src/; the
 * diagnosis, the knowledge parser, the compatibility check, the renderer and the app call these.
 *
 * - line ends as `\n`: normaliseLineEnds (and a file's text, its byte-order mark dropped: normaliseFileText)
 * - terminal escape sequences removed (outside text, and styled text being measured): stripEscapeSequences
 * - control characters removed: removeControls
 * - white space folded to one space (one line of display, spacing-blind keys): collapseSpace
 * - the comparison form of a text (phrases, headings, lines and pastes): foldForMatching (and back to the
 *   text as written: spanAsWritten)
 * - the comparison key of a name (letters and digits only): alphanumericKey
 * - the comparison form of an error message, unit by unit, for the message index: foldMessage
 *   (with foldCodeUnit and isFoldSpace, which the scanner of a paste uses)
 *
 * Two callers keep a policy of their own, on purpose: a text field removes only an OSC's introducer, so
 * what was pasted stays visible (ui/text/text-buffer.ts), and a paste read for matching turns control
 * characters into spaces and keeps the C1 range, which its mojibake repair reads (diagnosis/normalise.ts).
 * Making control characters visible for the terminal, rather than removing them, is terminal-safe.ts.
 */

/**
 * CRLF and a lone CR (what a terminal sends for Enter, and old Mac files) as `\n`.
 * @example normaliseLineEnds('a\r\nb\rc') === 'a\nb\nc'
 */
export const normaliseLineEnds = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * A file's text as the parsers read it: a leading byte-order mark dropped, line ends as `\n`.
 * @example normaliseFileText('\uFEFFa\r\nb') === 'a\nb'
 */
export const normaliseFileText = (text: string): string => normaliseLineEnds(text.replace(/^\uFEFF/, ''));

/** CSI (`ESC [` …), OSC (`ESC ]` … BEL or ST) and two-character escape sequences: what takes no columns on a terminal. */
export const ESCAPE_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/**
 * The text without terminal escape sequences (colours, cursor moves, titles, hyperlinks): what a paste,
 * a log or a child's output says, without how a terminal drew it. A lone ESC is left (see removeControls).
 * @example stripEscapeSequences('\u001b[31mred\u001b[0m \u001b]0;title\u0007x') === 'red x'
 */
export const stripEscapeSequences = (text: string): string => (text.includes('\x1b') ? text.replace(ESCAPE_SEQUENCE, '') : text);

const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** A control character other than the line feed (removeControls' test for a text with nothing else to remove). */
const CONTROL_BUT_LINE_FEED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/**
 * The text without C0 controls, DEL and C1 controls, except the characters in `keep` (`'\n'` for a
 * multi-line field). Escape sequences should go first (stripEscapeSequences), or their tails stay as text.
 * @example removeControls('a\u0007b\nc', '\n') === 'ab\nc'
 */
export function removeControls(text: string, keep = ''): string {
  // Line feeds kept and no other control in the text: the text as it is. The replacement below would copy it whole,
  // each line feed put back by the callback: the app's field spent 2.3 MiB on a paste of 1 MB that way (the copy, and
  // the list of pieces it was built from).
  if (keep === '\n' && !CONTROL_BUT_LINE_FEED.test(text)) return text;
  return text.replace(CONTROLS, (c) => (keep.includes(c) ? c : ''));
}

/**
 * Every run of white space (line ends and tabs included) as one space, trimmed: a text for one line of
 * display, or the spacing-blind form of a key.
 * @example collapseSpace('  Element \n not\tfound ') === 'Element not found'
 */
export const collapseSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The form texts are compared in: white space collapsed (collapseSpace) and lower case. A phrase of the
 * knowledge, a heading, a line of a paste and the paste itself are all compared in this form.
 * @example foldForMatching('  Element\nNOT found ') === 'element not found'
 */
export const foldForMatching = (text: string): string => collapseSpace(text).toLowerCase();

const SPACE = /\s/;

let lastLowered: { text: string; lower: string } | undefined;
/**
 * `text.toLowerCase()`, remembered for the last text asked: quoting evidence asks for one paste's lower
 * case once per phrase and word shown, and a large paste's costs milliseconds each time.
 */
export const lowerCaseOf = (text: string): string => (lastLowered?.text === text ? lastLowered.lower : (lastLowered = { text, lower: text.toLowerCase() }).lower);

/**
 * The stretch of `text` whose comparison form (foldForMatching) is `folded`, as the text writes it: its
 * case kept, its white space collapsed. What a user is shown of a phrase found in their paste. Undefined
 * when no stretch folds to it, or when lower case changes the text's length (positions then do not map).
 * @example spanAsWritten('Error: HNSCall\n  failed in Win32', 'hnscall failed') === 'HNSCall failed'
 */
export function spanAsWritten(text: string, folded: string): string | undefined {
  const lower = lowerCaseOf(text);
  const words = folded.split(' ');
  const first = words[0] ?? '';
  if (!first || lower.length !== text.length) return undefined;
  for (let at = lower.indexOf(first); at >= 0; at = lower.indexOf(first, at + 1)) {
    let i = at + first.length;
    let whole = true;
    for (let k = 1; k < words.length && whole; k++) {
      const gap = i;
      while (i < lower.length && SPACE.test(lower[i] ?? '')) i++;
      const word = words[k] ?? '';
      if (i === gap || !lower.startsWith(word, i)) whole = false;
      else i += word.length;
    }
    if (whole) return collapseSpace(text.slice(at, i));
  }
  return undefined;
}

/**
 * The key of a name where only its letters and digits count (ASCII, lower case): `Windows Server 2019`,
 * `windows-server-2019` and `WindowsServer2019` are one key.
 * @example alphanumericKey('Network-Create') === 'networkcreate'
 */
export const alphanumericKey = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Whether a UTF-16 unit is white space for foldMessage: ASCII white space, no-break spaces, the
 * ideographic space and the typographic spaces U+2000–U+200A.
 */
export const isFoldSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f;

const foldCache = new Map<number, number>();

/**
 * One UTF-16 unit in foldMessage's form: lower case where the lower case is one unit, and the curly
 * apostrophes (U+2018, U+2019) as `'`. A scanner that folds a paste unit by unit with this stays in step
 * with the texts foldMessage stored, and its offsets are the paste's own.
 */
export function foldCodeUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c === 0x2019 || c === 0x2018) return 39;
  let l = foldCache.get(c);
  if (l === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    foldCache.set(c, l);
  }
  return l;
}

// The lookbehind lets only the first character of a run try to reach the end: linear on any input.
const FINAL_PUNCT = /(?<![\s.。!！．:：;])[\s.。!！．:：;]+$/u;

/**
 * An error message in the form the message index stores it: each unit folded (foldCodeUnit), each run
 * of white space (isFoldSpace) one space, trimmed, without final punctuation. It differs from
 * foldForMatching on purpose: it must agree unit for unit with a scan of the raw paste.
 * @example foldMessage('  L’opération   a échoué. ') === "l'opération a échoué"
 */
export function foldMessage(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isFoldSpace(c)) space = out.length > 0;
    else {
      if (space) out += ' ';
      space = false;
      out += String.fromCharCode(foldCodeUnit(c));
    }
  }
  return out.replace(FINAL_PUNCT, '');
}

/** A Han character or a full-width punctuation mark (CJK symbols, full-width forms): what Chinese text is made of. */
const HAN_OR_FULLWIDTH = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
export const FOLDED_HAN = new RegExp(`(${HAN_OR_FULLWIDTH}) (?=${HAN_OR_FULLWIDTH})`, 'g');

/**
 * Chinese text of ours as written, without the spaces YAML's line folding put into it: a folded scalar joins its lines
 * with a space, which Chinese does not put between characters (`…映像， 或在 Windows 上…` read as a gap on screen; the
 * built knowledge had 204 of them). Only a space between two Han characters or full-width marks goes: the spaces around
 * a Latin word (`切换到 Linux 容器`) stay. Korean separates its words with spaces and is not for this.
 * @example joinFoldedHan('映像， 或在 Windows 上') === '映像，或在 Windows 上'
 */
export const joinFoldedHan = (text: string): string => (text.includes(' ') ? text.replace(FOLDED_HAN, '$1') : text);

/** Whether a UTF-16 unit is a Han character or a full-width mark (the class of HAN_OR_FULLWIDTH). */
const isHanOrFullwidth = (code: number): boolean => (code >= 0x3000 && code <= 0x303f) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xffef);

/**
 * A paragraph's soft line breaks (a line feed inside it, with the blanks around it) joined as Markdown reads them: a
 * space, or nothing between two Han characters or full-width marks, which Chinese writes without one. Our topics' text
 * is written in lines of about 100 columns; kept, those breaks cut every line again where a terminal narrower than
 * that wrapped it ("…a second port mapping / on the same / host port…").
 * @example joinSoftBreaks('a second port mapping\non the same host') === 'a second port mapping on the same host'
 * @example joinSoftBreaks('第二个端口\n映射') === '第二个端口映射'
 */
export function joinSoftBreaks(text: string): string {
  if (!text.includes('\n')) return text;
  const blank = (i: number) => text[i] === ' ' || text[i] === '\t';
  // A loop, not /[ \t]*\n[ \t]*/g: that pattern tries every blank of a long run of them again from each one.
  let out = '';
  let from = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
    let start = nl;
    while (start > from && blank(start - 1)) start--;
    let end = nl + 1;
    while (end < text.length && blank(end)) end++;
    const join = start > 0 && end < text.length && isHanOrFullwidth(text.charCodeAt(start - 1)) && isHanOrFullwidth(text.charCodeAt(end));
    out += text.slice(from, start) + (join ? '' : ' ');
    from = end;
  }
  return out + text.slice(from);
}
