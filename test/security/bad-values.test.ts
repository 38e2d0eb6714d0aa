import { describe, expect, it } from 'vitest';
import type { FixCommandDeps } from '../../src/cli/commands/fix.js';
import { planFix } from '../../src/core/fixes/plan-fix.js';
import type { AuditEntry, RunCommandOptions } from '../../src/core/fixes/types.js';
import { checkParamValue } from '../../src/core/fixes/validate-param.js';
import { makeKb, makeTopic } from '../core/fixes/fix-fixtures.js';
import { fakeFixDeps, runFixCommand } from '../helpers/fix-cli.js';

// Issue 11, item 7: a time limit below 1 s was rounded to 0 (no limit at all); `--set constructor=x` or
// `toString=x` passed as a known placeholder because the lookup walked Object.prototype (and `__proto__=x` was
// dropped silently); zero-width and other invisible characters passed in values, unlike the direction marks.

function harness() {
  const runs: { file: string; args: readonly string[]; opts: RunCommandOptions | undefined }[] = [];
  const audit: AuditEntry[] = [];
  const deps = fakeFixDeps({
    loadKb: makeKb,
    runCommand: async (file, args, opts) => {
      runs.push({ file, args, opts });
      return { exitCode: 0, signal: null, stdout: '', stderr: '', durationMs: 1, timedOut: false, cancelled: false };
    },
    appendAudit: (e) => void audit.push(e),
  });
  return { deps, runs, audit };
}

const fix = (args: string[], deps: FixCommandDeps) => runFixCommand(args, deps);

describe('--timeout below one second is refused, not rounded to no limit', () => {
  it.each(['0.0001', '0.4', '0.999', '0', '0.0'])('--timeout %s: usage error, nothing runs', async (t) => {
    const h = harness();
    const r = await fix(['demo-topic', 'list-networks', '--yes', '--timeout', t], h.deps);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--timeout "${t}": expected seconds, a number from 1 to 86400`);
    expect(h.runs).toEqual([]);
  });

  it('1 s and more still run with that limit', async () => {
    const h = harness();
    const r = await fix(['demo-topic', 'list-networks', '--yes', '--timeout', '1.5'], h.deps);
    expect(r.code).toBe(0);
    expect(h.runs[0]?.opts?.timeoutMs).toBe(1500);
  });
});

describe('--set names that Object.prototype holds are unknown placeholders like any other', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('--set %s=x is refused with the real placeholders named', async (name) => {
    const h = harness();
    const r = await fix(['demo-topic', 'ps-set', '--set', 'name=web_1', '--set', 'value=v', '--set', `${name}=x`, '--dry-run'], h.deps);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`fix "ps-set" has no placeholder "${name}"; its placeholders are: name, value`);
    expect(r.stdout).toBe('');
  });

  it('a fix without placeholders refuses them too, and given twice is still "twice"', async () => {
    const h = harness();
    const r = await fix(['demo-topic', 'list-networks', '--set', '__proto__=x', '--dry-run'], h.deps);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fix "list-networks" takes no values, but "__proto__" was given');
    const twice = await fix(['demo-topic', 'list-networks', '--set', 'constructor=x', '--set', 'constructor=y'], h.deps);
    expect(twice.stderr).toContain('--set constructor is given twice');
  });

  it('planFix reads only own values and own placeholders', () => {
    const topic = makeTopic();
    const values = Object.fromEntries([['name', 'web_1'], ['value', 'v'], ['__proto__', 'x']]) as Record<string, string>;
    const r = planFix(topic, 'ps-set', values);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.id)).toEqual(['unknownName']);
    // An inherited value is no value: the placeholder is missing.
    const inherited = Object.create({ name: 'web_1' }) as Record<string, string>;
    inherited.value = 'v';
    const missing = planFix(topic, 'ps-set', inherited);
    expect(!missing.ok && missing.error.map((p) => `${p.id}:${p.name}`)).toEqual(['missing:name']);
  });
});

describe('invisible characters are refused in placeholder values', () => {
  const text = { kind: 'text' as const, description: 'any text' };
  it.each([
    ['U+061C arabic letter mark', '\u061C', 'bidi'],
    ['U+200B zero width space', '\u200B', 'invisible'],
    ['U+200C zero width non-joiner', '\u200C', 'invisible'],
    ['U+200D zero width joiner', '\u200D', 'invisible'],
    ['U+2060 word joiner', '\u2060', 'invisible'],
    ['U+00AD soft hyphen', '\u00AD', 'invisible'],
    ['U+FEFF byte order mark', '\uFEFF', 'invisible'],
    ['U+180E mongolian vowel separator', '\u180E', 'invisible'],
    ['U+2063 invisible separator', '\u2063', 'invisible'],
    ['U+E0041 tag latin capital A', '\u{E0041}', 'invisible'],
    ['U+2028 line separator', '\u2028', 'lineBreak'],
    // Found by an attacker helper: default-ignorable characters the list had missed, and the braille blank, were taken and
    // shown invisibly (`C:\data\ufe0f` read as `C:\data`).
    ['U+FE0F variation selector 16', '\uFE0F', 'invisible'],
    ['U+FE00 variation selector 1', '\uFE00', 'invisible'],
    ['U+E0100 variation selector 17', '\u{E0100}', 'invisible'],
    ['U+E01EF variation selector 256', '\u{E01EF}', 'invisible'],
    ['U+180B mongolian free variation selector', '\u180B', 'invisible'],
    ['U+FFF0 unassigned specials', '\uFFF0', 'invisible'],
    ['U+1D173 musical symbol begin beam', '\u{1D173}', 'invisible'],
    ['U+1BCA0 shorthand format letter overlap', '\u{1BCA0}', 'invisible'],
    ['U+13430 egyptian hieroglyph vertical joiner', '\u{13430}', 'invisible'],
    ['U+2800 braille pattern blank', '\u2800', 'invisible'],
    // An attacker helper: a Latin-1 terminal's é in `--set folder=C:\caf…` arrives as U+FFFD, and the plan named C:\caf\ufffd.
    ['U+FFFD replacement character (bytes that were not UTF-8)', '\uFFFD', 'invisible'],
  ])('%s', (_name, ch, id) => {
    const r = checkParamValue(text, `web${ch}1`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.id).toBe(id);
  });

  it('takes a variation selector that changes what the reader sees: after an emoji, after an ideograph (a regression tester: `❤️` as the emoji panel types it was refused)', () => {
    for (const v of ['team-❤️', 'ok-✅️', 'note-☺︎', '\u845b\u{e0100}城']) expect(checkParamValue(text, v).ok, v).toBe(true);
    // … and never after a letter, a digit or a space, where it draws nothing; nor a run of them.
    for (const v of ['C:\\data\ufe0f', '1\ufe0f', 'a\u{e0100}', '❤️\ufe0f', 'x \ufe0e']) expect(checkParamValue(text, v).ok, v).toBe(false);
  });

  it('refuses every default-ignorable code point (the Unicode property), as JavaScript knows it', () => {
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (/\p{Default_Ignorable_Code_Point}/u.test(ch) && checkParamValue(text, `web${ch}1`).ok) missed.push(`U+${cp.toString(16).toUpperCase()}`);
    }
    expect(missed).toEqual([]);
  });

  it('the CLI refuses such a value with the code point named, and runs nothing', async () => {
    const h = harness();
    const r = await fix(['demo-topic', 'ps-set', '--set', 'name=web_1', '--set', 'value=rm\u200B -rf', '--yes'], h.deps);
    expect(r.code).toBe(2);
    // The invisible character is shown as its escape in the value, so the message says where it is.
    expect(r.stderr).toMatch(/"value" "rm\\u200b -rf" contains an invisible or broken character \(U\+200B\)/);
    expect(h.runs).toEqual([]);
  });

  it('ordinary text in every script still passes', () => {
    for (const v of ['web 1', 'Ärger-ß', '服务器', '서버 이름', 'emoji 😀', 'ünïcödé']) expect(checkParamValue(text, v).ok, v).toBe(true);
  });
});
