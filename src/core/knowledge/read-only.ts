import { tokenizeTemplate } from '../fixes/quote.js';
import { PLACEHOLDER } from '../text/placeholder.js';

/**
 * What a fix marked read-only may run: only commands known to read. READ_ONLY_DOUBT (content-rules.ts) names what
 * changes; each attacker who tried it found one more way to change the system that the list did not name (an alias, a
 * method called by a quoted name, a verb not yet listed). This is the other side: every command a read-only fix runs
 * must be one this file knows to only read, with the options it reads with, and everything else is doubted. A command
 * nobody listed is a question for the contributor ("is it read-only? then add it here"), never a pass.
 *
 * The fix's text is read as each shell reads it:
 * - PowerShell by a tokenizer (scanPowerShell) that finds every command in a command's place (statement start, after
 *   `|`, `;`, `&&`, `||`, `=`, inside `( )`, `$( )`, `@( )`, `{ }`, and `$( )` in a double-quoted string), every
 *   method called (`.Name(`, `::Name(`), every assignment and every redirection. test/pwsh/read-only-parse.test.ts
 *   compares what it finds with PowerShell's own parser on every read-only fix of the knowledge and on attacks.
 * - cmd by its separators (`&`, `&&`, `||`, `|`, line ends) and redirections.
 * - docker, kubectl, reg and net fixes as one program's arguments.
 * A program's arguments are judged by its own rule (READING_PROGRAMS); `docker exec`, `kubectl exec`, `cmd /c` and
 * `powershell -Command` are judged by the command they run.
 */

/** A reason the command is not known to read: the part of its text, and what kind of part it is. */
export interface NotReading {
  part: string;
  why: 'command' | 'arguments' | 'method' | 'assignment' | 'redirection' | 'call' | 'syntax';
}

type Shell = 'powershell' | 'cmd' | 'docker' | 'kubectl' | 'reg' | 'net' | string;

/** The first part of `command` not known to only read, as the shell `shell` would run it; undefined when all is. */
export function notReadOnly(command: string, shell: Shell): NotReading | undefined {
  // A parameter stands for one value the user gives (validated before it enters the command): read it as one word.
  const text = command.replace(PLACEHOLDER, 'x0');
  // A read-only check is written in plain ASCII: PowerShell reads typographic quotes as quotes and dashes as `-`, and
  // other invisible or look-alike characters let a reader see another command than the one that runs (found by an
  // attacker helper: `'a’; Stop-Service docker; ‘b'` hid a command from the tokenizer).
  const odd = /[^\x20-\x7e\n\t]/.exec(text);
  if (odd) return { part: `U+${odd[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, why: 'syntax' };
  // WMI's product classes: listing one makes Windows Installer check, and repair, every product it lists.
  const product = /\b(?:win32|cim)_product\b/i.exec(text);
  if (product) return { part: product[0], why: 'command' };
  if (shell === 'powershell') return powerShellTextProblem(text) ?? scanPowerShell(text, 0);
  if (shell === 'cmd') return scanCmd(text, 0);
  // docker, kubectl, reg and net fixes run as one program, split into words as the fix runner splits them.
  const { tokens, error } = tokenizeTemplate(text);
  if (error) return { part: text, why: 'syntax' };
  return nativeCall(tokens.map((t) => t.text), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// What reads

/**
 * PowerShell commands that only read, by name. Not by verb: a Get- or Test- cmdlet may write or install
 * (`Get-WindowsUpdateLog` writes a file, `Get-PackageProvider -ForceBootstrap` installs, `Test-ClusterResourceFailure`
 * fails a resource over; found by an attacker helper), so each name here was checked to only read.
 */
const READING_CMDLETS = new Set([
  // What the knowledge's checks read with: services, processes, files, the registry, WMI, networking, HNS, Hyper-V,
  // features, events, Defender, SMB mappings, the domain.
  'get-service', 'get-process', 'get-childitem', 'get-item', 'get-itemproperty', 'get-itempropertyvalue', 'get-content', 'get-acl', 'get-filehash', 'get-authenticodesignature',
  'get-ciminstance', 'get-wmiobject', 'get-hotfix', 'get-computerinfo', 'get-psdrive', 'get-volume', 'get-disk', 'get-partition', 'get-date', 'get-module', 'get-host', 'get-culture', 'get-timezone', 'get-executionpolicy', 'get-location', 'get-member', 'get-variable', 'get-alias',
  'get-netadapter', 'get-netadapterbinding', 'get-netadapteradvancedproperty', 'get-netipaddress', 'get-netipconfiguration', 'get-netipinterface', 'get-netroute', 'get-netneighbor', 'get-netnat', 'get-netnatstaticmapping', 'get-netnatexternaladdress', 'get-nettcpconnection', 'get-netudpendpoint', 'get-netcompartment', 'get-netconnectionprofile', 'get-netfirewallrule', 'get-netfirewallprofile', 'get-netfirewallportfilter',
  'get-dnsclientserveraddress', 'get-dnsclient', 'get-dnsclientglobalsetting', 'resolve-dnsname', 'test-netconnection', 'test-connection', 'test-path',
  'get-hnsnetwork', 'get-hnsendpoint', 'get-hnspolicylist', 'get-vmhost', 'get-vm', 'get-vmswitch', 'get-vmswitchextension', 'get-vmnetworkadapter', 'get-vmnetworkadaptervlan',
  'get-windowsfeature', 'get-windowsoptionalfeature', 'get-winevent', 'get-eventlog', 'get-mppreference', 'get-mpcomputerstatus', 'get-processmitigation', 'get-dedupvolume', 'get-smbglobalmapping', 'get-smbmapping',
  'get-localuser', 'get-localgroup', 'get-localgroupmember', 'test-adserviceaccount', 'get-packageprovider', 'get-tlsciphersuite',
  // Shaping what was read, and waiting.
  'select-object', 'where-object', 'sort-object', 'group-object', 'measure-object', 'compare-object', 'select-string', 'foreach-object',
  'format-table', 'format-list', 'format-wide', 'convertto-json', 'convertfrom-json', 'convertto-csv', 'convertfrom-csv', 'out-string', 'out-host', 'out-null', 'out-default',
  'write-output', 'write-host', 'join-path', 'split-path', 'resolve-path', 'start-sleep',
  // Web requests read when they only get (their options are checked in judgeCommand).
  'invoke-webrequest', 'invoke-restmethod',
]);
/** PowerShell's own aliases of reading commands (the built-in ones of Windows PowerShell 5.1 and PowerShell 7). */
const READING_ALIASES: Record<string, string> = {
  '?': 'where-object', '%': 'foreach-object', where: 'where-object', select: 'select-object', sort: 'sort-object', ft: 'format-table', fl: 'format-list', fw: 'format-wide',
  gci: 'get-childitem', ls: 'get-childitem', dir: 'get-childitem', cat: 'get-content', gc: 'get-content', type: 'get-content', gi: 'get-item', gp: 'get-itemproperty', gpv: 'get-itempropertyvalue',
  gps: 'get-process', ps: 'get-process', gsv: 'get-service', gcim: 'get-ciminstance', gwmi: 'get-wmiobject', gal: 'get-alias', gm: 'get-member', measure: 'measure-object',
  group: 'group-object', echo: 'write-output', write: 'write-output', sls: 'select-string', compare: 'compare-object', diff: 'compare-object', gdr: 'get-psdrive', gl: 'get-location', pwd: 'get-location',
  gv: 'get-variable', rvpa: 'resolve-path', sleep: 'start-sleep', iwr: 'invoke-webrequest', irm: 'invoke-restmethod',
};
/** Whether a PowerShell command's name (a cmdlet or a built-in alias, any case) is one of those known only to read. */
export const isReadingCommandName = (name: string): boolean => READING_CMDLETS.has(name.toLowerCase()) || Object.hasOwn(READING_ALIASES, name.toLowerCase());
/** PowerShell's keywords: a statement, not a command (their blocks and conditions are read as any other). */
const KEYWORDS = new Set(['if', 'elseif', 'else', 'while', 'try', 'catch', 'finally', 'return', 'break', 'continue', 'param', 'throw']);
/**
 * What must come after a keyword, and whether a block must come before it: anywhere else PowerShell reads the word as a
 * command's name (`catch x` runs a program catch.exe), which a random-text comparison with its parser showed.
 */
const KEYWORD_SHAPE: Record<string, { next: RegExp; afterBlock?: true }> = {
  if: { next: /^\($/ }, while: { next: /^\($/ }, param: { next: /^\($/ }, elseif: { next: /^\($/, afterBlock: true },
  else: { next: /^\{$/, afterBlock: true }, try: { next: /^\{$/ }, finally: { next: /^\{$/, afterBlock: true }, catch: { next: /^[{[]$/, afterBlock: true },
};
/**
 * Keywords a read-only check does not need, refused: `foreach ($env:PATH in '\\host\share')` set a variable no
 * assignment names (found by an attacker helper), and functions, classes, traps and the rest hide what runs when.
 */
const REFUSED_KEYWORDS = /^(?:foreach|for|do|until|switch|trap|data|function|filter|class|enum|using|begin|process|end|dynamicparam|workflow|configuration|parallel|sequence|inlinescript|hidden|static)$/i;
/** Common parameters that set a variable whose name they are given (a scope-qualified one, `env:PATH`, too). */
const COMMON_WRITING = ['outvariable', 'errorvariable', 'warningvariable', 'informationvariable', 'pipelinevariable'];
const COMMON_WRITING_ALIASES = new Set(['ov', 'ev', 'wv', 'iv', 'pv']);
/**
 * Parameters of listed cmdlets that write, mount or set something: Get-WindowsFeature -Vhd mounts a disk image and
 * -LogPath writes a log where it is told; Get-WindowsOptionalFeature reads an offline image with -Path; Invoke-
 * WebRequest's -SessionVariable sets a variable by name.
 */
const CMDLET_WRITING: Record<string, string[]> = {
  'get-windowsfeature': ['vhd', 'logpath'],
  'get-windowsoptionalfeature': ['logpath', 'path', 'scratchdirectory', 'windowsdirectory', 'systemdrive'],
  'invoke-webrequest': ['sessionvariable'],
  'invoke-restmethod': ['sessionvariable', 'responseheaderstvariable', 'statuscodevariable'],
};

/**
 * Parameters that make a listed cmdlet write, send or install, matched as PowerShell matches a parameter: by any
 * prefix of its name (`-OutF` is -OutFile; found by an attacker helper), so a prefix of one of these is refused.
 */
const WRITING_PARAMETERS = ['outfile', 'infile', 'body', 'form', 'custommethod', 'cm', 'resume', 'sv'];

/**
 * Methods that only read or compute, by name: conversions and text operations, a few lookups (`GetHostAddresses`,
 * `GetType()` of an object), tests, and the constructor `new` of the types CONSTRUCTIBLE_TYPES names. Not any `Get…`:
 * `[Microsoft.VisualBasic.Interaction]::GetObject` runs a script (found by an attacker helper). PowerShell's
 * `.Where({ })` and `.ForEach({ })` run a block that is read as any other, and only a block.
 */
const READING_MEMBER = /^(?:GetType|GetValueNames|GetSubKeyNames|GetHostAddresses|GetHostEntry|GetEnvironmentVariable|GetEnvironmentVariables|GetCurrent|GetNetworkInterfaces|GetIPProperties|GetFileName|GetFileNameWithoutExtension|GetDirectoryName|GetExtension|GetFullPath|GetString|GetBytes|ToString|ToLower|ToUpper|ToLowerInvariant|ToUpperInvariant|ToInt32|ToInt64|ToArray|ToCharArray|ToUniversalTime|ToLocalTime|Trim|TrimStart|TrimEnd|Split|Substring|Contains|ContainsKey|ContainsValue|StartsWith|EndsWith|IndexOf|IndexOfAny|LastIndexOf|Equals|CompareTo|Join|Format|PadLeft|PadRight|Where|ForEach|new|Parse|TryParse|IsNullOrEmpty|IsNullOrWhiteSpace|Exists|Match|Matches|IsMatch|Normalize|ReadAllText|ReadAllLines|HasFlag|IsInRole|LoadWithPartialName)$/i;

/**
 * The types a read-only check may name: casts of values, and the static members it reads (`[Net.Dns]::GetHostAddresses`).
 * A cast of a string or a hashtable to a type runs its constructor or its property setters (`[EventLog]@{…}` wrote the
 * registry: found by an attacker helper), so a type not listed here is refused, and a hashtable is cast to none.
 */
const READING_TYPES = new Set([
  'void', 'string', 'int', 'long', 'bool', 'double', 'decimal', 'char', 'byte', 'datetime', 'timespan', 'version', 'array', 'object', 'string[]', 'int[]', 'object[]', 'ordered', 'math', 'convert', 'regex', 'environment', 'uri',
  'ipaddress', 'net.ipaddress', 'net.dns', 'net.servicepointmanager', 'net.securityprotocoltype', 'net.networkinformation.networkinterface', 'io.path', 'io.file', 'text.encoding',
  'reflection.assembly', 'drawing.text.installedfontcollection', 'security.principal.windowsidentity', 'security.principal.windowsprincipal', 'security.principal.windowsbuiltinrole',
]);
/** The types whose constructor (`::new()`) a read-only check may call. */
const CONSTRUCTIBLE_TYPES = new Set(['drawing.text.installedfontcollection', 'security.principal.windowsprincipal', 'version', 'uri', 'datetime', 'timespan']);
/** A type literal's name as the lists hold it: lower case, without `System.`. */
const typeName = (literal: string) => literal.slice(1, -1).trim().toLowerCase().replace(/^system\./, '');

/** The folders of Windows' own programs and of installed ones, which only administrators write to. */
// A program directly in System32 (its subfolders hold some that users may write to: spool\drivers\color), or anywhere
// under Program Files.
// Not `%ProgramFiles%`: nothing expands it where the rule takes it, so it names a folder of that name in the current one
// (a reviewer ran a script from one).
const TRUSTED_FOLDER = /^(?:(?:[A-Za-z]:\\Windows|\$env:(?:SystemRoot|windir))\\(?:System32|SysWOW64)\\[^\\/]+$|(?:[A-Za-z]:\\Program Files(?: \(x86\))?|\$env:ProgramFiles)\\)/i;

/** `git config [scope/display flags] --get|--get-all|--get-regexp NAME [PATTERN]` or `… --list|-l`. */
function gitConfigReads(a: readonly string[]): boolean {
  if (a[0] !== 'config') return false;
  let i = 1;
  while (i < a.length && /^(?:--show-origin|--show-scope|--global|--system|--local|--null|-z|--name-only)$/.test(a[i]!)) i++;
  const action = a[i];
  const rest = a.slice(i + 1);
  if (action === '--list' || action === '-l') return rest.length === 0;
  return /^(?:--get|--get-all|--get-regexp)$/.test(action ?? '') && rest.length >= 1 && rest.length <= 2 && rest.every((w) => !w.startsWith('-'));
}

/** curl's long options a read-only check may use: what to show, how to connect, and a header to send. */
const CURL_LONG = new Set(['--silent', '--show-error', '--head', '--location', '--insecure', '--fail', '--verbose', '--include', '--max-time', '--connect-timeout', '--proxy', '--noproxy', '--header', '--user-agent', '--ipv4', '--ipv6', '--compressed', '--http1.1', '--retry', '--resolve', '--cacert', '--request']);

/** Any arguments. */
const ANY = /^/;

/** A program's name as a rule's key: the last part of its path, lower case, without .exe/.cmd/.com/.bat. */
function programKey(word: string): string {
  return (word.split(/[\\/]/).pop() ?? word).toLowerCase().replace(/\.(?:exe|cmd|com|bat)$/, '');
}

/** The same word with its leading `-`/`/` kept, lower case: how an argument is compared. */
const lower = (words: readonly string[]) => words.map((w) => w.toLowerCase());

/**
 * Programs that read, each with what it reads with: a pattern its arguments (lower case, joined by spaces) must match,
 * or a function. A program not listed is refused, whatever it is asked (its version too).
 */
const READING_PROGRAMS: Record<string, RegExp | ((args: string[], depth: number) => NotReading | boolean | undefined)> = {
  // These have no option that changes anything.
  ver: ANY, vol: ANY, systeminfo: ANY, tasklist: ANY, driverquery: ANY,
  // hostname without a name (GNU hostname, in a Linux container or on PATH, sets it).
  hostname: /^$/,
  whoami: /^(?:\s*\/(?:all|user|groups|priv|upn|fqdn|logonid|claims|fo \w+|nh))*$/,
  ipconfig: /^(?:\/all|\/displaydns|\/allcompartments(?: \/all)?)?$/,
  netstat: /^(?:\s*-[a-z]+(?: \w+)?)*$/, route: /^print\b/, arp: /^-a\b/, nslookup: /^[^|&;<>]*$/, ping: /^[^|&;<>]*$/, tracert: /^[^|&;<>]*$/, pathping: /^[^|&;<>]*$/,
  // netsh shows with `show`; a script given with -f, or any verb that changes, is no check.
  netsh: (a) => !/\b(?:add|set|delete|reset|import|install|uninstall|flush|start|stop|export|dump|exec|commit|connect|disconnect|refresh|wfp|file)\b|(?:^| )-/.test(lower(a).join(' ')) && lower(a).includes('show'),
  reg: /^query\b/,
  sc: /^(?:\\\\\S+ )?(?:query|queryex|qc|qdescription|qfailure|qfailureflags|qsidtype|qprivs|qtriggerinfo|qmanagedaccount|qpreferrednode|getdisplayname|getkeyname|enumdepend|sdshow|showsid)\b/,
  // Not Win32_Product (wmic product): listing it makes Windows Installer check, and repair, every product it lists.
  // Nor /format: with a stylesheet, whose script runs.
  // wmic in one shape: an alias or `path CLASS`, an optional `where CONDITION`, then get or list and property names, no
  // switches (a verb after get, `rename`, read as a list of what changes passed: found by a reviewer).
  wmic: (a) => /^(?:path \S+|[a-z]\w*)(?: where \S+)? (?:get|list)(?: [\w,]+)*$/.test(lower(a).join(' ')) && !/\b(?:product|win32_product)\b/.test(lower(a).join(' ')),
  dism: (a) => lower(a).some((w) => w.startsWith('/get-')) && lower(a).every((w) => !w.startsWith('/') || /^\/(?:online|image:.*|english|format:\w+|get-\w+|featurename:.*|packagename:.*|capabilityname:.*|limitaccess|norestart)$/.test(w)),
  net: /^(?:use|user(?: [^\s/]+)?|localgroup(?: [^\s/]+)?|group(?: [^\s/]+)?|config(?: \w+)?|statistics(?: \w+)?|share|start|session|view|accounts|time(?: \\\\\S+)?)?$/,
  // Not /sc_verify: it rebuilds a secure channel it finds broken.
  nltest: /^\/(?:sc_query|dsgetdc|domain_trusts|dclist|query|trusted_domains|dsgetsite|parentdomain|dcname)(?::\S*)?(?: \/(?:server|domain):\S+)?$/,
  cmdkey: /^\/list(?::\S+)?$/,
  fltmc: /^(?:instances|filters|volumes)?(?: -[a-z] \S+)*$/,
  fsutil: /^(?:fsinfo|volume (?:diskfree|querynumaid)|file (?:queryfileid|queryvaliddata|queryextents|queryallocranges|layout)|behavior query|dirty query|quota query|reparsepoint query|sparse queryflag|8dot3name query|storagereserve query|hardlink list|objectid query|usn (?:queryjournal|readdata))\b/,
  hnsdiag: /^list\b/, hcsdiag: /^list\b/, openfiles: /^\/query\b/,
  crictl: (a) => afterOptions(a, CRICTL_GLOBALS, (rest) => /^(?:info|ps|pods|images|img|inspect|inspecti|inspectp|version|logs|stats|statsp)(?=\s|$)/.test(lower(rest).join(' '))),
  ctr: (a) => afterOptions(a, CTR_GLOBALS, (rest) => /^(?:version|info|(?:plugins?|images?|i|containers?|c|tasks?|t|namespaces?|ns|content|snapshots?|leases) (?:ls|list)|images? (?:check|usage))(?=\s|$)/.test(lower(rest).join(' '))),
  containerd: /^(?:--version|-v|config (?:default|dump|migrate))$/,
  splunk: /^version$/,
  klist: /^(?:tickets|tgt|sessions)?(?: -li \S+)?$/,
  setspn: /^-[lq] \S+$/,
  w32tm: /^\/(?:query|tz|stripchart|monitor)\b/,
  bcdedit: /^(?:\/enum(?: \S+)?|\/v)?$/,
  schtasks: /^\/query\b/,
  // Not /sbm (a bookmark file written) or /sq (a query file read from anywhere).
  // Its switches from a list (/c: count, /rd: direction, /f: format, /e: element, /q: query, /lf: a log file read), / or
  // - alike: not /sbm (a bookmark file written) or /sq (a query file read from anywhere).
  wevtutil: /^(?:qe|query-events|gl|get-log|el|enum-logs|gli|get-loginfo|gp|get-publisher|ep|enum-publishers)(?: (?:[^\s/-]\S*|[/-](?:c|rd|f|e|q|lf):\S*))*$/,
  auditpol: /^\/(?:get|list)\b/,
  powercfg: /^[/-](?:list|l|query|q|getactivescheme|a|availablesleepstates)\b/,
  vssadmin: /^list\b/,
  'nvidia-smi': /^(?:-q|-l|--list-gpus|--query-gpu=\S+)?(?: --format=\S+)?$/,
  icacls: (a) => a.length > 0 && lower(a).every((w, i) => (i === 0 ? !w.startsWith('/') : /^\/[tclq]$/.test(w))),
  logman: /^query\b/,
  // git reads its settings; log, diff and show may run a repository's configured filters and pagers, so not those.
  // `git config`: its action first (after where to read and how to show), since git stops reading options at the first
  // plain word (`git config core.pager calc --get` sets the pager: found by a reviewer), then a name and a pattern.
  git: (a) => (a.length === 1 && a[0] === '--version') || gitConfigReads(a),
  // curl reads a URL to the screen, with options from a list: curl before 8.6 takes any unambiguous start of a long
  // option (`--conf` is --config, `--js` --json: found by an attacker helper), and short ones combine (-sSo), so each
  // long option is matched whole and each short one letter by letter. Only GET or HEAD.
  curl: (a) => a.every((w, k) => {
    if (/^(?:-X|--request)$/.test(w)) return /^(?:GET|HEAD)$/i.test(a[k + 1] ?? '');
    if (w.startsWith('--request=')) return /^--request=(?:GET|HEAD)$/i.test(w);
    if (w.startsWith('--')) return CURL_LONG.has(w.split('=')[0]!);
    if (w.startsWith('-')) return /^-[sSILkfvi46]+$/.test(w) || /^-[mxHA]$/.test(w);
    return true;
  }),
  findstr: /^[^>]*$/, find: /^(?!.*(?:^| )-)[^>]*$/, more: /^[^>]*$/, where: /^[^>]*$/, tree: /^(?!.*(?:^| )-)[^>]*$/,
  // sort writes a file with /o (/output).
  sort: /^(?!.*\/o)(?!.*(?:^| )-)[^>]*$/,
  aws: /^(?:sts get-caller-identity|ecr get-login-password|[\w-]+ (?:describe|list)-[\w-]+)(?=\s|$)/,
  cmd: (a, depth) => {
    const at = lower(a).findIndex((w) => w === '/c' || w === '/k');
    // cmd reads the command line itself, not its words: a double quote inside one, escaped for the C runtime as `\"`,
    // is a plain quote to cmd and turns what follows it inside out.
    if (at < 0 || !lower(a).slice(0, at).every((w) => /^\/(?:s|d|q|a|u|e:on|v:off)$/.test(w)) || a.some((w) => w.includes('"'))) return { part: `cmd ${a.join(' ')}`.trim(), why: 'arguments' };
    return scanCmd(a.slice(at + 1).join(' '), depth + 1) ?? true;
  },
  powershell: (a, depth) => innerPowerShell(a, depth, false),
  pwsh: (a, depth) => innerPowerShell(a, depth, true),
  docker: (a, depth) => dockerReads(a, depth),
  kubectl: (a, depth) => kubectlReads(a, depth),
};
/** cmd's own commands that read (they are no programs: `dir`, `type`, `set` shows or sets a variable of its own process). */
// Not cd: cmd looks for a program in the current folder first, so after `cd` a bare name may be any file there.
const CMD_READING = new Set(['dir', 'type', 'echo', 'set', 'ver', 'vol', 'rem', 'path', 'time', 'date']);

/** A program's options before its first word: each option it may be given, and whether a value follows it. */
type Options = Record<string, 0 | 1>;

/**
 * The words after the options that lead `words`, if each of those is one of `known` (`--name=value` too); undefined
 * when one is not. An option nobody listed may take a value, and then the "first word" read after it is not the one the
 * program sees (`kubectl --cache-dir get scale …` scales: found by an attacker helper), so it is refused.
 */
function leading(words: readonly string[], known: Options): string[] | undefined {
  let i = 0;
  while (i < words.length && words[i]!.startsWith('-') && words[i] !== '--') {
    const [name, value] = words[i]!.split(/=(.*)/s) as [string, string | undefined];
    const arity = known[name];
    if (arity === undefined) return undefined;
    i += arity === 1 && value === undefined ? 2 : 1;
  }
  return words.slice(i);
}

/** `rule` applied to what follows the leading options, which must all be `known`. */
function afterOptions(words: readonly string[], known: Options, rule: (rest: string[]) => boolean): boolean {
  const rest = leading(words, known);
  return rest !== undefined && rule(rest);
}

const CRICTL_GLOBALS: Options = { '-r': 1, '--runtime-endpoint': 1, '-i': 1, '--image-endpoint': 1, '-t': 1, '--timeout': 1, '-D': 0, '--debug': 0 };
const CTR_GLOBALS: Options = { '-n': 1, '--namespace': 1, '-a': 1, '--address': 1, '--timeout': 1, '--connect-timeout': 1, '--debug': 0 };

/** docker reads with these (sub)commands; `exec` runs a command that is judged as itself. */
const DOCKER_READS = /^(?:version|info|ps|inspect|logs|top|port|diff|history|images|search|events|stats|(?:image|img) (?:inspect|ls|list|history)|container (?:ls|list|inspect|logs|top|port|diff|stats)|network (?:ls|list|inspect)|volume (?:ls|list|inspect)|node (?:ls|list|inspect|ps)|service (?:ls|list|ps|inspect|logs)|buildx (?:ls|version|du|inspect(?!.*--bootstrap))|builder ls|compose (?:version|ls|ps|config|logs|images|top)|context (?:ls|list|inspect|show)|system (?:df|info|events)|manifest inspect|plugin (?:ls|list|inspect)|secret (?:ls|list|inspect)|config (?:ls|list|inspect)|stack (?:ls|list|ps|services)|trust inspect)(?=\s|$)/;
// Not --config: a folder of the client's plugins (`docker --config \\host\share compose version` ran one).
const DOCKER_GLOBALS: Options = { '-H': 1, '--host': 1, '-c': 1, '--context': 1, '-l': 1, '--log-level': 1, '-D': 0, '--debug': 0, '--tls': 0, '--tlsverify': 0, '--tlscacert': 1, '--tlscert': 1, '--tlskey': 1 };
// Not -e/--env (`-e PATH=\\host\share`) or -w/--workdir (cmd looks in the working folder first for a program).
const DOCKER_EXEC: Options = { '-i': 0, '-t': 0, '-it': 0, '-ti': 0, '--interactive': 0, '--tty': 0, '-u': 1, '--user': 1, '--privileged': 0 };

function dockerReads(args: string[], depth: number): NotReading | boolean {
  const a = leading(args, DOCKER_GLOBALS);
  if (!a) return false;
  const sub = a[0] === 'container' && a[1] === 'exec' ? a.slice(2) : a[0] === 'exec' ? a.slice(1) : undefined;
  if (sub) {
    const rest = leading(sub, DOCKER_EXEC);
    if (!rest || rest.length < 2) return { part: `docker ${args.join(' ')}`, why: 'arguments' };
    return nativeCall(rest.slice(1), depth + 1) ?? true;
  }
  // An output file (`docker compose config -o`, `--output`) is written.
  return DOCKER_READS.test(lower(a).join(' ')) && !a.some((w) => /^(?:-o|--output)(?:=|$)/.test(w));
}

const KUBECTL_READS = /^(?:get|describe|logs|version|explain|top|api-resources|api-versions|cluster-info(?! dump)|events|auth (?:can-i|whoami)|config (?:view|get-contexts|current-context|get-clusters|get-users))(?=\s|$)/;
// Not --kubeconfig (its exec credential plugin runs a program), --cache-dir, --profile*, --log-file: files read from
// or written to a place the command names.
const KUBECTL_GLOBALS: Options = { '-n': 1, '--namespace': 1, '--context': 1, '--cluster': 1, '--user': 1, '-s': 1, '--server': 1, '--request-timeout': 1, '-A': 0, '--all-namespaces': 0, '-v': 1 };
const KUBECTL_WRITING = /^--(?:kubeconfig|cache-dir|profile|profile-output|log-file|log-dir|output-directory|as|as-group|as-uid|token|certificate-authority|client-certificate|client-key)(?:=|$)/;
const KUBECTL_EXEC: Options = { '-c': 1, '--container': 1, '-n': 1, '--namespace': 1, '-i': 0, '-t': 0, '-it': 0, '-ti': 0, '--stdin': 0, '--tty': 0, '-q': 0, '--quiet': 0 };

function kubectlReads(given: string[], depth: number): NotReading | boolean {
  // kubectl reads `_` in an option's name as `-` (`--cache_dir`).
  const args = given.map((w) => (w.startsWith('--') ? w.replace(/^[^=]*/, (name) => name.replace(/_/g, '-')) : w));
  if (args.some((w) => KUBECTL_WRITING.test(w))) return false;
  const a = leading(args, KUBECTL_GLOBALS);
  if (!a) return false;
  if (a[0] !== 'exec') return KUBECTL_READS.test(lower(a).join(' '));
  const dash = a.indexOf('--');
  if (dash < 0 || dash === a.length - 1) return { part: `kubectl ${args.join(' ')}`, why: 'arguments' };
  // Before `--`: the pod and the exec's own options only.
  const pod = a.slice(1, dash).filter((w, k, all) => !w.startsWith('-') && !(k > 0 && KUBECTL_EXEC[all[k - 1]!.split('=')[0]!] === 1 && !all[k - 1]!.includes('=')));
  if (pod.length !== 1 || leading(a.slice(1, dash).filter((w) => w !== pod[0]), KUBECTL_EXEC)?.length !== 0) return { part: `kubectl ${args.join(' ')}`, why: 'arguments' };
  return nativeCall(a.slice(dash + 1), depth + 1) ?? true;
}

/** `powershell`/`pwsh` given a command as text: the options before it must be ones that change nothing. */
function innerPowerShell(args: string[], depth: number, pwsh: boolean): NotReading | boolean {
  let i = 0;
  while (i < args.length && /^-(?:noprofile|nop|noninteractive|noni|nologo|executionpolicy|ep|inputformat|outputformat|of|if|sta|mta)$/i.test(args[i]!)) i += /^-(?:executionpolicy|ep|inputformat|outputformat|of|if)$/i.test(args[i]!) ? 2 : 1;
  const given = args[i] !== undefined && /^-(?:command|c)$/i.test(args[i]!);
  // pwsh reads its first word as a script file, powershell 5.1 as a command.
  const shown = { part: `${pwsh ? 'pwsh' : 'powershell'} ${args.join(' ')}`.trim(), why: 'arguments' } as const;
  if (!given && (pwsh || args[i]?.startsWith('-'))) return shown;
  const text = args.slice(given ? i + 1 : i).join(' ');
  // No command, or `-` (commands read from the input): an interactive shell, no check. And no double quote in it: the
  // command line is quoted again for the next process (Go's `\"` for docker exec, PowerShell 5.1's own), and
  // powershell.exe splits it by rules of its own.
  if (!text.trim() || text.trim() === '-' || text.includes('"')) return shown;
  return powerShellTextProblem(text) ?? scanPowerShell(text, depth + 1) ?? true;
}

/** One program run with its arguments (words already unquoted): known to read, or the reason it is not. */
function nativeCall(words: readonly string[], depth: number): NotReading | undefined {
  if (!words.length) return undefined;
  if (depth > 8) return { part: words.join(' '), why: 'syntax' };
  // A program named with a folder is the program of that name only in the folders only administrators write to:
  // `\\host\share\ipconfig.exe` or `.\netstat.exe` is whatever that file is (found by an attacker helper).
  if (/[\\/]/.test(words[0]!) && (!TRUSTED_FOLDER.test(words[0]!) || /(?:^|[\\/])\.\.(?:[\\/]|$)/.test(words[0]!))) return { part: words[0]!, why: 'command' };
  // A wildcard in a program's name (`shutdow?.exe`) is whatever it matches.
  if (/[*?[\]]/.test(words[0]!)) return { part: words[0]!, why: 'command' };
  const key = programKey(words[0]!);
  const args = words.slice(1);
  const rule = READING_PROGRAMS[key];
  const shown = words.join(' ');
  // No program reads for being asked its version: `npx version` installs and runs a package, `label --version` names
  // a volume (found by an attacker helper). Each program is listed with its own rule.
  if (!rule) return { part: words[0]!, why: 'command' };
  // A rule reads the arguments as given (curl's -x and -X differ); a pattern, in lower case.
  const verdict = typeof rule === 'function' ? rule([...args], depth) : rule.test(lower(args).join(' '));
  if (verdict === true || verdict === undefined) return undefined;
  if (verdict === false) return { part: shown, why: 'arguments' };
  return verdict;
}

// ---------------------------------------------------------------------------------------------------------------
// Words as Windows programs receive them, and cmd

/** Words of a Windows command line: split at blanks outside double quotes, quotes removed (CommandLineToArgvW, simplified). */
export function windowsWords(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let quoted = false;
  let any = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      any = true;
    } else if (!quoted && /\s/.test(ch)) {
      if (any) out.push(word);
      word = '';
      any = false;
    } else {
      word += ch;
      any = true;
    }
  }
  if (any) out.push(word);
  return out;
}

/** A command for cmd: each command between its separators, and each redirection, must read. */
function scanCmd(text: string, depth: number): NotReading | undefined {
  // cmd expands %VAR% and %VAR:a=b% before it reads quotes and separators (`%COMSPEC:"=%` removed a quote and made a
  // quoted `&` run the next command), `^` escapes and joins, `!` expands where delayed expansion is on: a read-only
  // check needs none of them.
  const active = /[%^!]/.exec(text);
  if (active) return { part: active[0], why: 'syntax' };
  let segment = '';
  let quoted = false;
  const segments: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '^' && i + 1 < text.length) {
      segment += text[++i];
      continue;
    }
    if (!quoted && (ch === '&' || ch === '|' || ch === '\n' || ch === '\r')) {
      segments.push(segment);
      segment = '';
      if ((ch === '&' || ch === '|') && text[i + 1] === ch) i++;
      continue;
    }
    if (!quoted && (ch === '>' || ch === '<')) {
      // A redirection: to nul, or a handle duplicated (2>&1), writes nothing.
      // Input from a file reads it.
      // `nul` whole: `> nul\..\x` names a file (Windows reads only a last part `nul` as the device).
      const m = /^(?:>>?\s*(?:&\d|nul(?=$|[\s&|)])|"nul")|<)/i.exec(text.slice(i));
      if (!m) return { part: text.slice(i).trim().split(/\s+/).slice(0, 2).join(' '), why: 'redirection' };
      i += m[0].length - 1;
      segment = segment.replace(/\d$/, '');
      continue;
    }
    segment += ch;
  }
  segments.push(segment);
  for (const s of segments) {
    const words = windowsWords(s.replace(/^\s*@/, ''));
    if (!words.length) continue;
    const name = words[0]!.toLowerCase();
    // `echo:x\..\net1.exe` runs net1.exe: echo only as a word of its own.
    if (CMD_READING.has(name)) {
      if ((name === 'time' || name === 'date') && words[1]?.toLowerCase() !== '/t') return { part: s.trim(), why: 'arguments' };
      // `path x` and `set x=y` change what the rest of the command runs.
      if ((name === 'path' && words.length > 1) || (name === 'set' && s.includes('='))) return { part: s.trim(), why: 'arguments' };
      continue;
    }
    const found = nativeCall(words, depth);
    if (found) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// PowerShell

/**
 * What a read-only check in PowerShell never needs, and what lets PowerShell read a text otherwise than a tokenizer of
 * its own can (each found by an attacker helper): the backtick (an escape that joins `a`dd` into `add`), comments
 * (`$( <# ) #> … )` hid a command), the stop-parsing token `--%`, increments (`.Attributes++` sets a property),
 * splatting (`@p` passes -OutFile unseen), and the variables that change how every later command binds its parameters.
 */
function powerShellTextProblem(text: string): NotReading | undefined {
  // Also here-strings (the bracket matcher does not read them: one inside `$( )` hid a line), braced and scoped variables
  // (`${…}`, `$function:`; only `$env:` is read), a splat after anything (`'url'@p`), a WMI product class however
  // spelled (`CIM_Product`), and a string built from pieces (`'Win32_'+'Product'`, `'{0}' -f …`).
  const m = /`|#|--%|\+\+|[\w)\]]--|--[$(]|@\w|@["']|\$\{|\$(?!env:)[A-Za-z_]\w*:(?!:)|\$(?:\w+:)?PS\w*(?:DefaultParameterValues|Preference)\b|_product\b|['"]\s*\+|\+\s*['"]|['"]\s*-f\b|\s-as\b|==|,[ \t]*\r?\n/i.exec(text);
  return m ? { part: m[0].trim(), why: 'syntax' } : undefined;
}

/** What scanPowerShell found in a text: the commands in a command's place and the methods called (for the tests). */
export interface PowerShellParts {
  commands: string[];
  members: string[];
}

/** The commands and methods of a PowerShell text, as scanPowerShell reads them (compared with PowerShell's parser by a test). */
export function powerShellParts(text: string): PowerShellParts {
  const parts: PowerShellParts = { commands: [], members: [] };
  scanPowerShell(text, 0, parts);
  return parts;
}

const BLANK = /[ \t\f\v\u00a0]/;
const MAX_NESTING = 64;
const WORD_END = /[\s;|&(){}<>,'"`]/;

/**
 * Reads a PowerShell text token by token and judges each command, method call, assignment and redirection it finds
 * (see the file's comment); returns the first that is not known to read. `parts`, when given, collects what it saw.
 */
function scanPowerShell(text: string, depth: number, parts?: PowerShellParts, hashtable = false): NotReading | undefined {
  if (depth > 8) return { part: text.slice(0, 40), why: 'syntax' };
  const n = text.length;
  let i = 0;
  let atCommand = true; // the next word is in a command's place
  let callOp = false; // `&` came before it
  let statementStart = 0; // where the statement began (for an assignment's target)
  // The command being read: its name and its words, and which of those words are computed (a variable, an expression, a
  // string that expands) rather than written out.
  let command: { name: string; words: string[]; computed: boolean[] } | undefined;
  let lastWasValue = false; // the previous token can take a member (`)`, `]`, a variable, a string)
  let lastWasType = false; // the previous token was a type literal (`[void][Reflection.Assembly]` casts twice)
  let lastType = ''; // that type's name (typeName), for its static members
  let inValue = false; // in a hashtable, after an entry's `=`
  let afterKeyword = false; // a keyword's condition or block comes next (`param($n) $s = …`, `if (…) { … }`)

  const endCommand = (): NotReading | undefined => {
    const c = command;
    command = undefined;
    if (!c) return undefined;
    return judgeCommand(c.name, c.words, depth, c.computed);
  };
  const startStatement = () => {
    atCommand = true;
    callOp = false;
    statementStart = i;
    lastWasValue = false;
    lastWasType = false;
  };
  // How many brackets and strings deep closing and endOfDouble are: past MAX_NESTING the text counts as unreadable
  // (a run of `"$('` nested every string and bracket in the next, and overflowed the stack).
  let nesting = 0;
  /** The index of the bracket closing the one at `open`, skipping strings and nested brackets; -1 when none does. */
  const closing = (open: number): number => {
    if (++nesting > MAX_NESTING) return -1;
    try {
      return closingAt(open);
    } finally {
      nesting--;
    }
  };
  const closingAt = (open: number): number => {
    const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
    const stack: string[] = [pairs[text[open]!]!];
    for (let j = open + 1; j < n; j++) {
      const ch = text[j]!;
      if (ch === '`') j++;
      else if (ch === "'") j = endOfSingle(j);
      else if (ch === '"') {
        j = endOfDouble(j);
        if (j >= n) return -1;
      }
      else if (ch === '#' && (j === 0 || /\s/.test(text[j - 1]!))) j = text.indexOf('\n', j) < 0 ? n : text.indexOf('\n', j) - 1;
      else if (ch in pairs) stack.push(pairs[ch]!);
      else if (ch === stack[stack.length - 1]) {
        stack.pop();
        if (!stack.length) return j;
      }
    }
    return -1;
  };
  const endOfSingle = (at: number): number => {
    for (let j = at + 1; j < n; j++) if (text[j] === "'") { if (text[j + 1] === "'") j++; else return j; }
    return n;
  };
  const endOfDouble = (at: number): number => {
    for (let j = at + 1; j < n; j++) {
      const ch = text[j];
      if (ch === '`') j++;
      else if (ch === '$' && text[j + 1] === '(') {
        const k = closing(j + 1);
        if (k < 0) return n;
        j = k;
      } else if (ch === '"') { if (text[j + 1] === '"') j++; else return j; }
    }
    return n;
  };
  /** Each `$( )` inside a double-quoted string runs: read it. */
  const scanExpandable = (from: number, to: number): NotReading | undefined => {
    for (let j = from; j < to; j++) {
      if (text[j] === '`') j++;
      else if (text[j] === '$' && text[j + 1] === '(') {
        const k = closing(j + 1);
        if (k < 0) return { part: text.slice(j, j + 40), why: 'syntax' };
        const found = scanPowerShell(text.slice(j + 2, k), depth + 1, parts);
        if (found) return found;
        j = k;
      }
    }
    return undefined;
  };
  /** A command's name read in a command's place: its words follow. */
  const beginCommand = (name: string) => {
    command = { name, words: [], computed: [] };
    parts?.commands.push(name);
    atCommand = false;
    callOp = false;
    lastWasValue = false;
  };
  const addWord = (value: string, computed = false) => {
    if (!command) return;
    command.words.push(value);
    command.computed.push(computed);
  };

  while (i < n) {
    const ch = text[i]!;
    if (BLANK.test(ch)) { i++; continue; }
    if (ch === '`' && (text[i + 1] === '\n' || text[i + 1] === '\r')) { i += 2; continue; }
    if (ch === '#' ) { const e = text.indexOf('\n', i); i = e < 0 ? n : e; continue; }
    if (ch === '<' && text[i + 1] === '#') { const e = text.indexOf('#>', i + 2); i = e < 0 ? n : e + 2; continue; }
    if (ch === '\n' || ch === '\r' || ch === ';' || (ch === '|' && text[i + 1] === '|') || (ch === '&' && text[i + 1] === '&') || ch === '|') {
      const found = endCommand();
      if (found) return found;
      if (ch !== '|' && ch !== '&') inValue = false;
      i += (ch === '|' && text[i + 1] === '|') || (ch === '&' && text[i + 1] === '&') ? 2 : 1;
      startStatement();
      continue;
    }
    if (ch === '&') {
      // `&` before a command calls it; `&` at a pipeline's end starts it as a background job.
      // `&` calls what follows: a name, a quoted path or a block.
      if (atCommand && !callOp && /^\s*[A-Za-z_'"{.\\]/.test(text.slice(i + 1))) { callOp = true; i++; continue; }
      if (atCommand) return { part: text.slice(i, i + 20).trim(), why: 'call' };
      // Anywhere else it starts what comes before as a background job (PowerShell 7), and a new statement after it.
      return { part: '&', why: 'call' };
    }
    if (ch === '.' && atCommand && !callOp && (BLANK.test(text[i + 1] ?? '') )) return { part: text.slice(i, i + 40).trim(), why: 'call' };
    // Redirections: to $null, or one stream into another (2>&1), write nothing.
    // `$null` whole: `2>$null\..\x` writes a file (found by an attacker helper).
    const redirect = /^(?:[1-6*]?>>?|<)(?:&[12]|\s*\$null(?=$|[\s;|)}]))?/.exec(text.slice(i, i + 12));
    if (redirect && (ch === '>' || ch === '<' || (/[1-6*]/.test(ch) && text[i + 1] === '>' && (i === 0 || /[\s;|]/.test(text[i - 1]!))))) {
      // Of a command: at a command's place PowerShell reads a number before it as the command.
      if (atCommand) return { part: text.slice(i, i + 20).trim(), why: 'redirection' };
      // … and then a blank or the command's end: `2>&1[void]` read on as a command of its own.
      if (!/^(?:$|[\s;|)}])/.test(text.slice(i + redirect[0].length))) return { part: text.slice(i, i + 20).trim(), why: 'redirection' };
      if (!/&[12]$|\$null$/i.test(redirect[0])) return { part: text.slice(i, i + 40).trim().split(/\s+/).slice(0, 2).join(' '), why: 'redirection' };
      i += redirect[0].length;
      continue;
    }
    const assign = /^(?:[+\-*/%]|\?\?)?=(?!=)/.exec(text.slice(i, i + 3));
    if (assign && (ch === '=' || (command === undefined && !atCommand))) {
      if (command !== undefined && !hashtable) { addWord(assign[0]); i += assign[0].length; continue; }
      const target = text.slice(statementStart, i).trim();
      // A variable of the fix's own process, or the TLS versions .NET offers it: nothing outside the process changes.
      // A variable of the fix's own process (not its environment, which decides what programs run), or the TLS versions
      // .NET offers it: nothing outside the process changes.
      if (!hashtable && !/^(?:\[[\w.]+\]\s*)?\$(?:(?:global|script|local|private):)?\w+$|^\[(?:System\.)?Net\.ServicePointManager\]::SecurityProtocol$/i.test(target)) return { part: `${target} =`, why: 'assignment' };
      i += assign[0].length;
      startStatement();
      inValue = hashtable;
      continue;
    }
    // A hashtable cast to a type sets its properties (`[EventLog]@{ MaximumKilobytes = 64 }` writes the registry).
    if (ch === '@' && text[i + 1] === '{' && lastWasType) return { part: text.slice(Math.max(0, i - 30), i + 2).trim(), why: 'call' };
    if (ch === '{' || (ch === '@' && text[i + 1] === '{')) {
      const open = ch === '@' ? i + 1 : i;
      const close = closing(open);
      if (close < 0) return { part: text.slice(i, i + 40), why: 'syntax' };
      const found = scanPowerShell(text.slice(open + 1, close), depth + 1, parts, ch === '@');
      if (found) return found;
      addWord('{…}', true);
      i = close + 1;
      // A keyword's block ends its statement; a block called with & runs what was just read.
      if (afterKeyword) { startStatement(); afterKeyword = false; continue; }
      atCommand = false;
      callOp = false;
      // A hashtable takes members, and a block too (`{ … }.Invoke()`).
      lastWasValue = true;
      lastWasType = false;
      continue;
    }
    if (ch === '(' || ((ch === '$' || ch === '@') && text[i + 1] === '(')) {
      const open = ch === '(' ? i : i + 1;
      const close = closing(open);
      if (close < 0) return { part: text.slice(i, i + 40), why: 'syntax' };
      // A method's arguments follow its name directly; they are expressions, read as any other.
      const found = scanPowerShell(text.slice(open + 1, close), depth + 1, parts);
      if (found) return found;
      if (atCommand && callOp) return { part: text.slice(i, close + 1), why: 'call' };
      addWord('(…)', true);
      i = close + 1;
      // After a keyword's condition (`param( )`, `if ( )`, `while ( )`) its block or the next statement comes.
      if (afterKeyword) { startStatement(); afterKeyword = text.slice(i).trimStart().startsWith('{'); continue; }
      atCommand = false;
      lastWasValue = true;
      lastWasType = false;
      continue;
    }
    // A member may be named after a blank (`(Get-Service docker). Stop()`, `[IO.File]:: WriteAllText(…)`: found by an
    // attacker helper), which reads here as a word of its own: refused.
    if ((ch === '.' || (ch === ':' && text[i + 1] === ':')) && i > 0 && !/\s/.test(text[i - 1]!) && /\s/.test(text[ch === '.' ? i + 1 : i + 2] ?? '')) return { part: text.slice(Math.max(0, i - 20), i + 20).trim(), why: 'syntax' };
    if ((ch === '.' || (ch === ':' && text[i + 1] === ':')) && lastWasValue) {
      // A static member only of a type written out (`$t::new()` is any type: found by an attacker helper).
      if (ch === ':' && !lastWasType) return { part: text.slice(i, i + 40).trim(), why: 'method' };
      const m = /^(?:\.|::)(?:'([^'$]*)'|"([^"$`]*)"|([\w]+))/.exec(text.slice(i));
      // A member named by a variable or an expression (`.$m()`, `.('Stop')()`) may be any member.
      if (!m) {
        if (/^(?:\.|::)[$('"{]/.test(text.slice(i, i + 3))) return { part: text.slice(i, i + 40).trim(), why: 'method' };
        i++;
        continue;
      }
      const name = m[1] ?? m[2] ?? m[3] ?? '';
      i += m[0].length;
      const ofType = ch === ':' ? lastType : '';
      lastWasType = false;
      if (text[i] === '(') {
        parts?.members.push(name);
        if (!READING_MEMBER.test(name)) return { part: `.${name}(`, why: 'method' };
        if (/^new$/i.test(name) && !CONSTRUCTIBLE_TYPES.has(ofType)) return { part: `[${ofType}]::new(`, why: 'method' };
        // An object's own type, not a type looked up by name (reflection reaches any property getter from there).
        if (/^GetType$/i.test(name) && !/^\(\s*\)/.test(text.slice(i))) return { part: `.${name}(${text.slice(i + 1, i + 30)}`, why: 'method' };
        // .ForEach('Stop') and .Where('Kill') call the member a string names: only a block.
        if (/^(?:ForEach|Where)$/i.test(name) && !/^\(\s*\{/.test(text.slice(i))) return { part: `.${name}(${text.slice(i + 1, i + 20)}`, why: 'method' };
      }
      continue;
    }
    if (ch === '[' ) {
      const close = closing(i);
      if (close < 0) return { part: text.slice(i, i + 40), why: 'syntax' };
      if (atCommand && callOp) return { part: text.slice(i, close + 1), why: 'call' };
      // An index (right after a value) holds an expression; a type literal a type name.
      const isIndex: boolean = lastWasValue && !lastWasType && !BLANK.test(text[i - 1] ?? ' ');
      if (isIndex) {
        const found = scanPowerShell(text.slice(i + 1, close), depth + 1, parts);
        if (found) return found;
      }
      // A type is a name with dots (`[Net.ServicePointManager]`, `[string[]]`): not an attribute with a block
      // (`[ValidateScript({…})]`), an assembly-qualified name (`[IO.StreamWriter, mscorlib]`) or a generic. And not a
      // writer's or a stream's: its constructor, called by a cast (`[IO.StreamWriter]'C:\x'`) as by ::new, opens a file.
      if (!isIndex && (!/^\[[A-Za-z_][\w.]*(?:\[\])?\]$/.test(text.slice(i, close + 1)) || /Writer|Stream/i.test(text.slice(i, close + 1)) || !READING_TYPES.has(typeName(text.slice(i, close + 1))))) return { part: text.slice(i, close + 1), why: 'call' };
      addWord(text.slice(i, close + 1));
      atCommand = false;
      lastWasValue = true;
      lastWasType = !isIndex;
      if (!isIndex) lastType = typeName(text.slice(i, close + 1));
      i = close + 1;
      continue;
    }
    if (ch === "'" || ch === '"' || (ch === '@' && (text[i + 1] === '"' || text[i + 1] === "'"))) {
      // A quote right after a word joins them into one word for PowerShell (`wmic … de'lete'` is `delete`).
      if (i > 0 && /[\w\-.\\/*?$]/.test(text[i - 1]!)) return { part: text.slice(Math.max(0, i - 20), i + 20).trim(), why: 'syntax' };
      let end: number;
      let value: string;
      if (ch === '@') {
        const quote = text[i + 1]!;
        const close = text.indexOf(`\n${quote}@`, i + 2);
        end = close < 0 ? n : close + 2;
        value = text.slice(i + 2, close < 0 ? n : close);
        if (quote === '"') { const found = scanExpandable(i + 2, end); if (found) return found; }
      } else if (ch === "'") {
        end = endOfSingle(i);
        value = text.slice(i + 1, end).replace(/''/g, "'");
      } else {
        end = endOfDouble(i);
        const found = scanExpandable(i + 1, end);
        if (found) return found;
        value = text.slice(i + 1, end);
      }
      if (atCommand && callOp) {
        beginCommand(value);
      } else {
        // A double-quoted string expands `$x` and `$( )`; a single-quoted one is text.
        addWord(value, ch !== "'" && value.includes('$'));
        atCommand = false;
        lastWasValue = true;
      }
      i = end + 1;
      // … and a word right after the closing quote (`'de'lete`).
      if (i < n && /[\w\\/*?$'"-]/.test(text[i]!)) return { part: text.slice(Math.max(0, i - 20), i + 20).trim(), why: 'syntax' };
      continue;
    }
    if (ch === '$') {
      const m = /^\$(?:\{[^}]*\}|[\w?^$]+(?::[\w?]+)?)/.exec(text.slice(i));
      const token = m?.[0] ?? '$';
      if (atCommand && callOp) return { part: `& ${token}`, why: 'call' };
      addWord(token, true);
      atCommand = false;
      // `$x.Delete()` runs as an argument too.
      lastWasValue = true;
      i += token.length;
      continue;
    }
    if (ch === ',' ) { i++; lastWasValue = false; continue; }
    if (ch === ')' || ch === '}' || ch === ']') { i++; continue; }
    // A hashtable's key (`@{LogName='System'}`): a name, not a command.
    // Only at the start of an entry: after `=` comes its value, a pipeline (`@{ a = curl.exe == … }` hid curl as a key).
    const key = hashtable && atCommand && !inValue ? /^[\w.-]+(?=\s*=(?!=))/.exec(text.slice(i, i + 200)) : null;
    if (key) { atCommand = false; i += key[0].length; continue; }
    // A bare word: a command's name in a command's place, else an argument, an operator or a number.
    let j = i;
    while (j < n && !WORD_END.test(text[j]!)) {
      if (text[j] === '$' && text[j + 1] === '(' ) break;
      j++;
    }
    if (j === i) j = i + 1;
    const word = text.slice(i, j);
    if (atCommand) {
      if (REFUSED_KEYWORDS.test(word)) return { part: word, why: 'syntax' };
      const shape = KEYWORD_SHAPE[word.toLowerCase()];
      // The characters next to the keyword, found by stepping over blanks (a slice of the rest of the text for each
      // keyword was quadratic on a long text of blocks: found by a reviewer).
      let after = j;
      while (after < n && /\s/.test(text[after]!)) after++;
      let before = i - 1;
      while (before >= 0 && /\s/.test(text[before]!)) before--;
      if (shape && (!shape.next.test(text[after] ?? '') || (shape.afterBlock && text[before] !== '}'))) return { part: word, why: 'syntax' };
      if (KEYWORDS.has(word.toLowerCase()) && !callOp) {
        afterKeyword = !/^(?:return|throw|break|continue|in)$/i.test(word);
        i = j;
        continue;
      }
      // A number (`10MB`, `0x10`, `1.5`) is a value; a word that only starts with a digit (`7z.exe`) is a command.
      if (/^-?(?:0x[0-9a-f]+|\d+(?:\.\d+)?(?:e\d+)?)(?:kb|mb|gb|tb|pb|l|d)?$/i.test(word) || /^-(?:not|bnot)$/i.test(word) || word === '!') { atCommand = false; lastWasValue = true; i = j; continue; }
      // `.` dot-sources what follows (a script, a block, a string naming a file).
      if (word === '.') return { part: text.slice(i, i + 40).trim(), why: 'call' };
      beginCommand(word);
    } else {
      addWord(word, word.includes('$'));
      lastWasValue = false;
    }
    i = j;
  }
  return endCommand();
}

/** One PowerShell command with its words: a listed cmdlet or alias with reading options, or a reading program. */
function judgeCommand(name: string, words: string[], depth: number, computed: readonly boolean[] = []): NotReading | undefined {
  const bare = name.replace(/^[\w.]+\\(?=\w+-\w)/, '');
  const lowerName = bare.toLowerCase();
  const isPath = /[\\/]/.test(name);
  const cmdlet = isPath ? undefined : (READING_ALIASES[lowerName] ?? (READING_CMDLETS.has(lowerName) ? lowerName : undefined));
  if (cmdlet) {
    const parameters = words.map((w) => /^-([A-Za-z]+)(?::|$)/.exec(w)?.[1]?.toLowerCase());
    if (cmdlet === 'invoke-webrequest' || cmdlet === 'invoke-restmethod') {
      // Any prefix counts, as PowerShell binds it (`-Me Post`, `-OutF`: found by an attacker helper).
      const writing = parameters.findIndex((p) => p !== undefined && WRITING_PARAMETERS.some((x) => x.startsWith(p)));
      if (writing >= 0) return { part: `${bare} ${words[writing]}`, why: 'arguments' };
      const method = parameters.findIndex((p) => p !== undefined && p.length >= 2 && 'method'.startsWith(p));
      const value = method < 0 ? undefined : (/^-\w+:(.+)$/.exec(words[method]!)?.[1] ?? words[method + 1] ?? '');
      if (value !== undefined && !/^(?:get|head|options)$/i.test(value)) return { part: `${bare} -Method ${value}`.trim(), why: 'arguments' };
      // Windows PowerShell 5.1's Invoke-WebRequest parses a page with Internet Explorer's engine unless told not to.
      if (cmdlet === 'invoke-webrequest' && !parameters.some((p) => p !== undefined && p.length >= 4 && 'usebasicparsing'.startsWith(p))) return { part: `${bare} without -UseBasicParsing`, why: 'arguments' };
    }
    if (cmdlet === 'get-packageprovider' && parameters.some((p) => p?.startsWith('force'))) return { part: `${bare} -ForceBootstrap`, why: 'arguments' };
    // Parameters that write, mount or set a variable by name (`-SessionVariable env:PATH`, `-OutVariable env:PATH`),
    // matched by any start of three letters or more, or by their aliases.
    const writing = parameters.findIndex((p) => p !== undefined && (COMMON_WRITING_ALIASES.has(p) || (p.length >= 3 && [...COMMON_WRITING, ...(CMDLET_WRITING[cmdlet] ?? [])].some((x) => x.startsWith(p)))));
    if (writing >= 0) return { part: `${bare} ${words[writing]}`, why: 'arguments' };
    // Get-ProcessMitigation -RegistryConfigFilePath saves the settings to that file.
    if (cmdlet === 'get-processmitigation' && parameters.some((p) => p !== undefined && p.length >= 2 && 'registryconfigfilepath'.startsWith(p))) return { part: `${bare} -RegistryConfigFilePath`, why: 'arguments' };
    // WMI and CIM: a class named in the text, not built or queried (a query may name any class; listing a product
    // class makes Windows Installer check and repair every product).
    if (cmdlet === 'get-ciminstance' || cmdlet === 'get-wmiobject') {
      if (parameters.some((p) => p !== undefined && p.length >= 1 && 'query'.startsWith(p))) return { part: `${bare} -Query`, why: 'arguments' };
      const at = computed.findIndex(Boolean);
      if (at >= 0) return { part: `${bare} ${words[at]}`, why: 'arguments' };
    }
    // ForEach-Object runs its blocks (read as any other), and calls a member given by name (`% Kill`, `-MemberName:Stop`,
    // `-Mem:Stop`): only blocks and -Begin, -Process, -End.
    if (cmdlet === 'foreach-object') {
      const other = words.findIndex((w, k) => w !== '{…}' && !(parameters[k] !== undefined && ['begin', 'process', 'end'].some((x) => x.startsWith(parameters[k]!))));
      if (other >= 0) return { part: `${bare} ${words[other]}`, why: 'method' };
    }
    return undefined;
  }
  // PowerShell resolves an alias or a cmdlet before a program: a changing alias (`sc`, `ri`, `kill`) is no program here.
  if (!isPath && /^(?:sc|ri|rm|del|erase|rd|rmdir|kill|spps|spsv|sasv|saps|start|ni|md|mkdir|mi|move|cpi|copy|cp|mv|ren|rni|sp|si|ac|clc|cli|clp|clv|iex|icm|ii|ipmo|sajb|epcsv|set|sv|nv|rv|clear|cls|cd|sl|chdir|pushd|popd|r|ihy|curl|wget|foreach)$/i.test(lowerName)) return { part: bare, why: 'command' };
  if (!isPath && /^\w+-\w/.test(lowerName)) return { part: bare, why: 'command' };
  // A program receives text: only literal words. A variable or an expression may hold several arguments or any
  // (`net user $a` with $a = 'x','y','/add': found by an attacker helper), and a quote inside an argument is passed on
  // by Windows PowerShell 5.1 so that the program splits it otherwise than it reads here.
  // Nor one with a blank that ends in a backslash: Windows PowerShell 5.1 quotes it as "a b\", which the program reads
  // as a b" and the rest of the line (found by an attacker helper, through powershell -Command).
  const at = words.findIndex((w, k) => computed[k] === true || w.includes('"') || (/\s/.test(w) && w.endsWith('\\')));
  if (at >= 0) return { part: `${bare} ${words[at]}`, why: 'arguments' };
  return nativeCall([name, ...words], depth);
}
