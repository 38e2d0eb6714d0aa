/**
 * Whether a paste shows a Windows image in the hands of an engine that runs Linux containers: read from what the paste
 * shows of each, whatever message the engine printed. A Linux engine refuses or mangles a Windows image in many words
 * and releases (a pull that stops at a blob, a layer applier that cannot link a Windows layer's files, podman
 * unpacking it), and most of them name neither "windows" nor the platform; what they do show is the engine's Linux
 * machinery beside a Windows image.
 */

/**
 * An image only Windows has: Microsoft's Windows-only repositories and the Windows base images' names, as an image
 * reference or a tag writes them (`mcr.microsoft.com/windows/servercore:ltsc2022`, `microsoft/aspnet`,
 * `…/aspnet:4.8-windowsservercore-ltsc2022`, `nanoserver:1809`).
 */
export const WINDOWS_IMAGE = /\bmcr\.microsoft\.com\/(?:windows|dotnet\/framework)\/[\w.-]{1,80}|\bmicrosoft\/(?:aspnet|iis|dotnet-framework)\b|\b[\w.-]{0,80}(?:servercore|nanoserver)\b[\w.:-]{0,80}/i;

/**
 * An engine that runs Linux containers at work: its layer stores (overlayfs, overlay2 and their folders), the engines
 * and tools that run only Linux containers (podman, buildah, Docker Toolbox's boot2docker, its Kitematic and its Docker
 * Quickstart Terminal), a Linux engine describing
 * itself (`docker info`'s `OSType: linux`, `docker version`'s `OS/Arch: linux/amd64`), and a container command run
 * through sudo, which no Windows shell has.
 */
export const LINUX_ENGINE =
  /\b(?:fuse-overlayfs|overlayfs|overlay2)\b|\/var\/lib\/(?:docker|containerd|desktop-containerd)\/|\b(?:podman|buildah|boot2docker|kitematic)\b|\bdocker (?:toolbox|quickstart terminal)\b|\bostype:[ \t]{0,4}linux\b|\bos\/arch:[ \t]{0,8}linux\/|\bsudo[ \t]{1,4}(?:docker(?:-compose)?|podman|nerdctl|buildah|ctr)\b/i;

/**
 * A Windows layer's own folders (Files/Program Files, Files/Windows … and Hives/, as hcsshim lays a layer out) inside an
 * absolute Unix path (`link /Files/Program Files/…`, `…/overlayfs/snapshots/5/fs/Files/Windows/…`): a Linux layer store
 * unpacking a Windows image. A Windows engine writes these paths with backslashes, under its drive.
 */
export const WINDOWS_LAYER_IN_UNIX_PATH = /(?:^|[ \t"'(:=])\/(?:[^\s/\\]{1,100}\/){0,40}(?:Files\/(?:Program Files|Windows|ProgramData|Users)\b|Hives\/)/m;

/**
 * The pull of a Windows image that stops at a blob the registry does not have (`unknown blob`, the engine's words for the
 * registry's 404; not the registry's own `blob unknown`). A Windows base image's layers are foreign: Microsoft serves
 * them, not the registry that holds the manifest, and a Windows engine fetches them from their URLs. An engine that runs
 * Linux containers (Docker Toolbox and Kitematic, Docker for Windows or Mac in Linux mode, engines of 2016-2017 that did not
 * refuse another platform's image yet) asks the registry for them and stops there. The same words come from a Windows
 * engine only where a registry between holds no copy of those layers, and from any engine during a registry's outage:
 * see WINDOWS_PULL_ELSEWHERE.
 * Sources: docker/kitematic#1937, #2035, #2231, #2387 ("This is a Windows Container image only"), docker/labs#142 and
 * dotnet/dotnet-docker#100 (Docker for Windows not in Windows containers mode, a host that cannot run Windows containers).
 */
export const UNKNOWN_BLOB = /\bunknown blob\b/i;

/**
 * What shows the pull happening on a Windows host or through a registry of one's own, or a registry that is down, where
 * `unknown blob` has other causes: a Windows path or prompt, the Windows layer store, a Windows engine describing itself,
 * a registry mirror or a proxying registry product (windows-foreign-layers-private-registry), a registry named with its
 * port, an outage (Docker Hub's status page).
 */
export const WINDOWS_PULL_ELSEWHERE =
  /\b[A-Z]:\\|\bPS [A-Z]:|\bwindowsfilter\b|\bostype:[ \t]{0,4}windows\b|\bmirrors?\b|\b(?:nexus|artifactory|harbor|proxy)\b|\b[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}:\d{2,5}\/|\boutages?\b|\bstatus\.docker\.com\b/i;

/** A text every match of WINDOWS_IMAGE holds. */
const MAY_NAME_WINDOWS_IMAGE = /microsoft|servercore|nanoserver/i;

/**
 * A Windows image told in words ("a Windows image", "Windows container images", "the Windows base image"): enough
 * beside an engine's own mark (LINUX_ENGINE), not beside `unknown blob` alone, where the image's name is needed.
 */
export const WINDOWS_IMAGE_WORDS = /\bwindows(?: container| base)? images?\b/i;

/**
 * What of the paste shows a Windows image on an engine that runs Linux containers (`<the engine's mark> + <the
 * image>`, `unknown blob + <the image>`, or the Windows layer's path), or undefined when it does not show both.
 * @example readWindowsImageOnLinux('$ sudo docker pull mcr.microsoft.com/windows/servercore:ltsc2022\nunknown blob') // 'sudo docker + mcr.microsoft.com/windows/servercore'
 */
export function readWindowsImageOnLinux(focus: string): string | undefined {
  // Each pattern only where the paste holds a text every match of it holds: most pastes hold none, and compiling the
  // patterns cost every diagnosis's cold start (as the other readers here, see recognise.ts's `needs`).
  const layer = (focus.includes('Files/') || focus.includes('Hives/')) && WINDOWS_LAYER_IN_UNIX_PATH.exec(focus);
  if (layer) return layer[0].trim().slice(0, 120);
  const image = MAY_NAME_WINDOWS_IMAGE.test(focus) && WINDOWS_IMAGE.exec(focus);
  const told = !image && /windows/i.test(focus) && WINDOWS_IMAGE_WORDS.exec(focus);
  if (!image && !told) return undefined;
  const engine = LINUX_ENGINE.exec(focus);
  if (engine) return `${engine[0]} + ${(image || told || [''])[0]}`;
  if (!image) return undefined;
  // No mark of the engine: a Windows image's pull stopping at a blob, where nothing shows a Windows host or a registry between.
  const blob = focus.toLowerCase().includes('unknown blob') && UNKNOWN_BLOB.exec(focus);
  return blob && !WINDOWS_PULL_ELSEWHERE.test(focus) ? `${blob[0]} + ${image[0]}` : undefined;
}
