<#
  Find-Ps7OnlySyntax: what in a script Windows PowerShell 5.1 cannot run, found on the AST that PowerShell 7 parses.
  Returns one line per finding ("<line>: <what>"); nothing when the script keeps to 5.1. Covers the syntax 6.0-7.x
  added (null-coalescing ?? and ??=, null-conditional ?. and ?[], the ternary, && and || between pipelines, a
  trailing & for a background job, clean blocks, `u{...} escapes), ForEach-Object -Parallel, and cmdlets and
  parameters that 5.1 does not have.
#>

# Cmdlets 5.1 does not ship, and parameters that 5.1's version of a cmdlet lacks (the ones scripts reach for).
$script:Ps7OnlyCommands = @('Join-String', 'Get-Error', 'Test-Json', 'ConvertFrom-Markdown', 'Show-Markdown', 'Get-Uptime',
    'Remove-Alias', 'Remove-Service', 'Get-MarkdownOption', 'Set-MarkdownOption', 'Update-List', 'ConvertTo-CliXml', 'ConvertFrom-CliXml')
$script:Ps7OnlyParameters = @{
    'ConvertTo-Json'   = @('AsArray', 'EscapeHandling')
    'ConvertFrom-Json' = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
    'Get-Content'      = @('AsByteStream')
    'Set-Content'      = @('AsByteStream')
    'Add-Content'      = @('AsByteStream')
    'Select-String'    = @('Raw', 'NoEmphasis')
    'Get-Date'         = @('AsUTC', 'UnixTimeSeconds')
    'Join-Path'        = @('AdditionalChildPath', 'Extension')
    'Split-Path'       = @('LeafBase', 'Extension')
    'Test-Connection'  = @('TargetName', 'TcpPort', 'Ping', 'Traceroute', 'MtuSize', 'Repeat')
    'ForEach-Object'   = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace')
    'Get-ChildItem'    = @('FollowSymlink')
    'Start-Process'    = @('Environment')
    'Invoke-WebRequest' = @('SkipCertificateCheck', 'Authentication', 'SslProtocol', 'Resume', 'SkipHttpErrorCheck')
    'Invoke-RestMethod' = @('SkipCertificateCheck', 'Authentication', 'SslProtocol', 'Resume', 'SkipHttpErrorCheck', 'StatusCodeVariable')
}
$script:Aliases = @{ '%' = 'ForEach-Object'; 'foreach' = 'ForEach-Object'; 'gc' = 'Get-Content'; 'cat' = 'Get-Content'; 'sls' = 'Select-String'; 'gci' = 'Get-ChildItem'; 'ls' = 'Get-ChildItem'; 'dir' = 'Get-ChildItem' }

function Find-Ps7OnlySyntax {
    param([Parameter(Mandatory)][System.Management.Automation.Language.ScriptBlockAst]$Ast, [System.Management.Automation.Language.Token[]]$Tokens = @())
    $found = [System.Collections.Generic.List[string]]::new()
    $say = { param($node, $what) $found.Add(('{0}: {1}' -f $node.Extent.StartLineNumber, $what)) }
    foreach ($node in $Ast.FindAll({ $true }, $true)) {
        switch ($node.GetType().Name) {
            'TernaryExpressionAst' { & $say $node 'ternary operator ? :' }
            'PipelineChainAst' { & $say $node "pipeline chain operator $($node.Operator)" }
            'BinaryExpressionAst' { if ([string]$node.Operator -eq 'QuestionQuestion') { & $say $node 'null-coalescing operator ??' } }
            'AssignmentStatementAst' { if ([string]$node.Operator -eq 'QuestionQuestionEquals') { & $say $node 'null-coalescing assignment ??=' } }
            'MemberExpressionAst' { if ($node.NullConditional) { & $say $node 'null-conditional member access ?.' } }
            'InvokeMemberExpressionAst' { if ($node.NullConditional) { & $say $node 'null-conditional method call ?.' } }
            'IndexExpressionAst' { if ($node.NullConditional) { & $say $node 'null-conditional index ?[]' } }
            'PipelineAst' { if ($node.Background) { & $say $node 'background operator &' } }
            'ScriptBlockAst' { if ($null -ne $node.CleanBlock) { & $say $node 'clean block' } }
            'StringConstantExpressionAst' {
                if ($node.StringConstantType -eq 'DoubleQuoted' -or $node.StringConstantType -eq 'DoubleQuotedHereString') {
                    if ($node.Extent.Text -match '`u\{') { & $say $node 'Unicode escape `u{...}' }
                }
            }
            'ExpandableStringExpressionAst' { if ($node.Extent.Text -match '`u\{') { & $say $node 'Unicode escape `u{...}' } }
            'CommandAst' {
                $name = $node.GetCommandName()
                if ($null -eq $name) { break }
                if ($script:Aliases.ContainsKey($name)) { $name = $script:Aliases[$name] }
                $name = @($script:Ps7OnlyCommands + $script:Ps7OnlyParameters.Keys | Where-Object { $_ -eq $name })[0]
                if ($null -eq $name) { break }
                if ($script:Ps7OnlyCommands -contains $name) { & $say $node "command $name (PowerShell 6+)"; break }
                foreach ($p in $node.CommandElements) {
                    if ($p -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
                    # A prefix names a parameter as long as it is unambiguous, so -Para is -Parallel.
                    $hit = @($script:Ps7OnlyParameters[$name] | Where-Object { $_.StartsWith($p.ParameterName, [StringComparison]::OrdinalIgnoreCase) -and $p.ParameterName.Length -ge 2 })
                    if ($hit.Count -gt 0) { & $say $p "$name -$($hit[0]) (PowerShell 6+)" }
                }
            }
        }
    }
    return , $found.ToArray()
}

<#
  Find-UndeclaredParameter: calls of a function the script defines that pass a parameter name the function does not
  declare. Such a "parameter" is usually an operator meant for the call's output (Read-Native ... -split "`n" hands
  "-split" and "`n" to Read-Native; the output is never split), which PowerShell accepts without a word.
#>
function Find-UndeclaredParameter {
    param([Parameter(Mandatory)][System.Management.Automation.Language.ScriptBlockAst]$Ast)
    $common = @('Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable', 'WarningVariable',
        'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable')
    $declared = @{}
    foreach ($f in $Ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)) {
        $names = @()
        if ($null -ne $f.Body.ParamBlock) {
            $names += @($f.Body.ParamBlock.Parameters | ForEach-Object { $_.Name.VariablePath.UserPath })
            if (@($f.Body.ParamBlock.Attributes | Where-Object { $_.TypeName.Name -eq 'CmdletBinding' }).Count -gt 0) { $names += $common }
        }
        if ($null -ne $f.Parameters) { $names += @($f.Parameters | ForEach-Object { $_.Name.VariablePath.UserPath }) }
        $declared[$f.Name] = $names
    }
    $found = @()
    foreach ($c in $Ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
        $name = $c.GetCommandName()
        if ($null -eq $name -or -not $declared.ContainsKey($name)) { continue }
        foreach ($p in $c.CommandElements) {
            if ($p -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
            $known = @($declared[$name] | Where-Object { $_.StartsWith($p.ParameterName, [StringComparison]::OrdinalIgnoreCase) })
            if ($known.Count -eq 0) { $found += ('{0}: {1} -{2}' -f $p.Extent.StartLineNumber, $name, $p.ParameterName) }
        }
    }
    return , $found
}
