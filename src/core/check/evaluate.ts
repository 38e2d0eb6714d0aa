import { CHECKS } from './checks/index.js';
import { msg, notEvaluated } from './checks/helpers.js';
import type { HostCheck } from './checks/types.js';
import type { CheckInput } from './read-input.js';
import type { CheckStatus, FactsDocument, Finding } from './types.js';
import { viewFacts } from './view.js';

/** One host's findings, in check order. */
export interface HostReport {
  host: string;
  elevated: boolean | null;
  origin: FactsDocument['origin'];
  findings: Finding[];
  counts: Record<CheckStatus, number>;
}

/**
 * Runs the checks on one facts document one at a time, yielding each finding as it is made (the app shows
 * progress per check) and returning the report. Pure; a check that throws is a bug and is reported as not evaluated.
 */
export function* evaluateHostSteps(doc: FactsDocument, checks: readonly HostCheck[] = CHECKS): Generator<Finding, HostReport, void> {
  const view = viewFacts(doc);
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, 'not-evaluated': 0 };
  const findings: Finding[] = [];
  for (const c of checks) {
    let v;
    try {
      v = c.evaluate(view);
    } catch (e) {
      v = notEvaluated('unreadable', msg('check.msg.evaluate.threw', { error: e instanceof Error ? e.message : String(e) }));
    }
    counts[v.status]++;
    const topic = 'topic' in v ? v.topic : c.topic;
    const finding: Finding = {
      check: c.id,
      group: c.group,
      status: v.status,
      text: v.text,
      evidence: v.evidence,
      ...(topic && (v.status === 'warn' || v.status === 'fail') ? { topic } : {}),
      ...(v.reason ? { reason: v.reason } : {}),
    };
    findings.push(finding);
    yield finding;
  }
  return { host: doc.host, elevated: doc.elevated, origin: doc.origin, findings, counts };
}

/** Runs every check on one facts document (evaluateHostSteps to the end). */
export function evaluateHost(doc: FactsDocument, checks: readonly HostCheck[] = CHECKS): HostReport {
  const steps = evaluateHostSteps(doc, checks);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** A fleet: hosts × checks, and per check how many hosts warn or fail. */
export interface FleetReport {
  hosts: HostReport[];
  byCheck: { check: string; fail: number; warn: number; notEvaluated: number; failing: string[] }[];
}

/** Hears each host of a fleet as it is evaluated: its report, and how many of how many are done (the app's progress). */
export type HostListener = (report: HostReport, done: number, total: number) => void;

/** Evaluates every host and sums per check; `onHost` hears each host's report as soon as it is made. */
export function evaluateFleet(docs: readonly FactsDocument[], checks: readonly HostCheck[] = CHECKS, onHost?: HostListener): FleetReport {
  const hosts = docs.map((d, i) => {
    const report = evaluateHost(d, checks);
    onHost?.(report, i + 1, docs.length);
    return report;
  });
  const byCheck = checks.map((c, i) => {
    const row = { check: c.id, fail: 0, warn: 0, notEvaluated: 0, failing: [] as string[] };
    for (const h of hosts) {
      const f = h.findings[i];
      if (!f) continue;
      if (f.status === 'fail') row.fail++;
      if (f.status === 'warn') row.warn++;
      if (f.status === 'not-evaluated') row.notEvaluated++;
      if (f.status === 'fail' || f.status === 'warn') row.failing.push(h.host);
    }
    return row;
  });
  return { hosts, byCheck };
}

/** What an input gives: one host's findings (`paste` names the commands a paste was read as), or a fleet's. */
export type CheckResults = { kind: 'host'; report: HostReport; paste?: string } | { kind: 'fleet'; fleet: FleetReport };

/**
 * Evaluates what `check --from` or the app was given, the one way both do it: a fleet when there are several documents
 * (or Kubernetes nodes), else one host or one paste. `onHost` hears a fleet's hosts one by one.
 */
export function evaluateInput(input: CheckInput, onHost?: HostListener): CheckResults {
  if (input.docs.length > 1) return { kind: 'fleet', fleet: evaluateFleet(input.docs, CHECKS, onHost) };
  const report = evaluateHost(input.docs[0]!);
  return input.kind === 'paste' ? { kind: 'host', report, paste: input.reads.join(', ') } : { kind: 'host', report };
}

/** Whether a report has a warning or a failure (exit code 1). */
export const hasFindings = (r: HostReport): boolean => r.counts.fail + r.counts.warn > 0;
