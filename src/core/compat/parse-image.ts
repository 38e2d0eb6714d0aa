import { echoed } from '../text/terminal-safe.js';
import { err, ok, type Result } from '../result.js';
import { refuseInput, type CompatInputError } from './input-error.js';
import type { CompatData, ImageInfo, Orchestrator, TagForm } from './types.js';
import { buildOfTag, releaseName, revisionOf } from './versions.js';

/** What a tag says about the Windows build of an image. */
export interface TagReading {
  build: number | null;
  revision: number | null;
  kb: string | null;
  form: TagForm;
}

/**
 * Reads a tag: `ltsc2019`, `1809`, `1709_KB4043961`, `1809-KB4493509`, `10.0.17763.437`,
 * `windowsservercore-10.0.14393.1715`, `4.8-windowsservercore-ltsc2022`, `latest`.
 */
export function readTag(data: CompatData, tag: string): TagReading {
  if (tag.toLowerCase() === 'latest') return { build: null, revision: null, kb: null, form: 'latest' };
  const tokens = tag.split(/[-_]/);
  const kb = tokens.find((t) => /^kb\d{6,8}$/i.test(t))?.toUpperCase() ?? null;
  for (const t of tokens) {
    const v = /^10\.0\.(\d{5})(?:\.(\d+))?$/.exec(t) ?? /^(\d{5})(?:\.(\d+))?$/.exec(t);
    if (v) return { build: Number(v[1]), revision: revisionOf(v[2]), kb, form: t.startsWith('10.') ? 'version' : 'build' };
  }
  for (const t of tokens) {
    const build = buildOfTag(data, t);
    if (build !== undefined) return { build, revision: null, kb, form: /^ltsc/i.test(t) ? 'ltsc' : 'release' };
  }
  return { build: null, revision: null, kb, form: 'other' };
}

/** Splits a reference into repository and tag, dropping a digest. */
export function splitReference(ref: string): { repository: string; tag: string | null; digest: string | null } {
  const digest = /@(sha256:[0-9a-f]+)$/i.exec(ref)?.[1] ?? null;
  const bare = ref.replace(/@sha256:[0-9a-f]+$/i, '');
  const colon = bare.lastIndexOf(':');
  if (colon > bare.lastIndexOf('/')) return { repository: bare.slice(0, colon), tag: bare.slice(colon + 1) || null, digest };
  return { repository: bare, tag: null, digest };
}

interface Found {
  ref: string | null;
  build?: number;
  revision?: number | null;
  form?: TagForm;
  service?: string;
  node?: string;
  orchestrator?: Orchestrator;
}

const REF = /^[a-z0-9][\w.\-/:]*(?:@sha256:[0-9a-f]+)?$/i;
/** The longest image reference taken: a repository name (255), a tag (128) and a digest, with room to spare. */
const MAX_REFERENCE = 512;
const taskToService = (name: string) => name.replace(/\.\d+$/, '');

/** The most images taken from one pasted table (`docker images` of a build server lists hundreds). */
export const MAX_TABLE_IMAGES = 20;

/**
 * Reads the data rows of a `docker service ps|ls`, `docker ps` or `docker images` table, each image once, in the order
 * of the table (at most MAX_TABLE_IMAGES; `more` counts the images left out).
 */
function readTable(lines: string[]): { rows: Found[]; more: number } | undefined {
  const h = lines.findIndex((l) => /^\s*(?:ID|CONTAINER ID|REPOSITORY)\s+/.test(l) && /\bIMAGE\b|\bTAG\b/.test(l));
  if (h < 0) return undefined;
  const header = (lines[h] ?? '').trim().split(/\s+/);
  const images = header[0] === 'REPOSITORY';
  const shift = header[0] === 'CONTAINER' ? 1 : 0;
  const col = (name: string) => header.indexOf(name) - (header.indexOf(name) > 0 ? shift : 0);
  const swarm = header.includes('REPLICAS') || header.includes('DESIRED');
  const rows: Found[] = [];
  const seen = new Set<string>();
  let more = 0;
  for (const line of lines.slice(h + 1)) {
    const cells = line.trim().split(/\s+/).filter((c) => c !== '\\_');
    if (cells.length < 3 || /^[A-Z]:\\|^\$/.test(line.trim())) continue;
    const image = images ? `${cells[0]}:${cells[1]}` : cells[col('IMAGE')];
    if (!image || !REF.test(image)) continue;
    const ref = image.replace(/:<none>$/, '');
    if (seen.has(ref)) continue;
    seen.add(ref);
    if (rows.length >= MAX_TABLE_IMAGES) {
      more++;
      continue;
    }
    const name = cells[col('NAME')];
    const node = cells[col('NODE')];
    rows.push({
      ref,
      ...(swarm && name ? { service: taskToService(name), orchestrator: 'swarm' as const } : {}),
      ...(swarm && node && header.includes('NODE') ? { node } : {}),
    });
  }
  return rows.length ? { rows, more } : undefined;
}

/** Finds the images in pasted output, most specific form first: several only from a table. */
function findInText(text: string): { found: Found[]; more: number } | undefined {
  const one = (f: Found | undefined) => (f ? { found: [f], more: 0 } : undefined);
  const lines = text.split(/\r?\n/);
  const line = (re: RegExp) => lines.map((l) => re.exec(l)).find((m) => m?.[1])?.[1];
  const service = /docker service (?:ps|inspect|update|logs|rm|scale)[ \t]+(?:-[\w-]+[ \t]+)*([A-Za-z0-9][\w.-]*)/i.exec(text)?.[1];
  const named = (f: Found | undefined): Found | undefined => (f && service ? { ...f, service, orchestrator: 'swarm' } : f);
  const podImage = line(/^\s*(?:-\s*)?Image:\s*(\S+)\s*$/i);
  if (podImage) {
    const node = /^[ \t]*Node:[ \t]*([^/\s]+)/im.exec(text)?.[1];
    const k8s = /Namespace:|kubectl|kubelet/i.test(text);
    return one({ ref: podImage, ...(node ? { node } : {}), ...(k8s ? { orchestrator: 'kubernetes' as const } : {}) });
  }
  const table = readTable(lines);
  if (table) return { found: table.rows.map((r) => named(r)!), more: table.more };
  const from = line(/^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)/i);
  if (from) return one(named({ ref: from }));
  const quoted = /manifest for (\S+) not found/i.exec(text)?.[1] ?? /image "([^"\s]+)"/i.exec(text)?.[1];
  if (quoted) return one(named({ ref: quoted }));
  const based = /Windows version 10\.0\.(\d{5})(?:\.(\d+))?-based image/i.exec(text) ?? /"OsVersion":\s*"10\.0\.(\d{5})(?:\.(\d+))?"/i.exec(text);
  if (based) return one(named({ ref: null, build: Number(based[1]), revision: revisionOf(based[2]), form: 'version' }));
  return undefined;
}

/** Classifies a single word: a build, a version, a bare tag, or a reference. */
function readWord(word: string, data: CompatData): Found | { tag: string } {
  const v = /^(?:10\.0\.)?(\d{5})(?:\.(\d+))?$/.exec(word);
  if (v) return { ref: null, build: Number(v[1]), revision: revisionOf(v[2]), form: word.startsWith('10.') ? 'version' : 'build' };
  if (!/[/:@]/.test(word) && readTag(data, word).form !== 'other') return { tag: word };
  return { ref: word };
}

/**
 * Reads an image from a reference (`mcr.microsoft.com/windows/servercore:ltsc2019`, `windows/servercore/iis`),
 * a bare tag (`ltsc2022`, `20H2`), a build number, or pasted output of `docker service ps`, `docker images`,
 * `kubectl describe pod`, a Dockerfile or a pull error. Also returns the service and node names a paste shows.
 * Of a pasted table, the first image (parseImages reads them all).
 */
export function parseImage(input: string, data: CompatData): Result<ImageInfo, CompatInputError> {
  const all = parseImages(input, data);
  return all.ok ? ok(all.value.images[0]!) : all;
}

/**
 * Reads every image of the input as parseImage reads one: a pasted `docker images`, `docker ps` or `docker service
 * ps` table gives each image of its rows once (at most MAX_TABLE_IMAGES; `more` counts the rest), any other input one.
 * An error when no image is found or one that is found is no reference.
 */
export function parseImages(input: string, data: CompatData): Result<{ images: ImageInfo[]; more: number }, CompatInputError> {
  const text = input.trim();
  if (!text) return err(refuseInput('empty', 'it is empty'));
  const single = !/\s/.test(text);
  const found = single ? { found: [readWord(text, data)], more: 0 } : findInText(text);
  if (!found) return err(refuseInput('noImage', 'no image reference found in it; give a reference such as mcr.microsoft.com/windows/servercore:ltsc2019 or a tag such as ltsc2022'));
  const images: ImageInfo[] = [];
  for (const f of found.found) {
    const info = imageInfoOf(f, data);
    if (!info.ok) return info;
    images.push(info.value);
  }
  return ok({ images, more: found.more });
}

/** One image found in the input, read: its reference checked, its tag's build and release looked up. */
function imageInfoOf(found: Found | { tag: string }, data: CompatData): Result<ImageInfo, CompatInputError> {
  // A reference is a few hundred characters at most (Docker: a name of 255, a tag of 128): a longer word is none, and is
  // repeated cut (found by a tester: 120,000 characters were taken and printed twice, 360 KB of report).
  if ('ref' in found && found.ref !== null && (found.ref.length > MAX_REFERENCE || !REF.test(found.ref)))
    return err(refuseInput('notReference', `"${echoed(found.ref)}" is not an image reference`, { ref: echoed(found.ref) }));
  const base: ImageInfo = {
    ref: null, repository: null, tag: null, build: null, revision: null, kb: null, release: null, tagForm: 'missing',
    assumed: false, serviceName: null, nodeName: null, orchestrator: null,
  };
  if ('tag' in found) {
    const r = readTag(data, found.tag);
    return ok({ ...base, tag: found.tag, build: r.build, revision: r.revision, kb: r.kb, tagForm: r.form, release: r.build ? releaseName(data, r.build, null) : null });
  }
  const info: ImageInfo = { ...base, serviceName: found.service ?? null, nodeName: found.node ?? null, orchestrator: found.orchestrator ?? null };
  if (found.ref) {
    // A reference with only a digest keeps it (the commands shown inspect that image, not :latest); beside a tag, the
    // tag names it (as `docker service ps --no-trunc` shows both).
    const { repository, tag, digest } = splitReference(found.ref);
    Object.assign(info, { ref: tag ? `${repository}:${tag}` : digest ? `${repository}@${digest}` : repository, repository, tag });
    const r = tag ? readTag(data, tag) : { build: null, revision: null, kb: null, form: 'missing' as const };
    Object.assign(info, { build: r.build, revision: r.revision, kb: r.kb, tagForm: r.form });
    const legacy = data.latest.legacy;
    if (info.build === null && (r.form === 'latest' || r.form === 'missing') && legacy.repositories.includes(repository.toLowerCase()))
      Object.assign(info, { build: legacy.build, assumed: true });
  } else info.tagForm = found.form ?? 'build';
  if (info.build === null && found.build !== undefined) Object.assign(info, { build: found.build, revision: found.revision ?? null });
  info.release = info.build ? releaseName(data, info.build, null) : null;
  return ok(info);
}
