import type { Problem, RawFile } from '../knowledge/problem.js';
import type { Locale } from '../knowledge/types.js';

/** One Windows error code that matters for containers, with its names and messages. */
export interface CodeEntry {
  /** Canonical 32-bit value as `0x` + 8 upper-case hex digits (Win32 codes in HRESULT form are separate entries). */
  code: string;
  kind: 'hresult' | 'win32' | 'ntstatus' | 'hcs' | 'hcn';
  names: string[];
  /** Message text: `en` always, others where Windows' own localised text is established. */
  messages: Partial<Record<Locale | 'de', string>> & { en: string };
  /** Other wordings seen in the wild for the same condition. */
  variants?: string[];
  source: string;
}

/** Validates the raw code catalogue files. */
export function parseCodeCatalog(files: RawFile[]): { codes: CodeEntry[]; problems: Problem[] } {
  const codes: CodeEntry[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    const list = (f.data as { codes?: unknown })?.codes;
    if (!Array.isArray(list)) {
      problems.push({ file: f.file, field: 'codes', message: 'must be a list' });
      continue;
    }
    codes.push(...(list as CodeEntry[]));
  }
  return { codes, problems };
}
