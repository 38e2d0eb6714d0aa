import type { Entities } from './types.js';

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

/** `docker run` options that take no value; every other option takes one (`--name x` or `--name=x`). */
const RUN_SWITCHES = new Set(['d', 'i', 't', 'P', 'detach', 'interactive', 'tty', 'rm', 'init', 'privileged', 'publish-all', 'read-only', 'sig-proxy', 'no-healthcheck', 'oom-kill-disable', 'help', 'quiet', 'q']);

/**
 * The image a `docker run` line starts: its words are read as the docker CLI reads them (options,
 * their values, then the image), rather than by one pattern, which would backtrack over every way
 * of splitting a long run of options. Only the first 4,096 characters of the line are read.
 */
export function imageOfDockerRun(text: string): string | undefined {
  const at = /docker(?:\.exe)?[ \t]+(?:container[ \t]+)?run\b/.exec(text);
  if (!at) return undefined;
  const rest = text.slice(at.index + at[0].length, at.index + at[0].length + 4096);
  const words = rest.slice(0, rest.includes('\n') ? rest.indexOf('\n') : undefined).split(/[ \t]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') return /^[a-z0-9][\w./:-]*/.exec(words[i + 1] ?? '')?.[0];
    if (!w.startsWith('-')) return /^[a-z0-9][\w./:-]*/.exec(w)?.[0];
    if (w.includes('=')) continue;
    const name = w.replace(/^--?/, '');
    // Short switches may be grouped (`-it`, `-dit`); a long or short option outside the list takes the next word.
    const isSwitch = w.startsWith('--') ? RUN_SWITCHES.has(name) : [...name].every((c) => RUN_SWITCHES.has(c));
    if (!isSwitch) i++;
  }
  return undefined;
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
      const ports = [...t.matchAll(/(?:-p|--publish)[ =](?:[\d.]+:)?(\d{1,5}):(\d{1,5})/g)].map((m) => `${m[1]}:${m[2]}`);
      if (ports.length) {
        e.ports ??= ports;
        // The host side of the first mapping: the port a NAT mapping could already hold.
        e.port ??= ports[0]?.split(':')[0];
      }
      e.network ??= first(/--network[ =](\S+)/, t);
      e.ip ??= first(/--ip[ =](\d+\.\d+\.\d+\.\d+)/, t);
      e.image ??= imageOfDockerRun(t);
      e.tool ??= 'docker';
    },
  },
  {
    name: 'docker-network-create',
    hints: ['network'],
    test: /docker(?:\.exe)?\s+network\s+create\b/,
    extract(t, e) {
      const line = /docker(?:\.exe)?\s+network\s+create\b[^\n]*/.exec(t)?.[0] ?? '';
      e.driver ??= first(/(?:-d|--driver)[ =]([\w-]+)/, line);
      e.subnet ??= first(/--subnet[ =](\S+)/, line);
      e.gateway ??= first(/--gateway[ =](\S+)/, line);
      e.network ??= first(/\s([\w.-]+)\s*$/, line);
      e.interfaceName ??= first(/windowsshim\.interface=("[^"]+"|\S+)/, line)?.replace(/"/g, '');
      e.vlan ??= first(/windowsshim\.vlanid=(\d+)/, line);
      e.tool ??= 'docker';
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

const OPERATIONS: [RegExp, string][] = [
  // `hcsshim::System::CreateProcess`, `hcsshim::ComputeSystem::Start`: the operation is the last name.
  [/encountered an error during (?:hcsshim::)?(?:(?:Compute)?System::)?(\w+)/, '$1'],
  [/hcsshim::(?:(?:Compute)?System::)?(\w+)/, '$1'],
  [/hcs::System::(\w+)/, '$1'],
  [/\bhnsCall\b/, 'hnsCall'],
  [/HNS failed with error/i, 'hnsCall'],
  [/failed to create endpoint/, 'create endpoint'],
  [/docker(?:\.exe)?\s+network\s+create/, 'network create'],
  [/docker(?:\.exe)?\s+exec\b/, 'docker exec'],
  [/docker(?:\.exe)?\s+(?:container\s+)?run\b[^\n]{0,300}\s(?:-p|--publish)[ =]/, 'docker run -p'],
  [/docker(?:\.exe)?\s+(?:container\s+)?run\b/, 'docker run'],
  [/\bnet use\b/i, 'net use'],
  [/\b(Start|Stop|New)-Container\b/, '$1-Container'],
  [/starting container failed/, 'Start'],
  [/failed to start container/, 'Start'],
  [/\bPrepareLayer\b/, 'PrepareLayer'],
  [/\b(?:error|failed to|failure)\s+pull(?:ing)?\s+image\b|\bpull(?:ing)? image\b[^\n]{0,300}\b(?:failed|error)|manifest unknown|manifest for \S+ not found|: unauthorized(?<=\/v2\/\S{0,200}: unauthorized)|docker login|pull access denied/i, 'pull'],
];

/**
 * The comparison key of an operation name: case, spaces, dashes and a leading `docker` do not
 * count, so "docker network create", "network create" and "Network-Create" are one operation.
 */
export function operationKey(op: string): string {
  return op.toLowerCase().replace(/^docker(?:\.exe)?\s+/, '').replace(/[^a-z0-9]/g, '');
}

/** Operations that name where a failure happened (as opposed to a command merely mentioned). */
export const FAILURE_SITES = new Set(['createcontainer', 'start', 'startcontainer', 'preparelayer', 'hnscall', 'createendpoint', 'networkcreate', 'createcomputesystem', 'createprocess', 'netuse', 'exec', 'pull']);

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
  for (const [re, out] of OPERATIONS) {
    const m = re.exec(text);
    if (m) operations.add(out.replace('$1', m[1] ?? ''));
  }
  if (typeof entities.image === 'string') {
    const image = entities.image.replace(/@sha256:[0-9a-f]+$/, '');
    const tag = /:([\w.-]+)$/.exec(image.slice(image.lastIndexOf('/') + 1))?.[1];
    if (tag) entities.tag ??= tag;
  }
  const vswitch = /-(?:VMSwitchName|SwitchName)\s+("[^"]+"|'[^']+'|\S+)/i.exec(text)?.[1];
  if (vswitch) entities.switch ??= vswitch.replace(/^["']|["']$/g, '');
  const vm = /-VMName\s+("[^"]+"|'[^']+'|\S+)/i.exec(text)?.[1];
  if (vm) entities.vmName ??= vm.replace(/^["']|["']$/g, '');
  const op = [...operations][0];
  if (op) entities.operation ??= op;
  const tools = [...new Set(structures.map((s) => s.split('-')[0] ?? s))];
  if (entities.tool && !tools.includes(entities.tool)) tools.push(entities.tool);
  for (const k of Object.keys(entities)) if (entities[k] === undefined) delete entities[k];
  return { structures, entities, operations: [...operations], tools };
}
