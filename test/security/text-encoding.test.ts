import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_STDIN_BYTES, readAll, run } from '../../src/cli/main.js';
import { UserError } from '../../src/core/errors.js';
import { decodeText } from '../../src/core/text/decode-text.js';
import { fakeIO, runCli } from '../helpers/cli-io.js';

// Issue 11, item 9: a paste saved by Windows PowerShell 5.1 (`Out-File`, `>`) is UTF-16LE with a BOM; read as
// UTF-8 it is "\uFFFD\uFFFDE\0r\0r\0…" and diagnosis finds nothing. Standard input is also capped at 50 MiB.

const PASTE = 'docker: Error response from daemon: container 1f encountered an error during CreateContainer: failure in a Windows system call: 此操作返回，因为超时期限已过。 (0x5b4)';

const utf16le = (s: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
};
const utf8bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]);

describe('decodeText: the encodings Windows tools write', () => {
  it.each([
    ['UTF-16LE with a BOM (PowerShell 5.1 Out-File)', utf16le(PASTE)],
    ['UTF-16BE with a BOM', utf16be(PASTE)],
    ['UTF-8 with a BOM', utf8bom(PASTE)],
    ['UTF-8 without a BOM', Buffer.from(PASTE, 'utf8')],
  ])('%s decodes to the text, BOM dropped', (_name, bytes) => {
    expect(decodeText(new Uint8Array(bytes))).toBe(PASTE);
  });

  it('reads Latin text in UTF-16 without a BOM (a tool that writes none, a file cut after it), either byte order', () => {
    const text = 'docker: Error response from daemon: The requested operation timed out (0x800705B4).\r\n';
    expect(decodeText(utf16le(text, false))).toBe(text);
    expect(decodeText(new Uint8Array(Buffer.from(text, 'utf16le').swap16()))).toBe(text);
    // With a few non-Latin characters among them, still.
    expect(decodeText(utf16le(`Zeitüberschreitung 超时 ${text}`, false))).toBe(`Zeitüberschreitung 超时 ${text}`);
    // UTF-8 has no zero bytes to mistake, and one stray zero does not make text UTF-16.
    expect(decodeText(Buffer.from(`a\u0000b ${text}`, 'utf8'))).toBe(`a\u0000b ${text}`);
    expect(decodeText(Buffer.from('AB', 'utf8'))).toBe('AB');
  });

  it('keeps characters outside the BMP and CRLF line ends in UTF-16', () => {
    const text = 'line 1 😀\r\nline 2 한국어\r\n';
    expect(decodeText(utf16le(text))).toBe(text);
    expect(decodeText(utf16be(text))).toBe(text);
  });

  it('never throws: empty input, a lone BOM, an odd trailing byte, invalid UTF-8', () => {
    expect(decodeText(new Uint8Array())).toBe('');
    expect(decodeText(new Uint8Array([0xff, 0xfe]))).toBe('');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))).toBe('A\uFFFD');
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x42]))).toBe('A\uFFFD');
    expect(decodeText(new Uint8Array([0x41, 0xc3, 0x28]))).toBe('A\uFFFD(');
  });
});

describe('standard input: decoded and bounded (readAll)', () => {
  it('reads a UTF-16LE paste in pieces, even one split inside a character', async () => {
    const bytes = utf16le(PASTE);
    const pieces = [bytes.subarray(0, 1), bytes.subarray(1, 7), bytes.subarray(7)];
    await expect(readAll(Readable.from(pieces))).resolves.toBe(PASTE);
  });

  it('a UTF-16LE file given to diagnose - finds the issue it describes', async () => {
    const text = await readAll(Readable.from([utf16le(PASTE)]));
    const r = await runCli(['diagnose', '--json', '-'], { stdin: text });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { matches: { id: string }[] }).matches[0]?.id).toBe('processor-count-start-timeout');
  });

  it('stops reading past 50 MiB and refuses with a usage error, without buffering the rest', async () => {
    expect(MAX_STDIN_BYTES).toBe(50 * 1024 * 1024);
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let produced = 0;
    const endless = new Readable({
      read() {
        produced++;
        this.push(chunk);
      },
    });
    const error = await readAll(endless).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toMatch(/larger than 50 MiB/);
    expect(produced).toBeLessThan(60);
    expect(endless.destroyed).toBe(true);
  });

  it('the refusal reaches the user as a message and exit 2, never a stack trace', async () => {
    const f = fakeIO();
    const code = await run(['diagnose', '-'], { ...f.io, readStdin: () => readAll(Readable.from([Buffer.alloc(2048, 0x61)]), 1024) });
    expect(code).toBe(2);
    expect(f.stderr()).toMatch(/^wcdoctor diagnose: standard input is larger than 1024 bytes/);
    expect(f.stderr()).not.toMatch(/\n\s+at /);
  });
});
