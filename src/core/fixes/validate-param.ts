import type { FixParam, ParamKind } from '../knowledge/types.js';
import { err, ok, type Result } from '../result.js';
import type { FixMessage } from './types.js';

/** Longest value any placeholder accepts; keeps a Windows command line (32,767 chars) within reach. */
export const MAX_VALUE_LENGTH = 1000;

/** The stable id of each reason a placeholder value can fail for (the UI key is `fix.reason.<id>`). */
export type ParamReasonId =
  | 'empty' | 'tooLong' | 'nul' | 'tab' | 'lineBreak' | 'control' | 'bidi' | 'invisible'
  | 'port' | 'ipv4' | 'ipv4Part' | 'cidr' | 'cidrPrefix' | 'cidrHostBits' | 'build'
  | 'edgeSpace' | 'nameStart' | 'nameChars' | 'vmNameForbidden' | 'serviceName' | 'nodeName' | 'containerName'
  | 'sharePath' | 'shareServer' | 'shareParts' | 'localFolder' | 'folderRoot' | 'folderParts' | 'user' | 'userDomain' | 'userUpn'
  | 'driveLetter' | 'labelValue' | 'imageRef' | 'brokenPattern' | 'patternMismatch';

/** Why a value fails: an id with its params, and the English phrase (it follows the placeholder name). */
export type ParamReason = FixMessage<ParamReasonId>;

const why = (id: ParamReasonId, message: string, params: ParamReason['params'] = {}): ParamReason => ({ id, params, message });

type Check = (v: string) => ParamReason | undefined;

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
export const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
/** Characters Windows forbids in file, share and VM names. */
const WIN_FORBIDDEN = /[\\/:*?"<>|]/;

const tooLong = (max: number): ParamReason => why('tooLong', `is longer than ${max} characters`, { max });

function byPattern(re: RegExp, id: ParamReasonId, reason: string, max: number): Check {
  return (v) => (v.length > max ? tooLong(max) : re.test(v) ? undefined : why(id, reason));
}

function checkPort(v: string): ParamReason | undefined {
  const n = Number(v);
  return /^\d{1,5}$/.test(v) && n >= 1 && n <= 65535 && !/^0/.test(v) ? undefined : why('port', 'must be a whole number from 1 to 65535');
}

function checkIpv4(v: string): ParamReason | undefined {
  if (IPV4.test(v)) return undefined;
  if (/^\d+(?:\.\d+){3}$/.test(v)) return why('ipv4Part', 'has a part above 255 or with a leading zero; each of the four parts is 0-255');
  return why('ipv4', 'must be an IPv4 address such as 172.16.0.1');
}

function checkCidr(v: string): ParamReason | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(v);
  if (!m || !IPV4.test(m[1] ?? '')) return why('cidr', 'must be an IPv4 prefix such as 172.16.0.0/24');
  const bits = Number(m[2]);
  if (bits > 32) return why('cidrPrefix', 'has a prefix length above 32');
  const addr = (m[1] ?? '').split('.').reduce((a, o) => a * 256 + Number(o), 0);
  const size = 2 ** (32 - bits);
  const base = addr - (addr % size);
  if (base === addr) return undefined;
  const dotted = [24, 16, 8, 0].map((s) => Math.floor(base / 2 ** s) % 256).join('.');
  return why('cidrHostBits', `has host bits set; the network address is ${dotted}/${bits}`, { network: `${dotted}/${bits}` });
}

function checkName(label: string, extra: RegExp, max: number): Check {
  return (v) => {
    if (v.length > max) return tooLong(max);
    if (v !== v.trim()) return why('edgeSpace', 'starts or ends with a space');
    if (!/^[\p{L}\p{N}]/u.test(v)) return why('nameStart', `${label} must start with a letter or digit`);
    return extra.test(v) ? undefined : why('nameChars', `${label} may only contain letters, digits, spaces and - _ . ( ) #`);
  };
}

/** The device names Windows reserves in every folder, with or without an extension (found by a tester: D:\\CON passed). */
const RESERVED_NAME = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\.[^.]*)?$/i;

function checkSharePath(v: string): ParamReason | undefined {
  const m = /^\\\\([^\\]+)\\(.+)$/.exec(v);
  if (!m) return why('sharePath', 'must be a share path such as \\\\server\\share');
  // A DNS name, an IPv4 address, or a NetBIOS name, which may hold an underscore (a tester: FILE_SRV01 was refused).
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(m[1] ?? '')) return why('shareServer', 'has a server name that is not a host name or IPv4 address');
  const parts = (m[2] ?? '').replace(/\\$/, '').split('\\');
  // [ ] too: the SMB cmdlets' -RemotePath may read them as wildcards, as -VMName does (second attacker helper). A device
  // name (CON, NUL, COM1 …) is no share or folder a server can have.
  if (parts.some((p) => p === '' || p === '.' || p === '..' || WIN_FORBIDDEN.test(p) || /[[\]]/.test(p) || p !== p.trim() || RESERVED_NAME.test(p)))
    return why('shareParts', 'has an empty share or folder name, a device name (CON, NUL, COM1 …), or one with \\ / : * ? " < > | [ ] or edge spaces');
  return undefined;
}

/**
 * A folder on a local drive, by its full path (`D:\\docker`): a folder, not a drive's root, with no `.` or `..`
 * (`C:\\ProgramData\\docker\\..\\..` is the root of C:; found by an attacker helper: a fix that uncompresses and
 * decrypts a folder with every file in it took it, and showed the `..` form), and no empty name or one Windows refuses.
 */
function checkLocalFolder(v: string): ParamReason | undefined {
  if (v.length > 250) return tooLong(250);
  const m = /^[A-Za-z]:\\(.*)$/.exec(v);
  if (!m) return why('localFolder', 'must be the full path of a folder on a local drive, such as D:\\docker');
  const parts = (m[1] ?? '').replace(/\\$/, '').split('\\');
  if (parts.length === 1 && parts[0] === '') return why('folderRoot', 'names a whole drive: name a folder on it');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || WIN_FORBIDDEN.test(p) || p !== p.trim() || p.endsWith('.') || RESERVED_NAME.test(p)))
    return why('folderParts', 'has an empty, "." or ".." folder name, a device name (CON, NUL, COM1 …), or one with \\ / : * ? " < > |, edge spaces or a final dot');
  return undefined;
}

const USER_FORBIDDEN = /["/\\[\]:;|=,+*?<>@]/;

function checkUser(v: string): ParamReason | undefined {
  if (v.length > 256) return tooLong(256);
  const plain = (u: string) => u.length > 0 && u.length <= 104 && !USER_FORBIDDEN.test(u) && u === u.trim();
  const down = /^([^\\]+)\\([^\\]+)$/.exec(v);
  if (down) {
    const domainOk = down[1] === '.' || /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(down[1] ?? '');
    return domainOk && plain(down[2] ?? '') ? undefined : why('userDomain', 'must be DOMAIN\\user with a valid domain and user name');
  }
  const upn = /^([^@]+)@([^@]+)$/.exec(v);
  if (upn) {
    const domainOk = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(upn[2] ?? '');
    return domainOk && plain(upn[1] ?? '') ? undefined : why('userUpn', 'must be user@domain with a valid domain and user name');
  }
  return plain(v) ? undefined : why('user', 'must be a user name, DOMAIN\\user or user@domain, without " / \\ [ ] : ; | = , + * ? < >');
}

/**
 * An image reference as docker reads one: an optional registry (a host name of dot-separated labels, each starting and
 * ending with a letter or digit, or localhost, with an optional port), the repository path and an optional tag and
 * digest. A registry label cannot start with `-`: `-ehome.x/y` was taken, and a run line then gave docker `-e` (found by
 * an attacker helper).
 */
const IMAGE_REF =
  /^(?:(?:localhost(?::\d+)?|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?::\d+)?|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?:\d+)\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

const NAME_CHARS = /^[\p{L}\p{N} _.()#-]+$/u;

/** What no VM name given to -VMName may hold: what Windows forbids in names, and PowerShell's wildcards and their escape. */
const VM_NAME_FORBIDDEN = /[\\/:*?"<>|[\]`]/;

/** The validator of each placeholder kind: returns why a value fails, or undefined when it is fine. */
const KIND_CHECKS: Record<ParamKind, Check> = {
  port: checkPort,
  ipv4: checkIpv4,
  cidr: checkCidr,
  build: byPattern(/^(?:10\.0\.)?\d{5}(?:\.\d{1,5})?$/, 'build', 'must be a Windows build number such as 17763, 17763.1234 or 10.0.17763.1234', 20),
  // Hyper-V's -VMName takes wildcards (* ? [ ]; ` escapes them): a name with them would change every VM it matches
  // (found by an attacker helper: 'h[a-z]st[0-9]' was accepted for a high-risk fix), so they are refused, with \ / : " < > |.
  'vm-name': (v) => (VM_NAME_FORBIDDEN.test(v) ? why('vmNameForbidden', 'a VM name cannot contain \\ / : * ? " < > | [ ] ` (PowerShell reads * ? [ ] as wildcards)') : checkName('a VM name', /^[^\\/:*?"<>|[\]`]+$/, 100)(v)),
  'service-name': byPattern(/^[A-Za-z0-9_][A-Za-z0-9_.$-]*$/, 'serviceName', 'must be a service name such as hns or docker (letters, digits, _ . $ -)', 256),
  'node-name': byPattern(/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/, 'nodeName', 'must be a node name: letters, digits, - and ., starting and ending with a letter or digit', 253),
  'container-name': byPattern(/^[A-Za-z0-9][A-Za-z0-9_.-]+$/, 'containerName', 'must be a container name or id: two or more letters, digits, _ . -, starting with a letter or digit', 255),
  'network-name': checkName('a network name', NAME_CHARS, 128),
  'switch-name': checkName('a switch name', NAME_CHARS, 128),
  'interface-name': checkName('an interface name', NAME_CHARS, 256),
  'share-path': checkSharePath,
  'local-folder': checkLocalFolder,
  user: checkUser,
  'drive-letter': byPattern(/^[A-Za-z]:$/, 'driveLetter', 'must be a drive letter with a colon, such as Z:', 3),
  'label-value': byPattern(/^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$/, 'labelValue', 'must be a label value: letters, digits, - _ ., starting and ending with a letter or digit', 63),
  'image-ref': byPattern(IMAGE_REF, 'imageRef', 'must be an image reference such as mcr.microsoft.com/windows/servercore:ltsc2022', 512),
  text: () => undefined,
};

const CONTROLS: Record<number, [ParamReasonId, string]> = { 0: ['nul', 'a NUL character'], 9: ['tab', 'a tab'], 10: ['lineBreak', 'a line break'], 13: ['lineBreak', 'a line break'] };

function controlReason(cp: number): ParamReason {
  const named = CONTROLS[cp];
  if (named) return why(named[0], `contains ${named[1]}`);
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return why('control', `contains a control character (${code})`, { code });
}

/** Invisible direction controls: marks (LRM, RLM, ALM), embeddings, overrides and isolates. */
const isBidiControl = (cp: number): boolean => cp === 0x200e || cp === 0x200f || cp === 0x061c || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);

/**
 * Characters that take no visible space but change what runs or what is compared: the soft hyphen, zero-width
 * space, joiners and word joiner, invisible operators, the BOM, the Mongolian vowel separator, Hangul fillers,
 * the combining grapheme joiner, Khmer invisible vowels, deprecated format controls, interlinear annotation
 * marks and the tag characters; every other default-ignorable code point (variation selectors, musical and shorthand
 * format controls, Egyptian hieroglyph format controls, the Mongolian free variation selectors; found by an attacker
 * helper: `C:\data` + U+FE0F was shown as `C:\data`) and the braille blank U+2800, which looks like a space; also
 * unpaired surrogates and U+FFFD (broken text).
 */
const isInvisible = (cp: number): boolean =>
  cp === 0x00ad || cp === 0x034f || cp === 0x115f || cp === 0x1160 || cp === 0x17b4 || cp === 0x17b5 || (cp >= 0x180b && cp <= 0x180f) ||
  (cp >= 0x200b && cp <= 0x200d) || (cp >= 0x2060 && cp <= 0x206f) ||
  cp === 0x2800 || cp === 0x3164 || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff || cp === 0xffa0 || (cp >= 0xfff0 && cp <= 0xfffb) ||
  (cp >= 0x13430 && cp <= 0x1343f) || (cp >= 0x1bca0 && cp <= 0x1bca3) || (cp >= 0x1d173 && cp <= 0x1d17a) || (cp >= 0xe0000 && cp <= 0xe0fff) ||
  (cp >= 0xd800 && cp <= 0xdfff) ||
  // The replacement character: bytes that were not UTF-8 (a Latin-1 terminal's `é` in an argument) became it, and the
  // command would name `C:\caf\ufffd`, not the folder meant (an attacker helper).
  cp === 0xfffd;

/**
 * A variation selector that changes how the character before it is drawn, which the reader sees: the emoji one (U+FE0F)
 * or the text one (U+FE0E) after an emoji outside ASCII (`❤️`, as the Windows emoji panel types it), and an ideographic
 * one (U+E0100–U+E01EF) after a CJK ideograph (a name's variant form). Anywhere else it draws nothing (`C:\data` + U+FE0F
 * reads as `C:\data`). Found by a regression tester: values with such emoji or names were refused.
 */
let emojiPattern: RegExp | undefined;
let ideographPattern: RegExp | undefined;
const isShownSelector = (cp: number, after: number): boolean => {
  if (after < 0x80) return false;
  if (cp === 0xfe0e || cp === 0xfe0f) return (emojiPattern ??= /^\p{Emoji}$/u).test(String.fromCodePoint(after));
  if (cp >= 0xe0100 && cp <= 0xe01ef) return (ideographPattern ??= /^\p{Ideographic}$/u).test(String.fromCodePoint(after));
  return false;
};

/** Why a value holds a character that is not what it shows (control, line separator, text direction, invisible), if it does. */
function hiddenCharacterReason(v: string): ParamReason | undefined {
  let previous = 0;
  for (const ch of v) {
    const cp = ch.codePointAt(0) ?? 0;
    const after = previous;
    previous = cp;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return controlReason(cp);
    if (cp === 0x2028 || cp === 0x2029) return why('lineBreak', 'contains a line break');
    if (isBidiControl(cp))
      return why('bidi', 'contains an invisible text-direction character that would make the command display differently from what runs');
    if (isShownSelector(cp, after)) continue;
    if (isInvisible(cp)) {
      const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      return why('invisible', `contains an invisible or broken character (${code})`, { code });
    }
  }
  return undefined;
}

/**
 * Whether a value holds a character that is not what it shows: a control character (C0, DEL, C1), a line or paragraph
 * separator, a text-direction control or an invisible one (the rules every parameter value meets). Other validators of
 * values that go into a command (the network plan's adapter names) refuse the same.
 */
export const hasHiddenCharacter = (v: string): boolean => hiddenCharacterReason(v) !== undefined;

/** Rules every value meets whatever its kind: not empty, not too long, no control, direction or invisible characters. */
function checkCommon(v: string): ParamReason | undefined {
  if (v.length === 0) return why('empty', 'is empty');
  if (v.length > MAX_VALUE_LENGTH) return why('tooLong', `is longer than ${MAX_VALUE_LENGTH} characters (${v.length})`, { max: MAX_VALUE_LENGTH, length: v.length });
  return hiddenCharacterReason(v);
}

/**
 * Checks one value against its placeholder: the common rules, the kind's validator, then the fix's own pattern.
 * Returns the value, or why it fails as an id with params (for the UI) and an English phrase that follows the placeholder name.
 * @example checkParamValue({kind: 'port', description: 'host port'}, '70000') // err({id: 'port', params: {}, message: 'must be a whole number from 1 to 65535'})
 */
export function checkParamValue(param: Pick<FixParam, 'kind' | 'pattern' | 'description'>, value: string): Result<string, ParamReason> {
  const reason = checkCommon(value) ?? KIND_CHECKS[param.kind](value);
  if (reason !== undefined) return err(reason);
  if (param.pattern !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(param.pattern);
    } catch {
      return err(why('brokenPattern', 'cannot be checked: the fix has a broken pattern (run "wcdoctor kb check")'));
    }
    if (!re.test(value)) return err(why('patternMismatch', `does not fit this fix: ${param.description}`, { description: param.description }));
  }
  return ok(value);
}

/**
 * Checks one value against its placeholder (see checkParamValue); the error is the English reason only.
 * @example validateParamValue({kind: 'port', description: 'host port'}, '70000') // err('must be a whole number from 1 to 65535')
 */
export function validateParamValue(param: Pick<FixParam, 'kind' | 'pattern' | 'description'>, value: string): Result<string, string> {
  const r = checkParamValue(param, value);
  return r.ok ? r : err(r.error.message);
}

/** Checks a value against a bare kind, without a fix's extra pattern. */
export function validateKind(kind: ParamKind, value: string): Result<string, string> {
  return validateParamValue({ kind, description: kind }, value);
}
