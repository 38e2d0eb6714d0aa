import { adversarialRuns } from '../../helpers/arbitraries.js';
import fc from 'fast-check';
import { realKnowledgeBase } from '../../helpers/real-kb.js';
import { describe, expect, it } from 'vitest';
import { nestedPlaceholdersOf } from '../../../src/core/fixes/fill-template.js';
import { planFix } from '../../../src/core/fixes/plan-fix.js';
import { isPowerShellActive } from '../../../src/core/fixes/quote.js';
import type { Topic } from '../../../src/core/knowledge/types.js';
import { decodeEncodedCommand, makeTopic } from './fix-fixtures.js';

const SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";

/**
 * Splits PowerShell code into single-quoted literals and the code outside them, by PowerShell's rules:
 * any of ' ‘ ’ ‚ ‛ opens a literal; inside, two quote characters in a row stand for one; a lone one closes it.
 */
function splitLiterals(code: string): { literals: string[]; outside: string } {
  const literals: string[] = [];
  let outside = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] ?? '';
    if (!SINGLE_QUOTES.includes(ch)) {
      outside += ch;
      continue;
    }
    let lit = '';
    for (i++; ; i++) {
      if (i >= code.length) throw new Error('unterminated literal');
      const c = code[i] ?? '';
      if (SINGLE_QUOTES.includes(c)) {
        const next = code[i + 1];
        if (next !== undefined && SINGLE_QUOTES.includes(next)) {
          lit += c;
          i++;
          continue;
        }
        break;
      }
      lit += c;
    }
    literals.push(lit);
  }
  return { literals, outside };
}

const HOSTILE = [
  "'", '"', '\u2018', '\u2019', '\u201A', '\u201B', '\u201C', '\u201D', '\u201E', '\uFF07', '\u02BC', "''", "'''",
  "'; Remove-Item C:\\ -Recurse -Force; '", '"; calc; "', '\u2019; calc; \u2018', 'a;b', 'a&b', '& calc', 'a|b', '|| calc',
  '$(Stop-Computer)', '${env:PATH}', '$env:PATH', '`', '`n', '`$x', '`\'', "@'", "'@", '@"', '%PATH%', '--%', '#comment', '<# x #>',
  '\\', "\\'", '\\"', 'x\\', 'a b  c', '>out.txt', '<in.txt', '2>&1', '^&', '!x!', '‘‛’‚', `${"'\u2019".repeat(200)}`,
  `${'x'.repeat(500)}'${'$(y)'.repeat(100)}`,
];

const REJECTED: [string, RegExp][] = [
  ['a\u0000b', /NUL/],
  ['\u0000', /NUL/],
  ["a'\nRemove-Item C:\\\n'", /line break/],
  ['a\rb', /line break/],
  ['x'.repeat(100_000), /longer than/],
  ['\u202Eevil', /text-direction/],
];

function textFix(shell: Topic['fixes'][number]['shell'], command: string): Topic {
  return { ...makeTopic(), fixes: [{ id: 'f', title: 'f', shell, command, params: { v: { kind: 'text', description: 'v' } }, changes: 'c', risk: 'low', admin: false }] };
}

describe('a value that a shell started in a container parses again (an attacker helper: `x; Remove-LocalUser …` ran in a contributed read-only fix)', () => {
  it.each([
    ['docker', 'docker exec web powershell -NoProfile -Command "Get-LocalUser {{v}}"', 'powershell'],
    ['kubectl', "kubectl exec pod -n ns '--' pwsh -Command Resolve-DnsName {{v}}", 'powershell'],
    ['docker', 'docker exec web cmd /c "net user {{v}}"', 'cmd'],
    ['docker', 'docker exec web sh -c "id {{v}}"', 'posix'],
    // A PowerShell fix passes the value as one argument to the shell it starts, which parses it again (a reviewer).
    ['powershell', 'docker exec web powershell -NoProfile -Command Get-LocalUser {{v}}', 'powershell'],
    ['powershell', 'kubectl exec pod -n ns -- C:\\Windows\\System32\\cmd.exe /c net user {{v}}', 'cmd'],
    // Found by an attacker helper: cmd through ComSpec, code from text, an entrypoint token, other shells, interpreters.
    ['powershell', '& $env:ComSpec /c echo {{v}}', 'cmd'],
    ['powershell', "Get-Date | %{cmd /c echo {{v}}}", 'cmd'],
    ['powershell', "Invoke-Expression ('Write-Output ' + {{v}})", 'powershell'],
    ['docker', 'docker run --rm --entrypoint=cmd img /c echo {{v}}', 'cmd'],
    ['docker', 'docker exec web ash -c "echo {{v}}"', 'posix'],
    ['docker', 'docker exec web python3 -c "print({{v}})"', 'posix'],
  ] as const)('%s: %s', (shell, command, kind) => {
    const refused = ['x; Remove-LocalUser -Name Administrator', 'a&calc', 'a b', "a'b", '$(calc)', 'a|b', ...(kind === 'powershell' ? ['1kb', '0x7f000001', '1e3', '48MB'] : []), ...(kind === 'posix' ? ['a\\b'] : [])];
    for (const v of refused) {
      const r = planFix(textFix(shell, command), 'f', { v });
      expect(!r.ok && r.error.map((p) => p.id), v).toContain('nestedShell');
    }
    for (const v of ['alice', 'web-01.contoso.local', 'CONTOSO/bob', ...(kind === 'posix' ? [] : ['C:\\data\\x'])]) {
      const r = planFix(textFix(shell, command), 'f', { v });
      expect(r.ok, v).toBe(true);
    }
  });

  it("refuses in the shipped pod DNS checks a host name the pod's PowerShell reads as a number (a reviewer: 48MB)", () => {
    const kb = realKnowledgeBase().kb;
    const topic = kb.topics.find((t) => t.id === 'windows-pod-dns-fails-first-second')!;
    for (const fix of topic.fixes.filter((f) => f.params.hostname)) {
      const values = (hostname: string) => ({ pod: 'web', namespace: 'default', hostname });
      for (const hostname of ['48MB', '0x7f000001']) {
        const r = planFix(topic, fix.id, values(hostname));
        expect(!r.ok && r.error.map((p) => p.id), `${fix.id} ${hostname}`).toContain('nestedShell');
      }
      expect(planFix(topic, fix.id, values('api.contoso.com')).ok, fix.id).toBe(true);
    }
  });

  it('takes the folder Docker is unpacked to, with its space, in the shipped service registration (a regression tester)', () => {
    const topic = realKnowledgeBase().kb.topics.find((t) => t.id === 'dockerd-register-service-current-directory')!;
    const r = planFix(topic, 'register-with-full-path', { docker_folder: 'C:\\Program Files\\Docker' });
    expect(r.ok && r.value.command).toBe("$dockerd = Join-Path 'C:\\Program Files\\Docker' 'dockerd.exe'; Start-Process -FilePath $dockerd -ArgumentList '--register-service' -Wait -NoNewWindow");
    // A quote in the folder stays a literal: doubled inside PowerShell's single quotes.
    const quoted = planFix(topic, 'register-with-full-path', { docker_folder: "C:\\x'; Stop-Computer; '" });
    expect(quoted.ok && quoted.value.script).toContain("$dockerd = Join-Path 'C:\\x''; Stop-Computer; ''' 'dockerd.exe';");
  });

  it.each(adversarialRuns(['slashes', '\\/'.repeat(50_000)], ['separators', ';|&{('.repeat(20_000)]))('finds the shell a PowerShell fix starts across %s', (_name, filler) => {
    expect([...nestedPlaceholdersOf(`Get-Date${filler}{{a}}`).keys()]).toEqual([]);
    expect(Object.fromEntries(nestedPlaceholdersOf(`Get-Date${filler} cmd /c echo {{a}}`))).toEqual({ a: 'cmd' });
  });

  it('leaves values before the shell alone (the container name is docker\'s argument)', () => {
    const topic: Topic = { ...makeTopic(), fixes: [{ id: 'f', title: 'f', shell: 'docker', command: 'docker exec {{c}} powershell -Command Get-Date', params: { c: { kind: 'text', description: 'c' } }, changes: 'c', risk: 'low', admin: false }] };
    expect(planFix(topic, 'f', { c: '1kb' }).ok).toBe(true);
  });
});

function assertPowerShellLiteral(value: string): void {
  const r = planFix(textFix('powershell', 'Write-Output {{v}}'), 'f', { v: value });
  // A space and a final backslash: refused, since a script passes values on to programs as Windows PowerShell 5.1 does.
  if (/\s/.test(value) && value.endsWith('\\')) {
    expect(!r.ok && r.error.map((p) => p.id)).toContain('trailingBackslash');
    return;
  }
  // An option to a program the script may run (- or / first), or a double quote Windows PowerShell 5.1 passes on so
  // that the program splits the argument there: refused.
  if (/^[-/]/.test(value) || value.includes('"')) {
    expect(r.ok).toBe(false);
    return;
  }
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const script = decodeEncodedCommand(r.value.argv[4] ?? '');
  expect(script).toBe(r.value.script);
  // The command's line is the one inside try, before the finally that puts the console's code page back.
  const lines = script.split('\n');
  const line = lines.at(-6) ?? '';
  expect([lines.at(-7), line, ...lines.slice(-5)]).toEqual(['try {', r.value.command, '$wcdSucceeded = $?', '} finally {', '[Console]::OutputEncoding = $wcdOutputEncoding', '}', 'if (-not $wcdSucceeded) { exit 1 }']);
  const { literals, outside } = splitLiterals(line);
  expect(literals).toEqual([value]);
  expect(outside).toBe('Write-Output ');
  // The whole script has the prelude's literals and then exactly this one.
  expect(splitLiterals(script).literals.filter((l) => l === value)).toHaveLength(value === 'Stop' ? 2 : 1);
}

describe('hostile values', () => {
  it.each(HOSTILE.map((v) => [v]))('PowerShell keeps %j as one single-quoted literal', (value) => assertPowerShellLiteral(value));

  it.each(HOSTILE.filter((v) => !v.startsWith('-')).map((v) => [v]))('argv keeps %j as one argument element', (value) => {
    for (const shell of ['docker', 'kubectl', 'reg', 'net', 'cmd'] as const) {
      const program = shell === 'cmd' ? 'sc.exe' : shell;
      // docker and kubectl lines are shown POSIX-quoted off Windows; reg, net and cmd lines always Windows-quoted. Every
      // plan also has the Windows line that is printed or copied for the host, so none takes a value that line could not
      // hold (an attacker helper: a POSIX line pasted into PowerShell ran code).
      const r = planFix(textFix(shell, `${program} sub {{v}} --flag "x y"`), 'f', { v: value }, {}, { quoting: 'posix' });
      if (shell !== 'docker' && shell !== 'kubectl' && value.startsWith('/')) {
        expect(r.ok).toBe(false);
        continue;
      }
      if (isPowerShellActive(value)) {
        expect(!r.ok && r.error.map((p) => p.id)).toEqual(['notPasteable']);
        continue;
      }
      // cmd replaces %NAME% even inside double quotes (and !NAME! with delayed expansion): the Windows line shown would
      // not be what runs.
      if (/%[^%\r\n]+%|![^!\r\n]+!/.test(value)) {
        expect(!r.ok && r.error.map((p) => p.id)).toEqual(['cmdVariable']);
        continue;
      }
      // Windows PowerShell 5.1 passes a value with a space and a final backslash as "…\", which programs read as a quote.
      if (/\s/.test(value) && value.endsWith('\\')) {
        expect(!r.ok && r.error.map((p) => p.id)).toEqual(['trailingBackslash']);
        continue;
      }
      expect(r.ok && r.value.argv).toEqual([program, 'sub', value, '--flag', 'x y']);
    }
    const prefixed = planFix(textFix('docker', 'docker run --label note={{v}} img'), 'f', { v: value }, {}, { quoting: 'posix' });
    if (isPowerShellActive(value) || /%[^%\r\n]+%|![^!\r\n]+!/.test(value) || (/\s/.test(value) && value.endsWith('\\'))) expect(prefixed.ok).toBe(false);
    else expect(prefixed.ok && prefixed.value.argv).toEqual(['docker', 'run', '--label', `note=${value}`, 'img']);
  });

  it.each(REJECTED)('rejects %j with a reason, for every program', (value, why) => {
    for (const shell of ['powershell', 'docker', 'net'] as const) {
      const r = planFix(textFix(shell, `${shell === 'powershell' ? 'Write-Output' : shell} {{v}}`), 'f', { v: value });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error[0]?.message).toMatch(why);
    }
  });

  it('refuses, for a line shown Windows-quoted, a value PowerShell would expand or end a string at (checked in pwsh by test/pwsh)', () => {
    for (const value of ['Ethernet$(calc)', 'a$env:PATH', 'a`b', 'a"b', 'a\u201Cb', 'a\u201Db', 'a\u201Eb', '${x}', 'a$?']) {
      const r = planFix(textFix('docker', 'docker run --label note={{v}} img'), 'f', { v: value }, {}, { quoting: 'windows' });
      expect(!r.ok && r.error.map((p) => [p.id, p.name]), value).toEqual([['notPasteable', 'v']]);
    }
    // A lone $ expands nothing (the admin share C$), so it is shown as it is.
    for (const value of ['\\\\srv\\C$', 'a$', 'a$ b', "a'b", 'a\u2018b']) {
      const r = planFix(textFix('net', 'net use Z: {{v}}'), 'f', { v: value });
      expect(r.ok && r.value.argv.at(-1), value).toBe(value);
    }
  });

  it('rejects option-looking values as whole arguments of argv programs', () => {
    const r = planFix(textFix('docker', 'docker network rm {{v}}'), 'f', { v: '--help' });
    expect(!r.ok && r.error[0]?.message).toMatch(/read it as an option/);
    // In a PowerShell fix too: which placeholders reach a program is not read, so none may start so.
    expect(planFix(textFix('powershell', 'Write-Output {{v}}'), 'f', { v: '-Force' }).ok).toBe(false);
  });

  it('keeps any random mix of quotes and shell characters as one literal or element', () => {
    const alphabet = fc.constantFrom(...`'"\u2018\u2019\u201A\u201B\u201C\u201D\u201E;&|$()\`{}[]<>#@%^!\\ aZ9-=,.*?~`.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 80 }).map((a) => a.join('')), (value) => {
        if (value.trim() !== value || value.trim() === '') return;
        assertPowerShellLiteral(value);
        const r = planFix(textFix('kubectl', 'kubectl annotate x a={{v}} {{v}}'), 'f', { v: value }, {}, { quoting: 'posix' });
        if (value.startsWith('-') || isPowerShellActive(value) || /%[^%\r\n]+%|![^!\r\n]+!/.test(value) || (/\s/.test(value) && value.endsWith('\\'))) expect(r.ok).toBe(false);
        else expect(r.ok && r.value.argv).toEqual(['kubectl', 'annotate', 'x', `a=${value}`, value]);
      }),
      { numRuns: 300 },
    );
  });
});
