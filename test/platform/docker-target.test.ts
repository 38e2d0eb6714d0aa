import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dockerTalksElsewhere } from '../../src/platform/docker-target.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'wcd-docker-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const withConfig = (config: string) => {
  mkdirSync(path.join(home, '.docker'), { recursive: true });
  writeFileSync(path.join(home, '.docker', 'config.json'), config);
};

describe('dockerTalksElsewhere', () => {
  it('is false for the machine\'s own engine: nothing set, or the default context', () => {
    expect(dockerTalksElsewhere({}, home)).toBe(false);
    withConfig('{"currentContext":"default","auths":{}}');
    expect(dockerTalksElsewhere({}, home)).toBe(false);
    expect(dockerTalksElsewhere({ DOCKER_CONTEXT: 'default' }, home)).toBe(false);
  });

  it('is true with DOCKER_HOST, a DOCKER_CONTEXT or a current context other than default', () => {
    expect(dockerTalksElsewhere({ DOCKER_HOST: 'tcp://winhost:2376' }, home)).toBe(true);
    expect(dockerTalksElsewhere({ DOCKER_CONTEXT: 'winhost' }, home)).toBe(true);
    withConfig('{"currentContext":"winhost"}');
    expect(dockerTalksElsewhere({}, home)).toBe(true);
    // DOCKER_CONTEXT wins over the config, as docker reads them.
    expect(dockerTalksElsewhere({ DOCKER_CONTEXT: 'default' }, home)).toBe(false);
    // DOCKER_CONFIG names the folder of config.json.
    const other = path.join(home, 'elsewhere');
    mkdirSync(other);
    writeFileSync(path.join(other, 'config.json'), '{"currentContext":"remote"}');
    expect(dockerTalksElsewhere({ DOCKER_CONFIG: other }, path.join(home, 'nobody'))).toBe(true);
  });

  it('reads a damaged, odd or unreadable config as the local engine, without throwing', () => {
    for (const text of ['not json', '[]', 'null', '{"currentContext":42}', '{"currentContext":"  "}']) {
      withConfig(text);
      expect(dockerTalksElsewhere({}, home), text).toBe(false);
    }
    rmSync(path.join(home, '.docker'), { recursive: true, force: true });
    mkdirSync(path.join(home, '.docker', 'config.json'), { recursive: true });
    expect(dockerTalksElsewhere({}, home)).toBe(false);
  });
});
