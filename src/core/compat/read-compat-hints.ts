import { parseHost } from './parse-host.js';
import { parseImage } from './parse-image.js';
import type { CompatData, HostInfo, ImageInfo } from './types.js';

/**
 * What an error paste reveals for the compatibility check, so a diagnosis of an OS mismatch can open it
 * pre-filled: the host only from host-specific output (ver, BuildLabEx, kernel version, `docker info`, a pull
 * error), never from a bare version that may belong to the image; the image from any form parseImage reads.
 */
export function readCompatHints(text: string, data: CompatData): { host?: HostInfo; image?: ImageInfo } {
  const hints: { host?: HostInfo; image?: ImageInfo } = {};
  const host = parseHost(text, data);
  if (host.ok && !['version', 'build', 'name'].includes(host.value.form)) hints.host = host.value;
  const image = /\s/.test(text.trim()) ? parseImage(text, data) : undefined;
  if (image?.ok) hints.image = image.value;
  return hints;
}
