// Issue 17: every key is a scoped command in one registry with a description; no two commands on
// together share a key; the help overlay is generated from it.
import { describe, expect, it } from 'vitest';
import EN from '../../locales/en.json' with { type: 'json' };
import { helpRows } from '../../src/ui/components/HelpPanel.js';
import { COMMANDS, Command, SCREEN_SCOPES, commandsIn } from '../../src/ui/keys.js';

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

  it.each(Object.entries(SCREEN_SCOPES))('has no key that means two things on %s', (_, scopes) => {
    const seen = new Map<string, string>();
    for (const spec of commandsIn(scopes)) {
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

  it('generates the help overlay from the registry, with the clipboard note where copy is on', () => {
    const rows = helpRows(SCREEN_SCOPES.wizardDone);
    const keys = rows.flatMap((r) => ('keys' in r ? [r.keys] : []));
    expect(keys).toEqual(expect.arrayContaining(['c', 'o', 'x', 'r', 'Ctrl+C', 'q', 'h/Ctrl+G']));
    expect(rows).toContainEqual({ note: 'help.clipboard' });
    expect(helpRows(SCREEN_SCOPES.home)).not.toContainEqual({ note: 'help.clipboard' });
  });
});
