import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Locale } from '../knowledge/types.js';
import { treeLeads, type TreeLead } from '../trees/tree-leads.js';
import type { DiagnoseResult, FoundCode } from './types.js';

/** A code as the diagnosis or `explain` found it: its canonical form and the forms that are the same code. */
interface CodeForms {
  canonical: string;
  equivalents: readonly string[];
}

/** The topics whose signature codes name a code or one of its equivalents, in the knowledge's order. */
export function topicsOfCode(kb: KnowledgeBase, code: CodeForms, locale: Locale = 'en'): { id: string; title: string }[] {
  const forms = new Set([code.canonical, ...code.equivalents]);
  return kb.topics.filter((t) => t.signatures.codes.some((c) => forms.has(c))).map((t) => ({ id: t.id, title: t.title[locale] ?? t.title.en }));
}

/**
 * When nothing matched a paste about Windows containers: for each of its codes that known issues print, those issues'
 * ids. A lead, not a diagnosis: `Element not found` beside the failed operation is the code of several issues, and the
 * rest of the paste did not say which, but the user learns where to look instead of only "no known issue". A paste
 * out of scope (a Linux host, another program) gets none: its codes are not a container's.
 */
export function codeLeads(kb: KnowledgeBase, result: Pick<DiagnoseResult, 'matches' | 'codes' | 'scope'>): { code: string; topics: string[] }[] {
  if (result.matches.length || result.scope?.kind === 'linux' || result.scope?.kind === 'unrelated') return [];
  return result.codes.flatMap((c) => {
    const topics = topicsOfCode(kb, c).map((t) => t.id);
    return topics.length ? [{ code: c.canonical, topics }] : [];
  });
}

/**
 * When nothing matched a paste about Windows containers: the troubleshooting trees whose questions quote a failure the
 * paste shows (treeLeads), so that the user can go on step by step from there. None for a paste out of scope.
 */
export function failureTreeLeads(kb: KnowledgeBase, result: Pick<DiagnoseResult, 'matches' | 'scope'>, paste: string): TreeLead[] {
  if (result.matches.length || result.scope?.kind === 'linux' || result.scope?.kind === 'unrelated') return [];
  return treeLeads(kb.trees, paste);
}

/**
 * The codes to list as found in a paste: every code, except one read from its message text when the paste also writes
 * out a code that means the same (`… exited unexpectedly. (0xc0370106)` lists 0xC0370106, not also the 0x80370106 its
 * message names). The diagnosis still reads both.
 * @example shownCodes([{ canonical: '0x80370106', via: 'message', equivalents: ['0xC0370106'] }, { canonical: '0xC0370106', via: 'hex', equivalents: ['0x80370106'] }] as FoundCode[]).map((c) => c.canonical) // ['0xC0370106']
 */
export function shownCodes<C extends Pick<FoundCode, 'canonical' | 'via' | 'equivalents'>>(codes: readonly C[]): C[] {
  const written = new Set(codes.filter((c) => c.via !== 'message').map((c) => c.canonical));
  const seen = new Set<string>();
  return codes.filter((c) => {
    if (seen.has(c.canonical) || (c.via === 'message' && (written.has(c.canonical) || c.equivalents.some((e) => written.has(e))))) return false;
    seen.add(c.canonical);
    return true;
  });
}
