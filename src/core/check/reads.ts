import { parseDockerImages, parseDockerInfo, parseDockerVersion, parseContainerdVersion } from './parsers/docker.js';
import { parseDynamicPorts, parseExcludedPorts, parseHnsEndpoints, parseHnsNetworks, parseIpv6Binding, parseIpv6Registry, parseNetNat, parseNetNatStatic, parseVmSwitch } from './parsers/network.js';
import { parseComputerInfo, parseComputerSystem, parseCurrentVersion, parseVer, parseWin32Os } from './parsers/os.js';
import { parseCredentialSpecs, parseDisks, parseFeatures, parseKubeNodes, parseMpPreference, parsePagefile, parsePipes, parseProcesses, parseRegistryValue, parseServices } from './parsers/system.js';
import type { ReadId } from './types.js';

/** One read: the command the collector runs (as shown before asking), whether it needs elevation, and its parser. */
export interface ReadSpec<T> {
  command: string;
  admin: boolean;
  /** Undefined when the text is not what this command prints. */
  parse(text: string): T | undefined;
}

const spec = <T>(command: string, admin: boolean, parse: (text: string) => T | undefined): ReadSpec<T> => ({ command, admin, parse });

/**
 * Every read, in the order the collector makes them. The commands are the ones in collect.ps1 (a test
 * checks both lists agree); `admin` marks what Windows only answers in an elevated session.
 */
export const READS = {
  currentVersion: spec("Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'", false, parseCurrentVersion),
  win32os: spec('Get-CimInstance Win32_OperatingSystem', false, parseWin32Os),
  computerSystem: spec('Get-CimInstance Win32_ComputerSystem', false, parseComputerSystem),
  ver: spec('cmd /c ver', false, parseVer),
  computerInfo: spec('Get-ComputerInfo', false, parseComputerInfo),
  dockerInfo: spec("docker info --format '{{json .}}'", false, parseDockerInfo),
  dockerVersion: spec("docker version --format '{{json .}}'", false, parseDockerVersion),
  dockerImages: spec('docker image inspect (docker image ls -q)', false, parseDockerImages),
  containerdVersion: spec('containerd --version', false, parseContainerdVersion),
  services: spec('Get-Service hns, vmcompute, docker, containerd, kubelet, kubeproxy, WinDefend', false, parseServices),
  processes: spec('Get-Process dockerd, containerd, kubelet, kube-proxy, vmcompute (and the HNS host process)', false, parseProcesses),
  features: spec('Get-WindowsOptionalFeature -Online -FeatureName Containers, Microsoft-Hyper-V (Get-WindowsFeature on a server)', true, parseFeatures),
  pipes: spec('Test-Path \\\\.\\pipe\\docker_engine, \\\\.\\pipe\\containerd-containerd', false, parsePipes),
  disks: spec('Get-CimInstance Win32_LogicalDisk -Filter DriveType=3', false, parseDisks),
  fveDenyWrite: spec("Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FVE' FDVDenyWriteAccess", false, (t) => parseRegistryValue(t, 'FDVDenyWriteAccess')),
  pagefile: spec('Get-CimInstance Win32_PageFileUsage', false, parsePagefile),
  hnsNetworks: spec('Get-HnsNetwork | ConvertTo-Json -Depth 20', true, parseHnsNetworks),
  hnsEndpoints: spec('Get-HnsEndpoint | ConvertTo-Json -Depth 20', true, parseHnsEndpoints),
  netNat: spec('Get-NetNat', false, parseNetNat),
  netNatStatic: spec('Get-NetNatStaticMapping', false, parseNetNatStatic),
  vmSwitch: spec('Get-VMSwitch', true, parseVmSwitch),
  ipv6Binding: spec('Get-NetAdapterBinding -ComponentID ms_tcpip6', false, parseIpv6Binding),
  ipv6Registry: spec("Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters' DisabledComponents", false, parseIpv6Registry),
  excludedPorts: spec('netsh int ipv4 show excludedportrange protocol=tcp', false, parseExcludedPorts),
  dynamicPorts: spec('netsh int ipv4 show dynamicportrange protocol=tcp', false, parseDynamicPorts),
  mpPreference: spec('Get-MpPreference', true, parseMpPreference),
  credentialSpecs: spec('Get-Content <DockerRootDir>\\CredentialSpecs\\*.json', false, parseCredentialSpecs),
  kubeNode: spec('kubectl get node NAME -o json', false, parseKubeNodes),
} satisfies Record<ReadId, ReadSpec<unknown>>;

/** The parsed value type of each read. */
export type ReadValueOf<K extends ReadId> = NonNullable<ReturnType<(typeof READS)[K]['parse']>>;
