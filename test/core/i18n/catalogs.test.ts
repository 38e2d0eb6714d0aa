import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseKeyOf, pluralCategoriesOf } from '../../../src/core/i18n/translate.js';
import { parseGlossary, usesForm } from '../../../src/core/knowledge/glossary.js';
import { LOCALES, type Locale } from '../../../src/core/knowledge/types.js';
import { parse as parseYaml } from 'yaml';

const root = path.resolve(import.meta.dirname, '../../..');
const load = (locale: string): Record<string, string> => JSON.parse(readFileSync(path.join(root, 'locales', `${locale}.json`), 'utf8')) as Record<string, string>;
const en = load('en');
const PLURAL = /_(?:zero|one|two|few|many|other)$/;
const pluralBases = new Set(Object.keys(en).filter((k) => PLURAL.test(k)).map(baseKeyOf));

/** The keys a locale must have: en's plain keys, and each plural key in the forms the language uses. */
function expectedKeys(locale: string): string[] {
  const plain = Object.keys(en).filter((k) => !PLURAL.test(k));
  const plurals = [...pluralBases].flatMap((b) => pluralCategoriesOf(locale).map((c) => `${b}_${c}`));
  return [...plain, ...plurals].sort();
}

const slots = (s: string) => [...s.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('locales/*.json', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))("%s never uses a word the glossary says to avoid (found by a tester: 镜像 beside 映像, 엔드포인트 beside 끝점)", (locale) => {
    const glossary = parseGlossary({ file: 'knowledge/glossary.yaml', data: parseYaml(readFileSync(path.join(root, 'knowledge', 'glossary.yaml'), 'utf8')) as unknown });
    const avoided = glossary.terms.flatMap((t) => (t.avoid?.[locale as keyof typeof t.avoid] ?? []).map((word) => ({ term: t.id, word })));
    expect(glossary.terms.some((t) => t.avoid)).toBe(true);
    const uses = Object.entries(load(locale)).flatMap(([key, text]) => avoided.filter((a) => usesForm(text.toLowerCase(), a.word, locale as Locale)).map((a) => `${key}: ${a.word} (${a.term})`));
    expect(uses).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys of en.json (plural forms per its language)', (locale) => {
    expect(Object.keys(load(locale)).sort()).toEqual(expectedKeys(locale));
  });

  it.each([...LOCALES])('%s uses the same {{slots}} as en.json and leaves no message empty', (locale) => {
    const cat = load(locale);
    for (const [key, text] of Object.entries(cat)) {
      expect(text.trim(), key).not.toBe('');
      const enText = en[key] ?? en[`${baseKeyOf(key)}_other`] ?? '';
      expect(slots(text).filter((s) => s !== 'count'), key).toEqual(slots(enText).filter((s) => s !== 'count'));
    }
  });

  it.each([...LOCALES])('%s writes every slot as {{name}}: a {name} would be printed as it is', (locale) => {
    const single = Object.entries(load(locale)).filter(([, text]) => /(?<!\{)\{[A-Za-z]\w*\}(?!\})/.test(text));
    expect(single.map(([key]) => key)).toEqual([]);
  });

  it.each(['zh-CN', 'ko-KR', 'sv-SE'])('%s is translated: most messages differ from English', (locale) => {
    const cat = load(locale);
    const same = Object.keys(en).filter((k) => cat[k] === en[k] && !k.startsWith('language.') && k !== 'app.name');
    expect(same.length / Object.keys(en).length).toBeLessThan(0.12);
  });

  it('uses every key of en.json somewhere in src/ (as a literal), and no key that en.json lacks', () => {
    const code = sourceFiles(path.join(root, 'src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const bases = [...new Set(Object.keys(en).map(baseKeyOf))];
    const unused = bases.filter((k) => !code.includes(`'${k}'`));
    expect(unused).toEqual([]);
    const ui = sourceFiles(path.join(root, 'src/ui')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const referenced = [...ui.matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => m[1] ?? '');
    expect(referenced.filter((k) => !bases.includes(k))).toEqual([]);
  });
});
