import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { registerTroubleshoot, renderTroubleshoot, type TroubleshootAppContext } from '../../src/cli/commands/troubleshoot.js';
import type { KnowledgeBase } from '../../src/core/knowledge/kb.js';
import { parseTrees } from '../../src/core/trees/parse-trees.js';
import { fakeIO, runCli } from '../helpers/cli-io.js';
import { file, TOPICS, validTreeData } from '../core/trees/tree-fixtures.js';

const trees = parseTrees([file(validTreeData())], { topics: TOPICS }).trees;
const kb = { trees, topics: TOPICS } as unknown as KnowledgeBase;

/** Runs `wcdoctor [--lang L] troubleshoot ARGS` in-process against the fixture tree. */
async function troubleshoot(args: string[], opts: { tty?: boolean; openApp?: (ctx: TroubleshootAppContext) => Promise<boolean> } = {}) {
  const f = fakeIO({ tty: opts.tty });
  let code = 0;
  const io = { ...f.io, setExitCode: (c: number) => void (code = c) };
  const program = new Command('wcdoctor').option('--lang <locale>').option('--no-color').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  registerTroubleshoot(program, io, { loadKnowledgeBase: () => kb, openApp: opts.openApp ?? (async () => false) });
  await program.parseAsync(args, { from: 'user' });
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

describe('renderTroubleshoot (pure)', () => {
  it('lists the trees with no TREE', () => {
    const r = renderTroubleshoot(trees, TOPICS, { locale: 'en', json: false });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/tree\s+symptom/);
    expect(r.out).toMatch(/sample\s+Sample tree/);
  });

  it('prints the outline of a tree in the chosen language', () => {
    const r = renderTroubleshoot(trees, TOPICS, { treeId: 'sample', locale: 'sv-SE', json: false });
    expect(r.out).toContain('? What happens? (sv) [code]');
    expect(r.out).toContain('    ✔ [slow-start] Title of slow-start (fix: check-av)');
  });

  it('refuses an unknown tree with exit 2, listing the valid ones', () => {
    expect(renderTroubleshoot(trees, TOPICS, { treeId: 'nope', locale: 'en', json: false })).toEqual({ out: '', err: 'wcdoctor troubleshoot: no tree "nope"; valid trees: sample\n', code: 2 });
  });

  it('prints JSON for the list and for one tree', () => {
    expect(JSON.parse(renderTroubleshoot(trees, TOPICS, { locale: 'ko-KR', json: true }).out)).toEqual([{ id: 'sample', title: 'Sample tree (ko)', summary: 'A tree for tests (ko)' }]);
    expect(JSON.parse(renderTroubleshoot(trees, TOPICS, { treeId: 'sample', locale: 'en', json: true }).out)).toMatchObject({ id: 'sample', start: 'symptom' });
  });
});

describe('wcdoctor troubleshoot', () => {
  it('prints the outline without a TTY, in --lang', async () => {
    const r = await troubleshoot(['--lang', 'zh-CN', 'troubleshoot', 'sample']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('? What happens? (zh) [code]');
    expect(r.stderr).toBe('');
  });

  it('exits 2 for an unknown tree', async () => {
    const r = await troubleshoot(['troubleshoot', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('valid trees: sample');
  });

  it('on a TTY asks the app first, and prints the outline with a note while the app is not there', async () => {
    const openApp = vi.fn(async () => false);
    const r = await troubleshoot(['troubleshoot', 'sample'], { tty: true, openApp });
    expect(openApp).toHaveBeenCalledWith(expect.objectContaining({ treeId: 'sample', locale: 'en', kb, noColor: false }));
    expect(r.stdout).toContain('sample: Sample tree');
    expect(r.stderr).toContain('interactive view comes with the app');
  });

  it('on a TTY prints nothing once the app has run, unless --outline is given', async () => {
    const openApp = vi.fn(async () => true);
    expect((await troubleshoot(['troubleshoot', 'sample'], { tty: true, openApp })).stdout).toBe('');
    const r = await troubleshoot(['troubleshoot', 'sample', '--outline'], { tty: true, openApp });
    expect(openApp).toHaveBeenCalledTimes(1);
    expect(r.stdout).toContain('? What happens?');
  });

  it('passes the global --no-color to the app', async () => {
    const openApp = vi.fn(async () => true);
    await troubleshoot(['--no-color', 'troubleshoot', 'sample'], { tty: true, openApp });
    expect(openApp).toHaveBeenCalledWith(expect.objectContaining({ treeId: 'sample', noColor: true }));
  });

  it('refuses an unknown --lang through the real program', async () => {
    const r = await runCli(['--lang', 'fr', 'troubleshoot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang: "fr" is not one of en, zh-CN, ko-KR, sv-SE');
  });
});
