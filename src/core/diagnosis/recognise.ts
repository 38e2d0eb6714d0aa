import { imageOf, optionOf, optionsOf, parseCommand } from './command-line.js';
import type { Entities } from './types.js';
import { alphanumericKey } from '../text/normalise.js';

/** What the recognisers learnt from the structure of a paste. */
export interface Recognised {
  structures: string[];
  entities: Entities;
  /** Operations that failed, normalised (CreateContainer, Start, hnsCall, network create, ...). */
  operations: string[];
  /** Tools whose output this is (docker, kubectl, powershell, hcsshim, net). */
  tools: string[];
}

const first = (re: RegExp, text: string): string | undefined => re.exec(text)?.[1]?.trim();

interface Recogniser {
  name: string;
  /** Lower-case fragments of which one must be present before `test` runs (cheap, and it keeps unused patterns uncompiled). */
  hints: string[];
  test: RegExp;
  extract(text: string, e: Entities): void;
}

/** The image a `docker run` line starts, read as the docker CLI reads the line (see command-line.ts). */
export function imageOfDockerRun(text: string): string | undefined {
  const cmd = parseCommand(text.slice(Math.max(0, text.search(/docker(?:\.exe)?[ \t]+(?:container[ \t]+)?run\b/i))));
  return cmd && (cmd.command === 'run' || cmd.command === 'create') ? imageOf(cmd) : undefined;
}

/** Ports of `-p`/`--publish` values (`[ip:]host:container[/proto]`) as `host:container`. */
function publishedPorts(values: string[]): string[] {
  return values.flatMap((v) => {
    const m = /^(?:[\d.]+:|\[[^\]]*\]:)?(\d{1,5}):(\d{1,5})(?:\/\w+)?$/.exec(v);
    return m ? [`${m[1]}:${m[2]}`] : [];
  });
}

/**
 * Entities of the first docker or kubectl command in the paste that the command-line model knows:
 * image, container or service name, network, IP, published ports, isolation; for `docker network
 * create`, the driver, subnet, gateway, options and the network's name.
 */
function commandEntities(t: string, e: Entities): void {
  const cmd = parseCommand(t);
  if (!cmd) return;
  e.tool ??= cmd.tool;
  if (cmd.command === 'network create') {
    e.driver ??= optionOf(cmd, 'driver', 'd');
    e.subnet ??= optionOf(cmd, 'subnet');
    e.gateway ??= optionOf(cmd, 'gateway');
    e.network ??= cmd.positionals[0];
    for (const o of optionsOf(cmd, 'opt', 'o')) {
      const [k, v] = [o.slice(0, o.indexOf('=')), o.slice(o.indexOf('=') + 1)];
      if (o.includes('=') && /windowsshim\.interface$/.test(k)) e.interfaceName ??= v;
      if (o.includes('=') && /windowsshim\.vlanid$/.test(k) && /^\d+$/.test(v)) e.vlan ??= v;
    }
    return;
  }
  const image = imageOf(cmd);
  if (image) e.image ??= image;
  if (cmd.command === 'service create' || cmd.command === 'service update') {
    e.service ??= optionOf(cmd, 'name') ?? (cmd.command === 'service update' ? cmd.positionals[0] : undefined);
  } else if (cmd.tool === 'docker') e.container ??= optionOf(cmd, 'name');
  e.network ??= optionOf(cmd, 'network', 'net');
  const ip = optionOf(cmd, 'ip');
  if (ip && /^\d+\.\d+\.\d+\.\d+$/.test(ip)) e.ip ??= ip;
  const isolation = optionOf(cmd, 'isolation');
  if (isolation) e.isolation ??= isolation;
  const ports = publishedPorts(optionsOf(cmd, 'publish', 'p'));
  if (ports.length) {
    e.ports ??= ports;
    // The host side of the first mapping: the port a NAT mapping could already hold.
    e.port ??= ports[0]?.split(':')[0];
  }
}

const RECOGNISERS: Recogniser[] = [
  {
    name: 'kubectl-describe-pod',
    hints: ['containers:', 'state:', 'last state:'],
    test: /^[ \t]*(?:Containers:|State:\s+\w|Last State:)/m,
    extract(t, e) {
      if (/^Name:\s/m.test(t) && /^Namespace:/m.test(t)) e.pod ??= first(/^Name:\s+(\S+)/m, t);
      e.namespace ??= first(/^Namespace:\s+(\S+)/m, t);
      e.node ??= first(/^Node:\s+([^\s/]+)/m, t);
      e.image ??= first(/^[ \t]*Image:[ \t]+(\S+)/m, t);
      e.reason ??= first(/Reason:\s+(CrashLoopBackOff|ContainerCannotRun|ImagePullBackOff|ErrImagePull|Error)/, t);
      e.tool ??= 'kubectl';
    },
  },
  {
    name: 'kubectl-describe-node',
    hints: ['kernel version:'],
    test: /Kernel Version:\s+10\.0[ .]\d{5}/,
    extract(t, e) {
      const m = /Kernel Version:\s+10\.0[ .](\d{5})\s*(?:\((\d{5})\.(\d+)(?:[^)\d][^)]{0,200})?\))?/.exec(t);
      if (m) {
        e.kernelVersion ??= m[0].replace(/^Kernel Version:\s+/, '');
        e.build ??= m[1];
        if (m[3]) e.revision ??= m[3];
      }
      e.node ??= first(/^(?:Name|Machine ID):\s+(\S+)/m, t);
    },
  },
  {
    name: 'kubectl-get-events',
    hints: ['last seen', 'pod/'],
    test: /LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE|^[ \t]*\S+[ \t]+(?:Warning|Normal)[ \t]+\w+[ \t]+pod\/\S+/m,
    extract(t, e) {
      e.pod ??= first(/\bpod\/(\S+)/, t);
      e.tool ??= 'kubectl';
    },
  },
  {
    name: 'docker-service-ps',
    hints: ['desired state', '\\_', 'docker service ps'],
    test: /\bID\s+NAME\s+IMAGE\s+NODE\s+DESIRED STATE|\\_\s+[\w.-]+\.\d+\s|docker service ps\b/,
    extract(t, e) {
      e.service ??= first(/docker service ps(?:\s+--no-trunc)?\s+([\w.-]+)/, t) ?? first(/(?:\\_\s+|^\w{12,25}\s+)([\w-]+)\.\d+\s/m, t);
      const row = /(?<![\w-])[\w-]+\.\d+[ \t]+(\S+)[ \t]+(\S+)[ \t]+(?:Shutdown|Running|Ready|Rejected|Failed)/.exec(t);
      if (row) {
        e.image ??= row[1];
        e.node ??= row[2];
      }
      e.tool ??= 'docker';
    },
  },
  {
    name: 'docker-service-ls',
    hints: ['replicas'],
    test: /\bID\s+NAME\s+MODE\s+REPLICAS\b/,
    extract(t, e) {
      const row = /^\w{10,}\s+([\w.-]+)\s+(replicated|global)\s+(\d+\/\d+)\s+(\S+)/m.exec(t);
      if (row) {
        e.service ??= row[1];
        e.replicas ??= row[3];
        e.image ??= row[4];
      }
      e.tool ??= 'docker';
    },
  },
  {
    name: 'docker-daemon-error',
    hints: ['error response from daemon', 'encountered an error during', 'failed to create endpoint', 'docker: '],
    test: /Error response from daemon|encountered an error during|failed to create endpoint|docker: /,
    extract(t, e) {
      e.containerId ??= first(/container ([0-9a-f]{12,64}) encountered an error/, t);
      const ep = /failed to create endpoint (\S+) on network (\S+?):/.exec(t);
      if (ep) {
        e.container ??= ep[1];
        e.network ??= ep[2];
      }
      e.tool ??= 'docker';
    },
  },
  {
    name: 'docker-run',
    hints: [' run'],
    test: /docker(?:\.exe)?\s+(?:container\s+)?run\b/,
    extract(t, e) {
      commandEntities(t.slice(Math.max(0, t.search(/docker(?:\.exe)?[ \t]+(?:container[ \t]+)?run\b/i))), e);
      e.tool ??= 'docker';
    },
  },
  {
    name: 'docker-network-create',
    hints: ['network'],
    test: /docker(?:\.exe)?\s+network\s+create\b/,
    extract(t, e) {
      commandEntities(t.slice(Math.max(0, t.search(/docker(?:\.exe)?[ \t]+network[ \t]+create\b/i))), e);
      e.tool ??= 'docker';
    },
  },
  {
    // Other commands the command-line model reads: docker create / pull / service create|update, kubectl run / create deployment.
    name: 'docker-command',
    hints: ['docker', 'kubectl'],
    test: /\b(?:docker(?:\.exe)?[ \t]+(?:container[ \t]+)?(?:create|pull|service[ \t]+(?:create|update))|kubectl(?:\.exe)?[ \t]+(?:run|create[ \t]+deployment))\b/i,
    extract(t, e) {
      commandEntities(t, e);
    },
  },
  {
    name: 'powershell-error-record',
    hints: ['categoryinfo', 'fullyqualifiederrorid', 'at line:'],
    test: /\+ CategoryInfo\s*:|FullyQualifiedErrorId\s*:|^\S[\w-]+ : .+\n\s*At line:\d+/m,
    extract(t, e) {
      e.cmdlet ??= first(/\[([A-Z][a-z]+-[A-Za-z]+)\]/, t) ?? first(/^([A-Z][a-z]+-[A-Za-z]+) : /m, t);
      e.tool ??= 'powershell';
    },
  },
  {
    name: 'hcsshim-log',
    hints: ['hcsshim::', 'hcs::system::', 'hnscall', 'level='],
    test: /hcsshim::|hcs::System::|hnsCall|level=(?:error|warning) msg=/,
    extract(t, e) {
      e.tool ??= 'hcsshim';
    },
  },
  {
    name: 'net-use',
    hints: ['net use'],
    test: /\bnet use\b/i,
    extract(t, e) {
      e.sharePath ??= first(/net use\s+(?:[A-Z]:\s+)?(\\\\[^\s]+)/i, t);
      e.user ??= first(/\/user:(\S+)/i, t);
      e.tool ??= 'net';
    },
  },
  {
    name: 'ipconfig',
    hints: ['ipv4 address'],
    test: /Autoconfiguration IPv4 Address|IPv4 Address[ .]*:/,
    extract(t, e) {
      e.ip ??= first(/IPv4 Address[ .]*:\s*(\d+\.\d+\.\d+\.\d+)/, t);
    },
  },
];

/**
 * Where a failure happened, from the paste: [pattern, operation, needs]. Each operation is in
 * knowledge/vocabulary.yaml (`$1` takes the HCS operation's own name). `needs` are clauses of texts,
 * lower-cased, every match holding a text of each (test/core/diagnosis/recognise.test.ts derives them
 * from the pattern with requiredAllOf): a paste without one of a clause's texts is not run through the
 * pattern, which is then never compiled (compiling the patterns was a good part of a cold start). A
 * clause each for `docker` and the command's word: nearly every paste says "docker", and a failure line
 * compiled the patterns of seven commands it does not name.
 */
export const OPERATIONS: readonly [RegExp, string, readonly (readonly string[])[]][] = [
  // `hcsshim::System::CreateProcess`, `hcsshim::ComputeSystem::Start`, and hcsshim's newer `hcs::System::Start`,
  // `hcs::CreateComputeSystem` (containerd's shim): the operation is the last name.
  [/encountered an error during (?:hcs(?:shim)?::)?(?:(?:Compute)?System::)?(\w+)/, '$1', [['encountered an error during ']]],
  [/\bhcs(?:shim)?::(?:(?:Compute)?System::)?(\w+)/, '$1', [['hcs']]],
  // The engine's own wrapping of it, without the prefix: `Error response from daemon: CreateComputeSystem 22b48c…: …`.
  [/\bCreateComputeSystem [0-9a-f]{12,64}:/, 'CreateComputeSystem', [['createcomputesystem ']]],
  // The same names in a user's own words: "every docker run fails in CreateContainer with …".
  [/\bfail(?:s|ed|ing)? (?:in|at|during) (CreateContainer|CreateComputeSystem|CreateProcess|PrepareLayer|ActivateLayer|ImportLayer)\b/, '$1', [['createcontainer', 'createcomputesystem', 'createprocess', 'preparelayer', 'activatelayer', 'importlayer'], ['fail']]],
  [/\bhnsCall\b/, 'hnsCall', [['hnscall']]],
  // Named as the paste writes it ($0; the same operation as hnsCall, SAME_OPERATION): the evidence said "operation:
  // hnsCall" of a paste that never says it (a new-user helper).
  [/HNS failed with error/i, '$0', [['hns failed with error']]],
  [/failed to create endpoint/, 'create endpoint', [['failed to create endpoint']]],
  [/docker(?:\.exe)?\s+network\s+create/, 'network create', [['network'], ['docker'], ['create']]],
  [/docker(?:\.exe)?\s+exec\b/, 'docker exec', [['docker'], ['exec']]],
  [/docker(?:\.exe)?\s+(?:container\s+)?run\b[^\n]{0,300}\s(?:-p|--publish)[ =]/, 'docker run -p', [['docker'], ['run']]],
  [/docker(?:\.exe)?\s+(?:container\s+)?run\b/, 'docker run', [['docker'], ['run']]],
  [/\bnet use\b/i, 'net use', [['net use']]],
  [/\b(Start|Stop|New)-Container\b/, '$1-Container', [['-container'], ['start', 'stop', 'new']]],
  [/starting container failed/, 'Start', [['starting container failed']]],
  [/failed to start container/, 'Start', [['failed to start container']]],
  [/\bPrepareLayer\b/, 'PrepareLayer', [['preparelayer']]],
  [/docker(?:\.exe)?\s+(?:image\s+|buildx\s+)?build\b/, 'docker build', [['docker'], ['build']]],
  [/docker(?:\.exe)?\s+(?:container\s+)?start\b/, 'docker start', [['docker'], ['start']]],
  [/docker(?:\.exe)?\s+network\s+connect\b/, 'network connect', [['network'], ['connect'], ['docker']]],
  [/docker(?:\.exe)?\s+service\s+(create|update)\b/, 'service $1', [['service'], ['docker'], ['create', 'update']]],
  [/docker(?:\.exe)?\s+stack\s+deploy\b/, 'stack deploy', [['docker'], ['deploy'], ['stack']]],
  // A handful of -f files at most: an unbounded chain, started at every `docker-compose` of a line that repeats it,
  // ran to the line's end each time (quadratic: 64 KiB of `docker-compose -f ` took 0.33 s; an attacker helper).
  [/docker(?:\.exe)?[- ]compose(?:\.exe)?\s+(?:-f\s+\S+\s+){0,8}up\b/, 'compose up', [['compose'], ['docker']]],
  [/\b(?:error|failed to|failure)\s+pull(?:ing)?\s+image\b|\bpull(?:ing)? image\b[^\n]{0,300}\b(?:failed|error)|manifest unknown|manifest for \S+ not found|: unauthorized(?<=\/v2\/\S{0,200}: unauthorized)|docker login|pull access denied/i, 'pull', [['image', ' image', 'manifest unknown', 'manifest for ', ': unauthorized', 'docker login', 'pull access denied'], ['pull', 'manifest unknown', 'manifest for ', ': unauthorized', 'docker login', 'pull access denied'], ['pull', 'manifest unknown', ' not found', ': unauthorized', 'docker login', 'pull access denied']]],
  // The same failed pull in the words of other tools: containerd's CRI plugin ("failed to pull and unpack image", which the
  // kubelet and crictl pass on) and the kubelet's pod events and states (ErrImagePull, ImagePullBackOff, "Back-off pulling
  // image"); and a pull that found no image for the platform, in the words of Docker 17.05 and older ("no supported platform
  // found in manifest list"). Only failure forms: a pull command or its progress line is no failure site. Left out, as
  // measured: today's engine's "no matching manifest for …" (choose-image-tag's message too: a shared operation raised the
  // wrong one of the two) and containerd's "no match for platform in manifest" after `ctr … pull` alone (a paste of
  // cases.jsonl that names no known issue).
  [/\bfailed to pull and unpack image\b|\bErrImagePull\b|\bImagePullBackOff\b|\bBack-off pulling image\b|\bno supported platform found in manifest list\b/i, 'pull', [['failed to pull and unpack image', 'errimagepull', 'imagepullbackoff', 'back-off pulling image', 'no supported platform found in manifest list']]],
];

/**
 * Names of one operation at two layers: the engine reports hcsshim's creation of a compute system as
 * `encountered an error during CreateContainer` (older engines, and hcsshim's legacy API, whose
 * CreateContainer calls HcsCreateComputeSystem), hcsshim itself as `hcsshim::CreateComputeSystem` or
 * `hcs::CreateComputeSystem`. The same failure of the same step reads either way. HNS's own call fails as `hnsCall failed
 * in Win32` or `HNS failed with error`.
 */
const SAME_OPERATION: Readonly<Record<string, string>> = { createcomputesystem: 'createcontainer', hnsfailedwitherror: 'hnscall' };

/**
 * The comparison key of an operation name: case, spaces, dashes and a leading `docker` do not
 * count, so "docker network create", "network create" and "Network-Create" are one operation;
 * two names of one operation (SAME_OPERATION) have one key.
 */
export function operationKey(op: string): string {
  const key = alphanumericKey(op.toLowerCase().replace(/^docker(?:\.exe)?\s+/, ''));
  return SAME_OPERATION[key] ?? key;
}


// The patterns below that are functions are made on first use: V8 parses a regex literal when its module loads, and a
// bare code asks none of these and a failure line few (together about 0.6 million instructions of each start).
// A quoted name ends at its line (an attacker helper: `-SwitchName "ext` and lines of made-up advice up to the next quote
// were one name, printed under "Found in the paste").
let switchNamePattern: RegExp | undefined;
const SWITCH_NAME = (): RegExp => (switchNamePattern ??= /-(?:VMSwitchName|SwitchName)\s+("[^"\r\n]+"|'[^'\r\n]+'|\S+)/i);
const VM_NAME = /-VMName\s+("[^"\r\n]+"|'[^'\r\n]+'|\S+)/i;
let vmswitchNamePattern: RegExp | undefined;
/**
 * A switch named by the VMSwitch cmdlets' own -Name (New-VMSwitch -Name "ext" -NetAdapterName …, or -Name:ext), in the
 * cmdlet's own command (up to the line's end, a `;` or a `|`) and at most 400 characters after the cmdlet's name: a
 * scan to the line's end from every cmdlet name of a line that repeats them was quadratic (64 KiB of
 * `Set-VMSwitch------` took 0.6 s and froze the app for a second; an attacker helper), and the next command's -Name
 * is another thing's name (a regression tester: `Get-NetAdapter -Name "Ethernet 2"` after `New-VMSwitch -Name:Hidden`
 * was offered to Remove-VMSwitch). `-NetAdapterName` and the like are not `-Name`: the hyphen must come right before it.
 */
const VMSWITCH_NAME = (): RegExp => (vmswitchNamePattern ??= /\b(?:New|Get|Set|Remove|Rename)-VMSwitch\b[^\r\n;|]{0,400}?-Name(?::[ \t]*|\s+)("[^"\r\n]+"|'[^'\r\n]+'|[^\s;|-][^\s;|]*)/i);
/** A line break: no name, address or image a paste shows holds one. */
const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;

/** Runs every recogniser over a paste (bounded by the caller) and collects entities and operations. */
export function recognise(text: string): Recognised {
  const entities: Entities = {};
  const structures: string[] = [];
  const lower = text.toLowerCase();
  for (const r of RECOGNISERS) {
    if (!r.hints.some((h) => lower.includes(h)) || !r.test.test(text)) continue;
    structures.push(r.name);
    r.extract(text, entities);
  }
  const operations = new Set<string>();
  for (const [re, out, needs] of OPERATIONS) {
    if (!needs.every((any) => any.some((n) => lower.includes(n)))) continue;
    const m = re.exec(text);
    if (m) operations.add(out === '$0' ? m[0] : out.replace('$1', m[1] ?? ''));
  }
  if (typeof entities.image === 'string') {
    const image = entities.image.replace(/@sha256:[0-9a-f]+$/, '');
    const tag = /:([\w.-]+)$/.exec(image.slice(image.lastIndexOf('/') + 1))?.[1];
    if (tag) entities.tag ??= tag;
  }
  const vswitch = (lower.includes('switchname') ? SWITCH_NAME().exec(text)?.[1] : undefined) ?? (lower.includes('-vmswitch') ? VMSWITCH_NAME().exec(text)?.[1] : undefined);
  if (vswitch) entities.switch ??= vswitch.replace(/^["']|["']$/g, '');
  const vm = lower.includes('-vmname') ? VM_NAME.exec(text)?.[1] : undefined;
  if (vm) entities.vmName ??= vm.replace(/^["']|["']$/g, '');
  const op = [...operations][0];
  if (op) entities.operation ??= op;
  const tools = [...new Set(structures.map((s) => s.split('-')[0] ?? s))];
  if (entities.tool && !tools.includes(entities.tool)) tools.push(entities.tool);
  // No value left undefined, and none read across lines (a quote a command line left open is no value of one thing):
  // such a value is neither shown as found nor offered to a fix.
  for (const k of Object.keys(entities)) {
    const v = entities[k];
    if (v === undefined || (typeof v === 'string' && LINE_BREAK.test(v))) delete entities[k];
    else if (Array.isArray(v)) {
      const kept = v.filter((x) => typeof x !== 'string' || !LINE_BREAK.test(x));
      if (kept.length) entities[k] = kept;
      else delete entities[k];
    }
  }
  return { structures, entities, operations: [...operations], tools };
}
