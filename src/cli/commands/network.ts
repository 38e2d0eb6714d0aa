import { networkIssue } from '../../core/network/problems.js';
import { Option, type Command } from 'commander';
import { DRIVER_NOTES, DRIVERS, type NetworkDriver } from '../../core/network/drivers.js';
import { planNetwork, type NetworkPlan, type NetworkPlanInput } from '../../core/network/plan-network.js';
import { buildsOfName } from '../../core/compat/versions.js';
import type { BuildOfName } from '../../core/network/validators.js';
import type { CompatData } from '../../core/compat/types.js';
import { loadKnowledgeBase } from '../../platform/knowledge-fs.js';
import { UNSUPPORTED_OPTIONS, type RequestedOption } from '../../core/network/unsupported-options.js';
import type { T } from '../../ui/i18n.js';
import { driverNotesText, planWarningText, problemText, unsupportedText } from '../../ui/network-text.js';
import { EXIT, type CliIO } from '../io.js';
import { resolveCliLocale, translatorFor } from '../lang.js';
import { afterHelp } from '../help-text.js';

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

/**
 * The build(s) a release name given as the host build stands for (`--host-build ltsc2019`, `"Windows Server 2022"`), from
 * the compat data; several for a name releases share (`23H2`). The knowledge is read only when a name is given.
 */
export function buildOfName(compat: () => CompatData | undefined = compatOfKnowledge): BuildOfName {
  return (n) => {
    const data = compat();
    return data ? buildsOfName(data, n) : undefined;
  };
}

function compatOfKnowledge(): CompatData | undefined {
  try {
    return loadKnowledgeBase().compat;
  } catch {
    // No readable knowledge: a name is then judged as any other text (refused, with the usual message).
    return undefined;
  }
}

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

/** The headings and warnings of a plan printout in one language; `ENGLISH` is the engine's own text. */
export interface PlanWords {
  driver(driver: string): string;
  create: string;
  runContainer: string;
  runService: string;
  compose: string;
  warnings: string;
  warning(w: NetworkPlan['warnings'][number]): string;
  /** A warning followed by the topic that explains it. */
  withTopic(warning: string, topic: string): string;
}

const ENGLISH: PlanWords = {
  driver: (d) => `Driver: ${d}`,
  create: 'Create the network:',
  runContainer: 'Run a container on it:',
  runService: 'Run a service on it:',
  compose: 'docker-compose:',
  warnings: 'Warnings:',
  warning: (w) => w.message,
  withTopic: (warning, topic) => `${warning} (topic: ${topic})`,
};

/** The plan's words through the UI catalogue: the wizard's headings and warnings where they say the same. */
export function planWords(t: T, ctx: { hostIsVm?: boolean }): PlanWords {
  return {
    driver: (driver) => t('network.plan.driver', { driver }),
    create: t('wizard.done.command'),
    runContainer: t('wizard.done.run'),
    runService: t('wizard.done.service'),
    compose: t('wizard.done.compose'),
    warnings: t('network.plan.warnings'),
    warning: (w) => planWarningText(w, t, ctx),
    withTopic: (warning, topic) => t('network.plan.topic', { warning, topic }),
  };
}

/** Formats a plan as plain text: command, run example, compose snippet and warnings (in English unless words are given). */
export function formatPlan(plan: NetworkPlan, w: PlanWords = ENGLISH): string {
  const parts = [
    w.driver(plan.driver),
    `${w.create}\n${indent(plan.command)}`,
    `${plan.driver === 'overlay' ? w.runService : w.runContainer}\n${indent(plan.runExample)}`,
    `${w.compose}\n${indent(plan.compose)}`,
  ];
  if (plan.warnings.length) parts.push(`${w.warnings}\n${plan.warnings.map((x) => `  ! ${x.topic ? w.withTopic(w.warning(x), x.topic) : w.warning(x)}`).join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}

function formatNotes(d: NetworkDriver, t: T | undefined): string {
  const n = DRIVER_NOTES[d];
  if (!t) return [`${n.driver} (${n.scope})`, indent(n.summary), `  addresses: ${n.addresses}`, ...n.needs.map((x) => `  needs: ${x}`), `  service discovery: ${n.serviceDiscovery}`].join('\n');
  const x = driverNotesText(d, t);
  return [
    t('network.explain.heading', { driver: n.driver, scope: x.scope }),
    indent(x.summary),
    `  ${t('network.explain.addresses', { text: x.addresses })}`,
    ...x.needs.map((text) => `  ${t('network.explain.needs', { text })}`),
    `  ${t('network.explain.discovery', { text: x.discovery })}`,
  ].join('\n');
}

/** The UI catalogue in the language --lang or the environment names; undefined for English (the engine's own text). */
function cliTranslator(cmd: Command, io: CliIO): T | undefined {
  const locale = resolveCliLocale(cmd.optsWithGlobals<{ lang?: string }>().lang, io.env);
  return translatorFor(locale);
}

/** `wcdoctor network plan|explain`: plans a `docker network create` command and explains the drivers. */
export function registerNetwork(program: Command, io: CliIO): void {
  const network = program
    .command('network')
    .description('plan Windows container networks and explain the drivers')
    .addHelpText('after', afterHelp('With no command: in a terminal, the network setup wizard; otherwise this help,\non standard output (exit 0). Exit codes of plan and explain: 0 printed,\n2 bad input.'))
    // `network help plan`: commander adds its help command by itself only to a command without an action of its own.
    .helpCommand('help [command]', 'display help for command')
    // A stray word reaches the action, to be named as an unknown command (`network pln`), as it was without one.
    .allowExcessArguments(true)
    .action(async (_opts: unknown, cmd: Command) => {
      if (cmd.args.length) (cmd as unknown as { unknownCommand(): never }).unknownCommand();
      // Nothing asked, in a terminal: the app's network wizard, as `compat` and `diagnose` open their screens (a new-user
      // helper got the help here); elsewhere the help, on stdout with exit 0 as `wcdoctor` alone prints its own.
      if (io.isTTY.stdin && io.isTTY.stdout) {
        const { openScreen } = await import('./ui.js');
        const globals = cmd.optsWithGlobals<{ lang?: string; color?: boolean }>();
        const locale = globals.lang === undefined ? undefined : resolveCliLocale(globals.lang, io.env);
        return openScreen(io, { screen: 'network' }, { noColor: globals.color === false, ...(locale ? { lang: locale } : {}) });
      }
      cmd.outputHelp();
    });

  // The subcommands take only their own arguments: commander copies `network`'s allowExcessArguments into them, and a
  // subnet typed without --subnet gave a plan without it, exit 0 (a regression tester).
  const plan = network
    .command('plan')
    .allowExcessArguments(false)
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
    .option('--host-build <build>', 'host build or release (14393 or ltsc2016 applies the Windows Server 2016 rules)')
    .option('--host-vm', 'the container host is a virtual machine')
    .option('--nat-prefix <cidr>', "the host's internal NAT prefix from Get-NetNat (default 172.16.0.0/16)")
    .option('--ip <ip>', 'static container address for the docker run example')
    .option('--image <image>', 'image for the docker run example')
    .option('--json', 'print {"driver","command","argv","compose","runExample","warnings"}');
  for (const [, flag, arg] of REFUSED) plan.addOption(new Option(`${flag}${arg}`).hideHelp());
  plan.addOption(new Option('-o, --opt <key=value>').hideHelp().argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]));
  plan.action((name: string, flags: PlanFlags, cmd: Command) => {
    // Headings, warnings and refusals in the user's language; commands, options and values stay as typed.
    const t = cliTranslator(cmd, io);
    const r = planNetwork({ ...planInputFromFlags(name, flags), buildOfName: buildOfName() });
    if (!r.ok) {
      for (const p of r.error) io.err(`wcdoctor network plan: ${p.option}: ${t ? problemText(p, t) : p.message}\n`);
      io.setExitCode(EXIT.usage);
      return;
    }
    const { driver, command, argv, compose, runExample } = r.value;
    // --json keeps the engine's fields (the English message beside each warning id), without the translation's values.
    const warnings = r.value.warnings.map(({ params: _values, ...w }) => w);
    io.out(flags.json ? `${JSON.stringify({ driver, command, argv, compose, runExample, warnings }, null, 2)}\n` : formatPlan(r.value, t && planWords(t, { hostIsVm: flags.hostVm })));
  });

  network
    .command('explain')
    .allowExcessArguments(false)
    .description('what each driver does and needs (l2tunnel included), and the options Windows refuses')
    .argument('[driver]', DRIVERS.join(', '))
    .option('--json', 'print the notes as JSON')
    .action((driver: string | undefined, flags: { json?: boolean }, cmd: Command) => {
      const t = cliTranslator(cmd, io);
      const d = driver?.toLowerCase();
      if (d !== undefined && !(DRIVERS as readonly string[]).includes(d)) {
        const issue = networkIssue('driver-unknown', { value: driver ?? '', drivers: DRIVERS.join(', ') });
        const why = t ? t('wizard.problem.driver-unknown', issue.params) : issue.message;
        io.err(`wcdoctor network explain: ${why}\n`);
        io.setExitCode(EXIT.usage);
        return;
      }
      const list = d ? [d as NetworkDriver] : [...DRIVERS];
      if (flags.json) {
        io.out(`${JSON.stringify({ drivers: list.map((x) => DRIVER_NOTES[x]), ...(d ? {} : { unsupported: UNSUPPORTED_OPTIONS }) }, null, 2)}\n`);
        return;
      }
      io.out(`${list.map((x) => formatNotes(x, t)).join('\n\n')}\n`);
      if (!d) io.out(`\n${t ? t('network.explain.unsupported') : 'Not supported on Windows:'}\n${UNSUPPORTED_OPTIONS.map((u) => `  ${u.command} ${u.option}: ${t ? unsupportedText(u.option, t) : u.reason}`).join('\n')}\n`);
    });
}
