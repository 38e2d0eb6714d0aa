import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const built = existsSync(CLI);
if (!built) console.warn('test/cli/held-process.test.ts: dist/ is not built (npm run build); skipped');

const dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-held-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/**
 * Something that keeps Node's event loop alive and that wcdoctor cannot take back, as a stat on a share that does not
 * answer does (a libuv request the network's timeout ends, tens of seconds later): here a referenced timer of ten minutes.
 */
const HOLD = path.join(dir, 'hold.cjs');
writeFileSync(HOLD, 'setTimeout(() => {}, 600000);\n');

/** Runs the built CLI with the hold preloaded; resolves with its exit code, or 'held' if it is still running after `limitMs`. */
function runHeld(args: string[], limitMs: number): Promise<number | 'held'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', HOLD, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    child.stdout.resume();
    child.stderr.resume();
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('held');
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(limit);
      resolve(code ?? -1);
    });
  });
}

describe.skipIf(!built)('a request wcdoctor cannot take back does not keep it running once its run is over', () => {
  it.concurrent.each([
    ['explain', ['explain', '0x800705B4'], 0],
    ['docs --json', ['docs', '--json'], 0],
    ['a usage error', ['compat'], 2],
  ])('%s ends with its own exit code', async (_name, args, code) => {
    // The limit is far above the grace (2 s): it tells a process that ends from one that stays.
    expect(await runHeld(args, 15000)).toBe(code);
  }, 20000);
});

describe('endIfHeld', () => {
  it('waits while a fix is still being stopped and recorded, and for output on its way, then ends (a regression tester: a fix stopped after SIGHUP lost its record)', async () => {
    const { endIfHeld } = await import('../../src/cli/main.js');
    const { holdWhileRunning } = await import('../../src/platform/run-guard.js');
    let ended = 0;
    let pending = 0;
    const release = holdWhileRunning();
    endIfHeld(20, () => [{ writableLength: pending } as unknown as NodeJS.WritableStream], () => void ended++);
    await new Promise((r) => setTimeout(r, 80));
    expect(ended).toBe(0);
    release();
    pending = 10;
    await new Promise((r) => setTimeout(r, 80));
    expect(ended).toBe(0);
    pending = 0;
    await new Promise((r) => setTimeout(r, 80));
    expect(ended).toBe(1);
  });
});
