import { describe, expect, it } from 'vitest';
import { collectHostFacts, recordCollectRefusal, type CollectDeps } from '../../../src/core/check/collect.js';
import { CHECK_AUDIT } from '../../../src/core/check/collector-plan.js';
import type { AuditEntry, CommandResult } from '../../../src/core/fixes/types.js';
import { fixture } from './fixtures.js';

const DOC = fixture('hosts/ws2022-healthy.json');
/** A script as the platform reads it: its text and a digest (the core only carries it to the log). */
const SCRIPT = { text: '# script', sha256: 'ab'.repeat(32) };

function deps(result: Partial<CommandResult>, opts: { auditThrows?: boolean } = {}) {
  const audit: AuditEntry[] = [];
  const calls: { file: string; args: readonly string[]; input: unknown }[] = [];
  const d: CollectDeps = {
    runCommand: async (file, args, options) => {
      calls.push({ file, args, input: options?.input });
      return { exitCode: 0, signal: null, stdout: '', stderr: '', durationMs: 7, timedOut: false, cancelled: false, ...result };
    },
    appendAudit: (e) => {
      if (opts.auditThrows) throw new Error('EACCES');
      audit.push(e);
    },
    now: () => new Date('2026-01-02T03:04:05Z'),
  };
  return { d, audit, calls };
}

describe('collectHostFacts', () => {
  it('gives PowerShell the script on its input (no file another program could change first), through the fix runner, records the run and reads the facts', async () => {
    const { d, audit, calls } = deps({ stdout: DOC });
    const r = await collectHostFacts(SCRIPT, d, { timeoutMs: 1000 });
    expect(r.ok && r.input.docs.map((x) => x.host)).toEqual(['CONTAINERHOST01']);
    expect(calls).toEqual([{ file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', '&([scriptblock]::Create([Console]::In.ReadToEnd()))'], input: '# script' }]);
    // The command line does not name the script: the entry records its digest.
    expect(audit).toMatchObject([{ topic: CHECK_AUDIT.topic, fix: CHECK_AUDIT.fix, outcome: 'ran', exitCode: 0, durationMs: 7, inputSha256: SCRIPT.sha256 }]);
  });

  it.each([
    [{ timedOut: true, exitCode: null }, 'timeout', 'stopped after 300 s', 'timeout'],
    [{ cancelled: true, exitCode: null }, 'cancelled', 'cancelled', 'cancelled'],
    [{ exitCode: null, error: 'spawn powershell.exe ENOENT' }, 'not-started', 'could not start powershell.exe: spawn powershell.exe ENOENT', 'failed'],
    [{ exitCode: 1, stderr: 'a\nb\nc\nd\ne\nf\n' }, 'failed', 'the collector failed (exit code 1)', 'failed'],
    [{ stdout: 'not json at all' }, 'not-facts', "the collector's output is not a facts document", 'ran'],
    [{ stdout: fixture('paste/ver-en.txt') }, 'not-facts', "the collector's output is not a facts document", 'ran'],
  ] as const)('%j: %s', async (result, kind, message, outcome) => {
    const { d, audit, calls } = deps(result);
    const r = await collectHostFacts(SCRIPT, d, { timeoutMs: 300_000 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.kind).toBe(kind);
    expect(r.problem.message.startsWith(message)).toBe(true);
    expect(calls.map((c) => c.input)).toEqual(['# script']);
    expect(audit.map((e) => [e.outcome, e.inputSha256])).toEqual([[outcome, SCRIPT.sha256]]);
    if (kind === 'failed') expect(r.problem.stderrTail).toEqual(['b', 'c', 'd', 'e', 'f']);
  });

  it('passes on what the runner throws', async () => {
    const { d } = deps({});
    d.runCommand = () => Promise.reject(new Error('boom'));
    await expect(collectHostFacts(SCRIPT, d, { timeoutMs: 1000 })).rejects.toThrow('boom');
  });

  it('a run the audit log could not take still returns its facts, with the reason', async () => {
    const { d } = deps({ stdout: DOC }, { auditThrows: true });
    const r = await collectHostFacts(SCRIPT, d, { timeoutMs: 1000 });
    expect(r.ok).toBe(true);
    expect(r.run.auditError).toBe('EACCES');
  });
});

describe('recordCollectRefusal', () => {
  it('records the refusal under the collector run, with the reason', () => {
    const { d, audit } = deps({});
    expect(recordCollectRefusal('declined at the confirmation prompt', d)).toEqual({});
    expect(recordCollectRefusal('no terminal', d, SCRIPT)).toEqual({});
    expect(audit).toMatchObject([
      { topic: CHECK_AUDIT.topic, fix: CHECK_AUDIT.fix, outcome: 'refused', reason: 'declined at the confirmation prompt' },
      { outcome: 'refused', reason: 'no terminal', inputSha256: SCRIPT.sha256 },
    ]);
    expect(audit[0]).not.toHaveProperty('inputSha256');
    const failing = deps({}, { auditThrows: true });
    expect(recordCollectRefusal('x', failing.d)).toEqual({ auditError: 'EACCES' });
  });
});
