import { asRecord, bool, num, parseBuild, parseJsonLoose, recordsOf, str } from './common.js';

/** The host's Windows identity, from whichever read had it. */
export interface OsInfo {
  build?: number;
  ubr?: number;
  productName?: string;
  /** `Server`, `Client`, `Server Core`, `Nano Server` (registry InstallationType / Get-ComputerInfo). */
  installationType?: string;
  /** Win32_OperatingSystem ProductType: 1 workstation, 2 domain controller, 3 server. */
  productType?: number;
  displayVersion?: string;
  freeMemoryKb?: number;
  totalMemoryKb?: number;
  /** The processor architecture the OS runs on (Win32_OperatingSystem OSArchitecture, Get-ComputerInfo OsArchitecture or CsSystemType). */
  architecture?: 'x64' | 'arm64' | 'x86';
}

/**
 * An architecture as Windows names it: OSArchitecture "64-bit" / "ARM 64-bit Processor" (the words localised: "64 Bit",
 * "64 bits", "64 位"), CsSystemType "x64-based PC" / "ARM64-based PC", or a platform name (amd64, arm64).
 */
export function architectureOf(text: string | undefined): OsInfo['architecture'] {
  if (!text) return undefined;
  if (/\barm|aarch64/i.test(text)) return 'arm64';
  if (/x64|amd64|x86[-_]64|\b64\b/i.test(text)) return 'x64';
  if (/x86|\b32\b/i.test(text)) return 'x86';
  return undefined;
}

/** `cmd /c ver`: `Microsoft Windows [Version 10.0.17763.1234]`, the word localized (`[版本 …]`, `[Versión …]`). */
export function parseVer(text: string): OsInfo | undefined {
  const m = /\[[^\]\n\d]{0,40}(10\.0\.\d{5}(?:\.\d{1,6})?)\]/.exec(text);
  const b = parseBuild(m?.[1]);
  return b ? { build: b.build, ...(b.ubr !== undefined ? { ubr: b.ubr } : {}) } : undefined;
}

/** The registry key `HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion` as JSON (CurrentBuildNumber, UBR, ProductName …). */
export function parseCurrentVersion(text: string): OsInfo | undefined {
  const r = asRecord(parseJsonLoose(text));
  const build = num(r, 'CurrentBuildNumber') ?? num(r, 'CurrentBuild');
  if (build === undefined) return undefined;
  const ubr = num(r, 'UBR');
  return clean({ build, ubr, productName: str(r, 'ProductName'), installationType: str(r, 'InstallationType'), displayVersion: str(r, 'DisplayVersion') ?? str(r, 'ReleaseId') });
}

/** `Get-CimInstance Win32_OperatingSystem` as JSON: BuildNumber, ProductType, memory. */
export function parseWin32Os(text: string): OsInfo | undefined {
  const r = recordsOf(text)[0];
  const build = num(r, 'BuildNumber');
  if (build === undefined) return undefined;
  return clean({ build, productName: str(r, 'Caption'), productType: num(r, 'ProductType'), freeMemoryKb: num(r, 'FreePhysicalMemory'), totalMemoryKb: num(r, 'TotalVisibleMemorySize'), architecture: architectureOf(str(r, 'OSArchitecture')) });
}

/** `Get-ComputerInfo` as a list or JSON (PowerShell 5.1 and 7 property sets; `WindowsUBR` only where it exists). */
export function parseComputerInfo(text: string): OsInfo | undefined {
  const r = recordsOf(text)[0];
  if (!r) return undefined;
  const lab = parseBuild(str(r, 'WindowsBuildLabEx'));
  const build = num(r, 'OsBuildNumber') ?? lab?.build;
  if (build === undefined) return undefined;
  const productType = str(r, 'OsProductType');
  const pt = productType === undefined ? undefined : /^(?:1|workstation)$/i.test(productType) ? 1 : /^(?:2|domaincontroller)$/i.test(productType) ? 2 : /^(?:3|server)$/i.test(productType) ? 3 : undefined;
  return clean({
    build,
    ubr: num(r, 'WindowsUBR') ?? (lab?.build === build ? lab.ubr : undefined),
    productName: str(r, 'WindowsProductName') ?? str(r, 'OsName'),
    installationType: str(r, 'WindowsInstallationType'),
    productType: pt,
    displayVersion: str(r, 'OSDisplayVersion') ?? str(r, 'WindowsVersion'),
    freeMemoryKb: num(r, 'OsFreePhysicalMemory'),
    totalMemoryKb: num(r, 'OsTotalVisibleMemorySize'),
    architecture: architectureOf(str(r, 'CsSystemType') ?? str(r, 'OsArchitecture')),
  });
}

/** `Win32_ComputerSystem` as JSON: hypervisor present, domain membership, pagefile management. */
export interface ComputerSystem {
  hypervisorPresent?: boolean;
  partOfDomain?: boolean;
  automaticManagedPagefile?: boolean;
}

/** Parses the collector's Win32_ComputerSystem read. */
export function parseComputerSystem(text: string): ComputerSystem | undefined {
  const r = recordsOf(text)[0];
  if (!r) return undefined;
  return clean({ hypervisorPresent: bool(r, 'HypervisorPresent'), partOfDomain: bool(r, 'PartOfDomain'), automaticManagedPagefile: bool(r, 'AutomaticManagedPagefile') });
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
