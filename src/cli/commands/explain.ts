import { echoed } from '../../core/text/terminal-safe.js';
import type { Command } from 'commander';
import { explainCode, type ExplainInputError, type Explanation } from '../../core/diagnosis/explain-code.js';
import { topicsOfCode } from '../../core/diagnosis/code-topics.js';
import { buildCodeIndex } from '../../core/diagnosis/parse-error-code.js';
import type { KnowledgeBase } from '../../core/knowledge/kb.js';
import type { Locale } from '../../core/knowledge/types.js';
import { displayWidth } from '../../core/text/display-width.js';
import { loadKnowledgeBase } from '../../platform/knowledge-fs.js';
import { matchSupportedLocale, toBcp47 } from '../../platform/locale.js';
import { readLocaleCatalogs } from '../../platform/locale-catalogs.js';
import { createT, type MessageKey, type T } from '../../ui/i18n.js';
import { EXIT, type CliIO } from '../io.js';
import { resolveCliLocale } from '../lang.js';
import { padCell } from '../print.js';
import { terminalWidth } from '../terminal-markdown.js';
import { wrapListingLine } from '../../core/text/wrap-ansi.js';

/** Options of `wcdoctor explain`. */
export interface ExplainOptions {
  json?: boolean;
  /** Language of the localised message to show beside English (any BCP 47 tag: de, zh-CN, …). */
  lang?: string;
  /** The words around the code in this language (labels, topic titles); English when absent. */
  ui?: { locale: Locale; t: T };
  /** The terminal's width, when the text is for a terminal: long lines wrap at words under their column. */
  columns?: number;
}

/** The labels and sentences of the text output; `ENGLISH` is what `explain` has always printed. */
interface ExplainWords {
  label(id: 'kind' | 'severity' | 'facility' | 'code' | 'names' | 'message' | 'sameAs'): string;
  severity(s: Explanation['severity']): string;
  unknownKind: string;
  ntstatus(severity: string, facility: string, code: string): string;
  noMessage: string;
  topics: string;
  noTopics: string;
}

const ENGLISH: ExplainWords = {
  label: (id) => ({ kind: 'Kind:', severity: 'Severity:', facility: 'Facility:', code: 'Code:', names: 'Names:', message: 'Message:', sameAs: 'Same as:' })[id],
  severity: (s) => s,
  unknownKind: 'not in the catalogue (decoded from its bits only)',
  ntstatus: (severity, facility, code) => `severity ${severity}, facility ${facility}, code ${code}`,
  noMessage: 'no Windows message text in this language is recorded',
  topics: 'Topics that mention this code:',
  noTopics: 'No topic in the knowledge base mentions this code.',
};

function explainWords(t: T): ExplainWords {
  const labels = {
    kind: t('explain.cli.kind'),
    severity: t('explain.cli.severity'),
    facility: t('explain.cli.facility'),
    code: t('explain.cli.code'),
    names: t('explain.cli.names'),
    message: t('explain.cli.message'),
    sameAs: t('explain.cli.sameAs'),
  };
  return {
    label: (id) => labels[id],
    severity: (s) => t(s === 'error' ? 'explain.cli.severityError' : 'explain.cli.severitySuccess'),
    unknownKind: t('explain.cli.unknownKind'),
    ntstatus: (severity, facility, code) => t('explain.cli.ntstatus', { severity, facility, code }),
    noMessage: t('explain.cli.noMessage'),
    topics: t('explain.cli.topics'),
    noTopics: t('explain.cli.noTopics'),
  };
}

/** What the command prints and the exit code it ends with. */
export interface ExplainOutput {
  code: number;
  stdout: string;
  stderr: string;
}

const LANG_TAG = /^[a-z]{2,3}(?:-[a-z]{2,4})?$/i;

/** The catalogue's language for a tag, case-insensitively (`zh-cn` → `zh-CN`): the tag itself, else its language alone (de-DE → de). */
const langKey = (messages: Record<string, string>, lang: string): string | undefined =>
  Object.keys(messages).find((k) => k.toLowerCase() === lang.toLowerCase()) ?? Object.keys(messages).find((k) => k.toLowerCase() === lang.split('-')[0]!.toLowerCase());

function formatText(x: Explanation, topics: { id: string; title: string }[], lang: string | undefined, w: ExplainWords = ENGLISH, columns?: number): string {
  const hex4 = (n: number) => `0x${n.toString(16).toUpperCase().padStart(4, '0')}`;
  const first = x.names[0] ? ` ${x.names[0]}` : '';
  const view = x.win32 !== undefined ? ` (WIN32: ${x.win32}${first})` : first ? ` (${first.trim()})` : '';
  const lines = [`${x.canonical}${view} -- ${x.unsigned} (${x.signed})`];
  const rows: [string, string][] = [];
  const row = (label: string, value: string) => void rows.push([label, value]);
  row(w.label('kind'), x.known ? x.kind : w.unknownKind);
  row(w.label('severity'), w.severity(x.severity));
  row(w.label('facility'), `${x.facility.code} (0x${x.facility.code.toString(16).toUpperCase()}) ${x.facility.name}`);
  row(w.label('code'), `${hex4(x.code)} (${x.code})`);
  if (x.win32 !== undefined) row('Win32:', `${x.win32} (0x${x.win32.toString(16).toUpperCase()})`);
  if (x.ntstatus) row('NTSTATUS:', w.ntstatus(w.severity(x.ntstatus.severity), `0x${x.ntstatus.facility.toString(16).toUpperCase()}`, hex4(x.ntstatus.code)));
  if (x.names.length) row(w.label('names'), x.names.join(', '));
  if (x.messages.en) row(w.label('message'), x.messages.en);
  const key = lang ? langKey(x.messages, lang) : undefined;
  if (lang && lang.toLowerCase() !== 'en') {
    if (key) row(`[${key}]`, x.messages[key] ?? '');
    else row(`[${lang}]`, w.noMessage);
  } else if (!lang) for (const [k, m] of Object.entries(x.messages)) if (k !== 'en') row(`[${k}]`, m);
  if (x.equivalents.length) row(w.label('sameAs'), x.equivalents.join(', '));
  // Labels take 11 columns, or one more than the longest translated label (CJK and Hangul count as two).
  const labelWidth = Math.max(11, ...rows.map(([l]) => displayWidth(l) + 1));
  lines.push(...rows.map(([label, value]) => `  ${padCell(label, labelWidth)}${value}`), '');
  if (topics.length) {
    lines.push(w.topics);
    const width = Math.max(...topics.map((t) => t.id.length));
    for (const t of topics) lines.push(`  ${t.id.padEnd(width)}  ${t.title}`);
  } else lines.push(w.noTopics);
  // In a terminal a long message or title wraps at words under its column (the terminal cut it anywhere; found by a tester).
  return `${(columns ? lines.flatMap((l) => wrapListingLine(l, columns)) : lines).join('\n')}\n`;
}

const INPUT_ERROR_KEY: Record<ExplainInputError['id'], MessageKey> = {
  'not-a-code': 'explain.input.notACode',
  'out-of-range': 'explain.input.outOfRange',
  'unknown-name': 'explain.input.unknownName',
};

/** Runs `explain` against a knowledge base: pure, so tests can call it with a small in-memory KB. */
export function explainCommand(kb: KnowledgeBase, input: string, opts: ExplainOptions): ExplainOutput {
  // A POSIX locale (ko_KR, de_DE.UTF-8) names the same language as its tag, as the other commands read it.
  if (opts.lang !== undefined) opts = { ...opts, lang: posixAsTag(opts.lang) };
  if (opts.lang !== undefined && !LANG_TAG.test(opts.lang))
    return { code: EXIT.usage, stdout: '', stderr: `wcdoctor explain: --lang "${echoed(opts.lang)}" is not a language tag (for example de, zh-CN, sv-SE)\n` };
  const r = explainCode(input, buildCodeIndex(kb.codes));
  if (!r.ok) return { code: EXIT.usage, stdout: '', stderr: `wcdoctor explain: ${opts.ui ? opts.ui.t(INPUT_ERROR_KEY[r.error.id], { input: r.error.input }) : r.error.message}\n` };
  const x = r.value;
  if (!opts.json) return { code: EXIT.ok, stdout: formatText(x, topicsOfCode(kb, x, opts.ui?.locale), opts.lang, opts.ui ? explainWords(opts.ui.t) : ENGLISH, opts.columns), stderr: '' };
  const topics = topicsOfCode(kb, x);
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

/** How much of standard input `explain -` looks through for a code: a code is one word, pasted with its line at most. */
const STDIN_LOOKS_AT = 64 * 1024;

/** A POSIX locale name as its language tag (`de_DE.UTF-8` → `de-DE`); anything toBcp47 cannot read, as it is. */
const posixAsTag = (lang: string): string => toBcp47(lang) ?? lang;

/** `wcdoctor explain CODE [--json] [--lang L]`: decodes an error code and lists the topics that mention it. */
export function registerExplain(program: Command, io: CliIO): void {
  program
    .command('explain')
    .description('decode a Windows error code (hex, decimal, signed, short hex or symbolic name) like err.exe')
    .argument('<code>', 'the code: 0x800705B4, 800705B4, 0x5b4, 1460, -2147023436, 2147943860 or ERROR_TIMEOUT; - reads it from standard input')
    .option('--json', 'print the decoding as JSON')
    .action(async (given0: string, _opts: unknown, cmd: Command) => {
      // `-` takes the code from standard input, as diagnose takes text (a new-user helper: refused).
      const given = cmd.optsWithGlobals<ExplainOptions>();
      // A POSIX locale (ko_KR, sv_SE.UTF-8) names the language of its tag here too: the words around the code were
      // English for ko_KR while diagnose spoke Korean (found by a tester).
      const opts = given.lang === undefined ? given : { ...given, lang: posixAsTag(given.lang) };
      // The words around the code follow --lang when it names a language wcdoctor speaks, else the environment;
      // --lang still picks the Windows message text in any language the catalogue has (de, fr, …).
      const valid = opts.lang === undefined || LANG_TAG.test(opts.lang);
      const locale = (opts.lang !== undefined && valid ? matchSupportedLocale(opts.lang) : undefined) ?? resolveCliLocale(undefined, io.env);
      let code = given0;
      if (given0 === '-') {
        if (io.isTTY.stdin) io.err('Type the code, then press Ctrl-D (Ctrl-Z and Enter on Windows):\n');
        // The first word that looks like a code (a pasted "Error 0x800705B4 …" line), else the first word.
        // A word without the marks a sentence puts around it (a few at most: a bounded count keeps the pattern linear).
        const unwrap = (w: string) => w.replace(/^[("']{1,4}/, '').replace(/[)"'.,:;]{1,4}$/, '');
        // Whole words, one by one, in the first STDIN_LOOKS_AT characters only: every word of 50 MB was split out and
        // unwrapped first, 12 s and 1.2 GB to take the first one (an attacker helper), and a long word cut in pieces gave a
        // piece for the code (a regression tester).
        const all = await io.readStdin();
        const head = all.slice(0, STDIN_LOOKS_AT);
        // A word the cut goes through is left out, not read as its piece (0x80070005 across the cut gave 0x800).
        const cutWord = all.length > head.length && /\S/.test(all[head.length]!);
        let first: string | undefined;
        let found: string | undefined;
        for (const { 0: word, index } of head.matchAll(/\S+/g)) {
          if (cutWord && index + word.length === head.length) break;
          first ??= word;
          const w = unwrap(word);
          if (/^(?:0x[0-9a-f]{1,8}|-?\d{1,10}|[0-9a-f]{8}|E_\w+|ERROR_\w+)$/i.test(w)) {
            found = w;
            break;
          }
        }
        if (first === undefined) {
          io.err(`wcdoctor explain: ${createT(readLocaleCatalogs(), locale)('explain.input.emptyStdin')}\n`);
          io.setExitCode(EXIT.usage);
          return;
        }
        code = found ?? first;
      }
      const ui = valid && locale !== 'en' ? { ui: { locale, t: createT(readLocaleCatalogs(), locale) } } : {};
      const out = explainCommand(loadKnowledgeBase(), code, { json: opts.json === true, ...(opts.lang ? { lang: opts.lang } : {}), ...ui, ...(io.isTTY.stdout ? { columns: terminalWidth(io) } : {}) });
      if (out.stdout) io.out(out.stdout);
      if (out.stderr) io.err(out.stderr);
      io.setExitCode(out.code);
    });
}
