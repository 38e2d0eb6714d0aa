import { exitCodeOfSignal } from '../../core/signals.js';
import { echoed } from '../../core/text/terminal-safe.js';
import type { Command } from 'commander';
import type { KnowledgeBase } from '../../core/knowledge/kb.js';
import { isLocale, LOCALES, type Locale, type Topic } from '../../core/knowledge/types.js';
import { matchSupportedLocale } from '../../platform/locale.js';
import type { T } from '../../ui/i18n.js';
import { resolveCliLocale, translatorFor } from '../lang.js';
import { formatTreeOutline } from '../../core/trees/format-outline.js';
import type { Tree } from '../../core/trees/types.js';
import { loadKnowledgeBase } from '../../platform/knowledge-fs.js';
import { EXIT, type CliIO } from '../io.js';
import { terminalWidth } from '../terminal-markdown.js';
import { formatTable } from '../print.js';
import { loadApp, refuseDumbTerminal } from './ui.js';

/** What `troubleshoot` was asked for, after parsing. */
export interface TroubleshootRequest {
  treeId?: string;
  locale: Locale;
  json: boolean;
  /** The UI catalogue for the words around the tree's own text (English when absent). */
  t?: T;
  /** The terminal's width, when the list is for a terminal: a long symptom wraps under its column. */
  columns?: number;
}

/** What to print and the exit code. */
export interface TroubleshootOutput {
  out: string;
  err: string;
  code: number;
}

/** What the interactive app needs to open a tree (or the tree list when `treeId` is absent). */
export interface TroubleshootAppContext {
  kb: KnowledgeBase;
  treeId?: string;
  locale: Locale;
  io: CliIO;
  /** The program's global `--no-color`. */
  noColor?: boolean;
}

/**
 * Opens `troubleshoot` in the app (the tree list, with the tree on top when one is named) and resolves
 * true once the user quits. An unknown tree resolves false without drawing anything, so the command
 * reports it as usual (exit 2). Ink, React and the platform load here, lazily.
 */
export async function openTroubleshootInApp(ctx: TroubleshootAppContext): Promise<boolean> {
  if (ctx.treeId !== undefined && !ctx.kb.trees.some((t) => t.id === ctx.treeId)) return false;
  refuseDumbTerminal(process.env, ctx.locale);
  const [{ openApp }, { createNodePlatform }] = await loadApp();
  const { interruptedBy } = await openApp({ screen: 'tree', ...(ctx.treeId !== undefined ? { tree: ctx.treeId } : {}) }, { platform: createNodePlatform({ knowledge: ctx.kb, terminalClipboard: true }), noColor: ctx.noColor ?? false });
  if (interruptedBy) ctx.io.setExitCode(exitCodeOfSignal(interruptedBy));
  return true;
}

/** Lists the trees or prints one as an outline (or JSON); pure, so tests need no built knowledge base. */
export function renderTroubleshoot(trees: Tree[], topics: Topic[], req: TroubleshootRequest): TroubleshootOutput {
  const { locale, t: tr } = req;
  if (req.treeId === undefined) {
    if (req.json) return { out: `${JSON.stringify(trees.map((t) => ({ id: t.id, title: t.title[locale], summary: t.summary[locale] })), null, 2)}\n`, err: '', code: EXIT.ok };
    const table = formatTable(tr ? [tr('troubleshoot.cli.tree'), tr('troubleshoot.cli.symptom')] : ['tree', 'symptom'], trees.map((t) => [t.id, t.title[locale]]), req.columns);
    const command = 'wcdoctor troubleshoot TREE';
    return { out: `${table}\n\n${tr ? tr('troubleshoot.cli.walk', { command }) : `run "${command}" to walk one`}\n`, err: '', code: EXIT.ok };
  }
  const tree = trees.find((t) => t.id === req.treeId);
  if (!tree) {
    const none = tr ? tr('troubleshoot.cli.noTrees') : '(none: the knowledge base has no trees)';
    const valid = trees.map((t) => t.id).join(', ') || none;
    const why = tr ? tr('troubleshoot.cli.noTree', { id: echoed(req.treeId), trees: valid }) : `no tree "${echoed(req.treeId)}"; valid trees: ${valid}`;
    return { out: '', err: `wcdoctor troubleshoot: ${why}\n`, code: EXIT.usage };
  }
  if (req.json) return { out: `${JSON.stringify(tree, null, 2)}\n`, err: '', code: EXIT.ok };
  const words = tr && { missing: tr('troubleshoot.cli.missing'), fix: (fix: string) => tr('troubleshoot.cli.fix', { fix }), above: tr('troubleshoot.cli.above') };
  return { out: `${formatTreeOutline(tree, { locale, topics, ...(words ? { words } : {}) })}\n`, err: '', code: EXIT.ok };
}

/** What the command loads and opens; tests pass fakes. */
export interface TroubleshootDeps {
  loadKnowledgeBase: () => KnowledgeBase;
  openApp: (ctx: TroubleshootAppContext) => Promise<boolean>;
}

/** `wcdoctor troubleshoot [TREE]`: walks a decision tree (in the app) or prints it as an outline. */
export function registerTroubleshoot(program: Command, io: CliIO, deps: TroubleshootDeps = { loadKnowledgeBase, openApp: openTroubleshootInApp }): void {
  program
    .command('troubleshoot')
    .description('guided troubleshooting: list the trees, or walk one (an outline without a TTY)')
    .argument('[tree]', 'tree id (omit to list them)')
    .option('--outline', 'print the tree as an indented outline even on a TTY')
    .option('--json', 'print the tree (or the list) as JSON')
    .action(async (treeId: string | undefined, flags: { outline?: boolean; json?: boolean }, cmd: Command) => {
      const globals = cmd.optsWithGlobals() as { lang?: string; color?: boolean };
      // --lang (any spelling of a language wcdoctor has), else the environment's; the tree and the words around it follow it.
      const lang = globals.lang === undefined ? resolveCliLocale(undefined, io.env) : (matchSupportedLocale(globals.lang) ?? globals.lang);
      if (!isLocale(lang)) {
        io.err(`wcdoctor troubleshoot: --lang: "${lang}" is not one of ${LOCALES.join(', ')}\n`);
        io.setExitCode(EXIT.usage);
        return;
      }
      const t = translatorFor(lang);
      const kb = deps.loadKnowledgeBase();
      const tty = io.isTTY.stdin && io.isTTY.stdout;
      const interactive = tty && !flags.outline && !flags.json;
      if (interactive && (await deps.openApp({ kb, treeId, locale: lang, io, noColor: globals.color === false }))) return;
      const r = renderTroubleshoot(kb.trees, kb.topics, { treeId, locale: lang, json: Boolean(flags.json), ...(t ? { t } : {}), ...(io.isTTY.stdout ? { columns: terminalWidth(io) } : {}) });
      if (r.out) io.out(r.out);
      if (r.err) io.err(r.err);
      if (interactive && r.code === EXIT.ok && treeId !== undefined) io.err(`${t ? t('troubleshoot.cli.outlineOnly') : '(the interactive view comes with the app; this is the outline)'}\n`);
      io.setExitCode(r.code);
    });
}
