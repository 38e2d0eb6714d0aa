import type { CodeEntry } from './code-catalog.js';
import { groupEnd, walk } from './regex-literal.js';

/**
 * A topic's pattern written with a Windows message in English ("unable to remove filesystem for … Access is
 * denied") matches only English hosts; a German one prints "Zugriff verweigert". When the pattern holds a catalogue
 * message as plain text, that text is widened to every wording the catalogue has for it (its `messages` in each
 * language and its `variants`), so that the same failure gets the same verdict in every language. Done once, when
 * the knowledge base is assembled; the stored pattern is the widened one.
 */

/** A message this short is a fragment of too many sentences to stand for its code. */
const MIN_MESSAGE = 12;

/** The message without its closing full stop (a pattern usually quotes it without one). */
const bare = (text: string): string => text.trim().replace(/[.。]$/u, '').trim();

/** Text as a regular expression that matches it literally. */
const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** Each English message of the catalogue, with the other wordings of the same code (typographic apostrophes also as plain ones). */
export function messageWordings(codes: readonly CodeEntry[]): { en: string; others: string[] }[] {
  const out: { en: string; others: string[] }[] = [];
  for (const c of codes) {
    const en = c.messages.en ? bare(c.messages.en) : '';
    if (en.length < MIN_MESSAGE || !/^[A-Za-z][A-Za-z ,']*$/.test(en)) continue;
    const texts = [...Object.entries(c.messages).filter(([lang]) => lang !== 'en').map(([, m]) => m), ...c.variants.map((v) => v.text)];
    const others = [...new Set(texts.flatMap((t) => [bare(t), bare(t).replace(/[’‘]/g, "'")]).filter((t) => t.length >= 2 && t !== en))];
    if (others.length) out.push({ en, others });
  }
  // Longest first, so that a message that holds a shorter one is widened whole.
  return out.sort((a, b) => b.en.length - a.en.length);
}

/**
 * The pattern with each catalogue message it holds as plain text (outside a character class, not after a
 * backslash, not already inside a group of its wordings) widened to `(?:English|other wordings)`.
 * @example localisePattern('being used by another process', wordings) // '(?:being used by another process|…)' when the catalogue has such a message
 */
export function localisePattern(source: string, wordings: readonly { en: string; others: string[] }[]): string {
  let out = source;
  for (const { en, others } of wordings) {
    if (!out.includes(en)) continue;
    const group = `(?:${escapeRegex(en)}|${others.map(escapeRegex).join('|')})`;
    let from = 0;
    let at: number;
    while ((at = out.indexOf(en, from)) >= 0) {
      if (isPlainText(out, at) && !out.startsWith(group, at - 3) && !insideRepeatedGroup(out, at)) {
        out = out.slice(0, at) + group + out.slice(at + en.length);
        from = at + group.length;
      } else from = at + en.length;
    }
  }
  return out;
}

/**
 * Whether position `at` lies inside a group that repeats (`(…)*`, `(…)+`, `(…){2,}`): there an alternation of wordings
 * could let the engine split a run of text more than one way, and a repeat of such choices backtracks without bound.
 * Outside one, the wordings cost a match at most their number of tries, so a widened pattern is safe whenever the
 * pattern was: widening is decided by the pattern's shape, not by timing it (the clock of a busy build machine made two
 * builds of the same knowledge differ, and failed a CI run).
 */
function insideRepeatedGroup(source: string, at: number): boolean {
  const open: number[] = [];
  walk(source, 0, (c, i) => {
    if (i >= at) return true;
    if (c === '(') open.push(i);
    else if (c === ')') open.pop();
    return false;
  });
  for (const start of open) {
    const after = groupEnd(source, start);
    if (after < 0) return true;
    const q = source.slice(after, after + 16);
    if (/^[*+]/.test(q) || /^\{\d+,(?:\d{2,}|[2-9])?\}/.test(q) || /^\{(?:[2-9]|\d{2,})\}/.test(q)) return true;
  }
  return false;
}

/** Whether position `at` of a pattern is literal text: the pattern walk (outside escapes and character classes) reaches it. */
function isPlainText(source: string, at: number): boolean {
  let reached = false;
  walk(source, 0, (_c, i) => {
    reached = i === at;
    return i >= at;
  });
  return reached;
}
