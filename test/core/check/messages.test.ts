// What the host check says is a catalog key and its values (check.msg.* in locales/*.json), never an English sentence:
// the keys a check can produce are read from its module (the literals the catalog test also finds), the values it
// fills in from running every check over every fixture, and both must agree with all four catalogues.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../src/core/check/checks/index.js';
import { evaluateHost } from '../../../src/core/check/evaluate.js';
import { MAX_HOST_SHOWN, renderMessage, shownHost } from '../../../src/core/check/message.js';
import { readCheckInput } from '../../../src/core/check/read-input.js';
import type { Finding, MessageText } from '../../../src/core/check/types.js';
import { baseKeyOf, pluralCategoriesOf } from '../../../src/core/i18n/translate.js';
import { LOCALES } from '../../../src/core/knowledge/types.js';
import { CATALOGS } from '../../helpers/i18n.js';
import { checkText, fixture, fixtureFiles } from './fixtures.js';

const SRC = path.resolve(import.meta.dirname, '../../../src/core/check');
const CHECK_IDS = new Set(CHECKS.map((c) => c.id));
const KEY_LITERAL = /'(check\.msg\.[\w.-]+)'/g;
const SLOT = /\{\{\s*([\w.-]+)\s*\}\}/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : f.endsWith('.ts') ? [p] : [];
  });
}

/** The check.msg keys each module of src/core/check names, and for a check's module the check's id. */
const MODULES = tsFiles(SRC).map((file) => {
  // Code only: a key in a doc comment's example is no key the module uses.
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  return { file: path.relative(SRC, file), id: /^\s+id: '([\w-]+)',$/m.exec(text)?.[1], keys: [...new Set([...text.matchAll(KEY_LITERAL)].map((m) => m[1]!))] };
});
const SOURCE_KEYS = new Set(MODULES.flatMap((m) => m.keys));

/** Every finding of every check over every fixture: collector documents, single-command pastes, a session, a fleet. */
const FINDINGS: { file: string; finding: Finding }[] = [...fixtureFiles('hosts'), ...fixtureFiles('paste'), 'session-ws2022.txt', 'fleet-invoke-command.json'].flatMap((file) => {
  const input = readCheckInput(fixture(file));
  if (!input.ok) throw new Error(`${file}: ${input.error.message}`);
  return input.value.docs.flatMap((doc) => evaluateHost(doc).findings.map((finding) => ({ file, finding })));
});

/** A sentence and every sentence inside its values (list items, nested sentences). */
function sentencesIn(m: MessageText): MessageText[] {
  const inner = Object.values(m.params ?? {}).flatMap((v) => (typeof v !== 'object' || 'decimal' in v ? [] : Array.isArray(v) ? v.filter((x): x is MessageText => typeof x === 'object') : [v as MessageText]));
  return [m, ...inner.flatMap(sentencesIn)];
}

const USED: MessageText[] = FINDINGS.flatMap(({ finding }) => [finding.text, ...finding.evidence.flatMap((e) => (typeof e.value === 'string' ? [] : [e.value]))]).flatMap(sentencesIn);
const RUNTIME_KEYS = new Set(USED.map((m) => m.key));

/** The forms of a key in a catalogue: itself, or its plural forms (each catalogue's keys grouped by base key once). */
const FORMS = new Map<string, Map<string, string[]>>();
const formsOf = (locale: string, key: string): string[] => {
  let byBase = FORMS.get(locale);
  if (!byBase) {
    byBase = new Map();
    for (const k of Object.keys(CATALOGS[locale as keyof typeof CATALOGS])) {
      const base = baseKeyOf(k);
      if (k.startsWith(base)) (byBase.get(base) ?? byBase.set(base, []).get(base)!).push(k);
    }
    for (const forms of byBase.values()) forms.sort();
    FORMS.set(locale, byBase);
  }
  return [...(byBase.get(key) ?? [])];
};
const slotsOf = (locale: string, key: string) => [...new Set(formsOf(locale, key).flatMap((k) => [...(CATALOGS[locale as keyof typeof CATALOGS][k] ?? '').matchAll(SLOT)].map((m) => m[1]!)))].sort();
const isPlural = (key: string) => formsOf('en', key).some((k) => k !== key);

describe('check.msg: the keys the checks use', () => {
  it('are read from the modules and cover what the checks said on the fixtures', () => {
    expect(SOURCE_KEYS.size).toBeGreaterThan(150);
    expect([...RUNTIME_KEYS].filter((k) => !SOURCE_KEYS.has(k))).toEqual([]);
    // The fixtures make most of them: the rest are judged by the catalogue rules below only.
    expect(RUNTIME_KEYS.size).toBeGreaterThan(100);
  });

  it("a check's module names its own keys (check.msg.<its id>.*) or shared ones, never another check's", () => {
    for (const m of MODULES) {
      for (const key of m.keys) {
        const scope = key.split('.')[2]!;
        if (CHECK_IDS.has(scope)) expect(scope, `${m.file}: ${key}`).toBe(m.id);
      }
    }
    for (const id of CHECK_IDS) expect([...SOURCE_KEYS].some((k) => k.startsWith(`check.msg.${id}.`)), id).toBe(true);
  });

  it.each([...LOCALES])('%s has every key, in the plural forms its language uses (Intl.PluralRules) when en.json has them', (locale) => {
    const wrong = [...SOURCE_KEYS].filter((key) => {
      const want = isPlural(key) ? pluralCategoriesOf(locale).map((c) => `${key}_${c}`).sort() : [key];
      return JSON.stringify(formsOf(locale, key)) !== JSON.stringify(want);
    });
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s fills the same {{slots}} as en.json in every key', (locale) => {
    const differ = [...SOURCE_KEYS].filter((key) => JSON.stringify(slotsOf(locale, key)) !== JSON.stringify(slotsOf('en', key)));
    expect(differ).toEqual([]);
  });

  it('each sentence is given exactly the values its slots name, and a number to choose a plural form by (count) exactly when it has plural forms', () => {
    const notCount = (names: string[]) => names.filter((n) => n !== 'count').sort();
    for (const m of USED) {
      expect(notCount(Object.keys(m.params ?? {})), m.key).toEqual(notCount(slotsOf('en', m.key)));
      expect(typeof m.params?.count === 'number', m.key).toBe(isPlural(m.key));
    }
  });

  it.each([...LOCALES])('%s renders every sentence the fixtures produce with every slot filled', (locale) => {
    const t = checkText(locale);
    for (const m of USED) {
      const text = renderMessage(t, m);
      expect(text, m.key).not.toMatch(/\{\{|check\.msg\./);
      expect(text.trim(), m.key).not.toBe('');
    }
  });
});

describe("every check's verdict over every fixture", () => {
  it('is a key with values, never a sentence in English; what it words itself in its evidence is keyed too', () => {
    expect(FINDINGS.length).toBeGreaterThan(CHECKS.length * 20);
    for (const { file, finding } of FINDINGS) {
      const where = `${file} ${finding.check}`;
      expect(finding.text, where).toEqual(expect.objectContaining({ key: expect.stringMatching(/^check\.msg\./) }));
      expect(formsOf('en', finding.text.key), `${where}: ${finding.text.key}`).not.toEqual([]);
      const scope = finding.text.key.split('.')[2]!;
      if (CHECK_IDS.has(scope)) expect(scope, where).toBe(finding.check);
      for (const e of finding.evidence) if (typeof e.value !== 'string') expect(formsOf('en', e.value.key), `${where}: ${e.value.key}`).not.toEqual([]);
    }
  });

  it("renders differently in each language than in English, where the sentence has words of its own", () => {
    const en = checkText('en');
    for (const locale of ['zh-CN', 'ko-KR', 'sv-SE'] as const) {
      const t = checkText(locale);
      // A product name and its version ("Engine 24.0.7", "containerd 1.7.20") and Kubernetes' own words read the same.
      const same = [...new Map(USED.map((m) => [m.key, m])).values()].filter((m) => renderMessage(t, m) === renderMessage(en, m)).map((m) => m.key);
      expect(same.filter((k) => !/^check\.msg\.(?:engine-version\.ok|containerd-config\.ok|k8s-node-ready\.notReady)$/.test(k)), locale).toEqual([]);
    }
  });
});

describe('shownHost on adversarial names', () => {
  it.each([
    ['line breaks', 'web1\n\nAll checks pass\r\n'],
    ['tabs', '\t'.repeat(1000)],
    ['control characters', '\u001b[2J\u0007\u0085\u2028'],
    ['a million characters', 'h'.repeat(1_000_000)],
    ['repeated separators', ', '.repeat(500)],
  ])('%s: one line (the terminal-safe output shows the other controls), at most MAX_HOST_SHOWN characters', (_name, host) => {
    const shown = shownHost(host);
    expect(shown).not.toMatch(/[\r\n\t]/);
    expect(shown.length).toBeLessThanOrEqual(MAX_HOST_SHOWN);
  });

  // A regression tester: a name cut after its controls were shown ended in half an escape (`xxxx…\…`).
  it.each([61, 62, 63, 64, 65])('cuts before an escape, never inside it (%i characters before U+202E)', (n) => {
    const shown = shownHost(`${'x'.repeat(n)}\u202e\u{e0001}tail`);
    expect(shown.length).toBeLessThanOrEqual(MAX_HOST_SHOWN);
    expect(shown).not.toMatch(/[\u202e\u{e0001}]/u);
    expect(shown).toMatch(/^x+(?:\\u202e(?:\\u\{e0001\})?)?…$/);
    expect(shownHost('DOMAIN\\host')).toBe('DOMAIN\\host');
  });

  it.each([61, 62, 63, 64])('never cuts a character outside the BMP in two (%i characters before an emoji)', (n) => {
    const shown = shownHost(`${'x'.repeat(n)}${'😀'.repeat(5)}`);
    expect(shown.length).toBeLessThanOrEqual(MAX_HOST_SHOWN);
    expect(shown).toMatch(/^x+(?:😀)*…$/u);
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
