# Runs many PowerShell command lines in one pwsh process, each with every command it calls replaced by a stub that
# records its arguments, and writes what PowerShell parsed and what each stub received as JSON.
#   pwsh -NoProfile -NonInteractive -File harness.ps1 -CasesPath cases.json -OutPath results.json
# A case is {id, argv} (a wcdoctor fix plan: powershell.exe -NoProfile -NonInteractive -EncodedCommand BASE64,
# decoded here the way PowerShell decodes -EncodedCommand) or {id, line} (a command line shown for copying), or
# {id, line, native: true}: a line run as it is, nothing stubbed, with the PATH pwsh was started with (its exit code in
# the result), for a real program that records what it received.
# Run it in an empty working folder: .NET method calls in a script cannot be stubbed (a fix's
# [IO.File]::WriteAllText writes a file named like a Windows path into the working folder).
param(
  [Parameter(Mandatory)] [string] $CasesPath,
  [Parameter(Mandatory)] [string] $OutPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Off

$utf8 = [System.Text.UTF8Encoding]::new($false)
$cases = [System.IO.File]::ReadAllText($CasesPath, $utf8) | ConvertFrom-Json -DateKind String
# Fix scripts expand $Env:ProgramFiles; give it its Windows value so the stub records the path PowerShell builds.
$Env:ProgramFiles = 'C:\Program Files'

# One argument as a stub saw it: a parameter name token, a string, an array, a script block, a hashtable or other.
function ConvertTo-WcdArg($a) {
  if ($null -eq $a) { return @{ null = $true } }
  if ($a -is [string]) {
    if ($a.PSObject.Properties['<CommandParameterName>']) { return @{ param = $a } }
    return @{ s = $a }
  }
  if ($a -is [scriptblock]) { return @{ scriptblock = $a.ToString() } }
  if ($a -is [System.Collections.IDictionary]) {
    return @{ hashtable = @(foreach ($k in $a.Keys) { @{ key = [string]$k; value = ConvertTo-WcdArg $a[$k] } }) }
  }
  if ($a -is [array]) { return @{ array = @(foreach ($x in $a) { ConvertTo-WcdArg $x }) } }
  return @{ type = $a.GetType().FullName; text = [string]$a }
}

# The parsed script, node by node in document order, without positions: what a substituted value may not change.
function Get-WcdAstShape([System.Management.Automation.Language.Ast] $root) {
  foreach ($n in $root.FindAll($script:AnyNode, $true)) {
    $o = [ordered]@{ t = $n.GetType().Name }
    if ($n -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $o.kind = [string]$n.StringConstantType; $o.v = $n.Value }
    elseif ($n -is [System.Management.Automation.Language.ExpandableStringExpressionAst]) { $o.kind = [string]$n.StringConstantType; $o.v = $n.Value }
    elseif ($n -is [System.Management.Automation.Language.ConstantExpressionAst]) { $o.v = [string]$n.Value }
    elseif ($n -is [System.Management.Automation.Language.CommandParameterAst]) { $o.v = $n.ParameterName }
    elseif ($n -is [System.Management.Automation.Language.VariableExpressionAst]) { $o.v = $n.VariablePath.UserPath }
    elseif ($n -is [System.Management.Automation.Language.CommandAst]) { $o.v = [string]$n.InvocationOperator }
    elseif ($n -is [System.Management.Automation.Language.BinaryExpressionAst]) { $o.v = [string]$n.Operator }
    elseif ($n -is [System.Management.Automation.Language.AssignmentStatementAst]) { $o.v = [string]$n.Operator }
    elseif ($n -is [System.Management.Automation.Language.TypeExpressionAst]) { $o.v = $n.TypeName.FullName }
    $o
  }
}

# The predicates of the AST searches below, made into delegates once (a script block passed to FindAll is made into
# one on every call).
$script:AnyNode = [Func[System.Management.Automation.Language.Ast, bool]] { $true }
$isCommand = [Func[System.Management.Automation.Language.Ast, bool]] { $args[0] -is [System.Management.Automation.Language.CommandAst] }

# No folder to search for programs: every command a case names is a stub (a function) or recorded as not found, as on a
# Windows host where Linux's programs do not exist; and PowerShell, looking a name up, lists every folder on PATH
# (about a thousand files in /usr/bin, every time).
$startPath = $env:PATH
$env:PATH = ''

$aliases = @{}
foreach ($a in Get-Alias) { $aliases[$a.Name] = $a.ResolvedCommandName }
$stubbed = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
$stub = { & $record $MyInvocation.MyCommand.Name 'stub' $args @($input).Count }
# What a stub records, into the $calls of the case that is running (found by scope when the stub runs). Made once, as is
# the handler for a command still not found below (making them for every case took about a seventh of the run).
# A plain string (the usual argument) is converted here, without a call of ConvertTo-WcdArg for each.
$record = {
  param($name, $how, $argList, $inputCount)
  $calls.Add([ordered]@{ name = $name; how = $how; input = $inputCount; args = @(foreach ($x in $argList) {
          if ($x -is [string]) { if ($x.PSObject.Properties['<CommandParameterName>']) { @{ param = $x } } else { @{ s = $x } } } else { ConvertTo-WcdArg $x }
        }) })
}
# A command that is still not found (a name built at run time, or anything injected) is recorded too.
$notFound = [System.EventHandler[System.Management.Automation.CommandLookupEventArgs]] {
  param($missing, $e)
  $e.CommandScriptBlock = { & $record $missing 'not-found' $args @($input).Count }.GetNewClosure()
  $e.StopSearch = $true
}

$results = foreach ($case in $cases) {
  $r = [ordered]@{ id = $case.id; script = $null; parseErrors = @(); ast = @(); calls = @(); error = $null }
  if ($case.native) {
    $r.script = [string]$case.line
    $env:PATH = $startPath
    try {
      $global:LASTEXITCODE = $null
      $null = & ([scriptblock]::Create($r.script))
      $r.exit = $global:LASTEXITCODE
    } catch {
      $r.error = "$($_.FullyQualifiedErrorId): $($_.Exception.Message)"
    } finally {
      $env:PATH = ''
      $ErrorActionPreference = 'Stop'
    }
    $r
    continue
  }
  try {
    if ($null -ne $case.argv) {
      # What powershell.exe does with -EncodedCommand: base64 of the UTF-16LE text of the script.
      $script = [System.Text.Encoding]::Unicode.GetString([Convert]::FromBase64String($case.argv[4]))
    } else {
      $script = [string]$case.line
    }
    $r.script = $script
    $tokens = $null; $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($script, [ref]$tokens, [ref]$errors)
    $r.parseErrors = @(foreach ($e in $errors) { "$($e.ErrorId): $($e.Message)" })
    if ($null -ne $case.argv) { $r.ast = @(Get-WcdAstShape $ast) }
    if ($errors.Count -eq 0) {
      $calls = [System.Collections.Generic.List[object]]::new()
      # Every command the script names gets a stub (an alias: under the name it stands for). Stubs are made once, as
      # global functions, and record into the $calls of the case that is running.
      foreach ($cmd in $ast.FindAll($isCommand, $true)) {
        $n = $cmd.GetCommandName()
        if (-not $n) { continue }
        if ($aliases.ContainsKey($n)) { $n = $aliases[$n] }
        if ($stubbed.Add($n)) { Microsoft.PowerShell.Management\Set-Item -LiteralPath "function:global:$n" -Value $stub }
      }
      $ExecutionContext.InvokeCommand.CommandNotFoundAction = $notFound
      try {
        # The script as parsed above (not parsed a second time), dot-sourced in a scope of its own; its output discarded.
        $null = & {
          . $ast.GetScriptBlock()
        }
      } catch {
        $r.error = "$($_.FullyQualifiedErrorId): $($_.Exception.Message)"
      } finally {
        $ExecutionContext.InvokeCommand.CommandNotFoundAction = $null
        $ErrorActionPreference = 'Stop'
      }
      $r.calls = @($calls)
    }
  } catch {
    $r.error = "harness: $($_.Exception.Message)"
  }
  $r
}
[System.IO.File]::WriteAllText($OutPath, (Microsoft.PowerShell.Utility\ConvertTo-Json -InputObject @($results) -Depth 20 -Compress), $utf8)
