import { CHECKS } from './checks/index.js';
import { displayWidth } from '../text/display-width.js';
import type { FleetReport, HostReport } from './evaluate.js';
import { READS } from './reads.js';
import { renderMessage, renderValue, shownHost, type CheckText } from './message.js';
import type { CheckStatus, Finding, NotEvaluatedReason } from './types.js';

export type { CheckText } from './message.js';

/** A topic as the knowledge base has it: its title and its fixes (what a finding links to). */
export interface TopicInfo {
  title: string;
  fixes: { id: string; title: string }[];
}

/** Finds a topic in the knowledge base; undefined when the base is not there or lacks it. */
export type TopicLookup = (topic: string) => TopicInfo | undefined;

const MARK: Record<CheckStatus, string> = { pass: '✔', warn: '!', fail: '✖', 'not-evaluated': '·' };
const ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2, 'not-evaluated': 3 };
const STATUS_KEY: Record<CheckStatus, string> = { pass: 'check.status.pass', warn: 'check.status.warn', fail: 'check.status.fail', 'not-evaluated': 'check.status.not-evaluated' };
const REASON_KEY: Record<NotEvaluatedReason, string> = {
  'needs-admin': 'check.reason.needs-admin',
  'not-collected': 'check.reason.not-collected',
  'read-failed': 'check.reason.read-failed',
  'not-applicable': 'check.reason.not-applicable',
  unreadable: 'check.reason.unreadable',
};
const TITLE_KEY = new Map(CHECKS.map((c) => [c.id, c.titleKey]));

/** The lines shown before asking to run the collector: what it reads and which reads need elevation. */
export function formatCollectorPreview(t: CheckText, elevated: boolean | undefined, sha256?: string): string {
  const lines = [t('check.preview.title'), ''];
  for (const [id, r] of Object.entries(READS)) {
    if (id === 'kubeNode' || id === 'computerInfo') continue;
    lines.push(`  ${r.admin ? '*' : ' '} ${r.command}`);
  }
  lines.push('', t('check.preview.admin'));
  if (elevated === false) lines.push(t('check.preview.notElevated'));
  if (sha256 !== undefined) lines.push(t('check.preview.digest', { sha256 }));
  return `${lines.join('\n')}\n`;
}

function reasonText(t: CheckText, reason: NotEvaluatedReason | undefined): string {
  return t(REASON_KEY[reason ?? 'not-collected']);
}

/** What a finding says in the translator's language: its sentence, after the reason when the check could not judge. */
export function findingMessage(t: CheckText, f: Finding): string {
  const sentence = renderMessage(t, f.text);
  return f.status === 'not-evaluated' ? `${reasonText(t, f.reason)} — ${sentence}` : sentence;
}

function findingLines(t: CheckText, f: Finding, topics: TopicLookup): string[] {
  const head = `${MARK[f.status]} ${t(STATUS_KEY[f.status])}  ${t(TITLE_KEY.get(f.check) ?? f.check)} (${f.check})`;
  const lines = [head];
  lines.push(`    ${findingMessage(t, f)}`);
  for (const e of f.evidence.slice(0, 6)) lines.push(`    ${t('check.read')} ${e.read}: ${renderValue(t, e.value)}`);
  if (f.evidence.length > 6) lines.push(`    ${t('check.moreEvidence', { count: f.evidence.length - 6 })}`);
  if (f.topic) {
    const info = topics(f.topic);
    if (info) lines.push(`    → ${info.title}`);
    lines.push(`    → ${t('check.topic', { topic: f.topic })}`);
    for (const fix of info?.fixes.slice(0, 4) ?? []) lines.push(`      ${t('check.fix', { fix: fix.id, title: fix.title })}`);
  }
  return lines;
}

/**
 * One host's findings for the terminal: failures and warnings first with what was read and the topic to open, then
 * passes; checks that could not judge are listed by reason (for a paste, only counted: they need other output).
 */
export function formatHostReport(t: CheckText, r: HostReport, opts: { paste?: string; topics?: TopicLookup } = {}): string {
  const topics = opts.topics ?? (() => undefined);
  const who = opts.paste !== undefined ? t('check.host.paste', { read: opts.paste }) : r.elevated === null ? shownHost(r.host) : t(r.elevated ? 'check.host.elevated' : 'check.host.notElevated', { host: shownHost(r.host) });
  const out = [t('check.header', { host: who }), ''];
  const sorted = [...r.findings].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const judged = sorted.filter((f) => f.status !== 'not-evaluated');
  for (const f of judged) out.push(...findingLines(t, f, topics), '');
  const skipped = sorted.filter((f) => f.status === 'not-evaluated');
  // For a paste, the checks that need other commands' output are only counted; the rest say why they could not judge.
  const others = opts.paste !== undefined ? skipped.filter((f) => f.reason === undefined || f.reason === 'not-collected' || f.reason === 'not-applicable') : [];
  const byReason = new Map<string, Finding[]>();
  for (const f of skipped) if (!others.includes(f)) byReason.set(f.reason ?? 'not-collected', [...(byReason.get(f.reason ?? 'not-collected') ?? []), f]);
  for (const [reason, list] of byReason) {
    if (opts.paste !== undefined) for (const f of list) out.push(...findingLines(t, f, topics), '');
    else out.push(`${MARK['not-evaluated']} ${reasonText(t, reason as NotEvaluatedReason)} — ${list.map((f) => f.check).join(', ')}`);
  }
  if (opts.paste === undefined && byReason.size) out.push('');
  if (others.length) out.push(t('check.pasteOthers', { count: others.length }), '');
  out.push(t('check.summary', { pass: r.counts.pass, warn: r.counts.warn, fail: r.counts.fail, skipped: r.counts['not-evaluated'] }));
  return `${out.join('\n')}\n`;
}

/** A fleet for the terminal: a hosts × checks grid (one mark per check, numbered), then the checks that fail or warn on how many hosts. */
export function formatFleetReport(t: CheckText, f: FleetReport): string {
  const names = f.hosts.map((h) => shownHost(h.host));
  // Padded by the columns a name takes, not its UTF-16 length: a CJK name or one with combining marks moved its row of
  // marks under other check numbers (an attacker helper).
  const width = Math.max(4, ...names.map(displayWidth));
  const pad = (s: string) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
  const tens = CHECKS.map((_, i) => String(Math.floor((i + 1) / 10) || ' ')).join('');
  const ones = CHECKS.map((_, i) => String((i + 1) % 10)).join('');
  const out = [t('check.fleet.header', { count: f.hosts.length }), '', `${pad('')}  ${tens}`, `${pad('')}  ${ones}`];
  for (const [i, h] of f.hosts.entries()) out.push(`${pad(names[i]!)}  ${h.findings.map((x) => MARK[x.status]).join('')}  ${t('check.fleet.counts', { fail: h.counts.fail, warn: h.counts.warn })}`);
  out.push('', t('check.fleet.legend'), '');
  const bad = f.byCheck.filter((c) => c.fail + c.warn > 0).sort((a, b) => b.fail - a.fail || b.warn - a.warn);
  if (!bad.length) out.push(t('check.fleet.allPass'));
  else {
    out.push(t('check.fleet.failing'));
    for (const c of bad) {
      const n = CHECKS.findIndex((x) => x.id === c.check) + 1;
      const hosts = c.failing.slice(0, 5).map(shownHost).join(', ') + (c.failing.length > 5 ? ', …' : '');
      out.push(`  ${String(n).padStart(2)} ${c.check}: ${t('check.fleet.row', { fail: c.fail, warn: c.warn, hosts })}`);
    }
  }
  out.push('', t('check.fleet.numbers'), ...CHECKS.map((c, i) => `  ${String(i + 1).padStart(2)} ${c.id}`));
  return `${out.join('\n')}\n`;
}

/**
 * The JSON shape of one host's report. Each finding's `message` (and a keyed evidence `value`) is English, rendered with
 * `english` as the text output says it (a check that could not judge: its reason first), so scripts that read it keep
 * working; `messageKey` and `messageParams` (`valueKey`, `valueParams`) give the sentence as the catalog has it, for a
 * script that words it in another language. A finding's topic comes with its title and fixes when the knowledge has them.
 */
export function hostReportJson(r: HostReport, english: CheckText, topics: TopicLookup = () => undefined): object {
  const findings = r.findings.map((finding) => {
    const { text, evidence, ...f } = finding;
    const info = f.topic ? topics(f.topic) : undefined;
    return {
      check: f.check,
      group: f.group,
      status: f.status,
      message: findingMessage(english, finding),
      messageKey: text.key,
      messageParams: text.params ?? {},
      evidence: evidence.map((e) => (typeof e.value === 'string' ? e : { read: e.read, value: renderValue(english, e.value), valueKey: e.value.key, valueParams: e.value.params ?? {} })),
      ...(f.topic ? { topic: f.topic } : {}),
      ...(f.reason ? { reason: f.reason } : {}),
      ...(info ? { topicTitle: info.title, fixes: info.fixes } : {}),
    };
  });
  return { host: r.host, elevated: r.elevated, origin: r.origin, counts: r.counts, findings };
}
