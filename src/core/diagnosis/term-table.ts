/**
 * The word index of the topics in a compact binary form (dist/kb-terms.bin, written by `kb build`),
 * looked up where it lies: nothing is parsed when it is loaded, and a lookup is a binary search over
 * the bytes. As JSON (a list of ~9,000 strings and two lists of numbers), parsing it was the largest
 * part of loading the knowledge base, for the few dozen words a paste looks up.
 *
 * Layout, every number little-endian:
 *   0  "WCDT"            magic
 *   4  u32 version       TABLE_VERSION
 *   8  u32 n             number of terms
 *  12  u32 p             number of postings values (two per posting: topic, weight × 100)
 *  16  u32 b             bytes of term text
 *  20  u32[n]            end of term i in the term text (its start is the end of term i - 1, or 0)
 *      u32[n]            end of term i's postings (the same way)
 *      u16[p]            the postings
 *      u8[b]             the terms in UTF-8, in byte order (so that a lookup compares bytes)
 */
import type { TermIndexData } from './build-index.js';

const MAGIC = [0x57, 0x43, 0x44, 0x54]; // WCDT
export const TABLE_VERSION = 1;
const HEADER = 20;
const encoder = new TextEncoder();
/** A surrogate without its other half: UTF-8 cannot spell it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const decoder = new TextDecoder();

/** Compares two byte strings as UTF-8 orders them (which is code point order). */
/** Byte order of `a` (or its bytes from `start` to `end`, read in place) against `b`. */
function compareBytes(a: Uint8Array, b: Uint8Array, start = 0, end = a.length): number {
  const len = end - start;
  const n = Math.min(len, b.length);
  for (let i = 0; i < n; i++) if (a[start + i] !== b[i]) return a[start + i]! - b[i]!;
  return len - b.length;
}

/** The word index (terms and postings; not the vocabulary, which kb.json keeps) as a table's bytes. */
export function encodeTermTable(data: Pick<TermIndexData, 'terms' | 'offsets' | 'postings'>): Uint8Array {
  const illFormed = data.terms.find((t) => LONE_SURROGATE.test(t));
  if (illFormed !== undefined) throw new Error(`the word index has a term UTF-8 cannot spell (${JSON.stringify(illFormed)})`);
  const entries = data.terms.map((term, i) => ({ bytes: encoder.encode(term), postings: data.postings.slice(data.offsets[i], data.offsets[i + 1]) }));
  entries.sort((a, b) => compareBytes(a.bytes, b.bytes));
  for (let i = 1; i < entries.length; i++) if (compareBytes(entries[i - 1]!.bytes, entries[i]!.bytes) === 0) throw new Error(`the word index has "${decoder.decode(entries[i]!.bytes)}" twice`);
  const n = entries.length;
  const p = entries.reduce((s, e) => s + e.postings.length, 0);
  const b = entries.reduce((s, e) => s + e.bytes.length, 0);
  const out = new Uint8Array(HEADER + 8 * n + 2 * p + b);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(4, TABLE_VERSION, true);
  view.setUint32(8, n, true);
  view.setUint32(12, p, true);
  view.setUint32(16, b, true);
  let termEnd = 0;
  let postEnd = 0;
  let at = HEADER + 8 * n;
  let text = at + 2 * p;
  entries.forEach((e, i) => {
    termEnd += e.bytes.length;
    postEnd += e.postings.length;
    view.setUint32(HEADER + 4 * i, termEnd, true);
    view.setUint32(HEADER + 4 * n + 4 * i, postEnd, true);
    for (const v of e.postings) {
      if (!Number.isInteger(v) || v < 0 || v > 0xffff) throw new Error(`the word index has a posting value (${v}) a table cannot hold`);
      view.setUint16(at, v, true);
      at += 2;
    }
    out.set(e.bytes, text);
    text += e.bytes.length;
  });
  return out;
}

/** A term table that is not what encodeTermTable writes. */
export class DamagedTermTable extends Error {}
const damaged = (why: string) => new DamagedTermTable(`term table: ${why}`);

/**
 * Looks terms up in a table's bytes (see encodeTermTable). The constructor checks the header, the
 * sizes and that the last entries end where the table does (a table cut short or grown is refused);
 * each lookup checks the entries it reads (inside the table, none ending before it starts) and
 * throws DamagedTermTable at one that is not, so nothing is ever read outside the bytes. Damage in
 * entries a lookup does not read can only make it miss. Nothing walks the whole table: at start-up,
 * in code not yet compiled, checking every entry took longer than parsing the index as JSON.
 */
export class TermTable {
  private readonly view: DataView;
  private readonly n: number;
  private readonly p: number;
  private readonly b: number;
  private readonly postingsAt: number;
  private readonly textAt: number;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < HEADER || MAGIC.some((m, i) => bytes[i] !== m)) throw damaged('not a term table');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.view.getUint32(4, true) !== TABLE_VERSION) throw damaged(`version ${this.view.getUint32(4, true)}, not ${TABLE_VERSION}`);
    const n = (this.n = this.view.getUint32(8, true));
    this.p = this.view.getUint32(12, true);
    this.b = this.view.getUint32(16, true);
    this.postingsAt = HEADER + 8 * n;
    this.textAt = this.postingsAt + 2 * this.p;
    if (this.textAt + this.b !== bytes.length) throw damaged('its sizes do not add up to its length');
    if (n && (this.termEnd(n - 1) !== this.b || this.postEnd(n - 1) !== this.p)) throw damaged('its entries do not fill it');
  }

  /** How many terms it holds. */
  get size(): number {
    return this.n;
  }

  private termEnd(i: number): number {
    return i < 0 ? 0 : this.view.getUint32(HEADER + 4 * i, true);
  }

  private postEnd(i: number): number {
    return i < 0 ? 0 : this.view.getUint32(HEADER + 4 * this.n + 4 * i, true);
  }

  /** Where term i lies in the term text, checked. */
  private termRange(i: number): [number, number] {
    const start = this.termEnd(i - 1);
    const end = this.termEnd(i);
    if (start > end || end > this.b) throw damaged('an entry lies outside the table');
    return [this.textAt + start, this.textAt + end];
  }

  /** Where term i's postings lie, checked. */
  private postRange(i: number): [number, number] {
    const start = this.postEnd(i - 1);
    const end = this.postEnd(i);
    if (start > end || end > this.p || (end - start) % 2) throw damaged('an entry lies outside the table');
    return [start, end];
  }

  /** Position of a term, or -1. */
  private find(term: string): number {
    // The table holds well-formed terms only (encodeTermTable refuses others): a lone surrogate, which
    // UTF-8 cannot spell, matches none, as it matches no term of the lists the table is made from.
    if (LONE_SURROGATE.test(term)) return -1;
    const q = encoder.encode(term);
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      // termRange's checks, without its pair or a subarray: a lookup takes a dozen steps per word of a paste.
      const start = this.termEnd(mid - 1);
      const end = this.termEnd(mid);
      if (start > end || end > this.b) throw damaged('an entry lies outside the table');
      const c = compareBytes(this.bytes, q, this.textAt + start, this.textAt + end);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The postings of a term, as (topic, weight × 100) pairs one after the other; empty for a term it does not hold. */
  postingsOf(term: string): number[] {
    const at = this.find(term);
    if (at < 0) return [];
    const [start, end] = this.postRange(at);
    const out: number[] = [];
    for (let k = start; k < end; k++) out.push(this.view.getUint16(this.postingsAt + 2 * k, true));
    return out;
  }

  /**
   * The lists the table was made from (terms in UTF-16 order, as `kb build` computes them): what
   * JSON.stringify of a loaded knowledge base shows. A lookup never needs this.
   */
  toLists(): Pick<TermIndexData, 'terms' | 'offsets' | 'postings'> {
    const entries: [string, number][] = [];
    for (let i = 0; i < this.n; i++) entries.push([decoder.decode(this.bytes.subarray(...this.termRange(i))), i]);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const offsets = [0];
    const postings: number[] = [];
    for (const [, i] of entries) {
      const [start, end] = this.postRange(i);
      for (let k = start; k < end; k++) postings.push(this.view.getUint16(this.postingsAt + 2 * k, true));
      offsets.push(postings.length);
    }
    return { terms: entries.map(([t]) => t), offsets, postings };
  }
}
