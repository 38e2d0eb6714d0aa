import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readKnowledgeInput } from '../../src/platform/knowledge-input.js';

const REPO = path.resolve(import.meta.dirname, '../..');

describe('reading a knowledge folder more than once in a process', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'wcd-input-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  cpSync(path.join(REPO, 'knowledge'), path.join(root, 'knowledge'), { recursive: true });

  it('gives the same data as the first read, each caller its own copy', () => {
    const first = readKnowledgeInput(root);
    const second = readKnowledgeInput(root);
    expect(second).toStrictEqual(first);
    // A caller that edits what it got (kb check's tests do) changes nothing another read gives.
    const topic = second.topics[0]!.data as { title: { en: string } };
    topic.title.en = 'changed by a caller';
    expect((readKnowledgeInput(root).topics[0]!.data as { title: { en: string } }).title.en).toBe((first.topics[0]!.data as { title: { en: string } }).title.en);
    expect((first.topics[0]!.data as { title: { en: string } }).title.en).not.toBe('changed by a caller');
  });

  it('reads a file again once its text changes, and reports one that no longer parses', () => {
    const file = readKnowledgeInput(root).topics[1]!.file;
    const full = path.join(root, file);
    writeFileSync(full, 'id: renamed-topic\n');
    expect(readKnowledgeInput(root).topics[1]!.data).toEqual({ id: 'renamed-topic' });
    writeFileSync(full, 'id: [unclosed\n');
    const broken = readKnowledgeInput(root).topics[1]!;
    expect(broken.data).toBeNull();
    expect(broken.error).toEqual(expect.any(String));
  });
});
