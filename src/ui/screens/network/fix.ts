import type { KnowledgeBase } from '../../../core/knowledge/kb.js';
import type { FixParam, ParamKind } from '../../../core/knowledge/types.js';
import { WINDOWSSHIM_PREFIX } from '../../../core/network/drivers.js';
import type { NetworkPlan, PlanField } from '../../../core/network/plan-network.js';
import { err, ok, type Result } from '../../../core/result.js';
import type { T } from '../../i18n.js';
import type { InlineFix } from '../../navigation.js';
import { FIELD_LABEL } from './text.js';
import { CODE_TOPIC_REFS } from '../../../core/knowledge/code-topic-refs.js';

/** The id of the fix the wizard builds; the audit log records it under the topic it is attached to. */
export const WIZARD_FIX_ID = 'wizard-create-network';

/** The same rules as the wizard's own validators, as patterns on top of the placeholder kinds. */
const PATTERN = {
  name: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
  vlan: '^(?:[1-9]\\d{0,2}|[1-3]\\d{3}|40[0-8]\\d|409[0-4])$',
  dnsSuffix: '^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(?:\\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$',
} as const;

/** The fix to run, and the topic whose audit-log entries it joins. */
export interface WizardFix {
  topicId: string;
  inline: InlineFix;
}

/** Why the wizard's command cannot go to the runner. */
export type WizardFixProblem = { kind: 'no-topic' } | { kind: 'unexpected'; arg: string };

const optionValue = (argv: readonly string[], option: string): string | undefined =>
  argv.find((a) => a.startsWith(`${WINDOWSSHIM_PREFIX}${option}=`))?.slice(WINDOWSSHIM_PREFIX.length + option.length + 1);

/**
 * The knowledge topic a network plan belongs to: a VLAN, a transparent network on a named adapter, static
 * addressing on the host network, or else the drivers topic; the drivers topic when the first is missing.
 */
export function networkTopicFor(plan: NetworkPlan, kb: KnowledgeBase): string | undefined {
  const preferred =
    optionValue(plan.argv, 'vlanid') !== undefined
      ? CODE_TOPIC_REFS.vlanId
      : plan.driver === 'transparent' && optionValue(plan.argv, 'interface') !== undefined
        ? CODE_TOPIC_REFS.ownAdapter
        : plan.driver !== 'nat' && plan.argv.some((a) => a.startsWith('--gateway='))
          ? CODE_TOPIC_REFS.staticIp
          : CODE_TOPIC_REFS.networkDrivers;
  return [preferred, CODE_TOPIC_REFS.networkDrivers].find((id) => kb.topics.some((t) => t.id === id));
}

/** What the network's creation changes, in plain words: which network, on which adapter(s). */
function describeChanges(plan: NetworkPlan, t: T): string {
  const adapters = optionValue(plan.argv, 'interface')?.split(',') ?? [];
  const base = { driver: plan.driver, name: plan.name };
  if (adapters.length > 1) return t('wizard.fix.changes.teamed', { ...base, adapters: adapters.map((a) => `"${a}"`).join(', ') });
  if (adapters[0] !== undefined) return t('wizard.fix.changes.adapter', { ...base, adapter: adapters[0] });
  return plan.driver === 'nat' ? t('wizard.fix.changes.nat', base) : t('wizard.fix.changes.anyAdapter', base);
}

/** How each value of the plan's argv becomes a placeholder; a list gets one placeholder per item. */
interface Slot {
  name: string;
  field: PlanField;
  kind: ParamKind;
  pattern?: string;
  list?: true;
}

const FLAGS: Readonly<Record<string, Slot>> = {
  '--subnet': { name: 'subnet', field: 'subnet', kind: 'cidr' },
  '--gateway': { name: 'gateway', field: 'gateway', kind: 'ipv4' },
};

const SHIM: Readonly<Record<string, Slot>> = {
  interface: { name: 'interface', field: 'interfaces', kind: 'interface-name', list: true },
  vlanid: { name: 'vlan', field: 'vlan', kind: 'text', pattern: PATTERN.vlan },
  networkname: { name: 'hns_name', field: 'hnsName', kind: 'network-name' },
  dnssuffix: { name: 'dns_suffix', field: 'dnsSuffix', kind: 'text', pattern: PATTERN.dnsSuffix },
  dnsservers: { name: 'dns_server', field: 'dnsServers', kind: 'ipv4', list: true },
};

const NAME: Slot = { name: 'network', field: 'name', kind: 'network-name', pattern: PATTERN.name };

const lookup = (table: Readonly<Record<string, Slot>>, key: string): Slot | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** Splits `key=value` at the first `=`; undefined without one. */
function splitPair(text: string): [string, string] | undefined {
  const eq = text.indexOf('=');
  return eq > 0 ? [text.slice(0, eq), text.slice(eq + 1)] : undefined;
}

/**
 * Turns the wizard's plan into a docker fix for the fix runner: every value of the plan's argv becomes a
 * `{{placeholder}}` of the right kind (an adapter or DNS server list one placeholder per item), filled with
 * the plan's value, so that planFix builds exactly the plan's argv. Low risk, needs administrator rights,
 * and refused off Windows.
 */
export function buildNetworkFix(plan: NetworkPlan, kb: KnowledgeBase, t: T): Result<WizardFix, WizardFixProblem> {
  const topicId = networkTopicFor(plan, kb);
  if (topicId === undefined) return err({ kind: 'no-topic' });
  const params: Record<string, FixParam> = {};
  const values: Record<string, string> = {};
  const fill = (slot: Slot, value: string): string =>
    (slot.list ? value.split(',') : [value])
      .map((v, i) => {
        const name = i === 0 ? slot.name : `${slot.name}_${i + 1}`;
        params[name] = { kind: slot.kind, description: t(FIELD_LABEL[slot.field]), ...(slot.pattern !== undefined ? { pattern: slot.pattern } : {}) };
        values[name] = v;
        return `{{${name}}}`;
      })
      .join(',');
  const head = ['docker', 'network', 'create', '-d', plan.driver];
  const unexpected = (arg: string | undefined) => err<WizardFixProblem>({ kind: 'unexpected', arg: arg ?? '' });
  const wrong = head.findIndex((h, i) => plan.argv[i] !== h);
  if (wrong >= 0) return unexpected(plan.argv[wrong]);
  if (plan.argv.length <= head.length || plan.argv[plan.argv.length - 1] !== plan.name) return unexpected(plan.argv[plan.argv.length - 1]);
  const rest = plan.argv.slice(head.length, -1);
  const tokens = [...head];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const pair = splitPair(arg);
    const flag = pair && lookup(FLAGS, pair[0]);
    const shim = arg === '-o' ? splitPair(rest[i + 1] ?? '') : undefined;
    const option = shim && shim[0].startsWith(WINDOWSSHIM_PREFIX) ? lookup(SHIM, shim[0].slice(WINDOWSSHIM_PREFIX.length)) : undefined;
    if (pair && flag) tokens.push(`${pair[0]}=${fill(flag, pair[1])}`);
    else if (shim && option) {
      tokens.push('-o', `${shim[0]}=${fill(option, shim[1])}`);
      i++;
    } else return unexpected(arg === '-o' ? rest[i + 1] : arg);
  }
  tokens.push(fill(NAME, plan.name));
  return ok({
    topicId,
    inline: {
      fix: {
        id: WIZARD_FIX_ID,
        title: t('wizard.fix.title', { driver: plan.driver, name: plan.name }),
        shell: 'docker',
        command: tokens.join(' '),
        params,
        changes: describeChanges(plan, t),
        risk: 'low',
        admin: true,
        windowsOnly: true,
      },
      values,
    },
  });
}
