import { osBuild } from './os-build.js';
import { osNameReported } from './os-name-reported.js';
import { hostArchitecture } from './host-architecture.js';
import { imageNewerThanHost } from './image-newer-than-host.js';
import { imageBuildMismatch } from './image-build-mismatch.js';
import { k8sNodeBuild } from './k8s-node-build.js';
import { containersFeature } from './containers-feature.js';
import { hypervAvailable } from './hyperv-available.js';
import { coreServices } from './core-services.js';
import { runtimeService } from './runtime-service.js';
import { kubeAgents } from './kube-agents.js';
import { engineWindowsMode } from './engine-windows-mode.js';
import { engineVersion } from './engine-version.js';
import { containerdPipe } from './containerd-pipe.js';
import { containerdConfig } from './containerd-config.js';
import { sessionElevated } from './session-elevated.js';
import { dockerPipeAccess } from './docker-pipe-access.js';
import { diskFree } from './disk-free.js';
import { bitlockerWriteDeny } from './bitlocker-write-deny.js';
import { hnsNatNetwork } from './hns-nat-network.js';
import { hnsManagementIp } from './hns-management-ip.js';
import { hnsEndpointState } from './hns-endpoint-state.js';
import { hnsEndpointCount } from './hns-endpoint-count.js';
import { ipv6Enabled } from './ipv6-enabled.js';
import { netnatOverlap } from './netnat-overlap.js';
import { natStaticMappings } from './nat-static-mappings.js';
import { vswitchHidden } from './vswitch-hidden.js';
import { hnsThreads } from './hns-threads.js';
import { excludedPortRanges } from './excluded-port-ranges.js';
import { dynamicPortRange } from './dynamic-port-range.js';
import { k8sNodeReady } from './k8s-node-ready.js';
import { memoryFree } from './memory-free.js';
import { pagefile } from './pagefile.js';
import { vmcomputePressure } from './vmcompute-pressure.js';
import { defenderExclusions } from './defender-exclusions.js';
import { credentialSpecs } from './credential-specs.js';
import { desktopHypervisor } from './desktop-hypervisor.js';
import type { HostCheck } from './types.js';

/** Every host check, in the order of the catalogue's groups (A OS … K Docker Desktop). One file each. */
export const CHECKS: readonly HostCheck[] = [
  osBuild,
  osNameReported,
  hostArchitecture,
  imageNewerThanHost,
  imageBuildMismatch,
  k8sNodeBuild,
  containersFeature,
  hypervAvailable,
  coreServices,
  runtimeService,
  kubeAgents,
  engineWindowsMode,
  engineVersion,
  containerdPipe,
  containerdConfig,
  sessionElevated,
  dockerPipeAccess,
  diskFree,
  bitlockerWriteDeny,
  hnsNatNetwork,
  hnsManagementIp,
  hnsEndpointState,
  hnsEndpointCount,
  ipv6Enabled,
  netnatOverlap,
  natStaticMappings,
  vswitchHidden,
  hnsThreads,
  excludedPortRanges,
  dynamicPortRange,
  k8sNodeReady,
  memoryFree,
  pagefile,
  vmcomputePressure,
  defenderExclusions,
  credentialSpecs,
  desktopHypervisor,
];
