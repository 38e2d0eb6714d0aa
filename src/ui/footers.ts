import type { KeyHint } from './components/KeyHints.js';
import type { MessageKey } from './message-keys.js';
import { Command, KEY_GROUPS, SCREEN_SCOPES, commandsIn, keyLabelIn, type KeyGroup, type Scope } from './keys.js';

/** A screen state, as SCREEN_SCOPES names it. */
export type ScreenState = keyof typeof SCREEN_SCOPES;

/** One footer hint: the commands it names (one, or a group from KEY_GROUPS) and what they do on this screen. */
export interface HintSpec {
  keys: readonly (Command | KeyGroup)[];
  label: MessageKey;
}

/**
 * A footer, or a part of one a screen adds when it applies: its hints, and the screen states it is
 * shown on (each state's scopes must bind every command the hints name).
 */
export interface Footer {
  on: readonly ScreenState[];
  hints: readonly HintSpec[];
}

const h = (keys: Command | KeyGroup | readonly (Command | KeyGroup)[], label: MessageKey): HintSpec => ({ keys: typeof keys === 'string' ? [keys] : keys, label });

const BACK = h(Command.Back, 'keys.back');
const QUIT = h(Command.Quit, 'keys.quit');
const HELP = h(Command.Help, 'keys.help');
const EXIT = h(Command.Interrupt, 'keys.exit');
const CLEAR = h(Command.ClearText, 'keys.clear');
const OPEN = h(Command.Confirm, 'keys.open');
const MOVE = h('move', 'keys.move');
const FOCUS = h(Command.FocusNext, 'keys.focus');
const FULL = h(Command.ShowFull, 'keys.showFull');
const SCROLL = h('scroll', 'keys.scroll');
const STEP_BACK = h([Command.Back, Command.Left], 'tree.keys.stepBack');
const WIZARD_BACK = h([Command.Back, Command.Left], 'keys.back');

/**
 * Every footer of the app: the keys each screen state names at its foot, as commands of the registry.
 * Their keys are written as the registry writes them (footerHints); a test checks that every command
 * named is bound on the states the footer is shown on.
 */
export const FOOTERS = {
  home: { on: ['home'], hints: [MOVE, OPEN, QUIT, HELP] },
  history: { on: ['history'], hints: [MOVE, h(Command.Confirm, 'history.keys.topic'), FULL, BACK, QUIT] },
  // An empty history has nothing to open or show in full (a new-user helper saw those keys offered).
  historyEmpty: { on: ['history'], hints: [BACK, QUIT] },
  settings: { on: ['settings'], hints: [MOVE, h('change', 'keys.change'), BACK, QUIT, HELP] },

  diagnoseInput: { on: ['diagnoseInput'], hints: [FOCUS, h(Command.Confirm, 'keys.newline'), CLEAR, BACK, EXIT] },
  diagnoseResults: { on: ['diagnoseResults'], hints: [MOVE, OPEN, FULL, FOCUS, BACK, QUIT, HELP] },
  diagnoseLeads: { on: ['diagnoseLeads'], hints: [MOVE, OPEN, FOCUS, BACK, QUIT, HELP] },
  /** The links of a diagnosis or a topic, where the topic has them. */
  linkCompat: { on: ['linkCompatPart'], hints: [h(Command.LinkCompat, 'compat.link')] },
  linkTree: { on: ['linkTreePart'], hints: [h(Command.LinkTree, 'tree.link')] },

  topic: { on: ['topic'], hints: [SCROLL, h(Command.CycleLanguage, 'keys.language'), BACK, QUIT, HELP] },
  /** First, when the topic has fixes. */
  topicFixes: { on: ['topicFixesPart'], hints: [h([Command.TopicFixes, Command.FocusNext], 'fix.keys.select'), h(Command.Confirm, 'fix.keys.open')] },
  /** When the text shown is our translation. */
  topicOriginal: { on: ['topicOriginalPart'], hints: [h(Command.TopicOriginal, 'keys.original')] },

  docs: { on: ['docs'], hints: [MOVE, OPEN, h(Command.Search, 'keys.search'), h(Command.CycleLanguage, 'keys.language'), FULL, BACK, QUIT, HELP] },
  docsSearch: { on: ['docsSearch'], hints: [h('arrows', 'keys.move'), OPEN, h(Command.Back, 'keys.closeSearch'), EXIT] },

  treeList: { on: ['treeList'], hints: [MOVE, OPEN, FULL, BACK, QUIT] },
  treeQuestion: { on: ['tree'], hints: [MOVE, h([Command.Confirm, Command.Right], 'tree.keys.answer'), FULL, STEP_BACK, h(Command.Restart, 'tree.keys.restart'), QUIT] },
  treeTopic: { on: ['treeLeaf'], hints: [h(Command.Confirm, 'tree.keys.openTopic'), h('move', 'keys.scroll'), STEP_BACK, h(Command.Restart, 'tree.keys.restart'), QUIT] },
  treeUnknown: { on: ['treeLeaf'], hints: [h(Command.Confirm, 'tree.keys.diagnose'), h('move', 'keys.scroll'), STEP_BACK, h(Command.Restart, 'tree.keys.restart'), QUIT] },

  wizardChoice: { on: ['wizardChoice'], hints: [MOVE, h(Command.Confirm, 'wizard.keys.choose'), WIZARD_BACK, h(Command.Restart, 'wizard.keys.restart'), QUIT] },
  wizardText: { on: ['wizardText'], hints: [h(Command.Confirm, 'wizard.keys.next'), CLEAR, BACK, EXIT] },
  wizardRecommend: { on: ['wizardChoice'], hints: [MOVE, h(Command.Confirm, 'wizard.keys.useDriver'), h('page', 'keys.scroll'), WIZARD_BACK, h(Command.Restart, 'wizard.keys.restart'), QUIT] },
  wizardValues: { on: ['wizardValues'], hints: [h([Command.FocusNext, 'arrows'], 'wizard.keys.field'), h(Command.Confirm, 'wizard.keys.next'), CLEAR, BACK, EXIT] },
  wizardDone: {
    on: ['wizardDone'],
    hints: [h(Command.WizardRun, 'wizard.keys.run'), h(Command.Copy, 'wizard.keys.copyCommand'), h(Command.WizardCopyCompose, 'wizard.keys.copyCompose'), SCROLL, WIZARD_BACK, h(Command.Restart, 'wizard.keys.restart'), QUIT],
  },

  compatInput: { on: ['compatInput'], hints: [h([Command.FocusNext, Command.Confirm], 'compat.keys.next'), CLEAR, BACK, EXIT] },
  /** First, when an action of the report has a fix. */
  compatRun: { on: ['compatReport'], hints: [h(Command.RunAction, 'compat.keys.runFix')] },
  compatReport: { on: ['compatReport'], hints: [SCROLL, FOCUS, BACK, QUIT] },

  fixForm: { on: ['fixForm'], hints: [h(['arrows', Command.FocusNext], 'fix.keys.field'), h(Command.Confirm, 'fix.keys.continue'), CLEAR, BACK, EXIT] },
  fixChecking: { on: ['fixResult'], hints: [BACK, QUIT, HELP] },
  fixConfirm: { on: ['confirm'], hints: [h('yesNo', 'fix.keys.answer'), h('change', 'fix.keys.choose'), h(Command.Back, 'fix.keys.decline'), h(Command.Copy, 'fix.keys.copy'), QUIT, HELP] },
  fixTypedWord: { on: ['confirm', 'typedWord'], hints: [h(Command.Confirm, 'fix.keys.submitWord'), h(Command.Back, 'fix.keys.decline'), EXIT] },
  fixRunning: { on: ['fixRunning'], hints: [h([Command.Back, Command.Interrupt], 'fix.keys.cancel'), HELP] },
  /** After a run, a refusal or a decline: copy first, then (when it applies) edit and scroll, then the rest. */
  fixEnded: { on: ['fixResult'], hints: [h(Command.Copy, 'fix.keys.copy')] },
  fixEdit: { on: ['fixResult'], hints: [h(Command.Confirm, 'fix.keys.edit')] },
  fixScroll: { on: ['fixResult'], hints: [SCROLL] },
  fixEndedTail: { on: ['fixResult'], hints: [BACK, QUIT, HELP] },

  checkChoose: { on: ['checkChoose'], hints: [MOVE, OPEN, BACK, QUIT, HELP] },
  checkInput: { on: ['checkInput'], hints: [FOCUS, h(Command.Confirm, 'check.app.keys.readFile'), CLEAR, BACK, EXIT] },
  /** The field holding a paste large enough to be checked in a worker: Enter shows its findings, or checks it again. */
  checkInputLarge: { on: ['checkInput'], hints: [FOCUS, h(Command.Confirm, 'check.app.keys.largePaste'), CLEAR, BACK, EXIT] },
  checkResults: { on: ['checkResults'], hints: [MOVE, OPEN, FULL, FOCUS, BACK, QUIT, HELP] },
  checkReading: { on: ['checkReading'], hints: [h(Command.Back, 'check.app.keys.cancel'), QUIT, EXIT] },
  /** A large paste being checked: the field still takes keys (a change stops the check, which starts again). */
  checkReadingPaste: { on: ['checkInput'], hints: [h(Command.Back, 'check.app.keys.cancel'), CLEAR, EXIT] },
  /** The collector's preview, with the Yes/No prompt above it. */
  checkPreview: { on: ['checkPreview'], hints: [SCROLL, h(Command.Yes, 'fix.confirm.yesKey'), h(Command.No, 'fix.confirm.noKey'), BACK] },
  /** The preview while nothing is asked (elevation still being probed, or no audit log to write to). */
  checkPreviewOnly: { on: ['checkRun'], hints: [SCROLL, BACK] },
  checkRunning: { on: ['checkRun'], hints: [h(Command.Interrupt, 'check.app.keys.cancel')] },
  checkEnded: { on: ['checkRun'], hints: [h(Command.Restart, 'check.app.keys.again'), BACK, QUIT] },
  checkDone: { on: ['checkHostResults'], hints: [MOVE, OPEN, FULL, h(Command.Restart, 'check.app.keys.again'), BACK, QUIT, HELP] },
} as const satisfies Record<string, Footer>;
export type FooterName = keyof typeof FOOTERS;

/** The scopes of the states a footer is shown on: where its commands' labels are looked up. */
export function scopesOf(footer: Footer): Scope[] {
  return [...new Set(footer.on.flatMap((s): readonly Scope[] => SCREEN_SCOPES[s]))];
}

/** The commands a hint names, groups expanded. */
export const commandsOf = (hint: HintSpec): Command[] => hint.keys.flatMap((k): readonly Command[] => (k in KEY_GROUPS ? KEY_GROUPS[k as KeyGroup].commands : [k as Command]));

/** How a hint's keys are written: a group's label, or the command's label where the footer's scopes are on. */
function keysText(hint: HintSpec, scopes: readonly Scope[]): string {
  return hint.keys.map((k) => (k in KEY_GROUPS ? KEY_GROUPS[k as KeyGroup].label : (keyLabelIn(k as Command, scopes) ?? ''))).join('/');
}

/**
 * The commands a footer names that a state it is shown on does not bind: a hint for a key that does
 * nothing there. Empty for every footer of the app (a test checks).
 */
export function unboundHints(footer: Footer): { state: ScreenState; command: Command; label: MessageKey }[] {
  return footer.on.flatMap((state) => {
    const bound = new Set(commandsIn(SCREEN_SCOPES[state]).map((c) => c.command));
    return footer.hints.flatMap((hint) => commandsOf(hint).filter((command) => !bound.has(command)).map((command) => ({ state, command, label: hint.label })));
  });
}

const cache = new Map<FooterName, KeyHint[]>();

/** The key hints of one or more footers (or parts), in order, their keys written from the registry. */
export function footerHints(...names: readonly FooterName[]): KeyHint[] {
  return names.flatMap((name) => {
    let hints = cache.get(name);
    if (!hints) {
      const footer: Footer = FOOTERS[name];
      const scopes = scopesOf(footer);
      hints = footer.hints.map((hint) => ({ keys: keysText(hint, scopes), label: hint.label, commands: hint.keys.flatMap((k): readonly Command[] => (k in KEY_GROUPS ? KEY_GROUPS[k as KeyGroup].commands : [k as Command])) }));
      cache.set(name, hints);
    }
    return hints;
  });
}
