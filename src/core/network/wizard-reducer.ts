import type { PlannableDriver } from './drivers.js';
import { networkIssue } from './problems.js';
import { planNetwork, problemOf, type NetworkPlan, type NetworkPlanInput, type PlanProblem } from './plan-network.js';
import { recommendDriver, type NetworkNeeds, type Recommendation } from './recommend.js';
import { checkHostBuild, isWs2016, validateHostBuild, type BuildOfName } from './validators.js';

/** The wizard's questions, in the order they are asked. */
export const WIZARD_QUESTIONS = ['scope', 'addressing', 'assignment', 'vlan', 'teaming', 'dns', 'hostIsVm', 'hostBuild'] as const;
export type WizardQuestion = (typeof WIZARD_QUESTIONS)[number];

/** Answers so far: the needs, plus the host build as text (`''` when unknown). */
export interface WizardAnswers extends NetworkNeeds {
  hostBuild?: string;
}

/** The values form's fields. */
export type WizardField = 'name' | 'subnet' | 'gateway' | 'vlan' | 'interfaces' | 'dnsSuffix' | 'dnsServers' | 'hnsName' | 'natPrefix' | 'ip';

/** Where the wizard is: a question, the recommendation, the values form, or done with a plan. */
export type WizardStep = { kind: 'question'; question: WizardQuestion } | { kind: 'recommend' } | { kind: 'values' } | { kind: 'done' };

/** The wizard's whole state; the recommendation is derived from `answers` (see `recommendationOf`). */
export interface WizardState {
  step: WizardStep;
  history: WizardStep[];
  answers: WizardAnswers;
  /** Answers diagnose supplied; they are kept when later answers are cleared. */
  prefilled: WizardQuestion[];
  driver?: PlannableDriver;
  values: Partial<Record<WizardField, string>>;
  problems: PlanProblem[];
  plan?: NetworkPlan;
}

/** What a screen (or a test) can do. `answer` takes the question's value: a choice, a yes/no or the build text. */
export type WizardAction =
  | { type: 'answer'; question: WizardQuestion; value: string | boolean; /** For the host build: the build a release name stands for (resolveName on the compat data). */ buildOfName?: BuildOfName }
  | { type: 'choose-driver'; driver: PlannableDriver }
  | { type: 'set-value'; field: WizardField; value: string }
  | { type: 'submit' }
  | { type: 'back' }
  | { type: 'restart' }
  | { type: 'prefill'; entities: Record<string, string | string[] | undefined> };

const CHOICES: Partial<Record<WizardQuestion, readonly string[]>> = {
  scope: ['single-host', 'swarm'],
  addressing: ['private', 'host-subnet'],
  assignment: ['dhcp', 'static'],
};

/** True when the question matters given the answers so far. */
export function isRelevant(q: WizardQuestion, a: WizardAnswers): boolean {
  switch (q) {
    case 'addressing':
      return a.scope === 'single-host';
    case 'assignment':
    case 'vlan':
    case 'hostIsVm':
      return a.scope === 'single-host' && a.addressing === 'host-subnet';
    case 'teaming':
      return a.scope === 'swarm' || (a.scope === 'single-host' && a.addressing === 'host-subnet');
    default:
      return true;
  }
}

function nextStep(a: WizardAnswers): WizardStep {
  const q = WIZARD_QUESTIONS.find((x) => isRelevant(x, a) && a[x] === undefined);
  return q ? { kind: 'question', question: q } : { kind: 'recommend' };
}

/** The initial state: the first question. */
export function initWizardState(): WizardState {
  return { step: { kind: 'question', question: 'scope' }, history: [], answers: {}, prefilled: [], values: {}, problems: [] };
}

/** The recommendation for the answers so far. */
export const recommendationOf = (s: WizardState): Recommendation => recommendDriver(s.answers);

/** The form fields that apply to the chosen driver and answers, with whether each is required. */
export function fieldsFor(s: WizardState): { field: WizardField; required: boolean }[] {
  const d = s.driver ?? recommendationOf(s).driver;
  const a = s.answers;
  const build = a.hostBuild ? validateHostBuild(a.hostBuild) : undefined;
  const ws2016 = build?.ok === true && isWs2016(build.value);
  const staticIps = d === 'l2bridge' || (d === 'transparent' && a.assignment === 'static');
  const out: { field: WizardField; required: boolean }[] = [{ field: 'name', required: true }];
  if (d !== 'transparent' || staticIps) {
    out.push({ field: 'subnet', required: staticIps || (d === 'nat' && ws2016) });
    out.push({ field: 'gateway', required: staticIps });
  }
  if (d === 'nat' && ws2016) out.push({ field: 'natPrefix', required: false });
  if (a.vlan && (d === 'transparent' || d === 'l2bridge')) out.push({ field: 'vlan', required: true });
  if (d !== 'nat') out.push({ field: 'interfaces', required: a.teaming === true });
  if (a.dns) out.push({ field: 'dnsSuffix', required: false }, { field: 'dnsServers', required: false });
  out.push({ field: 'hnsName', required: false });
  // A container's static address needs the network's subnet, so it is asked only where the subnet is (a transparent
  // network on DHCP has none: an address typed there could never be accepted; found by a helper).
  if (d !== 'overlay' && (d !== 'transparent' || staticIps)) out.push({ field: 'ip', required: false });
  return out;
}

/**
 * The planNetwork input the wizard's state describes: the values of the fields the chosen driver's form shows, only.
 * A value typed on another driver's form stays in the state (going back to that driver finds it again) but is no part
 * of this one's command: after a nat form's subnet, gateway and address, the transparent form (name, adapters, HNS
 * name) made `docker network create -d transparent --subnet=… --gateway=…` and a run line with `--ip=…` that nothing
 * on the screen showed (a new-user helper).
 */
export function planInputOf(s: WizardState): NetworkPlanInput {
  const v = s.values;
  const shown = new Set(fieldsFor(s).map((f) => f.field));
  const input: NetworkPlanInput = { driver: s.driver ?? recommendationOf(s).driver, name: v.name ?? '' };
  for (const k of ['subnet', 'gateway', 'vlan', 'interfaces', 'dnsSuffix', 'dnsServers', 'hnsName', 'natPrefix', 'ip'] as const) if (shown.has(k) && v[k] !== undefined) input[k] = v[k];
  if (s.answers.hostBuild) input.hostBuild = s.answers.hostBuild;
  if (s.answers.hostIsVm !== undefined) input.hostIsVm = s.answers.hostIsVm;
  return input;
}

function requiredProblems(s: WizardState): PlanProblem[] {
  const missing = fieldsFor(s).filter((f) => f.required && !(s.values[f.field] ?? '').trim());
  const out = missing.map((f) => problemOf(f.field, networkIssue('required')));
  if (s.answers.teaming && (s.values.interfaces ?? '').split(',').filter((x) => x.trim()).length === 1)
    out.push(problemOf('interfaces', networkIssue('teaming-needs-two')));
  return out;
}

function answer(s: WizardState, q: WizardQuestion, value: string | boolean, buildOfName?: BuildOfName): WizardState {
  if (s.step.kind !== 'question' || s.step.question !== q) return s;
  const choices = CHOICES[q];
  if (choices ? typeof value !== 'string' || !choices.includes(value) : q === 'hostBuild' ? typeof value !== 'string' : typeof value !== 'boolean') return s;
  if (q === 'hostBuild' && typeof value === 'string' && value.trim() !== '') {
    const b = checkHostBuild(value, buildOfName);
    if (!b.ok) return { ...s, problems: [problemOf('hostBuild', b.error)] };
    value = b.value.text;
  }
  const answers: WizardAnswers = { ...s.answers, [q]: typeof value === 'string' ? value.trim() : value };
  // A changed answer can change which later questions apply: ask them again (unless diagnose answered them).
  for (const later of WIZARD_QUESTIONS.slice(WIZARD_QUESTIONS.indexOf(q) + 1)) if (!s.prefilled.includes(later)) delete answers[later];
  return { ...s, answers, history: [...s.history, s.step], step: nextStep(answers), problems: [], driver: undefined, plan: undefined };
}

/** The network wizard reducer (for React's `useReducer`); invalid actions for the current step are ignored. */
export function wizardReducer(s: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'answer':
      return answer(s, action.question, action.value, action.buildOfName);
    case 'choose-driver':
      if (s.step.kind !== 'recommend') return s;
      return { ...s, driver: action.driver, history: [...s.history, s.step], step: { kind: 'values' }, problems: [] };
    case 'set-value':
      if (s.step.kind !== 'values') return s;
      return { ...s, values: { ...s.values, [action.field]: action.value }, problems: s.problems.filter((p) => p.field !== action.field) };
    case 'submit': {
      if (s.step.kind !== 'values') return s;
      const required = requiredProblems(s);
      const r = planNetwork(planInputOf(s));
      const problems = [...required, ...(r.ok ? [] : r.error.filter((p) => !required.some((q) => q.field === p.field)))];
      if (problems.length || !r.ok) return { ...s, problems };
      return { ...s, plan: r.value, problems: [], history: [...s.history, s.step], step: { kind: 'done' } };
    }
    case 'back': {
      const prev = s.history[s.history.length - 1];
      if (!prev) return s;
      return { ...s, step: prev, history: s.history.slice(0, -1), problems: [], plan: undefined };
    }
    case 'restart': {
      const answers: WizardAnswers = Object.fromEntries(s.prefilled.map((q) => [q, s.answers[q]]));
      return { ...initWizardState(), answers, prefilled: s.prefilled, step: nextStep(answers) };
    }
    case 'prefill': {
      const raw = action.entities.build;
      const text = Array.isArray(raw) ? raw[0] : raw;
      const b = text ? validateHostBuild(text) : undefined;
      if (!b?.ok) return s;
      const answers = { ...s.answers, hostBuild: b.value.text };
      const prefilled = s.prefilled.includes('hostBuild') ? s.prefilled : [...s.prefilled, 'hostBuild' as const];
      const onBuild = s.step.kind === 'question' && s.step.question === 'hostBuild';
      return { ...s, answers, prefilled, step: onBuild ? nextStep(answers) : s.step };
    }
  }
}
