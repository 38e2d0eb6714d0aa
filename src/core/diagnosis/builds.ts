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
  /**
   * The host's build as a pull's refusal names it ("no matching manifest for windows/amd64 10.0.19045"), when no other
   * form showed the host: read only to tell a client host (`client-host`), never as a build mismatch (see HOST).
   */
  refusedFor?: SeenBuild;
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
  // The same version in a sentence, where it is said to be the host's: in brackets after the host's name ("on Windows
  // 10 LTSB (OS version 10.0.14393)") or as the host's ("the host OS version is 10.0.17763.1039"). A bare "OS
  // Version: …" inside a sentence may be anything's.
  /(?:(?<!\b(?:container|image)[ \t]{0,4})\(|\bhost(?:'s)?[ \t]{1,4})OS[ \t]+version[ \t]{0,4}(?:is[ \t]{1,4}|:[ \t]{0,4})?10\.0\.(\d{5})\b/i,
];
// The patterns below that are functions are made on first use: V8 parses a regex literal when its module loads, and a
// bare code asks none of these and a failure line few (together about 0.6 million instructions of each start).
// The engine's refusal of a manifest list names the host's platform and build (moby daemon's pull of a manifest list:
// "no matching manifest for %s in the manifest list entries", the platform formatted with its OS version since 2021,
// "windows/amd64 10.0.19045" or "windows(10.0.26100)/amd64").
let refusedForPattern: RegExp | undefined;
const REFUSED_FOR = (): RegExp => (refusedForPattern ??= /\bno matching manifest for windows(?:\/amd64[ \t]{1,4}10\.0\.(\d{5})|\(10\.0\.(\d{5})\)\/amd64)\b/i);
// Where people name a client host in words: Windows 10 and 11 releases are hosts, never images. Also as Microsoft names
// them, "Windows 10, version 22H2", or "Windows 11 version 24H2".
let clientHostPattern: RegExp | undefined;
const CLIENT_HOST = (): RegExp => (clientHostPattern ??= /\bWindows[ \t]+(1[01]),?(?:[ \t]+(?:Pro|Enterprise|Education|Home))?(?:[ \t]{1,4}version)?[ \t]+(\d{2}H\d|1[5-9]0\d|2004)\b/i);
// … or with its version right after the name ("on Windows 10 Enterprise 10.0.17134", "Windows 11 Pro (build
// 22631)"): a Windows 10 or 11 is a host whatever the sentence says of it, so its number is the host's build.
let clientHostVersionPattern: RegExp | undefined;
const CLIENT_HOST_VERSION = (): RegExp => (clientHostVersionPattern ??= /\bWindows[ \t]{1,4}1[01](?:[ \t]{1,4}(?:Pro|Enterprise|Education|Home))?[ \t]{1,4}\(?[ \t]{0,4}(?:(?:version[ \t]{1,4})?10\.0\.(\d{5})|(?:OS[ \t]{1,4})?build[ \t]{1,4}(?:10\.0\.)?(\d{5}))\b/i);
// A Windows release a sentence names: Windows 10, Windows 11, Windows Server 2019, Windows Server version 1809.
let namedWindowsPattern: RegExp | undefined;
const NAMED_WINDOWS = (): RegExp => (namedWindowsPattern ??= /\bWindows[ \t]{1,4}(1[01]|Server[ \t]{1,4}(?:20\d\d|version[ \t]{1,4}\d{4}))\b/gi);
// Windows 10's long-term servicing editions, named by their year: client hosts of the build each ships.
let clientLongTermPattern: RegExp | undefined;
const CLIENT_LONG_TERM = (): RegExp => (clientLongTermPattern ??= /\bWindows[ \t]{1,4}10[ \t]{1,4}(?:(?:IoT[ \t]{1,4})?Enterprise[ \t]{1,4})?(?:(2015|2016)[ \t]{1,4}LTSB|LTSB[ \t]{1,4}(2015|2016)|LTSC[ \t]{1,4}(2019|2021)|(2019|2021)[ \t]{1,4}LTSC)\b/i);
const LONG_TERM_BUILD: Record<string, number> = { '2015': 10240, '2016': 14393, '2019': 17763, '2021': 19044 };
// A Windows Server release named as the host in words: followed by what a host is ("our Windows Server 2019 Core
// machines", "a Windows Server 2022 Datacenter VM") or after "on"/"running" ("Docker EE on Windows Server 2016").
// "a Windows Server 2019 image", "on Windows Server 2016 Core image", "the Windows Server 2019 variant" and "based on
// Windows Server 2019" name an image, and are not read.
let serverHostPattern: RegExp | undefined;
const SERVER_HOST = (): RegExp => (serverHostPattern ??= /\b(?:(?<!\b(?:based|built|builds|build|made)[ \t]{1,4})(?:on|running)[ \t]{1,4}(?:(?:a|an|our|the|my|this)[ \t]{1,4})?Windows[ \t]{1,4}Server[ \t]{1,4}(2016|2019|2022|2025)\b(?![ \t]{0,4}(?:(?:Core|Datacenter|Standard|Server[ \t]{1,4}Core|Nano(?:[ \t]{1,4}Server)?)[ \t]{1,4})?(?:images?|variants?|tags?|containers?|base)\b)|Windows[ \t]{1,4}Server[ \t]{1,4}(2016|2019|2022|2025)(?:[ \t]{1,4}(?:Core|Datacenter|Standard|Server[ \t]{1,4}Core))?[ \t]{1,4}(?:hosts?|machines?|servers?(?![ \t]{1,4}Core)|VMs?|nodes?|boxe?s?)\b)/i);
const SERVER_BUILD: Record<string, number> = { '2016': 14393, '2019': 17763, '2022': 20348, '2025': 26100 };
// A Windows base image named with its tag in a sentence, without a command around it ("pulling
// microsoft/dotnet-framework:4.8-windowsservercore-1709", "only nanoserver 1803 images are built").
let baseImageTagPattern: RegExp | undefined;
const BASE_IMAGE_TAG = (): RegExp => (baseImageTagPattern ??= /\b(?:windows)?(?:servercore|nanoserver)(?:[:-]|[ \t]{1,2})(ltsc20(?:16|19|22|25)|1[5-9]0\d|2004|2\dH[12]|10\.0\.\d{5}(?:\.\d{1,6})?)\b/i);
// An LTSC tag written in words (a base image "ltsc2019"), for the image once the host is known.
const LTSC_WORD = /\bltsc20(?:16|19|22|25)\b/i;
// A Dockerfile's FROM line (as written, or as a build step prints it), for its base image's tag.
let fromLinePattern: RegExp | undefined;
const FROM_LINE = (): RegExp => (fromLinePattern ??= /^[ \t]*(?:Step \d{1,4}\/\d{1,4} : )?FROM[ \t]+(?:--platform=\S{1,40}[ \t]+)?[\w.\/-]{1,200}:([\w.-]{1,128})/im);
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
  if (!text.includes('10.0') && !text.includes('OS Build') && !/windows/i.test(text)) return out;
  for (const re of HOST) if (!out.host) out.host = first(re, text);
  // A host named in words, when the paste names one Windows release only: "on a Windows 11 host … seen on Windows 10
  // LTSC 2019 too" or "Server 2019 runs only 1809, Windows 10 1909 runs 1909" compare hosts, and no one of them is the host.
  let one: boolean | undefined;
  const oneNamedHost = () => (one ??= new Set(Array.from(text.matchAll(NAMED_WINDOWS()), (m) => m[1]!.toLowerCase().replace(/\s+/g, ' '))).size <= 1);
  if (!out.host && buildOfName && oneNamedHost()) {
    const m = CLIENT_HOST().exec(text);
    const build = m ? buildOfName(`Windows ${m[1]} ${m[2]!.toUpperCase()}`) : undefined;
    if (m && build) out.host = { build, said: m[0], client: true };
  }
  if (!out.host && oneNamedHost()) {
    const m = CLIENT_HOST_VERSION().exec(text);
    const build = Number(m?.[1] ?? m?.[2]);
    if (m && build >= 10240) out.host = { build, said: m[0], client: true };
  }
  if (!out.host && oneNamedHost()) {
    const m = CLIENT_LONG_TERM().exec(text);
    const year = m?.slice(1).find((g) => g !== undefined);
    if (m && year) out.host = { build: LONG_TERM_BUILD[year]!, said: m[0], client: true };
  }
  if (!out.host && oneNamedHost()) {
    const m = SERVER_HOST().exec(text);
    const year = m?.[1] ?? m?.[2];
    if (m && year) out.host = { build: SERVER_BUILD[year]!, said: m[0].trim() };
  }
  if (!out.host) {
    const m = REFUSED_FOR().exec(text);
    const build = Number(m?.[1] ?? m?.[2]);
    if (m && build) out.refusedFor = { build, said: m[0] };
  }
  for (const re of IMAGE) if (!out.image) out.image = first(re, text);
  if ((out.host || out.refusedFor) && !out.image) {
    const from = entities.tag === undefined ? FROM_LINE().exec(text) : null;
    const image = typeof entities.image === 'string' ? entities.image : from ? from[0].trim() : undefined;
    const tag = typeof entities.tag === 'string' ? entities.tag : from?.[1];
    // A tag part is a version (10.0.17763.437) or a tag the compatibility data names (ltsc2019, 1809).
    const buildOfPart = (part: string): number | undefined => {
      const version = /^10\.0\.(\d{5})(?:\.\d+)?$/.exec(part);
      return version ? Number(version[1]) : buildOfTag(part);
    };
    for (const part of (tag ?? '').split(/[-_]/).reverse()) {
      const build = buildOfPart(part);
      if (build) {
        out.image = { build, said: image ?? tag ?? part };
        break;
      }
    }
    const named = out.image ? null : BASE_IMAGE_TAG().exec(text);
    const namedBuild = named ? buildOfPart(named[1]!.toLowerCase()) : undefined;
    if (named && namedBuild) out.image = { build: namedBuild, said: named[0] };
    const word = out.image ? null : LTSC_WORD.exec(text);
    const build = word ? buildOfTag(word[0].toLowerCase()) : undefined;
    if (word && build) out.image = { build, said: word[0] };
  }
  return out;
}
