import { ANCHOR_WORD, type DiagnosisIndex } from './build-index.js';
import { readPasteBuilds, type PasteBuilds } from './builds.js';
import { readComponentVersions, type SeenVersion } from './component-versions.js';
import { readWindowsImageOnLinux } from './engine-platform.js';
import { messageKeyOf } from './message-key.js';
import { hasPhrase, isWordChar } from './phrase-match.js';
import { foldForMatching, spanAsWritten } from '../text/normalise.js';
import { focusLines, joinWrappedWords, normalisePaste, reduceLargePaste } from './normalise.js';
import { extractCodes } from './parse-error-code.js';
import { failureText } from './reasons.js';
import { operationKey, recognise, type Recognised } from './recognise.js';
import { readScope, type Scope } from './scope.js';
import type { FoundCode } from './types.js';
import type { Weights } from './weights.js';

/**
 * Everything diagnosis reads from a paste, read once: the evidence rules look at this and at the
 * knowledge, never at the raw paste. Built by `readFeatures`.
 */
export interface PasteFeatures {
  /** The paste, normalised (`normalisePaste`: ANSI, CRLF, JSON escapes, mojibake, quote marks, CI times, typographic quotes) and bounded (`reduceLargePaste`). */
  text: string;
  /** The lines kept for matching (`focusLines`), with the words console wrapping cut joined again (`joinWrappedWords`). */
  focus: string;
  /** `focus` (its wrapped words already joined) folded to one lower-case line (`foldForMatching`): what phrases are compared with. */
  flat: string;
  /** The error codes in `focus`, in any spelling. */
  codes: FoundCode[];
  /** What the recognisers found: structures, entities (with the builds read below), operations, tools. */
  recognised: Recognised;
  /** The paste's statement of failure, when it states one (`failureText`). */
  failure?: {
    /** Flattened as `flat` is. */
    flat: string;
    /** Its first line as the paste has it, to quote when a topic does not explain it. */
    shown: string;
  };
  /** The paste asks a question (`?`) and states no failure: what it is about is the setting it names. */
  asks: boolean;
  /** The host's and the image's Windows builds, where the paste shows them. */
  builds: PasteBuilds;
  /** The versions of the engine, containerd and the pause image the paste shows. */
  versions: SeenVersion[];
  /** What shows a Windows image on an engine that runs Linux containers (`readWindowsImageOnLinux`), when the paste shows one. */
  windowsImageOnLinux?: string;
  /** The paste is only codes (`0x5b4`, `1460 0x6be`): it asks what they mean, and shows no context. */
  bareCodes: boolean;
  /** Whether the paste is about Windows containers (`linux`, `unrelated`: out of scope). */
  scope: Scope;
  /** The paste says "Windows" somewhere (a node, a host, a pod's name), whatever else it shows. */
  namesWindows: boolean;
  /** The script of the paste's letters: a hint of its language (Han, Hangul, kana or Latin only). */
  script: 'han' | 'hangul' | 'kana' | 'latin';
  /**
   * `flat` with each code message spelled in another language (找不到元素, Element nicht gefunden) put
   * back in English, the language the topics' phrases are written in: the same failure matches the same
   * phrases in every language.
   */
  phraseText: string;
  /** The messages `phraseText` reads in English: [English, as the paste wrote it], to quote a phrase found through one as written. */
  englishFor: readonly (readonly [string, string])[];
  /** The Latin words (three characters or more) of `phraseText`: phrases are looked up through them. */
  anchorWords: ReadonlySet<string>;
  /** The messages of the found codes in every language, flattened: a phrase equal to one says nothing the code did not. */
  codeMessages: string[];
  /** `flat` without those messages: the text that speaks in words. */
  wordsText: string;
  /** `focus` with all its lines joined (a space for each break), for patterns that do not look at line ends. */
  unwrapped: string;
  /**
   * `focus` with each catalogue message the paste gives in another language ("Zugriff verweigert.") in English
   * ("Access is denied."), and those pairs [English, as written]: a topic's pattern that quotes the English
   * message matches the same failure in any language. The same text as `focus` when there is none.
   */
  englishFocus: { text: string; swaps: [string, string][] };
  /** `flat` without texts that look like a context but are none (`Swarm: inactive`, which `docker info` prints on every host; links). */
  contextText: string;
  /**
   * Whether the paste shows a word of containers (an engine, image, cluster: the `containers` context of
   * knowledge/vocabulary.yaml). Looked up the first time it is read (only a code-carried verdict asks).
   */
  readonly showsContainers: boolean;
  /** The failed operations, as comparison keys (`operationKey`), each with the name the paste gives it. */
  operations: ReadonlyMap<string, string>;
  /** Those of them that are failure sites (CreateContainer, PrepareLayer, hnsCall …). */
  sites: string[];
}

/**
 * Windows named without the word, as people and tools name a Windows node, pool or host in a cluster (`namesWindows`):
 * "win" as a name's part or with a release ("win-wrk-01", "k8s-win-02", "win2019", "win22 pool", "Win Server"), "WS2022",
 * "Server 2022" (not SQL Server's), and AKS's Windows node names, which join "aks", a pool name of at most six characters
 * and a six-character instance without hyphens ("aksnpwin000002", "akswin22000001"; a Linux node is
 * "aks-nodepool1-12345678-vmss000000"). Not "win" inside a word (darwin, winget, twin). A regression tester: pods of a
 * "win2019 node pool" stuck Terminating, first DNS lookups failing "on the WS2022 nodes" and a DaemonSet placed on
 * "aksnpwin000000" had lost their answers to `isLinuxClusterByDefault` (verdict.ts). "win" alone is a name only with a
 * release, a hyphen and more of the name, or a word of a machine after it ("win pool", "win nodes"): not the English word
 * ("any quick win?", "win-win"), nor .NET's runtime identifiers (`-r win-x64`, win-x86, win-arm64), which say what a build
 * targets, not what a node runs (a second regression tester: both had made a Linux cluster's pods a Windows node's).
 */
const NAMES_WINDOWS_SHORT =
  /(?<![a-z0-9])win(?:\d{1,4}(?![a-z])|-(?!(?:x64|x86|arm64|arm|win)\b)[a-z0-9]|(?= ?(?:server|nodes?|pool|workers?|hosts?|vms?)\b))|(?<![a-z0-9])ws20(?:16|19|22|25)(?![0-9])|(?<!sql )\bserver(?: core)? 20(?:16|19|22|25)\b|\baks[a-z0-9]{0,3}win[a-z0-9]{6,9}\b/;

/** The facilities of the container stack's own codes: HCS (0x37, 0xC037… and 0x8037…) and HNS/HCN (0x3B, 0x803B…). */
export const CONTAINER_FACILITY = /^0x[8C]03[7B]/i;

/**
 * Reads a paste into the features the evidence rules use. `buildOfTag` maps an image tag to its
 * Windows build (from the compatibility data), to read the image's build from a tag; `buildOfName`,
 * a release name ("Windows 10 22H2"), to read a client host named in words.
 * @example readFeatures(index, '0x800705B4', () => undefined, WEIGHTS).codes[0]?.canonical // '0x800705B4'
 */
export function readFeatures(index: DiagnosisIndex, paste: string, buildOfTag: (tag: string) => number | undefined, w: Weights, buildOfName?: (name: string) => number | undefined): PasteFeatures {
  const text = normalisePaste(reduceLargePaste(paste));
  // The lines kept for matching, with the words the console cut at the window's edge joined again: every
  // rule then reads "hcsshim::ImportLayer" and "failing?" whole, as the paste's writer saw them.
  const focus = joinWrappedWords(focusLines(text));
  // Folded, not flattened again: joining the joined lines once more would run a wrapped line into the next.
  const flat = foldForMatching(focus);
  // Codes come from the lines kept for matching, like everything else: a paste of any size costs the same.
  const codes = extractCodes(focus, index.codeIndex);
  const rec = recognise(focus);
  const failure = failureText(focus);
  const reason = foldForMatching(failure);
  const builds = readPasteBuilds(focus, rec.entities, buildOfTag, buildOfName);
  const entities = { ...rec.entities };
  if (builds.host) entities.hostBuild = String(builds.host.build);
  if (builds.image) entities.imageBuild = String(builds.image.build);
  // A paste that is only codes asks what they mean: every topic that lists one is an answer. Only a message (`The
  // virtual machine could not be started because …`) is a failure seen, the program that printed it unsaid, as the same
  // message beside its code is: no bare code.
  const bareCodes = codes.some((c) => c.via !== 'message') && text.length <= w.paste.bareMaxLength && codes.reduce((t, c) => t.split(c.raw).join(' '), text).replace(/[\s,;()]+/g, '') === '';
  const codeMessages = messagesOf(codes, index, w);
  // The drivers `docker info` lists under "Plugins:" (`Network: l2bridge l2tunnel nat null overlay transparent`) are what
  // the engine offers, printed on every host: no words or phrase of a failure. On the training pastes, a Hyper-V
  // container's 1 GB memory, pasted with its host's `docker info`, was answered "high" with the network drivers' topic
  // through that line.
  const listedFocus = holdsPluginInventory(focus) ? withoutPluginInventory(focus) : focus;
  const listed = listedFocus === focus ? flat : foldForMatching(listedFocus);
  // The words of `docker version` / `docker info` blocks say what runs, not what failed: left out of the words,
  // they would dilute every topic's share of the paste (the versions themselves are read above).
  let wordsText = holdsVersionBlock(listedFocus) || holdsEventField(listedFocus) ? foldForMatching(withoutVersionBlocks(withoutEventFields(listedFocus))) : listed;
  for (const m of new Set(codeMessages)) if (wordsText.includes(m)) wordsText = wordsText.split(m).join(' ');
  // A code written as a number or a name is the code rule's evidence: as a word it would count twice.
  for (const c of codes) if (c.via !== 'message') wordsText = withoutToken(wordsText, foldForMatching(c.raw));
  const operations = new Map(rec.operations.map((o) => [operationKey(o), o]));
  const { text: phraseText, swaps: englishFor } = inEnglish(listed, codes, index, w);
  // A link's words name a web page (a repository, an issue: `github.com/docker/for-win/issues/…`, `…/nav-docker-samples/…`),
  // not what ran: no context. On the training pastes, two about no known issue (a host's TLS failure downloading from a
  // repository named after docker, a port exclusion list under links to Docker's issues) had a "medium" answer through
  // such a link alone; no right answer needed one.
  const unlinked = flat.includes('://') ? flat.replace(/\bhttps?:\/\/[^\s"'<>)\]]{1,500}/g, ' ') : flat;
  const contextText = unlinked.includes('swarm: inactive') ? unlinked.replaceAll('swarm: inactive', '') : unlinked;
  let showsContainers: boolean | undefined;
  const windowsImageOnLinux = readWindowsImageOnLinux(focus);
  return {
    text,
    focus,
    flat,
    codes,
    recognised: { ...rec, entities },
    ...(reason ? { failure: { flat: reason, shown: failure.split('\n').find((l) => l.trim())?.trim().slice(0, w.display.failureLine) || reason.slice(0, w.display.failureLine) } } : {}),
    asks: !reason && /[?？]/.test(focus) && asksAboutSomething(focus),
    builds,
    versions: readComponentVersions(focus),
    ...(windowsImageOnLinux ? { windowsImageOnLinux } : {}),
    bareCodes,
    scope: readScope(flat, focus, codes.some((c) => CONTAINER_FACILITY.test(c.canonical))),
    namesWindows: flat.includes('windows') || NAMES_WINDOWS_SHORT.test(flat),
    script: /[\uac00-\ud7a3]/.test(focus) ? 'hangul' : /[\u3040-\u30ff]/.test(focus) ? 'kana' : /[\u3400-\u9fff]/.test(focus) ? 'han' : 'latin',
    phraseText,
    englishFor,
    anchorWords: new Set(phraseText.match(ANCHOR_WORD) ?? []),
    codeMessages,
    wordsText,
    // Lines joined as one: a word the console cut at the window's edge without a space, other breaks as a space.
    unwrapped: focus.includes('\n') ? focus.replace(/(?<![ \t])[ \t]*\n[ \t]*/g, ' ') : focus,
    englishFocus: englishFocusOf(focus, flat, codes, index),
    contextText,
    get showsContainers() {
      return (showsContainers ??= index.containerWords.some((c) => hasPhrase(contextText, c)));
    },
    operations,
    sites: [...operations.keys()].filter((o) => index.failureSites.has(o)),
  };
}

/** `focus` with the catalogue messages found in another language put in English (PasteFeatures.englishFocus). */
function englishFocusOf(focus: string, flat: string, codes: FoundCode[], index: DiagnosisIndex): { text: string; swaps: [string, string][] } {
  let text = focus;
  const swaps: [string, string][] = [];
  const swap = (written: string, english: string) => {
    const raw = written.replace(/[.。]$/, '');
    const en = english.replace(/[.。]$/, '');
    if (!raw || raw === en || !text.includes(raw)) return;
    text = text.split(raw).join(en);
    swaps.push([en, raw]);
  };
  for (const c of codes) {
    if (c.via === 'message' && c.message) swap(c.raw, c.message);
    // The code found another way (its number beside the message, `… 另一个程序正在使用此文件，进程无法访问。 (0x20)`): its
    // message in any other language reads as English too, as in `phraseText`.
    const e = index.codeIndex.byCode.get(c.canonical);
    const en = e?.messages.en;
    if (!e || !en) continue;
    for (const [lang, message] of Object.entries(e.messages)) if (lang !== 'en' && message) swap(message, en);
    // Its variants too (another wording, `Der Stub hat fehlerhafte Daten empfangen. (0x800706F7)`), found by their keys
    // (kb.diagnosis.codeMessageKeys) in the folded paste and taken from the paste as written: the variants' own texts
    // are stored apart from what a diagnosis reads (kb-display.json), and reading them cost a cold start 300 KB of parsing.
    for (const key of index.messageKeysOf(e).variants) {
      if (!key || !flat.includes(key)) continue;
      const written = spanAsWritten(focus, key);
      if (written) swap(written, en);
    }
  }
  return { text, swaps };
}

// The patterns below that are functions are made on first use: V8 parses a regex literal when its module loads, and a
// bare code asks none of these and a failure line few (together about 0.6 million instructions of each start).
let eventFieldPattern: RegExp | undefined;
/**
 * A header field of an event copied from Event Viewer or printed by `Get-WinEvent | Format-List` ("Log Name:",
 * "Source:", "Event ID:", "Level:", "TimeCreated :" …): it says where the event was logged, not what failed.
 */
const EVENT_FIELD = (): RegExp => (eventFieldPattern ??= /^[ \t]{0,4}(?:Log Name|Source|Date|Event ID|Task Category|Level|Keywords|User|Computer|OpCode|TimeCreated|ProviderName|Id|LevelDisplayName|MachineName|ContainerLog)[ \t]{0,16}:[ \t]/m);

/** The text without the header fields of an event record (three or more of them: a lone "Source:" or "User:" stays). */
function withoutEventFields(text: string): string {
  const lines = text.split('\n');
  const kept = lines.filter((line) => !EVENT_FIELD().test(line) && !/^[ \t]{0,4}Description:[ \t]*$/.test(line));
  return lines.length - kept.length >= 3 ? kept.join('\n') : text;
}

let versionBlockStartPattern: RegExp | undefined;
/** A line that opens the output of `docker version` or `docker info`: "Client:", "Server: Docker Engine - Community". */
const VERSION_BLOCK_START = (): RegExp => (versionBlockStartPattern ??= /^[ \t]{0,4}(?:Client|Server)(?::[ \t]{0,4}(?:Docker Engine[^\n]{0,40}|Mirantis[^\n]{0,40})?|[ \t]Version:[^\n]{0,40})[ \t]{0,4}$/m);

/**
 * Whether the text has a line VERSION_BLOCK_START or EVENT_FIELD matches. Each match holds a text looked for first
 * ("Client" or "Server"; a colon and a space or tab), so that a paste without it (a bare code, most failure lines)
 * never compiles the pattern: compiling it was most of what asking it cost a cold start.
 */
const holdsVersionBlock = (text: string): boolean => (text.includes('Client') || text.includes('Server')) && VERSION_BLOCK_START().test(text);
const holdsEventField = (text: string): boolean => (text.includes(': ') || text.includes(':\t')) && EVENT_FIELD().test(text);

let pluginInventoryPattern: RegExp | undefined;
/** The line of `docker info` that opens its list of drivers ("Plugins:", then indented "Volume:", "Network:", "Log:" lines). */
const PLUGIN_INVENTORY = (): RegExp => (pluginInventoryPattern ??= /^[ \t]{0,4}Plugins:[ \t]{0,4}$/m);
const holdsPluginInventory = (text: string): boolean => text.includes('Plugins:') && PLUGIN_INVENTORY().test(text);
let driverListPattern: RegExp | undefined;
/**
 * A line of that list: a kind of driver and its lower-case driver names (`Volume: local`, `Network: nat null overlay`,
 * `Log: awslogs etwlogs json-file`). Anything else indented there, a sentence under `Log:` included, is the paste's own
 * (two regression testers hid a failure so).
 */
const DRIVER_LIST = (): RegExp => (driverListPattern ??= /^[ \t]{1,12}(?:Volume|Network|Log|Authorization):(?:[ \t]{1,4}[a-z0-9][a-z0-9._/:-]{0,63}){0,40}[ \t]{0,4}$/);

/**
 * The text without the lines indented under `docker info`'s "Plugins:" line (the line itself kept).
 * @example withoutPluginInventory('Plugins:\n Network: l2bridge nat\nSwarm: inactive') === 'Plugins:\nSwarm: inactive'
 */
function withoutPluginInventory(text: string): string {
  const out: string[] = [];
  // The indentation of the "Plugins:" line while in its list: a line indented deeper is one of its drivers.
  let depth = -1;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (depth >= 0 && indent > depth && indent <= depth + 8 && DRIVER_LIST().test(line)) continue;
    depth = PLUGIN_INVENTORY().test(line) ? indent : depth >= 0 && indent > depth ? depth : -1;
    out.push(line);
  }
  return out.join('\n');
}

/** The text without its `docker version` / `docker info` blocks: from a line VERSION_BLOCK_START matches, its indented lines. */
function withoutVersionBlocks(text: string): string {
  const out: string[] = [];
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (VERSION_BLOCK_START().test(line)) inBlock = true;
    else if (inBlock && !/^[ \t]{1,12}\S/.test(line)) inBlock = false;
    if (!inBlock) out.push(line);
  }
  return out.join('\n');
}

let pleaPattern: RegExp | undefined;
/**
 * A plea that ends a sentence and asks nothing of its own ("…, any idea?", "Can anyone help?",
 * "What am I doing wrong?"): a paste whose only questions are such pleas describes its problem, it
 * does not ask about a setting.
 */
const PLEA = (): RegExp => (pleaPattern ??= /(?:^|[,;:(]|\s-{1,2})\s{0,4}(?:(?:hi|hello|thanks)[,!.]?\s{1,4})?(?:any (?:idea|ideas|help|suggestions?|clues?|thoughts|hints?|pointers?)|ideas|why|what can i do|what should i do|can (?:anyone|someone|somebody|you) help(?: me)?(?: with this| here)?|could (?:anyone|someone|you) help(?: me)?|what am i (?:doing wrong|missing)|is this a bug|how (?:can|do) i (?:fix|solve) (?:this|it)|how to (?:fix|solve) (?:this|it)|what(?:'s| is) (?:wrong|going on)|please help|thoughts|anyone)\s{0,4}[?？]+$/i);

/** Whether some sentence of the paste is a question of its own (not only a plea such as "any idea?"). */
function asksAboutSomething(text: string): boolean {
  for (const line of text.split('\n'))
    for (const sentence of line.split(/(?<=[.!?。！？])\s+/)) {
      // Quotes and brackets after the mark still end a question ('…bara 2016?"}' in a JSON record).
      const s = sentence.trim().replace(/["'`)\]}]{1,6}$/, '');
      // PowerShell's `?` after a pipe is Where-Object (`Get-HnsEndpoint | ? ID -like …`), not a question.
      if (/[?？]$/.test(s) && !/\|[ \t]{0,4}\?$/.test(s) && !PLEA().test(s.slice(-120))) return true;
    }
  return false;
}

export { messageKeyOf };

/** The flattened paste with each code spelled as a message in another language given its English message instead. */
function inEnglish(flat: string, codes: FoundCode[], index: DiagnosisIndex, w: Weights): { text: string; swaps: [string, string][] } {
  let out = flat;
  const swaps: [string, string][] = [];
  const swap = (from: string, to: string) => {
    if (from.length >= w.code.minMessageLength && from !== to && out.includes(from)) {
      out = out.split(from).join(to);
      swaps.push([to, from]);
    }
  };
  for (const c of codes) {
    if (c.via === 'message' && c.message) swap(messageKeyOf(c.raw), messageKeyOf(c.message));
    // The code found another way (its number beside the message): its message in any other language reads as English too.
    const e = index.codeIndex.byCode.get(c.canonical);
    const en = e?.messages.en;
    if (!e || !en) continue;
    const to = messageKeyOf(en);
    const keys = index.messageKeysOf(e);
    Object.keys(e.messages).forEach((lang, i) => {
      if (lang !== 'en') swap(keys.messages[i]!, to);
    });
    for (const v of keys.variants) swap(v, to);
  }
  return { text: out, swaps };
}

/** A phrase found in `phraseText`, quoted as the paste wrote it (a message it read in English put back in the paste's language). */
export function asWritten(f: PasteFeatures, phrase: string): string {
  let out = phrase;
  if (f.englishFor.length && !f.flat.includes(phrase)) for (const [en, raw] of f.englishFor) if (out.includes(en)) out = out.split(en).join(raw);
  // In the paste's own case ("hnsCall failed in Win32", not "hnscall failed in win32") where it can be found so.
  return spanAsWritten(f.focus, out) ?? out;
}

/** The messages of the codes, in every language and variant the catalogue has, flattened, without a final full stop. */
function messagesOf(codes: FoundCode[], index: DiagnosisIndex, w: Weights): string[] {
  return codes.flatMap((c) =>
    [c.canonical, ...c.equivalents].flatMap((k) => {
      const e = index.codeIndex.byCode.get(k);
      const keys = e ? index.messageKeysOf(e) : undefined;
      return [...(c.message ? [messageKeyOf(c.message)] : []), ...(keys?.messages ?? []), ...(keys?.variants ?? [])].filter((m) => m.length >= w.code.minMessageLength);
    }),
  );
}

/** Whether a phrase is (part of) the message of a code found in the paste, or contains one. */
export function isCodeMessage(f: PasteFeatures, phrase: string): boolean {
  return f.codeMessages.some((m) => m.includes(phrase) || phrase === m);
}

/**
 * Whether a found code was spelled as its message in words (with white space): such a code says
 * what failed, as a phrase does. A message without spaces (Han, Hangul) does not count here today.
 */
export function isSaidInWords(c: FoundCode): boolean {
  return c.via === 'message' && /\s/.test(c.raw);
}

/** `text` without every whole occurrence of `token` (not inside a longer word or number). */
function withoutToken(text: string, token: string): string {
  if (!token || !text.includes(token)) return text;
  let out = '';
  let from = 0;
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length)) {
    const before = text[at - 1];
    const after = text[at + token.length];
    if (isWordChar(before) || isWordChar(after)) continue;
    out += text.slice(from, at) + ' ';
    from = at + token.length;
  }
  return out + text.slice(from);
}
