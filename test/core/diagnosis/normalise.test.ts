import fc from 'fast-check';
import { anyCodePoints } from '../../helpers/arbitraries.js';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, excerptOf, flattenForMatching, focusLines, joinWrappedWords, lineTemplate, normalisePaste, reduceLargePaste, repairMojibake, unescapeJsonishTwice, unquoteMarkdown, withoutLineTimestamps } from '../../../src/core/diagnosis/normalise.js';
import { foldForMatching } from '../../../src/core/text/normalise.js';

describe('normalisePaste', () => {
  it.each([
    ['ANSI colours', '\u001b[31mError response from daemon\u001b[0m: \u001b[1mboom\u001b[22m', 'Error response from daemon: boom'],
    ['OSC hyperlinks', '\u001b]8;;https://x\u0007link\u001b]8;;\u0007', 'link'],
    ['CRLF and lone CR', 'a\r\nb\rc', 'a\nb\nc'],
    ['JSON-escaped quotes and backslashes', '{\\"Path\\":\\"C:\\\\\\\\ProgramData\\\\\\\\docker\\"}', '{"Path":"C:\\ProgramData\\docker"}'],
    ['escaped newlines inside an event message', 'Error: failed\\nElement not found.', 'Error: failed\nElement not found.'],
    ['unicode escapes', 'caf\\u00e9', 'café'],
    ['a Windows path keeps its \\n, \\t and \\r', 'no network config found in C:\\etc\\cni\\net.d: cni plugin not initialized', 'no network config found in C:\\etc\\cni\\net.d: cni plugin not initialized'],
    ['a path and an escaped newline after it', 'C:\\tools\\nat.exe failed\\nnext line', 'C:\\tools\\nat.exe failed\nnext line'],
    ['a JSON-escaped path (escaped once)', '{"conf":"C:\\\\etc\\\\cni\\\\net.d"}', '{"conf":"C:\\etc\\cni\\net.d"}'],
    ['a JSON-escaped path inside escaped JSON', '{\\"conf\\":\\"C:\\\\\\\\etc\\\\\\\\net.d\\"}', '{"conf":"C:\\etc\\net.d"}'],
    ['an escape inside a word is still one', 'foo\\nbar', 'foo\nbar'],
    // Found by a helper: the rooted path a tool quotes in single quotes read as a tab and "est1".
    ['a rooted path in single quotes keeps its \\t', "invalid volume specification: '\\test1'", "invalid volume specification: '\\test1'"],
    ['a closing single quote before an escape leaves it one', "can't find 'x'\\nnext", "can't find 'x'\nnext"],
    ['NUL and other control characters', 'a\u0000b\u0007c', 'a b c'],
  ])('%s', (_name, input, expected) => {
    expect(normalisePaste(input)).toBe(expected);
  });

  it('repairs UTF-8 read as Latin-1 or Windows-1252', () => {
    const mangle = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));
    expect(repairMojibake(mangle('找不到元素。'))).toBe('找不到元素。');
    expect(normalisePaste(`Fehler: ${mangle('Zeitüberschreitung')}`)).toBe('Fehler: Zeitüberschreitung');
    expect(normalisePaste('Ã©tÃ©')).toBe('été');
    expect(repairMojibake('plain Ä text')).toBe('plain Ä text');
  });

  it('decodes bytes as TextDecoder does with fatal errors: the same text, or none where it refuses them (the repair decodes runs so, an attacker helper found TextDecoder slow on many)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const expectSame = (bytes: number[]) => {
      let want: string | undefined;
      try {
        want = strict.decode(new Uint8Array(bytes));
      } catch {
        want = undefined;
      }
      expect(decodeUtf8(bytes), JSON.stringify(bytes)).toBe(want);
    };
    // Edges: overlong forms, surrogates, past U+10FFFF, cut sequences, stray continuations, the largest of each length.
    for (const bytes of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xdf, 0xbf], [0xef, 0xbf, 0xbf], [0xf4, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xef, 0xbb, 0xbf, 0xc3, 0xa9], [0xef, 0xbb, 0xbf], [0xc3, 0xa9, 0xef, 0xbb, 0xbf]]) expectSame(bytes);
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }), expectSame), { numRuns: 3000 });
    // And whole texts encoded, which must come back.
    fc.assert(fc.property(anyCodePoints({ maxLength: 40 }), (text) => expectSame([...new TextEncoder().encode(text)])), { numRuns: 500 });
  });

  it('never throws on random or binary input', () => {
    fc.assert(
      fc.property(anyCodePoints({ maxLength: 400 }), (s) => {
        const out = normalisePaste(s);
        expect(typeof out).toBe('string');
        expect(typeof flattenForMatching(out)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('unescapeJsonishTwice', () => {
  it('reads a text a part at a time as it reads the whole (parts end at line ends)', () => {
    // Escapes, quotes, Windows paths and line ends, so that parts end next to all of them.
    const chars = fc.constantFrom('\\', '\\', '"', "'", 'n', 'r', 't', 'u', '0', '0a', '00e9', 'C:', 'x', ' ', ':', '(', '\n', '\n');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 120 }), fc.integer({ min: 1, max: 24 }), (cs, part) => {
        const text = cs.join('');
        expect(unescapeJsonishTwice(text, part)).toBe(unescapeJsonishTwice(text, Number.POSITIVE_INFINITY));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('normalisePaste: quotes and entities as the tools print them', () => {
  it('reads typographic quotes as ASCII ones (a paste that went through a mail or a word processor)', () => {
    expect(normalisePaste('image operating system \u201cwindows\u201d cannot be used; L\u2019acc\u00e8s')).toBe('image operating system "windows" cannot be used; L\'acc\u00e8s');
  });
  it('reads the HTML entities of quotes, brackets and spaces, and never makes a control character of one', () => {
    expect(normalisePaste('image operating system &quot;windows&quot; &amp;&lt;x&gt;&#39;&nbsp;')).toBe('image operating system "windows" &<x>\' ');
    expect(normalisePaste('&#27;[31m red &#x1b;')).toBe('&#27;[31m red &#x1b;');
  });
});

describe('withoutLineTimestamps', () => {
  it("takes off the ISO time a CI runner or kubectl --timestamps puts before every line", () => {
    const log = '2024-05-01T10:00:00.1234567Z docker: Error response from daemon: The container operating system does not match the\n2024-05-01T10:00:00.1240000Z host operating system.\n\n2024-05-01 10:00:01,5 done';
    expect(withoutLineTimestamps(log)).toBe('docker: Error response from daemon: The container operating system does not match the\nhost operating system.\n\ndone');
  });
  it('leaves a paste alone when one line has no time, or only one line has one', () => {
    expect(withoutLineTimestamps('2024-05-01T10:00:00Z started\nError: failed')).toBe('2024-05-01T10:00:00Z started\nError: failed');
    expect(withoutLineTimestamps('2024-05-01T10:00:00Z started')).toBe('2024-05-01T10:00:00Z started');
  });
});

describe('unquoteMarkdown', () => {
  it('takes the quote marks off a paste quoted as Markdown, nested ones too, and keeps its empty lines', () => {
    expect(unquoteMarkdown('> The container operating system does not match the\n> host operating system.')).toBe('The container operating system does not match the\nhost operating system.');
    expect(unquoteMarkdown('> > quoted twice\n>\n> > again')).toBe('quoted twice\n\nagain');
    expect(unquoteMarkdown('> first\n\n> second')).toBe('first\n\nsecond');
  });
  it('leaves a paste alone when some line is not quoted (a PowerShell continuation prompt among others)', () => {
    expect(unquoteMarkdown('PS C:\\> docker run `\n>> -it nanoserver')).toBe('PS C:\\> docker run `\n>> -it nanoserver');
    expect(unquoteMarkdown('> quoted\nnot quoted')).toBe('> quoted\nnot quoted');
  });
});

describe('flattenForMatching', () => {
  it('joins a word cut by console wrapping and folds white space', () => {
    const wrapped = `${'x'.repeat(70)} operating syste\nm of the host.   (0xc0370101)`;
    expect(flattenForMatching(wrapped)).toContain('operating system of the host. (0xc0370101)');
  });
  it('keeps separate short lines apart', () => {
    expect(flattenForMatching('State: Waiting\nReason: CrashLoopBackOff')).toBe('state: waiting reason: crashloopbackoff');
  });
  it("joins every line of the window's width to the next, as the window cut it, when two lines or more show that width", () => {
    const line = 'docker: Error response from daemon: container 7f70 encountered an error during CreateContainer: failure in a Windows system call: The container operating system does not match the host operating system.';
    const at120 = line.match(/.{1,120}/g)!.join('\n');
    const text = `${at120}\n${at120}`;
    expect(joinWrappedWords(text)).toBe(`${line}\n${line}`);
    // A drawn table's rows of that width stay rows.
    const row = `| ${'x'.repeat(116)} |`;
    expect(joinWrappedWords(`${row}\n${row}\n${row}`)).toBe(`${row}\n${row}\n${row}`);
  });
  it("joins one line cut once where its length is a terminal's usual width (80, 120, …), and no other single long line", () => {
    const line = 'unable to configure the Docker daemon with file C:\\ProgramData\\docker\\config\\daemon.json: the following directives don\'t match any configuration option: http-proxy';
    for (const width of [80, 120]) {
      const cut = line.match(new RegExp(`.{1,${width}}`, 'g'))!;
      expect(cut.filter((l) => l.length === width)).toHaveLength(width === 80 ? 2 : 1);
      expect(joinWrappedWords(cut.join('\n'))).toBe(line);
    }
    // A long line of another length is a line as written; one of a usual width that ends whole, before a capital, too.
    const own = `${'x'.repeat(90)} failed:\n match the rest`;
    expect(joinWrappedWords(own)).toBe(own);
    const whole = `${'x'.repeat(79)}.\nThe next line`;
    expect(whole.indexOf('\n')).toBe(80);
    expect(joinWrappedWords(whole)).toBe(whole);
  });
  it('joins the lines the window cut before undoing escapes, so a path the cut split keeps its backslashes', () => {
    // kubelet quotes one path (`"C:\\\\ProgramData"`, escaped) and not the next; the window cuts the second at `\\c|ontainerd\\root`.
    const head = 'failed to remove container root directory "C:\\\\ProgramData\\\\containerd": remove C:\\ProgramData\\c';
    const first = `${'x'.repeat(120 - head.length - 1)} ${head}`;
    expect(first).toHaveLength(120);
    const text = normalisePaste(`${first}\nontainerd\\root\\io.containerd.grpc.v1.cri\\containers\\8d1f\\status: The process cannot access the file`);
    expect(text).toContain('remove C:\\ProgramData\\containerd\\root\\io.containerd');
    expect(text).not.toContain('containerdoot');
  });
  it("keeps apart two lines that only happen to share a length, where the first ends whole and the next starts anew", () => {
    // A PowerShell error record: the message line and the CategoryInfo line are both 93 characters long.
    const message = 'Enable-WindowsOptionalFeature : Enable-WindowsOptionalFeature failed. Error code = 0x800f0950';
    const info = '    + CategoryInfo          : NotSpecified: (:) [Enable-WindowsOptionalFeature], COMException';
    expect(message.length).toBe(info.length);
    const text = `${message}\nAt line:1 char:1\n${info}\n    + FullyQualifiedErrorId : Microsoft.Dism.Commands.EnableWindowsOptionalFeatureCommand`;
    expect(joinWrappedWords(text)).toContain('Error code = 0x800f0950\nAt line:1 char:1');
    // The same width cutting a word still joins it.
    const cut = `${'x'.repeat(70)} failed. Error code = 0x800f09`;
    expect(joinWrappedWords(`${cut}\n50 at step\nDone.\n${cut}\n50 at step`)).toBe(`${cut}50 at step\nDone.\n${cut}50 at step`);
  });
  it('keeps the break after a whole short word, where the copy dropped a space, and joins a word cut elsewhere', () => {
    const head = `DockerDo : docker.exe: Error response from daemon: CreateComputeSystem ${'a'.repeat(40)}: The container operating system does not match the`;
    expect(joinWrappedWords(`${head}\nhost operating system.`)).toBe(`${head}\nhost operating system.`);
    const code = `E0312 09:14:22.118402 4412 main.go:330] error registering network: hcnCreateNetwork returned hcn error 2151350327`;
    expect(joinWrappedWords(`${code}\nnpm ERR! code ELIFECYCLE`)).toBe(`${code}\nnpm ERR! code ELIFECYCLE`);
    const hash = `"LayerFolderPath":"C:\\ProgramData\\docker\\windowsfilter\\af1a50df1a744fd08dd93fee715c636bd0192f09aa8fab9eb083c424d7940`;
    expect(joinWrappedWords(`${hash}\nce4"`)).toBe(`${hash}ce4"`);
    // A tool's next record (git's "fatal:", "error:", "hint:") starts a line of its own.
    const git = 'error: unable to create file src/main/java/com/example/some/very/long/package/ImplementationClass.java: Filename too long';
    expect(joinWrappedWords(`${git}\nfatal: cannot create directory at 'src/main': Filename too long`)).toBe(`${git}\nfatal: cannot create directory at 'src/main': Filename too long`);
    // … and so does the docker client's "docker:" after the command line it ran (an image name is not cut by it).
    const run = 'PS C:\\> docker run --rm --isolation=process mcr.microsoft.com/windows/servercore:1803 cmd /c ver';
    expect(joinWrappedWords(`${run}\ndocker: Error response from daemon: Windows client operating systems earlier than version 1809 can only run Hyper-V containers.`)).toBe(`${run}\ndocker: Error response from daemon: Windows client operating systems earlier than version 1809 can only run Hyper-V containers.`);
    const cut = `failed to register layer: re-exec error: exit status 1: output: hcsshim::ImportL`;
    expect(joinWrappedWords(`${cut}\nayer failed in Win32: Access is denied. (0x5)`)).toBe(`${cut}ayer failed in Win32: Access is denied. (0x5)`);
  });
  // The joins run only where a line can have been wrapped (mayBeWrapped); the result is what they give everywhere.
  const always = (text: string) => foldForMatching(joinWrappedWords(text, { ungated: true }));
  it.each([
    ['one line', '0x800705B4'],
    ['a 78-character line', `${'a'.repeat(77)}b\nc`],
    ['a 79-character line', `${'a'.repeat(78)}b\nc`],
    ['a 79-character line after a CR', `x\r${'a'.repeat(78)}b\nc`],
    ['a 79-character line with U+2028 in it', `${'a'.repeat(40)}\u2028${'a'.repeat(38)}b\nc`],
    ['astral characters', `${'\u{1F600}'.repeat(40)}b\nc`],
    ['a long line at the end, no line feed', `x\n${'a'.repeat(200)}`],
  ])('gives what the pattern alone gives: %s', (_what, text) => {
    expect(flattenForMatching(text)).toBe(always(text));
  });
  it('gives what the pattern alone gives, for any text of letters, digits, spaces and line breaks', () => {
    const chars = fc.constantFrom('a', 'Z', '7', 'é', '中', ' ', '\n', '\r', '\u2028', '.', '\u{1F600}');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 400 }), fc.integer({ min: 60, max: 100 }), (cs, run) => {
        const text = `${'w'.repeat(run)}${cs.join('')}`;
        expect(flattenForMatching(text)).toBe(always(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('focusLines and reduceLargePaste: a long log keeps its last error', () => {
  // Found in the app: 600 warning lines (94 KB) before the error filled the budget, and the error was never read.
  const warning = (i: number) => `2024-05-01T10:${String(i).padStart(5, '0')} level=warning msg="retrying pull of layer sha256:${(i * 7919).toString(16).padStart(64, 'a')}, connection timeout"`;
  const error = 'Error response from daemon: hcsshim::CreateComputeSystem: The container operating system does not match the host operating system. (0xc0370101)';
  const log = (n: number) => [...Array.from({ length: n }, (_, i) => warning(i)), error].join('\n');

  it.each([600, 3000, 30000])('%i warning lines, then the error: the error is kept, in its place at the end', (n) => {
    const f = focusLines(log(n));
    expect(f.length).toBeLessThanOrEqual(65536);
    expect(f.split('\n').at(-1)).toBe(error);
    const r = reduceLargePaste(log(n), 64 * 1024);
    expect(r.split('\n').at(-1)).toBe(error);
  });

  it('a line that repeats another with other numbers, ids or times is kept once; other codes are other lines', () => {
    expect(lineTemplate('12:00:01 retry 3 of layer 3f2a9c1e4b5d6f7a8b9c0d1e failed')).toBe(lineTemplate('12:00:07 retry 4 of layer 0d1e3f2a9c1e4b5d6f7a8b9c failed'));
    expect(lineTemplate('failed (0x80070005)')).not.toBe(lineTemplate('failed (0x80070002)'));
    const f = focusLines(`${log(3000)}\nnetwork create failed (0x803b0013)`);
    expect(f.match(/level=warning/g)).toHaveLength(1);
    expect(f).toContain(error);
    expect(f).toContain('(0x803b0013)');
  });

  it('reads a long line at its start and around its last failure marker: an error far into one line is kept (found by a helper)', () => {
    // `Get-WinEvent … | ConvertTo-Json -Compress`: one 92 KB line whose last record holds the error.
    const records = Array.from({ length: 700 }, (_, i) => `{"Id":${i},"Message":"${'ok '.repeat(36).trim()}"}`);
    const doc = `[${[...records, `{"Id":1,"Message":"${error}"}`].join(',')}]`;
    for (const text of [doc, `hcsshim::CreateComputeSystem web: ${'x'.repeat(70_000)} ${error}`, `${' '.repeat(999_000)}${error}`]) {
      const f = focusLines(text);
      expect(f.length).toBeLessThanOrEqual(65536);
      expect(f).toContain('(0xc0370101)');
      expect(f).toContain('does not match the host operating system');
      expect(reduceLargePaste(text, 64 * 1024)).toContain('(0xc0370101)');
    }
    // A line without any marker is read at its start, as before.
    expect(excerptOf('a'.repeat(10_000), 4000)).toBe('a'.repeat(4000));
    expect(excerptOf('short', 4000)).toBe('short');
  });

  it('keeps the first failure as well as the last, failures before warnings, and the order of the paste', () => {
    const first = 'docker: Error response from daemon: failed to create endpoint web on network nat: hnsCall failed in Win32 (0x6be)';
    const lines = [first, ...Array.from({ length: 20000 }, (_, i) => `W${i} some warning about ${i}`), ...Array.from({ length: 20000 }, (_, i) => `I${i} ok ${i}`), error];
    const f = focusLines(lines.join('\n'), 4096);
    expect(f.startsWith(first)).toBe(true);
    expect(f.endsWith(error)).toBe(true);
    const kept = f.split('\n');
    expect(kept.map((l) => lines.indexOf(l))).toEqual([...kept.map((l) => lines.indexOf(l))].sort((a, b) => a - b));
  });
});

describe('focusLines', () => {
  it('keeps small pastes whole and bounds large ones to the lines that carry evidence', () => {
    expect(focusLines('hello')).toBe('hello');
    const noise = Array.from({ length: 40000 }, (_, i) => `I1122 kubelet.go:${i}] sync ok ${i}`).join('\n');
    const big = `${noise}\nError response from daemon: hnsCall failed in Win32: The remote procedure call failed. (0x6be)\n${noise}`;
    const f = focusLines(big);
    expect(f.length).toBeLessThanOrEqual(65536);
    expect(f).toContain('hnsCall failed in Win32');
  });
});
