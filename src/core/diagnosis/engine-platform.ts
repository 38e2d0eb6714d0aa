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
 * and tools that run only Linux containers (podman, buildah, Docker Toolbox's boot2docker), a Linux engine describing
 * itself (`docker info`'s `OSType: linux`, `docker version`'s `OS/Arch: linux/amd64`), and a container command run
 * through sudo, which no Windows shell has.
 */
export const LINUX_ENGINE =
  /\b(?:fuse-overlayfs|overlayfs|overlay2)\b|\/var\/lib\/(?:docker|containerd|desktop-containerd)\/|\b(?:podman|buildah|boot2docker)\b|\bdocker toolbox\b|\bostype:[ \t]{0,4}linux\b|\bos\/arch:[ \t]{0,8}linux\/|\bsudo[ \t]{1,4}(?:docker(?:-compose)?|podman|nerdctl|buildah|ctr)\b/i;

/**
 * A Windows layer's own folders (Files/Program Files, Files/Windows … and Hives/, as hcsshim lays a layer out) inside an
 * absolute Unix path (`link /Files/Program Files/…`, `…/overlayfs/snapshots/5/fs/Files/Windows/…`): a Linux layer store
 * unpacking a Windows image. A Windows engine writes these paths with backslashes, under its drive.
 */
export const WINDOWS_LAYER_IN_UNIX_PATH = /(?:^|[ \t"'(:=])\/(?:[^\s/\\]{1,100}\/){0,40}(?:Files\/(?:Program Files|Windows|ProgramData|Users)\b|Hives\/)/m;

/** A text every match of WINDOWS_IMAGE holds. */
const MAY_NAME_WINDOWS_IMAGE = /microsoft|servercore|nanoserver/i;

/**
 * What of the paste shows a Windows image on an engine that runs Linux containers (`<the engine's mark> + <the
 * image>`, or the Windows layer's path), or undefined when it does not show both.
 * @example readWindowsImageOnLinux('$ sudo docker pull mcr.microsoft.com/windows/servercore:ltsc2022\nunknown blob') // 'sudo docker + mcr.microsoft.com/windows/servercore'
 */
export function readWindowsImageOnLinux(focus: string): string | undefined {
  // Each pattern only where the paste holds a text every match of it holds: most pastes hold none, and compiling the
  // patterns cost every diagnosis's cold start (as the other readers here, see recognise.ts's `needs`).
  const layer = (focus.includes('Files/') || focus.includes('Hives/')) && WINDOWS_LAYER_IN_UNIX_PATH.exec(focus);
  if (layer) return layer[0].trim().slice(0, 120);
  const image = MAY_NAME_WINDOWS_IMAGE.test(focus) && WINDOWS_IMAGE.exec(focus);
  if (!image) return undefined;
  const engine = LINUX_ENGINE.exec(focus);
  return engine ? `${engine[0]} + ${image[0]}` : undefined;
}
