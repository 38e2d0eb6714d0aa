import type { Command } from 'commander';
import { explainCode, type Explanation } from '../../core/diagnosis/explain-code.js';
import { buildCodeIndex } from '../../core/diagnosis/parse-error-code.js';
import type { KnowledgeBase } from '../../core/knowledge/kb.js';
import { loadKnowledgeBase } from '../../platform/knowledge-fs.js';
import { EXIT, type CliIO } from '../io.js';

/** Options of `wcdoctor explain`. */
export interface ExplainOptions {
  json?: boolean;
  /** Language of the localised message to show beside English (any BCP 47 tag: de, zh-CN, …). */
  lang?: string;
}

/** What the command prints and the exit code it ends with. */
export interface ExplainOutput {
  code: number;
  stdout: string;
  stderr: string;
}

const LANG_TAG = /^[a-z]{2,3}(?:-[a-z]{2,4})?$/i;

/** Topics whose signature codes name the code or one of its equivalents. */
function topicsFor(kb: KnowledgeBase, x: Explanation): { id: string; title: string }[] {
  const forms = new Set([x.canonical, ...x.equivalents]);
  return kb.topics.filter((t) => t.signatures.codes.some((c) => forms.has(c))).map((t) => ({ id: t.id, title: t.title.en }));
}

/** Finds a message key case-insensitively (`zh-cn` → `zh-CN`). */
const langKey = (messages: Record<string, string>, lang: string): string | undefined =>
  Object.keys(messages).find((k) => k.toLowerCase() === lang.toLowerCase());

function formatText(x: Explanation, topics: { id: string; title: string }[], lang: string | undefined): string {
  const hex4 = (n: number) => `0x${n.toString(16).toUpperCase().padStart(4, '0')}`;
  const first = x.names[0] ? ` ${x.names[0]}` : '';
  const view = x.win32 !== undefined ? ` (WIN32: ${x.win32}${first})` : first ? ` (${first.trim()})` : '';
  const lines = [`${x.canonical}${view} -- ${x.unsigned} (${x.signed})`];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(11)}${value}`);
  row('Kind:', x.known ? x.kind : 'not in the catalogue (decoded from its bits only)');
  row('Severity:', x.severity);
  row('Facility:', `${x.facility.code} (0x${x.facility.code.toString(16).toUpperCase()}) ${x.facility.name}`);
  row('Code:', `${hex4(x.code)} (${x.code})`);
  if (x.win32 !== undefined) row('Win32:', `${x.win32} (0x${x.win32.toString(16).toUpperCase()})`);
  if (x.ntstatus) row('NTSTATUS:', `severity ${x.ntstatus.severity}, facility 0x${x.ntstatus.facility.toString(16).toUpperCase()}, code ${hex4(x.ntstatus.code)}`);
  if (x.names.length) row('Names:', x.names.join(', '));
  if (x.messages.en) row('Message:', x.messages.en);
  const key = lang ? langKey(x.messages, lang) : undefined;
  if (lang && lang.toLowerCase() !== 'en') {
    if (key) row(`[${key}]`, x.messages[key] ?? '');
    else row(`[${lang}]`, 'no Windows message text in this language is recorded');
  } else if (!lang) for (const [k, m] of Object.entries(x.messages)) if (k !== 'en') row(`[${k}]`, m);
  if (x.equivalents.length) row('Same as:', x.equivalents.join(', '));
  lines.push('');
  if (topics.length) {
    lines.push('Topics that mention this code:');
    const w = Math.max(...topics.map((t) => t.id.length));
    for (const t of topics) lines.push(`  ${t.id.padEnd(w)}  ${t.title}`);
  } else lines.push('No topic in the knowledge base mentions this code.');
  return `${lines.join('\n')}\n`;
}

/** Runs `explain` against a knowledge base: pure, so tests can call it with a small in-memory KB. */
export function explainCommand(kb: KnowledgeBase, input: string, opts: ExplainOptions): ExplainOutput {
  if (opts.lang !== undefined && !LANG_TAG.test(opts.lang))
    return { code: EXIT.usage, stdout: '', stderr: `explain: --lang "${opts.lang}" is not a language tag (for example de, zh-CN, sv-SE)\n` };
  const r = explainCode(input, buildCodeIndex(kb.codes));
  if (!r.ok) return { code: EXIT.usage, stdout: '', stderr: `explain: ${r.error}\n` };
  const x = r.value;
  const topics = topicsFor(kb, x);
  if (!opts.json) return { code: EXIT.ok, stdout: formatText(x, topics, opts.lang), stderr: '' };
  const json = {
    input: x.input,
    canonical: x.canonical,
    hex: x.hex,
    unsigned: x.unsigned,
    signed: x.signed,
    severity: x.severity,
    facility: x.facility,
    kind: x.kind,
    names: x.names,
    messages: x.messages,
    ...(x.win32 !== undefined ? { win32: { code: x.win32, hex: `0x${x.win32.toString(16).toUpperCase()}` } } : {}),
    equivalents: x.equivalents,
    topics,
  };
  return { code: EXIT.ok, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: '' };
}

/** `wcdoctor explain CODE [--json] [--lang L]`: decodes an error code and lists the topics that mention it. */
export function registerExplain(program: Command, io: CliIO): void {
  program
    .command('explain')
    .description('decode a Windows error code (hex, decimal, signed, short hex or symbolic name) like err.exe')
    .argument('<code>', 'the code: 0x800705B4, 800705B4, 0x5b4, 1460, -2147023436, 2147943860 or ERROR_TIMEOUT')
    .option('--json', 'print the decoding as JSON')
    .action((code: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ExplainOptions>();
      const out = explainCommand(loadKnowledgeBase(), code, { json: opts.json === true, ...(opts.lang ? { lang: opts.lang } : {}) });
      if (out.stdout) io.out(out.stdout);
      if (out.stderr) io.err(out.stderr);
      io.setExitCode(out.code);
    });
}
