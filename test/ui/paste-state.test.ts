import { describe, expect, it } from 'vitest';
import { evaluateText } from '../../src/core/check/evaluate-text.js';
import type { CheckedFile } from '../../src/ui/navigation.js';
import { fileOutcome, pasteReducer, type PasteState } from '../../src/ui/screens/check/paste-state.js';
import { bufferOf } from '../../src/ui/text/text-buffer.js';
import { fixture } from '../core/check/fixtures.js';
import { tFor } from '../helpers/i18n.js';

const t = tFor('en');
const path = 'C:\\facts\\fleet.json';
const end = evaluateText(fixture('fleet-invoke-command.json'));
if (end.kind !== 'results') throw new Error('fixture');
const loaded: CheckedFile = { path, from: path, end };
const base: PasteState = { buffer: bufferOf(path), focus: 'input', cursor: { selected: 0 } };
const reading = { path, from: path, startedAt: 0 };

describe('the check screen\'s state while a file is read', () => {
  it('Esc during a read goes back to the screen as it was before Enter, file and all, and says the read was cancelled', () => {
    const before: PasteState = { ...base, file: loaded, focus: 'results', cursor: { selected: 2 } };
    let s = pasteReducer(before, { type: 'reading', reading });
    s = pasteReducer(s, { type: 'progress', progress: { phase: 'parse', bytes: 1000 } });
    expect(s.reading?.progress).toEqual({ phase: 'parse', bytes: 1000 });
    expect(pasteReducer(s, { type: 'cancelled' })).toEqual({ ...before, cancelled: { path } });
  });

  it('a large paste\'s check stopped by Esc is noted as the paste\'s, and its findings keep the focus in the field', () => {
    const pastedReading = { ...reading, pasted: true as const };
    expect(pasteReducer(pasteReducer(base, { type: 'reading', reading: pastedReading }), { type: 'cancelled' }).cancelled).toEqual({ path, pasted: true });
    expect(pasteReducer(pasteReducer(base, { type: 'reading', reading: pastedReading }), { type: 'file', file: { path, from: path, end, pasted: true } }).focus).toBe('input');
    expect(pasteReducer(pasteReducer(base, { type: 'reading', reading }), { type: 'file', file: { path, from: path, end } }).focus).toBe('results');
  });

  it('the note that a read was cancelled goes once the field changes or another read starts', () => {
    const cancelled = pasteReducer(pasteReducer(base, { type: 'reading', reading }), { type: 'cancelled' });
    expect(cancelled.cancelled).toEqual({ path });
    expect(pasteReducer(cancelled, { type: 'edit', buffer: bufferOf(`${path}x`) }).cancelled).toBeUndefined();
    expect(pasteReducer(cancelled, { type: 'reading', reading }).cancelled).toBeUndefined();
  });

  it('progress or a cancel with no read under way changes nothing', () => {
    expect(pasteReducer(base, { type: 'progress', progress: { phase: 'read', done: 1, total: 2 } })).toBe(base);
    expect(pasteReducer(base, { type: 'cancelled' })).toBe(base);
  });

  it('a read that ends shows the findings (focus on them), or keeps the field focused for a problem', () => {
    const done = pasteReducer(pasteReducer(base, { type: 'reading', reading }), { type: 'file', file: loaded });
    expect(done).toMatchObject({ focus: 'results', file: loaded });
    expect(done.reading).toBeUndefined();
    const missing: CheckedFile = { path, from: path, end: { kind: 'error', message: 'ENOENT: no such file', code: 'ENOENT' } };
    expect(pasteReducer(pasteReducer(base, { type: 'reading', reading }), { type: 'file', file: missing }).focus).toBe('input');
    expect(fileOutcome(missing, t)).toEqual({ ok: false, message: t('check.app.fileError', { file: path, reason: t('check.app.noSuchFile') }) });
    expect(fileOutcome({ ...missing, end: { kind: 'error', message: `${path} is not a regular file` } }, t)).toEqual({ ok: false, message: t('check.app.fileError', { file: path, reason: `${path} is not a regular file` }) });
  });

  it('says why a file could not be read in the interface language, by its error code (found by a tester: zh-CN showed English and the path twice)', () => {
    const zh = tFor('zh-CN');
    const failed = (code: string): CheckedFile => ({ path, from: path, end: { kind: 'error', message: `${path} is English`, code } });
    const said = (code: string) => {
      const o = fileOutcome(failed(code), zh);
      return o.ok ? '' : o.message;
    };
    expect(fileOutcome(failed('ENOTREG'), zh)).toEqual({ ok: false, message: zh('check.app.fileError', { file: path, reason: '它不是普通文件' }) });
    expect(said('EFBIG')).toContain('256 MiB');
    for (const code of ['EISDIR', 'EACCES', 'EWORKEREXIT']) expect(said(code)).not.toContain('English');
    // An error without a code known here keeps its own words.
    expect(said('EIO')).toContain(`${path} is English`);
  });
});
