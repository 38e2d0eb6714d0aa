import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notReadOnly, powerShellParts } from '../../src/core/knowledge/read-only.js';
import { PLACEHOLDER } from '../../src/core/text/placeholder.js';
import { realKnowledgeBase } from '../helpers/real-kb.js';
import { PWSH, SKIP_NOTE, runPwshScript } from './pwsh.js';

// The read-only rule (src/core/knowledge/read-only.ts) reads PowerShell with a tokenizer of its own, since kb check runs
// where no PowerShell is. Here PowerShell's own parser reads the same texts: the commands (CommandAst, by the name it is
// called by) and the methods (InvokeMemberExpressionAst) must be the same, so that what the rule judges is what runs.

const { kb } = realKnowledgeBase();
const texts = [
  ...new Set([
    ...kb.topics.flatMap((t) => t.fixes.filter((f) => f.shell === 'powershell' && notReadOnly(f.command, f.shell) === undefined).map((f) => f.command)),
    "Get-Item x | Where-Object { $_.Name.StartsWith('a') } | % { (Get-Acl $_).ToString() }",
    'if ($PSVersionTable.PSVersion.Major -ge 7) { Get-Service docker } else { Get-Service hns }',
    "\"Build: $((Get-CimInstance Win32_OperatingSystem).BuildNumber)\"",
    "Get-WinEvent -FilterHashtable @{LogName='System'; ProviderName='Service Control Manager'} -MaxEvents 20 | Where-Object Message -match 'HNS'",
    "& { param($n) $s = Get-Date; while (-not (Resolve-DnsName $n -ErrorAction SilentlyContinue)) { Start-Sleep -Milliseconds 200 }; ((Get-Date) - $s).TotalSeconds } example.org",
    "[void][Reflection.Assembly]::LoadWithPartialName('System.Drawing'); [System.Drawing.Text.InstalledFontCollection]::new().Families.Name",
    'Get-Service hns 2>$null; docker ps 2>&1 | Out-String',
  ]),
].map((t) => t.replace(PLACEHOLDER, 'x0'));

// And random texts made of PowerShell's pieces that the rule takes as reading (a fourth attacker helper found two of its
// holes within seconds this way): where PowerShell parses one, it must find the same commands and methods in it.
const PIECES = ['Get-Item', 'Get-Service', 'Select-Object', 'Where-Object', 'ForEach-Object', '%', 'x', 'Name', '$a', '$_', '.', '::', '(', ')', '{', '}', '@{', '@(', '$(', ';', '|', '=', '==', "'s'", '"d"', '"$a"', '[string]', '[void]', 'ToString', 'Trim', '-eq', '-and', '&', ',', 'whoami', 'ipconfig', '/all', 'docker', 'ps', '\n', 'if', 'else', 'while', 'try', 'catch', 'param', '1', '10MB', '-Filter', '2>$null', '2>&1', ':', '-', '+', '!', '-not'];
const fuzz = [
  ...new Set(
    fc
      .sample(fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom('', ' ', ' ')), { minLength: 2, maxLength: 12 }).map((parts) => parts.map(([p, sep]) => p + sep).join('').trim()), { numRuns: 6000, seed: 35 })
      .filter((t) => t !== '' && notReadOnly(t, 'powershell') === undefined),
  ),
];

// Each text's nodes are searched once, with the predicates made into delegates once, in plain loops (a script block
// made into a predicate at every search, and ForEach-Object pipelines, took most of this pwsh's time).
const SCRIPT = String.raw`
param([string]$In, [string]$Out)
$texts = Get-Content -Raw -LiteralPath $In | ConvertFrom-Json
$isCommandOrMember = [Func[System.Management.Automation.Language.Ast, bool]] { $args[0] -is [System.Management.Automation.Language.CommandAst] -or $args[0] -is [System.Management.Automation.Language.InvokeMemberExpressionAst] }
$result = foreach ($t in $texts) {
  $tokens = $null; $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput($t, [ref]$tokens, [ref]$errors)
  $commands = [System.Collections.Generic.List[object]]::new()
  $members = [System.Collections.Generic.List[object]]::new()
  foreach ($node in $ast.FindAll($isCommandOrMember, $true)) {
    if ($node -is [System.Management.Automation.Language.CommandAst]) {
      $first = $node.CommandElements[0]
      if ($first -is [System.Management.Automation.Language.StringConstantExpressionAst] -or $first -is [System.Management.Automation.Language.ExpandableStringExpressionAst]) { $commands.Add($first.Value) }
    } else {
      $members.Add($node.Member.Value)
    }
  }
  [pscustomobject]@{ text = $t; errors = @(foreach ($e in $errors) { $e.Message }); commands = $commands.ToArray(); members = $members.ToArray() }
}
ConvertTo-Json -InputObject @($result) -Depth 4 | Set-Content -LiteralPath $Out -Encoding utf8
`;

describe.skipIf(!PWSH)(`PowerShell's parser and the read-only rule read the same commands and methods${SKIP_NOTE}`, () => {
  it(`in ${texts.length} texts (every read-only PowerShell fix of the knowledge, and the rule's own examples) and ${fuzz.length} random ones the rule takes`, () => {
    expect(texts.length).toBeGreaterThan(60);
    const r = runPwshScript<{ text: string; errors: string[]; commands: string[]; members: string[] }[]>(SCRIPT, [...texts, ...fuzz]);
    expect(r.status, r.stderr).toBe(0);
    const parsed = r.output!;
    const sorted = (xs: string[]) => xs.map((x) => x.toLowerCase()).sort();
    const differences = parsed.flatMap((p) => {
      const ours = powerShellParts(p.text);
      const same = JSON.stringify(sorted(ours.commands)) === JSON.stringify(sorted(p.commands)) && JSON.stringify(sorted(ours.members)) === JSON.stringify(sorted(p.members));
      // A random text PowerShell cannot parse runs nothing; one of the knowledge's must parse.
      if (p.errors.length && !texts.includes(p.text)) return [];
      return p.errors.length || !same ? [{ text: p.text, errors: p.errors, powershell: { commands: p.commands, members: p.members }, ours }] : [];
    });
    expect(parsed.length).toBe(texts.length + fuzz.length);
    expect(fuzz.length).toBeGreaterThan(300);
    expect(parsed.flatMap((p) => p.commands).length).toBeGreaterThan(texts.length);
    expect(differences).toEqual([]);
  });
});
