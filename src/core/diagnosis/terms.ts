/**
 * Turns text in any of our languages into matching terms: Latin-script words lightly stemmed,
 * Han text as overlapping bigrams, Hangul words as a jamo prefix (so 느립니다 and 느리게 meet).
 */

const STOP = new Set(
  ('a an the to of in on at for and or but is are was were be been it its this that with from by as not no can ' +
    'cannot does do did when after before my i we you your our there their has have had will would should could ' +
    'how why what which into out get got use using used via than then also only just any all some so if while ' +
    'another other others new way time try trying tried need needs make still even now every each like see seems ' +
    'because since about very too really again though although however they them he she his her me us am being ' +
    'container containers windows docker error errors fail failed fails failure please help issue problem http https www ' +
    'och att det som en ett för med av är du den till om på inte kan har i vi de så när från eller men').split(' '),
);

/**
 * Chinese words users write where our texts, like Microsoft's Chinese pages, use another
 * (knowledge/glossary.yaml): 镜像 for image (映像), 宿主机 for the container host (主机), 端点 for
 * endpoint (终结点). A paste's Han run is read with our word before it is cut into bigrams, so
 * "镜像不一致" meets a topic's "映像不兼容". The evidence still quotes the paste.
 */
const HAN_VARIANTS: readonly (readonly [string, string])[] = [
  ['镜像', '映像'],
  ['宿主机', '主机'],
  ['端点', '终结点'],
];

/** A run of Han characters with users' words replaced by ours (HAN_VARIANTS). */
export function hanAsOurs(run: string): string {
  let out = run;
  for (const [theirs, ours] of HAN_VARIANTS) if (out.includes(theirs)) out = out.replaceAll(theirs, ours);
  return out;
}

const HANGUL_BASE = 0xac00;

/** Decomposes Hangul syllables into their jamo indexes (initial, medial, final), as a string. */
function jamo(word: string): string {
  let out = '';
  for (const ch of word) {
    const cp = (ch.codePointAt(0) ?? 0) - HANGUL_BASE;
    if (cp < 0 || cp > 11171) continue;
    const l = Math.floor(cp / 588);
    const v = Math.floor((cp % 588) / 28);
    const t = cp % 28;
    out += String.fromCharCode(0x1100 + l, 0x1161 + v) + (t ? String.fromCharCode(0x11a7 + t) : '');
  }
  return out;
}

const SUFFIX = /(?:ingen|ing|ed|es|ly|arna|erna|orna|ande|ar|er|or|en|et|s)$/;

/**
 * Light suffix stripping for English and Swedish words, the same on both sides of a match:
 * at most two suffixes, never below four letters, and a doubled final consonant undone
 * (running → run, värdens → värd, started → start).
 */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  let w = word;
  for (let i = 0; i < 2; i++) {
    const next = w.replace(SUFFIX, '');
    if (next === w || next.length < 4) break;
    w = next;
  }
  return w.replace(/([bdfgklmnprt])\1$/, '$1');
}

/**
 * Calls `emit` for each term of a text with the text it came from, as the paste has it: the word
 * (not its stem), the run of Han characters a bigram is part of, the Hangul word.
 */
function eachTerm(text: string, emit: (term: string, surface: string) => void): void {
  // Most pastes are ASCII: a plain pattern avoids compiling the Unicode-property one at start-up.
  const ascii = !/[^\x00-\x7f]/.test(text);
  const words = ascii ? /[a-z0-9][a-z0-9_.-]*[a-z0-9]|[a-z0-9]/gi : /[\p{Script=Han}]+|[\p{Script=Hangul}]+|[\p{L}\p{N}][\p{L}\p{N}_.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
  for (const m of text.matchAll(words)) {
    const surface = m[0];
    const w = surface.toLowerCase();
    const cp = w.codePointAt(0) ?? 0;
    if (cp >= 0x3400 && cp <= 0x9fff) {
      const han = hanAsOurs(w);
      if (han.length === 1) emit(han, surface);
      for (let i = 0; i + 1 < han.length; i++) emit(han.slice(i, i + 2), surface);
    } else if (cp >= 0xac00 && cp <= 0xd7a3) {
      const j = jamo(w);
      if (j.length >= 4) emit(`ko:${j.slice(0, 4)}`, surface);
      else if (w.length >= 1) emit(`ko:${j}`, surface);
    } else {
      const word = w.replace(/(?<![.-])[.-]+$/, '');
      if (word.length < 2 || STOP.has(word)) continue;
      const shown = surface.slice(0, word.length);
      emit(stem(word), shown);
      // A hyphenated compound (Kubernetes-Cluster, Windows-containrar) also counts as its parts.
      if (word.includes('-') && !/\d/.test(word))
        for (const part of shown.split('-')) if (part.length >= 3 && !STOP.has(part.toLowerCase())) emit(stem(part.toLowerCase()), part);
    }
  }
}

/** The terms of a text, with duplicates. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  eachTerm(text, (term) => out.push(term));
  return out;
}

/** Each distinct term of a text with the first text of the paste it came from (for evidence). */
export function termSurfaces(text: string): Map<string, string> {
  const out = new Map<string, string>();
  eachTerm(text, (term, surface) => {
    if (!out.has(term)) out.set(term, surface);
  });
  return out;
}

/** The distinct terms of a text. */
export const termSetOf = (text: string): Set<string> => new Set(termsOf(text));
