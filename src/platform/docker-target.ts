import os from 'node:os';
import path from 'node:path';
import { readRegularFile } from './read-regular-file.js';

/** The most of docker's config.json read to learn its current context (a config with many auths is a few KiB). */
const MAX_DOCKER_CONFIG = 1024 * 1024;

/**
 * Whether the docker client here talks to an engine elsewhere (a Windows host reached from an admin machine) rather
 * than to this machine's own: DOCKER_HOST set, DOCKER_CONTEXT naming a context other than `default`, or a current
 * context other than `default` in docker's config.json (DOCKER_CONFIG, else ~/.docker). A config that cannot be read
 * or parsed says nothing: the local engine, as docker itself falls back to it.
 */
export function dockerTalksElsewhere(env: Record<string, string | undefined> = process.env, home: string = env.HOME || env.USERPROFILE || os.homedir()): boolean {
  if (env.DOCKER_HOST?.trim()) return true;
  const named = env.DOCKER_CONTEXT?.trim();
  if (named) return named !== 'default';
  const folder = env.DOCKER_CONFIG?.trim() || path.join(home, '.docker');
  try {
    const config: unknown = JSON.parse(readRegularFile(path.join(folder, 'config.json'), MAX_DOCKER_CONFIG).toString('utf8'));
    const current = config && typeof config === 'object' ? (config as { currentContext?: unknown }).currentContext : undefined;
    return typeof current === 'string' && current.trim() !== '' && current.trim() !== 'default';
  } catch {
    return false;
  }
}
