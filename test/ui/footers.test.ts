// Issue 17: the key hints at the foot of each screen come from the command registry, as the help
// overlay does: a footer names commands, their keys are written as the registry writes them, and a
// footer may only name commands its screen state binds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, test } from 'vitest';
import EN from '../../locales/en.json' with { type: 'json' };
import { FOOTERS, commandsOf, footerHints, unboundHints, type Footer, type FooterName } from '../../src/ui/footers.js';
import { COMMANDS, Command, KEY_GROUPS, SCREEN_SCOPES, keyLabel } from '../../src/ui/keys.js';

const names = Object.keys(FOOTERS) as FooterName[];

describe('footers', () => {
  test.each(names)('%s names only commands its screen states bind', (name) => {
    expect(unboundHints(FOOTERS[name])).toEqual([]);
  });

  test.each([
    ['a screen letter on a screen without its scope', { on: ['home'], hints: [{ keys: [Command.RunAction], label: 'compat.keys.runFix' }] }, [{ state: 'home', command: Command.RunAction }]],
    ['copy on a text field', { on: ['diagnoseInput'], hints: [{ keys: [Command.Copy], label: 'fix.keys.copy' }] }, [{ state: 'diagnoseInput', command: Command.Copy }]],
    ['yes/no where no prompt is on', { on: ['checkRun'], hints: [{ keys: ['yesNo'], label: 'fix.keys.answer' }] }, [{ state: 'checkRun', command: Command.Yes }, { state: 'checkRun', command: Command.No }]],
    ['arrows, bound on every state (nav)', { on: ['checkRun', 'checkHostResults'], hints: [{ keys: ['move'], label: 'keys.move' }] }, []],
    ['restart where the tree is on but not the wizard', { on: ['tree', 'wizardText'], hints: [{ keys: [Command.Restart], label: 'tree.keys.restart' }] }, [{ state: 'wizardText', command: Command.Restart }]],
  ] as [string, Footer, { state: string; command: string }[]][])('finds a hint for a key the state does not bind: %s', (_, footer, expected) => {
    expect(unboundHints(footer).map(({ state, command }) => ({ state, command }))).toEqual(expected);
  });

  test.each(names.filter((n) => FOOTERS[n].on.some((s) => (SCREEN_SCOPES[s] as readonly string[]).includes('text'))))(
    '%s (a text field) names no letter keys: there letters are text',
    (name) => {
      const letters = new Set(COMMANDS.flatMap((c) => c.letters ?? []));
      for (const hint of footerHints(name)) {
        const lettersShown = hint.keys.split(/[/ ]/).filter((k) => [...k].every((ch) => letters.has(ch)) && k.length > 0);
        expect(lettersShown, `${hint.keys} ${hint.label}`).toEqual([]);
      }
    },
  );

  it('writes keys as the registry does, in the scope the footer is on', () => {
    expect(footerHints('wizardDone').map((h) => h.keys)).toEqual(['x', 'c', 'o', '↑↓/jk PgUp/PgDn', 'Esc/←', 'r', 'q']);
    expect(footerHints('topicFixes')[0]?.keys).toBe(`${keyLabel(Command.TopicFixes)}/${keyLabel(Command.FocusNext)}`);
    expect(footerHints('compatRun')[0]?.keys).toBe(keyLabel(Command.RunAction));
  });

  it('gives every hint a label in the catalogue', () => {
    for (const name of names) for (const hint of footerHints(name)) expect(Object.keys(EN), `${name}: ${hint.label}`).toContain(hint.label);
  });

  test.each(Object.entries(KEY_GROUPS))('group %s shows the first key of each of its commands', (_, group) => {
    for (const command of group.commands) expect(group.label, command).toContain(keyLabel(command).split('/')[0]);
  });

  it('expands groups into their commands', () => {
    expect(commandsOf({ keys: ['arrows', Command.FocusNext], label: 'fix.keys.field' })).toEqual([Command.Up, Command.Down, Command.FocusNext]);
  });
});

describe('screens', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : [path.join(dir, f)]));
  const screens = files('src/ui/screens').filter((f) => /\.tsx?$/.test(f));

  test.each(screens)('%s writes no key hint by hand', (file) => {
    // A hint written as an object literal (`{ keys: 'y', label: … }`) bypasses the registry: footers.ts names commands.
    expect(readFileSync(file, 'utf8')).not.toMatch(/\{\s*keys:\s*[^}]{0,200}label:/);
  });
});
