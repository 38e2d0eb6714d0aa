import type { BuildEntry, CompatData, HostFamily } from './types.js';
import { alphanumericKey } from '../text/normalise.js';

/** The data's entry for a build, if it lists it. */
export function findBuild(data: CompatData, build: number): BuildEntry | undefined {
  return data.builds.find((b) => b.build === build);
}

/** The family a build belongs to when all its releases share one (22621 is client only), else null. */
export function familyOf(data: CompatData, build: number): HostFamily | null {
  const families = new Set(findBuild(data, build)?.releases.map((r) => r.family));
  return families.size === 1 ? ([...families][0] ?? null) : null;
}

/**
 * The release name(s) of a build, narrowed to a family when it is known.
 * @example releaseName(data, 17763, null) // 'Windows Server 2019 / Windows 10 1809 (October 2018 Update)'
 */
export function releaseName(data: CompatData, build: number, family: HostFamily | null): string | null {
  const releases = findBuild(data, build)?.releases ?? [];
  const chosen = family ? releases.filter((r) => r.family === family) : releases;
  const names = (chosen.length ? chosen : releases).map((r) => r.name);
  return names.length ? names.join(' / ') : null;
}

/** The build a base-image tag names (`ltsc2019`, `1809`, `20H2`), case-insensitively. */
export function buildOfTag(data: CompatData, tag: string): number | undefined {
  const key = tag.toLowerCase();
  return data.builds.find((b) => b.tags.some((t) => t.name.toLowerCase() === key))?.build;
}

/**
 * The build a name stands for: a tag, a release name (`Windows Server 2019`) or a version (`1809`, `24H2`).
 * Names shared by several builds resolve to nothing.
 */
export function resolveName(data: CompatData, text: string): { build: number; family: HostFamily | null } | undefined {
  const hits = resolveNames(data, text);
  return hits.length === 1 ? hits[0] : undefined;
}

/** The build a release name stands for (resolveNames), its builds when several releases share it (`23H2`), or undefined. */
export function buildsOfName(data: CompatData, text: string): number | readonly number[] | undefined {
  const builds = resolveNames(data, text).map((h) => h.build);
  return builds.length > 1 ? builds : builds[0];
}

/** Every build a name stands for (resolveName): several for a name some releases share (`23H2`, `21H2`). */
export function resolveNames(data: CompatData, text: string): { build: number; family: HostFamily | null }[] {
  const key = alphanumericKey(text);
  if (!key) return [];
  const hits = new Map<number, HostFamily | null>();
  for (const b of data.builds) {
    if (b.tags.some((t) => alphanumericKey(t.name) === key)) hits.set(b.build, hits.get(b.build) ?? null);
    for (const r of b.releases) {
      const names = [r.name, r.name.replace(/\([^()]*\)/g, ''), r.name.replace(/\bversion\b/i, '')].map(alphanumericKey);
      if (names.includes(key)) hits.set(b.build, r.family);
      else if (r.version && alphanumericKey(r.version) === key && !hits.has(b.build)) hits.set(b.build, null);
    }
  }
  return [...hits].map(([build, family]) => ({ build, family }));
}

/**
 * The oldest image build a host at or above `process.exactFrom` runs with process isolation: the newest
 * LTSC build older than the host, or the first LTSC build when there is none (containerd's rule).
 */
export function processFloor(data: CompatData, hostBuild: number): number {
  const older = data.process.ltsc.filter((b) => b < hostBuild);
  return older[older.length - 1] ?? data.process.ltsc[0] ?? data.process.exactFrom;
}

/** Whether the build rule lets an image run with process isolation (revisions and client caveats aside). */
export function canRunProcess(data: CompatData, hostBuild: number, imageBuild: number): boolean {
  if (hostBuild < data.process.exactFrom) return hostBuild === imageBuild;
  return imageBuild >= processFloor(data, hostBuild) && imageBuild <= hostBuild;
}

/** The Microsoft base image a repository names, by its name or one of its aliases. */
export function findBaseImage(data: CompatData, repository: string): CompatData['baseImages'][number] | undefined {
  const key = repository.toLowerCase().replace(/^docker\.io\//, '');
  return data.baseImages.find((b) => b.repository === key || b.aliases.includes(key));
}

/** A tag that fits a host for process isolation, with the other tags for the same build. */
export interface TagSuggestion {
  tag: string;
  build: number;
  alternatives: string[];
  /** True when the tag needs the host revision and the input did not give it. */
  needsRevision: boolean;
}

/**
 * The tag to use on a host: for Windows Server 2016 the exact `10.0.14393.<revision>`; otherwise the newest
 * LTSC build the host runs with process isolation, or else the newest such build with a tag.
 */
export function suggestTag(data: CompatData, hostBuild: number, hostRevision: number | null, baseShort: string | null): TagSuggestion | null {
  // A repository published only from some build on (windows/server: 2022) has no tag of an older build, revision tags
  // included (found by a tester: mcr.microsoft.com/windows/server:ltsc2019 and :10.0.14393.5000 were offered).
  const from = data.baseImages.find((b) => b.short === baseShort)?.fromBuild ?? 0;
  if (data.revision.mustMatch.includes(hostBuild))
    return hostBuild < from ? null : { tag: `10.0.${hostBuild}.${hostRevision ?? '{{revision}}'}`, build: hostBuild, alternatives: [], needsRevision: hostRevision === null };
  const usable = (b: BuildEntry) => b.tags.filter((t) => !baseShort || !t.notIn.includes(baseShort)).map((t) => t.name);
  const candidates = data.builds.filter((b) => b.build >= from && usable(b).length > 0 && canRunProcess(data, hostBuild, b.build));
  const ltsc = candidates.filter((b) => b.releases.some((r) => r.channel === 'ltsc'));
  const pick = (ltsc.length ? ltsc : candidates).reduce<BuildEntry | undefined>((best, b) => (!best || b.build > best.build ? b : best), undefined);
  if (!pick) return null;
  const [tag, ...alternatives] = usable(pick) as [string, ...string[]];
  return { tag, build: pick.build, alternatives, needsRevision: false };
}

/**
 * A revision as written (host or image); past nine digits none that Windows has (its update revisions have four or
 * five), so unknown, and never a number that prints as 1e+25 or Infinity.
 */
export const revisionOf = (s: string | undefined): number | null => (s === undefined || s.length > 9 ? null : Number(s));
