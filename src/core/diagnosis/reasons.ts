import { foldForMatching } from '../text/normalise.js';

/**
 * The lines of a paste that say that something failed, and so carry its reason: an error response,
 * a failed system call, a PowerShell error record, a kubectl message, a task's ERROR column, a
 * sentence that says "fails" or "cannot". The rest of a paste (tables, commands, names, events that
 * went well) tells where the failure happened, not why.
 */

// Words and phrases that make a line a failure line, in the four languages and German, whose
// Windows prints localised messages (and German compounds of "Fehler": Systemfehler, Netzwerkfehler); compared on lower-cased text, single words as whole words
// (so that "errorlevel" or "failover" do not count). Sets and substring tests rather than one large
// pattern: compiling that cost a plain paste a millisecond at start-up.
// A registry's or API's refusal of a request (HTTP 401 and 403: `unauthorized: authentication required`) states a
// failure as surely as "denied" does; so does "never" before what should have happened in a person's account ("the pods
// never get placed", "the web client never loads"; a phrase below), "stops" ("the build stops at the FROM step with: …"), and something crashed or left damaged in
// German ("abgestürzt", "beschädigt"; English has `crash…` below and "corrupted"). Without them such a paste read as
// calm: words alone needed only the calm bar, and no topic was asked to explain the failure line.
// Measured on the training pastes (2026-12-07, `npm run eval`, as they are and in both estimates):
//  - `unauthorized`: a pull refused so had been a proxy topic's lead on the words `httpd` and `Downloading`;
//  - "never": a Kubernetes question whose containers "never get placed" had been a nodeSelector topic's lead, and four
//    wrong second leads went; one wrong first answer of the stricter estimate became right;
//  - "stops": the topic of a Linux-only base image then ranked above the missing Windows tag's (a wrong "medium" of the
//    stricter estimate);
//  - "abgestürzt", "beschädigt": a German account of a cleanup tool that crashed and a Windows left damaged had been a
//    lead of the tool's topic in all three readings ("corrupted" moved nothing and is there for the same reading).
// No training, own or development answer was lost by any of them.
const FAILURE_WORDS = new Set(
  ("error errors failed failure fail fails failing cannot can't couldn't unable unsupported denied refused timeout timeouts " +
    "expired invalid incorrect exception panic fatal conflict conflicts evicted insufficient mismatch incompatible unavailable " +
    "unexpected aborted hang hangs hung stuck slow fault unauthorized forbidden stops corrupted " +
    'fel felet misslyckades nekad fehler fehlgeschlagen nicht verweigert abgestürzt beschädigt').split(' '),
);
const FAILURE_PHRASES = [
  'could not', 'not supported', 'not found', 'not recognized', 'timed out', 'time out', 'times out', 'no such', 'not allowed',
  'already exists', 'does not match', "doesn't match", 'not compatible', 'not available', 'no longer', 'too slow', 'too long',
  'not enough', 'out of memory', 'out of space', 'no space', 'not work', "doesn't work", "won't start", "won't run",
  // "never" only before what should have happened (`restartPolicy: Never`, `--restart=Never` and "I never tried …" state
  // no failure; a regression tester found calm manifests losing their answers when the word alone counted).
  'never start', 'never get', 'never got', 'never become', 'never became', 'never come', 'never came', 'never complete',
  'never finish', 'never load', 'never respond', 'never reach', 'never return', 'never run', 'never work', 'never succeed',
  'never connect', 'never resolve', 'never pull', 'never show', 'never ready',
  'kan inte', 'kunde inte', 'hittades inte', 'stöds inte',
  '错误', '失败', '无法', '不能', '不支持', '找不到', '拒绝', '超时', '异常', '不匹配', '缓慢',
  '오류', '실패', '없습니다', '않습니다', '지원되지', '거부', '시간 초과', '일치하지', '느립니다',
];

/** Whether a line says that something failed. */
export function statesFailure(line: string): boolean {
  const lower = foldForMatching(line);
  for (const w of lower.match(/[a-zäöüß']+/g) ?? []) if (FAILURE_WORDS.has(w) || w.startsWith('crash') || (w.length > 6 && w.endsWith('fehler'))) return true;
  return FAILURE_PHRASES.some((p) => lower.includes(p));
}

// The patterns below that are functions are made on first use: V8 parses a regex literal when its module loads, and a
// bare code asks none of these and a failure line few (together about 0.6 million instructions of each start).
let notAFailurePattern: RegExp | undefined;
/**
 * Lines that only report progress or success (an error count, a failure policy, the engine saying it
 * will pull an image it does not have yet) or ask a question: a question about an error asks what
 * something is, and is answered by what it names. Also the last step of GitHub's bug report template
 * ("4. See error"), which people leave in their issue: it points at the error, it is not one.
 */
const NOT_A_FAILURE = (): RegExp => (notAFailurePattern ??= /[?？]\s*$|^[ \t]{0,8}(?:\d{1,2}\.[ \t]{0,4})?See (?:the )?error\.?[ \t]{0,8}$|^\s*(?:\+\s*)?(?:At line:\d|In Zeile:\d|CategoryInfo\b|FullyQualifiedErrorId\b)|\b0\s+errors?\b|--restart-condition|on-failure|--no-trunc\s*$|^[ \t]{0,8}Unable to find image '[^'\n]{1,300}' locally[ \t]{0,8}$/i);

let psPositionPattern: RegExp | undefined;
/** Where a PowerShell error record says the error happened: "At line:1 char:1", "At C:\build\run.ps1:12 char:5", German "In Zeile:1 Zeichen:1". */
const PS_POSITION = (): RegExp => (psPositionPattern ??= /^[ \t]{0,8}(?:At [^\n]{0,300}:\d{1,6} char:\d{1,6}|At line:\d{1,6} char:\d{1,6}|In [^\n]{0,300}:\d{1,6} Zeichen:\d{1,6}|In Zeile:\d{1,6} Zeichen:\d{1,6})[ \t]{0,8}$/);

/**
 * A line that only says that a step around the failure gave up, not why: a CI runner's last line
 * (GitHub Actions' "Process completed with exit code 1", Azure Pipelines' ##[error], GitLab's "Job
 * failed: exit code 1", Jenkins' "script returned exit code 1"), npm's and make's, a build step's
 * "returned a non-zero code". The reason is on the lines before it; on its own it states no failure.
 */
const WRAPPER_FAILURE_MARKS = ['exit code', 'npm ERR!', 'make', 'non-zero code'];
const WRAPPER_FAILURE =
  /^[ \t]{0,8}(?:\S{1,40}[ \t]{1,4}){0,2}(?:##\[error\][ \t]{0,4})?(?:Error:[ \t]{0,4})?(?:Process completed with exit code \d{1,5}\.?|(?:ERROR:[ \t]{0,4})?Job failed: exit code \d{1,5}|script returned exit code \d{1,5}|npm ERR! .{0,200}|make(?:\[\d{1,3}\])?: \*\*\* .{0,200}|The command .{0,400} returned a non-zero code: \d{1,5}|Command failed with exit code \d{1,5}\.?)[ \t]{0,8}$/;

/** Whether a line only says that a step gave up (WRAPPER_FAILURE): its text is looked for first, the pattern (costly to compile, a millisecond of a start) only then. */
export const isWrapperFailure = (line: string): boolean => WRAPPER_FAILURE_MARKS.some((m) => line.includes(m)) && WRAPPER_FAILURE.test(line);

/**
 * Marks of a tool's output (an error response, a log field, a PowerShell record, a prompt, a kubectl
 * or table header, a stack frame). A paste without any is prose: a person describing the problem,
 * whose every sentence may carry its cause. The fixed texts among them (TOOL_OUTPUT_TEXTS, lower case)
 * are looked for first; the pattern of the others costs half a millisecond of a start to compile.
 */
const TOOL_OUTPUT_TEXTS = ['error response from daemon', 'failed in win32', 'hcsshim', 'hnscall', 'hns failed'];
let toolOutputPattern: RegExp | undefined;
const TOOL_OUTPUT = (): RegExp => (toolOutputPattern ??= /level=(?:error|warning|warn|info|fatal)|At line:\d|In Zeile:\d|CategoryInfo|FullyQualifiedErrorId|^[ \t]*(?:PS [A-Za-z]:\\|[A-Za-z]:\\[^\n>]{0,200}>|\$ |# )|^[ \t]*(?:Name|Namespace|Status|Reason|Message|Events|State):\s|\bID\s+NAME\b|Exit Code:|System error \d+|^[ \t]+at \S+\(|Unhandled exception|\bdocker(?:\.exe)?: |time="\d|^[ \t]*(?:Step \d+\/\d+|--->)|\(0x[0-9a-f]+\)/im);
const isToolOutput = (text: string): boolean => {
  const lower = text.toLowerCase();
  return TOOL_OUTPUT_TEXTS.some((t) => lower.includes(t)) || TOOL_OUTPUT().test(text);
};

/**
 * The statement of failure in a (normalised, focused) paste, joined by newlines; empty when it
 * states none. In a tool's output that is its failure lines; in prose, the whole text once any
 * sentence says something failed.
 */
export function failureText(text: string): string {
  const lines: string[] = [];
  // After a PowerShell error record's "At C:\x.ps1:12 char:5", its "+ …" lines echo the script's code (a
  // `throw "docker run failed"`), not the error: the message is the record's first line.
  let echo = false;
  for (const raw of text.split('\n')) {
    // A log line this long is data (a JSON blob); its failure words still count, in a bounded slice.
    const line = raw.length > 2000 ? raw.slice(0, 2000) : raw;
    if ((line.includes(' char:') || line.includes(' Zeichen:')) && PS_POSITION().test(line)) echo = true;
    else if (echo && !/^[ \t]{0,8}\+/.test(line)) echo = false;
    if (echo) continue;
    if (statesFailure(line) && (!NOT_A_FAILURE().test(line) || saysFailureBeforeQuestion(line)) && !isWrapperFailure(line)) lines.push(line);
  }
  if (!lines.length) return '';
  return isToolOutput(text) ? lines.join('\n') : text;
}

/** A line that ends in a question may still state a failure in an earlier sentence ("It fails. Why?"). */
function saysFailureBeforeQuestion(line: string): boolean {
  if (!/[?？]\s*$/.test(line)) return false;
  return line.split(/(?<=[.!。])\s+/).some((sentence) => statesFailure(sentence) && !NOT_A_FAILURE().test(sentence));
}
