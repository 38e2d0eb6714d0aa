import fc from 'fast-check';
import { anyCodePoints } from '../../helpers/arbitraries.js';
import { describe, expect, it, test } from 'vitest';
import { parseCodeCatalog } from '../../../src/core/diagnosis/code-catalog.js';
import { explainCode, type Explanation } from '../../../src/core/diagnosis/explain-code.js';
import { buildCodeIndex } from '../../../src/core/diagnosis/parse-error-code.js';
import { realKnowledgeInput } from '../../helpers/real-kb.js';

const index = buildCodeIndex(parseCodeCatalog(realKnowledgeInput().codes).codes);
const explain = (input: string): Explanation => {
  const r = explainCode(input, index);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('explainCode reads every spelling of a code', () => {
  test.each([
    ['0x800705B4', 'hex'],
    ['0x800705b4', 'hex'],
    ['800705B4', 'hex'],
    ['800705b4', 'hex'],
    ['0x5b4', 'short-hex'],
    ['(0x5b4)', 'short-hex'],
    ['1460', 'decimal'],
    ['2147943860', 'decimal'],
    ['-2147023436', 'signed-decimal'],
    ['ERROR_TIMEOUT', 'symbolic-name'],
    ['error_timeout', 'symbolic-name'],
    ['  0x800705B4  ', 'hex'],
  ])('%j → 0x800705B4', (input, readAs) => {
    const x = explain(input);
    expect(x).toMatchObject({
      input,
      readAs,
      canonical: '0x800705B4',
      hex: '0x800705B4',
      unsigned: 2147943860,
      signed: -2147023436,
      severity: 'error',
      facility: { code: 7, name: 'WIN32' },
      code: 0x5b4,
      win32: 1460,
      kind: 'win32',
      known: true,
      names: ['ERROR_TIMEOUT'],
      equivalents: [],
    });
    expect(x.ntstatus).toBeUndefined();
  });

  it('gives English and the localised messages with their languages', () => {
    const x = explain('1460');
    expect(x.messages.en).toBe('This operation returned because the timeout period expired.');
    expect(x.messages.de).toBe('Dieser Vorgang wurde wegen Zeitüberschreitung zurückgegeben.');
    expect(x.messages['zh-CN']).toBe('由于超时时间已过，该操作返回。');
    expect(explain('ERROR_NOT_FOUND').messages['zh-CN']).toBe('找不到元素。');
    expect(explain('1223').messages['sv-SE']).toBe('Åtgärden avbröts av användaren.');
  });
});

describe('explainCode on HCS, HCN and NTSTATUS codes', () => {
  it('links the two HCS encodings and decodes the NTSTATUS view', () => {
    const v1 = explain('0xc0370101');
    expect(v1).toMatchObject({
      canonical: '0xC0370101',
      unsigned: 3224830209,
      signed: -1070137087,
      kind: 'hcs',
      facility: { code: 0x37, name: 'USERMODE_VIRTUALIZATION' },
      names: ['ERROR_VMCOMPUTE_IMAGE_MISMATCH'],
      equivalents: ['0x80370101'],
      ntstatus: { severity: 'error', facility: 0x37, code: 0x101 },
    });
    expect(v1.win32).toBeUndefined();
    expect(explain('HCS_E_IMAGE_MISMATCH')).toMatchObject({ canonical: '0x80370101', equivalents: ['0xC0370101'], signed: -2143878911 });
  });

  it('borrows the message of the twin when a code has none of its own', () => {
    expect(explain('0xC0370106').messages.en).toBe('The virtual machine or container exited unexpectedly');
  });

  it('keeps the HCS codes that have no twin apart', () => {
    expect(explain('0xC0370103')).toMatchObject({ names: ['ERROR_VMCOMPUTE_OPERATION_PENDING'], equivalents: [], messages: {} });
    expect(explain('0x8037011F')).toMatchObject({ names: ['HCS_E_PROCESS_ALREADY_STOPPED'], equivalents: [] });
  });

  test.each([
    ['2151350293', '0x803B0015', 'HCN_E_REQUEST_UNSUPPORTED', 'USERMODE_HNS'],
    ['-2143617005', '0x803B0013', 'HCN_E_PORT_ALREADY_EXISTS', 'USERMODE_HNS'],
    ['-1073741510', '0xC000013A', 'STATUS_CONTROL_C_EXIT', 'NTSTATUS'],
    ['3221225786', '0xC000013A', 'STATUS_CONTROL_C_EXIT', 'NTSTATUS'],
    ['STATUS_IO_REPARSE_TAG_NOT_HANDLED', '0xC0000279', 'STATUS_IO_REPARSE_TAG_NOT_HANDLED', 'NTSTATUS'],
    ['-2147467259', '0x80004005', 'E_FAIL', 'NULL'],
    ['E_INVALIDARG', '0x80070057', 'ERROR_INVALID_PARAMETER', 'WIN32'],
  ])('%s → %s %s', (input, canonical, name, facility) => {
    const x = explain(input);
    expect(x.canonical).toBe(canonical);
    expect(x.names).toContain(name);
    expect(x.facility.name).toBe(facility);
  });
});

describe('explainCode on codes the catalogue does not know', () => {
  it('decodes them from their bits', () => {
    expect(explain('0x80072F8F')).toMatchObject({ canonical: '0x80072F8F', kind: 'unknown', known: false, win32: 12175, names: [], messages: {}, facility: { name: 'WIN32' } });
    expect(explain('12175')).toMatchObject({ canonical: '0x80072F8F', win32: 12175, known: false });
    expect(explain('0xC0000005')).toMatchObject({ facility: { code: 0, name: 'NTSTATUS' }, signed: -1073741819, ntstatus: { code: 5 } });
    expect(explain('0')).toMatchObject({ canonical: '0x00000000', severity: 'success' });
    expect(explain('0xDEADBEEF').facility.name).toBe('unknown');
  });
});

describe('explainCode refuses what is not a code', () => {
  test.each(['hello', '', '0xZZ', '12.5', '0x1234567890', '99999999999', '-99999999999', 'ERROR_NO_SUCH_THING', '1460 1461', 'HRESULT'])('%j', (input) => {
    const r = explainCode(input, index);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(JSON.stringify(input));
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(anyCodePoints(), (s) => {
        const r = explainCode(s, index);
        if (r.ok) expect(r.value.canonical).toMatch(/^0x[0-9A-F]{8}$/);
      }),
    );
  });
});
