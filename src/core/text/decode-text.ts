// Made on first use: a UTF-16 decoder loads an ICU converter (about 2.5 ms), which a run that reads
// no UTF-16 text (every plain `wcdoctor diagnose`) should not pay for at start-up.
let utf8: TextDecoder | undefined;
let utf16le: TextDecoder | undefined;
const utf8Decoder = () => (utf8 ??= new TextDecoder('utf-8', { ignoreBOM: true }));
const utf16leDecoder = () => (utf16le ??= new TextDecoder('utf-16le', { ignoreBOM: true }));

/**
 * The encoding a byte-order mark at the start of `bytes` names, and the mark's length. Without one: UTF-16 when the
 * first bytes are Latin text with a zero byte beside each character (a tool that writes UTF-16 without a mark, or the
 * tail of a file cut after it), else UTF-8.
 */
export function detectEncoding(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bom: number } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: zeroBytesSide(bytes) ?? 'utf-8', bom: 0 };
}

/**
 * 'utf-16le' when, in the first 512 pairs of bytes, nearly every second byte is zero and the first of each pair is
 * not, 'utf-16be' for the mirror image; undefined otherwise. UTF-8 text has no zero bytes, and Latin text in UTF-16
 * (error messages, codes, paths) has one in each character; Chinese or Korean text alone in UTF-16 has none to find,
 * and stays UTF-8 (it needs its mark).
 */
function zeroBytesSide(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.min(512, bytes.length >> 1);
  if (pairs < 2) return undefined;
  let low = 0;
  let high = 0;
  for (let i = 0; i < pairs; i++) {
    const first = bytes[2 * i]!;
    const second = bytes[2 * i + 1]!;
    if (first !== 0 && second === 0) low++;
    else if (first === 0 && second !== 0) high++;
  }
  if (low >= pairs * 0.9) return 'utf-16le';
  if (high >= pairs * 0.9) return 'utf-16be';
  return undefined;
}

/**
 * Decodes text read from a file or standard input as Windows tools write it: UTF-16LE with a BOM (what Windows
 * PowerShell 5.1 `Out-File` and `>` write), UTF-16BE with a BOM, UTF-8 with or without a BOM, and Latin text in
 * UTF-16 without a BOM (detectEncoding). The BOM is dropped;
 * bytes that are not valid in the encoding become U+FFFD.
 * @example decodeText(new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0])) === 'hi'
 */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, bom } = detectEncoding(bytes);
  const body = bytes.subarray(bom);
  if (encoding === 'utf-8') return utf8Decoder().decode(body);
  if (encoding === 'utf-16le') return utf16leDecoder().decode(body);
  // UTF-16BE: swap each pair and decode as LE (a UTF-16BE decoder is not in every Node build's ICU).
  const swapped = new Uint8Array(body.length);
  for (let i = 0; i + 1 < body.length; i += 2) {
    swapped[i] = body[i + 1] ?? 0;
    swapped[i + 1] = body[i] ?? 0;
  }
  if (body.length % 2 === 1) swapped[body.length - 1] = body[body.length - 1] ?? 0;
  return utf16leDecoder().decode(swapped);
}
