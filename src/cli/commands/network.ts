import { Option, type Command } from 'commander';
import { DRIVER_NOTES, DRIVERS, type NetworkDriver } from '../../core/network/drivers.js';
import { planNetwork, type NetworkPlan, type NetworkPlanInput } from '../../core/network/plan-network.js';
import { UNSUPPORTED_OPTIONS, type RequestedOption } from '../../core/network/unsupported-options.js';
import { EXIT, type CliIO } from '../io.js';

interface PlanFlags {
  driver: string;
  subnet?: string;
  gateway?: string;
  vlan?: string;
  interface?: string;
  dnsSuffix?: string;
  dnsServers?: string;
  hnsName?: string;
  hostBuild?: string;
  hostVm?: boolean;
  ip?: string;
  image?: string;
  natPrefix?: string;
  json?: boolean;
  // Options Windows does not support: accepted by the parser only to refuse them with the reason.
  internal?: boolean;
  ipv6?: boolean;
  ipRange?: string;
  auxAddress?: string;
  ipamDriver?: string;
  ipamOpt?: string;
  link?: string;
  ip6?: string;
  dnsOption?: string;
  dnsSearch?: string;
  opt?: string[];
}

const REFUSED: [keyof PlanFlags, string, string][] = [
  ['internal', '--internal', ''],
  ['ipv6', '--ipv6', ''],
  ['ipRange', '--ip-range', ' <range>'],
  ['auxAddress', '--aux-address', ' <addr>'],
  ['ipamDriver', '--ipam-driver', ' <driver>'],
  ['ipamOpt', '--ipam-opt', ' <opt>'],
  ['link', '--link', ' <container>'],
  ['ip6', '--ip6', ' <address>'],
  ['dnsOption', '--dns-option', ' <option>'],
  ['dnsSearch', '--dns-search', ' <domain>'],
];

/** Turns the parsed flags into planNetwork's input, including any unsupported docker options asked for. */
export function planInputFromFlags(name: string, f: PlanFlags): NetworkPlanInput {
  const extraOptions: RequestedOption[] = [];
  for (const [key, option] of REFUSED) if (f[key] !== undefined) extraOptions.push({ option });
  for (const value of f.opt ?? []) extraOptions.push({ option: '--opt', value });
  const input: NetworkPlanInput = { driver: f.driver, name, extraOptions };
  const copy = { subnet: f.subnet, gateway: f.gateway, vlan: f.vlan, interfaces: f.interface, dnsSuffix: f.dnsSuffix, dnsServers: f.dnsServers, hnsName: f.hnsName, hostBuild: f.hostBuild, natPrefix: f.natPrefix, ip: f.ip, image: f.image, hostIsVm: f.hostVm };
  for (const [k, v] of Object.entries(copy)) if (v !== undefined) (input as unknown as Record<string, unknown>)[k] = v;
  return input;
}

const indent = (text: string) => text.trimEnd().split('\n').map((l) => `  ${l}`).join('\n');

/** Formats a plan as plain text: command, run example, compose snippet and warnings. */
export function formatPlan(plan: NetworkPlan): string {
  const parts = [
    `Driver: ${plan.driver}`,
    `Create the network:\n${indent(plan.command)}`,
    `${plan.driver === 'overlay' ? 'Run a service on it' : 'Run a container on it'}:\n${indent(plan.runExample)}`,
    `docker-compose:\n${indent(plan.compose)}`,
  ];
  if (plan.warnings.length) parts.push(`Warnings:\n${plan.warnings.map((w) => `  ! ${w.message}${w.topic ? ` (topic: ${w.topic})` : ''}`).join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}

function formatNotes(d: NetworkDriver): string {
  const n = DRIVER_NOTES[d];
  return [`${n.driver} (${n.scope})`, indent(n.summary), `  addresses: ${n.addresses}`, ...n.needs.map((x) => `  needs: ${x}`), `  service discovery: ${n.serviceDiscovery}`].join('\n');
}

/** `wcdoctor network plan|explain`: plans a `docker network create` command and explains the drivers. */
export function registerNetwork(program: Command, io: CliIO): void {
  const network = program.command('network').description('plan Windows container networks and explain the drivers');

  const plan = network
    .command('plan')
    .description('print the docker network create command, the compose snippet and the warnings')
    .argument('<name>', 'name of the network to create')
    .option('--driver <driver>', 'nat, transparent, overlay or l2bridge', 'nat')
    .option('--subnet <cidr>', 'IPv4 prefix, e.g. 10.123.174.0/23')
    .option('--gateway <ip>', 'gateway inside the subnet')
    .option('--vlan <id>', 'VLAN id 1-4094 (transparent, l2bridge)')
    .option('--interface <names>', 'adapter name; a comma list teams several adapters')
    .option('--dns-suffix <suffix>', 'DNS suffix of the network')
    .option('--dns-servers <ips>', 'comma list of DNS server addresses')
    .option('--hns-name <name>', 'name of the network as HNS shows it')
    .option('--host-build <build>', 'host build (14393 applies the Windows Server 2016 rules)')
    .option('--host-vm', 'the container host is a virtual machine')
    .option('--nat-prefix <cidr>', "the host's internal NAT prefix from Get-NetNat (default 172.16.0.0/16)")
    .option('--ip <ip>', 'static container address for the docker run example')
    .option('--image <image>', 'image for the docker run example')
    .option('--json', 'print {"driver","command","argv","compose","runExample","warnings"}');
  for (const [, flag, arg] of REFUSED) plan.addOption(new Option(`${flag}${arg}`).hideHelp());
  plan.addOption(new Option('-o, --opt <key=value>').hideHelp().argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]));
  plan.action((name: string, flags: PlanFlags) => {
    const r = planNetwork(planInputFromFlags(name, flags));
    if (!r.ok) {
      for (const p of r.error) io.err(`wcdoctor network plan: ${p.option}: ${p.message}\n`);
      io.setExitCode(EXIT.usage);
      return;
    }
    const { driver, command, argv, compose, runExample, warnings } = r.value;
    io.out(flags.json ? `${JSON.stringify({ driver, command, argv, compose, runExample, warnings }, null, 2)}\n` : formatPlan(r.value));
  });

  network
    .command('explain')
    .description('what each driver does and needs (l2tunnel included), and the options Windows refuses')
    .argument('[driver]', DRIVERS.join(', '))
    .option('--json', 'print the notes as JSON')
    .action((driver: string | undefined, flags: { json?: boolean }) => {
      const d = driver?.toLowerCase();
      if (d !== undefined && !(DRIVERS as readonly string[]).includes(d)) {
        io.err(`wcdoctor network explain: "${driver}" is not a Windows network driver; use one of ${DRIVERS.join(', ')}\n`);
        io.setExitCode(EXIT.usage);
        return;
      }
      const list = d ? [d as NetworkDriver] : [...DRIVERS];
      if (flags.json) {
        io.out(`${JSON.stringify({ drivers: list.map((x) => DRIVER_NOTES[x]), ...(d ? {} : { unsupported: UNSUPPORTED_OPTIONS }) }, null, 2)}\n`);
        return;
      }
      io.out(`${list.map(formatNotes).join('\n\n')}\n`);
      if (!d) io.out(`\nNot supported on Windows:\n${UNSUPPORTED_OPTIONS.map((u) => `  ${u.command} ${u.option}: ${u.reason}`).join('\n')}\n`);
    });
}
