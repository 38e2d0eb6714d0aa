import { checkParamValue } from '../../src/core/fixes/validate-param.js';
import type { FixParam } from '../../src/core/knowledge/types.js';

/** Every character PowerShell reads as a quote: the single quotes ' ‘ ’ ‚ ‛ and the double quotes " “ ” „. */
export const PS_QUOTES = ["'", '\u2018', '\u2019', '\u201A', '\u201B', '"', '\u201C', '\u201D', '\u201E'];

/** Pieces of text that mean something to PowerShell (or cmd, or a terminal), each tried on its own and wrapped. */
export const HOSTILE_ATOMS: string[] = [
  ...PS_QUOTES,
  ...PS_QUOTES.map((q) => q + q),
  PS_QUOTES.join(''),
  "it's", "'; Write-Output pwned; '", '\u2018; Remove-Item x; \u2019', '\u201A + (calc) + \u201B', '"; calc; "', '\u201C$(calc)\u201D',
  '`', '``', '`n', "`'", '`$(Get-Date)', 'a`', '`\u2019',
  '$()', '$(Remove-Item -Recurse C:\\)', '$env:PATH', '${x}', '$null', '$true', '$_', '$args', '@(1,2)', '@{a=1}', '@args', "@'", "'@",
  ';', '; Stop-Computer', '&', '& calc', '&&', '||', '|', '| Out-Host', '>', '>>x', '2>&1', '<',
  '--%', '--% & calc', '--', '-Force', '-Name', '-WhatIf:$true', '-', '-x', '--x=1', '-Confirm:$false',
  '#', '# comment', '<#', '#>', '<# x #>',
  ',', 'a,b', '4.4.4.4,8.8.8.8', ' , ',
  '{', '}', '{ calc }', '{{x}}', '[', ']', '[char]65', '(', ')', '(calc)', '.', '..', '.\\x', '::',
  '%', '%PATH%', '!x!', '^', '^&', '*', '?', '~', '\\', "\\'", '\\"', 'x\\', '=',
  '\u00C4', '\u0141\u00F3d\u017A', '\u65E5\u672C\u8A9E', '\uD55C\uAD6D\uC5B4', 'svenska \u00E5\u00E4\u00F6', '\uD83D\uDC33', '\uFF57\uFF49\uFF44\uFF45\uFF04\uFF08\uFF09',
  'e\u0301', '\u00DF', '\u0130', '\u03A9', '\u3000', '\u00A0', '\uFF07', '\u02BC',
  ' ', '  two spaces', 'a b  c',
  // Line breaks and other controls: every validator refuses them, which these count.
  '\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', 'a\nb', '\t', '\u0000', '\u001b[31m', '\u202Eevil', '\u200B',
];

/** Ways to put an atom inside a value so that the stricter kinds (names, share paths, users) can accept it. */
const WRAPS: ((x: string) => string)[] = [
  (x) => x,
  (x) => `a${x}`,
  (x) => `a${x}z`,
  (x) => `\\\\srv\\${x}`,
  (x) => `\\\\srv\\a${x}z\\d`,
  (x) => `CORP\\a${x}z`,
  (x) => `a${x}z@corp.example`,
  (x) => `svc${x}`,
  // A Windows path, for placeholders whose pattern takes only a drive-letter path.
  (x) => `C:\\a${x}z`,
];

/** Fillers repeated to the longest length each kind allows (1,000 is the most any placeholder takes). */
const FILLERS = ["'", '\u2018\u2019\u201A\u201B', '$(x);&|`', '\u201C\u201D\u201E"', '\u65E5\u672C\u8A9E', 'ab'];
const LENGTHS = [1000, 256, 255, 253, 128, 104, 100, 64, 63];

/** Values that break nothing but sit on a kind's edges (ports, addresses, builds), so narrow kinds run too. */
const EDGES = [
  '1', '3', '9', '64', '80', '65535', '0.0.0.0', '255.255.255.255', '10.0.0.1', '172.16.0.0/12', '10.0.0.0/8', '0.0.0.0/0',
  '17763', '10.0.20348.2113', '00155D4B00FF', 'Z:', 'a:', '48MB', '1GB', 'web-1', 'x9', 'hns', 'svc$', 'a.b-c_d', 'a', 'A1',
  'mcr.microsoft.com/windows/servercore:ltsc2022', 'localhost:5000/a/b@sha256:' + 'a'.repeat(64),
  // HNS object ids (GUIDs), the smallest and largest, for placeholders that take only an id.
  '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  // Words PowerShell reads as numbers of another spelling.
  '1e3', '0x10', '1kb', '07', '1.0', '5d', '0b101',
];

let groupsMade: readonly (readonly string[])[] | undefined;

/**
 * The candidates in groups: one group per atom (the atom in every wrap), per filler (each length, longest first) and
 * per edge value. A placeholder runs the first value of each group that its validator accepts, so every kind of
 * hostile text is tried once in the form the placeholder takes, without running the same shape hundreds of times.
 */
export function candidateGroups(): readonly (readonly string[])[] {
  // Made once: the same groups every time (callers only read them).
  return (groupsMade ??= makeGroups());
}

function makeGroups(): string[][] {
  const groups: string[][] = HOSTILE_ATOMS.map((a) => [...new Set(WRAPS.map((w) => w(a)))]);
  for (const f of FILLERS) {
    const body = f.repeat(Math.ceil(1000 / f.length));
    groups.push(LENGTHS.map((n) => `a${body}`.slice(0, n)));
    groups.push(LENGTHS.map((n) => `\\\\srv\\a${body}`.slice(0, n)));
  }
  for (const e of EDGES) groups.push([e]);
  // A trailing backslash, which a Windows quoting must not double where PowerShell reads it (`"a b\\"` → a b\\).
  for (const x of [' ', ' & ', "'", '\u65E5 \u672C']) groups.push([`\\\\srv\\a${x}b\\`, `a${x}b\\`, `a${x}b\\,c${x}d\\`]);
  return groups;
}

/** Reference values tried in order for a placeholder: the first its validator accepts stands for it in the reference run. */
const REFERENCES = [
  'WcdRef01', 'wcdref01', 'wcdref02', '47113', '47114', '10.47.11.3', '10.47.11.4', '\\\\wcdsrv\\wcdshare', 'CORP\\wcdref', 'Y:',
  '3', '2', '48MB', '64m', '10.0.17763.1234', '17763', 'mcr.microsoft.com/windows/servercore:ltsc2022', '10.47.0.0/16', 'wcdref.example',
  'transparent', 'l2bridge', 'nat', '42', '4.4.4.4,8.8.8.8', 'Ethernet 1,Ethernet 2', 'abcdef012345',
  // An HNS object id (hnsdiag delete loadbalancers <id>).
  '0c47e1a3-5b2d-4f6e-8a9c-1d2e3f4a5b6c',
  'C:\\wcdref', 'C:\\wcdref2', 'C:\\wcdref\\app.json',
  'http://wcdref.example:3128',
  // A manifest file for kubectl apply -f.
  'wcdref.yaml',
  // A unicast MAC address as Set-VMHost takes it, lowest and highest of a range (12 hex digits).
  '00155D4A0000', '00155D4AFFFF',
];

/** The reference value of each placeholder of a fix: accepted by its validator and different from the others'. */
export function referenceValues(params: Record<string, FixParam>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, p] of Object.entries(params)) {
    const v = REFERENCES.find((r) => checkParamValue(p, r).ok && !Object.values(out).includes(r));
    if (v === undefined) throw new Error(`no reference value fits placeholder "${name}" (${p.kind} ${p.pattern ?? ''}); add one to REFERENCES`);
    out[name] = v;
  }
  return out;
}

/**
 * The answer of acceptedValues for each kind of placeholder seen: its kind and pattern (all that checkParamValue's
 * verdict depends on) and the values excluded. Many placeholders of the knowledge are of one kind, and checking every
 * candidate against each again was most of the time taken to build the cases. It and the groups above are answers of
 * pure functions: what one test file leaves here is what the next would compute.
 */
const acceptedByKind = new Map<string, { accepted: readonly string[]; refused: number; groups: number }>();

/** For a placeholder: the first accepted value of each candidate group, and the groups its validator refused whole. */
export function acceptedValues(param: FixParam, exclude: readonly string[]): { accepted: string[]; refused: number; groups: number } {
  const key = JSON.stringify([param.kind, param.pattern ?? null, exclude]);
  let known = acceptedByKind.get(key);
  if (!known) {
    const accepted = new Set<string>();
    let refused = 0;
    const groups = candidateGroups();
    for (const g of groups) {
      const v = g.find((x) => !exclude.includes(x) && checkParamValue(param, x).ok);
      if (v === undefined) refused++;
      else accepted.add(v);
    }
    known = { accepted: [...accepted], refused, groups: groups.length };
    acceptedByKind.set(key, known);
  }
  return { accepted: [...known.accepted], refused: known.refused, groups: known.groups };
}
