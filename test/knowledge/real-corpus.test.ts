// The corpus of real pastes (test/fixtures/eval/real): well-formed, labelled with existing topics,
// split by thread, and diagnosed no worse than its floor on the train side.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/eval/real');
interface Paste { id: string; thread: string; url: string; lang: string; shape: string; own_words: boolean; topics: string[]; note: string; text: string }
const pastes: Paste[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Paste));
const splitOf = (thread: string) => ((createHash('sha256').update(thread).digest()[0] ?? 0) % 10 < 4 ? 'heldout' : 'train');
const kb = loadKnowledgeBase();

describe('the real-paste corpus', () => {
  it('has at least 300 pastes, a quarter or more about none of the known issues', () => {
    expect(pastes.length).toBeGreaterThanOrEqual(300);
    expect(pastes.filter((p) => p.topics.length === 0).length / pastes.length).toBeGreaterThanOrEqual(0.25);
  });

  it('every paste is well formed, with a unique id, a thread URL and existing topic ids', () => {
    const ids = new Set<string>();
    const known = new Set(kb.topics.map((t) => t.id));
    for (const p of pastes) {
      expect(ids.has(p.id), p.id).toBe(false);
      ids.add(p.id);
      expect(p.thread, p.id).toMatch(/^https?:\/\//);
      expect(typeof p.text === 'string' && p.text.trim().length > 0, p.id).toBe(true);
      expect(typeof p.own_words, p.id).toBe('boolean');
      for (const t of p.topics) expect(known, `${p.id}: ${t}`).toContain(t);
    }
  });

  it('splits by thread: both sides hold pastes, and a thread is on one side only', () => {
    const sides = new Map<string, Set<string>>();
    for (const p of pastes) (sides.get(p.thread) ?? sides.set(p.thread, new Set()).get(p.thread)!).add(splitOf(p.thread));
    for (const s of sides.values()) expect(s.size).toBe(1);
    const held = pastes.filter((p) => splitOf(p.thread) === 'heldout').length;
    expect(held / pastes.length).toBeGreaterThan(0.25);
    // The hash holds out 40 % of threads; current-failures.jsonl was collected from held-out threads only.
    expect(held / pastes.length).toBeLessThan(0.65);
  });

  it('train side: top-1 and rejection stay above their floors (a regression guard; held-out figures come from npm run eval)', () => {
    const train = pastes.filter((p) => splitOf(p.thread) === 'train');
    const pos = train.filter((p) => p.topics.length);
    const neg = train.filter((p) => !p.topics.length);
    const top1 = pos.filter((p) => p.topics.includes(diagnose(kb, p.text).matches[0]?.id ?? '')).length / pos.length;
    const reject = neg.filter((p) => diagnose(kb, p.text).matches.length === 0).length / neg.length;
    // Floors a little under the figures of 2026-12-03 (top-1 0.84, rejection 0.81 on the train side, which then
    // gained current-train.jsonl: 98 pastes nobody had tuned to, its near misses harder than the older ones').
    expect(top1).toBeGreaterThanOrEqual(0.8);
    expect(reject).toBeGreaterThanOrEqual(0.78);
  });
});
