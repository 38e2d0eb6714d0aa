import { z } from 'zod';
import type { Problem, RawFile } from '../knowledge/problem.js';
import { issuePath } from '../knowledge/topic-schema.js';
import { foldMessage } from '../text/normalise.js';
import { formatCode, hresultFromWin32 } from './parse-error-code.js';

/** What family a catalogue code belongs to. */
export type CodeKind = 'hresult' | 'win32' | 'ntstatus' | 'hcs' | 'hcn';

/** Another wording of a code's message seen in the wild, with its language and where it was seen. */
export interface CodeVariant {
  text: string;
  /** BCP 47 tag (`en`, `de`, `zh-CN`, …). */
  lang: string;
  source: string;
}

/** One Windows error code that matters for containers, with its names and messages. */
export interface CodeEntry {
  /** Canonical 32-bit value as `0x` + 8 upper-case hex digits; Win32 codes in HRESULT form (0x8007xxxx). */
  code: string;
  kind: CodeKind;
  /** The plain Win32 number, for `kind: win32`. */
  win32?: number;
  names: string[];
  /** Message text by BCP 47 tag: `en` where known, others only where Windows' own localised text is established. */
  messages: Record<string, string>;
  /** Where each non-English message was seen, by language. */
  messageSources: Record<string, string>;
  /** Other wordings seen in the wild for the same condition. */
  variants: CodeVariant[];
  /** Other canonical codes for the same condition (the HCS 0x8037/0xC037 twin). */
  equivalents: string[];
  /** False when the text is too generic or shared to identify the code in a paste. */
  matchText: boolean;
  /**
   * True when the code says only that something failed, not what (E_FAIL, "The parameter is
   * incorrect", "exited unexpectedly"): it is never evidence against an issue that does not list it.
   */
  generic: boolean;
  /**
   * True when the code names a common system condition with many unrelated causes (file not found,
   * access denied, element not found, file in use): alone, outside a paste that only asks about the
   * code, it does not name a known issue, so it counts only part of its weight (weights.ts `code.manyCausesKeeps`).
   */
  manyCauses: boolean;
  /** Where the code has been seen in container errors (issue references, seed documents). */
  seenIn: string[];
  /** Where the value and the English text come from. */
  source: string;
}

const CODE = /^0x[0-9A-F]{8}$/;
const LANG = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;
const codeString = z.string().regex(CODE, 'codes are 0x + 8 upper-case hex digits');

const variantSchema = z.union([
  z.string().min(2).transform((text) => ({ text, lang: 'en', source: '' })),
  z.object({ text: z.string().min(2), lang: z.string().regex(LANG, 'must be a BCP 47 tag such as de or zh-CN').default('en'), source: z.string().min(3) }).strict(),
]);

const entrySchema = z
  .object({
    code: codeString,
    kind: z.enum(['hresult', 'win32', 'ntstatus', 'hcs', 'hcn']),
    win32: z.number().int().min(0).max(0xffff).optional(),
    names: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'symbolic names are upper-case identifiers')).default([]),
    messages: z.record(z.string().regex(LANG, 'message keys are BCP 47 tags such as en, de, zh-CN'), z.string().min(2)).default({}),
    messageSources: z.record(z.string().regex(LANG), z.string().min(3)).default({}),
    variants: z.array(variantSchema).default([]),
    equivalents: z.array(codeString).default([]),
    matchText: z.boolean().default(true),
    generic: z.boolean().default(false),
    manyCauses: z.boolean().default(false),
    seenIn: z.array(z.string().min(3)).default([]),
    source: z.string().min(3),
  })
  .strict();

const fileSchema = z.object({ description: z.string().optional(), codes: z.array(entrySchema) }).strict();

const KIND_PREFIX: Record<CodeKind, RegExp> = {
  win32: /^0x8007/,
  hcs: /^0x(?:80|C0)37/,
  hcn: /^0x803B/,
  hresult: /^0x[89A-F]/,
  ntstatus: /^0x[C-F]/,
};

/** Checks one parsed entry on its own: kind vs value, Win32 number, message sources. */
function checkEntry(e: CodeEntry, file: string, at: string): Problem[] {
  const out: Problem[] = [];
  const p = (field: string, message: string) => out.push({ file, field: `${at}.${field}`, message });
  if (!KIND_PREFIX[e.kind].test(e.code)) p('code', `${e.code} is not a ${e.kind} value`);
  if (e.kind === 'win32') {
    if (e.win32 === undefined) p('win32', 'a win32 entry needs its plain Win32 number');
    else if (formatCode(hresultFromWin32(e.win32)) !== e.code) p('win32', `HRESULT_FROM_WIN32(${e.win32}) is ${formatCode(hresultFromWin32(e.win32))}, not ${e.code}`);
  } else if (e.win32 !== undefined) p('win32', 'only win32 entries have a Win32 number');
  for (const lang of Object.keys(e.messages))
    if (lang !== 'en' && !e.messageSources[lang]) p(`messageSources.${lang}`, 'a localised message needs the source it was seen in');
  for (const lang of Object.keys(e.messageSources)) if (!e.messages[lang]) p(`messageSources.${lang}`, 'names a language with no message');
  e.variants.forEach((v, i) => {
    if (!v.source) p(`variants[${i}]`, 'a variant needs the source it was seen in');
  });
  if (e.equivalents.includes(e.code)) p('equivalents', 'a code is not its own equivalent');
  return out;
}

/** Texts of an entry that may identify it in a paste, normalised. */
function matchableTexts(e: CodeEntry): string[] {
  if (!e.matchText) return [];
  return [...new Set([...Object.values(e.messages), ...e.variants.map((v) => v.text)].map(foldMessage))];
}

/** Cross-entry checks: unique codes and names, symmetric equivalents, texts that name two codes. */
function checkCatalog(entries: { e: CodeEntry; file: string; at: string }[]): Problem[] {
  const out: Problem[] = [];
  const byCode = new Map<string, CodeEntry>();
  const names = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const { e, file, at } of entries) {
    if (byCode.has(e.code)) out.push({ file, field: `${at}.code`, message: `duplicate code ${e.code}` });
    byCode.set(e.code, e);
    for (const n of e.names) {
      const prev = names.get(n);
      if (prev !== undefined && prev !== e.code) out.push({ file, field: `${at}.names`, message: `${n} already names ${prev}` });
      names.set(n, e.code);
    }
  }
  for (const { e, file, at } of entries) {
    for (const q of e.equivalents) {
      const other = byCode.get(q);
      if (!other) out.push({ file, field: `${at}.equivalents`, message: `no catalogue entry for ${q}` });
      else if (!other.equivalents.includes(e.code)) out.push({ file, field: `${at}.equivalents`, message: `${q} does not list ${e.code} back` });
    }
    for (const t of matchableTexts(e)) {
      const prev = texts.get(t);
      if (prev !== undefined && prev !== e.code && !e.equivalents.includes(prev))
        out.push({ file, field: `${at}.messages`, message: `text "${t}" also identifies ${prev}; set matchText: false on one of them` });
      else if (prev === undefined) texts.set(t, e.code);
    }
  }
  return out;
}

/** Validates the raw code catalogue files (knowledge/codes/*.yaml) into entries, reporting every problem. */
export function parseCodeCatalog(files: RawFile[]): { codes: CodeEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const all: { e: CodeEntry; file: string; at: string }[] = [];
  for (const f of files) {
    const parsed = fileSchema.safeParse(f.data);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push({ file: f.file, field: issuePath(i.path), message: i.message });
      continue;
    }
    parsed.data.codes.forEach((raw, i) => {
      const e: CodeEntry = { ...raw };
      if (raw.win32 === undefined) delete e.win32;
      const at = `codes[${i}]`;
      problems.push(...checkEntry(e, f.file, at));
      all.push({ e, file: f.file, at });
    });
  }
  problems.push(...checkCatalog(all));
  return { codes: all.map((a) => a.e), problems };
}
