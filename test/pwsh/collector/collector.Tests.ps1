<#
  Pester tests of the host collector (src/platform/collector/collect.ps1) under real PowerShell 7, on a machine
  without Windows. Run by test/pwsh/collector.test.ts through run-pester.ps1, which passes the folder where each run's
  document is saved ($env:WCD_COLLECTOR_OUT); the vitest side feeds those documents to `wcdoctor check --from`.

  Every Windows-only command the collector calls is answered from a collector document in test/fixtures/check/hosts:
  cmdlets through Pester's Mock (stub functions are defined first where this pwsh has no such command), the
  programs (docker, cmd, containerd, netsh) through fake-native.sh linked under their names into a folder on PATH,
  and elevation through Mock Test-Elevated (a .NET call underneath, which Pester cannot replace).
#>

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
    $script:Collector = Join-Path $Root 'src/platform/collector/collect.ps1'
    $script:HostFixtures = Join-Path $Root 'test/fixtures/check/hosts'
    $script:FakeNative = Join-Path $PSScriptRoot 'fake-native.sh'
    $script:OutDir = $env:WCD_COLLECTOR_OUT
    if (-not $OutDir) { throw 'WCD_COLLECTOR_OUT is not set (run through test/pwsh/collector.test.ts)' }
    $script:Work = Join-Path $OutDir 'work'
    $null = New-Item -ItemType Directory -Force -Path $Work
    # No Linux programs: a Windows host has none, and PowerShell, looking up a name it does not know (Get-Command below,
    # Pester's mocks), lists every file of every folder on PATH (six thousand stat calls for /usr/bin and /bin alone).
    $env:PATH = Join-Path $Work 'no-programs'
    . (Join-Path $PSScriptRoot 'Ps51Syntax.ps1')

    # Stubs for the commands this pwsh does not have, with the parameters the collector passes, so that Mock can
    # replace them and its parameter filters see the values. A stub that runs (no mock took the call) throws.
    $script:Stubbed = @()
    $stubs = [ordered]@{
        'Test-Elevated'              = ''
        'Get-CimInstance'            = '[string]$ClassName, [string]$Filter'
        'Get-Service'                = '[string[]]$Name'
        'Get-WindowsOptionalFeature' = '[switch]$Online, [string]$FeatureName'
        'Get-WindowsFeature'         = '[string[]]$Name'
        'Get-HnsNetwork'             = ''
        'Get-HnsEndpoint'            = ''
        'Get-NetNat'                 = ''
        'Get-NetNatStaticMapping'    = ''
        'Get-VMSwitch'               = ''
        'Get-NetAdapterBinding'      = '[string[]]$ComponentID'
        'Get-MpPreference'           = ''
    }
    foreach ($name in $stubs.Keys) {
        if (Get-Command -Name $name -ErrorAction SilentlyContinue) { continue }
        $body = "[CmdletBinding()] param($($stubs[$name])) throw '$name was called without a mock'"
        Set-Item -Path "function:global:$name" -Value ([scriptblock]::Create($body))
        $script:Stubbed += $name
    }

    # One fixture document as the objects each command returns. A read the fixture has as JSON comes back as the
    # objects ConvertFrom-Json makes of it (the collector turns them back into JSON); text reads are the program's output.
    function script:Read-Fixture([string]$File) {
        $doc = Get-Content -LiteralPath (Join-Path $HostFixtures $File) -Raw | ConvertFrom-Json
        return $doc
    }
    function script:Get-FixtureObjects($Doc, [string]$Id) {
        $read = $Doc.reads.$Id
        if ($null -eq $read -or $null -eq $read.output) { return }
        $text = [string]$read.output
        if ($text.Trim() -eq '' -or $text.Trim() -eq '[]') { return }
        if ($text.TrimStart().StartsWith('[') -or $text.TrimStart().StartsWith('{')) { foreach ($o in @($text | ConvertFrom-Json)) { $o }; return }
        # Format-List text (a fixture pasted from a console): "Name : value" lines, one object per paragraph.
        foreach ($block in ($text.Replace("`r", '') -split "`n[ \t]*`n")) {
            $o = [ordered]@{}
            foreach ($line in ($block -split "`n")) {
                $at = $line.IndexOf(' : ')
                if ($at -lt 0) { $at = $line.IndexOf(' :') }
                if ($at -gt 0) { $o[$line.Substring(0, $at).Trim()] = $line.Substring($at + 2).Trim() }
            }
            if ($o.Count -gt 0) { [pscustomobject]$o }
        }
    }

    # The answers of the programs for one host: each command line the collector runs, and what it prints.
    # These helpers build their paths with [IO.Path] and [IO.File], not Join-Path and Test-Path: once Set-HostMocks has
    # run, every Join-Path and Test-Path call in this file goes through Pester's mock dispatch (about 10 ms each), and the
    # helpers made about forty such calls per collector run.
    function script:Set-NativeAnswers($Doc, [string]$Dir) {
        $null = New-Item -ItemType Directory -Force -Path ([IO.Path]::Combine($Dir, 'bin'))
        $answer = {
            param([string]$Line, $Read, [string]$Text)
            $program = $Line.Split(' ')[0]
            if ($null -ne $Read -and $Read.error -like "$program is not recognized*") { return }
            # The answer's number, listed with its command line in answers.tsv (fake-native.sh looks the line up there).
            $list = [IO.Path]::Combine($Dir, 'answers.tsv')
            $hash = if ([IO.File]::Exists($list)) { [IO.File]::ReadAllLines($list).Count } else { 0 }
            [IO.File]::AppendAllText($list, "$hash`t$Line`n")
            $link = [IO.Path]::Combine($Dir, "bin/$program")
            if (-not [IO.File]::Exists($link)) { $null = New-Item -ItemType SymbolicLink -Path $link -Target $FakeNative }
            if ($null -ne $Read -and $null -ne $Read.error) {
                [IO.File]::WriteAllText(([IO.Path]::Combine($Dir, "$hash.err")), [string]$Read.error)
                [IO.File]::WriteAllText(([IO.Path]::Combine($Dir, "$hash.exit")), '1')
            } else {
                if ($PSBoundParameters.ContainsKey('Text')) { $out = $Text } elseif ($null -ne $Read) { $out = [string]$Read.output } else { $out = '' }
                [IO.File]::WriteAllText(([IO.Path]::Combine($Dir, "$hash.out")), $out)
            }
        }
        $r = $Doc.reads
        & $answer 'cmd /c ver' $r.ver
        & $answer 'docker info --format {{json .}}' $r.dockerInfo
        & $answer 'docker version --format {{json .}}' $r.dockerVersion
        if ($null -ne $r.dockerImages -and $null -ne $r.dockerImages.error) {
            & $answer 'docker image ls -q --no-trunc' $r.dockerImages
        } else {
            $images = @(Get-FixtureObjects $Doc 'dockerImages')
            $ids = @(for ($i = 0; $i -lt $images.Count; $i++) {
                    if ($images[$i].Id) { $images[$i].Id } else { 'sha256:' + ('{0:x64}' -f ($i + 1)).PadLeft(64, '0') }
                })
            & $answer 'docker image ls -q --no-trunc' $null (($ids + $ids[0..0]) -join "`n")
            if ($ids.Count -gt 0) { & $answer ('docker image inspect ' + ($ids -join ' ')) $r.dockerImages }
        }
        # containerd prints its version; the collector adds the "version =" line of config.toml, which is a real file here.
        if ($null -ne $r.containerdVersion -and $null -ne $r.containerdVersion.output) {
            $lines = ([string]$r.containerdVersion.output) -split "`n"
            & $answer 'containerd --version' $null $lines[0]
            if ($lines.Count -gt 1) {
                $null = New-Item -ItemType Directory -Force -Path ([IO.Path]::Combine($Dir, 'ProgramFiles/containerd'))
                [IO.File]::WriteAllText(([IO.Path]::Combine($Dir, 'ProgramFiles/containerd/config.toml')), "root = 'C:\\ProgramData\\containerd\\root'`n" + ($lines[1..($lines.Count - 1)] -join "`n") + "`n")
            }
        } else {
            & $answer 'containerd --version' $r.containerdVersion
        }
        & $answer 'netsh int ipv4 show excludedportrange protocol=tcp' $r.excludedPorts
        & $answer 'netsh int ipv4 show dynamicportrange protocol=tcp' $r.dynamicPorts
    }

    # Runs the collector as the host in $Doc would answer; returns what it printed (the JSON text).
    function script:Invoke-Collector($Doc, [string]$Name) {
        $dir = [IO.Path]::Combine($Work, $Name)
        $null = New-Item -ItemType Directory -Force -Path $dir
        $global:WcdDrive = [IO.Path]::Combine($dir, 'drives')
        $root = 'C:\ProgramData\docker'
        $info = @(Get-FixtureObjects $Doc 'dockerInfo')
        if ($info.Count -and $info[0].DockerRootDir) { $root = [string]$info[0].DockerRootDir }
        $specs = [IO.Path]::Combine($global:WcdDrive, ($root.Substring(0, 1) + '/' + $root.Substring(3).Replace('\', '/') + '/CredentialSpecs'))
        foreach ($spec in @(Get-FixtureObjects $Doc 'credentialSpecs')) {
            $null = New-Item -ItemType Directory -Force -Path $specs
            [IO.File]::WriteAllText(([IO.Path]::Combine($specs, $spec.Name)), [string]$spec.Content)
        }
        Set-NativeAnswers $Doc $dir
        $saved = @{ PATH = $env:PATH; ProgramFiles = $env:ProgramFiles; COMPUTERNAME = $env:COMPUTERNAME; WCD_NATIVE_DIR = $env:WCD_NATIVE_DIR }
        try {
            # Only the fake programs of this host are found (they are bash scripts that start nothing else).
            $env:PATH = [IO.Path]::Combine($dir, 'bin')
            $env:ProgramFiles = [IO.Path]::Combine($dir, 'ProgramFiles')
            $env:COMPUTERNAME = [string]$Doc.host
            $env:WCD_NATIVE_DIR = $dir
            return (& $Collector)
        } finally {
            foreach ($k in $saved.Keys) { Set-Item -Path "env:$k" -Value $saved[$k] }
        }
    }

    # The mocks for one host: every Windows-only cmdlet answers from $global:WcdDoc (a global: mock bodies run in
    # Pester's scope, not the test's).
    function script:Set-HostMocks {
        Mock Test-Elevated { [bool]$global:WcdDoc.elevated }
        Mock Get-ItemProperty -ParameterFilter { "$Path$LiteralPath" -like '*\Windows NT\CurrentVersion' } { Get-FixtureObjects $global:WcdDoc 'currentVersion' }
        Mock Get-ItemProperty -ParameterFilter { "$Path$LiteralPath" -like '*\Policies\Microsoft\FVE' } { Get-FixtureObjects $global:WcdDoc 'fveDenyWrite' }
        Mock Get-ItemProperty -ParameterFilter { "$Path$LiteralPath" -like '*\Services\Tcpip6\Parameters' } { Get-FixtureObjects $global:WcdDoc 'ipv6Registry' }
        Mock Test-Path -ParameterFilter { "$LiteralPath" -like 'HKLM:\*' } { $true }
        Mock Test-Path -ParameterFilter { "$LiteralPath" -like '\\.\pipe\*' } {
            $pipes = @(Get-FixtureObjects $global:WcdDoc 'pipes')[0]
            [bool]$pipes.($LiteralPath.Split('\')[-1])
        }
        # A Windows path (DockerRootDir, C:\ProgramData\docker) is a folder of this host's work folder, where the
        # credential specs of the fixture are real files: Test-Path, Get-ChildItem and Get-Content run as they are.
        Mock Join-Path -ParameterFilter { "$Path" -match '^[A-Za-z]:\\' } {
            Join-Path (Join-Path $global:WcdDrive ("$Path".Substring(0, 1) + '/' + "$Path".Substring(3).Replace('\', '/'))) $ChildPath
        }
        Mock Get-CimInstance -ParameterFilter { $ClassName -eq 'Win32_OperatingSystem' } { Get-FixtureObjects $global:WcdDoc 'win32os' }
        Mock Get-CimInstance -ParameterFilter { $ClassName -eq 'Win32_ComputerSystem' } { Get-FixtureObjects $global:WcdDoc 'computerSystem' }
        Mock Get-CimInstance -ParameterFilter { $ClassName -eq 'Win32_LogicalDisk' -and $Filter -eq 'DriveType=3' } { Get-FixtureObjects $global:WcdDoc 'disks' }
        Mock Get-CimInstance -ParameterFilter { $ClassName -eq 'Win32_PageFileUsage' } { Get-FixtureObjects $global:WcdDoc 'pagefile' }
        Mock Get-CimInstance -ParameterFilter { $ClassName -eq 'Win32_Service' -and $Filter -eq "Name='hns'" } {
            $hns = @(Get-FixtureObjects $global:WcdDoc 'processes' | Where-Object { $_.Name -eq 'hns' })
            [pscustomobject]@{ Name = 'hns'; ProcessId = $(if ($hns.Count) { [uint32]$hns[0].Id } else { [uint32]0 }) }
        }
        Mock Get-Service { Get-FixtureObjects $global:WcdDoc 'services' | Where-Object { $Name -contains $_.Name } }
        # Get-Process objects: Threads is a collection (the collector counts it).
        $asProcess = { param($p) [pscustomobject]@{ Name = $p.Name; Id = $p.Id; WorkingSet64 = $p.WorkingSet64; HandleCount = $p.HandleCount; Threads = $(if ([int]$p.Threads -gt 0) { @(1..[int]$p.Threads) } else { @() }) } }
        Set-Variable -Scope Global -Name WcdAsProcess -Value $asProcess
        Mock Get-Process -ParameterFilter { $null -ne $Name } { Get-FixtureObjects $global:WcdDoc 'processes' | Where-Object { $_.Name -ne 'hns' -and $Name -contains $_.Name } | ForEach-Object { & $global:WcdAsProcess $_ } }
        Mock Get-Process -ParameterFilter { $null -ne $Id } { Get-FixtureObjects $global:WcdDoc 'processes' | Where-Object { $_.Name -eq 'hns' -and $Id -contains $_.Id } | ForEach-Object { & $global:WcdAsProcess $_ } }
        Mock Get-WindowsFeature { Get-FixtureObjects $global:WcdDoc 'features' | Where-Object { $Name -contains $_.Name } }
        Mock Get-WindowsOptionalFeature { Get-FixtureObjects $global:WcdDoc 'features' | Where-Object { $_.FeatureName -eq $FeatureName } }
        Mock Get-HnsNetwork { Get-FixtureObjects $global:WcdDoc 'hnsNetworks' }
        Mock Get-HnsEndpoint { Get-FixtureObjects $global:WcdDoc 'hnsEndpoints' }
        Mock Get-NetNat { Get-FixtureObjects $global:WcdDoc 'netNat' }
        Mock Get-NetNatStaticMapping { Get-FixtureObjects $global:WcdDoc 'netNatStatic' }
        Mock Get-VMSwitch { Get-FixtureObjects $global:WcdDoc 'vmSwitch' }
        Mock Get-NetAdapterBinding -ParameterFilter { $ComponentID -contains 'ms_tcpip6' } { Get-FixtureObjects $global:WcdDoc 'ipv6Binding' }
        Mock Get-MpPreference { Get-FixtureObjects $global:WcdDoc 'mpPreference' }
    }

    function script:Save-Document([string]$Name, $Text) {
        $Text | Out-File -LiteralPath (Join-Path $OutDir "$Name.json")
    }
    $script:AdminReads = @('features', 'hnsNetworks', 'hnsEndpoints', 'vmSwitch', 'mpPreference')
}

AfterAll {
    foreach ($name in $script:Stubbed) { Remove-Item -Path "function:global:$name" -ErrorAction SilentlyContinue }
    Remove-Variable -Scope Global -Name WcdDoc, WcdAsProcess, WcdDrive -ErrorAction SilentlyContinue
}

Describe 'collect.ps1 syntax' {
    BeforeAll {
        $script:Tokens = $null
        $script:Errors = $null
        $script:Ast = [System.Management.Automation.Language.Parser]::ParseFile($Collector, [ref]$script:Tokens, [ref]$script:Errors)
    }

    It 'parses in PowerShell 7 without errors' {
        @($Errors | ForEach-Object { "$($_.Extent.StartLineNumber): $($_.Message)" }) | Should -BeNullOrEmpty
        $Ast.EndBlock.Statements.Count | Should -BeGreaterThan 20
    }

    It 'keeps to Windows PowerShell 5.1 syntax' {
        Find-Ps7OnlySyntax -Ast $Ast -Tokens $Tokens | Should -BeNullOrEmpty
    }

    It 'calls its own functions only with the parameters they declare (an operator after a call is an argument)' {
        Find-UndeclaredParameter -Ast $Ast | Should -BeNullOrEmpty
        # The line the Pester tests caught: "-split" went to Read-Native as an argument, not to its output.
        $t = $null; $e = $null
        $old = [System.Management.Automation.Language.Parser]::ParseInput('function Read-Native { param([string]$File, [string[]]$Arguments) }' + "`n" + '$ids = @(Read-Native ''docker'' @(''image'', ''ls'') -split "`n" | Where-Object { $_ })', [ref]$t, [ref]$e)
        Find-UndeclaredParameter -Ast $old | Should -Be @('2: Read-Native -split')
    }

    It 'the 5.1 check finds <what>' -TestCases @(
        @{ what = '??'; code = '$a = $b ?? 1' }
        @{ what = '??='; code = '$a ??= 1' }
        @{ what = '?.'; code = '${a}?.Name' }
        @{ what = '?. call'; code = '${a}?.ToString()' }
        @{ what = '?[]'; code = '${a}?[0]' }
        @{ what = 'ternary'; code = '$a = $true ? 1 : 2' }
        @{ what = '&&'; code = 'Get-Date && Get-Date' }
        @{ what = '||'; code = 'Get-Date || Get-Date' }
        @{ what = 'background &'; code = 'Get-Date &' }
        @{ what = '-Parallel'; code = '1..2 | ForEach-Object -Parallel { $_ }' }
        @{ what = '% -Para'; code = '1..2 | % -Para { $_ }' }
        @{ what = 'clean block'; code = 'function f { process { 1 } clean { 2 } }' }
        @{ what = '`u{}'; code = '"`u{2713}"' }
        @{ what = 'ConvertTo-Json -AsArray'; code = 'ConvertTo-Json -AsArray -InputObject 1' }
        @{ what = 'ConvertFrom-Json -AsHashtable'; code = '"{}" | ConvertFrom-Json -AsHashtable' }
        @{ what = 'Get-Error'; code = 'Get-Error' }
        @{ what = 'Join-String'; code = '1, 2 | Join-String' }
    ) {
        param($what, $code)
        $t = $null; $e = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref]$t, [ref]$e)
        $e | Should -BeNullOrEmpty
        @(Find-Ps7OnlySyntax -Ast $ast -Tokens $t).Count | Should -Be 1
    }

    It 'the 5.1 check passes what 5.1 runs' {
        $code = @'
$x = [ordered]@{ a = 1 }
$y = if ($null -ne $x) { $x.a } else { 0 }
$z = @(1, 2) | ForEach-Object { $_ * 2 } | Where-Object { $_ -gt 2 }
Get-Date -Format o; "a `$b"; '?? ?. && || `u{1}'
try { 1 } catch { $_.Exception.Message } finally { }
ConvertTo-Json -InputObject $x -Depth 20 -Compress | ConvertFrom-Json
'@
        $t = $null; $e = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref]$t, [ref]$e)
        $e | Should -BeNullOrEmpty
        Find-Ps7OnlySyntax -Ast $ast -Tokens $t | Should -BeNullOrEmpty
    }
}

Describe 'collect.ps1 on a host' {
    # The mocks answer from $global:WcdDoc, which each test sets to its host.
    BeforeAll { Set-HostMocks }

    It 'elevated host, <name> (<file>): every read answered, nothing skipped, no error but the fixture''s' -TestCases @(
        @{ file = 'ws2022-healthy.json'; name = 'healthy'; networks = 1 }
        @{ file = 'k8s-node-containerd2.json'; name = 'one-network'; networks = 1 }
        @{ file = 'ws2019-problems.json'; name = 'several-networks'; networks = 2 }
    ) {
        param($file, $name, $networks)
        $global:WcdDoc = Read-Fixture $file
        $text = Invoke-Collector $global:WcdDoc $name
        $text | Should -BeOfType [string]
        $text | Should -Match '^[\x00-\x7F]*$'
        Save-Document $name $text
        $out = $text | ConvertFrom-Json
        $out.schema | Should -Be 'wcdoctor-facts/1'
        $out.host | Should -Be $global:WcdDoc.host
        $out.elevated | Should -BeTrue
        $out.psVersion | Should -Match '^7\.'
        foreach ($p in $out.reads.PSObject.Properties) {
            $p.Value.skipped | Should -BeNullOrEmpty -Because $p.Name
            # The only errors are the ones the fixture host had (a program that is not installed).
            if ($null -ne $p.Value.error) { $p.Value.error | Should -Be $global:WcdDoc.reads.($p.Name).error -Because $p.Name }
        }
        # Get-HnsNetwork's objects come back as an array, however many there are.
        $nets = $out.reads.hnsNetworks.output
        $nets | Should -Match '^\['
        @($nets | ConvertFrom-Json -NoEnumerate)[0].Count | Should -Be $networks
        Should -Invoke Get-HnsNetwork -Times 1 -Exactly
        Should -Invoke Get-MpPreference -Times 1 -Exactly
    }

    It 'host without admin: elevation read first, the admin-only reads recorded as needs-admin and never run' {
        $global:WcdDoc = Read-Fixture 'win11-desktop-linux-unelevated.json'
        $text = Invoke-Collector $global:WcdDoc 'unelevated'
        # Saved as Windows PowerShell 5.1's "> file" would: UTF-16LE with a BOM.
        $text | Out-File -LiteralPath (Join-Path $OutDir 'unelevated.json') -Encoding unicode
        $out = $text | ConvertFrom-Json
        $out.elevated | Should -BeFalse
        $names = @($out.reads.PSObject.Properties.Name)
        foreach ($id in $AdminReads) {
            $out.reads.$id.skipped | Should -Be 'needs-admin' -Because $id
            $out.reads.$id.output | Should -BeNullOrEmpty
        }
        @($out.reads.PSObject.Properties | Where-Object { $null -ne $_.Value.skipped }).Count | Should -Be $AdminReads.Count
        $names.Count | Should -Be 26
        Should -Invoke Test-Elevated -Times 1 -Exactly
        foreach ($c in 'Get-HnsNetwork', 'Get-HnsEndpoint', 'Get-VMSwitch', 'Get-MpPreference', 'Get-WindowsOptionalFeature', 'Get-WindowsFeature') {
            Should -Invoke $c -Times 0 -Exactly -Because "$c needs admin"
        }
        # The zh-CN netsh table went through the fake program as UTF-8 and into the document as \u escapes.
        $text | Should -Match '\\u534f\\u8bae tcp'
        $out.reads.excludedPorts.output | Should -Match '^\s*协议 tcp 端口排除范围'
    }

    It 'a read that throws: its error is recorded and every other read still completes' {
        $global:WcdDoc = Read-Fixture 'ws2022-healthy.json'
        Mock Get-CimInstance -ParameterFilter { $ClassName -eq 'Win32_LogicalDisk' } { throw [System.UnauthorizedAccessException]::new('Access denied') }
        $text = Invoke-Collector $global:WcdDoc 'read-throws'
        Save-Document 'read-throws' $text
        $out = $text | ConvertFrom-Json
        $out.reads.disks.error | Should -Be 'Access denied'
        $out.reads.disks.output | Should -BeNullOrEmpty
        $out.reads.disks.command | Should -Be 'Get-CimInstance Win32_LogicalDisk -Filter DriveType=3'
        $failed = @($out.reads.PSObject.Properties | Where-Object { $null -ne $_.Value.error -and $_.Name -ne 'disks' } | ForEach-Object Name)
        $failed | Should -Be @('containerdVersion')   # not installed on that host, as in the fixture
        # Reads after the failing one ran.
        $out.reads.credentialSpecs.output | Should -Match 'contoso_webapp01.json'
        Should -Invoke Get-MpPreference -Times 1 -Exactly
    }

    It 'reads credential specs only under a local DockerRootDir: a share an engine elsewhere names is never opened' {
        $global:WcdDoc = Read-Fixture 'ws2022-healthy.json'
        $info = $global:WcdDoc.reads.dockerInfo.output | ConvertFrom-Json
        $info.DockerRootDir = '\\evil.example\share'
        $global:WcdDoc.reads.dockerInfo.output = ($info | ConvertTo-Json -Depth 10 -Compress)
        # No spec files for this host (the harness would write them under the root it names).
        $global:WcdDoc.reads.credentialSpecs.output = '[]'
        Mock Test-Path -ParameterFilter { "$LiteralPath" -like '*evil.example*' } { $true }
        Mock Get-ChildItem -ParameterFilter { "$LiteralPath" -like '*evil.example*' } { @() }
        $text = Invoke-Collector $global:WcdDoc 'unc-root'
        $out = $text | ConvertFrom-Json
        Should -Invoke Test-Path -ParameterFilter { "$LiteralPath" -like '*evil.example*' } -Times 0 -Exactly
        Should -Invoke Get-ChildItem -ParameterFilter { "$LiteralPath" -like '*evil.example*' } -Times 0 -Exactly
        $out.reads.credentialSpecs.error | Should -BeNullOrEmpty
    }

    It 'a program that fails (docker: Access is denied) is recorded with its text' {
        $global:WcdDoc = Read-Fixture 'ws2022-healthy.json'
        $denied = [pscustomobject]@{ error = 'error during connect: this error may indicate that the docker daemon is not running: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.47/info": open //./pipe/docker_engine: Access is denied.' }
        $global:WcdDoc.reads.dockerInfo = $denied
        $text = Invoke-Collector $global:WcdDoc 'docker-denied'
        Save-Document 'docker-denied' $text
        $out = $text | ConvertFrom-Json
        $out.reads.dockerInfo.error | Should -Be $denied.error
        $out.reads.dockerVersion.output | Should -Match '"Version":"27.3.1"'
    }

    It 'names outside ASCII (accents, Hangul, an emoji, quotes) leave as \u escapes and come back exactly' {
        $global:WcdDoc = Read-Fixture 'ws2022-healthy.json'
        $switch = "vEthernet (Ñat) 스위치 `u{1F680} `"q`" 'a' ``b"
        Mock Get-VMSwitch { [pscustomobject]@{ Name = $switch; SwitchType = 'Internal'; NetAdapterInterfaceDescription = $null } }
        $text = Invoke-Collector $global:WcdDoc 'non-ascii'
        Save-Document 'non-ascii' $text
        $text | Should -Match '^[\x00-\x7F]*$'
        $text | Should -Match ([regex]::Escape('\ud83d\ude80'))
        (($text | ConvertFrom-Json).reads.vmSwitch.output | ConvertFrom-Json).Name | Should -BeExactly $switch
    }

    It 'runs the programs with the command lines it shows' {
        $calls = Get-Content -LiteralPath (Join-Path $Work 'healthy/calls.log')
        $calls | Should -Contain 'cmd /c ver'
        $calls | Should -Contain 'docker info --format {{json .}}'
        $calls | Should -Contain 'netsh int ipv4 show excludedportrange protocol=tcp'
        @($calls | Where-Object { $_ -like 'docker image inspect sha256:*' }).Count | Should -Be 1
    }
}

Describe 'collect.ps1 across a fleet (Invoke-Command)' {
    BeforeAll { Set-HostMocks }

    It 'returns one object per host, tagged PSComputerName, saved by ConvertTo-Json -Depth 20' {
        $hosts = @(
            @{ file = 'ws2022-healthy.json'; tag = 'web01.contoso.local' }
            @{ file = 'ws2019-problems.json'; tag = 'legacy02.contoso.local' }
            @{ file = 'win11-desktop-linux-unelevated.json'; tag = 'ws-dev-11' }
        )
        # Under remoting $PSSenderInfo is set; the collector then returns an object rather than text.
        $global:PSSenderInfo = [pscustomobject]@{ ConnectedUser = 'CONTOSO\ops' }
        try {
            $results = foreach ($h in $hosts) {
                $global:WcdDoc = Read-Fixture $h.file
                        $r = Invoke-Collector $global:WcdDoc ('fleet-' + $h.tag)
                $r | Should -Not -BeOfType [string]
                # What the caller of Invoke-Command gets: the object after the CLIXML round trip, with remoting's tags.
                $back = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($r, 20))
                $back | Add-Member -NotePropertyName PSComputerName -NotePropertyValue $h.tag
                $back | Add-Member -NotePropertyName RunspaceId -NotePropertyValue ([guid]::NewGuid())
                $back | Add-Member -NotePropertyName PSShowComputerName -NotePropertyValue $true
                $back
            }
        } finally {
            Remove-Variable -Scope Global -Name PSSenderInfo
        }
        $results | ConvertTo-Json -Depth 20 > (Join-Path $OutDir 'fleet.json')
        $saved = Get-Content -LiteralPath (Join-Path $OutDir 'fleet.json') -Raw | ConvertFrom-Json
        $saved.Count | Should -Be 3
        $saved.PSComputerName | Should -Be @('web01.contoso.local', 'legacy02.contoso.local', 'ws-dev-11')
        ($saved[1].document | ConvertFrom-Json).host | Should -Be 'LEGACYHOST02'
    }
}
