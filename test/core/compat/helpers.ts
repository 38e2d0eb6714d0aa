import { parseHost } from '../../../src/core/compat/parse-host.js';
import { parseImage } from '../../../src/core/compat/parse-image.js';
import type { CompatData, HostFamily, HostInfo, ImageInfo } from '../../../src/core/compat/types.js';

/** Parses a host input that the test knows is valid. */
export function host(data: CompatData, input: string, family?: HostFamily | null): HostInfo {
  const r = parseHost(input, data);
  if (!r.ok) throw new Error(`host ${input}: ${r.error.message}`);
  return family === undefined ? r.value : { ...r.value, family };
}

/** Parses an image input that the test knows is valid. */
export function image(data: CompatData, input: string): ImageInfo {
  const r = parseImage(input, data);
  if (!r.ok) throw new Error(`image ${input}: ${r.error.message}`);
  return r.value;
}
