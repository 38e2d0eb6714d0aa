// The fixes that rewrite daemon.json keep every character of it (a tester: `Set-Content -Encoding ascii` turned
// `D:\Données` and a label `zone=Zürich` into `Donn?es` and `Z?rich`, after the fix had stopped the engine, which then
// found a data-root that does not exist). The JSON is written in ASCII with \u escapes, which Docker's JSON reader takes
// (no byte-order mark, which it does not), and read as UTF-8 whatever Windows PowerShell's default.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planFix } from '../../src/core/fixes/plan-fix.js';
import { realKb } from '../helpers/real-kb.js';
import { PWSH, SKIP_NOTE } from './pwsh.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wcd-daemon-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!PWSH)(`daemon.json rewritten by a fix, in PowerShell 7${SKIP_NOTE}`, () => {
  it.each([
    ['data-root-unsupported-volume', 'move-data-root', { folder: "D:\\Données\\Bob's" }, 'data-root', "D:\\Données\\Bob's"],
    ['container-disk-space-limit', 'set-default-drive-size', { size: '50' }, 'storage-opts', ['size=50GB']],
  ] as const)('%s/%s keeps what it does not change, and writes its own value whole', (topicId, fixId, values, key, want) => {
    const topic = realKb().topics.find((t) => t.id === topicId)!;
    const plan = planFix(topic, fixId, values);
    expect(plan.ok, JSON.stringify(plan)).toBe(true);
    if (!plan.ok) return;
    const home = path.join(dir, `${topicId}-${fixId}`);
    mkdirSync(path.join(home, 'docker', 'config'), { recursive: true });
    const file = path.join(home, 'docker', 'config', 'daemon.json');
    writeFileSync(file, '{"labels":["zone=Zürich","名前=値"],"debug":true}');
    // The services the fix stops and starts are stubbed; everything else runs as written.
    const script = ['function Stop-Service {}', 'function Start-Service {}', 'function Restart-Service {}', `$env:ProgramData = '${home}'`, plan.value.script!].join('\n');
    const r = spawnSync(PWSH!, ['-NoProfile', '-NonInteractive', '-Command', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes].every((b) => b < 0x80), 'ASCII only').toBe(true);
    const json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    expect(json.labels).toEqual(['zone=Zürich', '名前=値']);
    expect(json.debug).toBe(true);
    expect(json[key]).toEqual(want);
  }, 60_000);
});
