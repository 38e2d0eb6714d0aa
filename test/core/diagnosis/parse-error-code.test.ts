import fc from 'fast-check';
import { anyCodePoints } from '../../helpers/arbitraries.js';
import { describe, expect, it, test } from 'vitest';
import { parseCodeCatalog, type CodeEntry } from '../../../src/core/diagnosis/code-catalog.js';
import {
  buildCodeIndex,
  decodeHresult,
  extractCodes,
  PROBES_BEFORE_TRIE,
  formatCode,
  hresultFromWin32,
  win32FromHresult,
} from '../../../src/core/diagnosis/parse-error-code.js';
import { realKnowledgeInput } from '../../helpers/real-kb.js';

const catalog = parseCodeCatalog(realKnowledgeInput().codes);
const index = buildCodeIndex(catalog.codes);
const find = (text: string) => extractCodes(text, index);
const canonicals = (text: string) => find(text).map((f) => f.canonical);

describe('the code catalogue (knowledge/codes)', () => {
  it('validates without problems', () => {
    expect(catalog.problems).toEqual([]);
  });

  const range = (from: number, to: number, skip: number[] = []) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((v) => !skip.includes(v)).map(formatCode);
  const win32 = [2, 3, 5, 6, 13, 31, 32, 50, 87, 127, 170, 183, 267, 303, 1060, 1062, 1168, 1222, 1223, 1231, 1314, 1326, 1450, 1455, 1460, 1722, 1726, 1727, 5010, 5023];
  const required = [
    ...range(0x80370100, 0x80370121, [0x80370103, 0x80370104]),
    ...range(0xc0370100, 0xc0370113),
    ...range(0x803b0001, 0x803b0037),
    ...win32.map((n) => formatCode(hresultFromWin32(n))),
    '0x80004005', '0x80004001', '0xC0351000', '0xC000013A', '0xC0000142', '0xC0000279',
  ];
  it.each(required)('has %s', (code) => {
    expect(index.byCode.has(code)).toBe(true);
  });

  it('pairs the HCS encodings only where they are twins', () => {
    expect(index.byCode.get('0x80370101')?.equivalents).toEqual(['0xC0370101']);
    expect(index.byCode.get('0xC0370101')?.equivalents).toEqual(['0x80370101']);
    expect(index.byCode.get('0xC0370103')?.equivalents).toEqual([]);
    expect(index.byCode.get('0x8037011F')?.equivalents).toEqual([]);
  });

  it('gives every localised message a source', () => {
    for (const e of catalog.codes)
      for (const lang of Object.keys(e.messages)) if (lang !== 'en') expect(e.messageSources[lang], `${e.code} ${lang}`).toBeTruthy();
  });

  const entry = (over: Partial<CodeEntry> & { code: string }) => ({ kind: 'hresult', names: [], source: 'test', ...over });
  test.each([
    ['a Win32 number that does not give the code', [entry({ code: '0x800705B4', kind: 'win32', win32: 1461 })], /HRESULT_FROM_WIN32\(1461\)/],
    ['a localised message without a source', [entry({ code: '0x80004005', messages: { en: 'Unspecified error', de: 'Unbekannter Fehler' } })], /needs the source/],
    ['a duplicate code', [entry({ code: '0x80004005' }), entry({ code: '0x80004005' })], /duplicate code/],
    ['a one-sided equivalent', [entry({ code: '0x80370101', kind: 'hcs', equivalents: ['0xC0370101'] }), entry({ code: '0xC0370101', kind: 'hcs' })], /does not list/],
    ['a text naming two codes', [entry({ code: '0x80004005', messages: { en: 'The same long message' } }), entry({ code: '0x80004001', messages: { en: 'the same long message.' } })], /also identifies/],
    ['a lower-case code', [entry({ code: '0x800705b4' })], /upper-case hex/],
    ['an hcn kind on another facility', [entry({ code: '0x80370101', kind: 'hcn' })], /not a hcn value/],
  ])('reports %s', (_what, codes, message) => {
    const { problems } = parseCodeCatalog([{ file: 'knowledge/codes/t.yaml', data: { codes } }]);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });
});

describe('a localised HCS or HCN message names its code without the code', () => {
  // Windows prints HCS and HNS messages in the host's language; each one the catalogue records must be
  // read back to its code behind the prefix an engine puts before it, as the English message is.
  const rows = catalog.codes
    .filter((e) => e.kind === 'hcs' || e.kind === 'hcn')
    .flatMap((e) => [
      ...Object.entries(e.messages).filter(([lang]) => lang !== 'en').map(([lang, text]) => [e.code, lang, text] as const),
      ...e.variants.filter((v) => v.lang !== 'en').map((v) => [e.code, v.lang, v.text] as const),
    ]);
  it('has localised HCS messages to check', () => {
    expect(rows.length).toBeGreaterThan(0);
  });
  it.each(rows)('%s (%s): %s', (code, _lang, text) => {
    expect(canonicals(`hcsshim::CreateComputeSystem web: ${text}`)).toContain(code);
    expect(canonicals(`Error response from daemon: container 4b1a encountered an error during CreateContainer: failure in a Windows system call: ${text}`)).toContain(code);
  });
});

describe('HRESULT helpers', () => {
  it('wraps and unwraps Win32 codes', () => {
    expect(formatCode(hresultFromWin32(1460))).toBe('0x800705B4');
    expect(formatCode(hresultFromWin32(1223))).toBe('0x800704C7');
    expect(win32FromHresult(0x800706be)).toBe(1726);
    expect(win32FromHresult(0x80370101)).toBeUndefined();
    expect(win32FromHresult(0x00070005)).toBeUndefined();
  });

  test.each([
    [0x800705b4, 'error', 7, 'WIN32', 0x5b4, false],
    [0x80370101, 'error', 0x37, 'USERMODE_VIRTUALIZATION', 0x101, false],
    [0xc0370101, 'error', 0x37, 'USERMODE_VIRTUALIZATION', 0x101, true],
    [0x803b0015, 'error', 0x3b, 'USERMODE_HNS', 0x15, false],
    [0xc000013a, 'error', 0, 'NTSTATUS', 0x13a, true],
    [0x80004005, 'error', 0, 'NULL', 0x4005, false],
    [0x00000000, 'success', 0, 'NULL', 0, false],
  ])('decodes %i', (value, severity, facility, name, code, nt) => {
    const d = decodeHresult(value);
    expect(d).toMatchObject({ severity, facility: { code: facility, name }, code, unsigned: value, signed: value | 0 });
    expect(d.ntstatus !== undefined).toBe(nt);
  });

  it('reads the customer bit', () => {
    expect(decodeHresult(0xa0000001).customer).toBe(true);
    expect(decodeHresult(0x80000001).customer).toBe(false);
  });
});

describe('extractCodes finds every spelling of a code', () => {
  const spellings: [string, string, string][] = [
    ['0x800705B4', '0x800705B4', 'hex'],
    ['0x800705B4', 'failed to start: (0x800705b4).', 'hex'],
    ['0x800705B4', '800705b4', 'hex'],
    ['0x800705B4', 'HRESULT: 800705B4', 'hex'],
    ['0x800705B4', 'hcsshim::PrepareLayer failed in Win32: timeout (0x5b4)', 'short-hex'],
    ['0x800705B4', 'GetLastError=1460 (0x000005B4)', 'short-hex'],
    // The word that marks the code after it: Korean and Chinese name the error after its code (found by a helper).
    ['0x800705B4', '컨테이너를 시작하면 0x5b4 오류가 발생합니다', 'short-hex'],
    ['0x800705B4', '启动容器时出现 0x5b4 错误', 'short-hex'],
    ['0x800705B4', '启动容器时报错 0x5b4', 'short-hex'],
    ['0x800705B4', 'docker run fails with 0x5b4 error', 'short-hex'],
    ['0x800705B4', 'error 1460 when starting container', 'decimal'],
    ['0x800705B4', 'Win32 error 1460', 'decimal'],
    ['0x800705B4', 'exception -2147023436 thrown', 'signed-decimal'],
    ['0x800705B4', 'returned 2147943860', 'decimal'],
    ['0x800705B4', 'ERROR_TIMEOUT', 'symbolic-name'],
    ['0x800705B4', "'test2' failed to start: This operation returned because the timeout period expired.", 'message'],
    ['0x800705B4', 'Fehler: Dieser Vorgang wurde wegen Zeitüberschreitung zurückgegeben.', 'message'],
    ['0x800705B4', 'System.Exception: 由于超时时间已过，该操作返回。', 'message'],
    ['0x80070490', 'failure in a Windows system call: Element not found.', 'message'],
    ['0x80070490', 'hnsCall failed in Win32: Element not found', 'message'],
    ['0x80070490', 'failure in a Windows system call: 找不到元素。', 'message'],
    ['0x80070490', 'System.Exception: Element nicht gefunden.', 'message'],
    ['0x80070490', 'failure in a Windows system call: Element not found. (0x490)', 'short-hex'],
    ['0x80070490', 'Win32 error 1168', 'decimal'],
    ['0x80070490', 'ERROR_NOT_FOUND', 'symbolic-name'],
    ['0x800706BE', 'hnsCall failed in Win32: The remote procedure call failed. (0x6be).', 'short-hex'],
    ['0x800706BE', 'docker run -p 80:80 fails: The remote procedure call failed', 'message'],
    ['0x800706BE', 'RPC_S_CALL_FAILED', 'symbolic-name'],
    ['0x800706BE', "com_error: (-2147023170, '远程过程调用失败。', None, None)", 'signed-decimal'],
    ['0x800704C7', 'System error 1223 has occurred.', 'decimal'],
    ['0x800704C7', 'net use S: \\\\fileserver\\share  -> 发生系统错误 1223。', 'decimal'],
    ['0x800704C7', '시스템 오류 1223이 발생했습니다.', 'decimal'],
    ['0x800704C7', 'Systemfel 1223 har uppstått.', 'decimal'],
    ['0x800704C7', 'The operation was canceled by the user.', 'message'],
    ['0x800704C7', 'Åtgärden avbröts av användaren.', 'message'],
    ['0x800705AA', 'CreateCompartment failed (1450)', 'decimal'],
    ['0x80004005', 'HNS failed with error : Unspecified error.', 'message'],
    ['0xC0000279', 'STATUS_IO_REPARSE_TAG_NOT_HANDLED', 'symbolic-name'],
    ['0x80370101', 'HCS_E_IMAGE_MISMATCH', 'symbolic-name'],
    ['0x80370101', 'hcsshim::CreateComputeSystem 1f2e: The container operating system does not match the host operating system.', 'message'],
    ['0xC0370101', 'failure in a Windows system call: The operating system of the container does not match the operating system of the host.', 'message'],
    ['0xC0370106', 'The compute system exited unexpectedly.', 'message'],
    ['0x80370100', 'The virtual machine or container exited unexpectedly while starting', 'message'],
    ['0xC000013A', 'Last State: Terminated\n  Exit Code:    -1073741510', 'signed-decimal'],
    ['0x803B0015', 'HCN error 2151350293', 'decimal'],
  ];
  test.each(spellings)('%s from %j', (canonical, text, via) => {
    const found = find(text);
    expect(found.map((f) => f.canonical)).toEqual([canonical]);
    expect(found[0]?.via).toBe(via);
    expect(text.slice(found[0]?.index, (found[0]?.index ?? 0) + (found[0]?.raw.length ?? 0))).toBe(found[0]?.raw);
  });

  it('fills names, message and equivalents from the catalogue', () => {
    expect(find('(0xc0370101)')[0]).toMatchObject({
      canonical: '0xC0370101',
      equivalents: ['0x80370101'],
      names: ['ERROR_VMCOMPUTE_IMAGE_MISMATCH'],
      message: 'The operating system of the container does not match the operating system of the host.',
    });
    expect(find('ERROR_TIMEOUT')[0]).toMatchObject({ names: ['ERROR_TIMEOUT'], message: 'This operation returned because the timeout period expired.', equivalents: [] });
  });

  it('keeps codes the catalogue does not know when their spelling is explicit', () => {
    expect(find('Exception from HRESULT: 0x80072F8F')).toEqual([{ canonical: '0x80072F8F', equivalents: [], raw: '0x80072F8F', via: 'hex', index: 24, names: [] }]);
    expect(canonicals('System error 53 has occurred.')).toEqual(['0x80070035']);
    expect(canonicals('Exit Code: -1073741819')).toEqual(['0xC0000005']);
  });
});

describe('extractCodes deduplicates and orders', () => {
  it('gives one result per code, with the most explicit spelling', () => {
    const text = "'test2' failed to start: This operation returned because the timeout period expired. (0x800705B4). ERROR_TIMEOUT again: error 1460";
    const found = find(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ canonical: '0x800705B4', raw: '0x800705B4', via: 'hex', index: text.indexOf('0x800705B4') });
  });

  it('lists codes in order of first appearance, twins separately', () => {
    const text = 'HCS_E_IMAGE_MISMATCH seen after Element not found; later (0xc0370101) and 0x800705b4';
    expect(canonicals(text)).toEqual(['0x80370101', '0x80070490', '0xC0370101', '0x800705B4']);
  });

  it('prefers the hex form over the decimal one in an HCN error', () => {
    const found = find('HCN error 2151350293 (0x803b0015)');
    expect(found).toEqual([expect.objectContaining({ canonical: '0x803B0015', raw: '0x803b0015', via: 'hex' })]);
  });
});

describe('extractCodes ignores what is not a code', () => {
  test.each([
    'Exit Code:    128',
    'docker run -p 8080:80 -p 443:443 myimage',
    'Windows Server 2016, 2019 and 2022',
    'microsoft/iis:windowsservercore-10.0.14393.1715',
    'container gets 169.254.12.7 address instead of a DHCP lease',
    "'web01' failed to start. (Container ID 9A1D2C3B-0000-4473-B49C-441C60ADCE44)",
    'guid {9A1D2C3B-0000-4473-B49C-441C60ADCE44}',
    'windows/servercore/iis@sha256:868bca7e89e1743792e15f78edb5a73070ef44eae6807dc3f05f9b94c23943d5',
    'container b81ed896222eb87906ccab1c3dd2fc49324eafa798438f7979b87b210906f839 and eab0151378',
    'commit bba8133f and build 20210110',
    'GET /api returned error 404 not found',
    'npm ERR! code ERESOLVE unable to resolve dependency tree',
    'retry after 1460 ms',
    'the value 0x10 is small',
    'I get 0x5b4 when starting',
    'ReadFile at offset 0x5 failed',
    'mode 0x2 the read failed',
    'mount flags: 0x5000: not a directory',
    'disk of 3221225472 bytes',
    'error: 1,460 files skipped; version 1.460',
    'Segmentation fault (core dumped)',
    // An exit status restated in hex is the program's own number (Linux's 126: command not executable), not a Win32 error.
    '"docker" exited with code 126 (0x7E).',
    'process exited with code 2 (0x2)',
    'hello',
    '',
  ])('%j', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('still reads a short hex after a message, and the module-not-found text in any catalogued language', () => {
    expect(canonicals('Failed to load wlanapi.dll: The specified module could not be found. (0x7E)')).toEqual(['0x8007007E']);
    expect(canonicals('Die DLL "gdiplus.dll" kann nicht geladen werden: Das angegebene Modul wurde nicht gefunden.')).toEqual(['0x8007007E']);
    expect(canonicals('panic: Failed to load wlanapi.dll: 找不到指定的模块。')).toEqual(['0x8007007E']);
  });

  it('finds only the real code in a kubectl describe pod', () => {
    const text =
      'State:          Waiting\n  Reason:       CrashLoopBackOff\nLast State:     Terminated\n  Reason:       ContainerCannotRun\n  Message:      container eab0151378 encountered an error during CreateContainer: failure in a Windows system call: The operating system of the container does not match the operating system of the host. (0xc0370101)\n  Exit Code:    128\n  Started:      Mon, 01 Jan 2018 10:00:00 +0000';
    expect(find(text).map((f) => [f.canonical, f.raw])).toEqual([['0xC0370101', '0xc0370101']]);
  });
});

describe('extractCodes scales and never throws', () => {
  it('handles a 5 MB paste and finds the codes in it', () => {
    const line = 'time="2024-01-01T10:00:00Z" level=info msg="pulling layer sha256:868bca7e89e1743792e15f78edb5a73070ef44eae6807dc3f05f9b94c23943d5 from 10.0.0.4:5000 (build 17763.1879)"\n';
    const filler = line.repeat(Math.ceil((2.5 * 1024 * 1024) / line.length));
    const text = `${filler}hnsCall failed in Win32: The remote procedure call failed. (0x6be)\n${filler}Exit Code: -1073741510\n${filler}找不到元素。\n`;
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(canonicals(text)).toEqual(['0x800706BE', '0xC000013A', '0x80070490']);
  });

  it('reads an uncatalogued code closing a Win32 report, and stays linear on adversarial runs of that form', () => {
    expect(canonicals('hcsshim::ImportLayer failed in Win32: something new. (0x3fe)')).toEqual(['0x800703FE']);
    // Not in a report (no "failed in Win32:" on its line, or not in parentheses): not a code.
    expect(canonicals('failed in Win32: x\nsee (0x3fe)')).toEqual([]);
    expect(canonicals('failed in Win32: x 0x3fe')).toEqual([]);
    // Many reports, long runs of spaces, tabs and newlines between them, repeated separators and control characters.
    const runs = [
      'failed in Win32: (0x3fe)'.repeat(20000),
      `failed in Win32:${' '.repeat(200000)}(0x3fe)`,
      `failed in Win32:${'\t'.repeat(100000)}${'('.repeat(100000)}0x3fe)`,
      `${'failed in Win32: :::: '.repeat(20000)}\n(0x3fe)`,
      `failed in Win32: \u0000\u001b[31m\u0007 (0x3fe)${'\n'.repeat(100000)}`,
    ];
    // The report is looked for in the 400 characters before the code: a code further from "failed in Win32:" is not read as one.
    expect(runs.map((t) => canonicals(t))).toEqual([['0x800703FE'], [], [], [], ['0x800703FE']]);
  });

  it('never throws on random text or random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(anyCodePoints(), fc.string()), (s) => {
        for (const f of find(s)) expect(f.canonical).toMatch(/^0x[0-9A-F]{8}$/);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const buf = Buffer.from(bytes);
        for (const s of [buf.toString('latin1'), buf.toString('utf8')]) for (const f of find(s)) expect(f.canonical).toMatch(/^0x[0-9A-F]{8}$/);
      }),
    );
  });

  it('finds a code wherever it is embedded in random text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(canonicals(`${a} (0x800705B4) ${b}`)).toContain('0x800705B4');
      }),
    );
  });
});

describe('the message index, grown as pastes reach it', () => {
  // Texts go into the index per two-letter start the first time a paste has a word starting so; what a paste
  // finds must not depend on what earlier pastes made the index hold.
  const texts = catalog.codes.flatMap((e) => Object.values(e.messages)).filter((m) => m.length >= 12);
  it('finds in a paste what a fresh index finds, whatever was read before', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...texts), { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(...texts), { minLength: 1, maxLength: 4 }), (before, now) => {
        const grown = buildCodeIndex(catalog.codes);
        extractCodes(before.join(' ... '), grown);
        const paste = `Error: ${now.join('\n  at: ')}`;
        expect(extractCodes(paste, grown)).toEqual(extractCodes(paste, buildCodeIndex(catalog.codes)));
      }),
      { numRuns: 60 },
    );
  });

  it('finds by comparing texts one by one what the trie finds', () => {
    const oneByOne = buildCodeIndex(catalog.codes, undefined, Infinity);
    const trie = buildCodeIndex(catalog.codes, undefined, 0);
    // Every message as written, shouted, with its spaces doubled, glued to a letter on either side, and cut short.
    const spellings = (m: string) => [m, m.toUpperCase(), m.replace(/ /g, ' \t '), `${m}x`, `x${m}`, `${m}.`, `(${m})!`, m.slice(0, -3)];
    for (const m of texts) for (const paste of spellings(m)) expect(extractCodes(paste, oneByOne), paste).toEqual(extractCodes(paste, trie));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...texts), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 6 }), (parts) => {
        const paste = parts.join(' ');
        expect(extractCodes(paste, oneByOne)).toEqual(extractCodes(paste, trie));
      }),
      { numRuns: 200 },
    );
    expect(oneByOne.texts.canonical).toHaveLength(1);
  });

  it('puts a group into the trie only after it has been tried PROBES_BEFORE_TRIE times', () => {
    const fresh = buildCodeIndex(catalog.codes);
    const line = 'hnsCall failed in Win32: The remote procedure call failed. (0x6be)';
    expect(extractCodes(line, fresh).map((f) => f.canonical)).toEqual(['0x800706BE']);
    expect(fresh.texts.canonical).toHaveLength(1);
    const many = Array.from({ length: PROBES_BEFORE_TRIE + 1 }, () => 'The remote procedure call failed.').join('\n');
    expect(extractCodes(many, fresh).map((f) => f.canonical)).toEqual(['0x800706BE']);
    expect(fresh.texts.canonical.length).toBeGreaterThan(1);
  });

  it('puts a group into the trie at once in a long paste, however few times it was tried', () => {
    const fresh = buildCodeIndex(catalog.codes);
    const long = `The remote procedure call${' \t'.repeat(3000)}failed. (0x6be)`;
    expect(extractCodes(long, fresh).map((f) => f.canonical)).toEqual(['0x800706BE']);
    expect(fresh.texts.canonical.length).toBeGreaterThan(1);
  });

  it('builds no branch for a paste of only a code', () => {
    const fresh = buildCodeIndex(catalog.codes);
    const pending = fresh.texts.pending.size;
    expect(extractCodes('0x800705B4', fresh).map((f) => f.canonical)).toEqual(['0x800705B4']);
    expect(fresh.texts.pending.size).toBe(pending);
    expect(fresh.texts.canonical).toHaveLength(1);
  });
});
