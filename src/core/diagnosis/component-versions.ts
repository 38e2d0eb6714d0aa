/**
 * The versions of the container stack a paste shows (the Docker engine, containerd, the Kubernetes
 * pause image, Docker Compose), read from where tools print them, so that a topic whose bug was introduced or fixed
 * in a release can count a version for or against it (`signatures.versions`).
 */

import { compareVersions, type Component } from '../knowledge/types.js';

export { compareVersions };

/** A version of a component seen in a paste, and the text that showed it. */
export interface SeenVersion {
  component: Component;
  version: string;
  said: string;
}

/** A release range of a topic's bug: from `introduced` (included) to `fixed` (excluded); either may be open. */
export interface VersionRange {
  component: Component;
  introduced?: string;
  fixed?: string;
}

// Where tools print each version: `docker info` ("Server Version: 25.0.3"), `docker version`'s server
// block (" Engine:" then "  Version:  24.0.7"), `docker --version` (the client, usually the same release),
// "Docker Engine - Community 24.0.7"; `kubectl get nodes -o wide` ("containerd://1.7.20"),
// `containerd --version`; an image reference or sandbox_image setting for pause; `docker compose version` and
// `docker-compose version` ("Docker Compose version v2.29.3", "docker-compose version 1.29.2, build 5becea4c"), the
// plugin block of `docker info` ("compose: Docker Compose (Docker Inc.)" then "Version:  v2.29.3") and "Docker Compose
// 2.29.3" in prose (three parts only: "compose 3.8" is a file format). Group 1 is the version.
// `needs`: texts of which every match holds one, lower-cased (checked against the pattern by
// requiredAnyOf in the tests): a paste without them skips the pattern, and it is never compiled.
export const PATTERNS: { component: Component; re: RegExp; needs: readonly string[] }[] = [
  { component: 'engine', re: /\bServer Version:[ \t]{0,20}v?(\d{1,3}\.\d{1,3}(?:\.\d{1,4})?)/g, needs: ['server version:'] },
  { component: 'engine', re: /\bEngine:[ \t]{0,20}\r?\n[ \t]{1,20}Version:[ \t]{0,20}v?(\d{1,3}\.\d{1,3}(?:\.\d{1,4})?)/g, needs: ['version:'] },
  { component: 'engine', re: /\bDocker version v?(\d{1,3}\.\d{1,3}(?:\.\d{1,4})?)/g, needs: ['docker version '] },
  { component: 'engine', re: /\bDocker Engine(?: - Community)? v?(\d{1,3}\.\d{1,3}(?:\.\d{1,4})?)/g, needs: ['docker engine'] },
  { component: 'containerd', re: /\bcontainerd:\/\/v?(\d{1,3}\.\d{1,3}(?:\.\d{1,4})?)/g, needs: ['containerd://'] },
  { component: 'containerd', re: /\bgithub\.com\/containerd\/containerd(?:\/v2)? v?(\d{1,3}\.\d{1,3}(?:\.\d{1,4})?)/g, needs: ['github.com/containerd/containerd'] },
  { component: 'containerd', re: /\bcontainerd version v?(\d{1,3}\.\d{1,3}(?:\.\d{1,4})?)/gi, needs: ['containerd version '] },
  { component: 'pause', re: /\/pause:v?(\d{1,3}\.\d{1,3}(?:\.\d{1,4})?)\b/g, needs: ['/pause:'] },
  { component: 'compose', re: /\bcompose version v?(\d{1,3}\.\d{1,3}\.\d{1,4})\b/gi, needs: ['compose version '] },
  { component: 'compose', re: /\bcompose: Docker Compose \(Docker Inc\.\)\r?\n[ \t]{1,20}Version:[ \t]{0,20}v?(\d{1,3}\.\d{1,3}\.\d{1,4})/g, needs: ['compose: docker compose (docker inc.)'] },
  { component: 'compose', re: /\bDocker Compose v?(\d{1,3}\.\d{1,3}\.\d{1,4})\b/gi, needs: ['docker compose '] },
];

/** Every component version the text shows, in the order found, each component/version once. */
export function readComponentVersions(text: string): SeenVersion[] {
  const out: SeenVersion[] = [];
  const lower = text.toLowerCase();
  for (const { component, re, needs } of PATTERNS) {
    if (!needs.some((n) => lower.includes(n))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const version = m[1]!;
      if (!out.some((s) => s.component === component && s.version === version)) out.push({ component, version, said: m[0].trim() });
    }
  }
  return out;
}

/** Whether a version lies in a bug's range: at or after `introduced`, before `fixed`. */
export function inRange(version: string, r: VersionRange): boolean {
  return (!r.introduced || compareVersions(version, r.introduced) >= 0) && (!r.fixed || compareVersions(version, r.fixed) < 0);
}

/** How a range reads in evidence: "engine 25.0.0 ≤ v < 27.0.0". */
export function describeRange(r: VersionRange): string {
  return [r.introduced ? `${r.introduced} ≤` : '', `${r.component}`, r.fixed ? `< ${r.fixed}` : ''].filter(Boolean).join(' ');
}
