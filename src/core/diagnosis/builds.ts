import type { Entities } from './types.js';

/** A Windows build a paste shows, and the text that showed it. */
export interface SeenBuild {
  build: number;
  said: string;
}

/** The host's and the image's Windows builds, where the paste shows them. */
export interface PasteBuilds {
  host?: SeenBuild;
  image?: SeenBuild;
}

const first = (re: RegExp, text: string): SeenBuild | undefined => {
  const m = re.exec(text);
  return m?.[1] ? { build: Number(m[1]), said: m[0].trim() } : undefined;
};

// Where tools print the host's build: a "host OS version" line (BcContainerHelper and similar), the
// mismatch message of a pull, kubectl's or docker info's kernel version, `ver`, winver's "OS Build".
const HOST = [
  /\bHost\s+OS\s+Version\s*:\s*10\.0\.(\d{5})\b/i,
  /\bincompatible with a 10\.0\.(\d{5})(?:\.\d+)? host\b/i,
  /\bKernel Version:\s+10\.0[ .](\d{5})\b/,
  /\bMicrosoft Windows \[Version 10\.0\.(\d{5})\.\d+\]/,
  /\bOS Build (\d{5})\.\d+/,
];
// Where they print the image's: the container OS version line, the pull message, an OsVersion field.
const IMAGE = [
  /\bContainer\s+OS\s+Version\s*:\s*10\.0\.(\d{5})\b/i,
  /\bWindows version 10\.0\.(\d{5})(?:\.\d+)?-based image\b/i,
  /"OsVersion"\s*:\s*"10\.0\.(\d{5})/,
];

/**
 * The host and image builds a paste shows. The image build also comes from its tag (`ltsc2019`,
 * `1809`, `10.0.17763.437`, `4.8-windowsservercore-ltsc2019`) through `buildOfTag`, the
 * compatibility data's tag table, which is consulted only once a host build was found.
 */
export function readPasteBuilds(text: string, entities: Entities, buildOfTag: (tag: string) => number | undefined): PasteBuilds {
  const out: PasteBuilds = {};
  // Every form below names a 10.0.x version or an OS Build: most pastes have neither.
  if (!text.includes('10.0') && !text.includes('OS Build')) return out;
  for (const re of HOST) if (!out.host) out.host = first(re, text);
  for (const re of IMAGE) if (!out.image) out.image = first(re, text);
  if (out.host && !out.image) {
    const image = typeof entities.image === 'string' ? entities.image : undefined;
    const tag = typeof entities.tag === 'string' ? entities.tag : undefined;
    for (const part of (tag ?? '').split(/[-_]/).reverse()) {
      const version = /^10\.0\.(\d{5})(?:\.\d+)?$/.exec(part);
      const build = version ? Number(version[1]) : buildOfTag(part);
      if (build) {
        out.image = { build, said: image ?? tag ?? part };
        break;
      }
    }
  }
  return out;
}
