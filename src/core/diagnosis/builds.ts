import type { Entities } from './types.js';

/** A Windows build a paste shows, and the text that showed it. */
export interface SeenBuild {
  build: number;
  said: string;
  /** The paste named a Windows client release (Windows 10 22H2): the host is a client whatever else shares its build. */
  client?: boolean;
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
// mismatch message of a pull, kubectl's or docker info's kernel version, systeminfo's OS version, `ver`, winver's
// "OS Build". Not a pull's refusal of a manifest list ("no matching manifest for windows/amd64 10.0.17763"): it
// names the host's build, but what it says is that the tag has no variant for it (choose-image-tag), and read as a
// build mismatch it let the compatibility tables outweigh that.
const HOST = [
  /\bHost\s+OS\s+Version\s*:\s*10\.0\.(\d{5})\b/i,
  /\bincompatible with a 10\.0\.(\d{5})(?:\.\d+)? host\b/i,
  /\bKernel Version:\s+10\.0[ .](\d{5})\b/,
  // systeminfo's "OS Version:   10.0.14393 N/A Build 14393".
  /^[ \t]*OS Version:[ \t]+10\.0\.(\d{5})\b/m,
  /\bMicrosoft Windows \[Version 10\.0\.(\d{5})\.\d+\]/,
  /\bOS Build (\d{5})\.\d+/,
];
// Where people name a client host in words: Windows 10 and 11 releases are hosts, never images.
const CLIENT_HOST = /\bWindows[ \t]+(1[01])(?:[ \t]+(?:Pro|Enterprise|Education|Home))?[ \t]+(\d{2}H\d|1[5-9]0\d|2004)\b/i;
// An LTSC tag written in words (a base image "ltsc2019"), for the image once the host is known.
const LTSC_WORD = /\bltsc20(?:16|19|22|25)\b/i;
// A Dockerfile's FROM line (as written, or as a build step prints it), for its base image's tag.
const FROM_LINE = /^[ \t]*(?:Step \d{1,4}\/\d{1,4} : )?FROM[ \t]+(?:--platform=\S{1,40}[ \t]+)?[\w.\/-]{1,200}:([\w.-]{1,128})/im;
// Where they print the image's: the container OS version line, the pull message, an OsVersion field.
const IMAGE = [
  /\bContainer\s+OS\s+Version\s*:\s*10\.0\.(\d{5})\b/i,
  /\bWindows version 10\.0\.(\d{5})(?:\.\d+)?-based image\b/i,
  /"OsVersion"\s*:\s*"10\.0\.(\d{5})/,
];

/**
 * The host and image builds a paste shows. The image build also comes from its tag (`ltsc2019`,
 * `1809`, `10.0.17763.437`, `4.8-windowsservercore-ltsc2019`) through `buildOfTag`, the
 * compatibility data's tag table, which is consulted only once a host build was found; failing a
 * tag, from an LTSC tag written in words. With `buildOfName` (the compatibility data's release
 * names), a host named in words as a Windows 10 or 11 release ("Windows 10 22H2") is read too.
 */
export function readPasteBuilds(text: string, entities: Entities, buildOfTag: (tag: string) => number | undefined, buildOfName?: (name: string) => number | undefined): PasteBuilds {
  const out: PasteBuilds = {};
  // Every form below names a 10.0.x version, an OS Build or a Windows release: most pastes have none.
  if (!text.includes('10.0') && !text.includes('OS Build') && !(buildOfName && /windows/i.test(text))) return out;
  for (const re of HOST) if (!out.host) out.host = first(re, text);
  if (!out.host && buildOfName) {
    const m = CLIENT_HOST.exec(text);
    const build = m ? buildOfName(`Windows ${m[1]} ${m[2]!.toUpperCase()}`) : undefined;
    if (m && build) out.host = { build, said: m[0], client: true };
  }
  for (const re of IMAGE) if (!out.image) out.image = first(re, text);
  if (out.host && !out.image) {
    const from = entities.tag === undefined ? FROM_LINE.exec(text) : null;
    const image = typeof entities.image === 'string' ? entities.image : from ? from[0].trim() : undefined;
    const tag = typeof entities.tag === 'string' ? entities.tag : from?.[1];
    for (const part of (tag ?? '').split(/[-_]/).reverse()) {
      const version = /^10\.0\.(\d{5})(?:\.\d+)?$/.exec(part);
      const build = version ? Number(version[1]) : buildOfTag(part);
      if (build) {
        out.image = { build, said: image ?? tag ?? part };
        break;
      }
    }
    const word = out.image ? null : LTSC_WORD.exec(text);
    const build = word ? buildOfTag(word[0].toLowerCase()) : undefined;
    if (word && build) out.image = { build, said: word[0] };
  }
  return out;
}
