import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { afterHelpKey, argumentHelpKey, commandHelpKey, localizeHelp, optionHelpKey } from '../../src/cli/help.js';
import { HELP_KEYS } from '../../src/cli/help-keys.js';
import { commandPathOf } from '../../src/cli/help-text.js';
import { buildProgram } from '../../src/cli/program.js';
import { displayWidth } from '../../src/core/text/display-width.js';
import { LOCALES, type Locale } from '../../src/core/knowledge/types.js';
import type { MessageKey } from '../../src/ui/i18n.js';
import { CATALOGS, tFor } from '../helpers/i18n.js';
import { fakeIO, runCli } from '../helpers/cli-io.js';

// `--help`, `wcdoctor CMD --help` and the help commander prints for a command that only groups others speak the
// language a usage error speaks (--lang, else the environment); English is commander's own help, byte for byte
// (test/cli/help-english.test.ts).

interface HelpText {
  key: string;
  english: string;
  what: string;
}

/** The block a command prints after its help (addHelpText 'after'), as the help would print it; '' when none. */
function afterText(cmd: Command): string {
  let text = '';
  (cmd as unknown as NodeJS.EventEmitter).emit('afterHelp', { error: false, command: cmd, write: (s: string) => void (text += s) });
  return text;
}

/** Every text for people the help of `cmd` and its subcommands shows, with its key and its English words. */
function helpTexts(cmd: Command): HelpText[] {
  const help = cmd.createHelp();
  const path = commandPathOf(cmd);
  const texts: HelpText[] = [{ key: commandHelpKey(cmd), english: cmd.description(), what: `command ${path}` }];
  for (const a of help.visibleArguments(cmd)) texts.push({ key: argumentHelpKey(cmd, a), english: a.description, what: `argument ${a.name()} of ${path}` });
  for (const o of help.visibleOptions(cmd)) texts.push({ key: optionHelpKey(cmd, o), english: o.description, what: `option ${o.flags} of ${path}` });
  const after = afterText(cmd);
  // afterHelp writes a blank line, the text, and the line end commander adds.
  if (after) texts.push({ key: afterHelpKey(cmd), english: after.slice(1, -1), what: `the text after the help of ${path}` });
  for (const sub of help.visibleCommands(cmd)) {
    if (sub.name() === 'help') texts.push({ key: commandHelpKey(sub), english: sub.description(), what: `${path}'s help command` });
    else texts.push(...helpTexts(sub));
  }
  return texts;
}

/** The texts whose key the help would not find in a catalogue or whose English the catalogue has otherwise: "what: key". */
function untranslated(texts: readonly HelpText[]): string[] {
  return texts
    .filter(({ key, english }) => !HELP_KEYS.has(key) || LOCALES.some((l) => CATALOGS[l][key] === undefined) || CATALOGS.en[key] !== english)
    .map(({ key, what }) => `${what}: ${key}`);
}

const realProgram = () => buildProgram(fakeIO().io, []);

describe('every text of the help has a translation', () => {
  it('in every language, for every command, argument and option of the real program, the English as the command has it', async () => {
    const texts = helpTexts(await realProgram());
    expect(texts.length).toBeGreaterThan(80);
    expect(untranslated(texts)).toEqual([]);
    // …and no key is left over from a command or an option that is gone.
    expect([...HELP_KEYS].filter((k) => !texts.some((t) => t.key === k))).toEqual([]);
  });

  it('fails for an option or a command registered without one', async () => {
    const program = await realProgram();
    program.commands.find((c) => c.name() === 'fix')?.option('--brand-new', 'a new option');
    program.command('newcmd').description('a new command').argument('<thing>', 'a new argument');
    expect(untranslated(helpTexts(program))).toEqual(['option --brand-new of fix: help.fix.opt.brand-new', 'command newcmd: help.cmd.newcmd', 'argument thing of newcmd: help.newcmd.arg.thing']);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s: the example commands after a help are the English ones, and its prose fits 80 columns', async (locale) => {
    for (const { key } of helpTexts(await realProgram()).filter((t) => t.key.endsWith('.after'))) {
      const lines = (CATALOGS[locale][key] ?? '').split('\n');
      const examples = (text: string) => text.split('\n').filter((l) => l.startsWith('  '));
      expect(examples(CATALOGS[locale][key] ?? ''), key).toEqual(examples(CATALOGS.en[key] ?? ''));
      for (const line of lines.filter((l) => !l.startsWith('  '))) expect(displayWidth(line), `${key}: ${line}`).toBeLessThanOrEqual(80);
    }
  });
});

/** Each command line's help, as the test of the English help lists them. */
const HELPS = [['--help'], ['diagnose', '--help'], ['explain', '--help'], ['docs', '--help'], ['fix', '--help'], ['history', '--help'], ['compat', '--help'], ['network', '--help'], ['network', 'plan', '--help'], ['network', 'explain', '--help'], ['troubleshoot', '--help'], ['check', '--help'], ['kb', '--help'], ['kb', 'build', '--help'], ['kb', 'check', '--help'], ['kb', 'stats', '--help']];

describe('the help in the language of the run', () => {
  const t = (locale: Locale, key: MessageKey) => tFor(locale)(key);

  it('--lang ko-KR --help: the program in Korean, on stdout, exit 0', async () => {
    const r = await runCli(['--lang', 'ko-KR', '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('사용법: wcdoctor [options] [command]');
    expect(lines[2]).toBe(t('ko-KR', 'help.cmd.wcdoctor'));
    expect(lines).toContain('옵션:');
    expect(lines).toContain('명령:');
    expect(r.stdout).toMatch(/^ {2}-V, --version {18}버전 번호 출력$/m);
    expect(r.stdout).toMatch(/^ {2}--no-color {21}색상 끄기\(NO_COLOR도 따름\)$/m);
    expect(r.stdout).toMatch(/^ {2}-h, --help {21}명령 도움말 표시$/m);
    expect(r.stdout).toMatch(/^ {2}fix \[options\] <topic> \[fix\] {4}항목의 해결 명령을 나열하고/m);
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|display help|output the version/);
  });

  it('LANG=sv_SE.UTF-8 wcdoctor fix --help: the command in Swedish, its arguments and defaults too', async () => {
    const r = await runCli(['fix', '--help'], { env: { LANG: 'sv_SE.UTF-8' } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n').slice(0, 5)).toEqual(['Användning: wcdoctor fix [options] <topic> [fix]', '', t('sv-SE', 'help.cmd.fix'), '', 'Argument:']);
    expect(r.stdout).toContain('\nFlaggor:\n');
    expect(r.stdout).toContain('  topic                ämnets id\n');
    // commander's "(default: [])" in the language, after the description wrapped onto its next line.
    expect(r.stdout).toContain('  --set <NAME=VALUE>   värdet för en platshållare (upprepa för varje)\n                       (standardvärde: [])\n');
    expect(r.stdout).toContain('  -y, --yes [word]     hoppa över frågan (aldrig kontrollerna); åtgärder med hög\n                       risk kräver --yes=WORD\n');
  });

  it('zh-CN check --help: the text after the help too, the example commands as they are', async () => {
    const r = await runCli(['--lang', 'zh-CN', 'check', '--help']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.startsWith('用法: wcdoctor check [options]\n\n')).toBe(true);
    expect(r.stdout.endsWith(`\n\n${t('zh-CN', 'help.check.after')}\n`)).toBe(true);
    expect(r.stdout).toContain('\n  wcdoctor check --from fleet.json\n');
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s: every help is in the language, wrapped to 80 columns by display width', async (locale) => {
    for (const args of HELPS) {
      const r = await runCli(['--lang', locale, ...args]);
      expect(r, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
      const lines = r.stdout.split('\n');
      expect(lines[0], args.join(' ')).toMatch(new RegExp(`^${t(locale, 'help.title.usage')} wcdoctor`));
      expect(r.stdout, args.join(' ')).not.toMatch(/^(Usage|Options|Commands|Arguments):/m);
      expect(r.stdout, args.join(' ')).not.toContain('display help for command');
      // The long example command after `check --help` is as wide in every language, and a word wider than the room
      // beside the options (a JSON shape) stands on a line of its own, whole, as in English.
      const wide = (l: string) => l.startsWith('  Invoke-Command') || /^ +\S+$/.test(l);
      for (const line of lines.filter((l) => !wide(l))) expect(displayWidth(line), `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
    }
  });

  it('follows the environment without --lang, and --lang over the environment, as a usage error does', async () => {
    const zh = await runCli(['docs', '--help'], { env: { LC_ALL: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain(`\n${t('zh-CN', 'help.cmd.docs')}\n`);
    const ko = await runCli(['docs', '--help', '--lang', 'ko'], { env: { LANG: 'sv_SE.UTF-8' } });
    expect(ko.stdout).toContain(`\n${t('ko-KR', 'help.cmd.docs')}\n`);
    // A --lang that names no language: the environment's (the help is printed before any command reads --lang).
    const sv = await runCli(['--lang', 'xx', '--help'], { env: { LANG: 'sv_SE.UTF-8' } });
    expect(sv).toMatchObject({ code: 0, stderr: '' });
    expect(sv.stdout.startsWith('Användning: wcdoctor')).toBe(true);
  });

  it('the help commander prints for `kb` alone (on stderr) and `wcdoctor` with nothing to read are in the language', async () => {
    const kb = await runCli(['--lang', 'ko-KR', 'kb']);
    expect(kb.stdout).toBe('');
    expect(kb.stderr.startsWith('사용법: wcdoctor kb [options] [command]\n')).toBe(true);
    expect(kb.stderr).toMatch(/^ {2}help \[command\] {3}명령 도움말 표시$/m);
    const bare = await runCli([], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(bare).toMatchObject({ code: 0, stderr: '' });
    expect(bare.stdout.startsWith('用法: wcdoctor [options] [command]\n')).toBe(true);
  });
});

describe('localizeHelp', () => {
  it('asks for the language only when a help is printed, and once', () => {
    const translator = vi.fn(() => tFor('sv-SE'));
    const program = new Command('wcdoctor');
    localizeHelp(program, translator);
    program.command('fix').description('list, fill, confirm and run the fix commands of a topic').option('--json', 'print JSON');
    expect(translator).not.toHaveBeenCalled();
    const fix = program.commands[0]!;
    expect(fix.helpInformation()).toContain('\nFlaggor:\n  --json      skriv ut JSON\n');
    program.helpInformation();
    expect(translator).toHaveBeenCalledTimes(1);
  });

  it('reaches the subcommands of subcommands, created after it is set', () => {
    const program = new Command('wcdoctor');
    localizeHelp(program, () => tFor('zh-CN'));
    const kb = program.command('kb').description('build, check and measure the knowledge base');
    const build = kb.command('build').description('parse the sources and topics into dist/kb.json (fails on any problem)');
    expect(build.helpInformation().split('\n').slice(0, 3)).toEqual(['用法: wcdoctor kb build [options]', '', tFor('zh-CN')('help.cmd.kb.build')]);
  });

  it('keeps the English of a text without a key, in a help otherwise translated', () => {
    const program = new Command('wcdoctor');
    localizeHelp(program, () => tFor('ko-KR'));
    const cmd = program.command('fix').option('--brand-new <n>', 'a new option', '3');
    expect(cmd.helpInformation()).toContain('  --brand-new <n>  a new option (기본값: "3")\n');
  });

  it('never breaks a word without CJK that is wider than the line (a JSON shape): it stands whole on a line of its own', async () => {
    const r = await runCli(['--lang', 'sv-SE', 'network', 'plan', '--help']);
    expect(r.stdout).toContain('\n  --json                 skriv ut\n                         {"driver","command","argv","compose","runExample","warnings"}\n');
  });

  it('wraps Chinese between characters by display width, never before closing punctuation', () => {
    const program = new Command('wcdoctor');
    localizeHelp(program, () => tFor('zh-CN'));
    const help = program.command('check').description(CATALOGS.en['help.cmd.check'] ?? '').helpInformation();
    const description = help.split('\n\n')[1] ?? '';
    expect(description.split('\n').length).toBeGreaterThan(1);
    expect(description.replace(/\s/g, '')).toBe(CATALOGS['zh-CN']['help.cmd.check']?.replace(/\s/g, ''));
    for (const line of description.split('\n')) {
      expect(displayWidth(line)).toBeLessThanOrEqual(80);
      expect(line).not.toMatch(/^[，。、；：）]/);
    }
  });
});
