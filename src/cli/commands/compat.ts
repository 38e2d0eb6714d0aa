import type { Command } from 'commander';
import { checkCompat } from '../../core/compat/check-compat.js';
import { formatCompatReport, type CompatWords } from '../../core/compat/format-report.js';
import { parseHost } from '../../core/compat/parse-host.js';
import { parseImages } from '../../core/compat/parse-image.js';
import type { CompatData, CompatReport } from '../../core/compat/types.js';
import { UserError } from '../../core/errors.js';
import { loadKnowledgeBase } from '../../platform/knowledge-fs.js';
import { stdinRefusalOf } from '../stdin-limit.js';
import { afterHelp } from '../help-text.js';
import { EXIT, type CliIO } from '../io.js';
import { terminalWidth } from '../terminal-markdown.js';
import { actionTitle, reasonText, translateInputError } from '../../ui/compat-text.js';
import type { MessageKey, T } from '../../ui/i18n.js';
import { resolveCliLocale, translatorFor } from '../lang.js';

/** The most text `compat` reads for a host or an image (1 MiB of characters). */
export const MAX_COMPAT_INPUT = 1024 * 1024;

/** The inputs of `wcdoctor compat`, with `-` already replaced by the pasted text. */
export interface CompatOptions {
  host: string;
  image: string;
  json?: boolean;
  /** Node name to use when the paste did not show one. */
  node?: string;
  /** Swarm service name to use when the paste did not show one. */
  service?: string;
  /** The report's words in the user's language (English, the knowledge's own text, when not given). */
  words?: CompatWords;
  /** Why an input cannot be read, in the user's language. */
  inputError?: (e: import('../../core/compat/input-error.js').CompatInputError) => string;
  /** The lines around the reports of a paste with several images, in the user's language (English when not given). */
  several?: SeveralWords;
  /** The terminal's width, when the report is for a terminal: its sentences wrap at words (formatCompatReport). */
  width?: number;
}

/** The lines `compat` prints around the reports of a pasted table with several images. */
export interface SeveralWords {
  /** Before the reports: how many images the paste holds (`judged`: how many are reported, when fewer). */
  count(count: number, judged?: number): string;
  /** Above each report: which image it is. */
  heading(n: number, count: number): string;
  /** After the reports: images of the table left out. */
  more(count: number): string;
}

const ENGLISH_SEVERAL: SeveralWords = {
  count: (count, judged) => (judged === undefined ? `The paste lists ${count} images; each is judged below.` : `The paste lists ${count} images; the first ${judged} are judged below.`),
  heading: (n, count) => `── Image ${n} of ${count} ──`,
  more: (count) => `${count} more ${count === 1 ? 'image' : 'images'} of the paste not judged; give one with --image.`,
};

/** The lines around several reports through the UI catalogue of a language. */
export function severalWords(t: T): SeveralWords {
  return {
    count: (count, judged) => (judged === undefined ? t('compat.several', { count }) : t('compat.severalSome', { count, judged })),
    heading: (n, count) => t('compat.imageOf', { n, count }),
    more: (count) => t('compat.cli.moreImages', { count }),
  };
}

/** The report's words through the UI catalogue of a language. */
export function compatWords(t: T): CompatWords {
  return {
    host: (value) => t('compat.report.host', { value }),
    image: (value) => t('compat.report.image', { value }),
    build: (build) => t('compat.build', { build }),
    buildUnknown: t('compat.buildUnknown'),
    node: (name) => t('compat.node', { name }),
    service: (name) => t('compat.service', { name }),
    tag: (tag) => t('compat.tag', { tag }),
    process: (verdict) => t('compat.process', { verdict }),
    hyperv: (verdict) => t('compat.hyperv', { verdict }),
    verdict: (v) => t(v === 'yes' ? 'compat.verdict.yes' : v === 'no' ? 'compat.verdict.no' : 'compat.verdict.risky'),
    why: t('compat.why'),
    actions: t('compat.actions'),
    fixRef: (topic, fix) => t('compat.fixRef', { topic, fix }),
    reason: (r) => reasonText(r, t),
    actionTitle: (a) => actionTitle(a, t),
  };
}


/** What the command prints and the exit code it ends with. */
export interface CompatOutcome {
  code: number;
  out: string;
  err: string;
}

/** The JSON shape of `compat --json`. */
export function toCompatJson(r: CompatReport): object {
  return {
    host: { build: r.host.build, revision: r.host.revision, release: r.host.release },
    // The reference judged (null for a bare tag or version): of a pasted list, the one taken (found by a tester).
    image: { ref: r.image.ref, build: r.image.build, revision: r.image.revision, release: r.image.release, tag: r.image.tag },
    process: r.process,
    hyperv: r.hyperv,
    reasons: r.reasons.map((x) => x.text),
    actions: r.actions.map(({ kind, title, command, snippet, fixRef }) => ({ kind, title, command, snippet, fixRef })),
  };
}

/**
 * The core of `wcdoctor compat`: parses both inputs, checks them, and renders text or JSON. Pure. A pasted table of
 * several images (`docker images`, `docker ps`) gets a report for each, in the table's order: in JSON the first at the
 * top level as for one image, the rest in `others` (and `notJudged`, the images past the most taken).
 */
export function compatCommand(data: CompatData, opts: CompatOptions): CompatOutcome {
  const host = parseHost(opts.host, data);
  if (!host.ok) return { code: EXIT.usage, out: '', err: `wcdoctor compat: --host: ${opts.inputError?.(host.error) ?? host.error.message}\n` };
  const parsed = parseImages(opts.image, data);
  if (!parsed.ok) return { code: EXIT.usage, out: '', err: `wcdoctor compat: --image: ${opts.inputError?.(parsed.error) ?? parsed.error.message}\n` };
  const h = { ...host.value, nodeName: host.value.nodeName ?? opts.node ?? null };
  const reports = parsed.value.images.map((image) => {
    const i = { ...image, serviceName: image.serviceName ?? opts.service ?? null };
    if (i.nodeName === null && opts.node) i.nodeName = opts.node;
    return checkCompat(h, i, data);
  });
  const { more } = parsed.value;
  const [first, ...others] = reports;
  if (opts.json) {
    const json = { ...toCompatJson(first!), ...(others.length ? { others: others.map(toCompatJson) } : {}), ...(more ? { notJudged: more } : {}) };
    return { code: EXIT.ok, out: `${JSON.stringify(json, null, 2)}\n`, err: '' };
  }
  if (reports.length === 1 && !more) return { code: EXIT.ok, out: formatCompatReport(first!, opts.words, opts.width), err: '' };
  const w = opts.several ?? ENGLISH_SEVERAL;
  // The count is of the whole paste: the images past the most judged are said at the end (40 read "20"; found by a tester).
  const parts = [`${w.count(reports.length + more, more ? reports.length : undefined)}\n`, ...reports.map((r, n) => `${w.heading(n + 1, reports.length)}\n${formatCompatReport(r, opts.words, opts.width)}`)];
  if (more) parts.push(`${w.more(more)}\n`);
  return { code: EXIT.ok, out: parts.join('\n'), err: '' };
}

const HOST_HELP = 'host Windows version (10.0.17763.1234, ltsc2019) or - to paste ver, reg query BuildLabEx, docker info or kubectl describe node output';
const IMAGE_HELP = 'image reference, tag or build (mcr.microsoft.com/windows/servercore:ltsc2019, 20H2) or - to paste docker service ps, docker images or kubectl describe pod output';

/** Where the command gets its data; tests pass data parsed from knowledge/compat. */
export interface CompatCommandDeps {
  loadCompatData(): CompatData;
}

const defaultDeps: CompatCommandDeps = { loadCompatData: () => loadKnowledgeBase().compat };

/** `wcdoctor compat --host ... --image ... [--json]`: will this image run on this host, and what to do if not. */
export function registerCompat(program: Command, io: CliIO, deps: CompatCommandDeps = defaultDeps): void {
  program
    .command('compat')
    .description('check whether a Windows container image runs on a host (process and Hyper-V isolation)')
    .option('--host <value>', HOST_HELP)
    .option('--image <value>', IMAGE_HELP)
    .option('--node <name>', 'Swarm or Kubernetes node name, when the paste does not show it')
    .option('--service <name>', 'Swarm service name, when the paste does not show it')
    .option('--json', 'print {"host", "image", "process", "hyperv", "reasons", "actions"}')
    .addHelpText('after', afterHelp('Exit codes: 0 report printed, 2 missing or unreadable input, 3 knowledge base without compatibility data.'))
    .action(async (opts: Partial<CompatOptions>, cmd: Command) => {
      // The report and the refusals in the user's language; English stays the knowledge's own text (advice.yaml) and
      // the command's words as they always were.
      const locale = resolveCliLocale(cmd.optsWithGlobals<{ lang?: string }>().lang, io.env);
      const t = translatorFor(locale);
      const say = (key: MessageKey, params: Readonly<Record<string, string | number>>, english: string) => (t ? t(key, params) : english);
      const fail = (...lines: string[]) => {
        for (const l of lines) io.err(`wcdoctor compat: ${l}\n`);
        io.setExitCode(EXIT.usage);
      };
      // Nothing given, in a terminal: the app's version check, as `diagnose` and `troubleshoot` open their screens (a
      // new-user helper got "--host is missing" here and the screen from the others).
      if (opts.host === undefined && opts.image === undefined && !opts.json && io.isTTY.stdin && io.isTTY.stdout) {
        const { openScreen } = await import('./ui.js');
        const globals = cmd.optsWithGlobals<{ lang?: string; color?: boolean }>();
        return openScreen(io, { screen: 'compat' }, { noColor: globals.color === false, ...(globals.lang !== undefined ? { lang: locale } : {}) });
      }
      if (opts.host === undefined) return fail(say('compat.cli.hostMissing', {}, '--host is missing: give the host version (e.g. 10.0.17763.1234) or - to paste ver or docker info output'));
      if (opts.image === undefined) return fail(say('compat.cli.imageMissing', {}, '--image is missing: give an image reference or tag (e.g. mcr.microsoft.com/windows/servercore:ltsc2019) or - to paste'));
      if (opts.host === '-' && opts.image === '-') return fail(say('compat.cli.bothStdin', {}, '--host and --image cannot both be - (stdin holds one paste); give one of them as a value'));
      let pasted = '';
      if (opts.host === '-' || opts.image === '-') {
        if (io.isTTY.stdin) io.err(`${say('compat.pastePrompt', {}, 'Paste the output, then press Ctrl-D (Ctrl-Z and Enter on Windows):')}\n`);
        try {
          pasted = await io.readStdin();
        } catch (e) {
          // Standard input too large or unreadable: said as compat's other input errors are, with what it takes instead.
          const refused = stdinRefusalOf(e);
          if (refused === undefined) throw e;
          const hint = 'give the host version and the image as values (e.g. --host 10.0.17763.1234 --image ltsc2019)';
          return t ? fail(t(refused.key, refused.params), t('compat.cli.stdinHint', {})) : fail(`${(e as Error).message}; ${hint}`);
        }
      }
      // A host or image description is a few kilobytes (docker info, kubectl describe node); more is another paste.
      for (const [name, value] of [['--host', opts.host === '-' ? pasted : opts.host], ['--image', opts.image === '-' ? pasted : opts.image]] as const)
        if (value.length > MAX_COMPAT_INPUT) {
          const params = { option: name, size: Math.ceil(value.length / 1024), limit: MAX_COMPAT_INPUT / 1024 };
          // What to paste instead depends on the option: an image's output is docker images or a pod's description.
          return name === '--host'
            ? fail(say('compat.cli.tooLarge', params, `${name}: the text is ${params.size} KiB, more than the ${params.limit} KiB wcdoctor reads for it; paste only the output of ver, docker info or kubectl describe node`))
            : fail(say('compat.cli.tooLargeImage', params, `${name}: the text is ${params.size} KiB, more than the ${params.limit} KiB wcdoctor reads for it; paste only the output of docker images, docker service ps or kubectl describe pod`));
        }
      const data = deps.loadCompatData();
      if (!data.builds.length) throw new UserError('the knowledge base has no compatibility data (knowledge/compat)', ['run: wcdoctor kb build'], EXIT.failure);
      const result = compatCommand(data, {
        ...opts,
        host: opts.host === '-' ? pasted : opts.host,
        image: opts.image === '-' ? pasted : opts.image,
        ...(t ? { words: compatWords(t), inputError: (e) => translateInputError(e, t), several: severalWords(t) } : {}),
        ...(io.isTTY.stdout ? { width: terminalWidth(io) } : {}),
      });
      if (result.out) io.out(result.out);
      if (result.err) io.err(result.err);
      io.setExitCode(result.code);
    });
}
