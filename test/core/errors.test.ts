import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transformSync } from 'esbuild';
import { BugError, ExternalCommandError, UserError } from '../../src/core/errors.js';

/**
 * A second, separately evaluated copy of errors.ts, as the ES-module parts of the build (the app,
 * `kb build`) carry one beside the CommonJS CLI's.
 */
async function secondCopy(): Promise<typeof import('../../src/core/errors.js')> {
  const source = readFileSync(new URL('../../src/core/errors.ts', import.meta.url), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'esm' });
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as typeof import('../../src/core/errors.js');
}

describe('error classes', () => {
  it('recognise errors thrown by another copy of the module', async () => {
    const other = await secondCopy();
    expect(other.UserError).not.toBe(UserError);
    const user = new other.UserError('bad flag', ['try --help'], 2);
    expect(user).toBeInstanceOf(UserError);
    expect(user).toBeInstanceOf(Error);
    expect(new other.ExternalCommandError('docker', [], 1, 'boom')).toBeInstanceOf(ExternalCommandError);
    expect(new other.BugError('oops')).toBeInstanceOf(BugError);
  });

  it('do not mistake one kind for another, or a plain error for any', () => {
    expect(new UserError('x')).not.toBeInstanceOf(BugError);
    expect(new BugError('x')).not.toBeInstanceOf(UserError);
    expect(new ExternalCommandError('a', [], 1, '')).not.toBeInstanceOf(UserError);
    expect(new Error('x')).not.toBeInstanceOf(UserError);
    for (const v of [null, undefined, 'UserError', 42, {}]) expect(v instanceof UserError).toBe(false);
  });

  it('keep their fields', () => {
    const e = new UserError('no such tree', ['run wcdoctor troubleshoot'], 2);
    expect(e).toMatchObject({ name: 'UserError', message: 'no such tree', nextSteps: ['run wcdoctor troubleshoot'], exitCode: 2 });
  });
});
