import type { NetworkDriver } from '../../../core/network/drivers.js';
import { networkWarnings, type Recommendation } from '../../../core/network/recommend.js';
import { validateHostBuild } from '../../../core/network/validators.js';
import { WIZARD_QUESTIONS, isRelevant, type WizardState } from '../../../core/network/wizard-reducer.js';
import type { ViewLine } from '../../components/ScrollView.js';
import type { T } from '../../i18n.js';
import { truncateWidth, wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { GLYPH } from '../../theme.js';
import { QUESTION_TEXT, answerLabel, isPlannable, reasonText, warningText } from './text.js';

type Role = Exclude<ViewLine, string>['role'];
const wrap = (text: string, width: number, indent = '', role?: Role): ViewLine[] =>
  wrapAnsiText(text, Math.max(10, width - indent.length)).map((l) => (role ? { text: indent + l, role } : indent + l));
const heading = (text: string, width: number): ViewLine => ({ text: truncateWidth(text, width), role: 'heading', bold: true });

/** The answers given so far, `Name: answer` one per line (marked when the paste gave them). */
export function answerLines(s: WizardState, t: T, width: number): ViewLine[] {
  return WIZARD_QUESTIONS.filter((q) => isRelevant(q, s.answers) && s.answers[q] !== undefined).map((q) => ({
    text: truncateWidth(t(s.prefilled.includes(q) ? 'wizard.answer.prefilled' : 'wizard.answer', { question: t(QUESTION_TEXT[q].short), answer: answerLabel(q, s.answers, t) }), width),
    role: 'secondary',
  }));
}

/** The recommendation, and what the driver under the cursor needs (or, for l2tunnel, what it is). */
export function recommendLines(s: WizardState, r: Recommendation, selected: NetworkDriver, t: T, width: number): ViewLine[] {
  const lines: ViewLine[] = [heading(`${GLYPH.ok} ${t('wizard.recommend.title', { driver: r.driver })}`, width), ...wrap(reasonText(r, t), width)];
  if (r.alternative) lines.push(...wrap(t('wizard.recommend.alternative', { driver: r.alternative.driver }), width, '', 'secondary'));
  lines.push('');
  if (!isPlannable(selected)) return [...lines, heading(t('wizard.l2tunnel.title'), width), ...wrap(t('wizard.l2tunnel.text'), width, '', 'warning')];
  const build = s.answers.hostBuild ? validateHostBuild(s.answers.hostBuild) : undefined;
  const warnings = networkWarnings({ driver: selected, ...(s.answers.hostIsVm !== undefined ? { hostIsVm: s.answers.hostIsVm } : {}), ...(build?.ok ? { hostBuild: build.value } : {}) });
  lines.push(heading(t('wizard.recommend.needs', { driver: selected }), width));
  for (const w of warnings) lines.push(...wrap(`${GLYPH.warning} ${warningText(w, s, t)}`, width, '', 'warning'));
  return lines;
}

/** The result: the create command, the run line, the compose snippet and the warnings. */
export function planLines(s: WizardState, t: T, width: number): ViewLine[] {
  const plan = s.plan;
  if (!plan) return [];
  const lines: ViewLine[] = [heading(t('wizard.done.command'), width), ...wrap(plan.command, width, '  ', 'accent'), ''];
  lines.push(heading(t(plan.driver === 'overlay' ? 'wizard.done.service' : 'wizard.done.run'), width), ...wrap(plan.runExample, width, '  ', 'accent'), '');
  lines.push(heading(t('wizard.done.compose'), width));
  for (const l of plan.compose.trimEnd().split('\n')) lines.push({ text: truncateWidth(`  ${l}`, width), role: 'accent' });
  if (plan.warnings.length) {
    lines.push('', heading(t('wizard.warnings'), width));
    for (const w of plan.warnings) lines.push(...wrap(`${GLYPH.warning} ${warningText(w, s, t)}`, width, '', 'warning'));
  }
  return lines;
}
