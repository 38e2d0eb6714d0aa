<#
  Runs collector.Tests.ps1 with Pester 5 and writes a summary to <OutDir>/pester.json (counts, time, failures),
  for test/pwsh/collector.test.ts. The documents the collector wrote are left in OutDir.
#>
param([Parameter(Mandatory)][string]$OutDir)
$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.0 -ErrorAction Stop
$env:WCD_COLLECTOR_OUT = $OutDir
$config = New-PesterConfiguration
$config.Run.Path = Join-Path $PSScriptRoot 'collector.Tests.ps1'
$config.Run.PassThru = $true
$config.Output.Verbosity = 'None'
$started = [Diagnostics.Stopwatch]::StartNew()
$result = Invoke-Pester -Configuration $config
$failures = @($result.Failed | ForEach-Object { [ordered]@{ name = $_.ExpandedPath; message = [string]$_.ErrorRecord[0] } })
$containerErrors = @($result.Containers | Where-Object { $_.Result -eq 'Failed' -and $_.ErrorRecord.Count -gt 0 } | ForEach-Object { [string]$_.ErrorRecord[0] })
$summary = [ordered]@{
    pester   = (Get-Module Pester).Version.ToString()
    pwsh     = $PSVersionTable.PSVersion.ToString()
    total    = $result.TotalCount
    passed   = $result.PassedCount
    failed   = $result.FailedCount
    skipped  = $result.SkippedCount
    notRun   = $result.NotRunCount
    ms       = [int]$started.Elapsed.TotalMilliseconds
    failures = $failures + @($containerErrors | ForEach-Object { [ordered]@{ name = 'container'; message = $_ } })
}
[IO.File]::WriteAllText((Join-Path $OutDir 'pester.json'), (ConvertTo-Json -InputObject $summary -Depth 5))
