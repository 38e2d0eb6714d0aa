import { withinEdits } from './edit-distance.js';

/**
 * What a text must hold for fuse.js to find a pattern in it, so that a text that cannot match is never searched
 * (fuse.js's search runs once per allowed edit over the whole text: "transparent" over every topic's text took
 * 190 ms). For fuse.js with `ignoreLocation`, a part of the pattern (fuse.js cuts patterns longer than 32 units into
 * parts of 32, the last one ending at the pattern's end) matches where some stretch of the text is within
 * `edits` of it, `edits / length ≤ threshold`, case aside. Such a stretch holds one of `edits + 1` pieces of the
 * part whole (each edit breaks at most one piece), and lies within `edits` units of where that piece puts it.
 */
export interface FuzzyPart {
  /** The part of the pattern (lower case, as fuse.js compares), in UTF-16 units. */
  readonly text: string;
  /** The most edits fuse.js allows it. */
  readonly edits: number;
  /** `edits + 1` pieces of it, with where each starts in the part. */
  readonly pieces: readonly { readonly text: string; readonly at: number }[];
}

/** fuse.js's longest pattern searched whole (its bit masks are 32 bits). */
const FUSE_MAX_BITS = 32;

/** The parts fuse.js scores a pattern by, as its BitapSearch cuts them, with their edits and pieces. */
export function fuzzyParts(pattern: string, threshold: number): FuzzyPart[] {
  const p = pattern.toLowerCase();
  const texts: string[] = [];
  if (p.length <= FUSE_MAX_BITS) texts.push(p);
  else {
    const whole = p.length - (p.length % FUSE_MAX_BITS);
    for (let i = 0; i < whole; i += FUSE_MAX_BITS) texts.push(p.slice(i, i + FUSE_MAX_BITS));
    if (p.length % FUSE_MAX_BITS) texts.push(p.slice(p.length - FUSE_MAX_BITS));
  }
  return texts
    .filter((t) => t.length > 0)
    .map((text) => {
      // As fuse.js decides: i edits are allowed while i / length ≤ threshold, and fewer than the length.
      let edits = 0;
      while (edits + 1 < text.length && (edits + 1) / text.length <= threshold) edits++;
      const n = edits + 1;
      const pieces = Array.from({ length: n }, (_, i) => {
        const at = Math.floor((i * text.length) / n);
        return { text: text.slice(at, Math.floor(((i + 1) * text.length) / n)), at };
      });
      return { text, edits, pieces };
    });
}

/**
 * Whether `lower` (a text in lower case) may hold a match of some part: a stretch within the part's edits around an
 * occurrence of one of its pieces. false means fuse.js finds no part there; true, that it may.
 */
export function mayHoldFuzzy(parts: readonly FuzzyPart[], lower: string, column: Int32Array): boolean {
  for (const part of parts) {
    const span = part.text.length + part.edits;
    for (const piece of part.pieces) {
      // Around each occurrence, the stretch a match through it could take; overlapping stretches read as one.
      let from = -1;
      let to = -1;
      for (let at = lower.indexOf(piece.text); at >= 0; at = lower.indexOf(piece.text, at + 1)) {
        const start = Math.max(0, at - piece.at - part.edits);
        const end = Math.min(lower.length, at - piece.at + span);
        if (start <= to) to = Math.max(to, end);
        else {
          if (to > from && withinEdits(part.text, lower, part.edits, column, from, to)) return true;
          from = start;
          to = end;
        }
      }
      if (to > from && withinEdits(part.text, lower, part.edits, column, from, to)) return true;
    }
  }
  return false;
}
