<#
.SYNOPSIS
  wcdoctor host collector: reads a Windows container host and prints one JSON document of facts.

.DESCRIPTION
  Read-only. It runs Get- cmdlets, Test-Path, and four programs in read-only modes (cmd /c ver, docker info /
  version / image ls / image inspect, containerd --version, netsh ... show ...). It changes nothing, writes no file
  and no registry value, downloads nothing and probes no network. Elevation is recorded first; the reads that need
  an elevated session are skipped without one and marked "needs-admin".

  Output: JSON with "schema": "wcdoctor-facts/1", the host name, "elevated", and for each read its command and its
  raw output, or the error that stopped it. Non-ASCII characters are written as \uXXXX, so the text is the same
  whatever encoding the console or a redirection uses. Under Invoke-Command the document is returned as the
  "document" property of an object (remoting would flatten nested objects), so that
    Invoke-Command -ComputerName (Get-Content hosts.txt) -FilePath collect.ps1 | ConvertTo-Json -Depth 20 > fleet.json
  gives one entry per host, tagged PSComputerName, for "wcdoctor check --from fleet.json".

  Runs on Windows PowerShell 5.1 and PowerShell 7.
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
# Cmdlets are loaded only from the modules PowerShell itself carries ($PSHOME: NetNat, NetAdapter, Hyper-V, Defender,
# ServerManager, HostNetworkingService ...). The user's own module folder comes first in PSModulePath, and any program
# of the user's can put a module there: one exporting Get-NetNat would have run inside an elevated check (found by a
# regression tester). For this process only.
$env:PSModulePath = Join-Path $PSHOME 'Modules'
# Whether this session is elevated (a function, so that the Pester tests in test/pwsh can answer for it).
function Test-Elevated {
    $principal = [Security.Principal.WindowsPrincipal]::new([Security.Principal.WindowsIdentity]::GetCurrent())
    return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}
$elevated = [bool](Test-Elevated)
$reads = [ordered]@{}

# Runs one read and records its raw output, or the error that stopped it. A read that needs an elevated session is
# skipped without one.
function Read-Fact {
    param([string]$Id, [string]$Command, [scriptblock]$Script, [switch]$Admin)
    if ($Admin -and -not $elevated) {
        $reads[$Id] = [ordered]@{ command = $Command; skipped = 'needs-admin' }
        return
    }
    try {
        $out = & $Script
        if ($null -eq $out) { $text = '' }
        elseif ($out -is [string]) { $text = $out }
        else { $text = ($out | Out-String) }
        $reads[$Id] = [ordered]@{ command = $Command; output = $text }
    } catch {
        $reads[$Id] = [ordered]@{ command = $Command; error = [string]$_.Exception.Message }
    }
}

# Runs a program found on PATH and returns what it printed (stdout and stderr); a non-zero exit is an error that
# carries the text, so docker's "Access is denied" reaches the document. Elevated, a program in a folder of the user's
# profile is not run (%LOCALAPPDATA%\Microsoft\WindowsApps is on PATH, and any program of the user's can put one there).
function Read-Native {
    param([string]$File, [string[]]$Arguments)
    $userFolder = [Environment]::GetFolderPath('UserProfile').TrimEnd('\', '/')
    $found = @(Get-Command -Name $File -CommandType Application -ErrorAction SilentlyContinue)
    $program = $found | Where-Object { -not ($elevated -and $userFolder -and ($_.Source + '\').Replace('/', '\').StartsWith($userFolder.Replace('/', '\') + '\', [StringComparison]::OrdinalIgnoreCase)) } | Select-Object -First 1
    if ($null -eq $program -and $found.Count -gt 0) { throw "$File was found only in the user's profile ($($found[0].Source)), which an elevated check does not run" }
    if ($null -eq $program) { throw "$File is not recognized as the name of a program on this host" }
    $ErrorActionPreference = 'Continue'
    $lines = & $program @Arguments 2>&1 | ForEach-Object { [string]$_ }
    $code = $LASTEXITCODE
    $text = $lines -join "`n"
    if ($code -ne 0) { throw $text }
    return $text
}

# Always a JSON array (ConvertTo-Json writes one object as an object), and "[]" rather than "[null]" for nothing.
function ConvertTo-JsonArray {
    param($Items)
    return (ConvertTo-Json -InputObject @($Items | Where-Object { $null -ne $_ }) -Depth 20 -Compress)
}

$cv = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
Read-Fact 'currentVersion' "Get-ItemProperty '$cv'" {
    Get-ItemProperty -Path $cv | Select-Object CurrentBuildNumber, UBR, ProductName, InstallationType, EditionID, DisplayVersion, ReleaseId, BuildLabEx | ConvertTo-Json -Compress
}
Read-Fact 'win32os' 'Get-CimInstance Win32_OperatingSystem' {
    Get-CimInstance -ClassName Win32_OperatingSystem | Select-Object Caption, Version, BuildNumber, ProductType, OSArchitecture, FreePhysicalMemory, TotalVisibleMemorySize | ConvertTo-Json -Compress
}
Read-Fact 'computerSystem' 'Get-CimInstance Win32_ComputerSystem' {
    Get-CimInstance -ClassName Win32_ComputerSystem | Select-Object HypervisorPresent, PartOfDomain, AutomaticManagedPagefile | ConvertTo-Json -Compress
}
Read-Fact 'ver' 'cmd /c ver' { Read-Native 'cmd' @('/c', 'ver') }
Read-Fact 'dockerInfo' "docker info --format '{{json .}}'" { Read-Native 'docker' @('info', '--format', '{{json .}}') }
Read-Fact 'dockerVersion' "docker version --format '{{json .}}'" { Read-Native 'docker' @('version', '--format', '{{json .}}') }
Read-Fact 'dockerImages' 'docker image inspect (docker image ls -q)' {
    # The parentheses matter: without them "-split" is one more argument to Read-Native, the text stays whole, and
    # with two or more images no line matched (the Pester tests found it).
    $ids = @((Read-Native 'docker' @('image', 'ls', '-q', '--no-trunc')) -split "`n" | Where-Object { $_ -match '^sha256:[0-9a-f]{64}$' } | Select-Object -Unique -First 200)
    if ($ids.Count -eq 0) { return '[]' }
    Read-Native 'docker' (@('image', 'inspect') + $ids)
}
Read-Fact 'containerdVersion' 'containerd --version' {
    $text = Read-Native 'containerd' @('--version')
    $config = Join-Path $env:ProgramFiles 'containerd\config.toml'
    if (Test-Path -LiteralPath $config) {
        $line = Select-String -LiteralPath $config -Pattern '^\s*version\s*=' | Select-Object -First 1
        if ($null -ne $line) { $text = $text + "`n" + $line.Line }
    }
    $text
}
Read-Fact 'services' 'Get-Service hns, vmcompute, docker, containerd, kubelet, kubeproxy, WinDefend' {
    ConvertTo-JsonArray (Get-Service -Name hns, vmcompute, docker, containerd, kubelet, kubeproxy, WinDefend -ErrorAction SilentlyContinue |
        Select-Object Name, @{ n = 'Status'; e = { [string]$_.Status } }, @{ n = 'StartType'; e = { [string]$_.StartType } })
}
Read-Fact 'processes' 'Get-Process dockerd, containerd, kubelet, kube-proxy, vmcompute (and the HNS host process)' {
    $list = @(Get-Process -Name dockerd, containerd, kubelet, kube-proxy, vmcompute -ErrorAction SilentlyContinue |
        Select-Object Name, Id, WorkingSet64, HandleCount, @{ n = 'Threads'; e = { $_.Threads.Count } })
    $hns = Get-CimInstance -ClassName Win32_Service -Filter "Name='hns'" | Select-Object -First 1
    if ($null -ne $hns -and $hns.ProcessId -gt 0) {
        $list += @(Get-Process -Id $hns.ProcessId -ErrorAction SilentlyContinue |
            Select-Object @{ n = 'Name'; e = { 'hns' } }, Id, WorkingSet64, HandleCount, @{ n = 'Threads'; e = { $_.Threads.Count } })
    }
    ConvertTo-JsonArray $list
}
Read-Fact 'features' 'Get-WindowsOptionalFeature -Online -FeatureName Containers, Microsoft-Hyper-V (Get-WindowsFeature on a server)' -Admin {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    if ($os.ProductType -ne 1 -and (Get-Command -Name Get-WindowsFeature -ErrorAction SilentlyContinue)) {
        ConvertTo-JsonArray (Get-WindowsFeature -Name Containers, Hyper-V | Select-Object Name, @{ n = 'InstallState'; e = { [string]$_.InstallState } })
    } else {
        $found = foreach ($name in @('Containers', 'Microsoft-Hyper-V')) {
            Get-WindowsOptionalFeature -Online -FeatureName $name | Select-Object FeatureName, @{ n = 'State'; e = { [string]$_.State } }
        }
        ConvertTo-JsonArray $found
    }
}
Read-Fact 'pipes' 'Test-Path \\.\pipe\docker_engine, \\.\pipe\containerd-containerd' {
    [ordered]@{
        'docker_engine'         = (Test-Path -LiteralPath '\\.\pipe\docker_engine')
        'containerd-containerd' = (Test-Path -LiteralPath '\\.\pipe\containerd-containerd')
    } | ConvertTo-Json -Compress
}
Read-Fact 'disks' 'Get-CimInstance Win32_LogicalDisk -Filter DriveType=3' {
    ConvertTo-JsonArray (Get-CimInstance -ClassName Win32_LogicalDisk -Filter 'DriveType=3' | Select-Object DeviceID, FreeSpace, Size)
}
$fve = 'HKLM:\SYSTEM\CurrentControlSet\Policies\Microsoft\FVE'
Read-Fact 'fveDenyWrite' "Get-ItemProperty '$fve' FDVDenyWriteAccess" {
    $value = $null
    if (Test-Path -LiteralPath $fve) { $value = (Get-ItemProperty -LiteralPath $fve -ErrorAction SilentlyContinue).FDVDenyWriteAccess }
    [ordered]@{ FDVDenyWriteAccess = $value } | ConvertTo-Json -Compress
}
Read-Fact 'pagefile' 'Get-CimInstance Win32_PageFileUsage' {
    ConvertTo-JsonArray (Get-CimInstance -ClassName Win32_PageFileUsage | Select-Object Name, AllocatedBaseSize, CurrentUsage)
}
Read-Fact 'hnsNetworks' 'Get-HnsNetwork | ConvertTo-Json -Depth 20' -Admin {
    if (-not (Get-Command -Name Get-HnsNetwork -ErrorAction SilentlyContinue)) { throw 'Get-HnsNetwork is not recognized as the name of a cmdlet (no HostNetworkingService module)' }
    ConvertTo-JsonArray (Get-HnsNetwork)
}
Read-Fact 'hnsEndpoints' 'Get-HnsEndpoint | ConvertTo-Json -Depth 20' -Admin {
    if (-not (Get-Command -Name Get-HnsEndpoint -ErrorAction SilentlyContinue)) { throw 'Get-HnsEndpoint is not recognized as the name of a cmdlet (no HostNetworkingService module)' }
    ConvertTo-JsonArray (Get-HnsEndpoint)
}
Read-Fact 'netNat' 'Get-NetNat' {
    ConvertTo-JsonArray (Get-NetNat -ErrorAction SilentlyContinue | Select-Object Name, InternalIPInterfaceAddressPrefix, Active)
}
Read-Fact 'netNatStatic' 'Get-NetNatStaticMapping' {
    ConvertTo-JsonArray (Get-NetNatStaticMapping -ErrorAction SilentlyContinue | Select-Object NatName, Protocol, ExternalIPAddress, ExternalPort, InternalIPAddress, InternalPort)
}
Read-Fact 'vmSwitch' 'Get-VMSwitch' -Admin {
    if (-not (Get-Command -Name Get-VMSwitch -ErrorAction SilentlyContinue)) { throw 'Get-VMSwitch is not recognized as the name of a cmdlet (no Hyper-V module)' }
    ConvertTo-JsonArray (Get-VMSwitch | Select-Object Name, @{ n = 'SwitchType'; e = { [string]$_.SwitchType } }, NetAdapterInterfaceDescription)
}
Read-Fact 'ipv6Binding' 'Get-NetAdapterBinding -ComponentID ms_tcpip6' {
    ConvertTo-JsonArray (Get-NetAdapterBinding -ComponentID ms_tcpip6 | Select-Object Name, Enabled)
}
$tcpip6 = 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters'
Read-Fact 'ipv6Registry' "Get-ItemProperty '$tcpip6' DisabledComponents" {
    $value = (Get-ItemProperty -LiteralPath $tcpip6 -ErrorAction SilentlyContinue).DisabledComponents
    [ordered]@{ DisabledComponents = $value } | ConvertTo-Json -Compress
}
Read-Fact 'excludedPorts' 'netsh int ipv4 show excludedportrange protocol=tcp' { Read-Native 'netsh' @('int', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp') }
Read-Fact 'dynamicPorts' 'netsh int ipv4 show dynamicportrange protocol=tcp' { Read-Native 'netsh' @('int', 'ipv4', 'show', 'dynamicportrange', 'protocol=tcp') }
Read-Fact 'mpPreference' 'Get-MpPreference' -Admin {
    if (-not (Get-Command -Name Get-MpPreference -ErrorAction SilentlyContinue)) { throw 'Get-MpPreference is not recognized as the name of a cmdlet (no Defender module)' }
    Get-MpPreference | Select-Object ExclusionPath, ExclusionProcess, DisableRealtimeMonitoring | ConvertTo-Json -Compress
}
Read-Fact 'credentialSpecs' 'Get-Content <DockerRootDir>\CredentialSpecs\*.json' {
    $root = 'C:\ProgramData\docker'
    $info = $reads['dockerInfo']
    if ($null -ne $info -and $info.Contains('output')) {
        $parsed = $info['output'] | ConvertFrom-Json
        # Only a folder on a local drive: an engine reached elsewhere (DOCKER_HOST, a context) could name \\server\share,
        # and reading it would open an SMB connection with this host's or user's credentials (an attacker helper).
        if ($parsed.DockerRootDir -and ([string]$parsed.DockerRootDir) -match '^[A-Za-z]:\\[^\\]') { $root = [string]$parsed.DockerRootDir }
    }
    $dir = Join-Path $root 'CredentialSpecs'
    if (-not (Test-Path -LiteralPath $dir)) { return '[]' }
    ConvertTo-JsonArray (Get-ChildItem -LiteralPath $dir -Filter '*.json' | Select-Object -First 50 | ForEach-Object {
            [pscustomobject]@{ Name = $_.Name; Content = (Get-Content -LiteralPath $_.FullName -Raw) }
        })
}

$document = [ordered]@{
    schema      = 'wcdoctor-facts/1'
    host        = $env:COMPUTERNAME
    collectedAt = (Get-Date).ToUniversalTime().ToString('o')
    elevated    = $elevated
    psVersion   = $PSVersionTable.PSVersion.ToString()
    reads       = $reads
}
$json = ConvertTo-Json -InputObject $document -Depth 20 -Compress
# \uXXXX for everything outside ASCII: the same bytes in UTF-8, in a console code page, or through a redirection.
$json = [regex]::Replace($json, '[^\x00-\x7F]', { param($m) '\u{0:x4}' -f [int][char]$m.Value })
if ($null -ne $PSSenderInfo) {
    [pscustomobject]@{ schema = 'wcdoctor-facts/1'; host = $env:COMPUTERNAME; document = $json }
} else {
    $json
}
