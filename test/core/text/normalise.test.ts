import { describe, expect, it, test } from 'vitest';
import {
  alphanumericKey,
  collapseSpace,
  foldCodeUnit,
  foldForMatching,
  foldMessage,
  isFoldSpace,
  joinSoftBreaks,
  lowerCaseOf,
  normaliseFileText,
  normaliseLineEnds,
  removeControls,
  spanAsWritten,
  stripEscapeSequences,
} from '../../../src/core/text/normalise.js';

describe('normaliseLineEnds', () => {
  test.each([
    ['CRLF', 'a\r\nb', 'a\nb'],
    ['lone CR (Enter in a terminal)', 'a\rb\r', 'a\nb\n'],
    ['LF kept', 'a\nb', 'a\nb'],
    ['CR CR LF: the first CR alone, then CRLF', 'a\r\r\nb', 'a\n\nb'],
    ['LF CR: two line ends', 'a\n\rb', 'a\n\nb'],
    ['no line end', 'abc', 'abc'],
  ])('%s', (_, input, expected) => expect(normaliseLineEnds(input)).toBe(expected));
});

describe('stripEscapeSequences', () => {
  test.each([
    ['SGR colour', '\u001b[31mred\u001b[0m', 'red'],
    ['CSI with private parameters (bracketed paste on)', 'a\u001b[?2004hb', 'ab'],
    ['CSI with intermediate bytes (cursor style)', 'a\u001b[2 qb', 'ab'],
    ['OSC ended by BEL (window title)', 'a\u001b]0;title\u0007b', 'ab'],
    ['OSC ended by ST (hyperlink)', '\u001b]8;;https://x\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['OSC 52 (clipboard write)', 'x\u001b]52;c;ZXZpbA==\u0007y', 'xy'],
    ['two-character escape (reverse index)', 'a\u001bMb', 'ab'],
    ['a lone ESC at the end stays (removeControls takes it)', 'a\u001b', 'a\u001b'],
    ['an unfinished OSC loses its introducer (ESC ] is a two-character escape)', 'a\u001b]0;title', 'a0;title'],
    ['text only', 'plain text', 'plain text'],
  ])('%s', (_, input, expected) => expect(stripEscapeSequences(input)).toBe(expected));
});

describe('removeControls', () => {
  test.each([
    ['C0 controls', 'a\u0000b\u0007c\u001bd', '', 'abcd'],
    ['DEL and C1 (8-bit CSI, OSC)', 'a\u007fb\u009bc\u009dd', '', 'abcd'],
    ['line feed and tab removed when not kept', 'a\nb\tc', '', 'abc'],
    ['line feed kept when asked', 'a\nb\u0007', '\n', 'a\nb'],
    ['printable text untouched (NBSP, CJK, emoji)', 'a\u00a0找不到 👍', '', 'a\u00a0找不到 👍'],
    ['line feeds kept, and no other control', 'a\nb\n\nc\u0080', '\n', 'a\nb\n\nc'],
    ['line feeds only, kept', 'a\nb\n', '\n', 'a\nb\n'],
    ['a tab beside kept line feeds', 'a\n\tb', '\n', 'a\nb'],
  ])('%s', (_, input, keep, expected) => expect(removeControls(input, keep)).toBe(expected));
});

describe('collapseSpace', () => {
  test.each([
    ['runs of spaces, tabs and line ends', 'a  b\t\tc\n\nd', 'a b c d'],
    ['trimmed', '  a b  ', 'a b'],
    ['no-break and ideographic spaces count', 'a\u00a0\u3000b', 'a b'],
    ['case kept', 'Element Not Found', 'Element Not Found'],
    ['only white space', ' \n\t ', ''],
  ])('%s', (_, input, expected) => expect(collapseSpace(input)).toBe(expected));
});

describe('foldForMatching', () => {
  test.each([
    ['case and spacing', '  Element\n  NOT   found ', 'element not found'],
    ['punctuation kept', 'Error: 0x800705B4.', 'error: 0x800705b4.'],
    ['non-Latin scripts', 'Åtkomst NEKAD', 'åtkomst nekad'],
    ['CJK unchanged', '找不到 元素', '找不到 元素'],
    ['curly quotes kept (unlike foldMessage)', 'don’t', 'don’t'],
  ])('%s', (_, input, expected) => expect(foldForMatching(input)).toBe(expected));
});

describe('spanAsWritten', () => {
  test.each([
    ['case kept', 'Error: hnsCall failed in Win32: x', 'hnscall failed in win32', 'hnsCall failed in Win32'],
    ['a line break and spaces between words become one space', 'HNSCall\n   failed', 'hnscall failed', 'HNSCall failed'],
    ['the first stretch that folds whole', 'hns x HNS Failed', 'hns failed', 'HNS Failed'],
    ['non-Latin scripts', 'Fel: ÅTKOMST nekad', 'åtkomst nekad', 'ÅTKOMST nekad'],
    ['words run together are no match', 'hnscallfailed', 'hnscall failed', undefined],
    ['absent', 'nothing here', 'element not found', undefined],
    ['a text whose lower case is longer (İ)', 'İ hnsCall failed', 'hnscall failed', undefined],
  ])('%s', (_, text, folded, expected) => expect(spanAsWritten(text, folded)).toBe(expected));

  test('lowerCaseOf gives the lower case of whichever text it is asked, remembering the last one', () => {
    expect(lowerCaseOf('ABC Déf')).toBe('abc déf');
    expect(lowerCaseOf('ABC Déf')).toBe('abc déf');
    expect(lowerCaseOf('XyZ')).toBe('xyz');
  });

  test('what it returns folds back to what was asked', () => {
    const text = 'docker: Error response from daemon: hcsshim::CreateComputeSystem 42: The Requested operation TIMED OUT.';
    for (const folded of ['error response from daemon', 'the requested operation timed out.', 'hcsshim::createcomputesystem 42:'])
      expect(foldForMatching(spanAsWritten(text, folded) ?? '')).toBe(folded);
  });
});

describe('alphanumericKey', () => {
  test.each([
    ['release name', 'Windows Server 2019', 'windowsserver2019'],
    ['dashes and case', 'Network-Create', 'networkcreate'],
    ['parentheses and dots', 'Version 1809 (OS build 17763.1)', 'version1809osbuild177631'],
    ['non-ASCII letters dropped', 'Größe', 'gre'],
    ['empty', '', ''],
  ])('%s', (_, input, expected) => expect(alphanumericKey(input)).toBe(expected));
});

describe('foldMessage', () => {
  test.each([
    ['case, spaces and the final full stop', '  Element   not\nfound. ', 'element not found'],
    ['ideographic full stop', '找不到元素。', '找不到元素'],
    ['curly apostrophe', 'L’opération a été annulée', "l'opération a été annulée"],
    ['every final punctuation mark of the catalogue', 'Zugriff verweigert!:;．', 'zugriff verweigert'],
    ['inner punctuation kept', 'The file exists. Retry.', 'the file exists. retry'],
    ['no-break and typographic spaces', 'a\u00a0b\u2009c\u3000d', 'a b c d'],
    ['only white space', '\t \n', ''],
  ])('%s', (_, input, expected) => expect(foldMessage(input)).toBe(expected));

  test('agrees unit for unit with foldCodeUnit and isFoldSpace (what the message scanner uses)', () => {
    const text = 'L’Opération  A\u00a0ÉCHOUÉ';
    let scanned = '';
    let space = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isFoldSpace(c)) space = scanned.length > 0;
      else {
        scanned += (space ? ' ' : '') + String.fromCharCode(foldCodeUnit(c));
        space = false;
      }
    }
    expect(foldMessage(text)).toBe(scanned);
  });
});

describe('foldCodeUnit', () => {
  test.each([
    ['ASCII upper case', 'A', 'a'],
    ['ASCII lower case and digits', '7', '7'],
    ['Latin-1 upper case', 'É', 'é'],
    ['Cyrillic', 'Д', 'д'],
    ['right single quotation mark', '’', "'"],
    ['left single quotation mark', '‘', "'"],
    ['a letter whose lower case is two units stays', 'İ', 'İ'],
  ])('%s', (_, input, expected) => expect(String.fromCharCode(foldCodeUnit(input.charCodeAt(0)))).toBe(expected));
});

describe('normaliseFileText', () => {
  test.each([
    ['byte-order mark and CRLF', '\uFEFFa\r\nb', 'a\nb'],
    ['a mark inside the text stays', 'a\uFEFFb', 'a\uFEFFb'],
    ['only the first mark goes', '\uFEFF\uFEFFa', '\uFEFFa'],
    ['no mark', 'a\rb', 'a\nb'],
  ])('%s', (_, input, expected) => expect(normaliseFileText(input)).toBe(expected));
});

describe('joinSoftBreaks', () => {
  it.each([
    ['a second port mapping\non the same host', 'a second port mapping on the same host'],
    ['ends with blanks  \n  and starts with some', 'ends with blanks and starts with some'],
    ['第二个端口\n映射', '第二个端口映射'],
    ['已有。\n（例如', '已有。（例如'],
    ['重叠 Windows\n容器', '重叠 Windows 容器'],
    ['컨테이너가\n시작되지 않습니다', '컨테이너가 시작되지 않습니다'],
    ['no break', 'no break'],
    ['\nat the edges\n', ' at the edges '],
  ])('%j → %j', (text, joined) => {
    expect(joinSoftBreaks(text)).toBe(joined);
  });
});

describe('joinSoftBreaks on adversarial text', () => {
  // Each blank read a bounded number of times: a pattern that retried a run of blanks from each of them (the first
  // version) would not end within the test's time on these (found by the regex checker: 3,049 blanks took 6.6 ms).
  it('ends on long runs of blanks with or without line feeds', () => {
    expect(joinSoftBreaks(' '.repeat(200_000))).toBe(' '.repeat(200_000));
    expect(joinSoftBreaks(`x${' '.repeat(100_000)}\n${'\t'.repeat(100_000)}y`)).toBe('x y');
    expect(joinSoftBreaks('a \n'.repeat(100_000))).toBe(`${'a '.repeat(100_000)}`);
    expect(joinSoftBreaks('\n'.repeat(200_000))).toBe(' '.repeat(200_000));
  });
});
