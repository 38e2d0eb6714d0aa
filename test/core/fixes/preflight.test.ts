import { describe, expect, it, vi } from 'vitest';
import { NOT_ELEVATED_REASON, preflightFix, type Elevation } from '../../../src/core/fixes/preflight.js';

const host = (platform: string, programs: string[] = ['docker', 'kubectl']) => ({ platform, hasProgram: (n: string) => programs.includes(n) });
const elevation = (e: Elevation) => vi.fn(async () => e);

describe('preflightFix', () => {
  it('refuses Windows-only shells elsewhere without asking about elevation', async () => {
    const check = elevation({ kind: 'elevated' });
    const r = await preflightFix({ shell: 'powershell', program: 'powershell.exe', admin: true }, host('linux'), check);
    expect(r).toEqual({ kind: 'cannot-run', reason: 'cannot run here: powershell fixes run only on Windows, and this machine runs Linux' });
    expect(check).not.toHaveBeenCalled();
  });

  it('refuses docker and kubectl fixes where the program is missing', async () => {
    const r = await preflightFix({ shell: 'kubectl', program: 'kubectl', admin: false }, host('darwin', []), elevation({ kind: 'not-applicable' }));
    expect(r.kind).toBe('cannot-run');
    expect(r.kind === 'cannot-run' && r.reason).toMatch(/kubectl is not installed here/);
  });

  it('refuses a windowsOnly docker fix off Windows even where docker is found, and lets it through on Windows', async () => {
    const plan = { shell: 'docker' as const, program: 'docker', admin: true, windowsOnly: true as const };
    const r = await preflightFix(plan, host('linux'), elevation({ kind: 'not-applicable' }));
    expect(r).toEqual({ kind: 'cannot-run', reason: 'cannot run here: this command sets up a Windows container host and runs only on Windows, and this machine runs Linux' });
    expect(await preflightFix(plan, host('win32'), elevation({ kind: 'elevated' }))).toEqual({ kind: 'ok' });
    expect((await preflightFix(plan, host('win32', []), elevation({ kind: 'elevated' }))).kind).toBe('cannot-run');
  });

  it.each([
    [{ kind: 'elevated' } as Elevation, { kind: 'ok' }],
    [{ kind: 'not-elevated' } as Elevation, { kind: 'not-elevated', reason: NOT_ELEVATED_REASON }],
    [{ kind: 'unknown', reason: 'whoami failed' } as Elevation, { kind: 'ok', warning: 'could not tell whether this session is elevated (whoami failed); trying anyway' }],
  ])('checks elevation for an admin fix on Windows: %j', async (e, expected) => {
    expect(await preflightFix({ shell: 'powershell', program: 'powershell.exe', admin: true }, host('win32'), elevation(e))).toEqual(expected);
  });

  it('does not check elevation for a fix that needs no administrator rights, or off Windows', async () => {
    const check = elevation({ kind: 'not-elevated' });
    expect(await preflightFix({ shell: 'powershell', program: 'powershell.exe', admin: false }, host('win32'), check)).toEqual({ kind: 'ok' });
    expect(await preflightFix({ shell: 'docker', program: 'docker', admin: true }, { ...host('linux'), dockerElsewhere: true }, check)).toEqual({ kind: 'ok' });
    expect(check).not.toHaveBeenCalled();
  });

  it('asks the resolved answer before a docker fix off Windows, and refuses when the name in the engine address is this machine', async () => {
    const check = elevation({ kind: 'elevated' });
    const plan = { shell: 'docker' as const, program: 'docker', admin: false };
    const local = vi.fn(async () => false);
    expect(await preflightFix(plan, { ...host('linux'), dockerElsewhere: true, resolveDockerElsewhere: local }, check)).toMatchObject({ kind: 'cannot-run', reason: expect.stringContaining('its own engine') });
    expect(local).toHaveBeenCalledOnce();
    expect(await preflightFix(plan, { ...host('linux'), dockerElsewhere: true, resolveDockerElsewhere: async () => true }, check)).toEqual({ kind: 'ok' });
    // A resolver that fails counts as this machine; one that is not asked (Windows, a fix for any engine) is not called.
    expect(await preflightFix(plan, { ...host('linux'), dockerElsewhere: true, resolveDockerElsewhere: async () => Promise.reject(new Error('x')) }, check)).toMatchObject({ kind: 'cannot-run' });
    const unasked = vi.fn(async () => false);
    expect(await preflightFix({ ...plan, anyEngine: true }, { ...host('linux'), dockerElsewhere: true, resolveDockerElsewhere: unasked }, check)).toEqual({ kind: 'ok' });
    expect(await preflightFix(plan, { ...host('win32'), dockerElsewhere: true, resolveDockerElsewhere: unasked }, check)).toEqual({ kind: 'ok' });
    expect(unasked).not.toHaveBeenCalled();
  });
});
