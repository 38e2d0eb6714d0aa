import type { Problem } from './problem.js';
import { notReadOnly } from './read-only.js';
import { MAX_PATTERNS_PER_TOPIC, type Topic } from './types.js';
import { nestingProblem } from './nesting-rule.js';
import { countEmphasisMarks, MAX_EMPHASIS_MARKS } from '../text/emphasis-marks.js';

/**
 * The content rules every topic follows, one definition each, applied by `kb check` to every topic
 * (they lived as two test files with hard-coded topic lists and two definitions of "generic" and
 * "destructive"):
 * - no phrase or keyword is a word every paste has (error, failed, docker, container, network …);
 * - no fix parameter asks for a secret;
 * - a read-only fix is low risk and its command changes nothing (no delete, remove, restart, set …);
 * - a fix that deletes, removes, restarts, stops, uninstalls or disables something is high risk.
 * And one rule for every file of the knowledge we write (controlCharacterProblems): no control characters and no
 * invisible direction marks in its text, which terminals, the fix runner and the audit log all receive.
 */

/** Words too common in pastes to point at any one issue, in every language of the knowledge. */
export const GENERIC_WORDS = new Set([
  'error', 'errors', 'failed', 'failure', 'fail', 'fails', 'docker', 'container', 'containers', 'windows', 'network', 'image',
  '错误', '失败', '容器', '网络', '오류', '실패', '컨테이너', '네트워크', 'fel', 'misslyckades', 'container', 'nätverk',
]);

/**
 * A command that destroys or interrupts: what a user must confirm as high risk. In every shell a fix may use: the
 * PowerShell verbs (Remove-, Stop-, Format-, Clear- …), cmd's and the service controller's (`net stop`, `sc stop`,
 * `sc config … start= disabled`), a service set to Disabled, docker's and kubectl's (`docker stop`, `docker network
 * disconnect`, `docker swarm leave`, `kubectl drain`), and a restart of the host (`shutdown`, `bcdedit`). Found by a
 * helper: `Format-Volume`, `net stop docker` and `Set-Service … -StartupType Disabled` passed as low risk and read-only;
 * and by a reviewer: `taskkill`, `rd /s`, `docker compose down`, `msiexec /x`, `ipconfig /release` and others; and by an
 * attacker helper, passed as low risk so that one "y" ran them: PowerShell's aliases `ri`, `rp`, `spsv`, `spps`, a
 * method that stops or deletes (`(Get-Service docker).Stop()`, `.Delete()`), `Set-Service -Status Stopped`, `net.exe
 * stop`, `sc \\host stop`, `wmic … call stopservice`, `Invoke-CimMethod -MethodName StopService`; and by a regression
 * tester, the same spelled otherwise: `-Status:Stopped`, an en dash for the hyphen (PowerShell reads both),
 * `-StartMode Disabled`, `net pause`, `net1 stop`, `% Stop`, `-MemberName Stop`, `.Stop.Invoke()`, `wsl -t`). Still a
 * list of what stops or deletes, not of what is safe. A verb
 * only counts as a command word: `docker run --rm` and `--filter event=kill` delete and kill nothing, nor does
 * `bcdedit /enum`.
 */
export const DESTRUCTIVE =
  /\b(?:Remove-|Uninstall-|Disable-|Stop-|Restart-|Format-(?!Table\b|List\b|Wide\b|Custom\b|Hex\b)|Clear-(?!Host\b)|Reset-|Dismount-|Suspend-|Initialize-)|\breg\s+delete\b|(?<![-=\w.])(?:rm|rmi|rmdir|rd|del|erase|delete|prune|kill|taskkill|shutdown)\b|\bbcdedit\b[^\n]{0,80}\/(?:set|delete|deletevalue)\b|\bnetsh\b[^\n]{0,80}\b(?:delete|reset)\b|\bnet\s+stop\b|\bsc(?:\.exe)?\s+(?:stop|delete|config)\b|-StartupType\s+['"]?Disabled\b|\bstart=\s*disabled\b|\bdocker(?:-compose|\s+compose)?\s+(?:(?:container\s+)?(?:stop|restart|pause|kill)|network\s+disconnect|swarm\s+leave|down)\b|\bkubectl\s+(?:drain|cordon)\b|\bwsl(?:\.exe)?\b[^\n]{0,40}--(?:unregister|shutdown|terminate)\b|\bwinget\s+uninstall\b|\bmsiexec\b[^\n]{0,40}\/x\b|\bipconfig\s+\/release\b|(?<![-=\w.$])(?:ri|rp|spsv|spps|clc|cli|clp|rdr|rmo|rjb)(?=[ \t]|$)|\.[ \t]{0,4}['"]?(?:Stop|Delete|Kill|Remove|Clear|Uninstall|Disable|Terminate|StopService|Shutdown|Reboot|Format)['"]?[ \t]{0,4}\(|[-\u2013\u2014\u2015]Status(?::|[ \t]{1,8})['"]?(?:Stopped|Paused)\b|[-\u2013\u2014\u2015]Start(?:upType|Mode)(?::|[ \t]{1,8})['"]?Disabled\b|\bnet1?(?:\.exe)?[ \t]{1,8}(?:stop|pause)\b|\bsc(?:\.exe)?[ \t]{1,8}(?:\\\\\S{1,255}[ \t]{1,8})?(?:stop|delete|config|pause)\b|\bwmic\b[^\n]{0,200}\bcall[ \t]{1,8}(?:stopservice|pauseservice|delete|terminate|uninstall|changestartmode)\b|\b(?:StopService|PauseService|ChangeStartMode)\b|[-\u2013\u2014\u2015](?:Method)?Name(?::|[ \t]{1,8})['"]?(?:Terminate|Delete|Uninstall)\b|[-\u2013\u2014\u2015]MemberName(?::|[ \t]{1,8})['"]?(?:Stop|Kill|Delete|Remove|Clear|Terminate|Uninstall|Disable)\b|(?:\bForEach-Object|%)[ \t]{1,8}['"]?(?:Stop|Kill|Delete|Remove|Terminate|Uninstall|Disable)\b|\.(?:Stop|Delete|Kill|Remove|Clear|Uninstall|Disable|Terminate|StopService)\.Invoke[ \t]{0,4}\(|\bwsl(?:\.exe)?\b[^\n]{0,40}[ \t](?:-t|--terminate|--shutdown|--unregister)\b/i;

/**
 * A command that changes the system: what DESTRUCTIVE names, and what creates, sets, starts or installs (PowerShell's
 * Set-, New-, Add-, Rename- …; `reg add`, `netsh … add|set`, `net start|use|user|localgroup`, `sc start|create`;
 * docker and kubectl commands that start, pull, build, create, label or apply; `docker exec` and `kubectl exec` are
 * judged by the command they run). Output formatting (Format-Table, Format-List) and Start-Sleep change nothing.
 * A read-only fix runs none of them.
 */
export const CHANGES_SYSTEM = new RegExp(
  `${DESTRUCTIVE.source}|\\b(?:Set-|New-|Add-|Enable-|Install-|Rename-|Start-(?!Sleep\\b)|Update-|Register-|Unregister-|Move-|Copy-|Expand-|Compress-|Mount-|Resume-)|\\breg\\s+(?:add|import|copy)\\b|\\bnetsh\\b[^\\n]{0,80}\\b(?:add|set)\\b|\\bnet\\s+(?:start|share)\\s+[^\\s/]|\\bnet\\s+use\\s+(?:[A-Za-z*]:|\\\\\\\\)|\\bnet\\s+(?:use|user|localgroup)\\b[^\\n]{0,200}\\/(?:add|delete|del)\\b|\\bsc(?:\\.exe)?\\s+(?:start|create|failure)\\b|\\bdocker\\s+(?:run|start|create|update|pull|push|tag|build|load|import|commit|cp|network\\s+(?:create|connect)|volume\\s+create|swarm\\s+(?:init|join)|service\\s+(?:create|update|scale)|compose\\s+(?:up|down|start|restart))\\b|\\bkubectl\\s+(?:apply|create|edit|label|annotate|patch|scale|replace|rollout|taint|uncordon|set|cp)\\b`,
  'i',
);

/**
 * What a fix that claims to be read-only must not hold, beyond what CHANGES_SYSTEM names, because what it runs cannot be
 * read from the command or is a change spelled otherwise (found by an attacker helper: a contributed fix marked read-only,
 * low risk, "Changes: nothing" passed kb check with each of these and ran on a single y): another shell given a command
 * an encoded command or a script file (`powershell -EncodedCommand …`, `-File`; a command given as text is read as
 * the rest is), code run from text (`iex`, `Invoke-Expression`,
 * `Invoke-Command`, `Add-Type`, `Import-Module`), PowerShell's aliases of changing cmdlets in a command's place
 * (`spsv`, `ri`, `saps`, `ni` …), a method that changes what it is called on (`.Stop()`, `.Delete()`,
 * `[IO.File]::WriteAllText(`), output written to a file (`>`, `Out-File`, `Tee-Object`, `Export-Csv`, `-OutFile`), and
 * Windows programs that change permissions, tasks, disks, services or settings (`schtasks /create`, `icacls … /grant`,
 * `takeown`, `diskpart`, `winrm quickconfig`, `wevtutil cl`, `setx`, `robocopy` …). Still a list: it names what a
 * read-only fix never needs, so a read-only fix stays plain reading.
 */
// A command's place: the start, or after a separator, then blanks on the same line (`\s*` here read every newline of a
// run again from each one: 100,000 newlines took a minute, found by an adversarial test).
const AT_COMMAND = String.raw`(?:^|[;|{(&\n])[ \t]*(?:&[ \t]*)?`;
const CHANGING_MEMBER = String.raw`(?:Stop|Start|Kill|Delete|Remove\w*|Terminate|Create\w*|Put|Set\w*|Write\w*|Append\w*|Move\w*|Copy\w*|Clear|Reset|Restart|Pause|Resume|Invoke\w*|Change\w*|Uninstall|Install|Open(?:Write|Create)?|Replace\w*|Encrypt|Decrypt|Dispose|Format|Rename|Add|Win32Shutdown|Shutdown|Reboot|Save|Extract\w*|Grant\w*|Revoke\w*|Dismount|Mount|Upgrade|Update\w*|Import\w*|Truncate)`;
export const READ_ONLY_DOUBT = new RegExp(
  [
    String.raw`\b(?:powershell|pwsh)(?:\.exe)?\b[^\n]{0,200}\s-(?:e|ec|en|enc|enco|encod\w*|f|file)\b`,
    String.raw`\b(?:iex|Invoke-Expression|Invoke-Command|icm|Invoke-Item|Add-Type|Import-Module|ipmo|Start-Process|Start-Job|Invoke-CimMethod|Invoke-WmiMethod|Out-File|Tee-Object|Export-\w+)\b`,
    `${AT_COMMAND}(?:spsv|sasv|spps|saps|kill|ri|rni|rnp|ren|mi|mp|move|cpi|cpp|copy|ni|md|mkdir|sp|si|ac|clc|cli|clp|clv|epcsv|epal|start|sajb|rjb|rmo|rbp|sbp|swmi|rwmi|ii)(?![\\w-])`,
    // A member called by name, quoted or not (`.'Stop'()`: found by an attacker helper), or a new writer.
    `(?:\\.|::)['"]?${CHANGING_MEMBER}['"]?\\s*\\(`,
    String.raw`\[(?:System\.)?IO\.(?:StreamWriter|FileStream|BinaryWriter)\]::new\b`,
    // ForEach-Object calling a member by name (`| % Stop`, `ForEach-Object -MemberName Kill`): found by a reviewer.
    `(?:%|\\bforeach|\\bForEach-Object)\\s+(?:-MemberName\\s+)?['"]?${CHANGING_MEMBER}\\b`,
    // A script file or a variable run with & or dot-sourced with . (a script's content cannot be read here).
    String.raw`(?:^|[;|{(\n])[ \t]*[&.][ \t]*(?:\$|['"]?[^\s'"|;]+\.(?:ps1|psm1|bat|cmd|vbs|js)\b)`,
    String.raw`\s-OutFile\b`,
    // Verbs that change what they name, not in CHANGES_SYSTEM's list; downloads to a file; posts to an API.
    String.raw`\b(?:Import|Save|Disconnect|Connect|Repair|Grant|Revoke|Block|Unblock|Limit|Optimize|Approve|Deny|Protect|Unprotect|Publish|Unpublish|Lock|Unlock|Restore|Checkpoint|Merge|Resize|Sync|Submit|Send|Use|Complete|Redo|Undo|Edit)-\w`,
    String.raw`\b(?:curl|wget)(?:\.exe)?\b[^\n]{0,200}\s(?:-o|-O|--output|--remote-name)\b`,
    String.raw`-Method\s+['"]?(?:Post|Put|Delete|Patch)\b`,
    `${AT_COMMAND}(?:schtasks(?:\\.exe)?\\s[^\\n]{0,80}\\/(?:create|delete|change|run|end)|icacls(?:\\.exe)?\\s[^\\n]{0,200}\\/(?:grant|deny|reset|remove|setowner|setintegritylevel|restore|inheritance)|takeown|diskpart|winrm(?:\\.cmd)?\\s+(?:quickconfig|qc|set|create|delete|invoke)|wevtutil(?:\\.exe)?\\s+(?:cl|clear-log|sl|set-log|um|im)|bitsadmin|certutil(?:\\.exe)?\\s[^\\n]{0,80}-(?:addstore|delstore|urlcache|importpfx)|fsutil(?:\\.exe)?\\s[^\\n]{0,80}\\b(?:set|create|delete|setzerodata)|compact(?:\\.exe)?\\s[^\\n]{0,80}\\/[cu]|cipher(?:\\.exe)?\\s[^\\n]{0,80}\\/[edw]|attrib(?:\\.exe)?\\s[^\\n]{0,40}[+-][rahs]|mklink|setx|robocopy|xcopy|dism(?:\\.exe)?\\s[^\\n]{0,120}\\/(?:enable|disable|remove|add|cleanup|apply|set)|powercfg(?:\\.exe)?\\s[^\\n]{0,40}[/-](?:set|change|h\\b|hibernate|import|delete)|pnputil(?:\\.exe)?\\s[^\\n]{0,40}[/-](?:add|delete|install|remove)|wmic(?:\\.exe)?\\s[^\\n]{0,120}\\b(?:call|delete|set)\\b|format\\s+[a-z]:|sc(?:\\.exe)?\\s+(?:\\\\\\\\\\S+\\s+)?(?:sdset|failure|privs|sidtype|triggerinfo|managedaccount|description|control|pause|continue|interrogate)\\b|net(?:\\.exe)?\\s+user\\s+\\S+\\s+\\S|net(?:\\.exe)?\\s+(?:accounts|share)\\s[^\\n]{0,80}\\/|auditpol(?:\\.exe)?\\s[^\\n]{0,40}\\/(?:set|remove|clear|restore)|netsh\\s[^\\n]{0,80}\\bimport\\b|reg(?:\\.exe)?\\s+(?:restore|load|unload|save|export)\\b|bcdedit(?:\\.exe)?\\s[^\\n]{0,40}\\/(?:default|timeout|bootsequence|displayorder|create|copy)|winget\\s+(?:install|upgrade|import)|choco\\s+(?:install|upgrade|uninstall)|regsvr32|rundll32|mshta|msiexec|label\\s|mountvol\\s[^\\n]{0,40}\\/[dpnr]|chkdsk\\s[^\\n]{0,40}\\/[fxrb]|vssadmin\\s+(?:resize|delete|create)|certutil(?:\\.exe)?\\s[^\\n]{0,80}-(?:decode|encode|f\\b)|docker(?:\\.exe)?\\s+(?:container\\s+run|image\\s+(?:pull|push|load|import|build|tag)|context\\s+(?:use|create|rm|update)|login|logout|plugin\\s+(?:install|enable|disable|upgrade)|save|export|system\\s+prune|builder\\s+prune|volume\\s+(?:rm|prune))\\b|kubectl\\s+(?:run|expose|debug|certificate\\s+(?:approve|deny)|delete|port-forward|proxy|replace|autoscale))`,
  ].join('|'),
  'i',
);
/** Output written to a file with `>` or `>>`, outside quoted text (`Select-String '<none>'` writes nothing), not to $null. */
const REDIRECT = /(?<![2*\-=<>])>{1,2}(?!\s*\$null\b|&\d)/;
/** `sc` in a command's place: Set-Content in Windows PowerShell 5.1, where PowerShell fixes run (sc.exe is `sc.exe` there). */
export const PS_SC_ALIAS = new RegExp(`${AT_COMMAND}sc(?![\\w.-])`, 'i');

/**
 * Why a fix that claims to be read-only cannot be read so (READ_ONLY_DOUBT, a redirection outside quotes, and in a
 * PowerShell fix `sc`, Set-Content's alias there), as the text that shows it; undefined when nothing does.
 */
export function readOnlyDoubt(command: string, shell: string): string | undefined {
  const found = READ_ONLY_DOUBT.exec(command)?.[0] ?? REDIRECT.exec(command.replace(/'[^'\n]*'|"[^"\n]*"/g, (q) => ' '.repeat(q.length)))?.[0] ?? (shell === 'powershell' ? PS_SC_ALIAS.exec(command)?.[0] : undefined);
  // Then the other side: every command, option and method must be one known to read (read-only.ts).
  return found?.trim() ?? notReadOnly(command, shell)?.part;
}

/**
 * The example values of knowledge/templates/topic.yaml that only a copy of the template left unchanged holds (a test
 * keeps them the template's). Found by a helper: the template copied as it was passed kb check, shipped, and answered
 * "literal error text as the tool prints it".
 */
export const TEMPLATE_EXAMPLES: readonly string[] = [
  'example-topic-id',
  'What fails, as the user sees it',
  'https://github.com/owner/repo/issues/1234',
  "The thread's title",
  'literal error text as the tool prints it',
  'text that says the failure is something else',
  'words people use for the symptom',
  'Look before changing anything',
];
/** A text still the template's placeholder. */
const PLACEHOLDER = /^\s*(?:…|\.\.\.|\[…\])\s*$/;

/** Texts every paste can have: a signature pattern that matches one points at no issue. */
const NEUTRAL_TEXTS = ['', 'hello world', 'error', 'failed', 'Error response from daemon', 'The operation completed successfully.'];

/** The script a language's text must show some of (a title in English under zh-CN is no translation). */
const SCRIPT: Partial<Record<string, RegExp>> = { 'zh-CN': /[\u3400-\u9fff]/, 'ko-KR': /[\uac00-\ud7a3]/ };

/** Words of a text, for the body's length: Latin words, or CJK characters (a Chinese or Korean body has no spaces to count). */
const wordsOf = (text: string, lang: string): number => (lang === 'zh-CN' || lang === 'ko-KR' ? (text.match(/[\u3400-\u9fff\uac00-\ud7a3]/g) ?? []).length : (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length);
/** How long an English body of our own is (the knowledge's own run from about 190 to 700 words). */
const BODY_WORDS = { min: 60, max: 1200 } as const;
/** The most characters of a body in any language (the knowledge's own are under 6,000): a bound on what is drawn, words or not. */
const BODY_CHARS = 16_000;
/** A translation's length against the English one (words, or CJK characters per English word): shorter is cut short. */
const BODY_SHARE: Readonly<Record<string, number>> = { 'sv-SE': 0.4, 'zh-CN': 0.3, 'ko-KR': 0.3 };

/** The problems of a topic's texts of our own: the template's placeholders, a translation that is the English, a body out of bounds. */
function textProblems(t: Topic, file: string): Problem[] {
  const out: Problem[] = [];
  const add = (field: string, message: string) => out.push({ file, field, message });
  for (const field of ['title', 'summary', 'body'] as const) {
    const texts = t[field];
    if (!texts) continue;
    for (const [lang, text] of Object.entries(texts)) {
      if (typeof text !== 'string') continue;
      const at = `${field}.${lang}`;
      if (PLACEHOLDER.test(text)) add(at, "is still the template's placeholder: write it");
      else if (lang !== 'en' && text.trim() === texts.en.trim()) add(at, `is the English text: write it in ${lang}`);
      else if (SCRIPT[lang] && !SCRIPT[lang]!.test(text)) add(at, `has no ${lang === 'zh-CN' ? 'Chinese' : 'Korean'} text: write it in ${lang}`);
    }
  }
  if (t.body) {
    for (const [lang, text] of Object.entries(t.body)) {
      const nested = typeof text === 'string' ? nestingProblem(text) : undefined;
      if (nested) add(`body.${lang}`, `has ${nested}`);
      // Words are counted, so a body of marks without words (a run of code spans, an attacker helper's) passed the bound
      // above and took 45 s to draw; the renderer shows text past its own bound as written (MAX_RENDERED).
      if (typeof text === 'string' && text.length > BODY_CHARS) add(`body.${lang}`, `is ${text.length} characters: keep it under ${BODY_CHARS} (the knowledge's own bodies are under 6,000)`);
      const marks = typeof text === 'string' ? countEmphasisMarks(text, MAX_EMPHASIS_MARKS) : 0;
      if (marks > MAX_EMPHASIS_MARKS) add(`body.${lang}`, `has more than ${MAX_EMPHASIS_MARKS} emphasis marks (_ or *): it would be shown as written, not drawn (the knowledge's own have at most 34)`);
    }
    const en = wordsOf(t.body.en, 'en');
    if (en < BODY_WORDS.min || en > BODY_WORDS.max) add('body.en', `is ${en} words: write ${BODY_WORDS.min}–${BODY_WORDS.max} (symptom, cause, how to confirm, fix)`);
    for (const [lang, share] of Object.entries(BODY_SHARE)) {
      const text = t.body[lang as keyof typeof t.body];
      if (typeof text === 'string' && !PLACEHOLDER.test(text) && wordsOf(text, lang) < en * share) add(`body.${lang}`, `is much shorter than the English body (${wordsOf(text, lang)} against ${en} words): translate all of it`);
    }
  }
  if (TEMPLATE_EXAMPLES.includes(t.id)) add('id', "is the template's example id: name the issue");
  const texts: [string, string][] = [
    ...Object.entries(t.title).map(([l, v]): [string, string] => [`title.${l}`, v ?? '']),
    ...(t.sources ?? []).flatMap((src, i): [string, string][] => [[`sources[${i}].url`, src.url], [`sources[${i}].title`, src.title]]),
    ...t.signatures.phrases.map((v, i): [string, string] => [`signatures.phrases[${i}]`, v]),
    ...(t.signatures.setting ?? []).map((v, i): [string, string] => [`signatures.setting[${i}]`, v]),
    ...t.signatures.against.map((v, i): [string, string] => [`signatures.against[${i}]`, v]),
    ...Object.entries(t.signatures.keywords).flatMap(([l, list]) => (list ?? []).map((v, i): [string, string] => [`signatures.keywords.${l}[${i}]`, v])),
    ...t.fixes.map((fx, i): [string, string] => [`fixes[${i}].title`, fx.title]),
  ];
  for (const [field, v] of texts) {
    if (TEMPLATE_EXAMPLES.includes(v.trim())) add(field, `"${v}" is the template's example: replace it`);
    else if (field.startsWith('signatures.') && PLACEHOLDER.test(v)) add(field, "is still the template's placeholder: write it or remove it");
  }
  return out;
}

/** Whether a signature pattern matches a text every paste can have (or nothing at all): it points at no issue. */
function neutralMatch(pattern: string): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'iu');
  } catch {
    return undefined; // an invalid pattern is reported where patterns are compiled
  }
  return NEUTRAL_TEXTS.find((text) => re.test(text));
}

/** The content problems of one topic file. */
export function contentProblems(t: Topic, file: string): Problem[] {
  const out: Problem[] = textProblems(t, file);
  const s = t.signatures;
  if (s.regexes.length > MAX_PATTERNS_PER_TOPIC) out.push({ file, field: 'signatures.regexes', message: `has ${s.regexes.length} patterns: at most ${MAX_PATTERNS_PER_TOPIC} (split the topic, or keep the patterns that point at it)` });
  s.regexes.forEach((r, i) => {
    const text = neutralMatch(r);
    if (text !== undefined) out.push({ file, field: `signatures.regexes[${i}]`, message: `/${r}/ matches ${text === '' ? 'the empty text' : `"${text}"`}, which any paste can hold: a pattern must point at this issue` });
  });
  s.phrases.forEach((p, i) => {
    if (GENERIC_WORDS.has(p.trim().toLowerCase())) out.push({ file, field: `signatures.phrases[${i}]`, message: `"${p}" is in every other paste: a phrase must point at this issue` });
  });
  for (const [lang, list] of Object.entries(s.keywords))
    (list ?? []).forEach((k, i) => {
      if (GENERIC_WORDS.has(k.trim().toLowerCase())) out.push({ file, field: `signatures.keywords.${lang}[${i}]`, message: `"${k}" is in every other paste: a keyword must point at this issue` });
    });
  t.fixes.forEach((fx, i) => {
    for (const name of Object.keys(fx.params))
      if (/pass|pwd|secret/i.test(name)) out.push({ file, field: `fixes[${i}].params.${name}`, message: 'a fix never asks for a password or secret' });
    if (fx.readOnly && fx.risk !== 'low') out.push({ file, field: `fixes[${i}].risk`, message: 'a read-only fix is low risk' });
    // anyEngine lets a docker fix run against a machine's own (Linux) engine: only a docker command that reads
    // (the client's version, a registry's manifest) means the same there.
    if (fx.anyEngine && (fx.shell !== 'docker' || !fx.readOnly)) out.push({ file, field: `fixes[${i}].anyEngine`, message: 'only a read-only docker fix runs on any engine' });
    if (fx.readOnly && CHANGES_SYSTEM.test(fx.command)) out.push({ file, field: `fixes[${i}].readOnly`, message: 'the command changes the system, so the fix is not read-only' });
    else if (fx.readOnly) {
      const doubt = readOnlyDoubt(fx.command, fx.shell);
      if (doubt !== undefined) out.push({ file, field: `fixes[${i}].readOnly`, message: `the command cannot be read as read-only ("${doubt}" is not known to only read: a command, option or method wcdoctor knows to read, or a script, a file written or a setting changed; see "Read-only checks" in CONTRIBUTING.md): mark it readOnly: false` });
    }
    if (DESTRUCTIVE.test(fx.command) && fx.risk !== 'high') out.push({ file, field: `fixes[${i}].risk`, message: 'the command deletes, removes, stops or restarts something: it is high risk' });
  });
  return out;
}

/**
 * Characters no text of the knowledge may hold: C0 controls but tab and line feed (an escape starts a terminal
 * sequence, a carriage return overwrites the line it is printed on), DEL, C1 controls, and the invisible marks that
 * reorder or hide text (bidirectional overrides and isolates, which can make a command read otherwise than it runs),
 * and the characters that draw nothing, which the display filter shows as \uXXXX (core/text/terminal-safe.ts): a fix's
 * title or command holding them read differently from what it runs (found by an attacker helper). wcdoctor shows such
 * characters as symbols wherever it prints outside text; in our own text they are a mistake.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{1bca0}-\u{1bca3}\u{13430}-\u{1343f}\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]/u;

/** Each string of `value` (a parsed YAML file, or a text) that holds a FORBIDDEN character, as a problem naming where. */
export function controlCharacterProblems(value: unknown, file: string, field = ''): Problem[] {
  const out: Problem[] = [];
  const visit = (v: unknown, at: string) => {
    if (typeof v === 'string') {
      const found = FORBIDDEN.exec(v);
      if (found) {
        const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
        out.push({ file, field: at || '(text)', message: `holds the invisible character U+${code} at position ${found.index + 1}: text is printed to terminals and into commands; remove it` });
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${at}[${i}]`));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) visit(x, at ? `${at}.${k}` : k);
  };
  visit(value, field);
  return out;
}
