import { createHash } from 'node:crypto';
// The collector only reads: every command it calls is on an allow-list of read-only commands, every program it
// starts is called in a read-only mode, and it uses no syntax Windows PowerShell 5.1 lacks. The script is scanned at
// the token level (strings and comments set apart), not by grepping lines; issue 18 will parse it with real pwsh.
import { describe, expect, it } from 'vitest';
import { READS } from '../../src/core/check/reads.js';
import { READ_IDS } from '../../src/core/check/types.js';
import { readCollector, readCollectorScript } from '../../src/platform/collector.js';

type Token = { kind: 'word' | 'string' | 'op' | 'var' | 'type'; text: string; line: number };

/** A small PowerShell lexer: comments dropped, strings (with their escapes and here-strings) kept whole. */
function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  const push = (kind: Token['kind'], text: string) => out.push({ kind, text, line });
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') { line++; i++; push('op', '\n'); continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (src.startsWith('<#', i)) { const end = src.indexOf('#>', i); const body = src.slice(i, end + 2); line += body.split('\n').length - 1; i = end + 2; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (src.startsWith("@'", i) || src.startsWith('@"', i)) {
      const close = `\n${src[i + 1]}@`;
      const end = src.indexOf(close, i);
      const body = src.slice(i, end + 3);
      line += body.split('\n').length - 1;
      push('string', body);
      i = end + 3;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      for (;;) { if (src[j] === "'" && src[j + 1] === "'") j += 2; else if (src[j] === "'") break; else j++; }
      push('string', src.slice(i + 1, j));
      i = j + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      for (;;) { if (src[j] === '`') j += 2; else if (src[j] === '"' && src[j + 1] === '"') j += 2; else if (src[j] === '"') break; else j++; }
      push('string', src.slice(i + 1, j));
      i = j + 1;
      continue;
    }
    if (c === '$') { const m = /^\$[\w:]+|^\$\{[^}]*\}/.exec(src.slice(i, i + 200)); const t = m?.[0] ?? '$'; push('var', t); i += t.length; continue; }
    if (c === '[') { const m = /^\[[\w.]+\](?:::\w+)?/.exec(src.slice(i, i + 200)); if (m) { push('type', m[0]); i += m[0].length; continue; } }
    const w = /^[A-Za-z_][\w.-]*/.exec(src.slice(i, i + 200));
    if (w) { push('word', w[0]); i += w[0].length; continue; }
    const op = /^(?:2>&1|\?\?|\?\.|&&|\|\||-[A-Za-z]+|::|\S)/.exec(src.slice(i, i + 40))![0];
    push('op', op);
    i += op.length;
  }
  return out;
}

const script = readCollectorScript();
const tokens = lex(script);
const words = tokens.filter((t) => t.kind === 'word');

/** PowerShell's verbs: a word `Verb-Noun` with one of them is a command name. */
const VERBS = 'Add|Clear|Close|Copy|Enter|Exit|Find|Format|Get|Hide|Join|Lock|Move|New|Open|Optimize|Pop|Push|Redo|Remove|Rename|Reset|Resize|Search|Select|Set|Show|Skip|Split|Step|Switch|Undo|Unlock|Watch|Connect|Disconnect|Read|Receive|Send|Write|Backup|Checkpoint|Compare|Compress|Convert|ConvertFrom|ConvertTo|Dismount|Edit|Expand|Export|Group|Import|Initialize|Limit|Merge|Mount|Out|Publish|Restore|Save|Sync|Unpublish|Update|Approve|Assert|Build|Complete|Confirm|Deny|Deploy|Disable|Enable|Install|Invoke|Register|Request|Restart|Resume|Start|Stop|Submit|Suspend|Uninstall|Unregister|Wait|Debug|Measure|Ping|Repair|Resolve|Test|Trace|Block|Grant|Protect|Revoke|Unblock|Unprotect|Use|ForEach|Where|Sort|Tee';
const COMMAND = new RegExp(`^(?:${VERBS})-[A-Za-z]+$`);

/** Read-only commands the collector may call. */
const ALLOWED = new Set([
  'Get-ItemProperty', 'Get-CimInstance', 'Get-Service', 'Get-Process', 'Get-WindowsOptionalFeature', 'Get-WindowsFeature',
  'Get-HnsNetwork', 'Get-HnsEndpoint', 'Get-NetNat', 'Get-NetNatStaticMapping', 'Get-VMSwitch', 'Get-NetAdapterBinding',
  'Get-MpPreference', 'Get-ChildItem', 'Get-Content', 'Get-Command', 'Get-Date', 'Test-Path', 'Join-Path',
  'Select-Object', 'Select-String', 'Where-Object', 'ForEach-Object', 'ConvertTo-Json', 'ConvertFrom-Json', 'Out-String',
]);

describe('the collector', () => {
  const defined = new Set(words.filter((w, i) => words[i - 1]?.text === 'function').map((w) => w.text));

  it('calls only read-only commands (and functions it defines)', () => {
    const called = [...new Set(words.map((w) => w.text).filter((w) => COMMAND.test(w)))];
    expect(called.filter((c) => !ALLOWED.has(c) && !defined.has(c))).toEqual([]);
    expect(defined).toEqual(new Set(['Test-Elevated', 'Read-Fact', 'Read-Native', 'ConvertTo-JsonArray']));
    // The verbs the issue names, anywhere outside strings and comments.
    expect(words.filter((w) => /^(?:Set|New|Remove|Restart|Start|Stop|Invoke|Out-File|Add|Clear|Install|Enable|Disable)-/i.test(w.text)).map((w) => w.text)).toEqual([]);
  });

  it('starts programs only in read-only modes', () => {
    const calls: string[] = [];
    tokens.forEach((t, i) => {
      if (t.text !== 'Read-Native' || tokens[i - 1]?.text === 'function') return;
      const program = tokens[i + 1];
      const args: string[] = [];
      for (let j = i + 2; j < tokens.length && tokens[j]!.text !== ')'; j++) if (tokens[j]!.kind === 'string') args.push(tokens[j]!.text);
      calls.push(`${program?.text} ${args.join(' ')}`.trim());
    });
    expect(calls.sort()).toEqual([
      'cmd /c ver',
      'containerd --version',
      'docker image inspect',
      'docker image ls -q --no-trunc',
      'docker info --format {{json .}}',
      'docker version --format {{json .}}',
      'netsh int ipv4 show dynamicportrange protocol=tcp',
      'netsh int ipv4 show excludedportrange protocol=tcp',
    ]);
    // The only call operators run the program Read-Native found and the read's own script block.
    const invoked = tokens.flatMap((t, i) => (t.text === '&' ? [tokens[i + 1]?.text] : []));
    expect(invoked.sort()).toEqual(['$Script', '$program']);
  });

  it("uses only these .NET members: identity, elevation, the user's profile folder, a string comparison and a regex (no file, registry or web writes)", () => {
    expect([...new Set(tokens.filter((t) => t.kind === 'type' && t.text.includes('::')).map((t) => t.text))].sort()).toEqual([
      '[Environment]::GetFolderPath',
      '[Security.Principal.WindowsBuiltInRole]::Administrator',
      '[Security.Principal.WindowsIdentity]::GetCurrent',
      '[Security.Principal.WindowsPrincipal]::new',
      '[StringComparison]::OrdinalIgnoreCase',
      '[regex]::Replace',
    ]);
  });

  it('has no syntax Windows PowerShell 5.1 lacks (??, ?., &&, ||, ternary, -Parallel)', () => {
    const ops = tokens.filter((t) => t.kind === 'op').map((t) => t.text);
    for (const bad of ['??', '?.', '&&', '||', '-Parallel']) expect(ops, bad).not.toContain(bad);
    // A ternary is `cond ? a : b`; `?` appears in this script only as the Where-Object alias, which it does not use.
    expect(ops).not.toContain('?');
  });

  it('is ASCII, so Windows PowerShell 5.1 reads it the same from a file saved without a BOM', () => {
    expect(script).toMatch(/^[\x00-\x7f]*$/);
  });

  it('records elevation before the first read', () => {
    const elevation = tokens.findIndex((t) => t.text === '$elevated' && tokens[tokens.indexOf(t) + 1]?.text === '=');
    const firstRead = tokens.findIndex((t, i) => t.text === 'Read-Fact' && tokens[i - 1]?.text !== 'function');
    expect(elevation).toBeGreaterThan(-1);
    expect(elevation).toBeLessThan(firstRead);
  });

  it('makes the reads core knows, with the same commands, and skips exactly the admin-only ones unelevated', () => {
    const reads = new Map<string, { command: string; admin: boolean }>();
    tokens.forEach((t, i) => {
      if (t.text !== 'Read-Fact' || tokens[i - 1]?.text === 'function') return;
      let admin = false;
      for (let j = i + 3; j < tokens.length && tokens[j]!.text !== '\n'; j++) if (tokens[j]!.text === '-Admin') admin = true;
      reads.set(tokens[i + 1]!.text, { command: tokens[i + 2]!.text, admin });
    });
    const collected = READ_IDS.filter((id) => id !== 'kubeNode' && id !== 'computerInfo');
    expect([...reads.keys()].sort()).toEqual([...collected].sort());
    const expand = (s: string) => s.replace('$cv', 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion').replace('$fve', 'HKLM:\\SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FVE').replace('$tcpip6', 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters');
    for (const [id, r] of reads) {
      const spec = READS[id as keyof typeof READS];
      expect(expand(r.command), id).toBe(spec.command);
      expect(r.admin, id).toBe(spec.admin);
    }
  });

  it('writes nothing: no redirection to a file and no -OutFile, -Force or -Confirm', () => {
    const ops = tokens.filter((t) => t.kind === 'op').map((t) => t.text);
    expect(ops.filter((o) => o === '>' || o === '>>')).toEqual([]);
    expect(ops.filter((o) => /^-(?:OutFile|Force|Confirm)$/i.test(o))).toEqual([]);
    expect(ops.filter((o) => o === '2>&1')).toHaveLength(1);
  });

  it("comes with the SHA-256 of the bytes PowerShell is given, what the audit log records for a run", () => {
    const { text, sha256 } = readCollector();
    expect(text).toBe(script);
    expect(sha256).toBe(createHash('sha256').update(Buffer.from(script, 'utf8')).digest('hex'));
  });
});
