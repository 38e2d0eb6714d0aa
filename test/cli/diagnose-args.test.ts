import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMIT, diagnoseArgsOf, plainDiagnosis, type DiagnoseArgs } from '../../src/cli/diagnose-args.js';
import type { CliIO } from '../../src/cli/io.js';
import { fakeIO } from '../helpers/cli-io.js';

const built = existsSync(fileURLToPath(new URL('../../dist/kb.json', import.meta.url)));
if (!built) console.warn('test/cli/diagnose-args.test.ts: dist/ is not built (npm run build); the comparison with commander is skipped');

const args = (over: Partial<DiagnoseArgs>): DiagnoseArgs => ({ words: [], json: false, limit: '5', noColor: false, ...over });

describe('a plain diagnose command line, read without commander (diagnoseArgsOf)', () => {
  it.each<[string[], DiagnoseArgs]>([
    [['diagnose', '0x800705B4'], args({ words: ['0x800705B4'] })],
    [['diagnose', '--json', '0x800705B4'], args({ words: ['0x800705B4'], json: true })],
    [['diagnose', 'Element', '--json', 'not', 'found'], args({ words: ['Element', 'not', 'found'], json: true })],
    [['--lang', 'ko-KR', 'diagnose', 'x'], args({ words: ['x'], lang: 'ko-KR' })],
    [['--lang=sv-SE', '--no-color', 'diagnose', 'x'], args({ words: ['x'], lang: 'sv-SE', noColor: true })],
    [['diagnose', '--limit', '2', '--lang', 'zh-CN', 'x'], args({ words: ['x'], limit: '2', lang: 'zh-CN' })],
    [['diagnose', '--limit=', 'x', '--limit=7'], args({ words: ['x'], limit: '7' })],
    [['--lang', 'en', 'diagnose', '--lang', 'ko-KR', 'x'], args({ words: ['x'], lang: 'ko-KR' })],
    [['diagnose', '-'], args({ words: ['-'] })],
    [['diagnose', '-', 'x', ''], args({ words: ['-', 'x', ''] })],
    [['diagnose', 'diagnose', 'help'], args({ words: ['diagnose', 'help'] })],
    [['--lang', 'diagnose', 'diagnose'], args({ lang: 'diagnose' })],
    [['diagnose'], args({})],
  ])('%j', (argv, expected) => {
    expect(diagnoseArgsOf(argv)).toEqual(expected);
  });

  it.each([
    [[]],
    [['--version']],
    [['--help']],
    [['explain', '0x800705B4']],
    [['x', 'diagnose']],
    [['--json', 'diagnose', 'x']],
    [['-', 'diagnose']],
    [['diagnose', '--help']],
    [['diagnose', '-h', 'x']],
    [['diagnose', '-V']],
    [['diagnose', '--', '--json']],
    [['diagnose', '--jsn', 'x']],
    [['diagnose', '--json=1', 'x']],
    [['diagnose', '--color', 'x']],
    [['diagnose', '--limit']],
    [['diagnose', '--limit', '-1', 'x']],
    [['diagnose', '--limit', '--json', 'x']],
    [['--lang']],
    [['--lang', '--json', 'diagnose', 'x']],
    [['diagnose', 'x', '--lang']],
    [['diagnose', '-2147023436']],
    [['diagnose', '-x']],
  ])('leaves %j to commander', (argv) => {
    expect(diagnoseArgsOf(argv)).toBeUndefined();
  });

  it("takes diagnose's own options without the command word for text on standard input (a new-user helper: `echo 0x800705B4 | wcdoctor --json` was an unknown option)", () => {
    expect(diagnoseArgsOf(['--json'])).toEqual({ words: [], json: true, limit: DEFAULT_LIMIT, noColor: false });
    expect(diagnoseArgsOf(['--lang', 'sv-SE', '--limit', '2', '--json'])).toEqual({ words: [], json: true, limit: '2', lang: 'sv-SE', noColor: false });
    expect(plainDiagnosis(['--json'], false)).toBeDefined();
    // In a terminal there is nothing to read: commander's path says what is wrong. With text, or before the command
    // word, the options are the program's, which has none.
    expect(plainDiagnosis(['--json'], true)).toBeUndefined();
    expect(diagnoseArgsOf(['--json', 'x'])).toBeUndefined();
    expect(diagnoseArgsOf(['--json', 'diagnose', 'x'])).toBeUndefined();
    expect(diagnoseArgsOf(['--no-color'])).toBeUndefined();
    // `-` says standard input beside them (a regression tester: an unknown option).
    expect(diagnoseArgsOf(['--json', '-'])).toEqual({ words: ['-'], json: true, limit: DEFAULT_LIMIT, noColor: false });
    expect(diagnoseArgsOf(['-', '--json'])).toBeUndefined();
  });
});

// Colour on, whatever runs the tests: --no-color and NO_COLOR must make a difference to compare.
process.env.FORCE_COLOR = '3';
// marked-terminal colours through chalk, which reads the environment once, when it is first imported: in a
// worker that ran another file first (vitest keeps modules between files) that was before the line above.
let chalkLevel: number | undefined;
beforeAll(async () => {
  const chalk = (await import('chalk')).default;
  chalkLevel = chalk.level;
  chalk.level = 3;
});
afterAll(async () => {
  if (chalkLevel !== undefined) (await import('chalk')).default.level = chalkLevel as 0 | 1 | 2 | 3;
});

describe.skipIf(!built)('a plain diagnose command line gives what commander gives', { timeout: 60000 }, () => {
  /**
   * The CLI's run() twice, each with modules of its own: as it is, and with the reading above turned off (commander reads
   * every command line). Imported once for the cases below (each import of src/cli/main.js evaluates its modules again).
   */
  type Run = (argv: string[], io: CliIO) => Promise<number>;
  let fast: { run: Run };
  let viaCommander: { run: Run };
  beforeAll(async () => {
    vi.resetModules();
    fast = await import('../../src/cli/main.js');
    vi.resetModules();
    vi.doMock('../../src/cli/diagnose-args.js', async (original) => ({ ...(await original<object>()), diagnoseArgsOf: () => undefined }));
    viaCommander = await import('../../src/cli/main.js');
    vi.doUnmock('../../src/cli/diagnose-args.js');
    vi.resetModules();
  });
  /** Runs argv through both. */
  async function both(argv: string[], opts: Parameters<typeof fakeIO>[0]) {
    const go = async (run: (argv: string[], io: CliIO) => Promise<number>) => {
      const f = fakeIO(opts);
      const code = await run(argv, f.io);
      return { code, stdout: f.stdout(), stderr: f.stderr() };
    };
    return [await go(fast.run), await go(viaCommander.run)] as const;
  }

  const paste = 'Start-Container : failed to start: This operation returned because the timeout period expired. (0x800705B4).';
  it.each<[string, string[], Parameters<typeof fakeIO>[0]]>([
    ['a code, JSON', ['diagnose', '--json', '0x800705B4'], {}],
    ['a code, for people', ['diagnose', '0x800705B4'], {}],
    ['a code in a terminal (rendered, coloured)', ['diagnose', paste], { tty: true }],
    ['--no-color in a terminal', ['--no-color', 'diagnose', paste], { tty: true }],
    ['NO_COLOR in a terminal', ['diagnose', paste], { tty: true, env: { NO_COLOR: '1' } }],
    ['words in Korean', ['--lang', 'ko-KR', 'diagnose', '요소를', '찾을', '수', '없습니다'], {}],
    ['options after the text', ['diagnose', 'Element', 'not', 'found', '--lang', 'zh-CN', '--limit', '1'], {}],
    ['the language from the environment', ['diagnose', 'Element not found'], { env: { LANG: 'sv_SE.UTF-8' } }],
    ['--limit=N', ['diagnose', '--limit=2', '--json', 'hcsshim::CreateComputeSystem failed'], {}],
    ['- reads standard input', ['diagnose', '-'], { stdin: paste }],
    ['no text, a pipe', ['diagnose', '--json'], { stdin: paste }],
    ['no text, an empty pipe', ['diagnose'], { stdin: '' }],
    ['empty text', ['diagnose', ''], {}],
    ['blank text', ['diagnose', '  ', '\t'], {}],
    ['no match', ['diagnose', 'npm ERR! code ERESOLVE'], {}],
    ['a Linux paste', ['diagnose', 'OCI runtime create failed: runc create failed: unable to start container process'], {}],
    ['a --limit of 0', ['diagnose', '--limit', '0', 'x'], {}],
    ['a --limit that is no number', ['diagnose', '--limit=abc', 'x'], {}],
    ['an empty --limit=', ['diagnose', '--limit=', 'x'], {}],
    ['an unknown --lang', ['diagnose', '--lang', 'xx', 'x'], {}],
    ['an empty --lang=', ['--lang=', 'diagnose', 'x'], {}],
    ['"help" as text', ['diagnose', 'help'], {}],
    ['control characters in the text', ['diagnose', 'Element \u001b]0;title\u0007 not found \u009b'], {}],
  ])('%s', async (_what, argv, opts) => {
    expect(diagnoseArgsOf(argv)).toBeDefined();
    const [fast, commander] = await both(argv, opts);
    expect(fast).toEqual(commander);
    expect(fast.stderr).not.toContain('internal error');
    if (opts?.tty) expect(fast.stdout.includes('\u001b[')).toBe(!argv.includes('--no-color') && !opts.env?.NO_COLOR);
  });
});
