/**
 * A time-budget check of a regular expression against adversarial input, so that a pattern that
 * backtracks badly (nested or adjacent quantifiers over the same characters, `^\s*` in multiline
 * mode, a class run before `$`) is found before a paste finds it.
 *
 * The attack strings are derived from the pattern itself: a walk along its first and last
 * alternatives gives the text that leads into each quantified part (the prefix), one to three
 * consecutive pieces of it repeated are the pump, and a character that makes the match fail ends
 * the string. Each candidate grows step by step (a few pumps at a time while an exponential blow-up
 * would still be cheap, then by length), and the first size that takes longer than the budget is
 * measured again; a pattern fails when it stays over the budget and its time grows faster than the
 * input (or is fifty times over the budget whatever its growth). Pure: the clock is passed in.
 */

export interface RegexSafetyOptions {
  /** Time one match may take on a candidate of the largest size (default 4 ms). */
  budgetMs?: number;
  /** Largest attack string, in characters (default 8,000). */
  maxLength?: number;
  /** The clock, in milliseconds (default `defaultClock`). */
  now?: () => number;
  /**
   * A cheap clock that never runs slower than `now` (default: the wall clock, when `now` is the default CPU clock;
   * else `now` itself). Every match is timed with it first, and only one over the budget is timed again with `now`:
   * a thread's CPU time cannot exceed the wall time that passed, so a match within the budget on the wall clock is
   * within it on the CPU clock, and the CPU clock is a system call (about 2 µs here, against 0.1 µs), asked about a
   * million times when the knowledge's patterns are checked.
   */
  screen?: () => number;
}

interface CpuClockHost {
  process?: { platform?: string; threadCpuUsage?: () => { user: number; system: number } };
}

/**
 * The running thread's CPU time on Linux (Node 22.19 and later can ask it), else the wall clock. Not always
 * precise: some kernels advance it in scheduler ticks (4 ms on this project's build machines, measured
 * 2026-12-04: a 1.5 ms busy loop read 0 or 4 ms), so one reading of a short match says little, and
 * `findSlowInput` takes the larger of it and the wall clock wherever a low reading would be unsafe. A pattern that
 * backtracks costs CPU time; a machine busy with other work (a test run on every core, other builds)
 * only stretches the wall clock, and on the wall clock a small input done within one time slice and a
 * large one spread over several look like growth. The thread's, not the process's: worker threads
 * (a test runner's) would add their work. Windows counts CPU time in 15.6 ms ticks, too coarse for a
 * 4 ms budget: there, the wall clock.
 */
export function defaultClock(host: CpuClockHost = globalThis as CpuClockHost): () => number {
  const proc = host.process;
  if (proc?.platform !== 'linux' || typeof proc.threadCpuUsage !== 'function') return () => performance.now();
  return () => {
    const u = proc.threadCpuUsage!();
    return (u.user + u.system) / 1000;
  };
}

export interface RegexSafetyFinding {
  source: string;
  flags: string;
  /** A string that took longer than the budget, shortened for display. */
  attack: string;
  /** Its length, and the best of the repeated timings. */
  length: number;
  ms: number;
}

/** Characters tried against each class or escape of the pattern, to find ones it accepts. */
const PROBES = [' ', '\t', '\n', 'a', 'A', 'x', '0', '1', '_', '-', '.', '/', ':', '=', '(', ')', '"', "'", '\\', '<', '>', '#', '$', ',', ';', '@', '\u0000', 'é', '中', '한',
  // One letter of each script a class by script or property may name (`\p{Script=Cyrillic}`, `\p{Script=Greek}`), and
  // an emoji: over a class none of the probes fell in, a nested quantifier passed (found by an attacker helper).
  'д', 'ω', 'Σ', 'ع', 'א', 'क', 'ก', 'あ', 'ア', 'ß', '€', '😀'];
/** Characters that end an attack string: each makes a different kind of pattern fail late. */
const SUFFIXES = ['\u0000', '\n', '-\n'];
const MAX_PUMPS = 160;
/** The shortest pumps each top-level alternative that nests a quantifier keeps whatever the cap (see attackCandidates). */
const PER_NESTING_ALTERNATIVE = 24;
/**
 * The most top-level alternatives that nest a quantifier a pattern may have (each keeps its own pumps, so the check's cost
 * grows with them): a pattern with more is refused rather than checked in part. The knowledge's own have a few.
 */
export const MAX_NESTING_ALTERNATIVES = 64;
/** The most branches of one group walked one by one (a longer list of words: its first ones, and the last). */
const MAX_BRANCH_PATHS = 48;

type Piece = string[];

/**
 * The characters a class or escape accepts, among the probes and the characters the class itself names (its
 * ranges' ends: `[Ѐ-ӿ]` accepts none of the probes), at most four.
 */
function membersOf(atom: string, flags: string): string[] {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${atom})$`, flags.replace(/[gym]/g, ''));
  } catch {
    return [];
  }
  return [...new Set([...PROBES, ...namedIn(atom)])].filter((c) => re.test(c)).slice(0, 4);
}

/**
 * The character a `\uXXXX`, `\u{X…}` or `\xHH` escape at `at` writes, and its length; undefined for any other escape.
 */
function escapedCharAt(text: string, at: number): [char: string, length: number] | undefined {
  const m = /^\\(?:u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]{1,6})\}|x([0-9a-fA-F]{2}))/.exec(text.slice(at, at + 10));
  const code = m ? parseInt(m[1] ?? m[2] ?? m[3]!, 16) : NaN;
  return m && code <= 0x10ffff ? [String.fromCodePoint(code), m[0].length] : undefined;
}

/**
 * The characters a class writes out, its `\u` and `\x` escapes too (not the others): `[^,.]` → `,` `.`; `[Ѐ-ӿ]` → `Ѐ` `-`
 * `ӿ`; `[\u0400-\u04ff]` → `Ѐ` `ӿ`. An escape alone (`\u03c9`) is the character it writes.
 */
function namedIn(atom: string): string[] {
  if (!atom.startsWith('[')) {
    const one = escapedCharAt(atom, 0);
    return one && one[1] === atom.length ? [one[0]] : [];
  }
  const out: string[] = [];
  const body = atom.slice(atom[1] === '^' ? 2 : 1, -1);
  for (let j = 0; j < body.length; j++) {
    if (body[j] === '\\') {
      const escaped = escapedCharAt(body, j);
      if (escaped) {
        out.push(escaped[0]);
        j += escaped[1] - 1;
      } else j++;
    } else out.push(String.fromCodePoint(body.codePointAt(j)!));
    if ((body.codePointAt(j) ?? 0) > 0xffff) j++;
  }
  return out;
}

/**
 * Suffixes from the pattern: each character a negated class leaves out, twice (`,,` for `(?:[^,]+,?)+$`: the pump
 * `a` is taken by the class, one `,` by the optional part, and the second one fails every way of splitting the run).
 * The fixed suffixes are all taken by such a class, so the match succeeded and nothing was found. At most three.
 */
function excludedSuffixes(source: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < source.length && out.size < 3; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '[') {
      const end = classEnd(source, i);
      if (source[i + 1] === '^') for (const c of namedIn(source.slice(i, end))) if (out.size < 3 && c !== '-') out.add(c + c);
      i = end - 1;
    }
  }
  return [...out];
}

/** Index just past the closing `]` of a class that opens at `i`. */
function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  if (src[j] === ']') j++;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Index of the `)` that closes the group whose body starts at `i` (or the end). */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEnd(src, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return j;
      depth--;
    }
  }
  return src.length;
}

/**
 * A pattern with its negative lookaheads and its lookbehinds (`(?!…)`, `(?<!…)`, `(?<=…)`) taken out, or undefined when it
 * has none. A path reads a lookaround's text as if it were matched: a negative one then refuses it (`ab(?!c)(?:x+x+)+y`
 * was pumped only after `abc`, where the match ends at once, and passed the check: a regression tester), and a
 * lookbehind's text was already matched before it (`network(?<=k)` is pumped after `networkk`).
 */
function withoutRefusingLookarounds(src: string): string | undefined {
  let out = '';
  let from = 0;
  for (let j = 0; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEnd(src, j) - 1;
    else if (c === '(' && (src.startsWith('(?!', j) || src.startsWith('(?<!', j) || src.startsWith('(?<=', j))) {
      const end = groupEnd(src, j + 1);
      out += src.slice(from, j);
      from = end + 1;
      j = end;
    }
  }
  return from === 0 ? undefined : out + src.slice(from);
}

/** The top-level alternatives of a pattern (`a|b(c|d)` → `a`, `b(c|d)`). */
function alternativesOf(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEnd(src, j) - 1;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, j));
      start = j + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

/**
 * How a path goes through the pattern: a number n keeps the n-th branch (from 0) at each `|` (a group's last when it
 * has fewer) and every optional part; `lean` keeps the first branch and drops what may be absent (`?`, `*`, `{0,…}`).
 * Every branch of every group is on some path: a nested quantifier in a middle branch (`(?:zz|(?:k+)+|qq)$`) was on
 * none while only the first and the last were walked (found by an attacker helper: kb check passed it, and a paste
 * of 30 characters then took longer than 20 s).
 */
type PathMode = number | 'lean';

/**
 * The branch numbers a walk takes (piecesOf's mode k keeps the k-th branch of every group): first each number whose
 * branch, in some group, holds a quantifier, a class or a group of its own (only such a branch can make the pattern
 * backtrack), then the first ones in order (MAX_RISKY_BRANCHES and MAX_BRANCH_PATHS at most). A list of words past the 48th branch hid
 * a nested quantifier from the check (`(?:word0|…|word59|(?:x+x+)+y|word60|…)`: an attacker helper; a 50-character
 * paste then held a diagnosis for seconds to hours).
 */
function branchesToWalk({ risky, most }: Branches): number[] {
  const inOrder = Array.from({ length: Math.min(most, MAX_BRANCH_PATHS) }, (_, k) => k);
  return [...new Set([...risky.slice(0, MAX_RISKY_BRANCHES), ...inOrder])];
}

/**
 * The most branch numbers that can backtrack a pattern may have to be checked (each is one more path of the walk): a
 * pattern with more is refused rather than checked in part. The knowledge's own have at most a few.
 */
export const MAX_RISKY_BRANCHES = 256;

/** What branchesOf reads of a pattern's groups. */
interface Branches {
  /**
   * The branch numbers that hold a quantifier, a class or a group in some group, the likeliest to backtrack first (a
   * quantified group holding a quantifier counts a thousand, another quantified group ten, any other quantifier one: a
   * path's pumps are tried in the order the paths are walked, up to MAX_PUMPS, so 60 branches of `w\s+z` before a
   * `(?:x+x+)+y` used the budget up).
   */
  risky: number[];
  /** The most branches of a group. */
  most: number;
  /** The whole pattern's weight, at any depth (which top-level alternative is pumped first). */
  total: number;
  /** Whether some quantified group holds a quantifier (`(?:x+)+`, `(?:a[\\w]{1,9}){1,8}`): the shape that backtracks. */
  nested: boolean;
}

/** Reads a pattern's groups once: see Branches. */
function branchesOf(src: string): Branches {
  /** For each open group, the branch the reading is in, and whether the group holds a quantifier so far. */
  const open: number[] = [0];
  const quantified: boolean[] = [false];
  const score = new Map<number, number>();
  let most = 1;
  /** Whether the group that just closed held a quantifier (a quantifier after it makes a nested one). */
  let closedHeld = false;
  /** The whole pattern's weight, at any depth. */
  let total = 0;
  /** Whether a quantified group holds a quantifier. */
  let nested = false;
  /** The reading is at something that can backtrack: the branch it is in, in each group around it, is worth a walk. */
  const mark = (weight: number) => {
    total += weight;
    for (let d = 1; d < open.length; d++) score.set(open[d]!, (score.get(open[d]!) ?? 0) + weight);
  };
  for (let j = 0; j < src.length; j++) {
    const c = src[j];
    const afterGroup = src[j - 1] === ')';
    if (c === '\\') {
      if (/[sSwWdDpPuxc]/.test(src[j + 1] ?? '')) mark(0);
      j++;
    } else if (c === '[') {
      mark(0);
      j = classEnd(src, j) - 1;
    } else if (c === '(') {
      mark(0);
      open.push(0);
      quantified.push(false);
      // `(?:`, `(?=`, `(?<name>` …: the `?` opens the group's kind, it quantifies nothing.
      const kind = src[j + 1] === '?' ? /^\(\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(src.slice(j, j + 40)) : null;
      if (kind) j += kind[0].length - 1;
    } else if (c === ')') {
      if (open.length > 1) {
        open.pop();
        closedHeld = quantified.pop() ?? false;
        if (closedHeld) quantified[quantified.length - 1] = true;
      }
    } else if (c === '|') most = Math.max(most, ++open[open.length - 1]! + 1);
    else if (c === '+' || c === '*' || c === '?' || c === '{') {
      // A quantified group that itself holds a quantifier is the shape that backtracks: it outranks any number of plain
      // quantified groups (a regression tester: decoy branches `(?:一)+(?:丁)+j` outscored `(?:x+x+)+y` and used up the
      // pump budget before it).
      if (afterGroup && closedHeld) nested = true;
      mark(afterGroup ? (closedHeld ? 1000 : 10) : 1);
      quantified[quantified.length - 1] = true;
    } else if (c === '.') mark(0);
  }
  const risky = [...score].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([k]) => k);
  return { risky, most, total, nested };
}

/**
 * The pieces along one path through the pattern: literal runs as one piece, classes and escapes
 * as the characters they accept, a part repeated at least n times (`{n,}`) n times; read once, given
 * both ways: quantified characters inside the literal run around them, and quantified parts apart.
 */
function piecesOf(src: string, flags: string, mode: PathMode): [together: Piece[], apart: Piece[]] {
  /** `apart`: the atom starts a piece of its own (a quantified part begins, or one ended just before it). */
  const atoms: { members: string[]; literal: boolean; apart: boolean }[] = [];
  /** Where each open group's atoms begin, and which of its branches the walk is in. */
  const groupStarts: number[] = [];
  const branchAt: number[] = [0];
  /** Where the last quantifiable unit (an atom or a closed group) begins, or -1. */
  let unit = -1;
  /** Whether the next atom follows a quantified part. */
  let afterQuantified = false;
  const push = (members: string[], literal = false) => {
    unit = atoms.length;
    if (members.length) atoms.push({ members, literal, apart: afterQuantified });
    afterQuantified = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      if ('bBk'.includes(n) || /[1-9]/.test(n)) {
        i += n === 'k' ? Math.max(1, src.indexOf('>', i) - i) : 1;
        unit = -1;
        continue;
      }
      let end = i + 2;
      if (n === 'x') end = i + 4;
      else if (n === 'u') end = src[i + 2] === '{' ? src.indexOf('}', i) + 1 : i + 6;
      else if (n === 'p' || n === 'P') end = src.indexOf('}', i) + 1;
      else if (n === 'c') end = i + 3;
      const text = src.slice(i, end);
      if (/^\\[sSwWdDpPuxtnrfv0c]/.test(text)) push(membersOf(text, flags));
      else push([n], true);
      i = end - 1;
    } else if (c === '[') {
      const end = classEnd(src, i);
      push(membersOf(src.slice(i, end), flags));
      i = end - 1;
    } else if (c === '.') {
      push(membersOf('.', flags));
    } else if (c === '(') {
      groupStarts.push(atoms.length);
      branchAt.push(0);
      unit = -1;
      if (src[i + 1] === '?') {
        const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(src.slice(i));
        if (m) i += m[0].length - 1;
      }
    } else if (c === '|') {
      // The branch that just ended is the one this path keeps: on to the group's end. Else it is dropped, and the
      // walk goes on into the next branch.
      const at = branchAt.length - 1;
      if (mode === 'lean' || branchAt[at] === mode) i = groupEnd(src, i + 1) - 1;
      else {
        atoms.length = groupStarts[groupStarts.length - 1] ?? 0;
        branchAt[at]!++;
      }
      unit = -1;
    } else if (c === ')') {
      if (branchAt.length > 1) branchAt.pop();
      unit = groupStarts.pop() ?? 0;
    } else if (c === '?' || c === '*' || c === '+' || (c === '{' && /^\{\d+(,\d*)?\}/.test(src.slice(i)))) {
      const min = c === '{' ? Number(/^\{(\d+)/.exec(src.slice(i))![1]) : c === '+' ? 1 : 0;
      if (c === '{') i = src.indexOf('}', i);
      if (src[i + 1] === '?') i++; // lazy
      if (unit < 0) continue;
      // A quantified part starts a piece of its own, and so does what follows it, where the path keeps them apart
      // from the literal text around them (`x+x+y` pumps `x`, not `xxy`).
      if (atoms[unit]) atoms[unit] = { ...atoms[unit]!, apart: true };
      afterQuantified = true;
      if (min === 0 && mode === 'lean') atoms.length = unit;
      else if (min > 1) {
        const part = atoms.slice(unit);
        for (let k = 1; k < Math.min(min, 8); k++) atoms.push(...part);
      }
      unit = -1;
    } else if (c === '^' || c === '$') {
      unit = -1;
    } else {
      push([c], true);
    }
  }
  // Consecutive literal characters are one piece.
  const merge = (quantifiedApart: boolean): Piece[] => {
    const pieces: Piece[] = [];
    let run = '';
    for (const a of atoms) {
      if (quantifiedApart && a.apart && run) {
        pieces.push([run]);
        run = '';
      }
      if (a.literal) run += a.members[0];
      else {
        if (run) pieces.push([run]);
        run = '';
        pieces.push(a.members);
      }
    }
    if (run) pieces.push([run]);
    return pieces;
  };
  return [merge(false), merge(true)];
}

/** The attack candidates of a pattern: prefix, pump and suffix, deduplicated. */
export function attackCandidates(source: string, flags: string): { prefix: string; pump: string; suffix: string }[] {
  /** Each pump (prefix and pump as one key) with its prefix and the rank of the alternative that found it first (-1: none). */
  const pumps = new Map<string, { prefix: string; rank: number }>();
  const add = (prefix: string, pump: string, rank = -1) => {
    const key = prefix ? `${prefix}\u0001${pump}` : pump;
    if (pump && !pumps.has(key)) pumps.set(key, { prefix, rank });
  };
  // Separators that real pastes repeat, whatever the pattern says (first: the pumps derived below may reach the cap).
  for (const extra of [' ', '\t', '\n', '\n\t', ' \n', 'a ', ' -a', ' --a', '0x0 ']) add('', extra);
  // Each path both ways (piecesOf): literal text in one piece with the quantified characters inside it (`run --` from
  // `run\s+--?`), and quantified parts apart (`x` from `x+x+y`).
  // The alternatives likeliest to backtrack first (their pumps come first at each length, and MAX_PUMPS cuts the rest):
  // 200 one-character alternatives before `(?:x+x+)+y` used up the budget (a regression tester).
  // An alternative with a lookbehind or a negative lookahead is walked both with that text and without it: a path reads
  // it as matched text, which the lookaround then refuses or which stands before the part that backtracks
  // (`ab(?!c)(?:x+x+)+y` pumped after `abc`, `network(?<=k)(?:x+x+)+y` after `networkk`, `a(?!\.)\s*\s*\s*b`: found
  // by regression testers).
  const alternatives = alternativesOf(source)
    .flatMap((alt) => {
      const bare = withoutRefusingLookarounds(alt);
      return bare !== undefined ? [alt, bare] : [alt];
    })
    .map((alt, k) => ({ alt, k, branches: branchesOf(alt) }))
    .sort((a, b) => b.branches.total - a.branches.total || a.k - b.k);
  /** The ranks (in that order) of the alternatives that nest a quantifier: each keeps its shortest pumps (below). */
  const nesting = new Set(alternatives.flatMap(({ branches }, r) => (branches.nested ? [r] : [])));
  const paths = alternatives.flatMap(({ alt, branches }, r) => {
    const modes: PathMode[] = ['lean', ...branchesToWalk(branches), Number.MAX_SAFE_INTEGER];
    return modes.flatMap((mode) => piecesOf(alt, flags, mode)).map((pieces) => ({ pieces, r }));
  });
  for (const { pieces, r } of paths) {
    const lead: string[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const prefix = lead.join('');
      for (const member of pieces[i]!) {
        add('', member, r);
        add(prefix, member, r);
      }
      for (let len = 2; len <= 3 && i + len <= pieces.length; len++) {
        const pump = pieces.slice(i, i + len).map((p) => p[0]!).join('');
        add('', pump, r);
        add(prefix, pump, r);
        // Words repeated as words: `docker run docker run …`.
        if (/\w$/.test(pump)) add('', `${pump} `, r);
      }
      lead.push(pieces[i]![0]!);
    }
  }
  const out: { prefix: string; pump: string; suffix: string }[] = [];
  const suffixes = [...SUFFIXES, ...excludedSuffixes(source)];
  // Shorter pumps first (in the order found, at each length): a nested quantifier over a class shows with a pump of one
  // of its characters after a few of them, where a pump of a long literal run the class also takes (`windowsshim` in
  // `windowsshim(?:[a-z]+)+$`) multiplies the time by thousands each repeat, and its first size never ended (found by an
  // attacker helper: kb check hung). A finding ends the check before the long pump is tried.
  // The cap applies after that order: the short pumps of every branch are tried, however many branches come first.
  const byOrder = (a: { length: number; i: number }, b: { length: number; i: number }) => a.length - b.length || a.i - b.i;
  const all = [...pumps].map(([key, { prefix, rank: r }], i) => ({ key, prefix, r, i, length: key.length - (key.includes('\u0001') ? key.indexOf('\u0001') + 1 : 0) }));
  all.sort(byOrder);
  // Every alternative that nests a quantifier keeps its PER_NESTING_ALTERNATIVE shortest pumps, however many other
  // alternatives come first; the cap applies to the rest: 23 alternatives of bounded nested groups before
  // `start(?:\s*\n)+end` filled it with their own one-character pumps (a regression tester: 5 s on 34 characters).
  const kept = new Map<number, number>();
  const ordered: typeof all = [];
  const rest: typeof all = [];
  for (const p of all) {
    const n = kept.get(p.r) ?? 0;
    if (nesting.has(p.r) && n < PER_NESTING_ALTERNATIVE) {
      kept.set(p.r, n + 1);
      ordered.push(p);
    } else rest.push(p);
  }
  ordered.push(...rest.slice(0, Math.max(0, MAX_PUMPS - ordered.length)));
  ordered.sort(byOrder);
  for (const { key, prefix } of ordered) {
    const pump = key.includes('\u0001') ? key.slice(key.indexOf('\u0001') + 1) : key;
    if (!pump) continue;
    // A left-out character ends only a one-character pump: after a longer one that the class takes whole, the first
    // size tried (4 pumps) is already far past any budget, and the check would never end.
    for (const suffix of pump.length === 1 ? suffixes : SUFFIXES) out.push({ prefix, pump, suffix });
  }
  return out;
}

/**
 * Sizes a candidate grows through: pump counts while exponential growth is cheap, then lengths. Up to 48 pumps, four at
 * a time: V8 matched `cannot be mapped (?:x+x+)+ to the container` against 24 x's in 0.01 ms, 28 in 0.65 ms, 32 in 7.6 ms
 * and 40 in 1.9 s, so a jump from 24 pumps to 100 characters never ended, and nothing before it had said to step (an
 * attacker helper: kb check ran until killed).
 */
const REPEATS = [4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48];
const LENGTHS = [100, 300, 1000, 3000, 8000];

/** Below this time (ms), a match's timing is mostly the clock's own cost and says nothing about growth. */
const GROWTH_FLOOR_MS = 0.01;

/**
 * A size to try before `next`, when the timings so far (`seen`: size and time of each smaller size) grow so fast
 * that one match at `next` might never end: an exponential blow-up still under the budget after 24 pumps (2 ms at
 * 24 `\n` for `(?:\s*\n)+x`) would take longer than the age of the universe at the next size, 100 characters. The
 * growth is the fastest seen from any earlier size to this one (one pair of neighbouring sizes can be off: a
 * reading stretched by the machine's other work), taken as exponential, the worst case a jump must survive. The
 * size chosen is where that growth reaches about twice the budget, at least one pump further: there the match goes
 * over the budget within milliseconds and its growth is measured like any other. Undefined when the jump to
 * `next` is safe (the growth seen would stay under 25 times the budget there).
 */
export function stepBefore(seen: readonly (readonly [size: number, ms: number])[], size: number, ms: number, next: number, pumpLength: number, budget: number): number | undefined {
  if (ms < GROWTH_FLOOR_MS) return undefined;
  // From the sizes whose timings say something (a few microseconds are the clock's own noise, and from them any
  // linear pattern would look exponential), else from the last size at the floor.
  const measured = seen.filter(([s, t]) => s < size && t >= GROWTH_FLOOR_MS);
  const last = seen[seen.length - 1];
  const from = measured.length ? measured : last && last[0] < size ? [[last[0], GROWTH_FLOOR_MS] as const] : [];
  let rate = 0;
  for (const [s, t] of from) rate = Math.max(rate, Math.log(ms / t) / (size - s));
  if (!(rate > 0) || ms * Math.exp(rate * (next - size)) <= budget * 25) return undefined;
  const ahead = Math.max(pumpLength, Math.floor(Math.log((budget * 2) / ms) / rate / pumpLength) * pumpLength);
  return size + ahead < next ? size + ahead : undefined;
}

/**
 * Runs `re` over the adversarial candidates of its own source and returns the first one that
 * stays over the time budget, or undefined when every candidate runs within it.
 */
export function findSlowInput(re: RegExp, opts: RegexSafetyOptions = {}): RegexSafetyFinding | undefined {
  const budget = opts.budgetMs ?? 4;
  const maxLength = opts.maxLength ?? 8000;
  const now = opts.now ?? defaultClock();
  const screen = opts.screen ?? (opts.now ? now : () => performance.now());
  const probe = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
  const timeWith = (clock: () => number, text: string) => {
    const t = clock();
    probe.test(text);
    return clock() - t;
  };
  const textOf = (prefix: string, pump: string, suffix: string, size: number) => prefix + pump.repeat(Math.max(1, Math.ceil(size / pump.length))) + suffix;
  const best = (text: string) => Math.min(timeWith(now, text), timeWith(now, text), timeWith(now, text), timeWith(now, text), timeWith(now, text));
  for (const { prefix, pump, suffix } of attackCandidates(re.source, re.flags)) {
    // A pump of several characters starts at one repeat, one more at a time: four of them at once could already be far
    // past any budget when each character of the pump is one more step of a blow-up.
    const repeats = pump.length > 2 ? [1, 2, 3, ...REPEATS] : REPEATS;
    const sizes = [...repeats.map((n) => n * pump.length), ...LENGTHS].filter((n, i, all) => n <= maxLength && (i === 0 || n > all[i - 1]!));
    const seen: [number, number][] = [];
    // The pumped sizes, where an exponential blow-up shows (and where a step too far never ends): up to twice the last
    // repeat count.
    const pumpedEnd = REPEATS[REPEATS.length - 1]! * pump.length * 2;
    for (let i = 0; i < sizes.length; i++) {
      const text = textOf(prefix, pump, suffix, sizes[i]!);
      // Within the budget on the screening clock settles it; over it, the real clock decides.
      const wall = timeWith(screen, text);
      const quick = wall <= budget || screen === now ? wall : timeWith(now, text);
      // Every size that is no finding goes on to the next, with a size in between where the growth so far says
      // the next one might never end. The larger reading counts there: a thread's CPU time can advance in the
      // scheduler's ticks (4 ms on this project's Linux build machines), so that a 2 ms match may read 0 on it.
      const onward = (ms: number) => {
        const read = Math.max(ms, wall);
        const next = sizes[i + 1];
        let between = next === undefined ? undefined : stepBefore(seen, sizes[i]!, read, next, pump.length, budget);
        // Within the pumped sizes, a reading already near the budget goes on one pump at a time, whatever the growth
        // seen says: the timings it is read from can all be off on a busy machine (one run jumped from 24 pumps to
        // 100 characters of an exponential pattern and never ended), and one pump more either settles it or finds it.
        if (between === undefined && next !== undefined && read >= budget / 8 && sizes[i]! < pumpedEnd && next > sizes[i]! + pump.length) between = sizes[i]! + pump.length;
        if (between !== undefined) sizes.splice(i + 1, 0, between);
        seen.push([sizes[i]!, read]);
      };
      if (quick <= budget) {
        onward(quick);
        continue;
      }
      // Over the budget once: measure again, so that a pause of the machine is not a finding.
      const ms = best(text);
      if (ms <= budget) {
        onward(ms);
        continue;
      }
      // Still over: a finding when the time grows faster than the input (backtracking), or is
      // far over the budget whatever its growth. A bounded gap (`[^\n]{0,300}`) costs time in
      // proportion to the input, and that is allowed up to fifty times the budget: a busy machine
      // slows every pattern alike, and only growth says a pattern backtracks.
      const growthOf = (small: string, smallMs: number, large: string, largeMs: number) => Math.log(largeMs / Math.max(smallMs, 1e-3)) / Math.log(large.length / small.length);
      const before = i > 0 ? textOf(prefix, pump, suffix, sizes[i - 1]!) : '';
      let growth = before ? growthOf(before, best(before), text, ms) : Infinity;
      // Polynomial-looking growth is confirmed once more at twice the size, so that a busy machine
      // (or a bounded gap still filling up) is not taken for backtracking; exponential growth needs
      // no confirmation (and twice the size would never finish).
      // Not within the pumped sizes: a match over the budget there (best of five) is no bounded gap filling up, and
      // twice the size of a pattern whose growth the readings understate can be an exponential one that never ends
      // (a test run hung on it).
      if (growth > 1.5 && growth < 4 && ms <= budget * 50 && sizes[i]! >= pumpedEnd) {
        const twice = textOf(prefix, pump, suffix, text.length * 2);
        growth = Math.min(growth, growthOf(text, ms, twice, best(twice)));
      }
      if (growth > 1.5 || ms > budget * 50) {
        const shown = text.length > 80 ? `${JSON.stringify(prefix)} + ${JSON.stringify(pump)} × ${Math.round((text.length - prefix.length - suffix.length) / pump.length)} + ${JSON.stringify(suffix)}` : JSON.stringify(text);
        return { source: re.source, flags: re.flags, attack: shown, length: text.length, ms: Math.round(ms * 10) / 10 };
      }
      onward(ms);
    }
  }
  return undefined;
}

/**
 * `findSlowInput`, with a finding confirmed by further independent rounds: a pattern that
 * backtracks is slow every time, while a machine busy with other work (a test run on every core)
 * slows one round now and then. A finding stands only when every round finds one.
 */
export function findSlowInputConfirmed(re: RegExp, opts: RegexSafetyOptions = {}, rounds = 3): RegexSafetyFinding | undefined {
  let finding = findSlowInput(re, opts);
  for (let r = 1; finding && r < rounds; r++) finding = findSlowInput(re, opts) && finding;
  return finding;
}

const verdicts = new Map<string, RegexSafetyFinding | null>();

/** The verdicts reached so far (pattern key → finding, or null when safe), to hand to another process. */
export function patternVerdicts(): [string, RegexSafetyFinding | null][] {
  return [...verdicts];
}

/**
 * Takes verdicts another process reached with this same checker (the test run's global setup hands
 * them to its workers, so that patterns are timed once, on a machine not yet busy with the tests).
 */
export function rememberPatternVerdicts(entries: readonly [string, RegexSafetyFinding | null][]): void {
  for (const [key, finding] of entries) if (!verdicts.has(key)) verdicts.set(key, finding);
}

/**
 * Whether a pattern refers back to a group (`\1`, `\k<name>`) outside a class: the attack texts are read from the
 * pattern, and a backreference's text is not on them (`(a)\1(?:x+x+)+y` passed the check; a regression tester). No
 * pattern of the knowledge uses one.
 */
function hasBackreference(src: string): boolean {
  for (let j = 0; j < src.length; j++) {
    const c = src[j];
    if (c === '[') j = classEnd(src, j) - 1;
    else if (c === '\\') {
      const n = src[j + 1] ?? '';
      if (/[1-9]/.test(n) || (n === 'k' && src[j + 2] === '<')) return true;
      j++;
    }
  }
  return false;
}

/**
 * Why a pattern from the knowledge cannot be used, or undefined when it can: not a valid regular
 * expression, or one that stays over the time budget on adversarial input. Results are kept per
 * pattern and flags, so checking the same knowledge twice costs nothing the second time.
 */
export function unsafePatternReason(source: string, flags: string): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch {
    return 'is not a valid regular expression';
  }
  if (hasBackreference(source)) return 'uses a backreference (\\1, \\k<name>): the check cannot know what it repeats, so it cannot be checked; write the text out';
  const read = alternativesOf(source).map(branchesOf);
  const risky = read.reduce((n, b) => Math.max(n, b.risky.length), 0);
  if (risky > MAX_RISKY_BRANCHES) return `has ${risky} branches that can backtrack in one group: at most ${MAX_RISKY_BRANCHES} can be checked (split the pattern)`;
  const nesting = read.filter((b) => b.nested).length;
  if (nesting > MAX_NESTING_ALTERNATIVES) return `has ${nesting} alternatives that nest a quantifier: at most ${MAX_NESTING_ALTERNATIVES} can be checked (split the pattern)`;
  const key = `${flags}/${source}`;
  let finding = verdicts.get(key);
  if (finding === undefined) verdicts.set(key, (finding = findSlowInputConfirmed(re) ?? null));
  if (!finding) return undefined;
  return `backtracks too much: matching ${finding.attack} (${finding.length} characters) takes ${finding.ms} ms; avoid nested or adjacent quantifiers over the same characters (e.g. \\s*\\n\\s+, (a+)+), and use [ \\t]* rather than \\s* after ^ in a line pattern`;
}
