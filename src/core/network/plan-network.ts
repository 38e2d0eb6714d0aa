import { Document, visit } from 'yaml';
import { validateKind } from '../fixes/validate-param.js';
import { err, ok, type Result } from '../result.js';
import { isPowerShellNumberChanged } from '../text/shell-safe.js';
import { echoed } from '../text/terminal-safe.js';
import { canUseShimOption, isPlannableDriver, PLANNABLE_DRIVERS, WINDOWSSHIM_PREFIX, type PlannableDriver, type WindowsShimOption } from './drivers.js';
import type { Cidr } from './ipv4.js';
import { networkWarnings, type NetworkWarning } from './recommend.js';
import { refuseOption, type OptionRefusal, type RequestedOption } from './unsupported-options.js';
import { networkIssue, type NetworkIssue, type NetworkProblemId } from './problems.js';
import * as v from './validators.js';

/** What to plan, as raw text from flags or the wizard; `planNetwork` validates every value. */
export interface NetworkPlanInput {
  driver: string;
  name: string;
  /** The build(s) a release name given as the host build stands for (the compat data's names; several: ambiguous). */
  buildOfName?: v.BuildOfName;
  subnet?: string;
  gateway?: string;
  vlan?: string | number;
  /** One adapter name, or several (a comma list or an array) to team them. */
  interfaces?: string | string[];
  dnsSuffix?: string;
  dnsServers?: string | string[];
  hnsName?: string;
  hostBuild?: string;
  /** The host's internal NAT prefix (Get-NetNat); defaults to 172.16.0.0/16. */
  natPrefix?: string;
  /** Static address for the `docker run` example. */
  ip?: string;
  image?: string;
  hostIsVm?: boolean;
  /** Other docker options asked for; each is checked against what Windows supports. */
  extraOptions?: RequestedOption[];
}

/** Fields a plan problem can name (the wizard's form fields and the CLI's flags). */
export type PlanField = 'driver' | 'name' | 'subnet' | 'gateway' | 'vlan' | 'interfaces' | 'dnsSuffix' | 'dnsServers' | 'hnsName' | 'hostBuild' | 'natPrefix' | 'ip' | 'option';

/**
 * Why a value was refused: the field, the CLI option that carries it, and why (the English message, which
 * the CLI prints). `id` and `params` let a UI translate it; a refused docker option or run-example image
 * (`field: 'option'`, flags the wizard never sets) has `refusal` instead.
 */
export interface PlanProblem {
  field: PlanField;
  option: string;
  message: string;
  id?: NetworkProblemId;
  params?: Record<string, string>;
  refusal?: PlanRefusal;
}

/** Why an option outside the form was refused: a docker option Windows lacks, or an image that is not an image reference. */
export type PlanRefusal = OptionRefusal | { id: 'image-ref'; value: string; message: string };

/** A problem about a field, from an issue the validators or the planner found. */
export const problemOf = (field: PlanField, issue: NetworkIssue, option = OPTION_OF[field]): PlanProblem => ({ field, option, ...issue });

/** The network to create: the command (display and argv), the compose snippet, a run example and warnings. */
export interface NetworkPlan {
  driver: PlannableDriver;
  name: string;
  command: string;
  /** The command as an argument vector, starting with `docker`. */
  argv: string[];
  compose: string;
  runExample: string;
  runArgv: string[];
  warnings: NetworkWarning[];
}

/** The CLI option for each field. */
export const OPTION_OF: Record<PlanField, string> = {
  driver: '--driver', name: 'NAME', subnet: '--subnet', gateway: '--gateway', vlan: '--vlan', interfaces: '--interface',
  dnsSuffix: '--dns-suffix', dnsServers: '--dns-servers', hnsName: '--hns-name', hostBuild: '--host-build',
  natPrefix: '--nat-prefix', ip: '--ip', option: '--opt',
};

/**
 * Quotes one argument for display so it pastes the same into cmd and PowerShell: anything but letters, digits and
 * `_ . : / + \\ -` is quoted (a bare `,` would make an array in PowerShell, `{ }` a script block), and so is a word
 * PowerShell reads as a number of another spelling (a network named `1e3` would reach a cmdlet as 1000).
 */
export function quoteArg(arg: string): string {
  const eq = arg.indexOf('=');
  const needs = (s: string) => s === '' || /[^A-Za-z0-9_.:/+\\-]/.test(s) || isPowerShellNumberChanged(s);
  if (eq > 0 && !needs(arg.slice(0, eq))) {
    if (!needs(arg.slice(eq + 1))) return arg;
    // Backslashes at the end go after the closing quote: before it, cmd's C runtime would read \" as a quote.
    let end = arg.length;
    while (end > eq + 1 && arg[end - 1] === '\\') end--;
    return `${arg.slice(0, eq + 1)}"${arg.slice(eq + 1, end)}"${arg.slice(end)}`;
  }
  return needs(arg) ? `"${arg}"` : arg;
}

const has = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/**
 * Validates the values and plans `docker network create -d DRIVER ... NAME` with the windowsshim options,
 * the matching compose `networks:` snippet and a `docker run` (or `docker service create`) example.
 * Refuses options Windows does not support and values that do not fit the driver, naming each.
 */
export function planNetwork(input: NetworkPlanInput): Result<NetworkPlan, PlanProblem[]> {
  const problems: PlanProblem[] = [];
  const bad = (field: PlanField, id: NetworkProblemId, params?: Record<string, string | number>) => problems.push(problemOf(field, networkIssue(id, params)));
  const check = <T>(field: PlanField, r: v.Checked<T>): T | undefined => (r.ok ? r.value : (problems.push(problemOf(field, r.error)), undefined));

  for (const req of input.extraOptions ?? []) {
    const refusal = refuseOption(req);
    if (refusal) problems.push({ field: 'option', option: req.option === '-o' || req.option === '--opt' ? `--opt ${req.value ?? ''}`.trim() : req.option, message: refusal.message, refusal });
  }
  const raw = input.driver.trim().toLowerCase();
  if (raw === 'l2tunnel') bad('driver', 'driver-l2tunnel');
  else if (!isPlannableDriver(raw)) bad('driver', 'driver-unknown', { value: input.driver, drivers: PLANNABLE_DRIVERS.join(', ') });
  const driver: PlannableDriver = isPlannableDriver(raw) ? raw : 'nat';
  const name = check('name', v.checkNetworkName(input.name));
  const subnet: Cidr | undefined = has(input.subnet) ? check('subnet', v.checkCidr(input.subnet)) : undefined;
  let gateway: string | undefined;
  if (has(input.gateway)) {
    if (!has(input.subnet)) bad('gateway', 'gateway-needs-subnet');
    else if (subnet) gateway = check('gateway', v.checkGateway(input.gateway, subnet));
  }
  const vlan = input.vlan !== undefined && String(input.vlan).trim() !== '' ? check('vlan', v.checkVlanId(input.vlan)) : undefined;
  if (vlan !== undefined && !canUseShimOption('vlanid', driver)) bad('vlan', 'vlan-wrong-driver', { driver });
  const interfaces = input.interfaces !== undefined && (Array.isArray(input.interfaces) ? input.interfaces.length : has(input.interfaces)) ? check('interfaces', v.checkInterfaceNames(input.interfaces)) : undefined;
  if (interfaces && !canUseShimOption('interface', driver)) bad('interfaces', 'interface-nat');
  const dnsSuffix = has(input.dnsSuffix) ? check('dnsSuffix', v.checkDnsSuffix(input.dnsSuffix)) : undefined;
  const dnsServers = input.dnsServers !== undefined && (Array.isArray(input.dnsServers) ? input.dnsServers.length : has(input.dnsServers)) ? check('dnsServers', v.checkDnsServers(input.dnsServers)) : undefined;
  const hnsName = has(input.hnsName) ? check('hnsName', v.checkHnsName(input.hnsName)) : undefined;
  const hostBuild = has(input.hostBuild) ? check('hostBuild', v.checkHostBuild(input.hostBuild, input.buildOfName)) : undefined;
  const natPrefix = check('natPrefix', v.checkCidr(has(input.natPrefix) ? input.natPrefix : v.DEFAULT_NAT_PREFIX));

  if (driver === 'l2bridge' && (!has(input.subnet) || !has(input.gateway)))
    bad(has(input.subnet) ? 'gateway' : 'subnet', 'l2bridge-needs-subnet');
  else if (driver === 'transparent' && has(input.subnet) && !has(input.gateway))
    bad('gateway', 'transparent-needs-gateway');
  if (driver === 'nat' && v.isWs2016(hostBuild) && natPrefix) {
    if (!has(input.subnet)) bad('subnet', 'ws2016-nat-needs-subnet', { prefix: natPrefix.text });
    else if (subnet) check('subnet', v.checkNatSubnetInPrefix(subnet, natPrefix));
  }
  let ip: string | undefined;
  if (has(input.ip)) {
    if (driver === 'overlay') bad('ip', 'ip-overlay');
    else if (!subnet) bad('ip', has(input.subnet) ? 'ip-bad-subnet' : 'ip-needs-subnet');
    else ip = check('ip', v.checkContainerIp(input.ip, subnet, gateway));
  }
  // The run example is a line to copy: the image must be an image reference, which no shell reads as syntax.
  const image = has(input.image) ? input.image.trim() : 'IMAGE';
  if (image !== 'IMAGE' && !validateKind('image-ref', image).ok) {
    // The value repeated cut to a line (a 20 KB value was printed whole; found by an attacker helper).
    const shown = JSON.stringify(echoed(image));
    const message = `${shown} is not an image reference such as mcr.microsoft.com/windows/servercore:ltsc2022`;
    problems.push({ field: 'option', option: '--image', message, refusal: { id: 'image-ref', value: shown, message } });
  }
  if (problems.length || !name) return err(problems);

  const shim: [WindowsShimOption, string | undefined][] = [
    ['interface', interfaces?.join(',')],
    ['vlanid', vlan === undefined ? undefined : String(vlan)],
    ['networkname', hnsName],
    ['dnssuffix', dnsSuffix],
    ['dnsservers', dnsServers?.join(',')],
  ];
  const opts = shim.filter((o): o is [WindowsShimOption, string] => o[1] !== undefined).map(([k, val]) => [`${WINDOWSSHIM_PREFIX}${k}`, val] as const);
  const argv = ['docker', 'network', 'create', '-d', driver];
  if (subnet) argv.push(`--subnet=${subnet.text}`);
  if (gateway) argv.push(`--gateway=${gateway}`);
  for (const [k, val] of opts) argv.push('-o', `${k}=${val}`);
  argv.push(name);

  const net: Record<string, unknown> = { name, driver };
  if (opts.length) net.driver_opts = Object.fromEntries(opts);
  if (subnet) net.ipam = { driver: 'default', config: [gateway ? { subnet: subnet.text, gateway } : { subnet: subnet.text }] };
  const compose = composeYaml({ networks: { [name]: net } });

  const runArgv = driver === 'overlay' ? ['docker', 'service', 'create', `--network=${name}`, image] : ['docker', 'run', `--network=${name}`, ...(ip ? [`--ip=${ip}`] : []), image];
  const warnings = networkWarnings({
    driver, hostIsVm: input.hostIsVm, hostBuild, vlan, interfaces, subnet: subnet?.text,
    natPrefixGiven: has(input.natPrefix), natPrefix: natPrefix?.text,
  });
  return ok({ driver, name, command: argv.map(quoteArg).join(' '), argv, compose, runExample: runArgv.map(quoteArg).join(' '), runArgv, warnings });
}

/**
 * A compose snippet with every string value in double quotes, and a key too unless it reads as a plain name
 * (`networks`, `driver_opts`, `com.docker.network.windowsshim.interface`). Docker's YAML reader (yaml.v3, YAML 1.1
 * rules) reads unquoted `1_000`, `0b101`, `0_1` as numbers and `2001-01-01` as a date, where the YAML library here
 * (1.2 rules) saw plain strings: a network named `1_000` made compose refuse the file, and `--hns-name 2001-01-01`
 * named the HNS network `2001-01-01 00:00:00 +0000 UTC` (found by a helper with `docker stack config`). A name YAML 1.1
 * reads as a boolean or null (`yes`, `No`, `on`, `OFF`, `y`, `n`, `null`, `~`) is quoted as well: docker/cli's stack
 * loader refused such a key ("non-string key in networks: true"; an attacker helper).
 */
const YAML11_WORDS = /^(?:y|yes|n|no|true|false|on|off|null)$/i;
function composeYaml(data: unknown): string {
  const doc = new Document(data);
  visit(doc, {
    Scalar(key, node) {
      if (typeof node.value === 'string' && (key === 'value' || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(node.value) || YAML11_WORDS.test(node.value))) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString();
}
