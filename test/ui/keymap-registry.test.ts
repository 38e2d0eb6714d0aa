// Issue 17: every key is a scoped command in one registry with a description; no two commands on
// together share a key; the help overlay is generated from it.
import { describe, expect, it } from 'vitest';
import EN from '../../locales/en.json' with { type: 'json' };
import { helpRows } from '../../src/ui/components/HelpPanel.js';
import { footerHints, type FooterName } from '../../src/ui/footers.js';
import { COMMANDS, Command, NAV_SCOPES, SCREEN_SCOPES, commandsIn, parseKey, type Scope } from '../../src/ui/keys.js';

describe('the command registry', () => {
  it('gives every command a binding and a description that exists in the catalogue', () => {
    const bound = new Set(COMMANDS.map((c) => c.command));
    // Insert and Paste are what text is, not a key of their own.
    for (const command of Object.values(Command).filter((c) => c !== Command.Insert && c !== Command.Paste)) expect(bound, command).toContain(command);
    for (const spec of COMMANDS) {
      expect((spec.sequences?.length ?? 0) + (spec.letters?.length ?? 0), spec.command).toBeGreaterThan(0);
      expect(spec.label, spec.command).not.toBe('');
      expect(Object.keys(EN), `${spec.command}: ${spec.description}`).toContain(spec.description);
    }
  });

  // Keys are read with the moving keys all on (parseKey), and a topic or a match with every part it may have: the
  // clash check covers the scopes as keys are read, not only those a state's help lists.
  const asRead = (state: keyof typeof SCREEN_SCOPES): Scope[] => {
    const parts = state === 'topic' ? (['topicFixesPart', 'topicOriginalPart', 'linkCompatPart', 'linkTreePart'] as const) : state === 'diagnoseResults' ? (['linkCompatPart', 'linkTreePart'] as const) : [];
    return [...SCREEN_SCOPES[state], ...parts.flatMap((p): readonly Scope[] => SCREEN_SCOPES[p]), ...NAV_SCOPES];
  };
  it.each(Object.keys(SCREEN_SCOPES) as (keyof typeof SCREEN_SCOPES)[])('has no key that means two things on %s', (state) => {
    const seen = new Map<string, string>();
    for (const spec of commandsIn(asRead(state))) {
      for (const key of [...(spec.sequences ?? []), ...(spec.letters ?? [])]) {
        const before = seen.get(key);
        expect(before === undefined || before === spec.command, `${JSON.stringify(key)}: ${before} and ${spec.command}`).toBe(true);
        seen.set(key, spec.command);
      }
    }
  });

  it('finds a clash when two commands on together share a key', () => {
    const clash = [...COMMANDS, { command: Command.Copy, scope: 'nav' as const, letters: ['j'], label: 'j', description: 'fix.keys.copy' as const }];
    const keys = clash.filter((c) => c.scope === 'nav').flatMap((c) => c.letters ?? []);
    expect(keys.filter((k) => k === 'j')).toHaveLength(2);
  });

  it('reads a moving key as itself on a state whose help leaves it out (Tab on Home is Tab, not text)', () => {
    expect(parseKey('\t', { text: false, scopes: SCREEN_SCOPES.home })).toEqual([{ command: Command.FocusNext }]);
    expect(parseKey(' ', { text: false, scopes: SCREEN_SCOPES.treeList })).toEqual([{ command: Command.PageDown, text: ' ' }]);
  });

  it.each([
    ['home', ['←', '→', 'Tab', 'Shift+Tab']],
    ['diagnoseResults', ['v', 't', '←', '→']],
    ['topic', ['f', 'o', 'v', 't', 'Enter', 'Tab']],
    ['diagnoseInput', ['PgUp', 'PgDn/Space', 'Shift+Tab']],
    ['wizardDone', ['Enter', '→', 'Tab']],
    ['confirm', ['↑/k', '↓/j']],
  ] as const)('lists in the help of %s none of the keys it does not use: %j', (state, absent) => {
    const keys = helpRows(SCREEN_SCOPES[state]).flatMap((r) => ('keys' in r ? [r.keys] : []));
    for (const key of absent) expect(keys, key).not.toContain(key);
  });

  it('lists a link, fixes and the original on a topic only with the parts it has', () => {
    const keys = (scopes: readonly Scope[]) => helpRows(scopes).flatMap((r) => ('keys' in r ? [r.keys] : []));
    expect(keys([...SCREEN_SCOPES.topic, ...SCREEN_SCOPES.linkCompatPart])).toContain('v');
    expect(keys([...SCREEN_SCOPES.topic, ...SCREEN_SCOPES.topicFixesPart])).toEqual(expect.arrayContaining(['f', 'Tab', 'Shift+Tab', 'Enter']));
  });

  it("says what Enter does on the screen as its key hints say it, not the registry's \"open\" (a new-user helper: the yes/no prompt's help said \"Enter  open\")", () => {
    const enter = (state: keyof typeof SCREEN_SCOPES, footer: FooterName) => helpRows(SCREEN_SCOPES[state], footerHints(footer)).find((r) => 'keys' in r && r.keys === 'Enter');
    expect(enter('confirm', 'fixConfirm')).toEqual({ keys: 'Enter', label: 'fix.keys.choose' });
    expect(enter('diagnoseInput', 'diagnoseInput')).toEqual({ keys: 'Enter', label: 'keys.newline' });
    expect(enter('compatInput', 'compatInput')).toEqual({ keys: 'Enter', label: 'compat.keys.next' });
    expect(enter('home', 'home')).toEqual({ keys: 'Enter', label: 'keys.open' });
    // Without hints, the registry's own description.
    expect(helpRows(SCREEN_SCOPES.confirm).find((r) => 'keys' in r && r.keys === 'Enter')).toEqual({ keys: 'Enter', label: 'keys.open' });
  });

  it('in a text field names keys without the letters that are text there, and leaves out commands that have only letters (a regression tester: q and h were listed in Diagnose\'s field)', () => {
    const keys = helpRows(SCREEN_SCOPES.diagnoseInput).flatMap((r) => ('keys' in r ? [r.keys] : []));
    expect(keys).toEqual(expect.arrayContaining(['↑', '↓', 'Home', 'End', 'Ctrl+G', 'F1', 'Ctrl+C']));
    for (const k of ['↑/k', '↓/j', 'Home/g', 'End/G', 'q', 'h/Ctrl+G', '?/F1']) expect(keys, k).not.toContain(k);
    // Outside a text field the letters are keys and are named.
    expect(helpRows(SCREEN_SCOPES.home).flatMap((r) => ('keys' in r ? [r.keys] : []))).toEqual(expect.arrayContaining(['↑/k', 'q', 'h/Ctrl+G', '?/F1']));
  });

  it('generates the help overlay from the registry, with the clipboard note where copy is on', () => {
    const rows = helpRows(SCREEN_SCOPES.wizardDone);
    const keys = rows.flatMap((r) => ('keys' in r ? [r.keys] : []));
    expect(keys).toEqual(expect.arrayContaining(['c', 'o', 'x', 'r', 'Ctrl+C', 'q', 'h/Ctrl+G']));
    expect(rows).toContainEqual({ note: 'help.clipboard' });
    expect(helpRows(SCREEN_SCOPES.home)).not.toContainEqual({ note: 'help.clipboard' });
  });
});
