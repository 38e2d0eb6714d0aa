import { isWordChar } from '../diagnosis/phrase-match.js';
import type { Tree } from './types.js';

/** A troubleshooting answer that quotes a failure the paste shows: the tree, its question and the answer. */
export interface TreeLead {
  tree: string;
  question: string;
  answer: string;
  /** The text the answer quotes and the paste holds. */
  quoted: string;
}

/** The shortest quoted text that counts: shorter ones ("nat", "Error") are in every paste. */
const MIN_QUOTED = 12;
/** How much of a paste is searched: the quoted failures are error lines, which a paste shows near its start or end. */
const MAX_SEARCHED = 256 * 1024;

/** Lower case, each run of white space one space: a paste wrapped by a terminal still holds the quoted line. */
const flatten = (text: string): string => text.toLowerCase().split(/\s+/).filter(Boolean).join(' ');

/**
 * Whether `text` holds `quoted` as words: where the quote starts or ends with a letter or digit, the text beside it does
 * not go on with one ("UntrustedRootX" does not hold "UntrustedRoot"; found by a regression tester).
 */
function holdsWords(text: string, quoted: string): boolean {
  // isWordChar, not a pattern of Unicode properties made when the module loads: V8 reads such a pattern when it is
  // created, some 0.4 ms of every diagnosis start, and a start that finds a match never gets here.
  const first = isWordChar(quoted[0]);
  const last = isWordChar(quoted.at(-1));
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + quoted.length] ?? '';
    if ((!first || !isWordChar(before)) && (!last || !isWordChar(after))) return true;
  }
  return false;
}

/** The texts an answer's English label quotes ("…" or “…”), at least MIN_QUOTED characters each. */
function quotedIn(label: string): string[] {
  const out: string[] = [];
  for (const [open, close] of [['"', '"'], ['“', '”']] as const) {
    let at = label.indexOf(open);
    while (at >= 0) {
      const end = label.indexOf(close, at + 1);
      if (end < 0) break;
      const quoted = label.slice(at + 1, end).trim();
      if (quoted.length >= MIN_QUOTED) out.push(quoted);
      at = label.indexOf(open, end + 1);
    }
  }
  return out;
}

/**
 * When nothing matched a paste: the answers of the troubleshooting trees that quote a failure the paste shows (in their
 * English label, which quotes the machine's English text), so that the user can go on step by step from the question
 * that asks about it instead of only reading "no known issue". At most one per tree, in the trees' order.
 * @example treeLeads(trees, 'encountered an error during hcs::System::Start: context deadline exceeded') // [{ tree: 'container-wont-start', … }]
 */
export function treeLeads(trees: readonly Tree[], paste: string): TreeLead[] {
  const text = flatten(paste.length > MAX_SEARCHED ? `${paste.slice(0, MAX_SEARCHED / 2)}\n${paste.slice(-MAX_SEARCHED / 2)}` : paste);
  const leads: TreeLead[] = [];
  for (const tree of trees) {
    found: for (const node of Object.values(tree.nodes)) {
      if (node.kind !== 'question') continue;
      for (const answer of node.answers)
        for (const quoted of quotedIn(answer.label.en))
          if (holdsWords(text, flatten(quoted))) {
            leads.push({ tree: tree.id, question: node.id, answer: answer.id, quoted });
            break found;
          }
    }
  }
  return leads;
}
