import type { PlanProblem } from '../core/network/plan-network.js';
import type { NetworkProblemId } from '../core/network/problems.js';
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
  'dns-servers-empty': 'wizard.problem.dns-servers-empty',
  'dns-suffix-invalid': 'wizard.problem.dns-suffix-invalid',
  'network-name-invalid': 'wizard.problem.network-name-invalid',
  'network-name-reserved': 'wizard.problem.network-name-reserved',
  'hns-name-invalid': 'wizard.problem.hns-name-invalid',
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

/** A validation problem in the UI language; a problem without an id (a refused docker option) keeps its English. */
export const problemText = (p: PlanProblem, t: T): string => (p.id ? t(PROBLEM[p.id], p.params) : p.message);
