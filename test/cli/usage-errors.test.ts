import { Command, CommanderError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { langOfArgv, usageLocale } from '../../src/cli/lang.js';
import { usageErrorText } from '../../src/cli/usage-errors.js';
import { runCli } from '../helpers/cli-io.js';
import { tFor } from '../helpers/i18n.js';

// Commander's own errors (an unknown option or command, a value or an argument missing, too many arguments, a value
// not allowed) are said in the user's language, as everything else the CLI prints, with exit 2 on stderr.

const ERRORS = {
  en: {
    unknownOption: "wcdoctor: unknown option '--bogus'\n(run \"wcdoctor --help\" for usage)\n",
    didYouMean: "wcdoctor: unknown option '--lnag'\n(Did you mean --lang?)\n(run \"wcdoctor --help\" for usage)\n",
    optionValue: "wcdoctor diagnose: option '--limit <n>' argument missing\n(run \"wcdoctor diagnose --help\" for usage)\n",
    missingArgument: "wcdoctor explain: missing required argument 'code'\n(run \"wcdoctor explain --help\" for usage)\n",
    excessArguments: "wcdoctor docs: too many arguments for 'docs'. Expected 1 argument but got 3.\n(run \"wcdoctor docs --help\" for usage)\n",
    unknownCommand: "wcdoctor: unknown command 'nosuchcommand'\n(run \"wcdoctor --help\" for usage)\n",
  },
  'zh-CN': {
    unknownOption: "wcdoctor: 未知选项 '--bogus'\n（运行 \"wcdoctor --help\" 查看用法）\n",
    didYouMean: "wcdoctor: 未知选项 '--lnag'\n（您要找的可能是 --lang）\n（运行 \"wcdoctor --help\" 查看用法）\n",
    optionValue: "wcdoctor diagnose: 选项 '--limit <n>' 缺少值\n（运行 \"wcdoctor diagnose --help\" 查看用法）\n",
    missingArgument: "wcdoctor explain: 缺少必需的参数 'code'\n（运行 \"wcdoctor explain --help\" 查看用法）\n",
    excessArguments: "wcdoctor docs: 'docs' 的参数过多：应为 1 个，实际为 3 个。\n（运行 \"wcdoctor docs --help\" 查看用法）\n",
    unknownCommand: "wcdoctor: 未知命令 'nosuchcommand'\n（运行 \"wcdoctor --help\" 查看用法）\n",
  },
  'ko-KR': {
    unknownOption: "wcdoctor: 알 수 없는 옵션 '--bogus'\n(사용법은 \"wcdoctor --help\"로 볼 수 있습니다)\n",
    didYouMean: "wcdoctor: 알 수 없는 옵션 '--lnag'\n(혹시 --lang인가요?)\n(사용법은 \"wcdoctor --help\"로 볼 수 있습니다)\n",
    optionValue: "wcdoctor diagnose: 옵션 '--limit <n>'에 값이 없습니다\n(사용법은 \"wcdoctor diagnose --help\"로 볼 수 있습니다)\n",
    missingArgument: "wcdoctor explain: 필수 인수 'code'이(가) 없습니다\n(사용법은 \"wcdoctor explain --help\"로 볼 수 있습니다)\n",
    excessArguments: "wcdoctor docs: 'docs'의 인수가 너무 많습니다. 1개여야 하는데 3개가 주어졌습니다.\n(사용법은 \"wcdoctor docs --help\"로 볼 수 있습니다)\n",
    unknownCommand: "wcdoctor: 알 수 없는 명령 'nosuchcommand'\n(사용법은 \"wcdoctor --help\"로 볼 수 있습니다)\n",
  },
  'sv-SE': {
    unknownOption: "wcdoctor: okänd flagga '--bogus'\n(kör \"wcdoctor --help\" för att se hur kommandot används)\n",
    didYouMean: "wcdoctor: okänd flagga '--lnag'\n(Menade du --lang?)\n(kör \"wcdoctor --help\" för att se hur kommandot används)\n",
    optionValue: "wcdoctor diagnose: flaggan '--limit <n>' saknar värde\n(kör \"wcdoctor diagnose --help\" för att se hur kommandot används)\n",
    missingArgument: "wcdoctor explain: det obligatoriska argumentet 'code' saknas\n(kör \"wcdoctor explain --help\" för att se hur kommandot används)\n",
    excessArguments: "wcdoctor docs: för många argument till 'docs': 1 förväntades men 3 angavs.\n(kör \"wcdoctor docs --help\" för att se hur kommandot används)\n",
    unknownCommand: "wcdoctor: okänt kommando 'nosuchcommand'\n(kör \"wcdoctor --help\" för att se hur kommandot används)\n",
  },
} as const;

const CASES: [keyof (typeof ERRORS)['en'], string[]][] = [
  ['unknownOption', ['--bogus']],
  ['didYouMean', ['--lnag']],
  ['optionValue', ['diagnose', '--limit']],
  ['missingArgument', ['explain']],
  ['excessArguments', ['docs', 'a', 'b', 'c']],
  ['unknownCommand', ['nosuchcommand']],
];

describe.each(Object.keys(ERRORS) as (keyof typeof ERRORS)[])("commander's errors in %s", (lang) => {
  it.each(CASES)('%s, with --lang: the error in the language, on stderr, exit 2', async (kind, args) => {
    const r = await runCli(['--lang', lang, ...args]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: ERRORS[lang][kind] });
  });

  it.each(CASES)('%s, with the environment\'s language and no --lang', async (kind, args) => {
    const r = await runCli(args, { env: lang === 'en' ? {} : { LANG: `${lang.replace('-', '_')}.UTF-8` } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: ERRORS[lang][kind] });
  });
});

describe("the language of commander's errors", () => {
  it('is the last --lang, in either form, wherever it stands on the line (but not after --)', async () => {
    expect((await runCli(['--bogus', '--lang=ko-KR'])).stderr).toBe(ERRORS['ko-KR'].unknownOption);
    expect((await runCli(['--lang', 'zh-CN', 'docs', 'a', 'b', 'c', '--lang', 'sv-SE'])).stderr).toBe(ERRORS['sv-SE'].excessArguments);
    expect(langOfArgv(['--lang', 'sv', '--', '--lang', 'ko'])).toBe('sv');
    expect(langOfArgv(['--lang'])).toBeUndefined();
    // A --lang at the end without its value leaves the earlier one (found by a reviewer).
    expect(langOfArgv(['--lang', 'zh-CN', 'diagnose', '--lang'])).toBe('zh-CN');
  });

  it('falls back to the environment, then English, when --lang names no language wcdoctor knows (or has no value)', async () => {
    expect((await runCli(['--lang', 'xx', '--bogus'], { env: { LANG: 'sv_SE.UTF-8' } })).stderr).toBe(ERRORS['sv-SE'].unknownOption);
    expect((await runCli(['--lang', 'xx', '--bogus'])).stderr).toBe(ERRORS.en.unknownOption);
    const missing = await runCli(['--lang'], { env: { LANG: 'ko_KR.UTF-8' } });
    expect(missing).toEqual({ code: 2, stdout: '', stderr: "wcdoctor: 옵션 '--lang <locale>'에 값이 없습니다\n(사용법은 \"wcdoctor --help\"로 볼 수 있습니다)\n" });
    expect(usageLocale('zh_CN.UTF-8', {})).toBe('zh-CN');
    expect(usageLocale(undefined, {})).toBe('en');
  });

  it('an unknown command near a real one is named with it, in the language, as under a subcommand (found by a reviewer: one-letter typos got no suggestion)', async () => {
    const r = await runCli(['--lang', 'sv-SE', 'diagnse']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "wcdoctor: okänt kommando 'diagnse'\n(Menade du diagnose?)\n(kör \"wcdoctor --help\" för att se hur kommandot används)\n" });
    for (const [typo, command] of [['chek', 'check'], ['explian', 'explain'], ['netwrok', 'network'], ['comapt', 'compat'], ['fxi', 'fix'], ['kbb', 'kb']] as const)
      expect((await runCli([typo])).stderr, typo).toBe(`wcdoctor: unknown command '${typo}'\n(Did you mean ${command}?)\n(run "wcdoctor --help" for usage)\n`);
  });

  it('diagnose\'s options before another command word are that command\'s, in the wrong place: unknown option, not "an option of diagnose" (a regression tester)', async () => {
    for (const args of [['--json', 'docs', 'hyperv-container-default-memory'], ['--limit', '3', 'history'], ['--json', 'explain', '5']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(`unknown option '${args[0]}'`);
      expect(r.stderr, args.join(' ')).not.toContain('diagnose');
    }
  });

  it('network plan and network explain refuse words they do not take (a regression tester: a subnet typed without --subnet gave a plan without it, exit 0)', async () => {
    const plan = await runCli(['network', 'plan', 'n1', '--driver', 'nat', '172.20.0.0/16']);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain("too many arguments for 'plan'");
    const explain = await runCli(['network', 'explain', 'nat', 'l2bridge']);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toContain("too many arguments for 'explain'");
  });

  it("a word that names a property every object has (constructor, toString, __proto__) is an unknown command, not an internal error (an attacker helper: exit 70)", async () => {
    for (const word of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])
      for (const args of [[word], ['--lang', 'en', word]]) {
        const r = await runCli(args);
        expect(r.code, word).toBe(2);
        expect(r.stderr, word).toContain(`unknown command '${word}'`);
      }
  });

  it('a misspelt command followed by options is named as the unknown command; a --lang that names no language is refused with no command too (found by a helper)', async () => {
    expect(await runCli(['diagnos', '--json', 'x'])).toEqual({ code: 2, stdout: '', stderr: "wcdoctor: unknown command 'diagnos'\n(Did you mean diagnose?)\n(run \"wcdoctor --help\" for usage)\n" });
    expect(await runCli(['--lang', 'sv-SE', 'chekc', '--from', 'x.json'])).toEqual({ code: 2, stdout: '', stderr: "wcdoctor: okänt kommando 'chekc'\n(Menade du check?)\n(kör \"wcdoctor --help\" för att se hur kommandot används)\n" });
    expect((await runCli(['--lnag', 'x'])).stderr).toBe("wcdoctor: unknown option '--lnag'\n(Did you mean --lang?)\n(run \"wcdoctor --help\" for usage)\n");
    for (const lang of ['xx', '']) {
      const r = await runCli(['--lang', lang]);
      expect(r.code, lang).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('is not a language wcdoctor knows');
    }
  });

  it("a --lang that names no language is refused in the environment's language (found by a tester: it was English whatever LANG said)", async () => {
    expect(await runCli(['--lang', 'xx'], { env: { LANG: 'sv_SE.UTF-8' } })).toEqual({ code: 2, stdout: '', stderr: 'wcdoctor: --lang: "xx" är inget språk som wcdoctor kan\n  → använd något av: en, zh-CN, ko-KR, sv-SE\n' });
    expect((await runCli(['diagnose', '--lang', 'fr', '0x5b4'], { env: { LANG: 'ko_KR.UTF-8' } })).stderr).toBe('wcdoctor diagnose: --lang: "fr"은(는) wcdoctor가 아는 언어가 아닙니다\n  → 다음 중 하나를 사용하세요: en, zh-CN, ko-KR, sv-SE\n');
    expect((await runCli(['docs', 'nat-static-mapping-conflict', '--lang', 'xx'], { env: { LANG: 'zh_CN.UTF-8' } })).stderr).toMatch(/^wcdoctor docs: --lang：wcdoctor 不认识语言“xx”\n/);
    expect((await runCli(['check', '--from', 'x.json', '--lang', 'xx'], { env: { LANG: 'C' } })).stderr).toBe('wcdoctor check: --lang: "xx" is not a language wcdoctor knows\n  → use one of: en, zh-CN, ko-KR, sv-SE\n');
  });

  it("a subcommand's unknown command gets commander's suggestion in the language", async () => {
    const r = await runCli(['--lang', 'ko-KR', 'kb', 'biuld']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "wcdoctor kb: 알 수 없는 명령 'biuld'\n(혹시 build인가요?)\n(사용법은 \"wcdoctor kb --help\"로 볼 수 있습니다)\n" });
    // The hint names the help of the command that refused the line, which lists its options (found by a helper).
    expect((await runCli(['fix', '--bogus'])).stderr).toBe("wcdoctor fix: unknown option '--bogus'\n(run \"wcdoctor fix --help\" for usage)\n");
  });

  it('an option typed with control characters, a line feed or 100,000 characters is repeated cut and visible, on one line', async () => {
    const esc = await runCli(['--lang', 'zh-CN', '--x\n\u001b]0;pwned\u0007\u009b2J']);
    expect(esc.stderr).toBe("wcdoctor: 未知选项 '--x␊␛]0;pwned␇\\x9b2J'\n（运行 \"wcdoctor --help\" 查看用法）\n");
    const long = await runCli(['--lang', 'sv-SE', `--${'y'.repeat(100_000)}`]);
    expect(long.stderr).toBe(`wcdoctor: okänd flagga '--${'y'.repeat(58)}…'\n(kör "wcdoctor --help" för att se hur kommandot används)\n`);
    const word = await runCli(['--lang', 'ko-KR', 'x\n\u001b[30;40mhidden']);
    expect(word.stderr).toBe("wcdoctor: 알 수 없는 명령 'x␊␛[30;40mhidden'\n(사용법은 \"wcdoctor --help\"로 볼 수 있습니다)\n");
  });
});

/** The CommanderError a small program throws for `args` (commander's own words, as our program gets them). */
function commanderError(build: (program: Command) => void, args: string[]): CommanderError {
  const program = new Command('wcdoctor').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
  build(program);
  try {
    program.parse(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e;
    throw e;
  }
  throw new Error(`no error for ${args.join(' ')}`);
}

describe('--help after a word that names no command', () => {
  it('is refused as that unknown command, with the nearest name, instead of printing the whole help with exit 0 (found by a tester)', async () => {
    expect(await runCli(['topic', '--help'])).toEqual({ code: 2, stdout: '', stderr: "wcdoctor: unknown command 'topic'\n(run \"wcdoctor --help\" for usage)\n" });
    const r = await runCli(['--lang', 'sv-SE', 'diagnse', '-h']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(Menade du diagnose?)');
    // --version after such a word, and a word that names none of a command's own commands (found by a regression tester).
    expect((await runCli(['bogus', '-V'])).code).toBe(2);
    const kb = await runCli(['kb', 'bogus', '--help']);
    expect(kb).toMatchObject({ code: 2, stdout: '' });
    expect(kb.stderr).toMatch(/^wcdoctor kb: unknown command 'bogus'/);
    expect((await runCli(['network', 'bogus', '--help'])).code).toBe(2);
    expect((await runCli(['kb', 'build', '--help'])).stdout).toMatch(/^Usage: wcdoctor kb build/);
    // A command's own help, and the help alone, are as before.
    expect((await runCli(['docs', '--help'])).stdout).toMatch(/^Usage: wcdoctor docs/);
    expect((await runCli(['--help'])).code).toBe(0);
  });
});

describe('usageErrorText', () => {
  const withChoices = (p: Command) => {
    p.command('pick').addOption(new Option('--mode <m>', 'mode').choices(['fast', 'safe'])).argument('[size]').action(() => undefined);
    p.command('take').addArgument(new Command().createArgument('<kind>', 'kind').choices(['a', 'b'])).action(() => undefined);
    p.command('need').requiredOption('--name <n>', 'name').action(() => undefined);
  };

  it.each([
    ['en', ['pick', '--mode', 'slow'], "wcdoctor: option '--mode <m>' argument 'slow' is invalid.\nAllowed choices are fast, safe."],
    ['sv-SE', ['pick', '--mode', 'slow'], "wcdoctor: värdet 'slow' för flaggan '--mode <m>' är ogiltigt.\nTillåtna värden är fast, safe."],
    ['zh-CN', ['take', 'c'], "wcdoctor: 参数 'kind' 的值 'c' 无效。\n可选的值：a, b。"],
    ['ko-KR', ['take', 'c'], "wcdoctor: 인수 'kind'의 값 'c'이(가) 올바르지 않습니다.\n사용할 수 있는 값: a, b."],
    ['ko-KR', ['need'], "wcdoctor: 필수 옵션 '--name <n>'이(가) 지정되지 않았습니다"],
    ['sv-SE', ['pick', 'x', 'y'], "wcdoctor: för många argument till 'pick': 1 förväntades men 2 angavs."],
    ['en', ['need', '--name', 'n', 'x'], "wcdoctor: too many arguments for 'need'. Expected 0 arguments but got 1."],
  ] as const)('%s %j: an invalid value (its choices on a line of their own), a missing mandatory option, too many arguments', (lang, args, first) => {
    const text = usageErrorText(tFor(lang), commanderError(withChoices, [...args]));
    expect(text).toBe(`${first}\n${tFor(lang)('cli.usage.help', { command: 'wcdoctor' })}\n`);
  });

  it("a value with commander's own words in it is still read whole (the flags and names are ours, the value the user's)", () => {
    const e = commanderError(withChoices, ['pick', '--mode', "x' is invalid. y"]);
    expect(usageErrorText(tFor('sv-SE'), e).split('\n').slice(0, 2)).toEqual(["wcdoctor: värdet 'x' is invalid. y' för flaggan '--mode <m>' är ogiltigt.", 'Tillåtna värden är fast, safe.']);
  });

  it('commander\'s "one of" suggestion is kept in the language; a look-alike typed inside an option is not taken for one', () => {
    const two = commanderError((p) => p.option('--alpha').option('--alphb'), ['--alphc']);
    expect(usageErrorText(tFor('zh-CN'), two).split('\n').slice(0, 2)).toEqual(["wcdoctor: 未知选项 '--alphc'", '（您要找的可能是其中之一：--alpha, --alphb）']);
    const sly = commanderError((p) => p.option('--lang <l>'), ['--q\n(Did you mean --rm?)']);
    expect(usageErrorText(tFor('en'), sly)).toBe("wcdoctor: unknown option '--q␊(Did you mean --rm?)'\n(run \"wcdoctor --help\" for usage)\n");
  });

  it('a message of a shape it does not know is printed as commander wrote it, the hint in the language', () => {
    expect(usageErrorText(tFor('ko-KR'), { code: 'commander.conflictingOption', message: "error: option '--a' cannot be used with option '--b'" })).toBe(
      "wcdoctor: option '--a' cannot be used with option '--b'\n(사용법은 \"wcdoctor --help\"로 볼 수 있습니다)\n",
    );
    expect(usageErrorText(tFor('sv-SE'), { code: 'commander.unknownOption', message: 'something else' })).toBe('wcdoctor: something else\n(kör "wcdoctor --help" för att se hur kommandot används)\n');
  });
});

describe('-v at the top', () => {
  it('suggests -V, how wcdoctor spells it (a new-user helper), and only for the program, which has -V', async () => {
    const top = await runCli(['-v']);
    expect(top.code).toBe(2);
    expect(top.stderr).toContain('(Did you mean -V?)');
    expect((await runCli(['docs', '-v'])).stderr).not.toContain('Did you mean');
  });
});

describe("diagnose's options without the command word (found by a new-user helper: `wcdoctor --limit -1` was an unknown option)", () => {
  const bad = (value: string) => `wcdoctor: ${tFor('en')('diagnose.cli.badLimit', { value })}\n`;

  it.each([
    [['--limit', '-1'], '-1'],
    [['--limit', '0'], '0'],
    [['--limit=x'], 'x'],
    [['--json', '--limit', '-3'], '-3'],
  ])('%j: says the bad --limit as diagnose says it, in a terminal or not', async (argv, value) => {
    for (const tty of [false, true]) {
      const r = await runCli(argv, { tty });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(bad(value));
      expect(r.stdout).toBe('');
    }
    expect((await runCli(['diagnose', ...argv, 'x'])).stderr).toBe(bad(value).replace('wcdoctor:', 'wcdoctor diagnose:'));
  });

  it('says a good one belongs to diagnose where there is nothing to read, with the command to type', async () => {
    const t = tFor('en');
    const r = await runCli(['--limit', '3'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`wcdoctor: ${t('diagnose.cli.optionOfDiagnose', { option: '--limit 3' })}\n  → ${t('diagnose.cli.nothingPipe')}\n`);
    expect((await runCli(['--json'], { tty: true })).stderr).toContain(t('diagnose.cli.optionOfDiagnose', { option: '--json' }));
    expect((await runCli(['--limit', '5', '0x800705B4'])).stderr).toContain('wcdoctor diagnose --limit 5 "TEXT"');
  });

  it('in the language of the run', async () => {
    const r = await runCli(['--lang', 'sv-SE', '--limit', '-1'], { tty: true });
    expect(r.stderr).toBe(`wcdoctor: ${tFor('sv-SE')('diagnose.cli.badLimit', { value: '-1' })}\n`);
  });

  it('leaves any other option unknown', async () => {
    expect((await runCli(['--bogus', '--limit', '3'])).stderr).toBe(ERRORS.en.unknownOption);
  });
});
