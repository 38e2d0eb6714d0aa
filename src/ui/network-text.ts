import { DRIVER_NOTES as NOTES, type NetworkDriver } from '../core/network/drivers.js';
import type { PlanProblem, PlanRefusal } from '../core/network/plan-network.js';
import type { NetworkProblemId } from '../core/network/problems.js';
import type { NetworkWarning } from '../core/network/recommend.js';
import type { UnsupportedOptionName } from '../core/network/unsupported-options.js';
import type { MessageKey, T } from './i18n.js';

/** The message of each network problem id (exhaustive: a new id in core fails the typecheck until it has a key). */
const PROBLEM: Readonly<Record<NetworkProblemId, MessageKey>> = {
  'cidr-invalid': 'wizard.problem.cidr-invalid',
  'prefix-length': 'wizard.problem.prefix-length',
  'host-bits-set': 'wizard.problem.host-bits-set',
  'ipv4-invalid': 'wizard.problem.ipv4-invalid',
  'gateway-not-ipv4': 'wizard.problem.gateway-not-ipv4',
  'gateway-outside-subnet': 'wizard.problem.gateway-outside-subnet',
  'gateway-network-address': 'wizard.problem.gateway-network-address',
  'gateway-broadcast-address': 'wizard.problem.gateway-broadcast-address',
  'ip-not-ipv4': 'wizard.problem.ip-not-ipv4',
  'ip-outside-subnet': 'wizard.problem.ip-outside-subnet',
  'ip-network-address': 'wizard.problem.ip-network-address',
  'ip-broadcast-address': 'wizard.problem.ip-broadcast-address',
  'ip-is-gateway': 'wizard.problem.ip-is-gateway',
  'vlan-invalid': 'wizard.problem.vlan-invalid',
  'vlan-range': 'wizard.problem.vlan-range',
  'adapter-empty': 'wizard.problem.adapter-empty',
  'adapter-too-long': 'wizard.problem.adapter-too-long',
  'adapter-unsafe': 'wizard.problem.adapter-unsafe',
  'adapter-duplicate': 'wizard.problem.adapter-duplicate',
  'adapter-too-many': 'wizard.problem.adapter-too-many',
  'dns-servers-empty': 'wizard.problem.dns-servers-empty',
  'dns-suffix-invalid': 'wizard.problem.dns-suffix-invalid',
  'network-name-invalid': 'wizard.problem.network-name-invalid',
  'network-name-reserved': 'wizard.problem.network-name-reserved',
  'hns-name-invalid': 'wizard.problem.hns-name-invalid',
  'host-build-ambiguous': 'wizard.problem.host-build-ambiguous',
  'host-build-invalid': 'wizard.problem.host-build-invalid',
  'nat-subnet-outside-prefix': 'wizard.problem.nat-subnet-outside-prefix',
  'driver-l2tunnel': 'wizard.problem.driver-l2tunnel',
  'driver-unknown': 'wizard.problem.driver-unknown',
  'gateway-needs-subnet': 'wizard.problem.gateway-needs-subnet',
  'vlan-wrong-driver': 'wizard.problem.vlan-wrong-driver',
  'interface-nat': 'wizard.problem.interface-nat',
  'l2bridge-needs-subnet': 'wizard.problem.l2bridge-needs-subnet',
  'transparent-needs-gateway': 'wizard.problem.transparent-needs-gateway',
  'ws2016-nat-needs-subnet': 'wizard.problem.ws2016-nat-needs-subnet',
  'ip-overlay': 'wizard.problem.ip-overlay',
  'ip-bad-subnet': 'wizard.problem.ip-bad-subnet',
  'ip-needs-subnet': 'wizard.problem.ip-needs-subnet',
  required: 'wizard.problem.required',
  'teaming-needs-two': 'wizard.problem.teaming-needs-two',
};

/** Why Windows refuses each docker option (the same reasons `network explain` lists). */
const UNSUPPORTED: Readonly<Record<UnsupportedOptionName, MessageKey>> = {
  '--internal': 'network.unsupported.internal',
  '--ip-range': 'network.unsupported.ip-range',
  '--ipv6': 'network.unsupported.ipv6',
  '--aux-address': 'network.unsupported.aux-address',
  '--ipam-driver': 'network.unsupported.ipam-driver',
  '--ipam-opt': 'network.unsupported.ipam-opt',
  '--link': 'network.unsupported.link',
  '--ip6': 'network.unsupported.ip6',
  '--dns-option': 'network.unsupported.dns-option',
  '--dns-search': 'network.unsupported.dns-search',
  '--opt encrypted': 'network.unsupported.opt-encrypted',
};

/** Why Windows does not support a docker option, in the UI language. */
export const unsupportedText = (option: UnsupportedOptionName, t: T): string => t(UNSUPPORTED[option]);

/** Why an option outside the form (a docker option, the run example's image) was refused, in the UI language. */
export function refusalText(r: PlanRefusal, t: T): string {
  switch (r.id) {
    case 'unsupported':
      return unsupportedText(r.option, t);
    case 'shim-flag':
      return t('network.refused.shimFlag', { flag: r.flag });
    case 'shim-unknown':
      return t('network.refused.shimUnknown', { name: r.name });
    case 'opt-unknown':
      return t('network.refused.optUnknown', { key: r.key });
    case 'image-ref':
      return t('network.refused.imageRef', { value: r.value });
  }
}

/** A validation problem in the UI language (a refused option too; the engine's English for anything else). */
export const problemText = (p: PlanProblem, t: T): string => (p.id ? t(PROBLEM[p.id], p.params) : p.refusal ? refusalText(p.refusal, t) : p.message);

/**
 * A plan's warning as the CLI prints it, in the UI language. The wizard's words where they say the same;
 * where the wizard names its form (own adapter, NAT prefix), the CLI's own words name the flag.
 */
export function planWarningText(w: NetworkWarning, t: T, ctx: { hostIsVm?: boolean }): string {
  const p = w.params ?? {};
  switch (w.id) {
    case 'mac-spoofing':
      return t(ctx.hostIsVm ? 'wizard.warning.mac-spoofing-vm' : 'wizard.warning.mac-spoofing');
    case 'swarm-mode':
      return t('wizard.warning.swarm-mode');
    case 'ws2016-kb4015217':
      return p.host ? t('network.warning.kbHost', { host: p.host, required: p.required ?? '' }) : t('wizard.warning.ws2016-kb4015217');
    case 'l2bridge-static':
      return t('wizard.warning.l2bridge-static');
    case 'vlan-trunk':
      return t('wizard.warning.vlan-trunk', { vlan: p.vlan ?? '' });
    case 'own-adapter':
      return t('network.warning.ownAdapter');
    case 'ws2016-nat-prefix':
      return t('network.warning.natPrefix', { prefix: p.prefix ?? '' });
    case 'no-service-discovery':
      return t('wizard.warning.no-service-discovery');
    case 'ipv6-hns':
      return t('wizard.warning.ipv6-hns');
    default:
      return w.message;
  }
}

/** The words of `network explain` about one driver: what it does, who assigns addresses, what it needs, discovery. */
const DRIVER_NOTES: Readonly<Record<NetworkDriver, { summary: MessageKey; addresses: MessageKey; needs: readonly MessageKey[]; discovery: MessageKey }>> = {
  nat: {
    summary: 'network.notes.nat.summary',
    addresses: 'network.notes.nat.addresses',
    needs: ['network.notes.nat.needs1', 'network.notes.nat.needs2'],
    discovery: 'network.notes.discovery.localOnly',
  },
  transparent: {
    summary: 'network.notes.transparent.summary',
    addresses: 'network.notes.transparent.addresses',
    needs: ['network.notes.transparent.needs1', 'network.notes.transparent.needs2'],
    discovery: 'network.notes.discovery.none',
  },
  overlay: {
    summary: 'network.notes.overlay.summary',
    addresses: 'network.notes.overlay.addresses',
    needs: ['network.notes.overlay.needs1', 'network.notes.overlay.needs2', 'network.notes.vfp'],
    discovery: 'network.notes.discovery.both',
  },
  l2bridge: {
    summary: 'network.notes.l2bridge.summary',
    addresses: 'network.notes.l2bridge.addresses',
    needs: ['network.notes.l2bridge.needs1', 'network.notes.vfp'],
    discovery: 'network.notes.discovery.none',
  },
  l2tunnel: {
    summary: 'network.notes.l2tunnel.summary',
    addresses: 'network.notes.l2tunnel.addresses',
    needs: ['network.notes.l2tunnel.needs1'],
    discovery: 'network.notes.discovery.notApplicable',
  },
};

/** What `network explain` says of a driver, in the UI language (`needs` in the order of core's notes). */
export function driverNotesText(d: NetworkDriver, t: T): { scope: string; summary: string; addresses: string; needs: string[]; discovery: string } {
  const n = DRIVER_NOTES[d];
  const scope = NOTES[d].scope === 'several hosts' ? t('network.notes.scope.several') : t('network.notes.scope.single');
  return { scope, summary: t(n.summary), addresses: t(n.addresses), needs: n.needs.map((k) => t(k)), discovery: t(n.discovery) };
}
