import { WINDOWSSHIM_OPTIONS, WINDOWSSHIM_PREFIX } from './drivers.js';

/** A docker option someone asked for, with its value when it takes one. */
export interface RequestedOption {
  option: string;
  value?: string;
}

/** A docker option Windows does not support, where it is refused and why. */
export interface UnsupportedOption {
  option: string;
  command: 'docker network create' | 'docker run' | 'docker service';
  reason: string;
}

/** Options Windows does not support (source 004, "unsupported features and network options"). */
export const UNSUPPORTED_OPTIONS: readonly UnsupportedOption[] = [
  { option: '--internal', command: 'docker network create', reason: 'internal-only networks are not supported on Windows' },
  { option: '--ip-range', command: 'docker network create', reason: 'sub-ranges for address allocation are not supported on Windows; give the whole --subnet' },
  { option: '--ipv6', command: 'docker network create', reason: 'IPv6 container networks are not supported on Windows' },
  { option: '--aux-address', command: 'docker network create', reason: 'auxiliary (reserved) addresses are not supported on Windows' },
  { option: '--ipam-driver', command: 'docker network create', reason: 'other IPAM drivers are not supported on Windows (HNS, Swarm or the external network assign addresses)' },
  { option: '--ipam-opt', command: 'docker network create', reason: 'IPAM driver options are not supported on Windows' },
  { option: '--link', command: 'docker run', reason: 'container links are not supported on Windows; rely on service discovery (DNS names) instead' },
  { option: '--ip6', command: 'docker run', reason: 'IPv6 container addresses are not supported on Windows' },
  { option: '--dns-option', command: 'docker run', reason: 'DNS resolver options are not supported on Windows' },
  { option: '--dns-search', command: 'docker run', reason: 'several DNS search domains are not supported on Windows; set one suffix with --dns-suffix' },
  { option: '--opt encrypted', command: 'docker service', reason: 'data-plane encryption of overlay networks is not supported on Windows' },
];

const SHIM_FLAGS: Record<string, string> = {
  interface: '--interface',
  vlanid: '--vlan',
  networkname: '--hns-name',
  dnssuffix: '--dns-suffix',
  dnsservers: '--dns-servers',
};

/** Why a requested option is refused, or undefined when it is fine. `--opt`/`-o` values are checked too. */
export function explainUnsupported(req: RequestedOption): string | undefined {
  const name = req.option === '-o' ? '--opt' : req.option;
  if (name === '--opt') {
    const key = (req.value ?? '').split('=')[0]?.trim() ?? '';
    if (key === 'encrypted') return UNSUPPORTED_OPTIONS.find((u) => u.option === '--opt encrypted')?.reason;
    if (key.startsWith(WINDOWSSHIM_PREFIX)) {
      const shim = key.slice(WINDOWSSHIM_PREFIX.length);
      return shim in WINDOWSSHIM_OPTIONS ? `use ${SHIM_FLAGS[shim] ?? 'its flag'} instead; wcdoctor writes the -o option itself` : `"${shim}" is not a Windows network option`;
    }
    return `"${key}" is not a driver option wcdoctor knows for Windows networks`;
  }
  return UNSUPPORTED_OPTIONS.find((u) => u.option === name)?.reason;
}
