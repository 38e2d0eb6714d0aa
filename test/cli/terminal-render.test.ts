import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width.js';
import { markdownExcerpt } from '../../src/cli/terminal-markdown.js';
import { KB_ARTEFACT } from '../../src/platform/knowledge-fs.js';
import { findPackageRoot } from '../../src/platform/package-root.js';
import { runCli } from '../helpers/cli-io.js';

const built = existsSync(path.join(findPackageRoot(), KB_ARTEFACT));
const configDir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-render-'));
afterAll(() => rmSync(configDir, { recursive: true, force: true }));
const env = (extra: Record<string, string> = {}) => ({ WCDOCTOR_CONFIG_DIR: configDir, LANG: 'en_US.UTF-8', NO_COLOR: '1', ...extra });

/** The Chinese page's NAT conflict: bold, a code block and `***缓解措施***` in its text. */
const NAT_PASTE = 'docker: Error response from daemon: failed to create endpoint berserk_bassi on network nat: hnsCall failed in Win32: The remote procedure call failed. (0x6be).';

/** Words of four letters or more: a word split at a line end shows up as two words that are not in the source. */
const words = (s: string) => new Set(s.match(/[A-Za-z]{4,}/g) ?? []);

describe.runIf(built)('terminal rendering of diagnose and docs', () => {
  it.each([60, 80])('diagnose renders the quoted documentation in a terminal of %i columns: no raw Markdown, every line within the width', async (columns) => {
    const r = await runCli(['diagnose', NAT_PASTE, '--lang', 'zh-CN'], { env: env({ COLUMNS: String(columns) }), tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('缓解措施');
    expect(r.stdout).not.toContain('***');
    expect(r.stdout).not.toContain('```');
    expect(r.stdout).not.toMatch(/\*\*\S/);
    for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
  });

  it('diagnose prints plain Markdown when piped', async () => {
    const r = await runCli(['diagnose', NAT_PASTE, '--lang', 'zh-CN'], { env: env() });
    expect(r.stdout).toContain('***缓解措施***');
    expect(r.stdout).toContain('```powershell');
  });

  it('diagnose quotes our translation in English, where it used to quote Chinese', async () => {
    const r = await runCli(['diagnose', NAT_PASTE, '--lang', 'en'], { env: env() });
    expect(r.stdout).toContain('From the documentation (en; our translation from zh-CN):');
    expect(r.stdout).toContain('***Mitigation***');
    expect(r.stdout).not.toContain('缓解措施');
  });

  it.each([
    ['en', 'hidden-vswitch-blocks-transparent'],
    ['sv-SE', 'network-drivers'],
    ['ko-KR', 'k8s-node-labels-nodeselector'],
    ['zh-CN', 'network-architecture'],
  ])('docs --lang %s %s wraps at word boundaries within the width, splitting no word', async (lang, id) => {
    const plain = await runCli(['docs', id, '--lang', lang], { env: env() });
    const r = await runCli(['docs', id, '--lang', lang], { env: env({ COLUMNS: '50' }), tty: true });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(50);
    expect(r.stdout).not.toContain('```');
    const source = words(plain.stdout);
    // A token wider than a line (a URL, a JSON blob, a long option) must be cut, as nothing else fits; a word is not.
    const long = plain.stdout.split(/\s+/).filter((t) => displayWidth(t) > 40);
    const split = [...words(r.stdout)].filter((w) => !source.has(w) && !long.some((t) => t.includes(w)));
    expect(split).toEqual([]);
  });
});

describe('markdownExcerpt', () => {
  it.each([
    ['short text is kept whole', 'a\nb', 5, 'a\nb', false],
    ['a cut outside code is a plain cut', 'a\nb\nc\nd', 2, 'a\nb', true],
    ['a cut inside a code block closes it', 'text\n```ps\nline 1\nline 2\n```', 3, 'text\n```ps\nline 1\n```', true],
    ['a closed block before the cut is left alone', '```\nx\n```\nmore\nmore', 4, '```\nx\n```\nmore', true],
  ])('%s', (_name, md, n, text, cut) => {
    expect(markdownExcerpt(md, n)).toEqual({ text, cut });
  });
});
