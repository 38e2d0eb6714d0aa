import { phraseHits } from './phrase.js';
import type { EvidenceRule } from './types.js';

/**
 * The setting of an issue (a command, a tool's output: `kubectl describe pod`, `docker run -it`) is
 * weak evidence that never explains a failure, unless the paste asks a question and states no
 * failure: then it is what the paste is about, and counts like a phrase.
 */
export const settingRule: EvidenceRule = {
  id: 'setting',
  describe: 'a phrase of where the issue shows up: weak, up to a few; as strong as a phrase in a question that states no failure',
  apply(f, index, acc, w) {
    for (const { topic, phrase } of phraseHits(f.anchorWords, f.flat, index.settingAnchors, index.unanchoredSetting)) {
      const found = acc.get(topic)?.evidence.filter((e) => e.rule === 'setting') ?? [];
      if (found.some((e) => e.matched === phrase) || found.length >= w.setting.maxHits) continue;
      const weight = f.asks ? (found.length ? w.setting.askedMore : w.setting.askedFirst) : found.length ? w.setting.more : w.setting.first;
      acc.add(topic, { kind: 'setting', matched: phrase, signature: 'setting', weight, rule: 'setting' });
    }
  },
};
