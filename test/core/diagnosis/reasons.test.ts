import { describe, expect, it } from 'vitest';
import { failureText } from '../../../src/core/diagnosis/reasons.js';
import { findPhrase, hasPhrase } from '../../../src/core/diagnosis/phrase-match.js';
import { buildCodeIndex, extractCodes } from '../../../src/core/diagnosis/parse-error-code.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { realKnowledgeBase } from '../../helpers/real-kb.js';

const { kb } = realKnowledgeBase();

describe('failure lines', () => {
  it("skips the script's code that a PowerShell error record echoes after its position ('+ throw …'), keeping the message", () => {
    const record = [
      'docker : Error response from daemon: hcsshim::CreateComputeSystem web: The container operating system does not match the host operating system.',
      'At C:\\build\\run.ps1:12 char:5',
      '+     throw "docker run failed"',
      '+     ~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : OperationStopped: (docker run failed:String) [], RuntimeException',
      '    + FullyQualifiedErrorId : docker run failed',
      'WARNING: the next step failed too',
    ].join('\n');
    expect(failureText(record).split('\n')).toEqual([record.split('\n')[0], 'WARNING: the next step failed too']);
  });
  it.each([
    'Error: Process completed with exit code 1.',
    '##[error]Process completed with exit code 1.',
    'ERROR: Job failed: exit code 1',
    'script returned exit code 1',
    'npm ERR! code ELIFECYCLE',
    "make: *** [Makefile:12: image] Error 1",
    "The command 'cmd /S /C powershell -File install.ps1' returned a non-zero code: 1",
    '2024-05-01T10:00:09.1234567Z ##[error]Process completed with exit code 1.',
  ])('a line that only says a step around the failure gave up states none: %s', (line) => {
    expect(failureText(line)).toBe('');
    // … and the failure above it is still the paste's.
    const paste = `hcsshim::ImportLayer failed in Win32: The system cannot find the path specified. (0x3)\n${line}`;
    expect(failureText(paste)).toContain('ImportLayer failed');
    expect(failureText(paste)).not.toContain(line.slice(-12));
  });

  it("the engine saying it will pull an image it does not have yet is no failure; what fails after it is", () => {
    const paste = [
      "Unable to find image 'redis:latest' locally",
      'latest: Pulling from library/redis',
      'docker: no matching manifest for windows/amd64 10.0.26100 in the manifest list entries.',
    ].join('\n');
    expect(failureText(paste)).not.toContain('Unable to find');
    expect(failureText("Unable to find image 'app:latest' locally")).toBe('');
    const denied = "Unable to find image 'acme/app:1.0' locally\ndocker: Error response from daemon: pull access denied for acme/app, repository does not exist or may require 'docker login'.";
    expect(failureText(denied)).toBe(denied.split('\n')[1]);
    // A redis image with the host's build in the refusal is a Linux-only image, not a Windows tag missing for this build.
    expect(diagnose(kb, `PS C:\\> docker run -d redis\n${paste}`).matches[0]?.id).toBe('linux-image-on-windows-engine');
    expect(diagnose(kb, `PS C:\\> docker run mcr.microsoft.com/windows/servercore:ltsc2025\n${paste.replace(/redis/g, 'windows/servercore')}`).matches[0]?.id).toBe('choose-image-tag');
  });

  it('keeps the lines that say something failed, in any supported language', () => {
    const text = [
      'Step 3/5 : RUN install.cmd',
      ' ---> Running in 1f2e',
      'docker: Error response from daemon: failed to create endpoint web on network nat.',
      'Status:       Running',
      '无法启动容器。',
      'Der Vorgang ist fehlgeschlagen.',
      'Tjänsten kunde inte startas.',
    ].join('\n');
    expect(failureText(text).split('\n')).toEqual([
      'docker: Error response from daemon: failed to create endpoint web on network nat.',
      '无法启动容器。',
      'Der Vorgang ist fehlgeschlagen.',
      'Tjänsten kunde inte startas.',
    ]);
  });

  it.each([
    ['Der Befehl bricht mit Systemfehler 67 ab.', true],
    ['Beim Start kommt ein Netzwerkfehler.', true],
    ['Der Fehlerbericht liegt bei.', false],
    ['Ein Fehlerchen? Nein, alles läuft.', false],
  ])('reads a German compound of "Fehler" as a failure: %s', (line, fails) => {
    expect(failureText(line) !== '').toBe(fails);
  });

  it.each([
    'docker: unauthorized: authentication required.',
    'Head "https://registry.contoso.local/v2/app/manifests/1.0": forbidden',
    'Since the update the web client in the container never loads.',
    'Our Windows pods never get placed on the Windows nodes.',
    'The build stops at the FROM step.',
    'Das Aufräumwerkzeug ist beim Start abgestürzt.',
    'Danach war die Windows-Installation beschädigt.',
  ])('reads a refused request, a person\'s "never" or "stops", and German "crashed" or "damaged" as a failure: %s', (line) => {
    expect(failureText(line)).toBe(line);
  });

  it.each(['  restartPolicy: Never', '    imagePullPolicy: Never', 'kubectl run probe --image=mcr.microsoft.com/windows/nanoserver:ltsc2022 --restart=Never', 'I never tried Hyper-V isolation.'])(
    '"never" that says what should have happened states no failure (a regression tester: calm manifests lost their answers): %s',
    (line) => {
      expect(failureText(line)).toBe('');
    },
  );

  it('takes a description in prose whole once a sentence of it says something failed', () => {
    const prose = 'Our web container publishes port 8080 on a transparent network. I suspect the host firewall. Nobody outside can reach it, the request times out.';
    expect(failureText(prose)).toBe(prose);
    expect(failureText('Our web container publishes port 8080 on a transparent network. It works.')).toBe('');
  });

  it('leaves out questions, PowerShell position lines and success counts', () => {
    expect(failureText('Why does docker network create fail on my host?')).toBe('');
    expect(failureText('At line:1 char:1\n    + CategoryInfo          : NotSpecified: (:) [], RemoteException')).toBe('');
    expect(failureText('C:\\> msbuild app.sln\nBuild succeeded.\n    0 Error(s)')).toBe('');
    expect(failureText('errorlevel set; failover cluster ok')).toBe('');
  });
});

describe('hasPhrase', () => {
  it('finds a phrase only as whole words where it starts or ends with one', () => {
    expect(hasPhrase('c:\\> net use s: \\\\srv\\share', 'net use')).toBe(true);
    expect(hasPhrase('run net user appsvc /add', 'net use')).toBe(false);
    expect(hasPhrase('x --isolation=hyperv y', '--isolation=hyperv')).toBe(true);
    expect(hasPhrase('replicated 0/4', 'replicated 0/')).toBe(true);
  });
});

describe('findPhrase, loose (keywords: the words people use)', () => {
  it.each([
    // text, phrase, loose, what it covers in the text
    ['two stale endpoints left in hns', 'stale endpoint', true, 'stale endpoints'],
    ['the nat networks overlap', 'nat network', true, 'nat networks'],
    ['after fixing the port mapping conflicts', 'port mapping conflict', true, 'port mapping conflicts'],
    ['matchar inte värdens version', 'matchar inte värden', true, undefined], // only a plain Latin last word is loosened
    ['one stale endpoint', 'stale endpoint', true, 'stale endpoint'],
    ['two stale endpoints', 'stale endpoint', false, undefined], // literal text (phrases, setting): exact
    ['stale endpointsx', 'stale endpoint', true, undefined], // an ending, then the word must stop
    ['stale endpointing', 'stale endpoint', true, undefined],
    ['the hyper-v containers', 'hyper-v container', true, 'hyper-v containers'],
    ['net user appsvc', 'net use', true, undefined], // "r" is no plural ending
    ['a --isolation=hyperv b', '--isolation=hyperv', true, '--isolation=hyperv'],
    ['0x6bes', '0x6be', true, undefined], // a code is no word with a plural
    ['docker exec', 'docker exec', true, 'docker exec'],
  ] as const)('%s / %s (loose %s)', (text, phrase, loose, covers) => {
    expect(findPhrase(text, phrase, { loose })).toBe(covers);
  });
});

describe('what a failure statement does to a match', () => {
  it('does not read a count of seconds, nodes or megabytes as an error code', () => {
    const index = buildCodeIndex(kb.codes);
    expect(extractCodes('Shutdown  Failed 6 seconds ago', index)).toEqual([]);
    expect(extractCodes('insufficient resources on 2 nodes; error 5 nodes', index)).toEqual([]);
    expect(extractCodes('System error 5 has occurred.', index).map((c) => c.canonical)).toEqual(['0x80070005']);
  });

  it('drops a match that only shares the setting when the error is a code it does not produce', () => {
    const run = 'PS C:\\> docker run -it fabrikam/app:ltsc2019';
    const r = diagnose(kb, `${run}\nError response from daemon: hcsshim::CreateComputeSystem 2b7c: The request is not supported.`);
    expect(r.matches.map((m) => m.id)).not.toContain('paste-50-char-limit');
    expect(diagnose(kb, `${run}\nlong commands I paste get cut off after 50 characters`).matches[0]?.id).toBe('paste-50-char-limit');
  });

  it('finds a version mismatch from the host and image builds a tool prints', () => {
    const paste = ['Container OS Version: 10.0.17763.437 (ltsc2019)', 'Host OS Version: 10.0.19045.3803 (22H2)', 'Using process isolation', 'Creating container app01 failed'].join('\n');
    const r = diagnose(kb, paste);
    // The host, build 19045, is Windows 10 22H2: the client-host topic (process isolation on a client) is as right.
    expect(r.matches[0]?.id).toMatch(/version-mismatch-error|host-image-build-match|windows-client-host-compat/);
    expect(r.matches[0]?.evidence.some((e) => e.kind === 'fact' && e.matched === '17763 ≠ 19045')).toBe(true);
    expect(r.entities).toMatchObject({ hostBuild: '19045', imageBuild: '17763' });
    const same = diagnose(kb, paste.replace('10.0.19045.3803 (22H2)', '10.0.17763.5830 (1809)'));
    expect(same.matches.flatMap((m) => m.evidence).some((e) => e.kind === 'fact')).toBe(false);
  });

  it('lets the setting count in full when the paste asks rather than fails', () => {
    const r = diagnose(kb, 'Can a Windows 11 laptop run servercore:ltsc2022 with --isolation=process?');
    expect(r.matches[0]?.id).toMatch(/windows-client-host-compat|version-compat-matrix/);
  });
});
