import { WINDOWSSHIM_OPTIONS, WINDOWSSHIM_PREFIX } from './drivers.js';

/** A docker option someone asked for, with its value when it takes one. */
export interface RequestedOption {
  option: string;
  value?: string;
}

/** The docker options Windows does not support (the names are also the ids a translation keys on). */
export type UnsupportedOptionName =
  | '--internal'
  | '--ip-range'
  | '--ipv6'
  | '--aux-address'
  | '--ipam-driver'
  | '--ipam-opt'
  | '--link'
  | '--ip6'
  | '--dns-option'
  | '--dns-search'
  | '--opt encrypted';

/** A docker option Windows does not support, where it is refused and why. */
export interface UnsupportedOption {
  option: UnsupportedOptionName;
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

/**
 * Why a requested option is refused, as an id with its values (for a translation) and the English message:
 * an option Windows does not support, a windowsshim option that has a flag of its own, or an `--opt` key
 * that is not a Windows network option.
 */
export type OptionRefusal = (
  | { id: 'unsupported'; option: UnsupportedOptionName }
  | { id: 'shim-flag'; flag: string }
  | { id: 'shim-unknown'; name: string }
  | { id: 'opt-unknown'; key: string }
) & { message: string };

/** Why a requested option is refused, or undefined when it is fine. `--opt`/`-o` values are checked too. */
export function refuseOption(req: RequestedOption): OptionRefusal | undefined {
  const name = req.option === '-o' ? '--opt' : req.option;
  const unsupported = (option: string): OptionRefusal | undefined => {
    const u = UNSUPPORTED_OPTIONS.find((x) => x.option === option);
    return u && { id: 'unsupported', option: u.option, message: u.reason };
  };
  if (name === '--opt') {
    const key = (req.value ?? '').split('=')[0]?.trim() ?? '';
    if (key === 'encrypted') return unsupported('--opt encrypted');
    if (key.startsWith(WINDOWSSHIM_PREFIX)) {
      const shim = key.slice(WINDOWSSHIM_PREFIX.length);
      if (!(shim in WINDOWSSHIM_OPTIONS)) return { id: 'shim-unknown', name: shim, message: `"${shim}" is not a Windows network option` };
      const flag = SHIM_FLAGS[shim] ?? 'its flag';
      return { id: 'shim-flag', flag, message: `use ${flag} instead; wcdoctor writes the -o option itself` };
    }
    return { id: 'opt-unknown', key, message: `"${key}" is not a driver option wcdoctor knows for Windows networks` };
  }
  return unsupported(name);
}

/** Why a requested option is refused (in English), or undefined when it is fine. */
export const explainUnsupported = (req: RequestedOption): string | undefined => refuseOption(req)?.message;
