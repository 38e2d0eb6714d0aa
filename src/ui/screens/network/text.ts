import type { PlannableDriver, NetworkDriver } from '../../../core/network/drivers.js';
import { PLANNABLE_DRIVERS } from '../../../core/network/drivers.js';
import type { PlanField } from '../../../core/network/plan-network.js';
import type { NetworkWarning, Recommendation } from '../../../core/network/recommend.js';
import { DEFAULT_NAT_PREFIX } from '../../../core/network/validators.js';
import type { WizardAnswers, WizardQuestion, WizardState } from '../../../core/network/wizard-reducer.js';
import type { ListItem } from '../../components/SelectList.js';
import type { MessageKey, T } from '../../i18n.js';
import { GLYPH } from '../../theme.js';

/** A question's choices: the value the reducer takes and its label. */
export type WizardChoice = { value: string | boolean; label: MessageKey };

const YES_NO: readonly WizardChoice[] = [
  { value: false, label: 'wizard.a.no' },
  { value: true, label: 'wizard.a.yes' },
];

/** The choices of every question but the host build (which is typed). */
export const CHOICES: Readonly<Record<Exclude<WizardQuestion, 'hostBuild'>, readonly WizardChoice[]>> = {
  scope: [
    { value: 'single-host', label: 'wizard.a.singleHost' },
    { value: 'swarm', label: 'wizard.a.swarm' },
  ],
  addressing: [
    { value: 'private', label: 'wizard.a.private' },
    { value: 'host-subnet', label: 'wizard.a.hostSubnet' },
  ],
  assignment: [
    { value: 'dhcp', label: 'wizard.a.dhcp' },
    { value: 'static', label: 'wizard.a.static' },
  ],
  vlan: YES_NO,
  teaming: YES_NO,
  dns: YES_NO,
  hostIsVm: YES_NO,
};

/** Each question in full, and its short name for the summary of answers. */
export const QUESTION_TEXT: Readonly<Record<WizardQuestion, { text: MessageKey; short: MessageKey }>> = {
  scope: { text: 'wizard.q.scope', short: 'wizard.short.scope' },
  addressing: { text: 'wizard.q.addressing', short: 'wizard.short.addressing' },
  assignment: { text: 'wizard.q.assignment', short: 'wizard.short.assignment' },
  vlan: { text: 'wizard.q.vlan', short: 'wizard.short.vlan' },
  teaming: { text: 'wizard.q.teaming', short: 'wizard.short.teaming' },
  dns: { text: 'wizard.q.dns', short: 'wizard.short.dns' },
  hostIsVm: { text: 'wizard.q.hostIsVm', short: 'wizard.short.hostIsVm' },
  hostBuild: { text: 'wizard.q.hostBuild', short: 'wizard.short.hostBuild' },
};

/** Labels of the values form (and of problems about values outside it). */
export const FIELD_LABEL: Readonly<Record<PlanField, MessageKey>> = {
  name: 'wizard.field.name',
  subnet: 'wizard.field.subnet',
  gateway: 'wizard.field.gateway',
  vlan: 'wizard.field.vlan',
  interfaces: 'wizard.field.interfaces',
  dnsSuffix: 'wizard.field.dnsSuffix',
  dnsServers: 'wizard.field.dnsServers',
  hnsName: 'wizard.field.hnsName',
  natPrefix: 'wizard.field.natPrefix',
  ip: 'wizard.field.ip',
  hostBuild: 'wizard.field.hostBuild',
  driver: 'wizard.field.driver',
  option: 'wizard.field.option',
};

/** Example values shown in empty fields; the same in every language. */
export const FIELD_EXAMPLE: Readonly<Partial<Record<PlanField, string>>> = {
  name: 'MyNet',
  subnet: '10.123.174.0/23',
  gateway: '10.123.174.1',
  vlan: '11',
  interfaces: 'Ethernet 2',
  dnsSuffix: 'corp.example.com',
  dnsServers: '10.123.174.10,10.123.174.11',
  hnsName: 'MyNet',
  natPrefix: DEFAULT_NAT_PREFIX,
  ip: '10.123.174.20',
  // A current build (Windows Server 2025 / Windows 11 24H2, January 2025 update), so the example reads as today's.
  hostBuild: '26100.2894',
};

const REASON: Readonly<Record<string, MessageKey>> = {
  swarm: 'wizard.reason.swarm',
  'host-subnet-dhcp': 'wizard.reason.host-subnet-dhcp',
  'host-subnet-static': 'wizard.reason.host-subnet-static',
  private: 'wizard.reason.private',
};

const DRIVER_TEXT: Readonly<Record<NetworkDriver, MessageKey>> = {
  nat: 'wizard.driver.nat',
  transparent: 'wizard.driver.transparent',
  overlay: 'wizard.driver.overlay',
  l2bridge: 'wizard.driver.l2bridge',
  l2tunnel: 'wizard.driver.l2tunnel',
};

const WARNING: Readonly<Record<string, MessageKey>> = {
  'mac-spoofing': 'wizard.warning.mac-spoofing',
  'swarm-mode': 'wizard.warning.swarm-mode',
  'ws2016-kb4015217': 'wizard.warning.ws2016-kb4015217',
  'l2bridge-static': 'wizard.warning.l2bridge-static',
  'vlan-trunk': 'wizard.warning.vlan-trunk',
  'own-adapter': 'wizard.warning.own-adapter',
  'ws2016-nat-prefix': 'wizard.warning.ws2016-nat-prefix',
  'no-service-discovery': 'wizard.warning.no-service-discovery',
  'ipv6-hns': 'wizard.warning.ipv6-hns',
};

/** Why the driver is recommended, in the UI language (the engine's English when the id is new). */
export function reasonText(r: Recommendation, t: T): string {
  const key = REASON[r.reason.id];
  return key ? t(key) : r.reason.message;
}

/** A warning in the UI language, with the values the state gives it (the engine's English when the id is new). */
export function warningText(w: NetworkWarning, s: WizardState, t: T): string {
  const key = WARNING[w.id];
  if (!key) return w.message;
  if (w.id === 'mac-spoofing' && s.answers.hostIsVm) return t('wizard.warning.mac-spoofing-vm');
  return t(key, { vlan: (s.values.vlan ?? '').trim(), prefix: (s.values.natPrefix ?? '').trim() || DEFAULT_NAT_PREFIX });
}

/** The drivers to pick from: the recommended one first, then the alternative, the others, and l2tunnel (explained only). */
export const driverOrder = (r: Recommendation): NetworkDriver[] => [
  r.driver,
  ...(r.alternative ? [r.alternative.driver] : []),
  ...PLANNABLE_DRIVERS.filter((d) => d !== r.driver && d !== r.alternative?.driver),
  'l2tunnel',
];

/** The driver list's rows, in {@link driverOrder}, with what each does and a mark for the recommended one. */
export function driverItems(r: Recommendation, t: T): { driver: NetworkDriver; item: ListItem }[] {
  return driverOrder(r).map((driver) => {
    const badge: MessageKey | undefined =
      driver === r.driver ? 'wizard.driver.recommended' : driver === r.alternative?.driver ? 'wizard.driver.alternative' : driver === 'l2tunnel' ? 'wizard.driver.explainOnly' : undefined;
    const glyph = driver === r.driver ? GLYPH.ok : driver === 'l2tunnel' ? GLYPH.info : GLYPH.warning;
    return {
      driver,
      item: { key: driver, label: driver, detail: t(DRIVER_TEXT[driver]), ...(badge ? { badge: { text: `${glyph} ${t(badge)}`, role: driver === r.driver ? 'success' : 'info' } } : {}) },
    };
  });
}

/** Whether a driver is one the wizard plans (l2tunnel is explained only). */
export const isPlannable = (d: NetworkDriver): d is PlannableDriver => d !== 'l2tunnel';

/** The label of an answer already given. */
export function answerLabel(q: WizardQuestion, a: WizardAnswers, t: T): string {
  const value = a[q];
  if (q === 'hostBuild') return typeof value === 'string' && value ? value : t('wizard.a.unknown');
  const choice = CHOICES[q].find((c) => c.value === value);
  return choice ? t(choice.label) : '';
}
