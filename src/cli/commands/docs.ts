import { echoed } from '../../core/text/terminal-safe.js';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { localizeFix } from '../../core/knowledge/fix-text.js';
import type { KnowledgeBase } from '../../core/knowledge/kb.js';
import type { Locale } from '../../core/knowledge/types.js';
import { loadKnowledgeBase } from '../../platform/knowledge-fs.js';
import { detectLocales, readIntlLocale } from '../../platform/locale.js';
import { resolveCliLocale } from '../lang.js';
import { preferredLocales } from '../../platform/platform.js';
import { readLocaleCatalogs } from '../../platform/locale-catalogs.js';
import { suggestTopicIds } from '../../core/knowledge/topic-search.js';
import { CATEGORY_NAME, createT, LANGUAGE_IN_TEXT, type T } from '../../ui/i18n.js';
import { topicsByCategory } from '../../core/knowledge/categories.js';
import { fillFixCommand } from '../../core/fixes/fill-fix-command.js';
import { findTopic, originalOf, resolveTopicText, sectionsMarkdown, sectionsWithOriginals, topicLocales, type TopicText } from '../../core/knowledge/topic-text.js';
import type { CliIO } from '../io.js';
import { renderTerminalMarkdown, terminalWidth } from '../terminal-markdown.js';
import { wrapListingLine } from '../../core/text/wrap-ansi.js';
import { padCell } from '../print.js';

interface DocsOptions {
  lang?: string;
  json?: boolean;
  color?: boolean;
  original?: boolean;
}


/** The topic as one Markdown document: our title and summary, the fixes, then the text (source or our translation). */
export function topicMarkdown(view: TopicText, t: T, opts: { original?: boolean } = {}): string {
  const lang = (l: Locale) => t(LANGUAGE_IN_TEXT[l]);
  const parts = [`# ${view.title}`];
  // Our summary in the language asked for; the English one, labelled as such, only where we have not written it.
  const local = view.requested === 'en' ? view.summary : view.localSummary;
  parts.push(`**${t(local ? 'topic.summary' : 'topic.summaryEnglish')}:** ${local ?? view.summary}`);
  if (view.topic.fixes.length) {
    parts.push(`## ${t('topic.fixes')}`);
    for (const f of view.topic.fixes.map((x) => localizeFix(x, view.requested))) {
      const tags = [t(f.risk === 'high' ? 'topic.fix.high' : 'topic.fix.low'), ...(f.admin ? [t('topic.fix.admin')] : [])].join(t('list.separator'));
      parts.push(`${t('topic.fix.line', { title: f.title, tags })}\n\n\`\`\`${f.shell}\n${fillFixCommand(f, undefined)}\n\`\`\``);
    }
  }
  if (!view.shown) {
    parts.push(`> ${t('topic.noSource')}`);
    return `${parts.join('\n\n')}\n`;
  }
  if (view.fallback) parts.push(`> ! ${t('topic.fallback', { requested: lang(view.requested), shown: lang(view.shown) })}`);
  const sources = view.topic.sources ?? [];
  if (sources.length) {
    // A topic of our own: our text, then where its facts come from.
    parts.push(`## ${t('topic.ours', { language: lang(view.shown) })}`, view.sections.map((s) => s.body.trim()).join('\n\n'));
    parts.push(`## ${t('topic.oursSources')}`, sources.map((s) => `- ${s.title}: ${s.url}`).join('\n'));
  } else if (view.translatedFrom)
    parts.push(
      `## ${t('topic.translated', { language: lang(view.shown), from: lang(view.translatedFrom) })}`,
      opts.original ? sectionsWithOriginals(view, (src) => t('topic.original', { language: lang(src.locale), heading: src.heading })) : sectionsMarkdown(view.sections),
    );
  else parts.push(`## ${t('topic.sources', { language: lang(view.shown) })}`, sectionsMarkdown(view.sections));
  return `${parts.join('\n\n')}\n`;
}

function listTopics(kb: KnowledgeBase, t: T, json: boolean, locale: Locale, columns?: number): string {
  const groups = topicsByCategory(kb);
  if (json)
    return `${JSON.stringify({ categories: groups.map((g) => ({ category: g.category, topics: g.topics.map((x) => ({ id: x.id, title: x.title.en, locales: topicLocales(kb, x), ours: Boolean(x.sources?.length) })) })) }, null, 2)}\n`;
  const width = Math.max(0, ...kb.topics.map((x) => x.id.length));
  const lines = [t('cli.docs.topics')];
  for (const g of groups) lines.push('', t(CATEGORY_NAME[g.category]), ...g.topics.map((x) => `  ${padCell(x.id, width)}  ${x.title[locale] ?? x.title.en}${x.sources?.length ? `  (${t('topic.oursMark')})` : ''}`));
  // What the mark means (a new-user helper met it without a word about it).
  if (kb.topics.some((x) => x.sources?.length)) lines.push('', t('cli.docs.oursLegend', { mark: t('topic.oursMark') }));
  // In a terminal a long title wraps at words under the titles (the terminal cut it anywhere; found by a tester).
  return `${(columns ? lines.flatMap((l) => wrapListingLine(l, columns)) : lines).join('\n')}\n`;
}

/** `wcdoctor docs [TOPIC] [--lang L] [--json]`: a topic for reading without the UI, or the list of topics. */
export function registerDocs(program: Command, io: CliIO): void {
  program
    .command('docs')
    .description('print a topic (source text in your language, or our translation of it), or list topics')
    .argument('[topic]', 'topic id, as listed by "wcdoctor docs"')
    .option('--lang <locale>', 'language of the topic and of what docs prints around it (en, zh-CN, ko-KR, sv-SE)')
    .option('--json', 'print {id, title, summary, locale, fallback, translatedFrom, sections} as JSON')
    .option('--original', 'with our translation, show the source text it was made from beside each section')
    .action(async (id: string | undefined, _opts: DocsOptions, cmd: Command) => {
      const opts = cmd.optsWithGlobals<DocsOptions>();
      // --lang names the language of everything docs prints; without it, the environment's, as for every other command
      // (the app's own setting is the app's: docs followed it while diagnose, compat and fix did not, found by a tester).
      const uiLocale = resolveCliLocale(opts.lang, io.env);
      const t = createT(readLocaleCatalogs(), uiLocale);
      const kb = loadKnowledgeBase();
      if (id === undefined) {
        io.out(listTopics(kb, t, opts.json === true, uiLocale, io.isTTY.stdout ? terminalWidth(io) : undefined));
        return;
      }
      const topic = findTopic(kb, id);
      if (!topic) {
        const near = suggestTopicIds(kb, id);
        throw new UserError(t('cli.docs.noTopic', { topic: echoed(id) }), [...(near.length ? [t('fix.cli.didYouMean', { topics: near.join(', ') })] : []), t('cli.docs.listTopics')]);
      }
      const preferred = preferredLocales(detectLocales({ env: io.env, platform: process.platform, intlLocale: readIntlLocale }));
      const view = resolveTopicText(kb, topic, uiLocale, preferred);
      if (opts.json) {
        const json = {
          id: topic.id,
          title: view.title,
          summary: view.summary,
          locale: view.shown ?? view.requested,
          fallback: view.fallback,
          ...(view.translatedFrom ? { translatedFrom: view.translatedFrom } : {}),
          sections: view.sections.map((s) => {
            const src = originalOf(view, s);
            return {
              doc: s.doc,
              locale: s.locale,
              heading: s.heading,
              body: s.body,
              ...(s.translatedFrom ? { translatedFrom: s.translatedFrom } : {}),
              ...(src ? { original: { locale: src.locale, heading: src.heading, ...(opts.original ? { body: src.body } : {}) } } : {}),
            };
          }),
          ours: Boolean(topic.sources?.length),
          sources: topic.sources ?? [],
        };
        io.out(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      const markdown = topicMarkdown(view, t, { original: opts.original === true });
      if (!io.isTTY.stdout) {
        io.out(markdown);
        return;
      }
      const noColor = opts.color === false || Boolean(io.env.NO_COLOR);
      (io.outStyled ?? io.out)(`${(await renderTerminalMarkdown(markdown, { width: terminalWidth(io), color: !noColor })).join('\n')}\n`);
    });
}
