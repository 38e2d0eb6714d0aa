// Issue 11, item 1: no pattern backtracks badly, whatever the paste. Every regular expression
// literal in src/, every pattern built at load time, and every pattern of the knowledge (topic
// regexes, fix parameter patterns, tree matches) runs against adversarial strings derived from it
// (core/text/regex-safety.ts) within a time budget per pattern.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_STATUS_BEFORE, LARGE_CTX, STRONG_CTX, TOKEN, WEAK_CTX } from '../../src/core/diagnosis/parse-error-code.js';
import { IPV4 } from '../../src/core/fixes/validate-param.js';
import { PLURAL_SUFFIX } from '../../src/core/i18n/translate.js';
import { GLUED_SENTENCE } from '../../src/core/knowledge/parse-plain-text.js';
import { CHANGES_SYSTEM, PS_SC_ALIAS, READ_ONLY_DOUBT } from '../../src/core/knowledge/content-rules.js';
import { FOLDED_HAN } from '../../src/core/text/normalise.js';
import { LINUX_ENGINE, UNKNOWN_BLOB, WINDOWS_IMAGE, WINDOWS_IMAGE_WORDS, WINDOWS_LAYER_IN_UNIX_PATH, WINDOWS_PULL_ELSEWHERE } from '../../src/core/diagnosis/engine-platform.js';
import { PYWIN32_ERROR } from '../../src/core/diagnosis/scope.js';
import { assembleKnowledgeBase } from '../../src/core/knowledge/assemble-kb.js';
import { attackCandidates, defaultClock, findSlowInput, findSlowInputConfirmed, MAX_NESTING_ALTERNATIVES, MAX_RISKY_BRANCHES, stepBefore, unsafePatternReason } from '../../src/core/text/regex-safety.js';
import { realKnowledgeBase, realKnowledgeInput } from '../helpers/real-kb.js';
import { runCli } from '../helpers/cli-io.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

interface Site {
  at: string;
  re: RegExp;
}

/** A literal as the scan found it: its line in the file, its source and flags. */
type Literal = [line: number, source: string, flags: string];

/** The literals of one file, by TypeScript's own scanner (a regex literal is known only to a parser). */
function literalsOf(tsModule: typeof import('typescript'), file: string, text: string): Literal[] {
  const ts = tsModule;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Literal[] = [];
  const visit = (n: import('typescript').Node) => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const t = n.getText(sf);
      const end = t.lastIndexOf('/');
      out.push([sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, t.slice(1, end), t.slice(end + 1)]);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/**
 * What earlier runs found, kept in node_modules/.cache/wcdoctor-test-regex/ (WCDOCTOR_TEST_KB_CACHE=0 turns it off,
 * as for the knowledge's cache): per file of src/, the hash of its content and its literals; and the literals that
 * passed the time budget, under the hash of the checker (core/text/regex-safety.ts) that judged them. Importing
 * TypeScript and parsing every file took about 2 s of CPU per run, and timing every literal 1.5 s more, for files
 * that had not changed; now only a changed file is parsed and only a literal not judged before is timed. A literal
 * that failed is never kept: it is timed again on the next run.
 */
interface ScanCache {
  files: Record<string, { sha: string; literals: Literal[] }>;
  passed: { checker: string; literals: string[] };
}
const CACHE_FILE = path.resolve(import.meta.dirname, '../../node_modules/.cache/wcdoctor-test-regex/scan.json');
const useCache = process.env.WCDOCTOR_TEST_KB_CACHE !== '0' && existsSync(path.dirname(path.dirname(CACHE_FILE)));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const CHECKER = sha(readFileSync(path.join(SRC, 'core/text/regex-safety.ts'), 'utf8'));
const cache: ScanCache = (() => {
  const empty: ScanCache = { files: {}, passed: { checker: CHECKER, literals: [] } };
  if (!useCache) return empty;
  try {
    const c = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as ScanCache;
    return c.passed.checker === CHECKER ? c : { ...empty, files: c.files };
  } catch {
    return empty;
  }
})();
function saveCache(): void {
  if (!useCache) return;
  mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
  const tmp = `${CACHE_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(cache));
  renameSync(tmp, CACHE_FILE);
}

/** The files of src/, read once for the scan and the `new RegExp(` check below. */
const SOURCES = sourceFiles(SRC).map((file) => {
  const text = readFileSync(file, 'utf8');
  return { file, rel: path.relative(SRC, file).split(path.sep).join('/'), text, sha: sha(text) };
});
/** A literal as the cache of passed literals names it. */
const keyOf = (re: RegExp) => `/${re.source}/${re.flags}`;

/** Every regular expression literal in src/, with where it is (from the cache for a file whose content it knows). */
async function regexLiterals(): Promise<Site[]> {
  const changed = SOURCES.filter((f) => cache.files[f.rel]?.sha !== f.sha);
  if (changed.length) {
    const ts = (await import('typescript')).default;
    for (const f of changed) cache.files[f.rel] = { sha: f.sha, literals: literalsOf(ts, f.file, f.text) };
  }
  cache.files = Object.fromEntries(SOURCES.map((f) => [f.rel, cache.files[f.rel]!]));
  return SOURCES.flatMap((f) => cache.files[f.rel]!.literals.map(([line, source, flags]) => ({ at: `${f.rel}:${line}`, re: new RegExp(source, flags) })));
}

/** `new RegExp(` in src/: each is a pattern built at load time (checked below) or one from the knowledge (checked by kb check). */
const DYNAMIC_SITES: Record<string, string> = {
  'core/diagnosis/parse-error-code.ts': 'TOKEN and the three context patterns, checked below',
  'core/fixes/validate-param.ts': 'IPV4, checked below; a parameter pattern from the knowledge, checked by kb check',
  'core/i18n/translate.ts': 'PLURAL_SUFFIX, checked below',
  'core/knowledge/parse-plain-text.ts': 'GLUED_SENTENCE, checked below',
  'core/diagnosis/build-index.ts': 'a topic regex (kb check) and a fixed hex literal per code',
  'core/knowledge/assemble-kb.ts': 'none compiled for use: the checks of kb check itself',
  'core/text/regex-safety.ts': 'the checker: a class under test and the pattern being checked',
  'core/trees/step-tree.ts': 'a tree match from the knowledge, checked by kb check',
  'core/trees/validate-tree.ts': 'the checks of kb check',
  'core/fixes/fill-template.ts': 'the placeholder pattern of core/text/placeholder.ts, made sticky (checked there as a literal)',
  'core/diagnosis/normalise.ts': 'FAILURE_MARKER made global to find its every match in a chunk (checked as a literal)',
  'core/text/normalise.ts': 'FOLDED_HAN (a Han character, a space, a Han character), checked below',
  'core/knowledge/content-rules.ts': 'CHANGES_SYSTEM (DESTRUCTIVE and more), READ_ONLY_DOUBT and PS_SC_ALIAS, checked below; a signature pattern from the knowledge tried on neutral texts (kb check)',
};

const literals = await regexLiterals();

describe('regular expressions in src/', () => {
  it('finds the literals (the scan works)', () => {
    expect(literals.length).toBeGreaterThan(250);
  });

  it('every literal runs within its time budget on adversarial input', () => {
    const passed = new Set(cache.passed.literals);
    const slow = literals.flatMap(({ at, re }) => {
      const key = keyOf(re);
      if (passed.has(key)) return [];
      const f = findSlowInputConfirmed(re);
      if (!f) passed.add(key);
      return f ? [`${at} /${re.source}/${re.flags}: ${f.attack} took ${f.ms} ms`] : [];
    });
    const now = new Set(literals.map(({ re }) => keyOf(re)));
    cache.passed = { checker: CHECKER, literals: [...passed].filter((k) => now.has(k)) };
    saveCache();
    expect(slow).toEqual([]);
  }, 120_000);

  it('every pattern built at load time runs within its time budget', () => {
    for (const re of [TOKEN, STRONG_CTX, WEAK_CTX, LARGE_CTX, EXIT_STATUS_BEFORE, IPV4, PLURAL_SUFFIX, GLUED_SENTENCE, CHANGES_SYSTEM, READ_ONLY_DOUBT, PS_SC_ALIAS, FOLDED_HAN]) expect(findSlowInputConfirmed(re), re.source).toBeUndefined();
  }, 60_000);

  it('the marks of a Windows image on an engine that runs Linux containers run within their time budget', () => {
    for (const re of [WINDOWS_IMAGE, LINUX_ENGINE, WINDOWS_LAYER_IN_UNIX_PATH, UNKNOWN_BLOB, WINDOWS_PULL_ELSEWHERE, WINDOWS_IMAGE_WORDS]) expect(findSlowInputConfirmed(re), re.source).toBeUndefined();
    // A path of many folders that never reaches a Windows layer's: each start tries its bounded run of folders once.
    const long = ` /${'a/'.repeat(20_000)}Files/Program`;
    expect(WINDOWS_LAYER_IN_UNIX_PATH.test(long)).toBe(false);
  }, 60_000);

  it("pywin32's error (another program's output) runs within its time budget", () => {
    expect(findSlowInputConfirmed(PYWIN32_ERROR), PYWIN32_ERROR.source).toBeUndefined();
    // A message that never closes its quote: each start tries its bounded run once.
    expect(PYWIN32_ERROR.test(`(5, 'CreateFile', '${'x'.repeat(50_000)}`)).toBe(false);
  }, 60_000);

  it('every `new RegExp(` in src/ is accounted for', () => {
    const sites = new Set(SOURCES.filter((f) => /new RegExp\(/.test(f.text)).map((f) => f.rel));
    expect([...sites].sort()).toEqual(Object.keys(DYNAMIC_SITES).filter((s) => sites.has(s)).sort());
    for (const s of sites) expect(DYNAMIC_SITES, s).toHaveProperty([s]);
  });
});

describe('the checker is not vacuous', () => {
  // The patterns that hung wcdoctor before this fix, as they were.
  const BEFORE: [string, RegExp][] = [
    ['docker run image (exponential)', /docker(?:\.exe)?\s+run\b(?:\s+(?:--?[\w-]+(?:[ =](?!-)\S+)?))*\s+([a-z0-9][\w./:-]*)/],
    ['multiline ^\\s* (quadratic on blank lines)', /^\s*OSType:\s*(\S+)/im],
    ['compose networks (\\s*\\n\\s+)', /networks:\s*\n\s+default:\s*\n\s+(?:external|driver)\s*:/iu],
    ['service ps row', /(?:\\_\s+)?[\w-]+\.\d+\s+(\S+)\s+(\S+)\s+(?:Shutdown|Running|Ready|Rejected|Failed)/],
    ['trailing class run', /[.。\s]+$/],
    ['open gap after a repeated word', /\/v2\/\S*: unauthorized/i],
  ];
  it.each(BEFORE)('flags %s', (_name, re) => {
    expect(findSlowInput(re)).toBeDefined();
  }, 30_000);

  /**
   * The patterns of the four tests below that run findSlowInput in a child process, so that a regression fails there
   * instead of hanging the run, each case with its flags.
   */
  const CHILD_CASES = {
    // `(?:\s*\n)+` on blank lines doubles its work with each one.
    exponential: [[String.raw`networks:(?:\s*\n)+\s+default:`, '']],
    // As the child of this test read them before they were gathered here (the second through a string literal in its
    // code, whose `\.` is a plain `.`).
    negatedClass: [['failed to resolve (?:[^,]+,?)+$', 'u'], ['^(?:.?[^.]+)+$', 'u'], ['(?:[\u0400-\u04ff]+)+!', 'u']],
    longLiteral: [['windowsshim(?:[a-z]+)+$', 'i'], [String.raw`windowsshim\.interface=(?:[^\s]+\s?)+$`, 'i'], [String.raw`windowsshim(?:\p{Script=Cyrillic}+)+$`, 'iu'], [String.raw`windowsshim(?:\u03c9+)+$`, 'i'], [String.raw`(?:\p{Emoji_Presentation}+)+$`, 'iu'], [String.raw`(?:\p{Script=Greek}+)+!`, 'iu'],
      // A literal of 14 characters or more after the group: fast up to 24 pumps, then 1.9 s at 40; the jump from 24 pumps
      // to 100 characters never ended (an attacker helper).
      ['cannot be mapped (?:x+x+)+ to the container', 'i']],
    branches: [['mapped (?:zzq|(?:k+)+|qzz)$', ''], [String.raw`^[A-Za-z]:\\(?:zz|(?:[k-m]+)+|yy)$`, ''], ['x(?:b|(?:k+)+|c)y', ''], ['(?:b|(?:k+)+|c)$', ''], ['(?:x|a|a|y)*$', ''], [`(?:${'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => `${c}${c}q`).join('|')}|(?:k+)+|last)$`, ''],
      // Past the 48 branches walked in order (an attacker helper: the 61st of 101 words held a diagnosis for hours).
      [`mapped (?:${Array.from({ length: 60 }, (_, i) => `word${i}`).join('|')}|(?:x+x+)+y|${Array.from({ length: 40 }, (_, i) => `word${60 + i}`).join('|')})`, ''],
      // … and past 60 harmless branches that could backtrack too (each quantified), which come first now.
      [`mapped (?:${Array.from({ length: 60 }, (_, i) => `w${i}\\s+z`).join('|')}|(?:x+x+)+y|last)`, ''],
      // … and past 40 quantified groups that cannot backtrack (a regression tester: they outscored the nested one, and
      // the `?` of each `(?:` counted as a quantifier inside it).
      [`^(?:${Array.from({ length: 40 }, (_, i) => `(?:${String.fromCharCode(0x4e00 + 2 * i)})+(?:${String.fromCharCode(0x4e01 + 2 * i)})+j`).join('|')}|(?:x+x+)+y)`, ''],
      // 200 one-character alternatives before the nested one (a regression tester).
      [`${Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('|')}|(?:x+x+)+y`, '']],
  } as const satisfies Record<string, readonly (readonly [string, string])[]>;
  type ChildCase = keyof typeof CHILD_CASES;

  /**
   * One child process for the four cases (starting Node and tsx took about 0.4 s of CPU each time, for a child per
   * test), started by the first test that asks: it writes the lengths of the slow inputs findSlowInput finds for each
   * case's patterns (null: none) on a line of its own as soon as that case is done, and each test waits for its own
   * line as long as its own child was given. A wrong length fails only its own test; a case that hangs fails its own
   * test and, as the child never reaches them, those after it.
   */
  let child: { process: ChildProcess; lengths: Record<ChildCase, Promise<(number | null)[]>> } | undefined;
  // A child still at work (a test failed or timed out) is stopped; either way it is waited for, so that none outlives the file.
  afterAll(async () => {
    const proc = child?.process;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  });
  function startChild(): NonNullable<typeof child> {
    const code = `import { findSlowInput } from ${JSON.stringify(path.join(SRC, 'core/text/regex-safety.ts'))};
      for (const [name, patterns] of ${JSON.stringify(Object.entries(CHILD_CASES))}) {
        const found = patterns.map(([s, f]) => findSlowInput(new RegExp(s, f)));
        process.stdout.write(JSON.stringify({ name, lengths: found.map((f) => (f ? f.length : null)) }) + '\\n');
      }`;
    const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
    const settle = new Map<string, { resolve: (lengths: (number | null)[]) => void; reject: (e: Error) => void }>();
    const lengths = Object.fromEntries(
      Object.keys(CHILD_CASES).map((name) => {
        const p = new Promise<(number | null)[]>((resolve, reject) => settle.set(name, { resolve, reject }));
        p.catch(() => undefined);
        return [name, p];
      }),
    ) as Record<ChildCase, Promise<(number | null)[]>>;
    let out = '';
    let err = '';
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      for (let i = out.indexOf('\n'); i >= 0; i = out.indexOf('\n')) {
        const { name, lengths: found } = JSON.parse(out.slice(0, i)) as { name: string; lengths: (number | null)[] };
        out = out.slice(i + 1);
        settle.get(name)?.resolve(found);
        settle.delete(name);
      }
    });
    proc.stderr!.setEncoding('utf8').on('data', (d: string) => void (err += d));
    proc.on('close', (status, signal) => {
      for (const [name, s] of settle) s.reject(new Error(`the child ended (${signal ?? `status ${status}`}) before it reached ${name}: ${err}`));
    });
    return { process: proc, lengths };
  }

  /** The lengths of the slow inputs found for a case's patterns (see startChild), or a failure after `withinMs`. */
  async function slowInputLengths(name: ChildCase, withinMs: number, said: string): Promise<(number | null)[]> {
    child ??= startChild();
    let timer: NodeJS.Timeout | undefined;
    try {
      const lengths = await Promise.race([child.lengths[name], new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(said)), withinMs)))]);
      expect(lengths).toHaveLength(CHILD_CASES[name].length);
      return lengths;
    } finally {
      clearTimeout(timer);
    }
  }

  it('finds an exponential blow-up still under the budget after 24 pumps, without a jump to a size that never ends', async () => {
    // `(?:\s*\n)+` on blank lines doubles its work with each one: about 2 ms at 24, and the next size of the schedule
    // (100 characters) would never return. In the child process, so that a regression fails here instead of hanging the run.
    const [length] = await slowInputLengths('exponential', 60_000, 'the check did not end within a minute');
    expect(length).not.toBeNull();
    expect(length!).toBeLessThan(100);
  }, 70_000);

  it('steps in before a size that an exponential growth could not finish, and only then', () => {
    // 0.2 ms at 20 pumps, 2 ms at 24: the growth seen reaches twice the budget (8 ms) two pumps further.
    expect(stepBefore([[16, 0.02], [20, 0.2]], 24, 2, 100, 1, 4)).toBe(26);
    // The fastest growth seen counts: 3.8 ms at 25 and 4.1 at 26 (a stretched reading) still double from 20 on.
    expect(stepBefore([[20, 0.1], [24, 2], [25, 3.8]], 26, 4.1, 100, 1, 4)).toBe(27);
    // Linear growth: the jump to 100 stays far under the budget.
    expect(stepBefore([[20, 0.002]], 24, 0.0024, 100, 1, 4)).toBeUndefined();
    // Timings too small to say anything about growth, or nothing seen before.
    expect(stepBefore([[20, 0]], 24, 0.005, 100, 1, 4)).toBeUndefined();
    expect(stepBefore([], 4, 2, 8, 1, 4)).toBeUndefined();
    // A pump of several characters: whole pumps only, at least one.
    expect(stepBefore([[40, 0.5]], 48, 3.9, 300, 2, 4)).toBe(50);
    // A step that would not come before the next size: none.
    expect(stepBefore([[20, 0.2]], 24, 2, 25, 1, 4)).toBeUndefined();
  });

  it('ends an attack with a character a negated class leaves out, and pumps a class of characters no probe is in', async () => {
    // Found by a helper: each took 13-18 s on about 30 characters in plain Node, and kb check passed all three. In the
    // child process, so that a regression fails here instead of hanging the run.
    const lengths = await slowInputLengths('negatedClass', 60_000, 'the check did not end within a minute');
    for (const n of lengths) {
      expect(n).not.toBeNull();
      expect(n!).toBeLessThan(100);
    }
    expect(attackCandidates('x(?:[^,]+,?)+$', 'u').some((c) => c.suffix === ',,' && c.pump.length === 1)).toBe(true);
    expect(attackCandidates('(?:[\u0400-\u04ff]+)+!', 'u').some((c) => c.pump.includes('\u0400'))).toBe(true);
  }, 70_000);

  it('finds a blow-up after a long literal, over a class by script or property and over an escaped character, without hanging (found by an attacker helper: kb check passed some and never ended on others)', async () => {
    for (const n of await slowInputLengths('longLiteral', 90_000, 'the check did not end within 90 s')) {
      expect(n).not.toBeNull();
      expect(n!).toBeLessThan(100);
    }
    // The shorter pumps come first: a class's own characters before the long literal run the class also takes.
    const pumps = attackCandidates('windowsshim(?:[a-z]+)+$', 'i').map((c) => c.pump.length);
    expect(pumps).toEqual([...pumps].sort((a, b) => a - b));
  }, 100_000);

  it('walks every branch of a group, not only the first and the last: a nested quantifier in a middle branch is found (found by an attacker helper: kb check passed it, and a paste of 53 characters took over 20 s)', async () => {
    const patterns = CHILD_CASES.branches;
    (await slowInputLengths('branches', 90_000, 'the check did not end within 90 s')).forEach((n, i) => expect(n, patterns[i]![0]).not.toBeNull());
  }, 100_000);

  it('refuses a backreference, whose text the attack strings cannot hold (a regression tester: (a)\\1(?:x+x+)+y passed)', () => {
    expect(unsafePatternReason(String.raw`(a)\1(?:x+x+)+y`, '')).toMatch(/uses a backreference/);
    expect(unsafePatternReason(String.raw`(?<q>a)\k<q>b`, '')).toMatch(/uses a backreference/);
    // A class's `\1` is no backreference.
    expect(unsafePatternReason(String.raw`[\1-\3]x`, '')).toBeUndefined();
  });

  it('pumps past a negative lookaround, whose text a path would otherwise carry and the lookaround then refuse (a regression tester: ab(?!c)(?:x+x+)+y passed)', () => {
    // … and past a lookbehind, and where what the lookaround hides is adjacent quantifiers, not nested ones (a second
    // regression tester: hcsshim(?!\.dll)\s*\s*\s*failed took 1.3-4.3 s on 2,000 characters and passed).
    for (const source of ['ab(?!c)(?:x+x+)+y', '(?<!c)ab(?:x+x+)+y', 'ab(?!c|d)(?:x+x+)+y|q', 'network(?<=k)(?:x+x+)+y', 'ab(?<=b)(?:x+x+)+y']) {
      const finding = findSlowInput(new RegExp(source));
      expect(finding, source).toBeDefined();
      expect(finding!.length, source).toBeLessThan(100);
    }
    // (One round of the search each: unsafePatternReason confirms a finding twice more, which these do not need.)
    for (const source of [String.raw`hcsshim(?!\.dll)\s*\s*\s*failed`, 'ab(?<=b)x*x*x*y']) expect(findSlowInput(new RegExp(source, 'i')), source).toBeDefined();
  });

  it('tries the short pumps of every alternative that nests a quantifier, however many come first, and refuses more than it can try (a regression tester: 23 bounded decoys hid start(?:\\s*\\n)+end, 5 s on 34 characters)', () => {
    const decoys = (n: number) => Array.from({ length: n }, (_, k) => `v${k.toString(16)}(?:[a-f]{1,2}[0-9]{1,2}){1,3}z`).join('|');
    const exponential = String.raw`start(?:\s*\n)+end`;
    expect(findSlowInput(new RegExp(`${decoys(23)}|${exponential}`, 'i'))).toBeDefined();
    expect(unsafePatternReason(`${decoys(MAX_NESTING_ALTERNATIVES)}|${exponential}`, 'i')).toMatch(new RegExp(`${MAX_NESTING_ALTERNATIVES + 1} alternatives that nest a quantifier`));
    // The decoys alone are safe, and said so.
    expect(unsafePatternReason(decoys(23), 'i')).toBeUndefined();
  });

  it('refuses a group of more branches that can backtrack than it can check, rather than checking some of them', () => {
    const many = (n: number) => `mapped (?:${Array.from({ length: n }, (_, i) => `w${i}\\s+z`).join('|')})`;
    expect(unsafePatternReason(many(MAX_RISKY_BRANCHES + 1), '')).toMatch(/branches that can backtrack in one group: at most 256/);
    expect(unsafePatternReason(`(?:${Array.from({ length: 1000 }, (_, i) => `word${i}`).join('|')})`, '')).toBeUndefined();
  });

  it('pumps a quantified character on its own, not only inside the literal text around it', () => {
    // `(x+x+)+y` read as the literal text `xxy` pumps `xxy`, which matches at once; `x` alone is the attack.
    expect(attackCandidates('(x+x+)+y', '').some((c) => c.pump === 'x')).toBe(true);
    expect(findSlowInput(/(x+x+)+y/)).toBeDefined();
  });

  it('derives its attack strings from the pattern (the words it needs, the separators it repeats)', () => {
    const c = attackCandidates(String.raw`docker\s+run\b(?:\s+--?\w+)*\s+(\w+)`, '');
    expect(c.some((x) => x.pump.includes('docker') || x.prefix.includes('docker'))).toBe(true);
    expect(c.some((x) => x.pump === '\n')).toBe(true);
  });

  it('passes patterns that are linear', () => {
    for (const re of [/^[ \t]*OSType:[ \t]*(\S+)/im, /(?<![.。\s])[.。\s]+$/, /0x[0-9a-f]{8}/i, /\bhnsCall failed in Win32: [^\n]{0,300}\(0x6be\)/]) expect(findSlowInputConfirmed(re), re.source).toBeUndefined();
  });
});

describe('patterns of the knowledge', () => {
  const input = realKnowledgeInput();
  // Assembled once per run by the global setup (test/setup/knowledge-base.ts), which applies kb check's rules.
  const { kb, problems } = realKnowledgeBase();

  it('the shipped knowledge passes kb check, so every topic regex, parameter pattern and tree match is within budget', () => {
    expect(problems).toEqual([]);
    expect(kb.topics.flatMap((t) => t.signatures.regexes).length).toBeGreaterThan(40);
  });

  it('kb check refuses a topic regex that backtracks, naming the topic and the regex', () => {
    const topics = input.topics.map((f) =>
      f.file.endsWith('/compose-networks.yaml')
        ? { ...f, data: { ...(f.data as Record<string, unknown>), signatures: { ...((f.data as { signatures: object }).signatures), regexes: ['networks:(?:\\s*\\n)+\\s+default:'] } } }
        : f,
    );
    const bad = assembleKnowledgeBase({ ...input, topics }).problems;
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ file: expect.stringMatching(/compose-networks\.yaml$/), field: 'signatures.regexes[0]' });
    expect(bad[0]?.message).toContain('networks:(?:\\s*\\n)+\\s+default:');
    expect(bad[0]?.message).toMatch(/backtracks too much/);
  }, 30_000);

  const root = mkdtempSync(path.join(tmpdir(), 'wcd-regex-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('wcdoctor kb check --root exits 3 and names the file, the field and the regex', async () => {
    cpSync(path.resolve(import.meta.dirname, '../../knowledge'), path.join(root, 'knowledge'), { recursive: true });
    cpSync(path.resolve(import.meta.dirname, '../../locales'), path.join(root, 'locales'), { recursive: true });
    const file = path.join(root, 'knowledge/topics/dhcp-mac-spoofing.yaml');
    const text = readFileSync(file, 'utf8');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, text.replace("'MacAddressSpoofing\\s*(?::\\s*)?Off'", "'MacAddressSpoofing(?:\\s*:?)+\\s*Off'"));
    const r = await runCli(['kb', 'check', '--root', root]);
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).toMatch(/dhcp-mac-spoofing\.yaml.*signatures\.regexes\[1\].*MacAddressSpoofing\(\?:\\s\*:\?\)\+\\s\*Off.*backtracks too much/);
  }, 30_000);
});

describe('a busy machine is not a finding', () => {
  /** A clock that makes the first `slowCalls` readings a second apart (a machine stalled by other work), then runs fast. */
  const stalledClock = (slowCalls: number) => {
    let calls = 0;
    let t = 0;
    return () => (t += ++calls <= slowCalls ? 1000 : 0.001);
  };
  const re = /\bhnsCall failed in Win32: [^\n]{0,300}\(0x6be\)/;

  it('one slow round flags a safe pattern; the confirmed check asks every round and does not', () => {
    expect(findSlowInput(re, { now: stalledClock(12) })).toBeDefined();
    expect(findSlowInputConfirmed(re, { now: stalledClock(12) })).toBeUndefined();
  });

  it('the cheap screening clock only lets a match pass: over the budget on it, the CPU clock decides', () => {
    const slowClock = () => {
      let t = 0;
      return () => (t += 1000);
    };
    const fastClock = () => {
      let t = 0;
      return () => (t += 0.001);
    };
    // Slow on the screen, fast on the real clock: not a finding (a busy machine stretches the wall clock only).
    expect(findSlowInputConfirmed(re, { screen: slowClock(), now: fastClock() })).toBeUndefined();
    // Fast on the screen: settled there, the real clock is never asked.
    let asked = 0;
    const counted = () => ++asked;
    expect(findSlowInput(re, { screen: fastClock(), now: counted })).toBeUndefined();
    expect(asked).toBe(0);
    // Slow on both: a finding, confirmed on the real clock.
    expect(findSlowInputConfirmed(re, { screen: slowClock(), now: slowClock() })).toBeDefined();
  });

  it('a pattern slow in every round is still a finding', () => {
    expect(findSlowInputConfirmed(re, { now: stalledClock(Number.POSITIVE_INFINITY) })).toBeDefined();
  });
});

describe('the clock the checker times patterns with', () => {
  it("is the thread's CPU time on Linux: time the thread spends waiting (a busy machine) does not count", () => {
    const fake = { process: { platform: 'linux', threadCpuUsage: () => ({ user: 1500, system: 500 }) } };
    expect(defaultClock(fake)()).toBe(2);
    expect(defaultClock({ process: { platform: 'win32', threadCpuUsage: () => ({ user: 1500, system: 500 }) } })()).not.toBe(2);
    // Node 22 before 22.19 cannot ask for a thread's CPU time: the wall clock then.
    if (process.platform !== 'linux' || typeof (process as { threadCpuUsage?: unknown }).threadCpuUsage !== 'function') return;
    const clock = defaultClock();
    const cell = new Int32Array(new SharedArrayBuffer(4));
    // Blocked for 30 ms without running: the wall clock moves, the CPU clock hardly does. A garbage collection of
    // this worker's heap can still land between the two readings (hundreds of MB late in a run, more than 10 ms of
    // CPU), so up to five tries: a clock that counted waiting would read 25 ms or more on every one of them.
    const tries: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 5 && !tries.some((t) => t.cpu < 10); i++) {
      const t0 = clock();
      const w0 = performance.now();
      Atomics.wait(cell, 0, 0, 30);
      tries.push({ wall: performance.now() - w0, cpu: clock() - t0 });
    }
    for (const t of tries) expect(t.wall).toBeGreaterThanOrEqual(25);
    expect(Math.min(...tries.map((t) => t.cpu))).toBeLessThan(10);
  });

  it('still finds a backtracking pattern by its CPU time', () => {
    expect(findSlowInput(/^(a+)+$/)).toBeDefined();
  });
});

describe('a reading near the budget within the pumped sizes', () => {
  // A clock that reads the same for every match: the growth seen is none, so only the rule under test can make the
  // checker go on one pump at a time instead of jumping from 24 pumps to 100 characters.
  const calls = (ms: number) => {
    let n = 0;
    let t = 0;
    const now = () => {
      n++;
      t += n % 2 ? 0 : ms;
      return t;
    };
    expect(findSlowInput(/^ab+c$/, { now, screen: now })).toBeUndefined();
    return n;
  };
  it('goes on one pump at a time (0.6 ms is over an eighth of the 4 ms budget), and not below it', () => {
    const near = calls(0.6);
    const far = calls(0.1);
    // From 24 pumps to twice that, a pump at a time: at least 20 more matches timed for every candidate pump.
    expect(near - far).toBeGreaterThan(40);
  });
});
