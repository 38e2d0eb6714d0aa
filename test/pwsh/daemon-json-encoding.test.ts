// The fixes that rewrite daemon.json keep every character of it (a tester: `Set-Content -Encoding ascii` turned
// `D:\Données` and a label `zone=Zürich` into `Donn?es` and `Z?rich`, after the fix had stopped the engine, which then
// found a data-root that does not exist). The JSON is written in ASCII with \u escapes, which Docker's JSON reader takes
// (no byte-order mark, which it does not), and read as UTF-8 whatever Windows PowerShell's default.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFix } from '../../src/core/fixes/plan-fix.js';
import { realKb } from '../helpers/real-kb.js';
import { PWSH, runPwshScript, SKIP_NOTE } from './pwsh.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wcd-daemon-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES = [
  ['data-root-unsupported-volume', 'move-data-root', { folder: "D:\\Données\\Bob's" }, 'data-root', "D:\\Données\\Bob's"],
  ['container-disk-space-limit', 'set-default-drive-size', { size: '50' }, 'storage-opts', ['size=50GB']],
] as const;

/**
 * Runs each fix's script in one pwsh, one after the other, each in a scope of its own (its error preference ends with
 * it) with $env:ProgramData set to its own folder; the console's output encoding, which a script sets, is put back
 * after each. The services the fixes stop and start are stubbed; everything else runs as written.
 */
const RUNNER = String.raw`
param([string]$In, [string]$Out)
$cases = Get-Content -Raw -LiteralPath $In | ConvertFrom-Json
function Stop-Service {}
function Start-Service {}
function Restart-Service {}
$encoding = [Console]::OutputEncoding
$result = foreach ($c in $cases) {
  $env:ProgramData = $c.home
  try {
    $null = & ([scriptblock]::Create($c.script))
    [pscustomobject]@{ id = $c.id; error = $null }
  } catch {
    [pscustomobject]@{ id = $c.id; error = [string]$_ }
  } finally {
    [Console]::OutputEncoding = $encoding
  }
}
ConvertTo-Json -InputObject @($result) | Set-Content -LiteralPath $Out -Encoding utf8
`;

describe.skipIf(!PWSH)(`daemon.json rewritten by a fix, in PowerShell 7${SKIP_NOTE}`, () => {
  const plans = new Map<string, ReturnType<typeof planFix>>();
  const errors = new Map<string, string | null>();
  let run: { status: number | null; stderr: string };
  const fileOf = (id: string) => path.join(dir, id, 'docker', 'config', 'daemon.json');

  beforeAll(() => {
    const cases: { id: string; home: string; script: string }[] = [];
    for (const [topicId, fixId, values] of CASES) {
      const id = `${topicId}-${fixId}`;
      const plan = planFix(realKb().topics.find((t) => t.id === topicId)!, fixId, values);
      plans.set(id, plan);
      if (!plan.ok) continue;
      mkdirSync(path.dirname(fileOf(id)), { recursive: true });
      writeFileSync(fileOf(id), '{"labels":["zone=Zürich","名前=値"],"debug":true}');
      cases.push({ id, home: path.join(dir, id), script: plan.value.script! });
    }
    const r = runPwshScript<{ id: string; error: string | null }[]>(RUNNER, cases, 60_000);
    run = r;
    for (const x of r.output ?? []) errors.set(x.id, x.error);
  }, 60_000);

  it.each(CASES)('%s/%s keeps what it does not change, and writes its own value whole', (topicId, fixId, _values, key, want) => {
    const id = `${topicId}-${fixId}`;
    const plan = plans.get(id)!;
    expect(plan.ok, JSON.stringify(plan)).toBe(true);
    expect(run.status, run.stderr).toBe(0);
    expect(errors.has(id), `${id} ran`).toBe(true);
    expect(errors.get(id) ?? null, id).toBeNull();
    const bytes = readFileSync(fileOf(id));
    expect([...bytes].every((b) => b < 0x80), 'ASCII only').toBe(true);
    const json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    expect(json.labels).toEqual(['zone=Zürich', '名前=値']);
    expect(json.debug).toBe(true);
    expect(json[key]).toEqual(want);
  });
});
